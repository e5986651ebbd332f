/**
 * The page's inflater (browser-inflate.ts): the browser's DecompressionStream for large
 * parts (Node has the same API), fflate for small ones. Same bytes as zlib, corrupt data and
 * a caller's error end the inflate, and a bomb is stopped by the package's ratio bound, as
 * with the other inflaters.
 */
import * as zlib from "zlib";
import { HostError } from "../../../src/hosts/host";
import { browserInflater } from "../../../src/hosts/xlsx/browser-inflate";
import { openPackage } from "../../../src/hosts/xlsx/package";
import { bombPackage } from "./packages";

const MB = 1024 * 1024;

/** Sheet-like XML of about `bytes`, varied enough to pack about ten to one. */
function sheetXml(bytes: number): Buffer {
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; size < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 100_003}</v></c><c r="B${r}"><v>${(r * 104_729) % 1_000_003}.${r % 97}</v></c></row>`;
    rows.push(row);
    size += row.length;
  }
  return Buffer.from(rows.join(""));
}

async function inflateAll(compressed: Uint8Array): Promise<{ out: Buffer; chunks: number }> {
  const parts: Uint8Array[] = [];
  await browserInflater.inflate(compressed, (c) => parts.push(c.slice()));
  return { out: Buffer.concat(parts), chunks: parts.length };
}

test("a large part (the native stream) and a small one (fflate) give zlib's bytes", async () => {
  for (const size of [4 * 1024, 6 * MB]) {
    const xml = sheetXml(size);
    const packed = new Uint8Array(zlib.deflateRawSync(xml));
    const { out } = await inflateAll(packed);
    expect(out.equals(xml)).toBe(true);
  }
  // The large one really went through the native path: packed past the threshold.
  expect(zlib.deflateRawSync(sheetXml(6 * MB)).length).toBeGreaterThan(256 * 1024);
});

test("corrupt data rejects, in either path", async () => {
  const packed = zlib.deflateRawSync(sheetXml(6 * MB));
  const broken = new Uint8Array(packed.subarray(0, packed.length - 1000));
  broken.fill(0xff, 300_000, 300_100);
  await expect(inflateAll(broken)).rejects.toThrow();
  await expect(inflateAll(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toThrow();
});

test("an error thrown by the caller ends the inflate with that error", async () => {
  const packed = new Uint8Array(zlib.deflateRawSync(sheetXml(6 * MB)));
  const stop = new Error("enough");
  let seen = 0;
  const r = browserInflater.inflate(packed, (c) => {
    seen += c.length;
    if (seen > MB) throw stop;
  });
  await expect(r).rejects.toBe(stop);
  expect(seen).toBeLessThan(2 * MB);
});

test("a bomb lying about its size is stopped by the ratio bound, as with zlib and fflate", async () => {
  const liar = await bombPackage(300 * MB, "<row/>", 20_000);
  const pkg = await openPackage(liar, { fileName: "bomb.xlsx", inflater: browserInflater });
  let seen = 0;
  const error = await pkg.stream("xl/worksheets/sheet1.xml", (c) => (seen += c.length)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  expect((error as Error).message).toMatch(/unzips to more than 250 times its packed size/);
  expect(seen).toBeLessThan(64 * MB);
}, 60_000);

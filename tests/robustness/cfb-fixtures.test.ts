/**
 * The encrypted and old-format fixtures are real compound files, readable by walking the
 * FAT and directory as any CFB reader does, with the streams Excel writes; not just the
 * magic number.
 */
import * as fs from "fs";
import * as path from "path";
import { badFixtures } from "../../scripts/make-bad-fixtures";
import { FIXTURES } from "./cli-io";

interface Entry {
  id: number;
  name: string;
  type: number;
  black: boolean;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

const NOSTREAM = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;

/** A small, strict compound file reader (MS-CFB v3): header, FAT, directory, mini stream. */
function readCfb(bytes: Uint8Array) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  expect(v.getUint16(0x1a, true)).toBe(3);
  expect(v.getUint16(0x1c, true)).toBe(0xfffe);
  expect(v.getUint16(0x1e, true)).toBe(9);
  expect(v.getUint16(0x20, true)).toBe(6);
  expect(v.getUint32(0x38, true)).toBe(4096);
  const sector = (s: number) => bytes.subarray(512 * (s + 1), 512 * (s + 2));
  const fatCount = v.getUint32(0x2c, true);
  const fat: number[] = [];
  for (let i = 0; i < fatCount; i++) {
    const s = new DataView(sector(v.getUint32(0x4c + 4 * i, true)).slice().buffer);
    for (let k = 0; k < 128; k++) fat.push(s.getUint32(k * 4, true));
  }
  const chainOf = (start: number, table: number[]): number[] => {
    const out: number[] = [];
    for (let s = start; s !== ENDOFCHAIN; s = table[s]) {
      if (s >= table.length || out.length > table.length) throw new Error(`broken chain at ${s}`);
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number) => {
    const parts = chainOf(start, fat).map(sector);
    const out = new Uint8Array(parts.length * 512);
    parts.forEach((p, i) => out.set(p, i * 512));
    return out;
  };
  const dir = readChain(v.getUint32(0x30, true));
  const dv = new DataView(dir.buffer);
  const entries: Entry[] = [];
  for (let i = 0; i * 128 < dir.length; i++) {
    const o = i * 128;
    const type = dir[o + 0x42];
    if (type === 0) continue;
    const len = dv.getUint16(o + 0x40, true) / 2 - 1;
    let name = "";
    for (let k = 0; k < len; k++) name += String.fromCharCode(dv.getUint16(o + k * 2, true));
    entries.push({
      id: i, name, type, black: dir[o + 0x43] === 1,
      left: dv.getUint32(o + 0x44, true), right: dv.getUint32(o + 0x48, true), child: dv.getUint32(o + 0x4c, true),
      start: dv.getUint32(o + 0x74, true), size: dv.getUint32(o + 0x78, true),
    });
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const root = byId.get(0)!;
  expect(root.type).toBe(5);
  const miniStream = root.size ? readChain(root.start).subarray(0, root.size) : new Uint8Array(0);
  const miniFat: number[] = [];
  const miniFatStart = v.getUint32(0x3c, true);
  if (miniFatStart !== ENDOFCHAIN) {
    const m = readChain(miniFatStart);
    const mv = new DataView(m.buffer);
    for (let k = 0; k < m.length / 4; k++) miniFat.push(mv.getUint32(k * 4, true));
  }
  const stream = (e: Entry): Uint8Array => {
    if (e.size >= 4096) return readChain(e.start).subarray(0, e.size);
    const out = new Uint8Array(e.size);
    chainOf(e.start, miniFat).forEach((s, i) => out.set(miniStream.subarray(s * 64, s * 64 + 64).subarray(0, Math.max(0, e.size - i * 64)), i * 64));
    return out;
  };
  /** A storage's children, in tree order, checking the red-black and ordering rules on the way. */
  const children = (parent: Entry): Entry[] => {
    const out: Entry[] = [];
    const blackHeights = new Set<number>();
    const walk = (id: number, blacks: number, parentRed: boolean) => {
      if (id === NOSTREAM) {
        blackHeights.add(blacks);
        return;
      }
      const e = byId.get(id)!;
      if (parentRed) expect(e.black).toBe(true);
      walk(e.left, blacks + (e.black ? 1 : 0), !e.black);
      out.push(e);
      walk(e.right, blacks + (e.black ? 1 : 0), !e.black);
    };
    if (parent.child !== NOSTREAM) expect(byId.get(parent.child)!.black).toBe(true);
    walk(parent.child, 0, false);
    expect(blackHeights.size).toBeLessThanOrEqual(1);
    const key = (n: string) => [n.length, n.toUpperCase()] as const;
    for (let i = 1; i < out.length; i++) {
      const [a, b] = [key(out[i - 1].name), key(out[i].name)];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true);
    }
    return out;
  };
  return { root, children, stream };
}

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

describe("encrypted.xlsx", () => {
  const cfb = readCfb(fixture("encrypted.xlsx"));
  const top = cfb.children(cfb.root);

  it("holds EncryptionInfo, EncryptedPackage and the \\x06DataSpaces storage, as Excel writes", () => {
    expect(top.map((e) => e.name).sort()).toEqual(["\u0006DataSpaces", "EncryptedPackage", "EncryptionInfo"].sort());
    const spaces = cfb.children(top.find((e) => e.name === "\u0006DataSpaces")!);
    expect(spaces.map((e) => e.name).sort()).toEqual(["DataSpaceInfo", "DataSpaceMap", "TransformInfo", "Version"]);
  });

  it("has an agile EncryptionInfo (version 4.4) naming a password key encryptor", () => {
    const info = cfb.stream(top.find((e) => e.name === "EncryptionInfo")!);
    const v = new DataView(info.buffer, info.byteOffset);
    expect([v.getUint16(0, true), v.getUint16(2, true), v.getUint32(4, true)]).toEqual([4, 4, 0x40]);
    const xml = Buffer.from(info.subarray(8)).toString("utf8");
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">');
  });

  it("has an EncryptedPackage stream (in regular sectors) of its stated size rounded to 16-byte blocks", () => {
    const pkg = cfb.stream(top.find((e) => e.name === "EncryptedPackage")!);
    expect(pkg.length).toBeGreaterThanOrEqual(4096);
    const plain = new DataView(pkg.buffer, pkg.byteOffset).getUint32(0, true);
    expect(pkg.length - 8).toBe(Math.ceil(plain / 16) * 16);
  });
});

describe("old-format.xlsx", () => {
  it("is a compound file with a BIFF8 Workbook stream, padded to 4,096 bytes", () => {
    const cfb = readCfb(fixture("old-format.xlsx"));
    const wb = cfb.children(cfb.root).find((e) => e.name === "Workbook")!;
    const s = cfb.stream(wb);
    expect(s.length).toBe(4096);
    const v = new DataView(s.buffer, s.byteOffset);
    // BOF record (0x0809), BIFF8 (0x0600), workbook globals (0x0005).
    expect([v.getUint16(0, true), v.getUint16(4, true), v.getUint16(6, true)]).toEqual([0x0809, 0x0600, 0x0005]);
  });
});

describe("the committed corpus", () => {
  it("matches what scripts/make-bad-fixtures.ts makes now, for the files made without exceljs", async () => {
    const fresh = await badFixtures();
    for (const name of ["not-a-zip.xlsx", "zero-bytes.xlsx", "encrypted.xlsx", "old-format.xlsx", "csv-renamed.xlsx"]) {
      expect(Buffer.from(fixture(name)).equals(Buffer.from(fresh[name]))).toBe(true);
    }
    expect(Object.keys(fresh).sort()).toEqual(fs.readdirSync(FIXTURES).sort());
  });
});

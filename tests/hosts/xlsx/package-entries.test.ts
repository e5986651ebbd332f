/**
 * Opening a package lets go of zip.js's entries as it goes (package.ts rangesLetGo): each
 * entry is kept as a StoredPart and may then be collected, while the package is still
 * opening, instead of all of them (~6 KB each) living until the last is read. And zip.js's
 * overlap check, whose record the entries are let go from, still refuses a part whose bytes
 * another part already holds.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { zipSync, strToU8, type Zippable } from "fflate";
import { HostError } from "../../../src/hosts/host";
import { openPackage } from "../../../src/hosts/xlsx/package";
import { ensureCliBuilt } from "../../cli/spawn";
import { ROOT } from "../../helpers/workbooks";

const PARTS = 400;

// In a child process with the collector at hand: each entry zip.js yields is watched
// (FinalizationRegistry), and when the last is yielded the collector runs and counts how many
// of the earlier ones are gone. Kept by zip.js's ranges, none were.
const SCRIPT = `
const zipjs = require("@zip.js/zip.js");
const { zipSync, strToU8 } = require("fflate");
const { openPackage } = require(${JSON.stringify(path.join(ROOT, "lib", "hosts", "xlsx", "package.js"))});
const files = { "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>") };
for (let i = 1; i <= ${PARTS}; i++) files["xl/worksheets/sheet" + i + ".xml"] = strToU8("<worksheet>" + i + "</worksheet>");
const bytes = zipSync(files);
let yielded = 0, gone = 0, goneAtLast = -1;
const watch = new FinalizationRegistry(() => gone++);
const plain = zipjs.ZipReader.prototype.getEntriesGenerator;
zipjs.ZipReader.prototype.getEntriesGenerator = async function* (options) {
  for await (const entry of plain.call(this, options)) {
    yielded++;
    if (yielded === ${PARTS} + 2) {
      // Two turns of the event loop around the collection, so the registry's callbacks have run.
      await new Promise((r) => setTimeout(r, 0));
      global.gc();
      await new Promise((r) => setTimeout(r, 0));
      goneAtLast = gone;
    }
    watch.register(entry, null);
    yield entry;
  }
};
openPackage(bytes).then((pkg) => {
  process.stdout.write(JSON.stringify({ parts: pkg.partNames.length, yielded, goneAtLast }));
});
`;

test("zip.js's entries are let go while the package opens, not held until its last entry", () => {
  ensureCliBuilt();
  const run = spawnSync(process.execPath, ["--expose-gc", "-e", SCRIPT], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  const { parts, yielded, goneAtLast } = JSON.parse(run.stdout) as { parts: number; yielded: number; goneAtLast: number };
  expect([parts, yielded]).toEqual([PARTS + 2, PARTS + 2]);
  // All of the earlier entries but a few (the one being checked; the collector's own timing) are gone.
  expect(goneAtLast).toBeGreaterThan(PARTS - 10);
});

/** A zip whose last part's central-directory record points at the first sheet's local header and data. */
function sharingBytes(): Uint8Array {
  const files: Zippable = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8("<workbook/>"),
    "xl/worksheets/sheet1.xml": strToU8("<worksheet>one</worksheet>"),
    "xl/worksheets/sheet2.xml": strToU8("<worksheet>two</worksheet>"),
  };
  const bytes = zipSync(files);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  const directory = view.getUint32(end + 16, true);
  // The central records in order: the offset of each one's local header (at +42).
  const records: number[] = [];
  for (let at = directory; at < end; ) {
    records.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  const sheet1Header = view.getUint32(records[2] + 42, true);
  view.setUint32(records[3] + 42, sheet1Header, true);
  return bytes;
}

test("a part whose bytes another part holds is still refused as damaged, the earlier one read", async () => {
  const pkg = await openPackage(sharingBytes(), { fileName: "shared.xlsx" });
  expect(pkg.partNames).toEqual(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  expect(await pkg.text("xl/worksheets/sheet1.xml")).toBe("<worksheet>one</worksheet>");
  const failure = await pkg.text("xl/worksheets/sheet2.xml").then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(HostError);
  expect((failure as HostError).message).toMatch(/^shared\.xlsx is damaged and cannot be read \(its part xl\/worksheets\/sheet2\.xml/);
});

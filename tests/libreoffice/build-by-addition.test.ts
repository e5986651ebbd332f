/**
 * Built workbooks open in a real spreadsheet application: LibreOffice (headless) reads each
 * one with its summary sheets, and every source sheet reads exactly as it did before the
 * build (CSV per sheet, input against output). Run over the sample packs, the workbooks in
 * tests/fixtures/by-addition (prefixed XML, strict OOXML, odd part names, 1904 dates, chart
 * sheets, pivot tables, macros), one assembled with a chart, a pivot table and a macro
 * project, and every file in tests/fixtures/real-world where that folder exists.
 *
 * Needs `soffice` (Debian: libreoffice-calc); skipped, saying so, where it is absent.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { checkKeptByAddition } from "../helpers/kept-by-addition";
import { parts } from "../helpers/package-parts";
import { BOARD_PACK, BOARD_PACK_WITH_ERRORS, SAVINGS_REGISTER, tempDir } from "../helpers/workbooks";
import { convertAll, sofficeAvailable } from "../real-world/libreoffice";
import { runCli } from "../robustness/cli-io";
import { objectSnapshot } from "../../src/core/snapshot";

const available = sofficeAvailable();
if (!available) {
  // eslint-disable-next-line no-console
  console.warn("LibreOffice build tests skipped: soffice not found (install libreoffice-calc).");
}
const maybe = available ? describe : describe.skip;

const BY_ADDITION = path.join(__dirname, "..", "fixtures", "by-addition");
const REAL_WORLD = path.join(__dirname, "..", "fixtures", "real-world");
const SUMMARIES = ["Recovery Summary", "Directions Summary", "Data Checks"];
const ASSEMBLED = "chart-pivot-macro.xlsm";
/** Functions LibreOffice recalculates on loading whatever the file caches. */
const VOLATILE = /\b(NOW|TODAY|RAND|RANDBETWEEN|OFFSET|INDIRECT|INFO|CELL)\s*\(/i;

/**
 * SheetJS's pivot-table workbook (three pivot tables, two charts, macro-enabled type) with
 * calamine's VBA project put in, as Excel stores one: the part, its relationship from the
 * workbook, and the `bin` content type.
 */
async function chartPivotMacro(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(BY_ADDITION, "sheetjs-pivot_table_test.xlsm")));
  const vba = await (await JSZip.loadAsync(fs.readFileSync(path.join(BY_ADDITION, "calamine-vba.xlsm")))).file("xl/vbaProject.bin")!.async("uint8array");
  zip.file("xl/vbaProject.bin", vba);
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function inputs(): string[] {
  const list = [BOARD_PACK, BOARD_PACK_WITH_ERRORS, SAVINGS_REGISTER];
  for (const folder of [BY_ADDITION, REAL_WORLD]) {
    if (!fs.existsSync(folder)) continue;
    for (const f of fs.readdirSync(folder).sort()) if (/\.xls[xm]$/i.test(f)) list.push(path.join(folder, f));
  }
  return list;
}

maybe("LibreOffice opens what build writes", () => {
  let dir: string;
  /** Input file (in the work folder) → its built output, for the builds that succeeded. */
  const built = new Map<string, string>();
  const refused = new Map<string, string>();
  /** Where each input came from. */
  const origin = new Map<string, string>();
  /** Cells whose formula LibreOffice works out afresh on every load (NOW(), RAND() …), by file and sheet. */
  const volatile = new Map<string, Map<string, Set<string>>>();
  let before: Map<string, Map<string, string[][]>>;
  let after: Map<string, Map<string, string[][]>>;

  beforeAll(async () => {
    dir = tempDir("board-summary-lo-build-");
    fs.mkdirSync(path.join(dir, "in"));
    fs.mkdirSync(path.join(dir, "out"));
    const files = inputs().map((f) => {
      const to = path.join(dir, "in", path.basename(f));
      fs.copyFileSync(f, to);
      origin.set(to, f);
      return to;
    });
    const assembled = path.join(dir, "in", ASSEMBLED);
    fs.writeFileSync(assembled, await chartPivotMacro());
    files.push(assembled);
    for (const f of files) {
      const ext = path.extname(f).toLowerCase();
      const out = path.join(dir, "out", path.basename(f, path.extname(f)) + `.summary${ext}`);
      const r = await runCli(["build", f, "-o", out, "--as-of", "2023-09-21"]);
      if (r.code !== 0) {
        refused.set(f, r.stderr.trim());
        continue;
      }
      built.set(f, out);
      const snapshot = objectSnapshot((await openWorkbook(new Uint8Array(fs.readFileSync(f)), path.basename(f))).snapshot);
      volatile.set(f, new Map(snapshot.sheets.map((s) => [s.name, new Set(s.cells.filter((c) => c.formula && VOLATILE.test(c.formula)).map((c) => `${c.row},${c.col}`))])));
    }
    const profile = path.join(dir, "lo-profile");
    before = convertAll([...built.keys()], path.join(dir, "csv-in"), profile);
    after = convertAll([...built.values()], path.join(dir, "csv-out"), profile);
  }, 900_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("builds every workbook it can read, and says in one line why for any other", () => {
    expect(built.size).toBeGreaterThanOrEqual(12);
    for (const [f, line] of refused) {
      expect({ f, lines: line.split("\n").length }).toEqual({ f, lines: 1 });
      expect(line).toMatch(/^board-summary: /);
    }
    // The samples, the assembled workbook and the by-addition set are all readable.
    for (const f of built.keys()) expect(fs.existsSync(built.get(f)!)).toBe(true);
    expect([...refused.keys()].filter((f) => !origin.get(f)?.includes(`${path.sep}real-world${path.sep}`))).toEqual([]);
  });

  it("opens each built workbook with its summary sheets (where it opens the input at all)", () => {
    let opened = 0;
    for (const [f, out] of built) {
      // LibreOffice refuses some packages Excel opens (part names in another case, say).
      if (!before.has(f)) continue;
      opened++;
      const sheets = after.get(out);
      expect({ f, opened: sheets !== undefined }).toEqual({ f, opened: true });
      // Data Checks always; the others where the workbook holds their kind (board-pages.md §9),
      // each titled in its first rows (under the banner, where there is one).
      expect({ f, there: sheets!.has("Data Checks") }).toEqual({ f, there: true });
      for (const s of SUMMARIES.filter((x) => sheets!.has(x))) expect({ f, s, titled: sheets!.get(s)!.slice(0, 2).some((r) => r[0] === s) }).toEqual({ f, s, titled: true });
    }
    expect(opened).toBeGreaterThanOrEqual(10);
  });

  it("reads every source sheet of a built workbook exactly as it read the input", () => {
    let compared = 0;
    for (const [f, out] of built) {
      const was = before.get(f);
      if (!was) continue; // LibreOffice could not open the input itself
      const now = after.get(out)!;
      for (const [sheet, rows] of was) {
        const skip = volatile.get(f)?.get(sheet) ?? new Set<string>();
        const steady = (grid: string[][] | undefined) => grid?.map((row, r) => row.map((v, c) => (skip.has(`${r + 1},${c + 1}`) ? "(volatile)" : v)));
        expect({ f, sheet, rows: steady(now.get(sheet)) }).toEqual({ f, sheet, rows: steady(rows) });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("keeps the chart, the pivot tables and the macro project of the assembled workbook, and it stays .xlsm", async () => {
    const input = [...built.keys()].find((f) => path.basename(f) === ASSEMBLED)!;
    const out = built.get(input)!;
    expect(out.endsWith(".summary.xlsm")).toBe(true);
    const inBytes = new Uint8Array(fs.readFileSync(input));
    const outBytes = new Uint8Array(fs.readFileSync(out));
    const report = await checkKeptByAddition(inBytes, outBytes);
    expect(report.problems).toEqual([]);
    const names = Object.keys(parts(outBytes));
    expect(names).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/vbaProject.bin"]));
    expect(parts(outBytes)["[Content_Types].xml"]).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
  });
});

/**
 * Public workbooks from other projects' test suites (tests/fixtures/real-world, credited in
 * its README): written by Excel of several versions, LibreOffice, WPS, Access, openpyxl,
 * gnumeric, SheetJS, node-xlsx-stream, DocumentFormat.OpenXml, and some deliberately broken.
 *
 * 1. `check` on every one finishes in seconds with exit 0 or 1, or, for the files listed in
 *    REFUSED, exit 2 with one clear line; never a JavaScript message.
 * 2. What the reader reads agrees with LibreOffice, value by value (libreoffice.ts says how
 *    values are compared and which known causes of difference are tolerated and counted);
 *    the differences listed in KNOWN are LibreOffice reading differently from ECMA-376, each
 *    explained. Skipped, saying so, where `soffice` is absent.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadWorkbook, type LoadedWorkbook } from "../../src/hosts/xlsx/read";
import { nodeInflater } from "../../src/hosts/xlsx/node-inflate";
import { runCli } from "../robustness/cli-io";
import { compareSheet, convertAll, matchSheets, normalisedCopy, sofficeAvailable, workbookFacts, type Mismatch, type Tolerance } from "./libreoffice";

const DIR = path.join(__dirname, "..", "fixtures", "real-world");
const FILES = fs.readdirSync(DIR).filter((f) => /\.xls[xm]$/i.test(f)).sort();

/** Files `check` must refuse, and what the one line must say. */
const REFUSED: Record<string, RegExp> = {
  "ExcelDataR__ExcelDataRea__src__TestData__agile_AES128_MD5_CBC_pwd_password.xlsx": /is password-protected: remove the password/,
  // Its workbook relationships part fails to inflate (a bad CRC): the file is damaged.
  "tafia__calamine__tests__issue252.xlsx": /is damaged and cannot be read \(its part xl\/_rels\/workbook\.xml\.rels is truncated or corrupt\)/,
  // An entity-expansion ("billion laughs") bomb: its DOCTYPE entities are not XML Excel writes.
  "apache__poi__test-data__spreadsheet__poc-xmlbomb-empty.xlsx": /is damaged and cannot be read \(its part xl\/sharedStrings\.xml is not well-formed XML\)/,
  "apache__poi__test-data__openxml4j__invalid.xlsx": /is a zip file, not an Excel workbook/,
  "apache__poi__test-data__spreadsheet__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5185049589579776.xlsx": /is damaged and cannot be read \(the file is truncated or corrupt\)/,
};

/** A JavaScript error's words, which a user must never see. */
const JS_TEXT = /TypeError|ReferenceError|RangeError|SyntaxError|undefined|is not a function|Cannot read|Invalid string length|unexpected problem|\bat \S+:\d+/;

describe("check on every real-world file", () => {
  it("has a varied selection to run on", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(REFUSED).every((f) => FILES.includes(f))).toBe(true);
  });

  it.each(FILES)("%s", async (file) => {
    const started = Date.now();
    const r = await runCli(["check", path.join(DIR, file), "--json"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    const says = REFUSED[file];
    if (says) {
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^board-summary: /);
      expect(lines[0]).toMatch(says);
      expect(lines[0]).not.toMatch(JS_TEXT);
      return;
    }
    expect([file, r.code, r.stderr.split("\n").filter((l) => !/^board-summary: note: /.test(l) && l !== "")]).toEqual([file, expect.any(Number), []]);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(Array.isArray(report.sheets)).toBe(true);
  });
});

/**
 * Where LibreOffice reads a file differently from ECMA-376 (and from us), by file and sheet:
 * how many cells, and why. Each is a difference of LibreOffice's, not a misreading of ours.
 */
const KNOWN: Record<string, Record<string, { cells: number; why: string }>> = {
  "ExcelDataR__ExcelDataRea__src__TestData__Fillreport.xlsx": {
    "Fill report": { cells: 172, why: "its cell references are column numbers (r=\"0\"), not A1: LibreOffice drops those cells; we read them by position, with a note" },
  },
  "ExcelDataR__ExcelDataRea__src__TestData__strict__Test_git_issue_283_TimeSpan.xlsx": {
    Sheet1: { cells: 18, why: "strict OOXML writes times as ISO 8601 durations (t=\"d\", PT24H0M0.000S): LibreOffice shows the text, we read the duration" },
  },
  "SheetJS__test_files__ErrorTypes.xlsx": {
    RawErrors: { cells: 1, why: "TYPE() of a formula cell: LibreOffice works it out again as 8 (its own 'formula' type); the cached result Excel wrote is 4" },
  },
  "tafia__calamine__tests__inlineStr_with_value.xlsx": {
    Requirements: { cells: 1, why: "an inline-string cell with both <v> and <is>: ECMA-376 keeps an inline string's text in <is>, which we read; LibreOffice shows nothing" },
  },
};

/**
 * Packages Excel opens but LibreOffice cannot, for their part names alone (OPC names are
 * case-insensitive, and "\\" is read as "/"): LibreOffice reads a copy with the names as the
 * relationships spell them, and that is compared with what we read of the original.
 */
const NORMALISE: Record<string, string> = {
  "ExcelDataR__ExcelDataRea__src__TestData__Test_git_issue_301_IgnoreCase.xlsx": "parts named xl/WorkBook.xml, xl/STYLES.XML, xl/WorkSheets/SHEET1.xml",
  "ExcelDataR__ExcelDataRea__src__TestData__Test_git_issue_385_backslash.xlsx": "parts named with backslashes (xl\\workbook.xml)",
};

const maybe = sofficeAvailable() ? describe : describe.skip;
if (!sofficeAvailable()) {
  // eslint-disable-next-line no-console
  console.warn("LibreOffice comparison skipped: soffice not found (install libreoffice-calc).");
}

maybe("values agree with LibreOffice's", () => {
  let converted: Map<string, Map<string, string[][]>>;
  const tolerated: Partial<Record<Tolerance, number>> = {};
  let compared = 0;
  const readable = FILES.filter((f) => !REFUSED[f]);

  beforeAll(async () => {
    // One LibreOffice run for all the files (its start-up is most of the cost), cached for this run.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-lo-"));
    const inputs = await Promise.all(
      readable.map(async (f) => {
        if (!NORMALISE[f]) return path.join(DIR, f);
        const copy = path.join(work, f);
        fs.writeFileSync(copy, await normalisedCopy(new Uint8Array(fs.readFileSync(path.join(DIR, f)))));
        return copy;
      }),
    );
    const byInput = convertAll(inputs, path.join(work, "csv"), path.join(work, "profile"));
    converted = new Map(readable.map((f, i) => [path.join(DIR, f), byInput.get(inputs[i])!]).filter(([, v]) => v !== undefined) as [string, Map<string, string[][]>][]);
  }, 15 * 60_000);

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`Compared ${compared} cells with LibreOffice; differences with a known cause: ${JSON.stringify(tolerated)}`);
  });

  it.each(readable)("%s", async (file) => {
    const full = path.join(DIR, file);
    const sheets = converted.get(full);
    expect([file, sheets ? "converted" : "LibreOffice could not open it"]).toEqual([file, "converted"]);
    const loaded: LoadedWorkbook = await loadWorkbook(new Uint8Array(fs.readFileSync(full)), file, { purpose: "check", inflater: nodeInflater });
    const facts = await workbookFacts(loaded.package, loaded.snapshot);
    const matched = matchSheets(loaded.snapshot.sheets, sheets!);
    const differences: Record<string, { cells: number; first: Mismatch[] }> = {};
    loaded.snapshot.sheets.forEach((sheet, i) => {
      const rows = matched[i];
      // A sheet LibreOffice has no CSV for must hold nothing.
      if (!rows) {
        expect([sheet.name, sheet.cells.filter((c) => c.value !== null)]).toEqual([sheet.name, []]);
        return;
      }
      const cmp = compareSheet(sheet, rows, facts.get(sheet.name));
      compared += cmp.compared;
      for (const [why, n] of Object.entries(cmp.tolerated)) tolerated[why as Tolerance] = (tolerated[why as Tolerance] ?? 0) + n!;
      if (cmp.mismatches.length) differences[sheet.name] = { cells: cmp.mismatches.length, first: cmp.mismatches.slice(0, 5) };
    });
    const expected = Object.fromEntries(Object.entries(KNOWN[file] ?? {}).map(([s, k]) => [s, k.cells]));
    const got = Object.fromEntries(Object.entries(differences).map(([s, d]) => [s, d.cells]));
    // On failure the first differing cells are shown.
    expect([file, got, Object.keys(got).length ? differences : "none"]).toEqual([file, expected, Object.keys(expected).length ? expect.anything() : "none"]);
  });
});

/**
 * The bad-input corpus (tests/fixtures/bad, made by scripts/make-bad-fixtures.ts) through
 * the command line: each file gives exit status 2 with one clear line, or findings, as
 * command-line.md says; never a crash, never a partial output file.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { loadWorkbook } from "../../src/hosts/xlsx/read";
import { tempDir } from "../helpers/workbooks";
import { FIXTURES, listing, runCli } from "./cli-io";

let dir: string;
beforeAll(() => {
  dir = tempDir("board-summary-bad-");
  for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const copyOf = (name: string) => path.join(dir, name);
const summaryOf = (name: string) => copyOf(name.replace(/\.xlsx$/, ".summary.xlsx"));

// Unreadable files: what the one line must say, so a user knows what to do.
const UNREADABLE: [string, RegExp][] = [
  ["not-a-zip.xlsx", /not-a-zip\.xlsx is not an Excel workbook/],
  ["zero-bytes.xlsx", /zero-bytes\.xlsx is empty/],
  ["truncated.xlsx", /truncated\.xlsx is damaged/],
  ["encrypted.xlsx", /encrypted\.xlsx is password-protected: remove the password/],
  ["old-format.xlsx", /old-format\.xlsx is an Excel 97-2003 \.xls file/],
  ["csv-renamed.xlsx", /csv-renamed\.xlsx .*CSV/],
];

describe.each(UNREADABLE)("%s", (file, says) => {
  it.each(["check", "check --json", "build"])("%s: exit 2, one clear line, nothing written", async (command) => {
    const before = listing(dir);
    const [name, ...flags] = command.split(" ");
    const r = await runCli([name, copyOf(file), ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^board-summary: /);
    expect(lines[0]).toMatch(says);
    // One line a user can act on, never a stack trace or an internal error.
    expect(lines[0]).not.toMatch(/\bat .*\.(ts|js):\d+|unexpected problem|TypeError|undefined/);
    expect(listing(dir)).toEqual(before);
  });
});

describe("readable but awkward workbooks", () => {
  it("an empty workbook: no findings, zero totals, and a summary can still be built", async () => {
    const r = await runCli(["check", copyOf("empty-workbook.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sheets).toEqual([{ name: "Sheet1", kind: "other" }]);
    expect(j.findings).toEqual([]);
    expect(j.recovery.count).toBe(0);
    expect(j.directions.count).toBe(0);
    const b = await runCli(["build", copyOf("empty-workbook.xlsx")]);
    expect(b.code).toBe(0);
    const out = await loadWorkbook(new Uint8Array(fs.readFileSync(summaryOf("empty-workbook.xlsx"))), "out.xlsx");
    expect(out.snapshot.sheets.map((s) => s.name)).toContain("Sheet1");
  });

  it("a sheet used to row 1,048,576 with five values: read in seconds, its five values kept by build", async () => {
    const started = Date.now();
    const r = await runCli(["check", copyOf("million-rows.xlsx"), "--json"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual(["unrecognised-sheet@A1"]);
    expect((await runCli(["build", copyOf("million-rows.xlsx")])).code).toBe(0);
    const out = await loadWorkbook(new Uint8Array(fs.readFileSync(summaryOf("million-rows.xlsx"))), "out.xlsx");
    const tall = out.snapshot.sheets.find((s) => s.name === "Tall")!;
    expect(tall.cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [1, 1, "Notes"],
      [2, 2, 42],
      [1000, 3, "middle"],
      [500000, 4, true],
      [1048576, 5, "last row"],
    ]);
  });

  it("every Excel error where a value is needed: one formula-error at each cell, naming the error", async () => {
    const r = await runCli(["check", copyOf("every-error.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === "formula-error");
    const expected = [
      ["C3", "#REF!"], ["C4", "#VALUE!"], ["C5", "#DIV/0!"], ["C6", "#N/A"], ["E6", "#NAME?"],
      ["E7", "#NUM!"], ["A11", "#NULL!"], ["B11", "#SPILL!"], ["F11", "#CALC!"],
    ];
    expect(errors.map((f: { cell: string }) => f.cell)).toEqual(expected.map(([cell]) => cell));
    errors.forEach((f: { sheet: string; message: string }, i: number) => {
      expect(f.sheet).toBe("RA-Errors");
      expect(f.message).toContain(expected[i][1]);
    });
    expect((await runCli(["build", copyOf("every-error.xlsx")])).code).toBe(0);
  });

  it("merges across labels: findings at the form's cells, no crash", async () => {
    const r = await runCli(["check", copyOf("merged-labels.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stdout).findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`);
    // B5:C5 merged: the value under the label's merge is gone, so the value is missing at its label.
    expect(codes).toContain("missing-field@B5");
    expect((await runCli(["build", copyOf("merged-labels.xlsx")])).code).toBe(0);
  });

  it("sheet names with apostrophes, unicode and 31 characters: read, and quoted in the summary's links", async () => {
    const names = ["O'Brien's Actions", "Données — Café £ 日本", "Thirty-one characters long name"];
    const r = await runCli(["check", copyOf("awkward-sheet-names.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sheets.map((s: { name: string }) => s.name)).toEqual(names);
    expect(j.recovery.actions.map((a: { sheet: string }) => a.sheet)).toEqual(names);
    expect((await runCli(["build", copyOf("awkward-sheet-names.xlsx")])).code).toBe(0);
    // The output opens as a workbook.
    await loadWorkbook(new Uint8Array(fs.readFileSync(summaryOf("awkward-sheet-names.xlsx"))), "out.xlsx");
    // Links to cells are written as hyperlink locations in the sheet XML; read them from the package.
    const zip = await JSZip.loadAsync(fs.readFileSync(summaryOf("awkward-sheet-names.xlsx")));
    const links: string[] = [];
    for (const f of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(f)!.async("string");
      for (const m of xml.matchAll(/<hyperlink [^>]*location="([^"]*)"/g)) links.push(m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&"));
    }
    expect(links.some((l) => l.includes("'O''Brien''s Actions'!C5"))).toBe(true);
    expect(links.some((l) => l.includes("'Données — Café £ 日本'!C5"))).toBe(true);
    expect(links.some((l) => l.includes("'Thirty-one characters long name'!C5"))).toBe(true);
  });

  it("32,767-character cells: read, with the finding's message quoting only a short part", async () => {
    const r = await runCli(["check", copyOf("long-cells.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    const money = j.findings.find((f: { code: string }) => f.code === "invalid-money");
    expect(money.cell).toBe("C5");
    expect(money.message.length).toBeLessThan(400);
    // The 32,767-character description was read as the description: no missing-field for it.
    expect(j.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual(["invalid-money@C5", "unknown-timeframe@F11"]);
    expect((await runCli(["build", copyOf("long-cells.xlsx")])).code).toBe(0);
    const out = await loadWorkbook(new Uint8Array(fs.readFileSync(summaryOf("long-cells.xlsx"))), "out.xlsx");
    const h1 = out.snapshot.sheets.find((s) => s.name === "RA-Long")!.cells.find((c) => c.row === 1 && c.col === 8)!;
    expect(h1.value).toBe("y".repeat(32_767));
    // Text written into the summary stays within Excel's cell limit.
    for (const s of out.snapshot.sheets) for (const c of s.cells) if (typeof c.value === "string") expect(c.value.length).toBeLessThanOrEqual(32_767);
  });

  it("leaves no temporary files behind after all those builds", () => {
    expect(listing(dir).filter((f) => /\.tmp$/.test(f))).toEqual([]);
  });
});

/**
 * Conformance fixtures: workbooks laid out the way a different finance officer might,
 * written as real .xlsx files by exceljs into a temporary folder, then read back through
 * the same path as a user's file (loadWorkbook → analyse → toReport, or the CLI's main).
 * Expected figures in the tests come from docs/standard-templates.md, not from the code.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, type Io } from "../../src/cli/main";
import { analyse, type AnalyseOptions } from "../../src/core/engine";
import type { Analysis } from "../../src/core/analysis";
import { reportSchema, toReport, type Report } from "../../src/core/report";
import { loadWorkbook } from "../../src/hosts/xlsx/read";

/** The clock every conformance run uses unless a test says otherwise (a Thursday in term). */
export const NOW = new Date("2023-09-21T12:00:00Z");

/** A cell: a plain value, or a value with a number format. */
export type CellSpec = ExcelJS.CellValue | { v: ExcelJS.CellValue; fmt: string };

function isFormatted(c: CellSpec): c is { v: ExcelJS.CellValue; fmt: string } {
  return typeof c === "object" && c !== null && !(c instanceof Date) && "fmt" in c && "v" in c;
}

/** Writes cells by A1 address: `put(ws, { B3: "Risk Level", C3: "High" })`. */
export function put(ws: ExcelJS.Worksheet, cells: Record<string, CellSpec>): void {
  for (const [addr, spec] of Object.entries(cells)) {
    const cell = ws.getCell(addr);
    if (isFormatted(spec)) {
      cell.value = spec.v;
      cell.numFmt = spec.fmt;
    } else {
      cell.value = spec;
    }
  }
}

/** Writes rows from `startRow` (1-based), column A onwards; `null`/`undefined` leave a cell empty. */
export function rows(ws: ExcelJS.Worksheet, startRow: number, data: CellSpec[][]): void {
  data.forEach((r, i) => {
    r.forEach((spec, j) => {
      if (spec === null || spec === undefined) return;
      const cell = ws.getCell(startRow + i, j + 1);
      if (isFormatted(spec)) {
        cell.value = spec.v;
        cell.numFmt = spec.fmt;
      } else {
        cell.value = spec;
      }
    });
  });
}

/** A formula cell whose cached result is an Excel error. */
export function errorFormula(formula: string, error: string): ExcelJS.CellValue {
  return { formula, result: { error }, date1904: false } as unknown as ExcelJS.CellValue;
}

/** A date cell value for a UK calendar date (midnight UTC, as Excel stores a serial). */
export function ukDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** Saved settings on the product's very hidden settings sheet (settings.ts: JSON in A1). */
export function saveSettings(wb: ExcelJS.Workbook, settings: Record<string, unknown>): void {
  const ws = wb.addWorksheet("Board Summary Settings", { state: "veryHidden" });
  ws.getCell("A1").value = JSON.stringify({ schemaVersion: 1, ...settings });
}

let tmp: string | null = null;
function tmpDir(): string {
  if (!tmp) tmp = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-conformance-"));
  return tmp;
}
/** Removes this test file's temporary folder (call from afterAll). */
export function cleanUp(): void {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = null;
}

/** Writes the workbook as a real .xlsx file and returns its path. */
export async function writeBook(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(tmpDir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

export interface Checked {
  analysis: Analysis;
  report: Report;
}

/** Writes, reads back from disk, analyses and reports, as the CLI's `check` does. */
export async function check(wb: ExcelJS.Workbook, name = "book.xlsx", options: AnalyseOptions = {}): Promise<Checked> {
  const file = await writeBook(wb, name);
  const loaded = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const analysis = analyse(loaded.snapshot, { now: NOW, ...options });
  const report = reportSchema().parse(toReport(analysis, name));
  return { analysis, report };
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** The parsed JSON report (when --json and stdout held one). */
  json: Report | null;
}

/** Runs `board-summary check <file> --json [...args]` through the CLI's main. */
export async function cliCheck(wb: ExcelJS.Workbook, name: string, args: string[] = []): Promise<CliRun> {
  const file = await writeBook(wb, name);
  let out = "";
  let err = "";
  const io: Io = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    progress: () => undefined,
    now: () => NOW,
  };
  const code = await main(["check", file, "--json", ...args], io);
  let json: Report | null = null;
  if (out.trim()) json = reportSchema().parse(JSON.parse(out));
  return { code, out, err, json };
}

/** The findings as `code@cell` strings for one sheet, in report order. */
export function codesOn(report: Report, sheet: string): string[] {
  return report.findings.filter((f) => f.sheet === sheet).map((f) => `${f.code}@${f.cell}`);
}

/** Findings with a given code, as `sheet!cell`. */
export function where(report: Report, code: string): string[] {
  return report.findings.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell}`);
}

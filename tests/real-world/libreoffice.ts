/**
 * LibreOffice as an independent reader: each workbook converted to CSV, one file per sheet,
 * and compared with what our reader read.
 *
 * The comparison is of values, not of display strings. The CSV is written with "save cell
 * contents as shown" off, so LibreOffice writes a number's value in full (277000, not
 * £277,000), a date-formatted number as an ISO date or date-time, a boolean as TRUE/FALSE.
 * Our side is turned into the same terms:
 * - text equals text exactly;
 * - a number equals a number to 15 significant digits (what a double holds for certain;
 *   LibreOffice writes at most that many), or a date/time LibreOffice wrote, within a second
 *   (our serials are 1900-system days, 1904 workbooks included);
 * - a boolean is TRUE/FALSE; an error is any of LibreOffice's error texts (#REF!, Err:502 …);
 * - a cell we did not list, or listed for its fill alone, is empty.
 * What is not compared, and why, is in DISAGREEMENTS below and in docs/decisions.md.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "csv-parse/sync";
import type { Cell, SheetSnapshot } from "../../src/core/snapshot";
import { a1 } from "../../src/core/grid";
import { excelSerialToIso } from "../../src/core/values/dates";

/** True where LibreOffice can be run. */
export function sofficeAvailable(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

// Field separator, quote, UTF-8, first line, no column formats, language, quoted as text off,
// detect special numbers on, "as shown" OFF, formulas off, spaces kept, every sheet (-1).
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * Converts the files in one LibreOffice run (start-up is most of its cost): file → sheet
 * name → rows. A file LibreOffice cannot open has no entry.
 */
export function convertAll(files: string[], outDir: string, profile: string): Map<string, Map<string, string[][]>> {
  fs.mkdirSync(outDir, { recursive: true });
  const out = new Map<string, Map<string, string[][]>>();
  run(files, outDir, profile, out, 15 * 60_000);
  // A file that crashes LibreOffice ends the batch: the rest are converted one by one.
  const left = files.filter((f) => !out.has(f));
  for (const f of left) run([f], outDir, profile, out, 60_000);
  return out;
}

/**
 * A private LibreOffice profile that never recalculates an Excel file on loading, so cached
 * formula results are what it reports, as ours are (it still works out volatile functions
 * such as TODAY(), and cells that have no cached result).
 */
function prepareProfile(profile: string): void {
  const file = path.join(profile, "user", "registrymodifications.xcu");
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>1</value></prop></item>\n</oor:items>\n',
  );
}

function run(files: string[], outDir: string, profile: string, out: Map<string, Map<string, string[][]>>, timeout: number): void {
  prepareProfile(profile);
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", outDir, ...files], {
    encoding: "utf8",
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  // "Writing sheet NAME -> PATH" for each sheet of each file, in order.
  const byPrefix = new Map(files.map((f) => [path.join(outDir, path.basename(f).replace(/\.[^.]+$/, "")), f]));
  for (const line of (r.stdout ?? "").split("\n")) {
    const m = /^Writing sheet (.*) -> (.*\.csv)$/.exec(line.trim());
    if (!m || !fs.existsSync(m[2])) continue;
    const file = byPrefix.get(m[2].slice(0, m[2].length - m[1].length - 5));
    if (!file) continue;
    const rows = parse(fs.readFileSync(m[2], "utf8"), { relax_column_count: true, relax_quotes: true, bom: true }) as string[][];
    if (!out.has(file)) out.set(file, new Map());
    out.get(file)!.set(m[1], rows);
  }
}

export interface Mismatch {
  cell: string;
  ours: string;
  libreoffice: string;
}

const LO_ERROR = /^(#[A-Z0-9/]+[!?]?|#N\/A|Err:\d+)$/;
const LO_DATE = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})\/(\d{2})\/(\d{4}))(?: (\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;
const LO_TIME = /^(-?\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?: ?([AP]M))?$/i;
const LO_PERCENT = /^(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)%$/i;

/**
 * A date or time LibreOffice wrote (ISO, or its default en-US MM/DD/YYYY) → days. LibreOffice
 * counts days from 30 December 1899 and has no 29 February 1900, so a serial is the same
 * number in both programs from 1 March 1900 on; before it the two show different dates for
 * the same serial, and the serial is what is compared.
 */
function loSerial(text: string): number | null {
  const d = LO_DATE.exec(text);
  if (d) {
    const [y, m, day] = d[1] ? [d[1], d[2], d[3]] : [d[6], d[4], d[5]];
    const serial = (Date.UTC(Number(y), Number(m) - 1, Number(day)) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const secs = (Number(d[7] ?? 0) * 60 + Number(d[8] ?? 0)) * 60 + Number(d[9] ?? 0);
    return serial + secs / 86400;
  }
  const t = LO_TIME.exec(text);
  if (t) {
    let h = Number(t[1]);
    if (t[4]) h = (h % 12) + (/p/i.test(t[4]) ? 12 : 0);
    return (Math.abs(h) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) / 86400;
  }
  return null;
}

/** Equal to 15 significant digits: LibreOffice writes no more. */
const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-13 * Math.max(Math.abs(a), Math.abs(b));

/** ST_Xstring escapes (_x000D_) LibreOffice leaves in some text (ECMA-376 Part 1 §22.9.2.19). */
const unescape = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** Does our cell say what LibreOffice's CSV field says? */
function agrees(c: Cell | undefined, lo: string): boolean {
  if (!c || (c.value === null && c.error === undefined)) {
    // A formula we have no cached result for: LibreOffice works it out, we cannot.
    if (c?.formula !== undefined) return true;
    return lo === "";
  }
  if (c.error !== undefined) return LO_ERROR.test(lo) || lo === c.error;
  const v = c.value;
  if (typeof v === "string") return v === lo || v === unescape(lo);
  if (typeof v === "boolean") return lo.toUpperCase() === (v ? "TRUE" : "FALSE") || lo === (v ? "1" : "0");
  if (typeof v === "number") {
    const text = lo.trim();
    const n = text === "" ? NaN : Number(text);
    if (Number.isFinite(n)) return close(v, n);
    const pct = LO_PERCENT.exec(text);
    if (pct) return close(v, Number(pct[1]) / 100);
    const s = loSerial(text);
    if (s === null) return false;
    const second = 1.5 / 86400;
    // A time of day alone compares with our value's time of day; a duration with the whole.
    if (Math.abs(v - s) < second || (!LO_DATE.test(text) && Math.abs(v - Math.floor(v) - s) < second)) return true;
    // Before March 1900 an ISO date (t="d") is a day apart: Excel counts 29 February 1900, LibreOffice does not.
    return v < 61 && Math.abs(Math.abs(v - s) - 1) < second;
  }
  return false;
}

function show(c: Cell | undefined): string {
  if (!c) return "(nothing)";
  if (c.error !== undefined) return c.error;
  const v = c.value;
  if (typeof v === "number" && c.format && excelSerialToIso(v)) return `${v} [${c.format}]`;
  return JSON.stringify(v);
}

/** Where our reading of a sheet and LibreOffice's CSV of it differ. */
export function compareSheet(sheet: SheetSnapshot, rows: string[][]): Mismatch[] {
  const ours = new Map<string, Cell>();
  for (const c of sheet.cells) ours.set(`${c.row},${c.col}`, c);
  const out: Mismatch[] = [];
  const seen = new Set<string>();
  rows.forEach((fields, r) =>
    fields.forEach((lo, col) => {
      const key = `${r + 1},${col + 1}`;
      seen.add(key);
      const c = ours.get(key);
      if (!agrees(c, lo)) out.push({ cell: a1(r + 1, col + 1), ours: show(c), libreoffice: JSON.stringify(lo) });
    }),
  );
  for (const [key, c] of ours) {
    if (seen.has(key) || agrees(c, "")) continue;
    out.push({ cell: a1(c.row, c.col), ours: show(c), libreoffice: "(nothing)" });
  }
  return out;
}

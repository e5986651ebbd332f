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
import type { Cell, Merge, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { unzipSync, zipSync } from "fflate";
import { isRelType, openPackage, relationshipsPartOf, resolveTarget, type WorkbookPackage } from "../../src/hosts/xlsx/package";
import { worksheetParts } from "../../src/hosts/xlsx/read";
import { parseRange } from "../../src/hosts/xlsx/sheet";
import { parseXml } from "../../src/hosts/xlsx/xml";
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

/** Why a difference is not a fault of ours (see the file comment and docs/decisions.md). */
export type Tolerance =
  | "recalculated" // LibreOffice recalculated a formula (volatile functions, or ones it lacks) or filled cells an uncached formula spills to
  | "merged-over" // LibreOffice keeps text in the cells a merge covers; Excel shows the top-left cell alone
  | "pivot-table" // LibreOffice draws pivot tables afresh, in its own words
  | "carriage-return" // LibreOffice drops the CR of a CRLF in text
  | "loose-escape" // LibreOffice decodes _xH_ escapes of fewer than four hex digits, which ECMA-376 does not define
  | "boolean-as-number"; // LibreOffice holds TRUE as 1 and shows it in the cell's number format

export interface Comparison {
  mismatches: Mismatch[];
  tolerated: Partial<Record<Tolerance, number>>;
  compared: number;
}

export interface SheetFacts {
  /** The workbook uses a volatile function somewhere (NOW, TODAY, RAND …), which LibreOffice works out again on loading. */
  volatile: boolean;
  /** Ranges of the sheet that pivot tables cover. */
  pivots: Merge[];
}

const LO_ERROR = /^(#[A-Z0-9/]+[!?]?|#N\/A|Err:\d+)$/;
const LO_DATE = /^(?:(\d{4})[-/](\d{2})[-/](\d{2})|(\d{2})\/(\d{2})\/(\d{4}))(?: (\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;
const LO_TIME = /^(-?)(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?: ?([AP]M))?$/i;
const LO_PERCENT = /^(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)%$/i;
export const VOLATILE = /\b(NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY|OFFSET|INDIRECT|INFO|CELL)\s*\(/i;

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
    let h = Number(t[2]);
    if (t[5]) h = (h % 12) + (/p/i.test(t[5]) ? 12 : 0);
    const days = (h * 3600 + Number(t[3]) * 60 + Number(t[4] ?? 0)) / 86400;
    return t[1] ? -days : days;
  }
  return null;
}

/** Equal to 15 significant digits: LibreOffice writes no more. */
const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-13 * Math.max(Math.abs(a), Math.abs(b));

/** ST_Xstring escapes (_x000D_) LibreOffice leaves in some text (ECMA-376 Part 1 §22.9.2.19). */
const unescape = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** LibreOffice's number (or date, time, percentage) in a CSV field, or null. */
function loNumber(text: string): { value: number; kind: "number" | "date" | "time" } | null {
  const t = text.trim();
  const n = t === "" ? NaN : Number(t);
  if (Number.isFinite(n)) return { value: n, kind: "number" };
  const pct = LO_PERCENT.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, kind: "number" };
  const s = loSerial(t);
  return s === null ? null : { value: s, kind: LO_DATE.test(t) ? "date" : "time" };
}

/** Does our cell say what LibreOffice's CSV field says? */
function agrees(c: Cell | undefined, lo: string): boolean {
  if (!c || (c.value === null && c.error === undefined)) return lo === "";
  if (c.error !== undefined) return LO_ERROR.test(lo) || lo === c.error;
  const v = c.value;
  if (typeof v === "string") return v === lo || v === unescape(lo);
  if (typeof v === "boolean") return lo.toUpperCase() === (v ? "TRUE" : "FALSE");
  if (typeof v === "number") {
    const n = loNumber(lo);
    if (!n) return false;
    if (n.kind === "number") return close(v, n.value);
    const second = 1.5 / 86400;
    // A time of day alone compares with our value's time of day; a duration with the whole.
    if (Math.abs(v - n.value) < second || (n.kind === "time" && Math.abs(v - Math.floor(v) - n.value) < second)) return true;
    // Before March 1900 an ISO date (t="d") is a day apart: Excel counts 29 February 1900, LibreOffice does not.
    return v < 61 && Math.abs(Math.abs(v - n.value) - 1) < second;
  }
  return false;
}

/** Where a difference has a known cause that is not a fault of our reading, that cause. */
function tolerance(
  c: Cell | undefined,
  lo: string,
  facts: SheetFacts & { uncached: boolean; covered: boolean; pivot: "inside" | "after" | null; failedFormulas: boolean },
): Tolerance | null {
  // Inside a pivot table, or past its corner where LibreOffice's own layout runs wider or longer.
  if (facts.pivot === "inside" || (facts.pivot === "after" && !c)) return "pivot-table";
  if (!c) {
    if (facts.covered) return "merged-over";
    if (facts.uncached) return "recalculated";
    return null;
  }
  // A formula LibreOffice cannot work out (a function it lacks) gives an error in every cell it fills.
  if (facts.failedFormulas && LO_ERROR.test(lo)) return "recalculated";
  if (c.formula !== undefined) {
    // No cached result, or an empty text one, which LibreOffice treats as none: it works the formula out.
    if ((c.value === null && c.error === undefined) || c.value === "") return "recalculated";
    if (facts.volatile || LO_ERROR.test(lo) || c.error !== undefined) return "recalculated";
    const n = loNumber(lo);
    // Worked out again: the last digits of floating-point arithmetic may differ.
    if (typeof c.value === "number" && n && Math.abs(c.value - n.value) <= 1e-12 * Math.max(1, Math.abs(n.value))) return "recalculated";
  }
  if (typeof c.value === "string") {
    if (c.value.replace(/\r\n/g, "\n") === lo) return "carriage-return";
    if (c.value === lo.replace(/[\x00-\x1f]/g, (ch) => `_x${ch.charCodeAt(0).toString(16)}_`)) return "loose-escape";
  }
  if (typeof c.value === "boolean") {
    const n = loNumber(lo);
    if (n && n.value === (c.value ? 1 : 0)) return "boolean-as-number";
  }
  return null;
}

const inside = (m: Merge, row: number, col: number) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;

function show(c: Cell | undefined): string {
  if (!c) return "(nothing)";
  if (c.error !== undefined) return c.error;
  const v = c.value;
  if (typeof v === "number" && c.format && excelSerialToIso(v)) return `${v} [${c.format}]`;
  return JSON.stringify(v);
}

/** Where our reading of a sheet and LibreOffice's CSV of it differ, and the differences with a known cause. */
export function compareSheet(sheet: SheetSnapshot, rows: string[][], facts: SheetFacts = { volatile: false, pivots: [] }): Comparison {
  const ours = new Map<string, Cell>();
  for (const c of sheet.cells) ours.set(`${c.row},${c.col}`, c);
  const uncached = sheet.cells.some((c) => c.formula !== undefined && c.value === null && c.error === undefined);
  const failedFormulas = sheet.cells.some((c) => c.formula !== undefined && c.error === undefined && LO_ERROR.test(rows[c.row - 1]?.[c.col - 1] ?? ""));
  const result: Comparison = { mismatches: [], tolerated: {}, compared: 0 };
  const check = (row: number, col: number, c: Cell | undefined, lo: string) => {
    result.compared++;
    if (agrees(c, lo)) return;
    const covered = sheet.merges.some((m) => inside(m, row, col) && (row !== m.top || col !== m.left));
    const pivot = facts.pivots.some((m) => inside(m, row, col)) ? "inside" : facts.pivots.some((m) => row >= m.top && col >= m.left) ? "after" : null;
    const why = tolerance(c, lo, { ...facts, uncached, covered, pivot, failedFormulas });
    if (why) result.tolerated[why] = (result.tolerated[why] ?? 0) + 1;
    else result.mismatches.push({ cell: a1(row, col), ours: show(c), libreoffice: JSON.stringify(lo) });
  };
  const seen = new Set<string>();
  rows.forEach((fields, r) =>
    fields.forEach((lo, col) => {
      const key = `${r + 1},${col + 1}`;
      seen.add(key);
      check(r + 1, col + 1, ours.get(key), lo);
    }),
  );
  for (const [key, c] of ours) if (!seen.has(key)) check(c.row, c.col, c, "");
  return result;
}

/** What compareSheet needs to know about a workbook beyond its snapshot: volatile functions, pivot tables. */
export async function workbookFacts(pkg: WorkbookPackage, snapshot: WorkbookSnapshot): Promise<Map<string, SheetFacts>> {
  const volatile = snapshot.sheets.some((s) => s.cells.some((c) => c.formula !== undefined && VOLATILE.test(c.formula)));
  const out = new Map<string, SheetFacts>();
  for (const { name, part } of await worksheetParts(pkg)) {
    const pivots: Merge[] = [];
    for (const rel of await pkg.relationships(part)) {
      if (rel.external || !isRelType(rel.type, "pivotTable") || !pkg.find(rel.target)) continue;
      parseXml(await pkg.text(rel.target), {
        open(el) {
          const m = el.local === "location" && el.attrs.ref ? parseRange(el.attrs.ref) : null;
          // The page fields sit above the table's own range.
          if (m) pivots.push({ ...m, top: Math.max(1, m.top - Number(el.attrs.rowPageCount ?? 0) - 1) });
        },
      });
    }
    out.set(name, { volatile, pivots });
  }
  return out;
}

/** LibreOffice's rows for each of our sheets: by name, or by position where it renamed one. */
export function matchSheets(ours: SheetSnapshot[], lo: Map<string, string[][]>): (string[][] | undefined)[] {
  const names = [...lo.keys()];
  return ours.map((s, i) => lo.get(s.name) ?? (names.length === ours.length ? lo.get(names[i]) : undefined));
}

/**
 * A copy of a package with each part stored under the name its relationships give it, "/"
 * for "\": for packages Excel opens (OPC names are case-insensitive) that LibreOffice
 * cannot, so LibreOffice can still be compared with what we read of the original.
 */
export async function normalisedCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const pkg = await openPackage(bytes, { fileName: "copy" });
  const rename = new Map<string, string>();
  // Walk the relationships from the package down, naming each part as its relationship spells it.
  const visit = async (canonicalSource: string): Promise<void> => {
    const relsName = relationshipsPartOf(canonicalSource);
    const relsPart = pkg.find(relsName);
    if (!relsPart || rename.has(relsPart)) return;
    rename.set(relsPart, relsName);
    const targets: string[] = [];
    parseXml(await pkg.text(relsPart), {
      open(el) {
        if (el.local === "Relationship" && el.attrs.Target && el.attrs.TargetMode !== "External") targets.push(resolveTarget(canonicalSource, el.attrs.Target));
      },
    });
    for (const canonical of targets) {
      const stored = pkg.find(canonical);
      if (!stored || rename.has(stored)) continue;
      rename.set(stored, canonical);
      await visit(canonical);
    }
  };
  await visit("");
  const files = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) out[rename.get(name.replace(/^\//, "")) ?? name.replace(/\\/g, "/")] = data;
  return zipSync(out);
}

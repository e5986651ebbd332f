/**
 * One worksheet part (ECMA-376 Part 1 §18.3) → the snapshot's cells, merges, used range and
 * protection, as a handler over the streamed XML: only `sheetData`, `mergeCells` and
 * `sheetProtection` are looked at, so a sheet's cost follows its cells, and a drop-down list
 * over a whole column or a used range to row 1,048,576 costs nothing.
 */
import { valueCell } from "../../core/cell-shapes";
import { mergeCovers, PackedCellsBuilder } from "../../core/pack-cells";
import type { CellExtras, PackedCells } from "../../core/packed-cells";
import type { Cell, Merge } from "../../core/snapshot";
import { remembered } from "../../core/remembered";
import { isoToExcelSerial } from "../../core/values/dates";
import { plainDecimal, plainDigits } from "./digits";
import { shiftFormula } from "./shared-formula";
import type { CellStyle, Styles } from "./styles";
import { decodeEscapes, StringCollector } from "./text";
import type { XmlHandlers } from "./xml";

export interface SheetContext {
  strings: readonly string[];
  styles: Styles;
  /** The workbook counts dates from 1904 (§18.2.28 `date1904`). */
  date1904: boolean;
  /** Adds a note for the user about something read in an unusual way (the sheet's name is added by the caller). */
  note(text: string): void;
  /**
   * Where given, a cell is kept only if its value passes: a search for a few cells (our
   * marker, own-sheets.ts) stores none of the others, and reads values by the same rules.
   */
  keep?: (value: string | number | boolean | null) => boolean;
  /** The cell count from which the sheet's cells are packed (PACK_FROM unless a test moves it). */
  packFrom?: number;
}

/**
 * A sheet keeps its cells as objects until it proves large, then packs them (core/packed-cells.ts)
 * from there on. Packing pays where most cells are passed over (a 200,000-row data tab of 1.8
 * million cells: a third less peak memory, fewer objects for the collector to promote), and
 * costs where every cell is read, since each is then made anyway, later (a form's 49 cells, a
 * register's 300,000). Measured (bench/results.md, round 8): the registers and directions
 * of the bench packs, up to ~300,000 cells, stayed objects at 400,000; the data tab packs.
 * Round 38: with a packed row's cells made for a reader of every row and not kept
 * (SheetGrid.cellsOfRowInto) and the marker search ruling out a shared string once
 * (summary/marker.ts), the 50,000-direction report and the 100,000-line register are
 * cheaper packed (their cells no longer copied by the collector while the sheet is read).
 */
const PACK_FROM = 100_000;

export interface SheetContent {
  /** As objects; packed for a sheet past `packFrom` cells. */
  cells: Cell[] | PackedCells;
  merges: Merge[];
  usedRange: { rows: number; cols: number };
  protected: boolean;
}

const MAX_ROW = 1_048_576;

/** A regular expression's group or undefined where it did not take part. */
function group(m: RegExpExecArray, i: number): string | undefined {
  return m[i];
}
const MAX_COL = 16_384;
/** Days from 1904-01-01 to 1900-01-01 in Excel's serials: the same day is 1,462 more in the 1900 system. */
const DAYS_1904 = 1462;

/** Where parseRefInto puts a reference's row and column: no object a cell. */
let refRow = 0;
let refCol = 0;

/** "B12" (any case) → refRow and refCol, true; false for anything else. */
function parseRefInto(ref: string): boolean {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case a letter
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  if (i === 0 || i > 3 || i === n) return false;
  let row = 0;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return false;
  refRow = row;
  refCol = col;
  return true;
}

/**
 * "A1:C3" (or "B2") → a merge, corners put in order; null where it is not a cell range.
 * What follows a second ":" is not read. The corners go through refRow and refCol, not an
 * object each (a workbook of 10,000 forms has 30,000 merges).
 */
export function parseRange(ref: string): Merge | null {
  const s = ref.trim();
  const colon = s.indexOf(":");
  let a = s;
  let b = s;
  if (colon >= 0) {
    a = s.slice(0, colon);
    const next = s.indexOf(":", colon + 1);
    b = next < 0 ? s.slice(colon + 1) : s.slice(colon + 1, next);
  }
  if (!parseRefInto(a)) return null;
  const row = refRow;
  const col = refCol;
  if (!parseRefInto(b)) return null;
  return { top: Math.min(row, refRow), left: Math.min(col, refCol), bottom: Math.max(row, refRow), right: Math.max(col, refCol) };
}

/**
 * A merge's range by its text, each distinct text parsed once (a copy is what a sheet keeps):
 * a pack's forms repeat the same few merges, and parsing 3,000 of them in a first run, much
 * of it before V8 had compiled the parser, was ~2% of a 1,000-form `check`.
 */
const mergeOfRef = remembered(parseRange, 4096);

const ISO_DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
/** An ISO 8601 duration of days and time (PnDTnHnMnS), as strict OOXML writes times and durations. */
const ISO_DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * A `t="d"` cell's ISO 8601 text (§18.17.4) → a 1900-system serial and whether it has a
 * date and a time; a duration (strict OOXML's times, `PT24H0M0.000S`) gives days; null if
 * it is none of these.
 */
function isoDateToSerial(text: string): { serial: number; date: boolean; time: boolean; duration?: boolean } | null {
  const s = text.trim();
  const d = ISO_DATE.exec(s);
  if (d) {
    // Serial 0, which Excel shows as 0 January 1900, is written as the day before 1 January.
    const day = `${d[1]}-${d[2]}-${d[3]}` === "1899-12-31" ? 0 : isoToExcelSerial(`${d[1]}-${d[2]}-${d[3]}`);
    if (!Number.isFinite(day)) return null;
    const fraction = group(d, 4) === undefined ? 0 : timeFraction(d[4], d[5], group(d, 6));
    if (fraction === null) return null;
    return { serial: fraction === 0 ? day : roundSerial(day + fraction), date: true, time: fraction !== 0 };
  }
  const t = ISO_TIME.exec(s);
  if (t) {
    const fraction = timeFraction(t[1], t[2], t[3]);
    return fraction === null ? null : { serial: fraction, date: false, time: true };
  }
  const p = s.length > 1 ? ISO_DURATION.exec(s) : null;
  if (p && !s.endsWith("T")) {
    const [days, hours, minutes, seconds] = [2, 3, 4, 5].map((i) => Number(group(p, i) ?? 0));
    const serial = roundSerial(days + (hours * 3600 + minutes * 60 + seconds) / 86400);
    return { serial: p[1] ? -serial : serial, date: false, time: true, duration: true };
  }
  return null;
}

function timeFraction(h: string, m: string, sec: string | undefined): number | null {
  const hours = Number(h);
  const minutes = Number(m);
  const seconds = sec === undefined ? 0 : Number(sec);
  if (hours > 24 || minutes > 59 || seconds >= 61) return null;
  return roundSerial((hours * 3600 + minutes * 60 + seconds) / 86400);
}

/** Serials to a millionth of a second: enough for any time Excel shows, without binary noise. */
function roundSerial(x: number): number {
  return Math.round(x * 1e11) / 1e11;
}

const enum Text {
  None,
  V,
  F,
}

interface OpenCell {
  row: number;
  col: number;
  s: number;
  t: string | undefined;
  v: string | undefined;
  f: string | undefined;
  fType: string | undefined;
  si: string | undefined;
  inline: string | undefined;
}

/** A worksheet's handlers, and the result once the part has been read. */
export function sheetReader(ctx: SheetContext): { handlers: XmlHandlers; result(): SheetContent } {
  /**
   * The cells kept, as objects: the first `count` entries. Made at the length the sheet's
   * `dimension` promises where it promises many (SIZE_FROM), so a register's 300,000 cells
   * are not copied into ever larger arrays (each new one fresh memory, page-faulted in);
   * trimmed to `count` before anything reads it, and grown as by push past a hint too small.
   * Every sheet's list is holey, as one made at a length is: a list of another kind (`[]` is
   * packed) has another hidden class, and the first large sheet after small ones (the
   * directions after 1,000 forms) threw away the reader's and SheetGrid's compiled code.
   */
  let cells: Cell[] = new Array<Cell>(0);
  let count = 0;
  const packFrom = ctx.packFrom ?? PACK_FROM;
  /** The cells from the switch to packing on (those made before moved in); null until then. */
  let packed: PackedCellsBuilder | null = null;
  const keep = ctx.keep;
  const mergeRefs: string[] = [];
  let isProtected = false;
  let inSheetData = false;
  let rowNo = 0;
  let colNo = 0;
  let lastRow = 0;
  let lastCol = 0;
  /** The right-most column of the cells kept (their last row is lastRow while they come in order). */
  let maxCol = 0;
  let ordered = true;
  let cell: OpenCell | null = null;
  const spare: OpenCell = { row: 0, col: 0, s: 0, t: undefined, v: undefined, f: undefined, fType: undefined, si: undefined, inline: undefined };
  let text = Text.None;
  let buffer = "";
  let inIs = false;
  const inline = new StringCollector();
  /** Shared formulas' masters by their `si`: the text and where it stands. */
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let badRefs = 0;
  let badStrings = 0;
  let badDates = 0;

  // Read once a sheet, not once a cell.
  const strings = ctx.strings;
  const styles = ctx.styles;
  const date1904 = ctx.date1904;

  /** The last cell's style: a sheet's cells run in columns of one style, looked up once a run. */
  let styleIndex = -1;
  let lastStyle: CellStyle | null = null;

  function finish(c: OpenCell): void {
    let style = lastStyle;
    if (c.s !== styleIndex || style === null) {
      style = lastStyle = styles.style(c.s);
      styleIndex = c.s;
    }
    let value: string | number | boolean | null = null;
    let error: string | undefined;
    let format = style.format;
    const v = c.v;
    /** The shared string's index where the value is one (-1 where not). */
    let shared = -1;
    switch (c.t) {
      case "s": {
        if (v === undefined) break;
        let index = plainDigits(v);
        if (index < 0) {
          // An empty <v/> is an empty cell, not shared string 0.
          if (v.trim() === "") break;
          index = Number(v);
        }
        // The list has no holes: an index within it is a string. A packed cell keeps the
        // index alone, so the string (one of thousands, far apart in memory) is not touched.
        if (Number.isInteger(index) && index >= 0 && index < strings.length) {
          shared = index;
          if (!packed || keep) value = strings[index];
        } else badStrings++;
        break;
      }
      case "str":
        if (v !== undefined) value = decodeEscapes(v);
        break;
      case "inlineStr":
        if (c.inline !== undefined) value = c.inline;
        else if (v !== undefined) value = decodeEscapes(v);
        break;
      case "b":
        if (v !== undefined && v.trim() !== "") {
          const b = v.trim();
          value = b === "1" || b === "true";
        }
        break;
      case "e":
        if (v !== undefined && v.trim() !== "") error = v.trim();
        break;
      case "d": {
        if (v === undefined || v.trim() === "") break;
        const d = isoDateToSerial(v);
        if (!d) {
          badDates++;
          value = v.trim();
          break;
        }
        value = d.serial;
        // The value is a date whatever the cell's format: give it a date format if it has none.
        if (!style.dateTime) format = d.duration ? "[h]:mm:ss" : d.date ? (d.time ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd") : "hh:mm:ss";
        break;
      }
      default: {
        if (v === undefined) break;
        // Plain decimals (most numbers) skip the trim and Number's general parse.
        let n = plainDecimal(v);
        if (Number.isNaN(n)) {
          const trimmed = v.trim();
          if (trimmed === "") break;
          n = Number(trimmed);
        }
        if (Number.isFinite(n)) {
          // 1904 dates become 1900 serials; times of day and durations are the same in both.
          value = date1904 && style.date ? roundSerial(n + DAYS_1904) : n;
        } else value = decodeEscapes(v);
      }
    }
    if (keep && !keep(value)) return;
    let formula = c.f;
    if (c.fType === "shared" && c.si !== undefined) {
      if (formula !== undefined && formula !== "") masters.set(c.si, { formula, row: c.row, col: c.col });
      else {
        const m = masters.get(c.si);
        formula = m ? shiftFormula(m.formula, c.row - m.row, c.col - m.col) : undefined;
      }
    }
    const text = formula === undefined || formula === "" ? undefined : decodeEscapes(formula.startsWith("=") ? formula.slice(1) : formula);
    const fill = style.fill;
    if (value === null && shared < 0 && error === undefined && text === undefined && fill === undefined) return;
    // A call apart, so this function (every cell of every sheet) stays as small as before packing.
    if (packed) {
      addPacked(packed, c.row, c.col, shared, value, format, error, text, fill);
      return;
    }
    // Most cells are a value, or a value and its format: made whole, their fields sit in the
    // object itself; a field added after it (an error, formula or fill) costs a separate store.
    const out: Cell = valueCell(c.row, c.col, value, format);
    if (error !== undefined) out.error = error;
    if (text !== undefined) out.formula = text;
    if (fill !== undefined) out.fill = fill;
    if (c.row < lastRow || (c.row === lastRow && c.col <= lastCol)) ordered = false;
    lastRow = c.row;
    lastCol = c.col;
    if (c.col > maxCol) maxCol = c.col;
    cells[count++] = out;
    if (count >= packFrom) {
      cells.length = count;
      packed = packFromHere(cells, strings);
      count = 0;
    }
  }

  const handlers: XmlHandlers = {
    open(el) {
      const ns = el.ns;
      if (ns !== "main" && ns !== "") return;
      const local = el.local;
      if (cell) {
        if (inIs) inline.open(el);
        else if (local === "v") {
          text = Text.V;
          buffer = "";
        } else if (local === "f") {
          text = Text.F;
          buffer = "";
          cell.fType = el.attrs.t;
          cell.si = el.attrs.si;
        } else if (local === "is") inIs = true;
        return;
      }
      if (inSheetData) {
        if (local === "c") {
          // Each attribute read once: a sheet's attribute objects come in several shapes
          // (`r` and `t`, `r` and `s`, all three; plain-saxes.ts), so a read is not one offset.
          const a = el.attrs;
          const r = a.r;
          const styleText = a.s;
          let row = rowNo;
          let col = colNo + 1;
          if (r !== undefined) {
            if (parseRefInto(r)) {
              row = refRow;
              col = refCol;
            } else badRefs++;
          }
          colNo = col;
          if (row < 1) row = rowNo = 1;
          let s = styleText === undefined ? 0 : plainDigits(styleText);
          if (s < 0) s = Number(styleText);
          // One object for every cell in turn: a sheet of a million cells makes no garbage here.
          cell = spare;
          cell.row = row;
          cell.col = col;
          cell.s = Number.isInteger(s) ? s : 0;
          cell.t = a.t;
          cell.v = cell.f = cell.fType = cell.si = cell.inline = undefined;
        } else if (local === "row") {
          const ref = el.attrs.r;
          let r = ref === undefined ? NaN : plainDigits(ref);
          if (r < 0) r = Number(ref);
          rowNo = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : rowNo + 1;
          colNo = 0;
        }
        return;
      }
      switch (local) {
        case "sheetData":
          inSheetData = true;
          break;
        case "dimension":
          // Before any cell (§18.3.1.35 puts it ahead of sheetData): a sheet that says it is
          // large packs from its first cell, not after making its first packFrom as objects.
          if (!keep && !packed && count === 0) {
            const positions = dimensionPositions(el.attrs.ref);
            if (positions >= 2 * packFrom) packed = new PackedCellsBuilder(strings, positions);
            else if (positions >= SIZE_FROM) cells = new Array<Cell>(positions);
          }
          break;
        case "mergeCell":
          if (el.attrs.ref !== undefined) mergeRefs.push(el.attrs.ref);
          break;
        case "sheetProtection":
          isProtected = el.attrs.sheet === "1" || el.attrs.sheet === "true";
          break;
      }
    },
    close(el) {
      const ns = el.ns;
      if (ns !== "main" && ns !== "") return;
      const local = el.local;
      if (cell) {
        if (inIs) {
          if (local === "is") {
            inIs = false;
            cell.inline = inline.value();
          } else inline.close(el);
        } else if (local === "v" && text === Text.V) {
          cell.v = buffer;
          text = Text.None;
        } else if (local === "f" && text === Text.F) {
          cell.f = buffer;
          text = Text.None;
        } else if (local === "c") {
          const c = cell;
          cell = null;
          finish(c);
        }
        return;
      }
      if (local === "sheetData") inSheetData = false;
    },
    text(t) {
      if (text !== Text.None) buffer += t;
      else if (inIs) inline.text(t);
    },
  };

  function result(): SheetContent {
    if (badRefs) ctx.note(`${badRefs} cell reference${badRefs === 1 ? " was" : "s were"} not valid and ${badRefs === 1 ? "was" : "were"} read by position`);
    if (badStrings) ctx.note(`${badStrings} cell${badStrings === 1 ? " refers" : "s refer"} to shared text that is not in the workbook and ${badStrings === 1 ? "was" : "were"} read as empty`);
    if (badDates) ctx.note(`${badDates} date cell${badDates === 1 ? " is" : "s are"} not an ISO date and ${badDates === 1 ? "was" : "were"} read as text`);
    const merges: Merge[] = [];
    for (let i = 0; i < mergeRefs.length; i++) {
      const m = mergeOfRef(mergeRefs[i]);
      if (m) merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const covered = merges.length ? coveredBy(merges) : undefined;
    let list: Cell[] | PackedCells;
    let rows = 0;
    let cols = 0;
    if (packed) {
      // The builder puts out-of-order or repeated cells in order, the last one written standing.
      const done = packed.finish(covered, merges);
      list = done;
      if (done.length) rows = done.rows[done.length - 1];
      for (let i = 0; i < done.length; i++) if (done.cols[i] > cols) cols = done.cols[i];
    } else {
      // A hint larger than the cells kept leaves holes at the end: none reaches the snapshot.
      if (cells.length !== count) cells.length = count;
      let kept = cells;
      if (!ordered) {
        // Out of order or repeated: the last one written for a cell stands, as a later write would.
        kept = cells.map((c, i) => [c, i] as const).sort((x, y) => x[0].row - y[0].row || x[0].col - y[0].col || x[1] - y[1]).map(([c]) => c);
        kept = kept.filter((c, i) => i + 1 >= kept.length || kept[i + 1].row !== c.row || kept[i + 1].col !== c.col);
      }
      if (covered) kept = withoutCovered(kept, covered);
      list = kept;
      if (kept === cells) {
        // In order, none left out: known from the way in, no second pass over a large sheet.
        rows = lastRow;
        cols = maxCol;
      } else {
        for (const c of kept) {
          if (c.row > rows) rows = c.row;
          if (c.col > cols) cols = c.col;
        }
      }
    }
    for (const m of merges) {
      if (m.bottom === m.top && m.right === m.left) continue;
      if (m.bottom > rows) rows = m.bottom;
      if (m.right > cols) cols = m.right;
    }
    return { cells: list, merges, usedRange: { rows, cols }, protected: isProtected };
  }

  return { handlers, result };
}

/**
 * The positions in a sheet's `dimension` (the range its cells span, as the writer saw it), 0
 * where it has none or it is not a range. A hint only, and no promise: its cells may be fewer
 * (a blank-heavy range) or the range wrong. A sheet promising twice `packFrom` is packed from
 * its first cell, which reads the same (the forms are the same through SheetGrid) at a little
 * more cost where the promise was wrong; twice the point, so that a sheet near it with a few
 * gaps stays objects as before. Below that, a sheet promising SIZE_FROM or more has its list
 * of cells made at that length.
 */
function dimensionPositions(ref: string | undefined): number {
  const range = ref === undefined ? null : parseRange(ref);
  return range === null ? 0 : (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/**
 * The fewest positions a `dimension` must promise for the cells' list to be made at its
 * length: a form's few dozen cells gain nothing from it (its range holds many empty
 * positions), and its list would be made and trimmed for nothing.
 */
const SIZE_FROM = 4096;

/** The builder a sheet's cells go to once it proves large, the objects made so far moved in (and let go). */
function packFromHere(cells: Cell[], strings: readonly string[]): PackedCellsBuilder {
  const packed = new PackedCellsBuilder(strings);
  for (let i = 0; i < cells.length; i++) packed.addCell(cells[i]);
  cells.length = 0;
  return packed;
}

/** A cell read (as `finish` worked it out) added to a packed sheet: a shared string (`shared` ≥ 0) by its index. */
function addPacked(packed: PackedCellsBuilder, row: number, col: number, shared: number, value: Cell["value"], format: string | undefined, error: string | undefined, formula: string | undefined, fill: string | undefined): void {
  // Most cells are a value, or a value and its format: no extras object.
  let extras: CellExtras | undefined;
  if (error !== undefined || formula !== undefined || fill !== undefined) {
    extras = {};
    if (error !== undefined) extras.error = error;
    if (formula !== undefined) extras.formula = formula;
    if (fill !== undefined) extras.fill = fill;
  }
  if (shared >= 0) packed.addShared(row, col, shared, format, extras);
  else packed.add(row, col, value, format, extras);
}

/** Whether any of `merges` covers a position. */
function anyCovers(merges: readonly Merge[], row: number, col: number): boolean {
  for (let i = 0; i < merges.length; i++) if (mergeCovers(merges[i], row, col)) return true;
  return false;
}

/** Up to this many merges are looked through one by one for each cell, with no index by row (a form has a few). */
const FEW_MERGES = 16;

/**
 * Whether a merge covers a position (all its cells but the top-left): Excel shows the merge's
 * top-left cell alone, so the others are left out. Undefined where no merge covers any.
 */
function coveredBy(merges: Merge[]): ((row: number, col: number) => boolean) | undefined {
  const spans = merges.filter((m) => m.bottom !== m.top || m.right !== m.left);
  // Merges of one cell only (or none left): nothing is covered, the list stands as it is.
  if (spans.length === 0) return undefined;
  if (spans.length <= FEW_MERGES) return (row, col) => anyCovers(spans, row, col);
  const byRow = new Map<number, Merge[]>();
  const tall: Merge[] = [];
  for (const m of spans) {
    if (m.bottom - m.top > 1000) {
      tall.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return (row, col) => {
    const list = byRow.get(row);
    // Most sheets have no tall merge: an empty `[]` is a list of another kind, and passing it
    // threw away anyCovers' code compiled on the other lists.
    return (list !== undefined && anyCovers(list, row, col)) || (tall.length !== 0 && anyCovers(tall, row, col));
  };
}

/**
 * The cells no merge covers, in their order: the list itself where none is covered (most
 * forms: a merge's other cells are empty, and an empty cell is not kept), so the used range
 * is known from the way in.
 */
function withoutCovered(cells: Cell[], covered: (row: number, col: number) => boolean): Cell[] {
  for (let i = 0; i < cells.length; i++) {
    if (!covered(cells[i].row, cells[i].col)) continue;
    const out = cells.slice(0, i);
    for (let j = i + 1; j < cells.length; j++) if (!covered(cells[j].row, cells[j].col)) out.push(cells[j]);
    return out;
  }
  return cells;
}

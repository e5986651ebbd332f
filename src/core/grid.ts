/**
 * Read access to one sheet's sparse cells: by position, row by row, with merges resolved.
 * Readers use this, never the raw snapshot arrays.
 */
import { NULL_VALUE, PackedCells } from "./packed-cells";
import type { AnySheetSnapshot, Cell, Merge } from "./snapshot";
import { isSpace } from "./white-space";

/** Column number (1-based) to letters: 1 → A, 28 → AB. */
export function columnLetters(col: number): string {
  if (col >= 1 && col <= LETTERS_KEPT && Number.isInteger(col)) {
    const kept = keptLetters[col];
    if (kept !== undefined) return kept;
    // Filled from the start, so the array stays packed.
    for (let c = keptLetters.length; c <= col; c++) keptLetters[c] = c === 0 ? "" : lettersOf(c);
    return keptLetters[col] as string;
  }
  return lettersOf(col);
}

/**
 * Letters of the first columns, made once each as asked for: every register line and
 * direction is given an address or two, every summary cell a reference, and the letters are
 * otherwise built a letter at a time.
 */
const LETTERS_KEPT = 1024;
const keptLetters: (string | undefined)[] = [];

function lettersOf(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 1-based row and column: (7, 2) → B7. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Parses an A1 address (no sheet, `$` allowed) into 1-based row and column. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * Quotes a sheet name for a formula or link: `'O''Brien''s Actions'`. Names made only of
 * letters, digits and underscores (not starting with a digit) and not looking like a cell
 * address are left bare, as Excel writes them.
 */
export function quoteSheetName(name: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Care at Home'!D3` */
export function sheetRef(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** Excel's last column: a position's number key (below) is exact for every row. */
const COLUMNS = 16_384;

/** One number for a position, in sheet order (row, then column): cheaper than a string key. */
export const positionKey = (row: number, col: number): number => row * COLUMNS + col;

/** The position a key stands for. */
export function positionOf(key: number): { row: number; col: number } {
  const col = key % COLUMNS;
  return { row: (key - col) / COLUMNS, col };
}

/** Up to this many merges a sheet are looked through, not indexed by cell. */
const FEW_MERGES = 8;

/** A merge indexed by its top-left cell alone: merges are small in practice, but guard against a pathological whole-column merge. */
const isLargeMerge = (m: Merge) => (m.bottom - m.top + 1) * (m.right - m.left + 1) > 10_000;

/** Each merge under the cells of it that matter (a later merge over the same cell stands). */
function indexMerges(merges: readonly Merge[]): Map<number, Merge> {
  const byCell = new Map<number, Merge>();
  for (const m of merges) {
    if (isLargeMerge(m)) {
      byCell.set(positionKey(m.top, m.left), m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) byCell.set(positionKey(r, c), m);
    }
  }
  return byCell;
}

/**
 * True where an array by row number up to `lastRow` is worth making for a sheet with
 * `rowCount` rows holding cells: the rows are dense enough, not a few cells far down.
 */
export function rowArrayFits(lastRow: number, rowCount: number): boolean {
  return lastRow <= 4 * rowCount + 65_536;
}

export class SheetGrid {
  readonly name: string;
  /** The sheet's cells where the snapshot gives them packed (the .xlsx reader does); else null. */
  private readonly packed: PackedCells | null;
  /** The snapshot's cells where it gives them as objects, in its own order; else null. */
  private readonly listed: readonly Cell[] | null;
  /**
   * Object form: the cells in row then column order, one a position (the last given for a
   * position stands, as a later write would), and where each row starts in them. A data tab
   * of 200,000 rows kept a Map per row before: most of the cost of recognising it. Packed
   * form: null, the packed cells are in that order already.
   */
  private readonly ordered: readonly Cell[] | null;
  private readonly rowList: number[];
  /** Where each row of rowList starts in the cells in row order; one more entry for the end. */
  private readonly rowStarts: number[];
  /**
   * Each row's place in rowList, -1 for a row without cells: an array by row number where
   * the rows are dense enough (a Map of a data tab's 200,000 rows cost more than the loop
   * over its cells), a Map where a few cells sit far down the sheet.
   */
  private readonly denseRows: Int32Array | null;
  private readonly sparseRows: Map<number, number> | null;
  /**
   * The merges by the cells they cover where there are more than FEW_MERGES; else null, and
   * mergeAt looks through the list (a form has three: a Map a form cost more than the looks).
   * Like denseRows and sparseRows, written once in the constructor and never given a default
   * first: V8 takes a field stored once as constant and optimises the code that reads it on
   * that; a second store on a later sheet (the first directions sheet after 1,000 forms)
   * threw that code away (content, labelValue, mergeAt) to be compiled again.
   */
  private readonly mergeByCell: Map<number, Merge> | null;
  private readonly merges: readonly Merge[];
  readonly maxRow: number;
  readonly maxCol: number;

  constructor(readonly sheet: AnySheetSnapshot) {
    this.name = sheet.name;
    let rows: RowIndex;
    const cells = sheet.cells;
    if (cells instanceof PackedCells) {
      this.packed = cells;
      this.listed = null;
      this.ordered = null;
      rows = indexPacked(cells);
    } else {
      this.packed = null;
      this.listed = cells;
      // As the readers hand them over (in order, each position once): the array itself, no sort.
      const inOrder = indexRows(cells, true);
      if (inOrder) {
        this.ordered = cells;
        rows = inOrder;
      } else {
        this.ordered = inRowOrder(cells);
        rows = indexRows(this.ordered, false);
      }
    }
    this.rowList = rows.rowList;
    this.rowStarts = rows.rowStarts;
    const rowCount = this.rowList.length;
    const lastRow = rowCount ? this.rowList[rowCount - 1] : 0;
    // Rows ascend, so whole numbers from the first on fit the array (the snapshot's rows are).
    const whole = this.rowList.every((row) => Number.isInteger(row) && row >= 0);
    if (whole && rowArrayFits(lastRow, rowCount)) {
      const dense = new Int32Array(lastRow + 1).fill(-1);
      for (let r = 0; r < rowCount; r++) dense[this.rowList[r]] = r;
      this.denseRows = dense;
      this.sparseRows = null;
    } else {
      this.denseRows = null;
      const sparse = new Map<number, number>();
      for (let r = 0; r < rowCount; r++) sparse.set(this.rowList[r], r);
      this.sparseRows = sparse;
    }
    this.merges = sheet.merges;
    this.mergeByCell = sheet.merges.length > FEW_MERGES ? indexMerges(sheet.merges) : null;
    this.maxRow = Math.max(rows.maxRow, sheet.usedRange?.rows ?? 0);
    this.maxCol = Math.max(rows.maxCol, sheet.usedRange?.cols ?? 0);
  }

  /** A row's place in rowList, -1 where the row holds no cell. */
  private rowAt(row: number): number {
    const dense = this.denseRows;
    if (dense) return Number.isInteger(row) && row >= 0 && row < dense.length ? dense[row] : -1;
    return this.sparseRows?.get(row) ?? -1;
  }

  /** The cell at a position as stored (a non-top-left cell of a merge is normally absent). */
  get(row: number, col: number): Cell | undefined {
    const r = this.rowAt(row);
    if (r < 0) return undefined;
    const ordered = this.ordered;
    // One test a call, then each form's own loop: the object form's stays as it was.
    if (ordered === null) return this.getPacked(r, col);
    // A row's cells are in column order: a binary search (rows are short, and this is exact).
    let lo = this.rowStarts[r];
    let hi = this.rowStarts[r + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = ordered[mid];
      if (c.col === col) return c;
      if (c.col < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** `get` on packed cells, by their columns: the cell made (with its row's) only where one is there. */
  private getPacked(r: number, col: number): Cell | undefined {
    const i = this.packedIndexIn(r, col);
    return i < 0 ? undefined : this.rowCells(r)[i - this.rowStarts[r]];
  }

  /** The stored index of the packed cell at column col of row place r, -1 where none: a binary search (a row's cells are in column order). */
  private packedIndexIn(r: number, col: number): number {
    const cols = (this.packed as PackedCells).cols;
    let lo = this.rowStarts[r];
    let hi = this.rowStarts[r + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cols[mid];
      if (c === col) return mid;
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Packed form: the cells as stored, for a reader of every row of a long table that reads
   * most cells' text or figure by stored index (storedIndexAt), no cell object made; null
   * for the object form.
   */
  packedCells(): PackedCells | null {
    return this.packed;
  }

  /** Packed form only: the stored index of the cell at (row, col), -1 where none is stored there. */
  storedIndexAt(row: number, col: number): number {
    const r = this.rowAt(row);
    return r < 0 ? -1 : this.packedIndexIn(r, col);
  }

  /** The merge a position belongs to, if any. */
  mergeAt(row: number, col: number): Merge | undefined {
    const byCell = this.mergeByCell;
    if (byCell) return byCell.get(positionKey(row, col));
    // As the index would answer: the last merge listed that covers the cell stands.
    const merges = this.merges;
    for (let i = merges.length - 1; i >= 0; i--) {
      const m = merges[i];
      if (isLargeMerge(m) ? m.top === row && m.left === col : row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** Row numbers that hold at least one cell, ascending. */
  rows(): readonly number[] {
    return this.rowList;
  }

  /**
   * Each row's cells by the row's place in rowList, cut (or, packed, made) once: readers ask
   * for the same rows many times, and a packed cell is the same object every time it is asked for.
   */
  private readonly sortedRows: (readonly Cell[] | undefined)[] = [];

  /** The cells of the row at a place in rowList, made or cut on the first asking. */
  private rowCells(r: number): readonly Cell[] {
    let cells = this.sortedRows[r];
    if (!cells) {
      const start = this.rowStarts[r];
      const end = this.rowStarts[r + 1];
      if (this.ordered) cells = this.ordered.slice(start, end);
      else {
        const packed = this.packed as PackedCells;
        const made: Cell[] = [];
        for (let i = start; i < end; i++) made.push(packed.cell(i));
        cells = made;
      }
      this.sortedRows[r] = cells;
    }
    return cells;
  }

  /**
   * The cells of a row, in column order, as kept by the grid: not to be changed (a reader
   * that must change them copies). Readers asking of every row of a large register use this.
   */
  cellsOfRow(row: number): readonly Cell[] {
    const r = this.rowAt(row);
    if (r < 0) return EMPTY_ROW;
    return this.sortedRows[r] ?? this.rowCells(r);
  }

  /**
   * cellsOfRow's cells put in `out` (emptied first), for a reader that takes every row of a
   * long table once and is done with each before the next: no array a row made and kept by
   * the grid (100,000 of them on a long register, each surviving to be copied by the
   * collector). Packed, the row's cells are made and kept as cellsOfRow keeps them (a packed
   * cell is the same object every time it is asked for).
   */
  cellsOfRowInto(row: number, out: Cell[]): Cell[] {
    out.length = 0;
    const r = this.rowAt(row);
    if (r < 0) return out;
    const kept = this.sortedRows[r];
    if (kept !== undefined) {
      for (let i = 0; i < kept.length; i++) out.push(kept[i]);
      return out;
    }
    const end = this.rowStarts[r + 1];
    const ordered = this.ordered;
    if (ordered !== null) {
      for (let i = this.rowStarts[r]; i < end; i++) out.push(ordered[i]);
      return out;
    }
    // Packed, a row not yet asked for otherwise: its cells made for this call and not kept,
    // so a reader of every row of a long table (directions) leaves them to the young
    // generation's cheap collection rather than holding them all to the end of the check.
    const packed = this.packed as PackedCells;
    for (let i = this.rowStarts[r]; i < end; i++) out.push(packed.cell(i));
    return out;
  }

  /**
   * How many cells the snapshot lists, in its own order: a cell's place there (its stored
   * index, 0 to cellCount - 1) is how the label search and the recognisers name a cell
   * without holding it. The order is the host's (row then column, as the contract asks; an
   * object snapshot's position given twice is listed twice): the searches answer in it.
   */
  get cellCount(): number {
    const listed = this.listed;
    return listed ? listed.length : (this.packed as PackedCells).length;
  }

  /** The cell at a stored index (packed, the same object `get` and `cellsOfRow` give). */
  cellAt(i: number): Cell {
    const listed = this.listed;
    if (listed) return listed[i];
    const r = this.rowAt((this.packed as PackedCells).rows[i]);
    return this.rowCells(r)[i - this.rowStarts[r]];
  }

  /**
   * The value of the cell at a stored index where it is text and the cell holds no error
   * (an error cell shows no text), else undefined: what the label search reads of every cell
   * of a large sheet, no cell made.
   */
  textAt(i: number): string | undefined {
    const listed = this.listed;
    if (!listed) return (this.packed as PackedCells).textOf(i);
    const cell = listed[i];
    return typeof cell.value === "string" && !cell.error ? cell.value : undefined;
  }

  /**
   * Packed form: the workbook's shared strings, which many cells' texts are (the same few
   * over and over, as a list's column repeats them); null for the object form. With
   * sharedTextIndex, a search of every cell works out what it needs once a string.
   */
  sharedTexts(): readonly string[] | null {
    return this.packed ? this.packed.shared : null;
  }

  /** Where textAt(i) is the shared string at an index of sharedTexts(), that index; else -1. */
  sharedTextIndex(i: number): number {
    const packed = this.packed;
    return packed ? packed.sharedIndexOf(i) : -1;
  }

  /** True where the cell at a stored index shows a text of its own (`text`, as Office.js gives it) or an error. */
  showsOtherText(i: number): boolean {
    const listed = this.listed;
    if (!listed) return (this.packed as PackedCells).showsOtherText(i);
    const cell = listed[i];
    return cell.text !== undefined || !!cell.error;
  }

  /** Every cell, in row then column order. */
  *cells(): Iterable<Cell> {
    if (this.ordered) yield* this.ordered;
    else for (let r = 0; r < this.rowList.length; r++) yield* this.rowCells(r);
  }

  /** True when the sheet holds no non-empty cell. */
  isEmpty(): boolean {
    const packed = this.packed;
    if (packed) {
      // isBlank on the packed fields, no cell made: an error, a value not null and not white space.
      for (let i = 0; i < packed.length; i++) {
        if (packed.extras.get(i)?.error) return false;
        const text = packed.textOf(i);
        if (text !== undefined ? text.trim() !== "" : packed.kinds[i] !== NULL_VALUE) return false;
      }
      return true;
    }
    for (const c of this.cells()) if (!isBlank(c)) return false;
    return true;
  }
}

const EMPTY_ROW: readonly Cell[] = [];

interface RowIndex {
  rowList: number[];
  rowStarts: number[];
  maxRow: number;
  maxCol: number;
}

/**
 * Where each row of cells starts, and the last row and column, in one pass over cells in
 * row then column order. With `check`, null where they are not in that order, each position
 * once.
 */
function indexRows(cells: readonly Cell[], check: true): RowIndex | null;
function indexRows(cells: readonly Cell[], check: false): RowIndex;
function indexRows(cells: readonly Cell[], check: boolean): RowIndex | null {
  const rowList: number[] = [];
  const rowStarts: number[] = [];
  let maxRow = 0;
  let maxCol = 0;
  let prevRow = 0;
  let prevCol = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const row = cell.row;
    const col = cell.col;
    if (check && i > 0 && (prevRow > row || (prevRow === row && prevCol >= col))) return null;
    if (i === 0 || row !== prevRow) {
      rowList.push(row);
      rowStarts.push(i);
    }
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
    prevRow = row;
    prevCol = col;
  }
  rowStarts.push(cells.length);
  return { rowList, rowStarts, maxRow, maxCol };
}

/** indexRows for packed cells, which are in row then column order by their contract. */
function indexPacked(cells: PackedCells): RowIndex {
  const rowList: number[] = [];
  const rowStarts: number[] = [];
  const { rows, cols, length } = cells;
  let maxCol = 0;
  let prevRow = -1;
  for (let i = 0; i < length; i++) {
    const row = rows[i];
    if (row !== prevRow) {
      rowList.push(row);
      rowStarts.push(i);
      prevRow = row;
    }
    if (cols[i] > maxCol) maxCol = cols[i];
  }
  rowStarts.push(length);
  return { rowList, rowStarts, maxRow: length ? rows[length - 1] : 0, maxCol };
}

/**
 * The cells in row then column order, one a position: the last given for a position stands.
 * For cells that are not so already (indexRows says).
 */
function inRowOrder(cells: readonly Cell[]): readonly Cell[] {
  const indexed = cells.map((cell, i) => ({ cell, i }));
  indexed.sort((x, y) => x.cell.row - y.cell.row || x.cell.col - y.cell.col || x.i - y.i);
  const out: Cell[] = [];
  for (let k = 0; k < indexed.length; k++) {
    const next = indexed[k + 1] as { cell: Cell } | undefined;
    const c = indexed[k].cell;
    // The last of a position stands.
    if (next && next.cell.row === c.row && next.cell.col === c.col) continue;
    out.push(c);
  }
  return out;
}

/**
 * A cell that holds nothing a reader should see (no value, no error, or only white space).
 * A text whose first unit is not white space is not blank, and is not trimmed to be told so
 * (readers ask this of every cell of a long table; tests/core/grid.test.ts holds it to trim).
 */
export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  const value = cell.value;
  if (value === null) return true;
  if (typeof value === "string") return value.length === 0 || (isSpace(value.charCodeAt(0)) && value.trim() === "");
  return false;
}

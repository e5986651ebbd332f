/**
 * How the table readers (directions, action plans, risk registers) see cells: a merge's
 * cells belong to its top-left only, and an error cell shows no text.
 */
import { rowArrayFits, type SheetGrid } from "../grid";
import { SHARED_VALUE, TEXT_VALUE, type PackedCells } from "../packed-cells";
import type { Cell } from "../snapshot";
import { cellError, displayText } from "../values";
import { plainTextOf } from "../values/cells";
import { isExcelErrorText } from "../values/input";

/**
 * The cell a row shows at a column: the merge's top-left when (row, col) is that top-left;
 * nothing for any other cell of a merge, so a cell merged down over the next row is not
 * read twice, and a cell merged across its neighbours is not read as theirs.
 */
export function own(grid: SheetGrid, row: number, col: number): Cell | undefined {
  const m = grid.mergeAt(row, col);
  if (m && (m.top !== row || m.left !== col)) return undefined;
  return grid.get(row, col);
}

/**
 * A row's cells as `own` sees them, in column order, blank ones included: the cells of the
 * row that no merge from above or the left covers. Readers that ask `own` for several
 * columns of every row of a long table take the row once and find columns in it
 * (`ownIn`): a row holds a handful of cells. A reader that reads them before the next row
 * may pass the same `out` each time (emptied first), not make an array a row.
 */
/** ownCells' copy of the row's cells, used within one call (no array a row). */
const rowScratch: Cell[] = [];

export function ownCells(grid: SheetGrid, row: number, out: Cell[] = [], merged?: Uint8Array): Cell[] {
  // A row no merge touches (nearly every row of a long report; `merged` is the sheet's
  // rowsWithMerges, made once by a reader of every row) is the row as stored: no copy, no
  // look-up a cell (mergeAt is a Map look-up a cell where a sheet has many merges).
  if (merged !== undefined && merged[row] === 0) return grid.cellsOfRowInto(row, out);
  out.length = 0;
  // Indexed, not for…of: a first run reads 50,000 rows before this is optimised, and each
  // step of an array iterator there makes a result object.
  const cells = grid.cellsOfRowInto(row, rowScratch);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const m = grid.mergeAt(row, c.col);
    if (!m || (m.top === row && m.left === c.col)) out.push(c);
  }
  return out;
}

/**
 * By row number up to the sheet's last row holding a cell, 1 where some merge covers a cell
 * of the row, else 0: a row marked 0 has no cell where `grid.mergeAt` finds a merge. (Rows
 * past the end, or not whole numbers, read undefined: ask mergeAt.)
 */
export function rowsWithMerges(grid: SheetGrid): Uint8Array {
  const rows = grid.rows();
  const last = rows.length > 0 ? Math.floor(rows[rows.length - 1]) : -1;
  // A few cells far down a sheet of objects: no array that long, every row asks mergeAt.
  const marks = new Uint8Array(last >= 0 && rowArrayFits(last, rows.length) ? last + 1 : 0);
  const merges = grid.sheet.merges;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    const bottom = Math.min(last, m.bottom);
    for (let r = Math.max(0, m.top); r <= bottom; r++) marks[r] = 1;
  }
  return marks;
}

/** The cell at a column of a row taken by `ownCells`: what `own(grid, row, col)` gives. */
export function ownIn(cells: readonly Cell[], col: number | null): Cell | undefined {
  if (col === null) return undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.col === col) return c;
    if (c.col > col) break;
  }
  return undefined;
}

/** A cell's trimmed display text; "" for blank, absent or an Excel error. A text cell's taken directly (plainTextOf): a long table asks this of every cell. */
export function textOf(cell: Cell | undefined): string {
  if (!cell) return "";
  return plainTextOf(cell) ?? textOfAnyCell(cell);
}

/**
 * textOf of an absent cell ("") or of a cell of plain text (a text value, no error, no shown
 * text of its own, not an Excel error's text), where cellError gives null; null for any other
 * cell, which the caller reads with cellError and textOf. A long table's cells are nearly all
 * such text: one test a cell, and the rules' code (displayText, an error's upper-casing) is
 * left to the calls that need it, not compiled into every reader of a cell.
 */
export function plainText(cell: Cell | undefined): string | null {
  if (cell === undefined) return "";
  const v = cell.value;
  if (typeof v !== "string" || cell.error !== undefined || cell.text !== undefined || isExcelErrorText(v)) return null;
  return v.trim();
}

/**
 * plainText of the packed cell at stored index i, no cell made: "" where i is -1 (no cell
 * there), the trimmed text of a cell of plain text, null for any other cell (which the
 * caller makes, cells.cell(i), and reads by the rules). A long report's rows are nearly all
 * such cells, and making each as an object was a third of reading them (round 47).
 */
export function plainTextAt(cells: PackedCells, i: number): string | null {
  if (i < 0) return "";
  const kind = cells.kinds[i];
  if ((kind !== SHARED_VALUE && kind !== TEXT_VALUE) || !cells.valueAlone(i)) return null;
  const v = cells.value(i) as string;
  if (isExcelErrorText(v)) return null;
  return v.trim();
}

/** The rule textOf follows, for any cell (exported for the test that holds the two together). */
export function textOfAnyCell(cell: Cell | undefined): string {
  if (!cell || cellError(cell) !== null) return "";
  return displayText(cell).trim();
}

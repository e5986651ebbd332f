/** What reading one register needs: the sheet, its header, and where findings go. */
import type { RaiseFinding } from "../../findings";
import { isBlank, type SheetGrid } from "../../grid";
import type { Cell } from "../../snapshot";
import { cellError, displayText } from "../../values";
import { plainTextOf } from "../../values/cells";
import type { RegisterHeader } from "./register-header";

export interface RegisterSheet {
  grid: SheetGrid;
  header: RegisterHeader;
  raise: RaiseFinding;
  /**
   * The row being read and its cells in column order (the grid's `cellsOfRowInto`, one
   * array for every line): a line's half-dozen columns are found in its few cells, not by a
   * grid look-up each. Row 0 (no row) while none is.
   */
  row: number;
  cells: readonly Cell[];
}

/** The cell in a column of the header (undefined for a column the register lacks). */
export function cellIn({ grid, row: current, cells }: RegisterSheet, row: number, col: number | null): Cell | undefined {
  if (col === null) return undefined;
  if (row !== current) return grid.get(row, col);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.col === col) return c;
    if (c.col > col) break;
  }
  return undefined;
}

/** A text column's trimmed text ("" for blank, an error, or a column the register lacks). */
export function textIn(register: RegisterSheet, row: number, col: number | null): string {
  return textOfCell(cellIn(register, row, col));
}

/**
 * textIn of a cell already found: a text cell's text taken directly (plainTextOf), not
 * through four tests and two trims (a register asks this five times a line).
 */
export function textOfCell(c: Cell | undefined): string {
  if (c === undefined) return "";
  return plainTextOf(c) ?? textOfAnyCell(c);
}

/** The rule textOfCell follows, for any cell (exported for the test that holds the two together). */
export function textOfAnyCell(c: Cell | undefined): string {
  return c && !isBlank(c) && cellError(c) === null ? displayText(c).trim() : "";
}

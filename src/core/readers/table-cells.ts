/**
 * How the table readers (directions, action plans, risk registers) see cells: a merge's
 * cells belong to its top-left only, and an error cell shows no text.
 */
import type { SheetGrid } from "../grid";
import type { Cell } from "../snapshot";
import { cellError, displayText } from "../values";

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

/** A cell's trimmed display text; "" for blank, absent or an Excel error. */
export function textOf(cell: Cell | undefined): string {
  if (!cell || cellError(cell) !== null) return "";
  return displayText(cell).trim();
}

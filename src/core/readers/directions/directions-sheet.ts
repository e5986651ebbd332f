/**
 * How the directions reader sees cells: a merge's cells belong to its top-left only, and
 * an error cell shows no text.
 */
import type { SheetGrid } from "../../grid";
import type { Cell } from "../../snapshot";
import { cellError, displayText, normaliseLabel } from "../../values";

export const NO_LABELS = ["No", "No.", "Ref", "Ref."];
export const DIRECTION_LABELS = ["Direction", "Directions"];
/** The cell some templates put above Measure / Progress / Source (often merged over them). */
export const GROUP_LABELS = ["Performance Measures", "Performance Measure"];

/**
 * The cell a row shows at a column: the merge's top-left when (row, col) is that top-left;
 * nothing for any other cell of a merge, so a No cell merged down over a continuation row is
 * not read twice, and a measure merged across the Progress column is not read as progress.
 */
export function own(grid: SheetGrid, row: number, col: number): Cell | undefined {
  const m = grid.mergeAt(row, col);
  if (m && (m.top !== row || m.left !== col)) return undefined;
  return grid.get(row, col);
}

export function textOf(cell: Cell | undefined): string {
  if (!cell || cellError(cell) !== null) return "";
  return displayText(cell).trim();
}

/** True where the cell's text begins with the word (`Progress at half-year …`). */
export const begins = (cell: Cell | undefined, word: RegExp): boolean => word.test(normaliseLabel(textOf(cell)));

/**
 * The plain label search the readers' fast paths are checked against: every text cell, in
 * row-major order, matched with matchLabelText (label-cells.test.ts, cells-with-keys.test.ts).
 */
import type { SheetGrid } from "../../src/core/grid";
import { matchLabelText, type LabelSet } from "../../src/core/readers/labels";

export function plainScan(grid: SheetGrid, list: readonly string[] | LabelSet) {
  const out = [];
  for (const cell of grid.cells()) {
    if (typeof cell.value !== "string" || cell.error) continue;
    const m = matchLabelText(cell.value, list);
    if (m) out.push({ row: cell.row, col: cell.col, cell, ...m });
  }
  return out;
}

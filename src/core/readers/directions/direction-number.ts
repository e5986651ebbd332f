/** A direction row's number (§5): `1.1`, `10.2` in the No column, read as displayed. */
import { isBlank, type SheetGrid } from "../../grid";
import type { DirectionsHeader } from "./directions-header";
import { own } from "./directions-sheet";

/** `1.1`, `10.2` (also `3` and `1.1.`): a direction number; returned without a trailing dot. */
export function directionNumber(text: string): string | null {
  const t = text.trim();
  return /^\d+(?:\.\d+)*\.?$/.test(t) ? t.replace(/\.$/, "") : null;
}

/**
 * A short No such as `D1.1` or `1.1a` on a row that also has a direction and a measure,
 * progress or source: a direction, not heading text (a heading has nothing beside it).
 */
function looseNumberOf(grid: SheetGrid, text: string, row: number, h: DirectionsHeader): string | null {
  const t = text.trim();
  if (t.length > 10 || !/\d/.test(t) || /\s/.test(t)) return null;
  const has = (col: number | null) => col !== null && !isBlank(own(grid, row, col));
  return has(h.directionCol) && (has(h.measureCol) || has(h.progressCol) || has(h.sourceCol)) ? t : null;
}

/** The direction number on a row, strict or loose; null where the No text is not one. */
export function numberOnRow(grid: SheetGrid, text: string, row: number, h: DirectionsHeader): string | null {
  return directionNumber(text) ?? looseNumberOf(grid, text, row, h);
}

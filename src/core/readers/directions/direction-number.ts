/** A direction row's number (§5): `1.1`, `10.2` in the No column, read as displayed. */
import { isBlank, type SheetGrid } from "../../grid";
import type { DirectionsHeader } from "./directions-header";
import { own } from "./directions-sheet";

/**
 * True where the text is digits, groups of digits after dots, and at most one trailing dot
 * (`/^\d+(?:\.\d+)*\.?$/`), by a scan of its characters: every row of a long report asks
 * this of its No cell (tests/core/readers/directions-fast-paths.test.ts holds the scan to the
 * expression).
 */
export function isDirectionNumber(t: string): boolean {
  const n = t.length;
  let i = 0;
  for (;;) {
    const start = i;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === start) return false; // a dot must come after digits, and the text be more than dots
    if (i === n) return true;
    if (t.charCodeAt(i) !== 46) return false;
    i++;
    if (i === n) return true; // the one trailing dot
  }
}

/** `1.1`, `10.2` (also `3` and `1.1.`): a direction number; returned without a trailing dot. */
export function directionNumber(text: string): string | null {
  const t = text.trim();
  if (!isDirectionNumber(t)) return null;
  return t.charCodeAt(t.length - 1) === 46 ? t.slice(0, -1) : t;
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

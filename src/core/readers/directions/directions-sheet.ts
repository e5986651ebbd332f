/**
 * How the directions reader sees cells: a merge's cells belong to its top-left only, and
 * an error cell shows no text.
 */
import type { Cell } from "../../snapshot";
import { normaliseLabel } from "../../values";
import { textOf } from "../table-cells";

export { own, ownCells, ownIn, textOf } from "../table-cells";

export const NO_LABELS = ["No", "No.", "Ref", "Ref."];
export const DIRECTION_LABELS = ["Direction", "Directions"];
/** The cell some templates put above Measure / Progress / Source (often merged over them). */
export const GROUP_LABELS = ["Performance Measures", "Performance Measure"];

/** True where the cell's text begins with the word (`Progress at half-year …`). */
export const begins = (cell: Cell | undefined, word: RegExp): boolean => word.test(normaliseLabel(textOf(cell)));

/**
 * How the directions reader sees cells: a merge's cells belong to its top-left only, and
 * an error cell shows no text.
 */
import type { Cell } from "../../snapshot";
import { matchesLabel, normaliseLabel } from "../../values";
import * as tableCells from "../table-cells";

// Bound as constants, not re-exported: tsc's CommonJS output makes a re-export a getter,
// called on every call until the caller is optimised (values/index.ts says more); the
// reader asks these of every row.
export const own = tableCells.own;
export const ownCells = tableCells.ownCells;
export const ownIn = tableCells.ownIn;
export const textOf = tableCells.textOf;
export const plainText = tableCells.plainText;
export const plainTextAt = tableCells.plainTextAt;

export const NO_LABELS = ["No", "No.", "Ref", "Ref."];
export const DIRECTION_LABELS = ["Direction", "Directions"];
/** The cell some templates put above Measure / Progress / Source (often merged over them). */
export const GROUP_LABELS = ["Performance Measures", "Performance Measure"];

/** The shortest group label's normal form. */
const SHORTEST_GROUP_LABEL = Math.min(...GROUP_LABELS.map((l) => normaliseLabel(l).length));

/**
 * True where the text is a group label (`matchesLabel`). Every row of a long report asks
 * this of its first cell, nearly always a short No (`12.3`): normalising never makes a text
 * more than twice as long (lower-casing `İ` gives two units; every other step only drops
 * or replaces), so a text under half the shortest label's length is not one, and is not
 * normalised (tests/core/readers/directions-fast-paths.test.ts holds this to matchesLabel).
 */
export function isGroupLabel(text: string): boolean {
  return 2 * text.length >= SHORTEST_GROUP_LABEL && matchesLabel(text, GROUP_LABELS);
}

/**
 * isGroupLabel of the cell's text (`textOf`). A number cell without the host's own text shows
 * what displayNumber makes of it (digits, a sign, separators, a currency sign, `%`, or an
 * exponent's `e`), never a label; it is not formatted to be told so: a progress figure is on
 * every row of a long report (tests/core/readers/directions-fast-paths.test.ts holds this to
 * the text's test).
 */
export function isGroupLabelCell(cell: Cell): boolean {
  if (typeof cell.value === "number" && cell.text === undefined) return false;
  return isGroupLabel(textOf(cell));
}

/** True where the cell's text begins with the word (`Progress at half-year …`). */
export const begins = (cell: Cell | undefined, word: RegExp): boolean => word.test(normaliseLabel(textOf(cell)));

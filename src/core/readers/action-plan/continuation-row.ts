/**
 * A continuation row (action-plans-and-risks.md §10, Rows): a row whose only text begins
 * with a lower-case letter, in the goal or the action column, continues the action above
 * (seed 003's `for staff (NEW)`, wrapped over a page break into the goal column).
 */
import type { Cell } from "../../snapshot";
import { textOf } from "../table-cells";

const LOWER = /^\p{Ll}/u;

/** The text a row adds to the action above, or null where the row is not a continuation. */
export function continuationText(cells: readonly Cell[], columns: readonly (number | null)[]): string | null {
  if (cells.length !== 1 || !columns.includes(cells[0].col)) return null;
  const text = textOf(cells[0]).replace(/\s+/g, " ").trim();
  return LOWER.test(text) ? text : null;
}

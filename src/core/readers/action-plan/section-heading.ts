/**
 * A section heading below a header (action-plans-and-risks.md §10, Rows): a row with text in
 * exactly one cell, in the first used column or the action column, nothing in the due,
 * progress and stated-RAG columns, whose text begins with a capital letter or a digit
 * (`Governing Body`, `Cross Cutting Work (All care groups)`).
 */
import type { Cell } from "../../snapshot";
import { textOf } from "../table-cells";

const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;

/** Where headings may sit: the table's first column (or left of it) and the item column; never these. */
export interface HeadingColumns {
  firstCol: number;
  itemCol: number;
  /** Columns a heading never uses (due, progress, stated RAG; a register's ratings). */
  never: readonly (number | null)[];
}

/** The heading a row's non-blank cells make, or null where they are not one. */
export function sectionHeading(cells: readonly Cell[], columns: HeadingColumns): string | null {
  if (cells.length !== 1) return null;
  const [cell] = cells;
  if (columns.never.includes(cell.col)) return null;
  if (cell.col > columns.firstCol && cell.col !== columns.itemCol) return null;
  const text = textOf(cell).replace(/\s+/g, " ").trim();
  return CAPITAL_OR_DIGIT.test(text) ? text : null;
}

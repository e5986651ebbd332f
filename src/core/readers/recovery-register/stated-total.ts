/**
 * The register's stated total (standard-templates.md §4): a row labelled `Total` (in any
 * cell), or holding only a money amount. It must equal the sum of the items above it, to
 * the penny; nothing below it is read.
 */
import { a1, isBlank, type SheetGrid } from "../../grid";
import type { RecoveryAction } from "../../records";
import type { Cell } from "../../snapshot";
import { matchesLabel, parseMoney } from "../../values";
import { rowsWithLabel } from "../labels";
import type { RegisterSheet } from "./register-sheet";

const TOTAL_LABELS = ["Total", "Totals", "Grand Total", "Total Savings", "Total Saving"];

export interface StatedTotal {
  pence: number;
  cell: string;
}

const isTotalLabel = (c: Cell | undefined): boolean => typeof c?.value === "string" && matchesLabel(c.value, TOTAL_LABELS);

/** The rows that may hold a Total label (the reader takes them once, not a line). */
export function totalLabelRows(grid: SheetGrid): ReadonlySet<number> {
  return rowsWithLabel(grid, TOTAL_LABELS);
}

/** The row's one non-blank cell; null where it has none or more than one. */
function onlyFilled(cells: readonly Cell[]): Cell | null {
  let only: Cell | null = null;
  for (let i = 0; i < cells.length; i++) {
    if (isBlank(cells[i])) continue;
    if (only) return null;
    only = cells[i];
  }
  return only;
}

/**
 * Where the row is the stated total: `{ cell }`, the cell holding its figure (undefined for
 * a Total label with no figure). Null where the row is not the stated total. `rowCells` are
 * the row's cells, blank ones included (this is asked of every line: no filtered copy);
 * `labelled` is totalLabelRows(grid), taken once by the caller.
 */
export function statedTotalRow(
  { grid, header }: RegisterSheet,
  row: number,
  rowCells: readonly Cell[],
  labelled: ReadonlySet<number>,
): { cell: Cell | undefined } | null {
  // Only rows that may hold a Total label are tested for one.
  if (labelled.has(row)) {
    const cells = rowCells.filter((c) => !isBlank(c));
    if (cells.some(isTotalLabel)) {
      const moneyCell = grid.get(row, header.moneyCol);
      const cell = moneyCell && !isBlank(moneyCell) && !isTotalLabel(moneyCell) ? moneyCell : cells.find((c) => !isTotalLabel(c));
      return { cell };
    }
  }
  // A row holding only an amount (or only an error in the money column, e.g. a broken SUM).
  const only = onlyFilled(rowCells);
  if (!only) return null;
  const knownTextCols = new Set([header.serviceAreaCol, header.refCol, header.descriptionCol, header.leadCol]);
  if (knownTextCols.has(only.col)) return null;
  const status = parseMoney(only, { thousands: header.thousands }).status;
  return status === "ok" || (status === "error" && only.col === header.moneyCol) ? { cell: only } : null;
}

/** The stated total's figure; its findings where it cannot be read. */
export function readStatedTotal({ header, raise }: RegisterSheet, cell: Cell | undefined): StatedTotal | null {
  if (!cell || isBlank(cell)) return null;
  const address = a1(cell.row, cell.col);
  const r = parseMoney(cell, { thousands: header.thousands });
  if (r.status === "ok") return { pence: r.value, cell: address };
  if (r.status === "error") raise("formula-error", address, { field: "The stated total", error: r.error, expected: "the sum of the items above it" });
  else if (r.status === "invalid") raise("invalid-money", address, { field: "The stated total", reason: r.reason, example: "£3,487,000" });
  return null;
}

/** `total-mismatch` where the stated total is not the sum of the items' valid values. */
export function checkStatedTotal({ raise }: RegisterSheet, total: StatedTotal, items: readonly RecoveryAction[]): void {
  const sum = items.reduce((s, a) => s + (a.valuePence ?? 0), 0);
  if (sum !== total.pence) raise("total-mismatch", total.cell, { statedPence: total.pence, sumPence: sum });
}

/**
 * The register's header row (standard-templates.md §2, §4): a `Service Area` cell and a
 * money column, and optionally Ref, Description, Risk Level, Lead and Forecast columns.
 * A `£000` hint on a money heading means its numbers are thousands.
 */
import type { SheetGrid } from "../../grid";
import { rowsWithLabel } from "../labels";
import type { Cell } from "../../snapshot";
import { isThousandsHint, labelHint, matchesLabel } from "../../values";

const REGISTER_COLUMNS = {
  serviceArea: ["Service Area", "Service Areas", "Lead Service Area", "Lead Service Area(s)"],
  money: ["Proposed Saving", "Proposed Savings", "Saving", "Savings", "Recovery Value", "Value"],
  ref: ["Ref", "Reference"],
  description: ["Analysis of Issue", "Description"],
  riskLevel: ["Risk Level", "Risk"],
  lead: ["Lead", "Exec Lead", "Exec Lead(s)"],
  forecast: ["Forecast", "Forecast Saving"],
} as const;

type ColumnKey = keyof typeof REGISTER_COLUMNS;
const COLUMN_KEYS = Object.keys(REGISTER_COLUMNS) as ColumnKey[];

export interface RegisterHeader {
  /** The header row. */
  row: number;
  serviceAreaCol: number;
  moneyCol: number;
  /** The money column's heading says £000 (448 there is £448,000). */
  thousands: boolean;
  refCol: number | null;
  descriptionCol: number | null;
  riskLevelCol: number | null;
  leadCol: number | null;
  forecastCol: number | null;
  forecastThousands: boolean;
}

const thousandsIn = (heading: Cell | undefined): boolean =>
  heading !== undefined && isThousandsHint(labelHint(String(heading.value)));

/** The rows that may hold a header (a Service Area cell): the reader takes them once, not a line. */
export function registerHeaderRows(grid: SheetGrid): ReadonlySet<number> {
  return rowsWithLabel(grid, REGISTER_COLUMNS.serviceArea);
}

/**
 * The header on a row, or null where the row is not one. `mayHold` is registerHeaderRows(grid),
 * taken once by the caller (the register's reader asks this of every line).
 */
export function registerHeaderAt(grid: SheetGrid, row: number, mayHold: ReadonlySet<number>): RegisterHeader | null {
  // A header needs a Service Area cell: only rows that may hold one are looked at.
  if (!mayHold.has(row)) return null;
  const cols: Partial<Record<ColumnKey, Cell>> = {};
  for (const c of grid.cellsOfRow(row)) {
    if (typeof c.value !== "string" || c.error) continue;
    const text = c.value;
    const key = COLUMN_KEYS.find((k) => !cols[k] && matchesLabel(text, REGISTER_COLUMNS[k]));
    if (key) cols[key] = c;
  }
  if (!cols.serviceArea || !cols.money) return null;
  return {
    row,
    serviceAreaCol: cols.serviceArea.col,
    moneyCol: cols.money.col,
    thousands: thousandsIn(cols.money),
    refCol: cols.ref?.col ?? null,
    descriptionCol: cols.description?.col ?? null,
    riskLevelCol: cols.riskLevel?.col ?? null,
    leadCol: cols.lead?.col ?? null,
    forecastCol: cols.forecast?.col ?? null,
    forecastThousands: thousandsIn(cols.forecast),
  };
}

/** §2: the first row with a `Service Area` cell and a money column; null when none. */
export function findRegisterHeader(grid: SheetGrid): RegisterHeader | null {
  // Only rows that may hold a Service Area cell, top to bottom.
  const mayHold = registerHeaderRows(grid);
  for (const row of [...mayHold].sort((a, b) => a - b)) {
    const h = registerHeaderAt(grid, row, mayHold);
    if (h) return h;
  }
  return null;
}

/**
 * Office.js range data (the arrays a loaded Range holds) → the engine's sparse snapshot cells.
 */
import { EXCEL_ERRORS, type Cell, type Visibility } from "../../core/snapshot";
import type { Bounds } from "./address";

/** What one loaded block of a sheet gives: the arrays of Range.values and Range.numberFormat. */
export interface LoadedBlock {
  bounds: Bounds;
  values: unknown[][];
  numberFormat?: unknown[][];
}

const ERRORS = new Set<string>(EXCEL_ERRORS);

/**
 * Turns a loaded block into cells, skipping empty ones. Excel gives an error cell's value as
 * the error's text (`#REF!`), so a value that is exactly one of Excel's error strings is an
 * error. Displayed text is not loaded: the engine formats numbers from their number format,
 * as it does for .xlsx files.
 */
export function blockToCells(block: LoadedBlock): Cell[] {
  const cells: Cell[] = [];
  const { bounds, values } = block;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const raw = row[c];
      if (raw === "" || raw === null || raw === undefined) continue;
      const isError = typeof raw === "string" && ERRORS.has(raw);
      const cell: Cell = {
        row: bounds.top + r,
        col: bounds.left + c,
        value: isError ? null : typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string" ? raw : JSON.stringify(raw),
      };
      const format = block.numberFormat?.[r]?.[c];
      if (typeof format === "string") cell.format = format;
      if (isError) cell.error = raw;
      cells.push(cell);
    }
  }
  return cells;
}

/** Excel's sheet visibility names → the snapshot's. */
export function visibilityFromExcel(v: string): Visibility {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}

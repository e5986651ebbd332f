/**
 * Office.js range data (the arrays a loaded Range holds) → the engine's sparse snapshot cells.
 */
import { EXCEL_ERRORS, type Cell, type Visibility } from "../../core/snapshot";
import type { Bounds } from "./address";

/** What one loaded block of a sheet gives: the arrays of Range.values, text, … */
export interface LoadedBlock {
  bounds: Bounds;
  values: unknown[][];
  text?: string[][];
  numberFormat?: unknown[][];
  formulas?: unknown[][];
  valueTypes?: string[][];
}

const ERRORS = new Set<string>(EXCEL_ERRORS);

/**
 * Turns a loaded block into cells, skipping empty ones. Excel gives an error cell's value as
 * the error's text (`#REF!`), so an error is recognised by its value type (`Error`), or, where
 * value types were not loaded, by being exactly one of Excel's error strings.
 */
export function blockToCells(block: LoadedBlock): Cell[] {
  const cells: Cell[] = [];
  const { bounds, values } = block;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const raw = row[c];
      const type = block.valueTypes?.[r]?.[c];
      const formulaRaw = block.formulas?.[r]?.[c];
      const formula = typeof formulaRaw === "string" && formulaRaw.startsWith("=") ? formulaRaw.slice(1) : undefined;
      if ((raw === "" || raw === null || raw === undefined) && type !== "Error") continue;
      if (type === "Empty") continue;
      const isError = type === "Error" || (type === undefined && typeof raw === "string" && ERRORS.has(raw));
      const cell: Cell = {
        row: bounds.top + r,
        col: bounds.left + c,
        value: isError ? null : typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string" ? raw : String(raw),
      };
      const format = block.numberFormat?.[r]?.[c];
      if (typeof format === "string") cell.format = format;
      const text = block.text?.[r]?.[c];
      if (typeof text === "string") cell.text = text;
      if (isError) cell.error = typeof raw === "string" && raw ? raw : (text ?? "#UNKNOWN!");
      if (formula !== undefined) cell.formula = formula;
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

/**
 * The pieces every template model is built from: its cell looks, text and blank input cells,
 * ranges, and the date rule (each template's own lists are beside it).
 */
import { cellStyleSchema, type CellStyle, type ModelCell } from "../summary/sheet-model";
import type { CellRange, Validation } from "./template-model";

export const LABEL: CellStyle = { bold: true, wrap: true, verticalAlign: "top" };
export const HEADER: CellStyle = { bold: true, wrap: true, verticalAlign: "top", fill: "D9E1F2", border: true };
export const GUIDANCE: CellStyle = { italic: true, wrap: true, verticalAlign: "top", color: "595959", border: true };
export const INPUT: CellStyle = { wrap: true, verticalAlign: "top", border: true };

export function text(row: number, col: number, value: string, style?: CellStyle): ModelCell {
  return { row, col, content: { kind: "text", text: value }, ...(style ? { style: cellStyleSchema().parse(style) } : {}) };
}

/** An empty input cell: a bordered blank so the user sees where to type. */
export function blank(row: number, col: number, format?: ModelCell["format"]): ModelCell {
  return { row, col, content: { kind: "text", text: "" }, style: INPUT, ...(format ? { format } : {}) };
}

export const cellRange = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

/**
 * A real date, day first. `warning` lets a user keep text the reader also accepts (an action's
 * due date may be `March 2025` or `Q4 2024/25`); a `stop` rule refuses anything but a date.
 */
export function dateRule(range: CellRange, field: string, errorStyle: "stop" | "warning" = "stop", prompt = "Enter a date day first, e.g. 21/03/2024."): Validation {
  return {
    type: "date",
    from: "2000-01-01",
    range,
    prompt: { title: field.slice(0, 32), message: prompt },
    error: { title: "Not a date", message: `${field} must be a real date written day first, e.g. 21/03/2024 (not 03/21/2024).` },
    errorStyle,
  };
}

/** A drop-down list. */
export function listRule(range: CellRange, field: string, values: readonly string[], prompt: string, errorStyle: "stop" | "warning" = "stop"): Validation {
  return {
    type: "list",
    values: [...values],
    range,
    prompt: { title: field.slice(0, 32), message: prompt },
    error: { title: `Not a ${field.toLowerCase()}`.slice(0, 32), message: `Choose one of: ${values.join(", ")}.` },
    errorStyle,
  };
}

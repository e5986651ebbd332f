/**
 * The engine's input: a host-neutral snapshot of a workbook's cells.
 *
 * Every host (Office.js, exceljs) turns its workbook into this shape; the engine never
 * sees Excel objects. Cells are sparse: only non-empty cells (or cells with a number
 * format worth knowing) are listed, so a sheet with a huge used range and five values
 * costs five entries, never a dense grid.
 */
import { z } from "zod";
import { madeOnce } from "./remembered";
import type { PackedCells } from "./packed-cells";

/** Excel's error values, as displayed. */
export const EXCEL_ERRORS = [
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#N/A",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

const cellSchema = madeOnce(() => z.object({
  /** 1-based row number. */
  row: z.number().int().min(1),
  /** 1-based column number (A = 1). */
  col: z.number().int().min(1),
  /**
   * The cell's value. Numbers are numbers; dates are Excel serial numbers (1900 date
   * system, as Office.js gives them) with a date number format in `format`; booleans are
   * booleans; an error cell has value null and `error` set; a rich-text cell is its plain text.
   */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** The number format code (e.g. `0%`, `dd/mm/yyyy`, `General`), where known. */
  format: z.string().optional(),
  /** The text Excel displays, where the host knows it (Office.js does; exceljs does not). */
  text: z.string().optional(),
  /** An Excel error value such as `#REF!`, where the cell holds one. */
  error: z.string().optional(),
  /** The formula, without its leading `=`, where the cell holds one (value is its cached result). */
  formula: z.string().optional(),
  /**
   * The cell's solid fill colour as `RRGGBB` (upper case), theme colours resolved with their
   * tint; absent where the cell has no solid fill or the host did not read fills. Conditional
   * formats are not read. A cell listed only for its fill has value null.
   */
  fill: z.string().regex(/^[0-9A-F]{6}$/).optional(),
}));
export type Cell = z.infer<ReturnType<typeof cellSchema>>;

/** A merged range, 1-based and inclusive. */
const mergeSchema = madeOnce(() => z.object({
  top: z.number().int().min(1),
  left: z.number().int().min(1),
  bottom: z.number().int().min(1),
  right: z.number().int().min(1),
}));
export type Merge = z.infer<ReturnType<typeof mergeSchema>>;

export const visibilitySchema = madeOnce(() => z.enum(["visible", "hidden", "veryHidden"]));
export type Visibility = z.infer<ReturnType<typeof visibilitySchema>>;

const sheetSnapshotSchema = madeOnce(() => z.object({
  name: z.string(),
  visibility: visibilitySchema(),
  /** Non-empty cells, in row then column order. */
  cells: z.array(cellSchema()),
  merges: z.array(mergeSchema()),
  /** The sheet's used range as the host reports it (last row and column), where known. */
  usedRange: z
    .object({ rows: z.number().int().min(0), cols: z.number().int().min(0) })
    .optional(),
  /** True where the sheet is protected (the host may not write to it). */
  protected: z.boolean().optional(),
}));
/** A sheet with its cells as objects: the form the schema describes, and every host may give. */
export type SheetSnapshot = z.infer<ReturnType<typeof sheetSnapshotSchema>>;
/**
 * A sheet in either form: what the engine (through SheetGrid, its only reader) accepts. Its
 * cells are objects, or packed (packed-cells.ts: typed arrays, a `Cell` made only when asked
 * for), as the .xlsx reader gives a large sheet, so that its cost follows what is read of it.
 * The schema describes the object form only: it checks a snapshot where one crosses from
 * another thread, and the packed form never crosses (a class's prototype does not survive the
 * copy); it is checked by its construction.
 */
export type AnySheetSnapshot = Omit<SheetSnapshot, "cells"> & { cells: SheetSnapshot["cells"] | PackedCells };

export const workbookSnapshotSchema = madeOnce(() => z.object({
  /** Sheets in workbook (tab) order, hidden and very hidden ones included. */
  sheets: z.array(sheetSnapshotSchema()),
  /** What the host could not read as it is (e.g. a sheet read without its merges), for the user. */
  notes: z.array(z.string()).optional(),
}));
export type WorkbookSnapshot = z.infer<ReturnType<typeof workbookSnapshotSchema>>;
/** A workbook whose sheets may be packed: what the engine accepts. */
export type AnyWorkbookSnapshot = Omit<WorkbookSnapshot, "sheets"> & { sheets: AnySheetSnapshot[] };

/**
 * The snapshot with every sheet's cells as objects: for one that crosses to another thread
 * (the page's worker), or a host whose callers list cells. Packed sheets' cells are made here.
 */
export function objectSnapshot(snapshot: AnyWorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.map((s) => (Array.isArray(s.cells) ? (s as SheetSnapshot) : { ...s, cells: s.cells.toJSON() })) };
}

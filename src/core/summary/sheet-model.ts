/**
 * A summary sheet described as data: cells, number formats, fills, tables, links, column
 * widths and print setup. The engine decides what is written (and tests it once); each
 * host only renders a SheetModel.
 */
import { z } from "zod";
import { madeOnce } from "../remembered";
import { isoDateSchema } from "../iso-date";
import { MAX_PAGE_BREAKS } from "./page-break-limit";
import { MERGE_NUMBERS } from "./model-merges";

/** Cell text in the sheet model that marks a sheet as written by Board Summary. */
export const MARKER_PREFIX = "board-summary:generated:";

const numberFormatSchema = madeOnce(() => z.enum(["money", "percent", "percent1", "date", "integer", "count", "decimal1", "text"]));
export type NumberFormatKind = z.infer<ReturnType<typeof numberFormatSchema>>;

/** The Excel number format code for each kind (UK conventions). */
export const NUMBER_FORMATS: Record<NumberFormatKind, string> = {
  money: "£#,##0",
  percent: "0%",
  /** Coverage, shares and progress: one decimal place everywhere (board-pages.md §7). */
  percent1: "0.0%",
  date: "dd/mm/yyyy",
  integer: "0",
  /** Counts on the summary sheets: thousands separated, as the paragraph writes them. */
  count: "#,##0",
  decimal1: "0.0",
  text: "@",
};

/** The product's own summaries, each written as one sheet, in the order they are written (Data Checks last). */
export const SUMMARY_IDS = ["recovery-summary", "directions-summary", "action-plan-summary", "risk-summary", "data-checks"] as const;
export const summaryIdSchema = madeOnce(() => z.enum(SUMMARY_IDS));
export type SummaryId = z.infer<ReturnType<typeof summaryIdSchema>>;

const colour = madeOnce(() => z.string().regex(/^[0-9A-F]{6}$/, "RRGGBB hex, upper case"));

export const cellStyleSchema = madeOnce(() => z.object({
  /** Font family; summaries name it on every cell, so no cell falls back to a workbook's own default. */
  font: z.string().optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /** Font size in points. */
  size: z.number().optional(),
  /** Font colour. */
  color: colour().optional(),
  /** Solid fill colour. */
  fill: colour().optional(),
  wrap: z.boolean().optional(),
  align: z.enum(["left", "center", "right"]).optional(),
  verticalAlign: z.enum(["top", "middle", "bottom"]).optional(),
  /** Thin border all round. */
  border: z.boolean().optional(),
}));
export type CellStyle = z.infer<ReturnType<typeof cellStyleSchema>>;

/** What a cell holds. */
const cellContentSchema = madeOnce(() => z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  /** A number; money in pounds (already converted from pence), percent as a fraction (0.92). */
  z.object({ kind: z.literal("number"), value: z.number() }),
  z.object({ kind: z.literal("date"), iso: isoDateSchema() }),
  /** A formula without its `=`, with the result the engine expects (written as the cached value). */
  z.object({ kind: z.literal("formula"), formula: z.string(), result: z.number().nullable() }),
  /**
   * A link to a cell in this workbook. `separateWorkbook` hosts write `text` as plain
   * text instead (never an external link).
   */
  z.object({ kind: z.literal("link"), text: z.string(), sheet: z.string(), cell: z.string() }),
]));
export type CellContent = z.infer<ReturnType<typeof cellContentSchema>>;

export const modelCellSchema = madeOnce(() => z.object({
  row: z.number().int().min(1),
  col: z.number().int().min(1),
  content: cellContentSchema(),
  format: numberFormatSchema().optional(),
  style: cellStyleSchema().optional(),
}));
export type ModelCell = z.infer<ReturnType<typeof modelCellSchema>>;

/** A block column's look for a row: its content's kind, number format and style. */
const blockLookSchema = madeOnce(() => z.object({
  kind: z.enum(["text", "number", "date", "formula", "link"]),
  format: numberFormatSchema().optional(),
  style: cellStyleSchema().optional(),
}));
export type BlockLook = z.infer<ReturnType<typeof blockLookSchema>>;

/**
 * One column of a block, down its rows: a cell a row at `col`, merged over `span` sheet
 * columns where more than one (the covered cells blank, in the head's style; the merges
 * themselves are listed in the model's `merges`).
 */
const blockColumnSchema = madeOnce(() => z.object({
  col: z.number().int().min(1),
  span: z.number().int().min(1),
  /** The column's looks; each row takes `looks[rowLooks[r]]`, or `looks[0]` where `rowLooks` is absent (one look). */
  looks: z.array(blockLookSchema()).min(1),
  rowLooks: z.array(z.number().int().min(0)).optional(),
  /** By row: the text (text and link), number, ISO date or formula (without its `=`). */
  values: z.array(z.union([z.string(), z.number()])),
  /** By row, where any row is a link: the sheet and cell it goes to ("" on other rows). */
  sheets: z.array(z.string()).optional(),
  cells: z.array(z.string()).optional(),
  /** By row, where any row is a formula: its result. */
  results: z.array(z.number().nullable()).optional(),
}));
export type BlockColumn = z.infer<ReturnType<typeof blockColumnSchema>>;

/**
 * Cells held as columns, not a ModelCell each: a table's body rows (a register of 100,000
 * lines has 1.5 million cells, ~100 bytes each as ModelCells). No cell of `cells` and no
 * other block shares a position with a block's cells.
 */
const cellBlockSchema = madeOnce(() => z.object({
  firstRow: z.number().int().min(1),
  rows: z.number().int().min(0),
  columns: z.array(blockColumnSchema()),
}));
export type CellBlock = z.infer<ReturnType<typeof cellBlockSchema>>;

/**
 * An Excel table over cells already listed in `cells` (or its blocks): header row at `headerRow`, data
 * rows below, and (when `totalsRow`) one totals row after them whose cells (formulas
 * over plain ranges) are also in `cells`. A table with no data rows is written as a
 * plain range (Excel tables need at least one data row); hosts must handle that.
 */
const tableModelSchema = madeOnce(() => z.object({
  /** Workbook-unique table name (letters, digits, underscores). */
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  headerRow: z.number().int().min(1),
  firstCol: z.number().int().min(1),
  columns: z.array(z.string()),
  /** Number of data rows (0 allowed). */
  dataRows: z.number().int().min(0),
  totalsRow: z.boolean(),
  style: z.string().default("TableStyleMedium2"),
  /**
   * Banded rows from the table style. Off on summaries: their cells carry their own fills
   * and borders, which every application prints alike (LibreOffice draws no table styles).
   */
  bandedRows: z.boolean().default(true),
}));
export type TableModel = z.infer<ReturnType<typeof tableModelSchema>>;

/**
 * One header or footer, in Excel's header and footer codes (`&P` the page number, `&N` the
 * number of pages, `&F` the file's name, `&&` a literal ampersand, `&"Calibri,Regular"`
 * and `&9` the font), by section. Office.js and SpreadsheetML take the same codes.
 */
const headerFooterSchema = madeOnce(() => z.object({
  left: z.string().default(""),
  center: z.string().default(""),
  right: z.string().default(""),
}));
export type HeaderFooter = z.infer<ReturnType<typeof headerFooterSchema>>;

/** Page margins in inches, as both Excel and SpreadsheetML give them. */
const marginsSchema = madeOnce(() => z.object({
  left: z.number().min(0),
  right: z.number().min(0),
  top: z.number().min(0),
  bottom: z.number().min(0),
  header: z.number().min(0),
  footer: z.number().min(0),
}));
export type Margins = z.infer<ReturnType<typeof marginsSchema>>;

const printSetupSchema = madeOnce(() => z.object({
  orientation: z.enum(["landscape", "portrait"]),
  paperSize: z.enum(["A4"]).default("A4"),
  /** Fit to this many pages wide (height free). */
  fitToPagesWide: z.number().int().min(1),
  margins: marginsSchema(),
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  repeatRows: z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).nullable(),
  header: headerFooterSchema(),
  footer: headerFooterSchema(),
}));

export const sheetModelSchema = madeOnce(() => z.object({
  /** The product's own identity for this sheet. */
  id: summaryIdSchema(),
  /** The name it would like (`Recovery Summary`); the host may be told to use another. */
  name: z.string(),
  /** Marker text (MARKER_PREFIX + id) written in `markerCell`, so a later run knows it as ours. */
  marker: z.string(),
  markerCell: z.object({ row: z.number().int(), col: z.number().int() }),
  /** Cells one by one, in sheet order; a table's body rows are in `blocks` (read both through modelCells). */
  cells: z.array(modelCellSchema()),
  blocks: z.array(cellBlockSchema()).optional(),
  /**
   * Where the hyperlink limit falls (hyperlink-limit.ts): a link of a block at or after this
   * position (by row, then column) is written as plain text of its words. `cells` hold such
   * links as text already.
   */
  plainLinksFrom: z.object({ row: z.number().int().min(1), col: z.number().int().min(1) }).optional(),
  /**
   * Merged areas, packed: each merge's top, left, bottom and right in turn, in the order they
   * are written (read them through model-merges.ts). A register's service areas merge every
   * row; numbers, not an object a merge.
   */
  merges: z.array(z.number().int().min(1)).refine((a) => a.length % MERGE_NUMBERS === 0, "four numbers a merge"),
  tables: z.array(tableModelSchema()),
  /** Column widths in Excel character units, by 1-based column. */
  columnWidths: z.array(z.object({ col: z.number().int().min(1), width: z.number() })),
  /**
   * Row heights in points, computed from each cell's text, font and column width with
   * Calibri's own metrics (text-metrics.ts), so every line of wrapped text shows.
   * Spreadsheet applications do not all grow such rows on their own (LibreOffice does not
   * on import), and the page breaks are decided from these heights. By row from the first:
   * `rowHeights[r - 1]` is row r's (a register has 200,000 rows: numbers, not an object a row).
   */
  rowHeights: z.array(z.number().positive()).optional(),
  /** Rows frozen at the top (0 for none). */
  freezeRows: z.number().int().min(0),
  /**
   * Manual page breaks: each row here starts a new printed page. Decided with the row
   * heights (board-pages.md §4), so a small table never splits, the main table starts a
   * page of its own and no page holds only headers or only the key. At most Excel's
   * 1,026 a sheet (page-break-limit.ts).
   */
  pageBreaks: z.array(z.number().int().min(2)).max(MAX_PAGE_BREAKS).default([]),
  print: printSetupSchema(),
  tabColor: colour().optional(),
}));
export type SheetModel = z.infer<ReturnType<typeof sheetModelSchema>>;

/**
 * What to write: the models (each under its final `name`), the product's own earlier
 * summary sheets to remove (by name), and notes for the user (e.g. "A sheet of yours is
 * already called Recovery Summary: the summary was written to Recovery Summary (2)").
 * Source sheets never appear in `replace`.
 */
export const summaryPlanSchema = madeOnce(() => z.object({
  models: z.array(sheetModelSchema()),
  replace: z.array(z.string()),
  notes: z.array(z.string()),
}));
export type SummaryPlan = z.infer<ReturnType<typeof summaryPlanSchema>>;

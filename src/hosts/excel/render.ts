/**
 * A SheetModel turned into the blocks Office.js writes: content and number formats as
 * row bands, styles as runs of like cells, links, merges, widths, tables. Pure, so it is
 * tested without Excel; excel-host.ts only queues these.
 */
import { sheetRef } from "../../core/grid";
import {
  NUMBER_FORMATS,
  type CellStyle,
  type ModelCell,
  type SheetModel,
  type TableModel,
} from "../../core/summary/sheet-model";
import type { TemplateModel, Validation } from "../../core/templates/template-model";
import type { Bounds } from "./address";

/** Days from Excel's day 0 (1899-12-30, allowing for its 1900 leap-year bug) to an ISO date. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * Excel column width in characters → points, as Range.format.columnWidth takes it: a
 * character of the default font (Calibri 11) is 7 px, plus 5 px of padding, at 0.75 pt/px.
 */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export type Written = string | number | boolean;

/** Rows of content (for Range.formulas) and number formats, over `bounds`. */
export interface Band {
  bounds: Bounds;
  formulas: Written[][];
  numberFormat: string[][];
  /** Rough JSON size of what this band sends, for the payload budget. */
  bytes: number;
}

export interface StyleRun {
  bounds: Bounds;
  style: CellStyle & { underline?: boolean };
}

export interface LinkWrite {
  row: number;
  col: number;
  documentReference: string;
  textToDisplay: string;
}

export interface RenderedSheet {
  bands: Band[];
  styles: StyleRun[];
  links: LinkWrite[];
  merges: Bounds[];
  widths: { col: number; points: number }[];
  /** Tables with at least one data row (others stay plain ranges). */
  tables: { model: TableModel; bounds: Bounds }[];
  /** Source sheets the links point at. */
  linkedSheets: string[];
}

/** A link cell's look when the model gives it none: Excel's Hyperlink style. */
const LINK_STYLE = { color: "0563C1", underline: true } as const;

function contentOf(cell: ModelCell): Written {
  const c = cell.content;
  switch (c.kind) {
    case "text":
      return c.text;
    case "number":
      return c.value;
    case "date":
      return isoToSerial(c.iso);
    case "formula":
      return `=${c.formula}`;
    case "link":
      return c.text;
  }
}

/**
 * The number format a cell is written with. Text (and link text) is written as Text (`@`)
 * unless the model says otherwise, so that Excel never turns a ref such as `1.10` or
 * `00123` into a number, nor text beginning `=` into a formula.
 */
function formatOf(cell: ModelCell): string {
  if (cell.format) return NUMBER_FORMATS[cell.format];
  switch (cell.content.kind) {
    case "date":
      return NUMBER_FORMATS.date;
    case "text":
    case "link":
      return NUMBER_FORMATS.text;
    default:
      return "General";
  }
}

/** Rough JSON size of a value. */
function sizeOf(v: Written | string): number {
  return typeof v === "string" ? v.length + 3 : String(v).length + 1;
}

/**
 * Rows of content and number formats from the first row to the last, each band at most
 * about `bandBytes` of JSON, so a sheet of any size is sent in pieces Excel on the web accepts.
 */
function cellBands(list: ModelCell[], format: (cell: ModelCell) => string, bandBytes: number): Band[] {
  const cells = new Map<string, ModelCell>();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of list) {
    cells.set(`${c.row},${c.col}`, c);
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  const bands: Band[] = [];
  let start = 1;
  let rowsF: Written[][] = [];
  let rowsN: string[][] = [];
  let bytes = 0;
  const flush = (end: number) => {
    if (!rowsF.length) return;
    bands.push({ bounds: { top: start, left: 1, bottom: end, right: maxCol }, formulas: rowsF, numberFormat: rowsN, bytes });
    rowsF = [];
    rowsN = [];
    bytes = 0;
    start = end + 1;
  };
  for (let r = 1; r <= maxRow; r++) {
    const f: Written[] = [];
    const n: string[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const cell = cells.get(`${r},${c}`);
      const v = cell ? contentOf(cell) : "";
      const fmt = cell ? format(cell) : "General";
      f.push(v);
      n.push(fmt);
      bytes += sizeOf(v) + sizeOf(fmt);
    }
    rowsF.push(f);
    rowsN.push(n);
    if (bytes >= bandBytes) flush(r);
  }
  flush(maxRow);
  return bands;
}

/** Styles: runs of neighbouring cells in a row with the same look, one write per property. */
function styleRuns(list: ModelCell[]): StyleRun[] {
  const styles: StyleRun[] = [];
  const rows = new Map<number, ModelCell[]>();
  for (const c of list) {
    const cellsOfRow = rows.get(c.row) ?? [];
    cellsOfRow.push(c);
    rows.set(c.row, cellsOfRow);
  }
  for (const [row, cellsOfRow] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
    cellsOfRow.sort((a, b) => a.col - b.col);
    let run: StyleRun | null = null;
    let runKey = "";
    for (const c of cellsOfRow) {
      const style = c.content.kind === "link" ? { ...LINK_STYLE, ...c.style } : c.style;
      if (!style || Object.keys(style).length === 0) {
        run = null;
        continue;
      }
      const key = JSON.stringify(style, Object.keys(style).sort());
      if (run && key === runKey && run.bounds.right === c.col - 1) {
        run.bounds.right = c.col;
      } else {
        run = { bounds: { top: row, left: c.col, bottom: row, right: c.col }, style };
        runKey = key;
        styles.push(run);
      }
    }
  }
  return styles;
}

/**
 * Renders a model. `bandBytes` caps the size of one content band, so a sheet of any size
 * is sent in pieces Excel on the web accepts.
 */
export function renderSheet(model: SheetModel, bandBytes = 512 * 1024): RenderedSheet {
  const cells = new Map<string, ModelCell>();
  for (const cell of model.cells) cells.set(`${cell.row},${cell.col}`, cell);
  const marker: ModelCell = {
    row: model.markerCell.row,
    col: model.markerCell.col,
    content: { kind: "text", text: model.marker },
  };
  const existing = cells.get(`${marker.row},${marker.col}`);
  if (!existing) cells.set(`${marker.row},${marker.col}`, marker);

  const bands = cellBands([...cells.values()], formatOf, bandBytes);
  const styles = styleRuns([...cells.values()]);

  const links: LinkWrite[] = [];
  const linked = new Set<string>();
  for (const c of model.cells) {
    if (c.content.kind !== "link") continue;
    links.push({
      row: c.row,
      col: c.col,
      documentReference: sheetRef(c.content.sheet, c.content.cell),
      textToDisplay: c.content.text,
    });
    linked.add(c.content.sheet);
  }

  const tables = model.tables
    .filter((t) => t.dataRows > 0)
    .map((t) => ({
      model: t,
      bounds: {
        top: t.headerRow,
        left: t.firstCol,
        bottom: t.headerRow + t.dataRows,
        right: t.firstCol + t.columns.length - 1,
      },
    }));

  return {
    bands,
    styles,
    links,
    merges: model.merges.map((m) => ({ ...m })),
    widths: model.columnWidths.map((w) => ({ col: w.col, points: widthToPoints(w.width) })),
    tables,
    linkedSheets: [...linked],
  };
}

// ---- blank templates ------------------------------------------------------------------

/** A template's data validation as Office.js takes it (Range.dataValidation, ExcelApi 1.8). */
export interface ValidationWrite {
  bounds: Bounds;
  rule: Excel.DataValidationRule;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
}

export interface RenderedTemplate {
  bands: Band[];
  styles: StyleRun[];
  merges: Bounds[];
  widths: { col: number; points: number }[];
  /** Row heights in points, as Range.format.rowHeight takes them. */
  heights: { row: number; points: number }[];
  validations: ValidationWrite[];
}

/**
 * Text Excel would take for something else if written into a General cell: a formula, a
 * number, a date, a percentage, TRUE/FALSE or an error. Only such text is given the Text
 * format; other labels stay General, as the exceljs template writes them.
 */
function needsTextFormat(text: string): boolean {
  if (text === "") return false;
  return /^[=+\-@#]/.test(text) || !/[A-Za-z]/.test(text) || /^(true|false)$/i.test(text.trim());
}

/** The number format a template cell is written with: the model's, else General (see needsTextFormat). */
function templateFormatOf(cell: ModelCell): string {
  if (cell.format) return NUMBER_FORMATS[cell.format];
  if (cell.content.kind === "text" && needsTextFormat(cell.content.text)) return NUMBER_FORMATS.text;
  return "General";
}

/** A template validation in Office.js's terms: a drop-down list, a date from a day, or a decimal in bounds. */
export function validationWrite(v: Validation): ValidationWrite {
  let rule: Excel.DataValidationRule;
  switch (v.type) {
    case "list":
      // Excel takes a list source as one comma-separated string; a value holding a comma
      // would split in two, so the model must never have one.
      if (v.values.some((x) => x.includes(",")))
        throw new Error(`A drop-down list value may not contain a comma: ${v.values.join(" | ")}`);
      rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
      break;
    case "date":
      // An ISO date string is what DateTimeDataValidation takes, whatever the user's locale.
      rule = { date: { formula1: v.from, operator: "GreaterThanOrEqualTo" } };
      break;
    case "decimal":
      rule =
        v.max === null
          ? { decimal: { formula1: v.min, operator: "GreaterThanOrEqualTo" } }
          : { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
      break;
  }
  return {
    bounds: { ...v.range },
    rule,
    prompt: { showPrompt: true, title: v.prompt.title, message: v.prompt.message },
    errorAlert: {
      showAlert: true,
      style: v.errorStyle === "warning" ? "Warning" : "Stop",
      title: v.error.title,
      message: v.error.message,
    },
  };
}

/** Renders a blank template for Office.js: small, so one band and one request. */
export function renderTemplate(model: TemplateModel): RenderedTemplate {
  return {
    bands: cellBands(model.cells, templateFormatOf, Number.POSITIVE_INFINITY),
    styles: styleRuns(model.cells),
    merges: model.merges.map((m) => ({ ...m })),
    widths: model.columnWidths.map((w) => ({ col: w.col, points: widthToPoints(w.width) })),
    heights: model.rowHeights.map((h) => ({ row: h.row, points: h.height })),
    validations: model.validations.map(validationWrite),
  };
}

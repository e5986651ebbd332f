/**
 * A SheetModel turned into the blocks Office.js writes: content and number formats as
 * row bands, styles as runs of like cells, links, merges, widths, tables. Pure, so it is
 * tested without Excel; excel-host.ts only queues these.
 */
import { sheetRef } from "../../core/grid";
import { isoToExcelSerial } from "../../core/values/dates";
import { modelCells } from "../../core/summary/model-cells";
import { MERGE_NUMBERS, forEachMerge, mergeAt, mergeCount } from "../../core/summary/model-merges";
import {
  NUMBER_FORMATS,
  type CellStyle,
  type ModelCell,
  type SheetModel,
  type TableModel,
} from "../../core/summary/sheet-model";
import type { TemplateModel, Validation } from "../../core/templates/template-model";
import type { Bounds } from "./address";

/**
 * A model's column width → points, as Range.format.columnWidth takes it. The width is the
 * file format's (`<col width>`, padding included), as the .xlsx host writes it: a unit is a
 * digit of the default font (Calibri 11), 7 px, at 0.75 pt/px. Both hosts so print the
 * same page width (summary-page.ts sizes columns to fit one landscape page).
 */
export function widthToPoints(width: number): number {
  return Math.round(width * 7 * 0.75 * 100) / 100;
}

type Written = string | number | boolean;

/** Rows of content (for Range.formulas) over `bounds`. */
interface Band {
  bounds: Bounds;
  formulas: Written[][];
  /** JSON size of the formulas, for the payload budget. */
  bytes: number;
}

/**
 * A block of cells sharing one number format other than General (a new sheet's cells are
 * General already), written before the content so text in an `@` cell stays text.
 */
export interface FormatArea {
  bounds: Bounds;
  format: string;
}

export type Style = CellStyle & { underline?: boolean };

interface StyleRun {
  bounds: Bounds;
  style: Style;
}

/**
 * Every block of cells with one look, written as one RangeAreas (Worksheet.getRanges,
 * ExcelApi 1.9) per address list, so a thousand RAG cells cost a few operations, not a
 * thousand. With a border, every area of a group has the same shape class (one column or
 * several), as the inside-vertical edge is set only on areas wider than one column.
 */
export interface StyleGroup {
  style: Style;
  areas: Bounds[];
}

export interface RenderedSheet {
  bands: Band[];
  formats: FormatArea[];
  styles: StyleGroup[];
  /**
   * Merged areas, one row high, as blocks of rows merged alike: each block one
   * Range.merge(true) ("merge cells in each row of the specified range as separate merged
   * cells"), so a small table's spans cost an operation a block, not one a row.
   */
  merges: { bounds: Bounds; across: boolean }[];
  widths: { col: number; points: number }[];
  /** Columns hidden: the marker's, so it neither shows nor widens the printed page. */
  hiddenColumns: number[];
  /** Row heights in points, as blocks of whole rows sharing a height (`5:9`). */
  heights: { rows: Bounds[]; points: number }[];
  /** Tables with at least one data row (others stay plain ranges). */
  tables: { model: TableModel; bounds: Bounds }[];
  /** Source sheets the links point at. */
  linkedSheets: string[];
  /** Links to source cells. */
  links: LinkWrite[];
  /** The links as runs down a column, each written by one Range.setCellProperties. */
  linkRuns: LinkRun[];
  /** Totals rows of the tables, written once each table shows its totals row. */
  totals: TotalsWrite[];
  /** Rows holding wrapped text and no set height: autofitted after writing, so nothing is clipped. */
  wrapRows: Bounds[];
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
      return isoToExcelSerial(c.iso);
    case "formula":
      return `=${c.formula}`;
    case "link":
      // Written as a hyperlink after the content (see RenderedSheet.linkRuns), which puts
      // its text in the cell.
      return "";
  }
}

/**
 * A link to a place in this workbook, written as a RangeHyperlink with a documentReference
 * (through Range.setCellProperties, see LinkRun). Not a HYPERLINK formula: "In Excel for the web, the HYPERLINK function is
 * valid for web addresses (URLs) only" (support.microsoft.com, HYPERLINK function), and a
 * formula written into a table column can turn it into a calculated column (office-js
 * #5909, #6745, #2093), pointing every link at one cell.
 */
interface LinkWrite {
  row: number;
  col: number;
  /** `'Sheet'!C5`, the sheet name quoted as formulas quote it. */
  documentReference: string;
  textToDisplay: string;
}

/**
 * Links in neighbouring rows of one column, written together by Range.setCellProperties
 * (ExcelApi 1.9), one `{ hyperlink }` entry a cell. Setting Range.hyperlink instead takes a
 * range and an action a link: some 290 bytes of request each before the link itself, so
 * 10,000 links were some 3 MB of bookkeeping and more requests (see writing.ts).
 */
export interface LinkRun {
  bounds: Bounds;
  cells: { hyperlink: Excel.RangeHyperlink }[][];
  /** JSON size of `cells`, for the payload budget. */
  bytes: number;
}

/** A table's totals row: written after the table and its totals row exist (see excel-host's writeSheet). */
interface TotalsWrite {
  bounds: Bounds;
  formulas: Written[][];
}

/**
 * The number format a cell is written with. Text (and link text) is written as Text (`@`)
 * unless the model says otherwise, so that Excel never turns a ref such as `1.10` or
 * `00123` into a number, nor text beginning `=` into a formula.
 */
function formatOf(cell: ModelCell): string {
  // A link is a HYPERLINK formula: in a Text cell it would stay the formula's text.
  if (cell.content.kind === "link") return cell.format && cell.format !== "text" ? NUMBER_FORMATS[cell.format] : "General";
  if (cell.format) return NUMBER_FORMATS[cell.format];
  switch (cell.content.kind) {
    case "date":
      return NUMBER_FORMATS.date;
    case "text":
      // An empty cell (one kept only for its look, inside a merge or a table) needs no Text
      // format; General keeps a column's format runs unbroken, so fewer blocks are written.
      return cell.content.text === "" ? "General" : NUMBER_FORMATS.text;
    default:
      return "General";
  }
}

/** Links as runs down their columns, each run at most about `maxBytes` of JSON. */
export function linkRuns(links: LinkWrite[], maxBytes: number): LinkRun[] {
  const sorted = [...links].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: LinkRun[] = [];
  let run: LinkRun | null = null;
  for (const l of sorted) {
    const cell = { hyperlink: { documentReference: l.documentReference, textToDisplay: l.textToDisplay } };
    // `[{"hyperlink":{"documentReference":"…","textToDisplay":"…"}}],`
    const bytes = 58 + sizeOf(l.documentReference) + sizeOf(l.textToDisplay);
    if (run && run.bounds.left === l.col && run.bounds.bottom === l.row - 1 && run.bytes + bytes <= maxBytes) {
      run.bounds.bottom = l.row;
      run.cells.push([cell]);
      run.bytes += bytes;
    } else {
      run = { bounds: { top: l.row, left: l.col, bottom: l.row, right: l.col }, cells: [[cell]], bytes: bytes + 2 };
      runs.push(run);
    }
  }
  return runs;
}

/** Bytes of a string as UTF-8 (what a request carries), without a Buffer or TextEncoder. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair (two UTF-16 units) is four bytes: two for each half.
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return n;
}

/** JSON size of a value in an array, with its comma. */
function sizeOf(v: Written): number {
  if (typeof v !== "string") return String(v).length + 1;
  // Quotes, comma, and an escape for each quote or backslash.
  let escapes = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === '"' || v[i] === "\\" || v[i] < " ") escapes++;
  return utf8Bytes(v) + escapes + 3;
}

function indexCells(list: readonly ModelCell[]): { cells: Map<string, ModelCell>; maxRow: number; maxCol: number } {
  const cells = new Map<string, ModelCell>();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of list) {
    cells.set(`${c.row},${c.col}`, c);
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  return { cells, maxRow, maxCol };
}

/**
 * Rows of content from the first row to the last, each band at most about `bandBytes` of
 * JSON, so a sheet of any size is sent in pieces Excel on the web accepts.
 */
function cellBands(list: readonly ModelCell[], bandBytes: number): Band[] {
  const { cells, maxRow, maxCol } = indexCells(list);
  const bands: Band[] = [];
  let start = 1;
  let rows: Written[][] = [];
  let bytes = 0;
  const flush = (end: number) => {
    if (!rows.length) return;
    bands.push({ bounds: { top: start, left: 1, bottom: end, right: maxCol }, formulas: rows, bytes });
    rows = [];
    bytes = 0;
    start = end + 1;
  };
  for (let r = 1; r <= maxRow; r++) {
    const row: Written[] = [];
    bytes += 2;
    for (let c = 1; c <= maxCol; c++) {
      const cell = cells.get(`${r},${c}`);
      const v = cell ? contentOf(cell) : "";
      row.push(v);
      bytes += sizeOf(v);
    }
    rows.push(row);
    if (bytes >= bandBytes) flush(r);
  }
  flush(maxRow);
  return bands;
}

/**
 * Number formats other than General as blocks: each column's runs of one format, then
 * neighbouring columns with the same runs joined. A register's Text column of 10,000 rows is
 * one block, not 10,000 formats.
 */
function formatAreas(list: readonly ModelCell[], format: (cell: ModelCell) => string): FormatArea[] {
  const { cells, maxRow, maxCol } = indexCells(list);
  const areas: FormatArea[] = [];
  /** Runs of the previous column, by "top,bottom,format", for joining. */
  let previous = new Map<string, FormatArea>();
  for (let c = 1; c <= maxCol; c++) {
    const current = new Map<string, FormatArea>();
    let run: FormatArea | null = null;
    for (let r = 1; r <= maxRow + 1; r++) {
      const cell = r <= maxRow ? cells.get(`${r},${c}`) : undefined;
      const f = cell ? format(cell) : "General";
      if (run && f === run.format && run.bounds.bottom === r - 1) {
        run.bounds.bottom = r;
        continue;
      }
      if (run) {
        const k = `${run.bounds.top},${run.bounds.bottom},${run.format}`;
        const left = previous.get(k);
        if (left && left.bounds.right === c - 1) {
          left.bounds.right = c;
          current.set(k, left);
        } else {
          areas.push(run);
          current.set(k, run);
        }
      }
      run = f === "General" ? null : { bounds: { top: r, left: c, bottom: r, right: c }, format: f };
    }
    previous = current;
  }
  return areas.sort((a, b) => a.bounds.top - b.bounds.top || a.bounds.left - b.bounds.left);
}

/** Runs of neighbouring cells in a row with the same look. */
function styleRuns(list: readonly ModelCell[]): StyleRun[] {
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
      const key = styleKey(style);
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

function styleKey(style: Style): string {
  return JSON.stringify(style, Object.keys(style).sort());
}

/**
 * Style runs as groups of blocks, one group per look. Runs of the same columns on
 * consecutive rows become one block. With a border, a group holds blocks of one shape class
 * (wider than one column or not, taller than one row or not), so the inside edges set on the
 * group's RangeAreas fall between its cells and nowhere else (see applyStyle).
 */
export function styleGroups(list: readonly ModelCell[]): StyleGroup[] {
  const runs = styleRuns(list);
  /** The open block for a look and column span, to extend downwards. */
  const open = new Map<string, { style: Style; bounds: Bounds }>();
  const blocks: { style: Style; bounds: Bounds }[] = [];
  for (const run of runs) {
    const spanKey = `${styleKey(run.style)}|${run.bounds.left}:${run.bounds.right}`;
    const block = open.get(spanKey);
    if (block && block.bounds.bottom === run.bounds.top - 1) {
      block.bounds.bottom = run.bounds.top;
    } else {
      const b = { style: run.style, bounds: { ...run.bounds } };
      blocks.push(b);
      open.set(spanKey, b);
    }
  }
  const groups = new Map<string, StyleGroup>();
  for (const b of blocks) {
    const key = styleKey(b.style);
    const wide = b.bounds.right > b.bounds.left;
    const tall = b.bounds.bottom > b.bounds.top;
    const groupKey = b.style.border ? `${key}|${wide ? "wide" : "narrow"}|${tall ? "tall" : "short"}` : key;
    let group = groups.get(groupKey);
    if (!group) {
      group = { style: b.style, areas: [] };
      groups.set(groupKey, group);
    }
    group.areas.push(b.bounds);
  }
  return [...groups.values()];
}

/** Row heights grouped by height, neighbouring rows joined: a few RangeAreas, not a write a row. */
function heightGroups(heights: readonly number[]): { rows: Bounds[]; points: number }[] {
  const groups = new Map<number, Bounds[]>();
  // By row from the first (sheet-model.ts): in row order already.
  for (let i = 0; i < heights.length; i++) {
    const row = i + 1;
    const rows = groups.get(heights[i]) ?? [];
    const last = rows.at(-1);
    if (last && last.bottom === row - 1) last.bottom = row;
    else rows.push({ top: row, left: 1, bottom: row, right: 16_384 });
    groups.set(heights[i], rows);
  }
  return [...groups.entries()].map(([points, rows]) => ({ rows, points }));
}

/**
 * Renders a model. `bandBytes` caps the size of one content band, so a sheet of any size
 * is sent in pieces Excel on the web accepts.
 */
export function renderSheet(model: SheetModel, bandBytes = 512 * 1024): RenderedSheet {
  const given = modelCells(model);
  const cells = new Map<string, ModelCell>();
  for (const cell of given) cells.set(`${cell.row},${cell.col}`, cell);
  const marker: ModelCell = {
    row: model.markerCell.row,
    col: model.markerCell.col,
    content: { kind: "text", text: model.marker },
  };
  const existing = cells.get(`${marker.row},${marker.col}`);
  if (!existing) cells.set(`${marker.row},${marker.col}`, marker);

  const linked = new Set<string>();
  const links: LinkWrite[] = [];
  for (const c of given)
    if (c.content.kind === "link") {
      linked.add(c.content.sheet);
      links.push({ row: c.row, col: c.col, documentReference: sheetRef(c.content.sheet, c.content.cell), textToDisplay: c.content.text });
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

  // Totals rows are written after their tables (Excel fills a new totals row itself), so
  // the bands leave them empty.
  const totals: TotalsWrite[] = [];
  for (const t of tables) {
    if (!t.model.totalsRow) continue;
    const row = t.bounds.bottom + 1;
    const bounds = { top: row, left: t.bounds.left, bottom: row, right: t.bounds.right };
    const formulas: Written[][] = [[]];
    for (let col = bounds.left; col <= bounds.right; col++) {
      const cell = cells.get(`${row},${col}`);
      formulas[0]?.push(cell ? contentOf(cell) : "");
      cells.delete(`${row},${col}`);
    }
    totals.push({ bounds, formulas });
  }
  const all = [...cells.values()];
  const forLooks = given.some((c) => c.row === model.markerCell.row && c.col === model.markerCell.col) ? given : [...given, marker];

  return {
    bands: cellBands(all, bandBytes),
    formats: formatAreas(forLooks, formatOf),
    styles: styleGroups(forLooks),
    merges: mergeBlocks(model.merges),
    widths: model.columnWidths.map((w) => ({ col: w.col, points: widthToPoints(w.width) })),
    hiddenColumns: [model.markerCell.col],
    heights: heightGroups(model.rowHeights ?? []),
    tables,
    linkedSheets: [...linked],
    links,
    linkRuns: linkRuns(links, bandBytes),
    totals,
    wrapRows: wrapRows(model),
  };
}

/** One-row merges of the same columns on neighbouring rows joined into blocks (merged across). */
function mergeBlocks(merges: SheetModel["merges"]): { bounds: Bounds; across: boolean }[] {
  const out: { bounds: Bounds; across: boolean }[] = [];
  const open = new Map<string, Bounds>();
  // The merges' places in the packed list, by top then left (a stable sort: ties as made).
  const order = Array.from({ length: mergeCount(merges) }, (_, i) => i);
  const at = (i: number, k: number) => merges[i * MERGE_NUMBERS + k];
  order.sort((a, b) => at(a, 0) - at(b, 0) || at(a, 1) - at(b, 1));
  for (const i of order) {
    const m = mergeAt(merges, i);
    if (m.top !== m.bottom) {
      out.push({ bounds: { ...m }, across: false });
      continue;
    }
    const k = `${m.left}:${m.right}`;
    const block = open.get(k);
    if (block && block.bottom === m.top - 1) block.bottom = m.top;
    else {
      const b = { ...m };
      out.push({ bounds: b, across: true });
      open.set(k, b);
    }
  }
  return out;
}

/**
 * Rows holding wrapped text, autofitted after writing (desktop Excel does not grow rows on
 * its own for API writes): the model's computed heights already show every line, and
 * Excel's own measure may fit them closer. A row with a merged cell is left at the model's
 * height, since AutoFit ignores merged cells and would shrink it to one line.
 */
function wrapRows(model: SheetModel): Bounds[] {
  const merged = new Set<number>();
  forEachMerge(model.merges, (top, _left, bottom) => {
    for (let r = top; r <= bottom; r++) merged.add(r);
  });
  const rows = [...new Set(modelCells(model).filter((c) => c.style?.wrap === true && !merged.has(c.row)).map((c) => c.row))].sort((a, b) => a - b);
  const out: Bounds[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last.bottom === r - 1) last.bottom = r;
    else out.push({ top: r, left: 1, bottom: r, right: 16_384 });
  }
  return out;
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
  formats: FormatArea[];
  styles: StyleGroup[];
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
    bands: cellBands(model.cells, Number.POSITIVE_INFINITY),
    formats: formatAreas(model.cells, templateFormatOf),
    styles: styleGroups(model.cells),
    merges: model.merges.map((m) => ({ ...m })),
    widths: model.columnWidths.map((w) => ({ col: w.col, points: widthToPoints(w.width) })),
    heights: model.rowHeights.map((h) => ({ row: h.row, points: h.height })),
    validations: model.validations.map(validationWrite),
  };
}

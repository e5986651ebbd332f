/**
 * Shared building blocks for the three summary sheets: a cell builder, RAG colours, tables
 * with a "None" line, the key, and UK date-time text. Pure data; hosts render it.
 */
import type { Analysis } from "../analysis";
import { columnLetters } from "../grid";
import { FORECAST_AMBER_WORDS, FORECAST_GREEN_WORDS, formatPercent } from "../rag";
import type { Rag } from "../records";
import { formatDateUk, formatMoney } from "../values";
import { RAG_WORDS } from "../words";
import { markerText } from "./marker";
import {
  type CellContent,
  type CellStyle,
  type ModelCell,
  type NumberFormatKind,
  type SheetModel,
  type TableModel,
} from "./sheet-model";

/** Options every sheet builder takes. */
export interface SummaryContext {
  /** When the summary was built; shown in Europe/London time. */
  generatedAt: Date;
  /** The sheet's final name (from the plan); defaults to the name it would like. */
  sheetName?: string;
}

/**
 * RAG fills with dark text of the same hue: every pair has a contrast ratio above 7:1
 * (WCAG AAA), and each cell also carries the word, for colour-blind readers and
 * black-and-white printing.
 */
export const RAG_STYLES: Record<Rag, { word: string; fill: string; color: string }> = {
  red: { word: RAG_WORDS.red, fill: "F4A6A6", color: "600000" },
  amber: { word: RAG_WORDS.amber, fill: "FFD27F", color: "5C3A00" },
  green: { word: RAG_WORDS.green, fill: "A9D8A0", color: "0B3D0B" },
  blue: { word: RAG_WORDS.blue, fill: "9DC3E6", color: "0A2A4A" },
  grey: { word: RAG_WORDS.grey, fill: "D0D0D0", color: "262626" },
};

/** Tab colour of every summary sheet, so the product's own sheets stand out. */
const SUMMARY_TAB_COLOR = "1F4E79";
const TABLE_STYLE = "TableStyleMedium2";
const FOOTER = "Page &P of &N";
/** A main table whose header is at or above this row is frozen at its header. */
const FREEZE_NEAR_TOP = 12;

const TITLE_STYLE: CellStyle = { bold: true, size: 16 };
export const HEADING_STYLE: CellStyle = { bold: true, size: 12 };
const LABEL_STYLE: CellStyle = { bold: true };
const HEADER_STYLE: CellStyle = { bold: true, wrap: true, verticalAlign: "top" };
export const NOTE_STYLE: CellStyle = { italic: true };

/** The RAG word cell's look. */
function ragStyle(rag: Rag): CellStyle {
  const s = RAG_STYLES[rag];
  return { fill: s.fill, color: s.color, bold: true, align: "center", verticalAlign: "top" };
}

export function ragCell(rag: Rag): CellSpec {
  return { content: { kind: "text", text: RAG_STYLES[rag].word }, style: ragStyle(rag) };
}

/** Pence → pounds for a money cell. */
export function pounds(pence: number): number {
  return pence / 100;
}

/** `21/03/2024 14:05`, in Europe/London (GMT or BST as the date falls). */
export function formatDateTimeUk(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

/** Where a label and its value go on their row. */
export interface PairColumns {
  /** The label's column (A by default). */
  labelCol?: number;
  valueCol: number;
  /** Merge the label's cells up to the value's column (a narrow label column). */
  mergeLabel?: boolean;
}

/** A cell's content, format and style, without its position. */
export interface CellSpec {
  content: CellContent;
  format?: NumberFormatKind;
  style?: CellStyle;
}

export const text = (t: string, style?: CellStyle): CellSpec => ({ content: { kind: "text", text: t }, style });
export const money = (pence: number, style?: CellStyle): CellSpec => ({
  content: { kind: "number", value: pounds(pence) },
  format: "money",
  style,
});
export const integer = (n: number, style?: CellStyle): CellSpec => ({ content: { kind: "number", value: n }, format: "integer", style });
/** A percent cell from a fraction (0.92 shows as 92%). */
export const fraction = (f: number, style?: CellStyle): CellSpec => ({ content: { kind: "number", value: f }, format: "percent", style });
export const date = (iso: string, style?: CellStyle): CellSpec => ({ content: { kind: "date", iso }, format: "date", style });
/** A link to a source cell; its text is the reference as a formula would write it. */
export const link = (sheet: string, cell: string, shown: string, style?: CellStyle): CellSpec => ({
  content: { kind: "link", text: shown, sheet, cell },
  style,
});

/** A table column: its header and how wide it wants its sheet column (informational only). */
export interface TableSpec {
  name: string;
  headerRow: number;
  firstCol: number;
  columns: string[];
  /** One entry per data row; `null` leaves a cell empty. */
  rows: (CellSpec | null)[][];
  /** Line written below the header when there are no rows. */
  noneText?: string;
  /** Cells of the totals row given the data's first and last row (only when rows exist). */
  totals?: (firstDataRow: number, lastDataRow: number) => (CellSpec | null)[];
}

/** Collects the cells of one sheet. */
export class SheetBuilder {
  readonly cells: ModelCell[] = [];
  readonly merges: SheetModel["merges"] = [];
  readonly tables: TableModel[] = [];

  put(row: number, col: number, spec: CellSpec | null): void {
    if (!spec) return;
    const cell: ModelCell = { row, col, content: spec.content };
    if (spec.format) cell.format = spec.format;
    if (spec.style && Object.keys(spec.style).length > 0) cell.style = spec.style;
    this.cells.push(cell);
  }

  /** A label and its value on one row (label bold); the label's cells merged up to the value where asked. */
  pair(row: number, label: string, value: CellSpec, { labelCol = 1, valueCol, mergeLabel = false }: PairColumns): void {
    this.put(row, labelCol, text(label, LABEL_STYLE));
    if (mergeLabel && valueCol - 1 > labelCol) this.merges.push({ top: row, left: labelCol, bottom: row, right: valueCol - 1 });
    // Values sit left under their label, whatever their kind, so the block reads as a list.
    this.put(row, valueCol, { ...value, style: { ...value.style, align: "left" } });
  }

  /**
   * Writes a table: header, data rows, and a totals row when there is data; with no rows,
   * the header and a "None" line (hosts write 0-row tables as plain ranges). Returns the
   * first free row after it.
   */
  table(spec: TableSpec): { nextRow: number; firstDataRow: number; lastDataRow: number } {
    spec.columns.forEach((h, i) => this.put(spec.headerRow, spec.firstCol + i, text(h, HEADER_STYLE)));
    const first = spec.headerRow + 1;
    const last = spec.headerRow + spec.rows.length;
    spec.rows.forEach((cells, r) => cells.forEach((c, i) => this.put(first + r, spec.firstCol + i, c)));
    const totals = spec.rows.length > 0 ? spec.totals : undefined;
    const hasTotals = totals !== undefined;
    if (hasTotals) {
      totals(first, last).forEach((c, i) =>
        this.put(last + 1, spec.firstCol + i, c ? { ...c, style: { ...c.style, bold: true } } : null),
      );
    }
    this.tables.push({
      name: spec.name,
      headerRow: spec.headerRow,
      firstCol: spec.firstCol,
      columns: spec.columns,
      dataRows: spec.rows.length,
      totalsRow: hasTotals,
      style: TABLE_STYLE,
    });
    if (spec.rows.length === 0) {
      this.put(first, spec.firstCol, text(spec.noneText ?? "None", NOTE_STYLE));
      return { nextRow: first + 1, firstDataRow: first, lastDataRow: first - 1 };
    }
    return { nextRow: last + (hasTotals ? 2 : 1), firstDataRow: first, lastDataRow: last };
  }

  /** The widest column holding a cell (or a merge). */
  maxCol(): number {
    let max = 1;
    for (const c of this.cells) max = Math.max(max, c.col);
    for (const m of this.merges) max = Math.max(max, m.right);
    for (const t of this.tables) max = Math.max(max, t.firstCol + t.columns.length - 1);
    return max;
  }

  /** The finished model: marker in row 1, two columns past the widest used column. */
  build(args: {
    id: SheetModel["id"];
    name: string;
    title: string;
    widths: number[];
    /** The main table's header row. */
    mainHeaderRow: number;
  }): SheetModel {
    const marker = markerText(args.id);
    return {
      id: args.id,
      name: args.name,
      marker,
      markerCell: { row: 1, col: this.maxCol() + 2 },
      cells: this.cells,
      merges: this.merges,
      tables: this.tables,
      columnWidths: args.widths.map((width, i) => ({ col: i + 1, width })),
      rowHeights: estimateRowHeights(this.cells, this.merges, args.widths),
      freezeRows: args.mainHeaderRow <= FREEZE_NEAR_TOP ? args.mainHeaderRow : 1,
      print: {
        orientation: "landscape",
        fitToPagesWide: 1,
        repeatRows: { from: args.mainHeaderRow, to: args.mainHeaderRow },
        footer: FOOTER,
        // `&` starts a code in Excel headers; doubled it is printed as itself.
        header: args.title.replace(/&/g, "&&"),
      },
      tabColor: SUMMARY_TAB_COLOR,
    };
  }
}

/** A formula totalling a column of a table's data rows (SUBTOTAL 109 ignores filtered-out rows). */
export function subtotal(total: {
  col: number;
  /** The table's first and last data rows. */
  rows: { first: number; last: number };
  /** What the engine expects it to give (written as the cached value). */
  result: number | null;
  format: NumberFormatKind;
}): CellSpec {
  const L = columnLetters(total.col);
  const formula = `SUBTOTAL(109,${L}${total.rows.first}:${L}${total.rows.last})`;
  return { content: { kind: "formula", formula, result: total.result }, format: total.format };
}

/** Source sheets recognised in the workbook (forms, registers, directions). */
export function sourceSheetCount(analysis: Analysis): number {
  return analysis.sheets.filter((s) => s.kind === "recovery-action" || s.kind === "recovery-register" || s.kind === "directions").length;
}

/** The title block's first rows: title, when generated, as-at date. Returns the next row. */
export function titleBlock(b: SheetBuilder, block: { title: string; ctx: SummaryContext; asOf: string } & PairColumns): number {
  b.put(1, 1, text(block.title, TITLE_STYLE));
  b.pair(2, "Generated", text(formatDateTimeUk(block.ctx.generatedAt)), block);
  b.pair(3, "As at", date(block.asOf), block);
  return 4;
}

/**
 * The key: what the colours mean under the settings in force. Each rule row holds the
 * colour (filled, with its word) in `col` and the rule beside it; the sheet's own rules
 * come first. Returns the next free row.
 */
export function writeKey(
  b: SheetBuilder,
  { row: startRow, analysis, first, col = 1 }: { row: number; analysis: Analysis; first: "recovery" | "directions"; col?: number },
): number {
  const s = analysis.settings;
  let row = startRow;
  const line = (t: string, style?: CellStyle) => b.put(row++, col, text(t, style));
  const rule = (rag: Rag, t: string) => {
    b.put(row, col, ragCell(rag));
    b.put(row, col + 1, text(t));
    row++;
  };
  const pct = formatPercent;

  line("Key", HEADING_STYLE);
  line("Each RAG cell shows its colour and its word. Rules are applied in the order listed: the first that fits gives the colour.");
  line(`As-at date: ${formatDateUk(analysis.asOf)} (a target date before this is overdue).`);
  line(
    s.brag
      ? "BRAG: on (Blue marks a complete direction or a delivered action)."
      : "BRAG: off (a delivered action shows Green; Blue is not used).",
  );
  line(s.targetPence === null ? "Savings target: not set." : `Savings target: ${formatMoney(s.targetPence)}.`);

  const directions = () => {
    line("Directions", LABEL_STYLE);
    rule("red", "Overdue: the target date is before the as-at date and progress is not 100%");
    rule("grey", "No data: no progress reported, or progress given only as narrative");
    if (s.brag) rule("blue", "Complete: progress is 100%");
    rule("green", `Progress at or above ${pct(s.greenThreshold)}`);
    if (s.amberThreshold < s.greenThreshold) {
      rule("amber", `Progress at or above ${pct(s.amberThreshold)} and below ${pct(s.greenThreshold)}`);
    } else {
      rule("amber", `Not used: the amber and green thresholds are both ${pct(s.greenThreshold)}`);
    }
    rule("red", `Progress below ${pct(s.amberThreshold)}`);
  };
  const recovery = () => {
    const g = FORECAST_GREEN_WORDS;
    const a = FORECAST_AMBER_WORDS;
    line("Recovery actions", LABEL_STYLE);
    rule("grey", "No data: no valid recovery value above zero");
    rule(s.brag ? "blue" : "green", "Delivered: achieved to date is at or above the recovery value");
    rule("green", `Forecast at or above ${g} of the recovery value`);
    rule("amber", `Forecast at or above ${a} and below ${g} of the recovery value`);
    rule("red", `Forecast below ${a} of the recovery value`);
    rule("green", "No forecast: Low risk of not delivering the saving");
    rule("amber", "No forecast: Medium risk of not delivering the saving");
    rule("red", "No forecast: High risk of not delivering the saving");
    rule("grey", "No forecast and no valid risk level");
  };
  if (first === "recovery") {
    recovery();
    directions();
  } else {
    directions();
    recovery();
  }
  return row;
}

/** Points per line of text at a font size (Excel's default row is 15 pt for 11 pt text). */
const lineHeight = (size: number) => Math.ceil(size * 1.36 * 4) / 4;

/**
 * Heights for rows whose wrapped text runs over one line: characters per line from the
 * column width (in widths of '0', wider than the average letter), lines per
 * paragraph rounded up, the tallest cell of the row winning.
 */
export function estimateRowHeights(cells: ModelCell[], merges: SheetModel["merges"], widths: number[]): { row: number; height: number }[] {
  const widthOf = (row: number, col: number): number => {
    const m = merges.find((x) => x.top === row && x.left === col);
    let w = 0;
    for (let c = col; c <= (m?.right ?? col); c++) w += widths[c - 1] ?? 8.43;
    return w;
  };
  const tallest = new Map<number, number>();
  for (const c of cells) {
    if (!c.style?.wrap) continue;
    const t = c.content.kind === "text" ? c.content.text : c.content.kind === "link" ? c.content.text : "";
    if (!t) continue;
    const perLine = Math.max(1, Math.floor(widthOf(c.row, c.col) * 1.2));
    const lines = t.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
    if (lines < 2) continue;
    const h = lines * lineHeight(c.style.size ?? 11) + 3;
    tallest.set(c.row, Math.max(tallest.get(c.row) ?? 0, h));
  }
  return [...tallest.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height: Math.min(height, 409) }));
}

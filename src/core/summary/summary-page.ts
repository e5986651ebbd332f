/**
 * The layout vocabulary every summary sheet is written in (board-pages.md): a sheet is a
 * column of blocks, each written by one method, top to bottom:
 *
 *   banner       "Not final: N errors …" (or the quieter line for warnings alone)
 *   titleBlock   title, organisation, the as-at line
 *   headlines    the headline figures, in larger type, side by side
 *   ragSpread    the RAG spread: coloured cells with the word and the counts
 *   paragraph    the plain-English paragraph
 *   smallTables  small tables side by side, never split across pages
 *   notes        a heading and lines of text, kept together
 *   heatMap      a grid of counts, each cell in its band's colour, axes labelled, a legend beside
 *   mainTable    the Excel table of items: its own page, its header repeated
 *   key          the sheet's own key, never alone on a page
 *
 * `build()` then sizes the columns (so every number and word fits), the rows (from the
 * text with Calibri's metrics, so every line shows) and the page breaks, and returns the
 * SheetModel every host renders. The builder knows nothing of recovery actions or
 * directions: a new summary (action plans, risks) is a new list of blocks.
 */
import type { Rag } from "../records";
import { plural } from "../words";
import { columnLetters, positionKey, positionOf } from "../grid";
import { markerText } from "./marker";
import { LINK_STYLE, SpecRow, integerText, pounds, ragContent, shownText, sourceWords, text, type CellSpec, type RowWriter } from "./cells";
import { paginate, type BlockPolicy, type PageBlock } from "./paginate";
import { ShownWidths } from "./shown-widths";
import { withinPageBreakLimit } from "./page-break-limit";
import { MAX_HYPERLINKS, firstPlainLinkKey, pastLinkLimit } from "./hyperlink-limit";
import { BlockBuilder, BlockContents } from "./cell-blocks";
import { MergeIndex } from "./merge-index";
import { PackedMerges } from "./model-merges";
import { PAGE_HEIGHT, WIDTH_BUDGET, columnPoints, summaryPrintSetup, type PrintContext } from "./page-setup";
import type { BlockLook, CellBlock, CellContent, CellStyle, ModelCell, NumberFormatKind, SheetModel, SummaryId, TableModel } from "./sheet-model";
import {
  BANNER,
  CAPTION,
  FIGURE,
  HEADING,
  MUTED_LINE,
  PARAGRAPH,
  RAG_STYLES,
  SUBTITLE,
  TITLE,
  WARNING_LINE,
  bodyStyle,
  headerStyle,
  SIZE,
  ragStyle,
  styled,
  styledShared,
} from "./style";
import { lineHeight, widestLine, widestWord, wrappedLineCount, type FontSpec } from "./text-metrics";
import { LastByColumn, TextsByColumn, columnsOf } from "./column-memo";
import { knownInSheetOrder } from "./sheet-order";


/** Tab colour of every summary sheet, so the product's own sheets stand out. */
const SUMMARY_TAB_COLOR = "1F4E79";

/** Points of cell padding left and right of the text, together (both applications keep about 2 px a side). */
const H_PADDING = 6;
/** Points above and below a cell's lines, together, beyond what lineHeight allows. */
const V_PADDING = 0;
/** Height of an empty row between blocks. */
const GAP = 9;
/** The widest a group of columns under a headline figure or RAG cell aims to be (width units). */
const MAX_GROUP = 30;
/** Height of a row with nothing in it. */
const EMPTY_ROW = 15;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Heights over Excel's largest brought down to it, in place: the model takes this array as it
 * is (a register's 200,000 rows). A function of its own: the loop in build() had V8 compile
 * all of build() part way through (on-stack replacement), ~55M instructions on a register
 * of 10,000 lines, more than a second array cost.
 */
function withinMaxHeight(heights: number[]): number[] {
  for (let i = 0; i < heights.length; i++) if (heights[i] > MAX_ROW_HEIGHT) heights[i] = MAX_ROW_HEIGHT;
  return heights;
}
/**
 * The fewest rows a table's body is held as a block for (bodyBlock). The blocks' loops, in
 * the layout and the writer, are code a run compiles besides the grid's: on 5,000 rows
 * that compiling cost more than the ModelCells it saved (directions-5000's build +5%
 * instructions), on 10,000 a little less, on 100,000 a tenth of the build's CPU and a
 * quarter of its peak memory.
 */
const BLOCK_ROWS = 10_000;

export type Align = "left" | "right" | "center";

interface TableColumn {
  header: string;
  /** Numbers right, under a right-aligned header; text left. */
  align?: Align;
  /** How many sheet columns the column spans (small tables only; merged). */
  span?: number;
}

/**
 * A table's rows: given whole, or made one at a time as they are written (rowsOf). A
 * register of 100,000 lines made whole is a million cell specs alive at once, all kept
 * through the layout's garbage collections; made as written, each row's die young.
 */
export type TableRows = (CellSpec | null)[][] | RowsAsWritten;

export interface RowsAsWritten {
  readonly length: number;
  row(i: number): (CellSpec | null)[];
  /** Row `i`'s cells given to `w` (rowsTo): what row(i) makes, with no object a cell. */
  write?(i: number, w: RowWriter): void;
}

/** Rows made from `items` one at a time, as the table is written. */
export function rowsOf<T>(items: readonly T[], cells: (item: T) => (CellSpec | null)[]): RowsAsWritten {
  return { length: items.length, row: (i) => cells(items[i]) };
}

/**
 * Rows given from `items` one at a time through a RowWriter: a main table's body goes
 * straight into its block's columns (BlockRow), every other use gets the CellSpecs.
 */
export function rowsTo<T>(items: readonly T[], write: (item: T, w: RowWriter) => void): RowsAsWritten {
  return {
    length: items.length,
    row: (i) => {
      const w = new SpecRow();
      write(items[i], w);
      return w.cells;
    },
    write: (i, w) => write(items[i], w),
  };
}

function rowAt(rows: TableRows, i: number): (CellSpec | null)[] {
  return Array.isArray(rows) ? rows[i] : rows.row(i);
}

/**
 * The one content of every blank cell (a merge's covered cells, an empty table cell):
 * shared, never changed. Not frozen: a frozen object has a map of its own, one more kind of
 * content for the layout's and the writer's loops over every cell, whose code V8 compiled
 * for the kinds seen so far and threw away at each new one.
 */
const BLANK: CellContent = { kind: "text", text: "" };

export interface SmallTable {
  heading: string;
  firstCol: number;
  columns: TableColumn[];
  rows: TableRows;
  /** The totals row's cells, given the data's first and last row and each table column's sheet column. */
  totals?: (first: number, last: number, colOf: (i: number) => number) => (CellSpec | null)[];
  /** Shown under the header where there are no rows. */
  noneText?: string;
}

export interface MainTable {
  heading: string;
  /** Workbook-unique Excel table name. */
  name: string;
  /** One sheet column each, from column A. */
  columns: TableColumn[];
  rows: TableRows;
  totals?: (first: number, last: number) => (CellSpec | null)[];
  noneText: string;
}

/**
 * A heat map (a risk matrix): counts in a grid whose rows are one rating, top to bottom, and
 * columns the other, left to right; each cell filled with its band's colour and holding its
 * count, 0 included, over its band's word, so the grid reads in black and white too.
 */
export interface HeatGrid {
  heading: string;
  /** The rows' rating ("Impact"), written beside the row labels. */
  rowAxis: string;
  /** The columns' rating ("Likelihood"), written under the column labels. */
  colAxis: string;
  /** Top to bottom ("5 Catastrophic" … "1 Negligible"). */
  rowLabels: string[];
  /** Left to right ("1 Rare" … "5 Almost certain"). */
  colLabels: string[];
  /** counts[row][col]. */
  counts: number[][];
  bands: Rag[][];
  /** The sheet columns the row labels span; the grid's cells follow, one sheet column each. The row axis is written in the column before, where there is one. */
  labelCols: [number, number];
  /** The legend beside the grid: each band's word in its colour in this column, what it means to the right of it. */
  legendCol: number;
  legend: KeyRule[];
  /** Lines under the grid (what it leaves out). */
  notes?: string[];
}

export interface KeyRule {
  rag: Rag;
  text: string;
}

export interface PageOptions {
  id: SummaryId;
  /** The sheet's final name. */
  name: string;
  title: string;
  /** Column widths (Excel character units), A onwards, as designed for landscape A4. */
  widths: number[];
  /**
   * How much each column gives up or takes when others need more room (0: fixed). Wide
   * text columns flex; numbers do not.
   */
  flex: number[];
  print: PrintContext;
  /** The fewest rows a table body is held as a block for (BLOCK_ROWS where not given; tests hold blocks to the grid with it). */
  blockRows?: number;
}

interface Placed {
  first: number;
  last: number;
  policy: BlockPolicy;
}

/** Findings counted by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}


/** The banner's words: "Not final: 16 errors in the source sheets. See Data Checks." */
export function bannerText(counts: SeverityCounts): { kind: "errors" | "warnings"; text: string } | null {
  if (counts.error > 0) return { kind: "errors", text: `Not final: ${plural(counts.error, "error")} in the source sheets. See Data Checks.` };
  if (counts.warning > 0)
    return { kind: "warnings", text: `${plural(counts.warning, "warning")} in the source sheets, none of them errors: the figures stand. See Data Checks.` };
  return null;
}

export class SummaryPage {
  /** By row, then column (1-based, holes where nothing is written): in sheet order as they stand. */
  private readonly grid: ((ModelCell | undefined)[] | undefined)[] = [];
  private readonly merges = new PackedMerges();
  /** The rows the grid holds cells in, as first written (see gridRows). */
  private readonly rowsHeld: number[] = [];
  /** Tables' body rows, held as columns (cell-blocks.ts): no cell of the grid is in one. */
  private readonly cellBlocks: CellBlock[] = [];
  private readonly tables: TableModel[] = [];
  private readonly blocks: Placed[] = [];
  /** Heights given to rows that hold no text (gaps). */
  private readonly fixedHeights = new Map<number, number>();
  private row = 1;
  /** How many cells the grid holds (each position counted once), so build() lists them into an array made whole. */
  private cellCount = 0;
  /** Blocks whose cells wait for the columns' final widths. */
  private readonly deferred: ((widths: number[]) => void)[] = [];
  /** The empty row waiting for the next block. */
  private gapRow: number | null = null;
  private mainHeaderRow: number | null = null;
  private readonly lastCol: number;

  constructor(private readonly options: PageOptions) {
    this.lastCol = options.widths.length;
  }

  // ---- blocks ------------------------------------------------------------------------

  /** The "Not final" banner where there are errors; a quieter line for warnings alone; else nothing. */
  banner(counts: SeverityCounts): void {
    const b = bannerText(counts);
    if (!b) return;
    this.block({ kind: "flow" }, () => {
      this.across(this.row, text(b.text, b.kind === "errors" ? BANNER : WARNING_LINE));
      this.row++;
    });
  }

  /** The title, the organisation (where set) and a line under them (the as-at date, where from). */
  titleBlock(line: string): void {
    this.block({ kind: "flow" }, () => {
      this.across(this.row++, text(this.options.title, TITLE));
      if (this.options.print.organisation) this.across(this.row++, text(this.options.print.organisation, SUBTITLE));
      this.across(this.row++, text(line, MUTED_LINE));
    });
  }

  /**
   * Headline figures side by side: a caption over each value in larger type. The groups of
   * columns each takes are chosen once the columns' widths are known (see build).
   */
  headlines(figures: { label: string; value: CellSpec }[]): void {
    if (figures.length === 0) return;
    this.gap();
    // At most six to a line (seven go four and three), a caption over each figure.
    const lines = Math.ceil(figures.length / 6);
    const perLine = Math.ceil(figures.length / lines);
    const groups = Array.from({ length: lines }, (_, i) => figures.slice(i * perLine, (i + 1) * perLine));
    this.block({ kind: "keep" }, () => {
      const top = this.row;
      this.row += 2 * groups.length;
      this.deferred.push((widths) => {
        // Fonts made by fontFor, as the cells' are: a literal of another shape, measured after
        // columnNeeds made widestLine hot, threw its compiled code away (and columnNeeds').
        const need = (f: { label: string; value: CellSpec }, size: number) =>
          Math.max(widestLine(f.label, fontFor({ size: SIZE.small })), widestLine(shownText(f.value.content, f.value.format), fontFor({ size, bold: true }))) + H_PADDING + 14;
        const layout = (size: number) => groups.map((g) => spansOf(widths, g.length, g.map((f) => need(f, size))));
        const fits = (size: number, spans: [number, number][][]) =>
          groups.every((g, l) => g.every((f, i) => need(f, size) <= columnPoints(sumWidths(widths, spans[l][i][0], spans[l][i][1]))));
        // One size for every figure: the largest at which each fits its group.
        let size = FIGURE.size ?? 18;
        let spans = layout(size);
        while (size > SIZE.body && !fits(size, spans)) spans = layout(--size);
        groups.forEach((g, l) =>
          g.forEach((f, i) => {
            const [from, to] = spans[l][i];
            this.span(top + 2 * l, from, to, text(f.label, CAPTION));
            this.span(top + 2 * l + 1, from, to, { ...f.value, style: { ...FIGURE, size, ...f.value.style } });
          }),
        );
      });
    });
  }

  /** The RAG spread: one coloured cell a colour, with its word and its counts. */
  ragSpread(items: { rag: Rag; text: string }[]): void {
    if (items.length === 0) return;
    this.gap();
    this.block({ kind: "keep" }, () => {
      const row = this.row++;
      this.deferred.push((widths) => {
        // Across the whole page: the spread reads as one bar.
        const needs = items.map((item) => widestLine(item.text, fontFor({ size: SIZE.body, bold: true })) + H_PADDING + 8);
        const spans = spansOf(widths, items.length, needs, Infinity);
        items.forEach((item, i) => {
          const [from, to] = spans[i];
          this.span(row, from, to, text(item.text, ragStyle(item.rag, { wrap: true, verticalAlign: "middle" })));
        });
      });
    });
  }

  /** The plain-English paragraph, across the page. */
  paragraph(words: string): void {
    this.gap();
    this.block({ kind: "keep" }, () => {
      this.across(this.row++, text(words, PARAGRAPH));
    });
  }

  /**
   * Small tables side by side, kept together: on the page where they fall, or all on the
   * next. Returns each table's first and last data rows.
   */
  smallTables(list: SmallTable[]): { first: number; last: number }[] {
    if (list.length === 0) return [];
    this.gap();
    const top = this.row;
    const out: { first: number; last: number }[] = [];
    let bottom = top;
    this.block({ kind: "keep" }, () => {
      for (const t of list) {
        // Each table column's first sheet column, worked out once (not a slice a cell).
        const starts = [t.firstCol];
        for (const c of t.columns) starts.push(starts[starts.length - 1] + (c.span ?? 1));
        const colOf = (i: number) => starts[i];
        const lastCol = colOf(t.columns.length) - 1;
        let r = top;
        this.span(r++, t.firstCol, lastCol, text(t.heading, HEADING));
        t.columns.forEach((c, i) => this.span(r, colOf(i), colOf(i) + (c.span ?? 1) - 1, text(c.header, headerStyle(c.align ?? "left"))));
        r++;
        const first = r;
        if (t.rows.length === 0) {
          this.span(r++, t.firstCol, lastCol, text(t.noneText ?? "None", bodyStyle("left", { italic: true })));
        }
        const looks = new TableLooks(t.columns);
        const body = this.bodyBlock(r, t.rows.length, t.columns.map((c, i) => ({ col: starts[i], span: c.span ?? 1 })));
        // A block's spanning columns make a merge a row: their room made at once.
        if (body !== null) this.merges.reserve(t.rows.length * t.columns.filter((c) => (c.span ?? 1) > 1).length);
        for (let n = 0; n < t.rows.length; n++) {
          const cells = rowAt(t.rows, n);
          // The spec's content under the column's shared look: no copy of each spec (inTable's).
          for (let i = 0; i < looks.count; i++) {
            const spec = cells[i] ?? null;
            const own = spec?.style;
            const look = own === looks.owns[i] ? looks.looks[i] : looks.set(i, own);
            if (body === null) this.spanStyled(r, starts[i], starts[i + 1] - 1, spec?.content ?? BLANK, spec?.format, look);
            else {
              body.put(i, n, spec?.content ?? BLANK, spec?.format, look);
              // A spanning column's merge, where span() would have added it.
              if (starts[i + 1] - 1 > starts[i]) this.merge(r, starts[i], starts[i + 1] - 1);
            }
          }
          r++;
        }
        const last = first + t.rows.length - 1;
        if (t.totals && t.rows.length > 0) {
          t.totals(first, last, colOf).forEach((cell, i) => {
            const c = t.columns[i];
            this.span(r, colOf(i), colOf(i) + (c.span ?? 1) - 1, this.inTable(cell, c.align ?? "left", { bold: true, fill: "F2F2F2" }));
          });
          r++;
        }
        out.push({ first, last });
        bottom = Math.max(bottom, r);
      }
      this.row = bottom;
    });
    return out;
  }

  /** A heading and lines of text across the page, kept together. */
  notes(heading: string, lines: string[]): void {
    if (lines.length === 0) return;
    this.gap();
    this.block({ kind: "keep" }, () => {
      this.across(this.row++, text(heading, HEADING));
      for (const l of lines) this.across(this.row++, text(l, bodyStyle("left")));
    });
  }

  /** A heat map with its axes and legend, kept together on one page. */
  heatMap(g: HeatGrid): void {
    this.gap();
    this.block({ kind: "keep" }, () => {
      this.across(this.row++, text(g.heading, HEADING));
      const [labelFrom, labelTo] = g.labelCols;
      const firstCell = labelTo + 1;
      const lastCell = firstCell + g.colLabels.length - 1;
      // The rows' rating: beside the middle row where there is a column for it, else above the labels.
      if (labelFrom === 1) this.span(this.row++, labelFrom, labelTo, text(g.rowAxis, styled({ bold: true, align: "right" })));
      const top = this.row;
      if (labelFrom > 1) this.put(top + Math.floor((g.rowLabels.length - 1) / 2), labelFrom - 1, text(g.rowAxis, styled({ bold: true, verticalAlign: "middle" })));
      g.rowLabels.forEach((label, i) => {
        const r = top + i;
        // Labels as a table's header cells: bordered and filled, so they never touch the grid.
        this.span(r, labelFrom, labelTo, text(label, headerStyle("right", { verticalAlign: "middle" })));
        g.colLabels.forEach((_, j) => {
          const n = g.counts[i]?.[j] ?? 0;
          const band = g.bands[i]?.[j] ?? "grey";
          // The count over its band's word, in the band's colour: the word reads where the
          // colours do not (black and white, colour blindness). A nought in plain type, so
          // the cells that hold risks stand out.
          this.put(r, firstCell + j, text(`${integerText(n)}\n${RAG_STYLES[band].word}`, ragStyle(band, { bold: n > 0, wrap: true, verticalAlign: "middle" })));
        });
      });
      // The legend beside the grid, a band a row.
      g.legend.forEach((rule, i) => {
        this.put(top + i, g.legendCol, text(RAG_STYLES[rule.rag].word, ragStyle(rule.rag, { verticalAlign: "middle" })));
        this.span(top + i, g.legendCol + 1, this.lastCol, text(rule.text, styled({ wrap: true, verticalAlign: "middle" })));
      });
      this.row = top + Math.max(g.rowLabels.length, g.legend.length);
      g.colLabels.forEach((label, j) => this.put(this.row, firstCell + j, text(label, headerStyle("center", { verticalAlign: "top" }))));
      this.row++;
      this.span(this.row++, firstCell, lastCell, text(g.colAxis, styled({ bold: true, align: "center" })));
      for (const l of g.notes ?? []) this.across(this.row++, text(l, styled({ wrap: true, verticalAlign: "top" })));
    });
  }

  /**
   * The main table, an Excel table from column A, on a page of its own; its header row
   * repeats on every page it runs onto. Returns its first and last data rows.
   */
  mainTable(t: MainTable): { first: number; last: number } {
    this.gap();
    const headerRow = this.row + 1;
    this.mainHeaderRow = headerRow;
    let result = { first: headerRow + 1, last: headerRow };
    this.block({ kind: "own-page", headerRow }, () => {
      this.across(this.row++, text(t.heading, HEADING));
      t.columns.forEach((c, i) => this.put(this.row, i + 1, text(c.header, headerStyle(c.align ?? "left"))));
      this.row++;
      const first = this.row;
      if (t.rows.length === 0) {
        this.put(this.row, 1, text(t.noneText, bodyStyle("left", { italic: true })));
        // Kept inside the table's columns, so the line prints as part of the table.
        this.merge(this.row, 1, t.columns.length);
        for (let c = 2; c <= t.columns.length; c++) this.put(this.row, c, text("", bodyStyle("left")));
        this.row++;
      }
      const looks = new TableLooks(t.columns);
      const body = this.bodyBlock(this.row, t.rows.length, t.columns.map((_, i) => ({ col: i + 1, span: 1 })));
      const rows = t.rows;
      if (body !== null && !Array.isArray(rows) && rows.write !== undefined) {
        const w = new BlockRow(body, looks);
        for (let n = 0; n < rows.length; n++) {
          w.start(n);
          rows.write(n, w);
          w.end();
        }
        this.row += rows.length;
      }
      else this.tableRows(rows, looks, body);
      const last = first + t.rows.length - 1;
      const totals = t.rows.length > 0 && t.totals ? t.totals(first, last) : null;
      if (totals) {
        totals.forEach((cell, i) => this.put(this.row, i + 1, this.inTable(cell, t.columns[i]?.align ?? "left", { bold: true, fill: "F2F2F2" })));
        this.row++;
      }
      this.tables.push({
        name: t.name,
        headerRow,
        firstCol: 1,
        columns: t.columns.map((c) => c.header),
        dataRows: t.rows.length,
        totalsRow: totals !== null,
        style: "TableStyleLight1",
        bandedRows: false,
      });
      result = { first, last };
    });
    return result;
  }

  /** The sheet's own key: what the colours mean under the settings in force. Never alone on a page. */
  key(lines: string[], rules: KeyRule[]): void {
    this.gap();
    // The colour sits in the first columns wide enough for its word; the rule beside it.
    let wordEnd = 1;
    while (wordEnd < this.lastCol && this.widthOf(1, wordEnd) < 9) wordEnd++;
    this.block({ kind: "keep-with-previous", rows: 3 }, () => {
      this.across(this.row++, text("Key", HEADING));
      for (const l of lines) this.across(this.row++, text(l, bodyStyle("left", { border: false })));
      for (const rule of rules) {
        this.span(this.row, 1, wordEnd, text(RAG_STYLES[rule.rag].word, ragStyle(rule.rag)));
        this.span(this.row, wordEnd + 1, this.lastCol, text(rule.text, bodyStyle("left")));
        this.row++;
      }
    });
  }

  // ---- the finished sheet ------------------------------------------------------------

  build(): SheetModel {
    const widths = this.fitWidths();
    for (const write of this.deferred.splice(0)) write(widths);
    // Made at its final length, not grown a push at a time: a register of 100,000 lines
    // has 1.5 million cells, and each growth copied the list into a larger array, in the
    // large-object space the collector frees only in full collections (the summary's peak).
    const cells = new Array<ModelCell>(this.cellCount);
    // Excel's largest row height; applied here, not after rowHeights' loop (see columnNeeds).
    const heights = withinMaxHeight(this.blockHeights(widths, this.rowHeights(widths, cells)));
    // rowHeights lists the grid in sheet order: recorded, so the writer need not check it.
    this.recordOrder(cells);
    const plainFrom = this.linkLimit(cells);
    const blocks: PageBlock[] = this.blocks.map((b) => ({ ...b }));
    const pageBreaks = withinPageBreakLimit(paginate((r) => heights[r - 1] ?? EMPTY_ROW, blocks, PAGE_HEIGHT));
    const id = this.options.id;
    return {
      id,
      name: this.options.name,
      marker: markerText(id),
      // Two columns past the page's last, in a hidden column.
      markerCell: { row: 1, col: this.lastCol + 2 },
      cells,
      ...(this.cellBlocks.length > 0 ? { blocks: this.cellBlocks } : {}),
      ...(plainFrom !== undefined ? { plainLinksFrom: plainFrom } : {}),
      merges: this.merges.done(),
      tables: this.tables,
      columnWidths: widths.map((width, i) => ({ col: i + 1, width })),
      rowHeights: heights,
      // The main table starts on a page of its own, far down: nothing is frozen.
      freezeRows: 0,
      pageBreaks,
      print: summaryPrintSetup(this.options.print, this.mainHeaderRow),
      tabColor: SUMMARY_TAB_COLOR,
    };
  }

  /**
   * Records `cells`, the grid listed in order, as in sheet order with the grid's last row and
   * widest column (sheet-order.ts): a pass over its rows, not its cells (a row's array ends
   * at its last cell), and not in rowHeights' loop, where two more stores a cell cost a
   * register of 10,000 lines ~70M instructions (~1.5% of its summary: that loop runs once,
   * much of it before V8 optimises it).
   */
  private recordOrder(cells: ModelCell[]): void {
    let maxRow = 1;
    let maxCol = 1;
    for (const row of this.gridRows()) {
      const here = this.grid[row];
      if (here === undefined) continue;
      // A row's array is made at the page's width: its last cell is found, not its length taken.
      let last = here.length - 1;
      while (last > 0 && here[last] === undefined) last--;
      if (last === 0) continue;
      maxRow = row;
      if (last > maxCol) maxCol = last;
    }
    knownInSheetOrder(cells, maxRow, maxCol);
  }

  /**
   * Applies Excel's hyperlink limit (hyperlink-limit.ts) to the grid's cells, listed in
   * `cells`, and the blocks': the position of the first link past it, where there is one;
   * the listed cells at or past it made plain text here, the blocks' as they are read.
   */
  private linkLimit(cells: ModelCell[]): { row: number; col: number } | undefined {
    let count = 0;
    for (let i = 0; i < cells.length; i++) if (cells[i].content.kind === "link") count++;
    const blockLinks: { c: CellBlock["columns"][number]; b: CellBlock }[] = [];
    for (const b of this.cellBlocks)
      for (const c of b.columns) {
        if (!c.looks.some((l) => l.kind === "link")) continue;
        blockLinks.push({ c, b });
        for (let r = 0; r < b.rows; r++) if (c.looks[c.rowLooks === undefined ? 0 : c.rowLooks[r]].kind === "link") count++;
      }
    if (count <= MAX_HYPERLINKS) return undefined;
    const keys = new Float64Array(count);
    let n = 0;
    for (let i = 0; i < cells.length; i++) if (cells[i].content.kind === "link") keys[n++] = positionKey(cells[i].row, cells[i].col);
    for (const { c, b } of blockLinks)
      for (let r = 0; r < b.rows; r++) if (c.looks[c.rowLooks === undefined ? 0 : c.rowLooks[r]].kind === "link") keys[n++] = positionKey(b.firstRow + r, c.col);
    const plain = firstPlainLinkKey(keys);
    if (plain === undefined) return undefined;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c.content.kind === "link" && pastLinkLimit(c.row, c.col, plain)) cells[i] = { ...c, content: { kind: "text", text: c.content.text } };
    }
    return positionOf(plain);
  }

  /**
   * A block for a table's body rows, kept with the page's; none for a table of fewer than
   * BLOCK_ROWS rows, whose cells go in the grid as ModelCells.
   */
  private bodyBlock(firstRow: number, rows: number, columns: { col: number; span: number }[]): BlockBuilder | null {
    if (rows < (this.options.blockRows ?? BLOCK_ROWS) || rows === 0) return null;
    const body = new BlockBuilder(firstRow, rows, columns);
    this.cellBlocks.push(body.block);
    return body;
  }

  /**
   * The rows the grid holds cells in, in order: the loops over the grid pass only these, not
   * every row up to the last (a table's body rows are in blocks, so a register's grid is a
   * few hundred cells in 20,000 rows, and a loop over them all was compiled for nothing).
   */
  private gridRows(): number[] {
    return this.rowsHeld.sort((a, b) => a - b);
  }

  /** The rows the sheet's text fills so far (for tests and callers that add beside it). */
  get nextRow(): number {
    return this.row;
  }

  // ---- helpers -----------------------------------------------------------------------

  /** Writes a block; an empty row before it (see gap) goes with it, to whichever page it lands on. */
  private block(policy: BlockPolicy, write: () => void): void {
    const first = this.gapRow ?? this.row;
    const start = this.row;
    write();
    if (this.row > start) {
      this.blocks.push({ first, last: this.row - 1, policy });
      this.gapRow = null;
    }
  }

  /** An empty row before the next block (none at the top of the sheet). */
  private gap(): void {
    if (this.row === 1 || this.gapRow !== null) return;
    this.fixedHeights.set(this.row, GAP);
    this.gapRow = this.row;
    this.row++;
  }

  /** Writes a cell (over what was there); `style`, where given, is a shared look that replaces the spec's. */
  private put(row: number, col: number, spec: CellSpec | null): void {
    if (!spec) return;
    // One shared object a look, not one a cell (see internStyle).
    this.putCell(row, col, spec.content, spec.format, styledShared(spec.style));
  }

  /**
   * A main table's rows from their cell specs, into the grid or its block: a method of its
   * own, not a loop in mainTable's block, which V8 compiled part way through for each
   * summary's table (whose objects have shapes of their own), three compiles a build of the
   * mixed pack, one of them ~80 ms.
   */
  private tableRows(rows: TableRows, looks: TableLooks, body: BlockBuilder | null): void {
    for (let n = 0; n < rows.length; n++) {
      const cells = rowAt(rows, n);
      // Straight in, the column's look shared: no copy of each cell's spec (100,000 lines).
      for (let i = 0; i < looks.count; i++) {
        const spec = cells[i] ?? null;
        const own = spec?.style;
        const look = own === looks.owns[i] ? looks.looks[i] : looks.set(i, own);
        if (body === null) this.putCell(this.row, i + 1, spec?.content ?? BLANK, spec?.format, look);
        else body.put(i, n, spec?.content ?? BLANK, spec?.format, look);
      }
      this.row++;
    }
  }

  /** Writes a cell from its parts, `style` already a shared look (styledShared's). */
  private putCell(row: number, col: number, given: CellContent, format: CellSpec["format"], style: CellStyle): void {
    const content = this.sharedContent(given);
    // Made whole by one literal or the other: a property added after the literal goes in a
    // store of its own beside the object (a money column's 100,000 cells, 40 bytes each).
    const cell: ModelCell = format ? { row, col, content, style, format } : { row, col, content, style };
    // A row's array made at the page's width, not grown from empty (room for 19 cells made
    // for the first: ~64 bytes more a row, 200,000 rows on a register, held to the end of the layout).
    let here = this.grid[row];
    if (here === undefined) {
      here = this.grid[row] = new Array<ModelCell | undefined>(this.lastCol + 1);
      this.rowsHeld.push(row);
    }
    if (here[col] === undefined) this.cellCount++;
    here[col] = cell;
  }

  /** Figure and date contents by value (the number, or the ISO date), for sharedContent. */
  private readonly contents = new Map<number | string, CellContent>();

  /**
   * A figure's or date's content, one object a value, as BLANK is shared: a register of
   * 100,000 lines holds 400,000 figures that are about a thousand values, each its own
   * object and boxed number (~56 bytes) held to the end of the write, and copied twice by
   * the collector on the way. Contents are never changed once made.
   */
  private sharedContent(content: CellContent): CellContent {
    const key = content.kind === "number" ? content.value : content.kind === "date" ? content.iso : null;
    // -0 is the same key as 0 to a Map, but not the same number: kept as given.
    if (key === null || Object.is(key, -0)) return content;
    const shared = this.contents.get(key);
    if (shared !== undefined) return shared;
    this.contents.set(key, content);
    return content;
  }

  /** A cell over columns `from` to `to`, merged where more than one; every cell of the merge keeps the look (its borders). */
  private span(row: number, from: number, to: number, spec: CellSpec | null): void {
    if (!spec) spec = text("");
    this.spanStyled(row, from, to, spec.content, spec.format, styledShared(spec.style));
  }

  /** span() from a cell's parts, `style` already a shared look. */
  private spanStyled(row: number, from: number, to: number, content: CellContent, format: CellSpec["format"], style: CellStyle): void {
    this.putCell(row, from, content, format, style);
    if (to <= from) return;
    this.merge(row, from, to);
    for (let c = from + 1; c <= to; c++) this.putCell(row, c, BLANK, undefined, style);
  }

  private across(row: number, spec: CellSpec): void {
    this.span(row, 1, this.lastCol, spec);
  }

  /** A table cell: the column's alignment and thin borders, under the cell's own look. */
  private inTable(spec: CellSpec | null, align: Align, extra?: CellStyle): CellSpec {
    const style = tableStyle(align, extra, spec?.style);
    if (!spec) return text("", style);
    return { ...spec, style };
  }

  private widthOf(from: number, to: number, widths = this.options.widths): number {
    return sumWidths(widths, from, to);
  }

  /**
   * The merges by position: the first merge each cell heads, and every cell a merge covers
   * but does not head, kept as merges are added (searching every merge for every cell was
   * quadratic, 15 s for fitWidths and rowHeights on a register of 10,000 lines; indexing
   * them all afresh for each was a second on one of 100,000).
   */
  private readonly mergeIndex = new MergeIndex();

  /** Merges a row's cells from column `from` to `to` (every merge of a summary is one row high); build() indexes it. */
  private merge(row: number, from: number, to: number): void {
    this.merges.add(row, from, row, to);
    this.mergeIndex.add(row, from, row, to);
  }

  /**
   * Column widths that fit what they hold: each column at least as wide as its widest
   * number and its longest word, the room taken from the flexible columns, the whole
   * within one landscape page at full size.
   */
  private fitWidths(): number[] {
    const widths = [...this.options.widths];
    const need = this.columnNeeds();
    this.blockNeeds(need);
    // What each column needs in the quarter units widths are kept in, rounded up: a width
    // rounded down below its need would break its widest word between letters.
    const least = need.map((n) => Math.ceil(n * 4) / 4);
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], least[i]);
    // Give back what the widening took, from the flexible columns, down to what they need.
    let over = widths.reduce((s, w) => s + w, 0) - WIDTH_BUDGET;
    const flex = this.options.flex;
    for (let round = 0; round < 10 && over > 0.01; round++) {
      const free = widths.map((w, i) => ((flex[i] ?? 0) > 0 ? Math.max(0, w - Math.max(least[i], 4)) : 0));
      const weights = free.map((f, i) => (f > 0 ? flex[i] ?? 0 : 0));
      const total = weights.reduce((s, x) => s + x, 0);
      if (total === 0) break;
      let given = 0;
      widths.forEach((w, i) => {
        const take = Math.min(free[i], (over * weights[i]) / total);
        // Down to a quarter: never under least, itself in quarters, as take is at most free.
        widths[i] = Math.floor((w - take) * 4) / 4;
        given += w - widths[i];
      });
      over -= given;
    }
    return widths;
  }

  /**
   * Each column's need in width units: its widest number and its longest word. A method of
   * its own, apart from fitWidths' rounding and giving back: its loop is compiled part way
   * through (on-stack replacement), and code after the loop in the same function, never run
   * by then, had no type feedback and threw that compiled code away as the loop ended.
   */
  private columnNeeds(): Float64Array {
    // Floats from the start: a need is a fraction, and an array of zeros turned from small
    // integers to floats at each page's first, a hidden class rowNeeds' code had not met.
    const need = new Float64Array(this.options.widths.length);
    // Figures and dates measured once a value (a register's 400,000 figures are a thousand values).
    const measured = new ShownWidths();
    const fonts = new FontsByColumn(this.lastCol + 1);
    const last = new LastByColumn(this.lastCol + 1);
    // Loops over the grid, no generator: a register of 100,000 lines has two million cells.
    for (const row of this.gridRows()) {
      const cells = this.grid[row];
      if (cells !== undefined) this.rowNeeds(row, cells, need, measured, fonts, last);
    }
    return need;
  }

  /**
   * columnNeeds for one row of the grid, in a method of its own: optimised as a function
   * when called often, not compiled into columnNeeds' loop part way through (on-stack
   * replacement). That code served only the page it was compiled in: each later page's call
   * compiled columnNeeds whole again (forms-1000: twice, 20-50 ms of the compiler's thread each).
   */
  private rowNeeds(row: number, cells: (ModelCell | undefined)[], need: Float64Array, measured: ShownWidths, fonts: FontsByColumn, last: LastByColumn): void {
    const merges = this.mergeIndex;
    const unit = columnPoints(1);
    const end = Math.min(cells.length, this.lastCol + 1);
    for (let col = 1; col < end; col++) {
      const c = cells[col];
      if (c === undefined || !merges.untouched(row, col)) continue;
      const content = c.content;
      const font = fonts.of(col, c.style);
      const wrap = c.style?.wrap === true;
      let shown: number;
      if (content.kind === "text" || content.kind === "link") {
        // Measured as it shows (shownWidth's rule, written out: calling shownWidth on a miss cost
        // register-10000's build 0.45% more instructions), unless its column measured the same
        // text last (LastByColumn; the size is the wrap, which picks the measure).
        const t = content.text;
        const size = wrap ? 1 : 0;
        if (t === last.texts[col] && size === last.sizes[col] && font === last.fonts[col]) shown = last.answers[col];
        else last.set(col, t, size, font, (shown = wrap ? widestWord(t, font) : widestLine(t, font)));
      } else shown = measured.of(content, c.format, font, wrap);
      const w = shown + H_PADDING;
      need[col - 1] = Math.max(need[col - 1], w / unit);
    }
  }

  /**
   * columnNeeds for the blocks' cells, a row at a time as the grid's are: a column at a time,
   * each column's first cells met kinds and looks the loop was not compiled for, and threw
   * that code away (register-10000: three compiles of each loop, 20-45 ms each).
   */
  private blockNeeds(need: Float64Array): void {
    const measured = new ShownWidths();
    const fonts = new FontsByColumn(this.lastCol + 1);
    const last = new LastByColumn(this.lastCol + 1);
    const contents = new BlockContents();
    // A block's own memos, by its column's index: a sheet column's texts in another block are others, at another width.
    for (const b of widestFirst(this.cellBlocks)) this.blockNeedsOf(b, need, measured, fonts, last, new TextsByColumn(b.columns.length), contents);
  }

  /**
   * blockNeeds for one block, in a method of its own: its loop is compiled part way through
   * the first block, and the blocks' loop around it (its next block, never reached by then)
   * threw that code away at the block's end, and compiled it again (register-10000).
   */
  private blockNeedsOf(b: CellBlock, need: Float64Array, measured: ShownWidths, fonts: FontsByColumn, last: LastByColumn, repeats: TextsByColumn, contents: BlockContents): void {
    const merges = this.mergeIndex;
    const wraps = lookWraps(b);
    const unit = columnPoints(1);
    for (let r = 0; r < b.rows; r++) {
      const row = b.firstRow + r;
      for (let j = 0; j < b.columns.length; j++) {
        const c = b.columns[j];
        const col = c.col;
        if (col > this.lastCol) continue;
        // A spanning column's cells are all in its merge: only a single column's count.
        if (!merges.untouched(row, col)) continue;
        const at = c.rowLooks === undefined ? 0 : c.rowLooks[r];
        const look = c.looks[at];
        const font = fonts.of(col, look.style);
        const wrap = wraps[j][at];
        let shown: number;
        if (look.kind === "text" || look.kind === "link") {
          const t = c.values[r] as string;
          const size = wrap ? 1 : 0;
          // The text compared last (see blockHeightsOf).
          if (size === last.sizes[col] && font === last.fonts[col] && t === last.texts[col]) shown = last.answers[col];
          else {
            // Else measured once a text where the column's texts repeat out of turn (TextsByColumn).
            shown = repeats.of(j, t, size, font);
            if (shown < 0) repeats.add(j, t, size, font, (shown = wrap ? widestWord(t, font) : widestLine(t, font)));
            last.set(col, t, size, font, shown);
          }
        } else shown = measured.of(contents.of(c, look, r, row, Infinity), look.format, font, wrap);
        const w = shown + H_PADDING;
        need[col - 1] = Math.max(need[col - 1], w / unit);
      }
    }
  }

  /** rowHeights for the blocks' cells, into `heights`, a row at a time (see blockNeeds). */
  private blockHeights(widths: number[], heights: number[]): number[] {
    const fonts = new FontsByColumn(this.lastCol + 1);
    const counted = new LastByColumn(this.lastCol + 1);
    const contents = new BlockContents();
    for (const b of widestFirst(this.cellBlocks)) this.blockHeightsOf(b, widths, heights, fonts, counted, new TextsByColumn(b.columns.length), contents);
    return heights;
  }

  /** blockHeights for one block, in a method of its own (see blockNeedsOf). */
  private blockHeightsOf(b: CellBlock, widths: number[], heights: number[], fonts: FontsByColumn, counted: LastByColumn, repeats: TextsByColumn, contents: BlockContents): void {
    const merges = this.mergeIndex;
    const wraps = lookWraps(b);
    for (let r = 0; r < b.rows; r++) {
      const row = b.firstRow + r;
      for (let j = 0; j < b.columns.length; j++) {
        const c = b.columns[j];
        const col = c.col;
        // A span's covered cells never count; its head is measured over the merge's width.
        if (merges.covered(row, col)) continue;
        const at = c.rowLooks === undefined ? 0 : c.rowLooks[r];
        const look = c.looks[at];
        const font = fonts.of(col, look.style);
        let lines: number;
        let blank: boolean;
        if (wraps[j][at]) {
          const width = columnPoints(this.widthOf(col, merges.headRight(row, col) || col, widths)) - H_PADDING;
          const shown = look.kind === "text" || look.kind === "link" ? (c.values[r] as string) : shownText(contents.of(c, look, r, row, Infinity), look.format);
          // The text compared last: the cheaper comparisons first, and every one of them run
          // from a block's first rows (a register's service areas: texts all different), not
          // first met in the next block, where its loads, never run, threw this loop's
          // compiled code away (register-10000: compiled twice, ~30 ms each).
          if (width === counted.sizes[col] && font === counted.fonts[col] && shown === counted.texts[col]) lines = counted.answers[col];
          else {
            lines = repeats.of(j, shown, width, font);
            if (lines < 0) repeats.add(j, shown, width, font, (lines = wrappedLineCount(shown, width, font)));
            counted.set(col, shown, width, font, lines);
          }
          blank = shown === "";
        } else {
          const value = look.kind === "number" ? (c.values[r] as number) : look.kind === "formula" ? c.results?.[r] ?? null : null;
          if (value !== null && Math.abs(value) < 1e300) {
            lines = 1;
            blank = false;
          } else {
            const shown = look.kind === "text" || look.kind === "link" ? (c.values[r] as string) : shownText(contents.of(c, look, r, row, Infinity), look.format);
            lines = lineBreaks(shown);
            blank = shown === "";
          }
        }
        heights[row - 1] = Math.max(heights[row - 1] ?? 0, linesHeight(lines, font), blank ? 0 : EMPTY_ROW);
      }
    }
  }

  /**
   * Every row's height before its cells count: gaps as set, other rows empty. Apart from
   * rowHeights for the reason columnNeeds is: a register's 20,000 rows compiled this loop
   * part way through, and rowHeights' own loop then threw that code away, unseen by it.
   */
  private heightsAsSet(): number[] {
    const heights: number[] = [];
    for (let r = 1; r < this.row; r++) heights.push(this.fixedHeights.get(r) ?? EMPTY_ROW);
    return heights;
  }

  /**
   * Every row's height from the lines of its tallest cell; gaps and empty rows as set. The
   * model's cells are listed into `cells` on the way, in sheet order, within the
   * hyperlink limit: one pass over a register's two million cells, not three.
   */
  private rowHeights(widths: number[], cells: ModelCell[]): number[] {
    const heights = this.heightsAsSet();
    const fonts = new FontsByColumn(this.lastCol + 1);
    const counted = new LastByColumn(this.lastCol + 1);
    let listed = 0;
    for (const row of this.gridRows()) {
      const here = this.grid[row];
      if (here !== undefined) listed = this.rowHeightsOf(row, here, widths, heights, cells, listed, fonts, counted);
    }
    return heights;
  }

  /**
   * rowHeights for one row of the grid, into `heights`, its cells listed into `cells` from
   * `listed`; the next place to list at is returned. A method of its own, as rowNeeds is.
   */
  private rowHeightsOf(row: number, here: (ModelCell | undefined)[], widths: number[], heights: number[], cells: ModelCell[], listed: number, fonts: FontsByColumn, counted: LastByColumn): number {
    const merges = this.mergeIndex;
    for (let col = 0; col < here.length; col++) {
      const c = here[col];
      if (c === undefined) continue;
      cells[listed++] = c;
      if (merges.covered(row, col)) continue;
      const font = fonts.of(col, c.style);
      let lines: number;
      let blank: boolean;
      if (c.style?.wrap) {
        const width = columnPoints(this.widthOf(col, merges.headRight(row, col) || col, widths)) - H_PADDING;
        const shown = shownText(c.content, c.format);
        // Counted afresh unless the column's last cell counted the same text (LastByColumn).
        if (shown === counted.texts[col] && width === counted.sizes[col] && font === counted.fonts[col]) lines = counted.answers[col];
        else counted.set(col, shown, width, font, (lines = wrappedLineCount(shown, width, font)));
        blank = shown === "";
      } else {
        // Unwrapped: only the line breaks count. A finite number shows as one line of
        // text whatever its format, so it is not formatted again (fitWidths did).
        const content = c.content;
        const value = content.kind === "number" ? content.value : content.kind === "formula" ? content.result : null;
        if (value !== null && Math.abs(value) < 1e300) {
          lines = 1;
          blank = false;
        } else {
          const shown = content.kind === "text" || content.kind === "link" ? content.text : shownText(content, c.format);
          lines = lineBreaks(shown);
          blank = shown === "";
        }
      }
      heights[row - 1] = Math.max(heights[row - 1] ?? 0, linesHeight(lines, font), blank ? 0 : EMPTY_ROW);
    }
    return listed;
  }
}

/**
 * Whether each look of a block's columns wraps, by column and palette index: read from the
 * looks once a block, not in the loops over its cells, where looks of several shapes (a RAG
 * cell's has a fill) each threw the loop's compiled code away (register-10000).
 */
function lookWraps(b: CellBlock): boolean[][] {
  return b.columns.map((c) => c.looks.map((l) => l.style?.wrap === true));
}

/**
 * A page's blocks, those of the most columns first (a stable sort: ties as made), for the
 * loops over their cells: the widest block has the most kinds of cell and look, and the
 * loops, compiled part way through the first block they meet, were compiled again for each
 * kind a later block brought (a register's service areas are numbers beside a merged name,
 * its main table texts, links and money: register-10000's blockNeedsOf and blockHeightsOf
 * each compiled twice). A cell's need and height are the same in any order: widths and
 * heights are the largest of the cells', and the memos only save measuring.
 */
function widestFirst(blocks: readonly CellBlock[]): CellBlock[] {
  return blocks.slice().sort((a, b) => b.columns.length - a.columns.length);
}

/** The lines of unwrapped text: only its line breaks count. */
function lineBreaks(shown: string): number {
  let lines = 1;
  for (let i = shown.indexOf("\n"); i !== -1; i = shown.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** The height of a cell of `lines` lines in `font`, in quarter points. */
function linesHeight(lines: number, font: FontSpec): number {
  return Math.ceil((lines * lineHeight(font.size) + V_PADDING) * 4) / 4;
}

function sumWidths(widths: number[], from: number, to: number): number {
  let w = 0;
  for (let c = from; c <= to; c++) w += widths[c - 1] ?? 0;
  return w;
}

/**
 * Columns split into `n` neighbouring groups as near equal in width as the columns allow,
 * each at least as wide as it needs (`needs`, points) where it can be (least squares over
 * every split, with a heavy cost for a group too narrow, by dynamic programming: a handful
 * of columns).
 */
function spansOf(widths: number[], n: number, needs: number[] = [], maxGroup = MAX_GROUP): [number, number][] {
  const cols = widths.length;
  const groups = Math.min(n, cols);
  // Groups of about a sixth of the page at most: a very wide last column (a message, a
  // source) is left out rather than make one group three times the others.
  const target = Math.min(widths.reduce((s, w) => s + w, 0) / groups, maxGroup);
  // best[k][c]: least cost of splitting columns 1..c into k groups; start[k][c]: where the last begins.
  const best = Array.from({ length: groups + 1 }, () => new Array<number>(cols + 1).fill(Infinity));
  const start = Array.from({ length: groups + 1 }, () => new Array<number>(cols + 1).fill(0));
  best[0][0] = 0;
  for (let k = 1; k <= groups; k++)
    for (let c = k; c <= cols; c++)
      for (let s = k; s <= c; s++) {
        const w = sumWidths(widths, s, c);
        const short = Math.max(0, (needs[k - 1] ?? 0) - columnPoints(w));
        const cost = best[k - 1][s - 1] + (w - target) ** 2 + 1e4 * short;
        if (cost < best[k][c]) {
          best[k][c] = cost;
          start[k][c] = s;
        }
      }
  // The groups may stop short of the last column.
  let end = groups;
  for (let c = groups; c <= cols; c++) if (best[groups][c] < best[groups][end]) end = c;
  const out: [number, number][] = [];
  for (let k = groups, c = end; k > 0; k--) {
    const s = start[k][c];
    out.unshift([s, c]);
    c = s - 1;
  }
  return out;
}

/** Table looks by alignment and the cell's own look (a cell without one: NO_STYLE). */
const TABLE_STYLES = new Map<Align, WeakMap<CellStyle, CellStyle>>();
const NO_STYLE: CellStyle = {};

/** A table cell's look: the column's alignment and borders under the cell's own; shared, as put() keeps it. */
function tableStyle(align: Align, extra: CellStyle | undefined, own: CellStyle | undefined): CellStyle {
  if (extra !== undefined) return styledShared({ ...bodyStyle(align, extra), ...own });
  let byOwn = TABLE_STYLES.get(align);
  if (byOwn === undefined) TABLE_STYLES.set(align, (byOwn = new WeakMap()));
  const from = own ?? NO_STYLE;
  let style = byOwn.get(from);
  if (style === undefined) {
    style = styledShared({ ...bodyStyle(align), ...own });
    // A fresh object a cell (ragCell's, link's) is forgotten at once; a shared one is found again.
    byOwn.set(from, style);
  }
  return style;
}

/**
 * tableStyle for each column of a table, the column's last answer taken again where the
 * cell's own look is the one before it (a column's cells mostly share theirs, or have
 * none): no Map and WeakMap look-up a cell. The loops compare `owns` themselves: a call a
 * cell costs a first run (the only run a command line has) more than it saves.
 */
class TableLooks {
  readonly count: number;
  private readonly aligns: Align[];
  /** By column: the last cell's own look and the look it was given (NO_OWN before the first). */
  readonly owns: (CellStyle | undefined)[];
  readonly looks: CellStyle[];

  constructor(columns: readonly TableColumn[]) {
    this.count = columns.length;
    this.aligns = columns.map((c) => c.align ?? "left");
    this.owns = columns.map(() => NO_OWN);
    this.looks = columns.map(() => NO_OWN);
  }

  /** The column's look for a cell whose own look is `own`, kept as the column's last. */
  set(i: number, own: CellStyle | undefined): CellStyle {
    const look = tableStyle(this.aligns[i], undefined, own);
    this.owns[i] = own;
    this.looks[i] = look;
    return look;
  }
}

/**
 * A main table's row written straight into its block (rowsTo): each cell as the cells.ts
 * helper of the same name makes it, under its column's look, as mainTable's loop over
 * CellSpecs puts them; the columns a row leaves out are empty.
 */
class BlockRow implements RowWriter {
  private n = 0;
  private i = 0;
  /**
   * By column: the last cell's kind, format and own look, and the palette index they gave.
   * A column's cells mostly share all three, so a cell is one comparison and one store:
   * the calls a cell through TableLooks and the palette's search cost more than the
   * CellSpecs they replaced in a command line's first, partly unoptimised, run.
   */
  private readonly kinds: string[];
  private readonly formats: (NumberFormatKind | undefined)[];
  private readonly owns: (CellStyle | undefined)[];
  private readonly ats: number[];

  constructor(
    private readonly body: BlockBuilder,
    private readonly looks: TableLooks,
  ) {
    this.kinds = new Array<string>(looks.count).fill("");
    this.formats = new Array<NumberFormatKind | undefined>(looks.count).fill(undefined);
    this.owns = new Array<CellStyle | undefined>(looks.count).fill(NO_OWN);
    this.ats = new Array<number>(looks.count).fill(0);
  }

  start(n: number): void {
    this.n = n;
    this.i = 0;
  }

  end(): void {
    while (this.i < this.looks.count) this.none();
  }

  text(t: string): void {
    this.put("text", t, undefined, undefined);
  }
  money(pence: number): void {
    this.put("number", pounds(pence), "money", undefined);
  }
  percent(fraction: number): void {
    this.put("number", fraction, "percent1", undefined);
  }
  date(iso: string): void {
    this.put("date", iso, "date", undefined);
  }
  rag(rag: Rag): void {
    this.put("text", ragContent(rag).text, undefined, ragStyle(rag));
  }
  link(sheet: string, cell: string): void {
    const i = this.i++;
    const at = this.owns[i] === LINK_STYLE && this.kinds[i] === "link" && this.formats[i] === undefined ? this.ats[i] : this.lookAt(i, "link", undefined, LINK_STYLE);
    this.body.setLink(i, this.n, at, sourceWords(sheet, cell), sheet, cell);
  }
  none(): void {
    this.put("text", "", undefined, undefined);
  }

  private put(kind: "text" | "number" | "date", value: string | number, format: NumberFormatKind | undefined, own: CellStyle | undefined): void {
    const i = this.i++;
    const at = this.owns[i] === own && this.kinds[i] === kind && this.formats[i] === format ? this.ats[i] : this.lookAt(i, kind, format, own);
    this.body.set(i, this.n, at, value);
  }

  /** The palette index for column `i`'s cell, kept as the column's last. */
  private lookAt(i: number, kind: BlockLook["kind"], format: NumberFormatKind | undefined, own: CellStyle | undefined): number {
    const looks = this.looks;
    const style = own === looks.owns[i] ? looks.looks[i] : looks.set(i, own);
    const at = this.body.lookOf(i, kind, format, style);
    this.kinds[i] = kind;
    this.formats[i] = format;
    this.owns[i] = own;
    this.ats[i] = at;
    return at;
  }
}

/** No cell's own look: TableLooks' columns before their first cell. */
const NO_OWN: CellStyle = Object.freeze({});

/** Each look's font, made once a look (looks are shared objects, see put). */
const FONTS = new WeakMap<CellStyle, FontSpec>();
const NO_FONT: FontSpec = fontFor(undefined);
function fontFor(style: CellStyle | undefined): FontSpec {
  return { size: style?.size ?? 11, bold: style?.bold === true, italic: style?.italic === true };
}
function fontOf(style: CellStyle | undefined): FontSpec {
  if (style === undefined) return NO_FONT;
  let font = FONTS.get(style);
  if (font === undefined) FONTS.set(style, (font = fontFor(style)));
  return font;
}

/**
 * fontOf, remembered a column: a column's cells share a look down its rows, so a look's
 * font is found again by comparing the look with the one before in the column, not in
 * the WeakMap a cell (~35 ns each, for each of a register's 1.5 million cells, twice).
 */
class FontsByColumn {
  private readonly styles: (CellStyle | undefined)[];
  private readonly fonts: (FontSpec | undefined)[];

  /** Made whole for `columns` columns, as LastByColumn's arrays are (a column past them grows them). */
  constructor(columns: number) {
    this.styles = columnsOf(columns);
    this.fonts = columnsOf(columns);
  }

  of(col: number, style: CellStyle | undefined): FontSpec {
    const known = this.fonts[col];
    if (known !== undefined && this.styles[col] === style) return known;
    const font = fontOf(style);
    this.styles[col] = style;
    this.fonts[col] = font;
    return font;
  }
}

/** A formula totalling a column of data rows (SUBTOTAL 109 ignores rows a filter hides). */
export function subtotal(col: number, firstDataRow: number, lastDataRow: number, result: number, format: CellSpec["format"]): CellSpec {
  const L = columnLetters(col);
  return { content: { kind: "formula", formula: `SUBTOTAL(109,${L}${firstDataRow}:${L}${lastDataRow})`, result }, format };
}

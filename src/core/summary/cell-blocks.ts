/**
 * A table's body held as columns (sheet-model.ts CellBlock): filled a cell at a time as the
 * summary page writes its rows, and read back in sheet order, merged with the model's
 * loose cells, either as fresh ModelCells (modelCells) or through one scratch cell reused
 * for every block cell (the xlsx writer: no object a cell).
 */
import { positionKey } from "../grid";
import { pastLinkLimit } from "./hyperlink-limit";
import type { BlockColumn, BlockLook, CellBlock, CellContent, CellStyle, ModelCell, NumberFormatKind } from "./sheet-model";

/**
 * The position past the last cell: a small integer, as every row and column is, not
 * Infinity (a field holding both changes its representation, and the objects' map, which
 * threw away the code compiled for the walk).
 */
export const END = 0x3fff_ffff;

/** A block being filled, a row at a time, every column of each row given in turn. */
export class BlockBuilder {
  readonly block: CellBlock;

  constructor(firstRow: number, rows: number, columns: readonly { col: number; span: number }[]) {
    this.block = {
      firstRow,
      rows,
      // Every column, look and array of one shape and elements kind, whatever it comes to
      // hold: the loops over them are compiled for the first they meet, and each other shape
      // threw that code away (a block's columns read in turn, as the writer and layout do).
      columns: columns.map(({ col, span }) => ({
        col,
        span,
        looks: [],
        rowLooks: undefined,
        values: new Array<string | number>(rows).fill(""),
        sheets: undefined,
        cells: undefined,
        results: undefined,
      })),
    };
  }

  /** Sets column `i`'s cell on row `r` (0-based within the block). */
  put(i: number, r: number, content: CellContent, format: NumberFormatKind | undefined, style: CellStyle | undefined): void {
    const c = this.block.columns[i];
    const kind = content.kind;
    const at = lookIndex(c, kind, format, style);
    if (at !== 0 && c.rowLooks === undefined) c.rowLooks = new Array<number>(this.block.rows).fill(0);
    if (c.rowLooks !== undefined) c.rowLooks[r] = at;
    switch (content.kind) {
      case "text":
        c.values[r] = content.text;
        break;
      case "number":
        c.values[r] = content.value;
        break;
      case "date":
        c.values[r] = content.iso;
        break;
      case "formula":
        c.values[r] = content.formula;
        (c.results ??= new Array<number | null>(this.block.rows).fill(null))[r] = content.result;
        break;
      case "link":
        c.values[r] = content.text;
        (c.sheets ??= new Array<string>(this.block.rows).fill(""))[r] = content.sheet;
        (c.cells ??= new Array<string>(this.block.rows).fill(""))[r] = content.cell;
        break;
    }
  }

  /**
   * Column `i`'s palette index for a cell of this kind, format and look, added where new. A
   * palette only grows, so the index stays the answer for these three: a caller may keep it.
   */
  lookOf(i: number, kind: BlockLook["kind"], format: NumberFormatKind | undefined, style: CellStyle | undefined): number {
    return lookIndex(this.block.columns[i], kind, format, style);
  }

  /** put for a text, number or date cell, given its value and its look's index (lookOf), not a content object. */
  set(i: number, r: number, at: number, value: string | number): void {
    const c = this.block.columns[i];
    if (at !== 0 && c.rowLooks === undefined) c.rowLooks = new Array<number>(this.block.rows).fill(0);
    if (c.rowLooks !== undefined) c.rowLooks[r] = at;
    c.values[r] = value;
  }

  /** set for a link cell, given its parts. */
  setLink(i: number, r: number, at: number, text: string, sheet: string, cell: string): void {
    this.set(i, r, at, text);
    const c = this.block.columns[i];
    (c.sheets ??= new Array<string>(this.block.rows).fill(""))[r] = sheet;
    (c.cells ??= new Array<string>(this.block.rows).fill(""))[r] = cell;
  }
}

/** The index of a look in the column's palette, added where new (a column has a handful). */
function lookIndex(c: BlockColumn, kind: BlockLook["kind"], format: NumberFormatKind | undefined, style: CellStyle | undefined): number {
  const looks = c.looks;
  for (let i = 0; i < looks.length; i++) {
    const l = looks[i];
    if (l.kind === kind && l.format === format && l.style === style) return i;
  }
  looks.push({ kind, format, style });
  return looks.length - 1;
}

/** The one content of a covered cell of a span. */
const BLANK: CellContent = { kind: "text", text: "" };
/** The scratch cells' look before their first cell. */
const BLANK_STYLE: CellStyle = {};

/** A block cell's content, made fresh; a link at or past `plainKey` as plain text of its words. */
function contentOf(c: BlockColumn, look: BlockLook, r: number, row: number, plainKey: number): CellContent {
  const v = c.values[r];
  switch (look.kind) {
    case "text":
      return { kind: "text", text: v as string };
    case "number":
      return { kind: "number", value: v as number };
    case "date":
      return { kind: "date", iso: v as string };
    case "formula":
      return { kind: "formula", formula: v as string, result: c.results?.[r] ?? null };
    case "link":
      if (pastLinkLimit(row, c.col, plainKey)) return { kind: "text", text: v as string };
      return { kind: "link", text: v as string, sheet: c.sheets?.[r] ?? "", cell: c.cells?.[r] ?? "" };
  }
}

/** A text's link parts, "" (the one row of a list made as `sheets` and `cells` are: the same kind of list). */
const NO_PARTS: readonly string[] = new Array<string>(1).fill("");

/**
 * A block column's content into scratch objects, one a kind, changed for each cell: the
 * writer reads each cell before asking for the next (a link's parts too: it keeps them,
 * not the link). A formula comes fresh.
 */
export class BlockContents {
  /**
   * A text and a link: one object, one shape, filled by one path (a text's link parts ""). A
   * register's first link comes half way down its summary, after the writer's loop is
   * compiled: a shape or a path not met by then threw that code away (writeRows, blockCell,
   * appendCell and styleOf compiled again, ~80 ms).
   */
  private readonly textual: { kind: "text" | "link"; text: string; sheet: string; cell: string } = { kind: "text", text: "", sheet: "", cell: "" };
  private readonly number = { kind: "number" as const, value: 0.5 };
  private readonly date = { kind: "date" as const, iso: "" };

  of(c: BlockColumn, look: BlockLook, r: number, row: number, plainKey: number): CellContent {
    const v = c.values[r];
    switch (look.kind) {
      case "text":
      case "link": {
        // Each load and store run for every text cell too (see `textual`).
        const sheets = c.sheets ?? NO_PARTS;
        const cells = c.cells ?? NO_PARTS;
        const linked = !pastLinkLimit(row, c.col, plainKey) && look.kind === "link";
        const at = linked ? r : 0;
        const t = this.textual;
        t.kind = linked ? "link" : "text";
        t.text = v as string;
        t.sheet = (linked ? sheets : NO_PARTS)[at];
        t.cell = (linked ? cells : NO_PARTS)[at];
        return t;
      }
      case "number":
        this.number.value = v as number;
        return this.number;
      case "date":
        this.date.iso = v as string;
        return this.date;
      default:
        return contentOf(c, look, r, row, plainKey);
    }
  }
}

/** Where one block's walk stands: its next cell's position, END after the last. */
class BlockCursor {
  row: number;
  col: number;
  /** Row index within the block, column index, and offset within the column's span. */
  r = 0;
  j = 0;
  s = 0;

  constructor(readonly block: CellBlock) {
    const empty = block.rows === 0 || block.columns.length === 0;
    this.row = empty ? END : block.firstRow;
    this.col = empty ? END : block.columns[0].col;
  }

  advance(): void {
    const columns = this.block.columns;
    const c = columns[this.j];
    if (++this.s < c.span) {
      this.col = c.col + this.s;
      return;
    }
    this.s = 0;
    let row = this.row;
    if (++this.j === columns.length) {
      this.j = 0;
      row = ++this.r === this.block.rows ? END : row + 1;
    }
    // The block's end (END) stored where every cell's place is: a store run once a block, far
    // down a sheet, had no type feedback and threw away the writer's compiled loop.
    this.row = row;
    this.col = row === END ? END : columns[this.j].col;
  }
}

/**
 * A model's loose cells (in sheet order) and its blocks' cells, merged in sheet order.
 * `row` and `col` are the next cell's position (END after the last); take() gives it.
 */
export class SheetCells {
  row = END;
  col = END;
  private i = 0;
  private readonly cursors: BlockCursor[];
  /** Where the next cell comes from: -1 the loose cells, else a cursor's index. */
  private from = -1;
  private readonly plainKey: number;
  /**
   * The scratch cells, with a format and without: the same two shapes as SummaryPage's
   * cells (putCell), so the writer's loops, compiled for those, meet no other.
   */
  private readonly withFormat: ModelCell = { row: 1, col: 1, content: BLANK, style: BLANK_STYLE, format: "text" };
  private readonly noFormat: ModelCell = { row: 1, col: 1, content: BLANK, style: BLANK_STYLE };
  private readonly contents = new BlockContents();

  /**
   * `fresh`: each block cell a ModelCell of its own, as SummaryPage made them; else the one
   * scratch cell (a formula's content still fresh), valid until the next take().
   */
  constructor(
    private readonly loose: readonly ModelCell[],
    blocks: readonly CellBlock[],
    plainLinksFrom: { row: number; col: number } | undefined,
    private readonly fresh: boolean,
  ) {
    this.cursors = blocks.map((b) => new BlockCursor(b));
    this.plainKey = plainLinksFrom === undefined ? Infinity : positionKey(plainLinksFrom.row, plainLinksFrom.col);
    this.pick();
  }

  /** The next cell in sheet order (see the constructor for how long it stays as given). */
  take(): ModelCell {
    let out: ModelCell;
    if (this.from === -1) out = this.loose[this.i++];
    else {
      const k = this.cursors[this.from];
      out = this.blockCell(k);
      k.advance();
    }
    this.pick();
    return out;
  }

  /** Passes over the next cell. */
  skip(): void {
    if (this.from === -1) this.i++;
    else this.cursors[this.from].advance();
    this.pick();
  }

  private blockCell(k: BlockCursor): ModelCell {
    const c = k.block.columns[k.j];
    const look = c.looks[c.rowLooks === undefined ? 0 : c.rowLooks[k.r]];
    const style = look.style;
    if (k.s > 0) {
      // A covered cell of a span: blank, in the head's style.
      if (this.fresh) return { row: k.row, col: k.col, content: BLANK, style };
      return this.fill(this.noFormat, k, BLANK, style);
    }
    const format = look.format;
    if (this.fresh) {
      const content = contentOf(c, look, k.r, k.row, this.plainKey);
      return format ? { row: k.row, col: k.col, content, style, format } : { row: k.row, col: k.col, content, style };
    }
    const content = this.contents.of(c, look, k.r, k.row, this.plainKey);
    if (!format) return this.fill(this.noFormat, k, content, style);
    const s = this.fill(this.withFormat, k, content, style);
    s.format = format;
    return s;
  }

  private fill(s: ModelCell, k: BlockCursor, content: CellContent, style: CellStyle | undefined): ModelCell {
    s.row = k.row;
    s.col = k.col;
    s.content = content;
    s.style = style;
    return s;
  }

  /** Finds where the next cell comes from: the least position among the loose cells and the blocks. */
  private pick(): void {
    let row = END;
    let col = END;
    let from = -1;
    if (this.i < this.loose.length) {
      const c = this.loose[this.i];
      row = c.row;
      col = c.col;
    }
    const cursors = this.cursors;
    for (let k = 0; k < cursors.length; k++) {
      const b = cursors[k];
      if (b.row < row || (b.row === row && b.col < col)) {
        row = b.row;
        col = b.col;
        from = k;
      }
    }
    this.row = row;
    this.col = col;
    this.from = from;
  }
}

/** The last row and widest column a block's cells reach (0 for an empty block). */
export function blockBounds(block: CellBlock): { maxRow: number; maxCol: number } {
  if (block.rows === 0 || block.columns.length === 0) return { maxRow: 0, maxCol: 0 };
  let maxCol = 0;
  for (const c of block.columns) maxCol = Math.max(maxCol, c.col + c.span - 1);
  return { maxRow: block.firstRow + block.rows - 1, maxCol };
}

/** The block cell at a position, made fresh, if a block holds one. */
export function blockCellAt(blocks: readonly CellBlock[], plainLinksFrom: { row: number; col: number } | undefined, row: number, col: number): ModelCell | undefined {
  for (const b of blocks) {
    if (row < b.firstRow || row >= b.firstRow + b.rows) continue;
    for (const c of b.columns) {
      if (col < c.col || col >= c.col + c.span) continue;
      const cells = new SheetCells([], [{ firstRow: row, rows: 1, columns: [{ ...c, ...rowOf(c, row - b.firstRow) }] }], plainLinksFrom, true);
      for (let n = col - c.col; n > 0; n--) cells.skip();
      return cells.take();
    }
  }
  return undefined;
}

/** A column's arrays cut to one row (blockCellAt's one-row block). */
function rowOf(c: BlockColumn, r: number): Partial<BlockColumn> {
  return {
    rowLooks: c.rowLooks && [c.rowLooks[r]],
    values: [c.values[r]],
    sheets: c.sheets && [c.sheets[r]],
    cells: c.cells && [c.cells[r]],
    results: c.results && [c.results[r]],
  };
}

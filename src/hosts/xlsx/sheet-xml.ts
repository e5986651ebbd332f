/**
 * A sheet we write, rendered straight to SpreadsheetML: the worksheet part, its table
 * parts and its print titles. Summary sheets (SheetModel) and templates (TemplateModel)
 * are both turned into a SheetDraft first, so one renderer serves both.
 *
 * The worksheet is a list of sections in the order CT_Worksheet requires (ECMA-376
 * §18.3.1.99); each section renders one element from the draft, or nothing. A new feature
 * of the sheet model (page breaks, say) is a new field on the draft and a new section in
 * its place in SECTIONS.
 *
 * Strings are inline (`t="inlineStr"`), so the workbook's shared strings part is never
 * touched; formulas carry their cached results; links are in-document hyperlinks
 * (`location`), which need no relationship.
 */
import { a1, columnLetters, sheetRef } from "../../core/grid";
import { isSpace, SPACE_UNITS } from "../../core/white-space";
import { Remembered } from "../../core/remembered";
import { MAX_HYPERLINKS } from "../../core/summary/hyperlink-limit";
import { forEachMerge, mergeCount } from "../../core/summary/model-merges";
import { NUMBER_FORMATS, type CellBlock, type HeaderFooter, type ModelCell, type SheetModel, type TableModel } from "../../core/summary/sheet-model";
import type { CellRange, Validation } from "../../core/templates/template-model";
import { CellsInOrder, type BlockCellWalk, type CellWalk } from "./cells-in-order";
import type { StyleBook } from "./styles-edit";
import { attrs, escapeXml } from "./xml-splice";
import { Utf8Writer, type ByteSink } from "./zip-write";

/** Everything a sheet we write can hold. */
export interface SheetDraft {
  cells: readonly ModelCell[];
  /** Cells held as columns beside `cells`, and where their links turn plain (sheet-model.ts). */
  blocks?: readonly CellBlock[];
  plainLinksFrom?: { row: number; col: number };
  /** Merged areas, packed as a sheet model's are (model-merges.ts). */
  merges: readonly number[];
  columnWidths: { col: number; width: number }[];
  hiddenColumns?: number[];
  /** Row heights by row from the first (`rowHeights[r - 1]` is row r's), a hole where a row has none (heightsByRow). */
  rowHeights?: readonly (number | undefined)[];
  /** Rows frozen at the top (0 for none). */
  freezeRows: number;
  /** Rows that start a new printed page (manual page breaks). */
  pageBreaks?: number[];
  tabColor?: string;
  print?: SheetModel["print"];
  tables?: TableModel[];
  validations?: Validation[];
  /** Text written (as Text) in a cell of its own: the product's marker on a summary. */
  marker?: { row: number; col: number; text: string };
  /** Colour of thin borders (RRGGBB); automatic when absent. */
  borderColour?: string;
  /** Text cells get the Text format (`@`) unless the model gives one (summaries: yes). */
  textAsText?: boolean;
}

/** What the renderer needs from the package it writes into. */
export interface RenderContext {
  styles: StyleBook;
  /** The workbook counts dates from 1904 (`<workbookPr date1904="1"/>`). */
  date1904: boolean;
  /** Gives each table a workbook-unique id and name. */
  tables: TableNames;
  /** The SpreadsheetML and relationships namespaces the package uses (transitional or strict). */
  mainNs: string;
  relNs: string;
}

interface RenderedTable {
  name: string;
  id: number;
  xml: string;
  /** The relationship id the sheet names it by, in the sheet's own (new) relationships part. */
  rId: string;
}

export interface RenderedSheet {
  tables: RenderedTable[];
  /** The `_xlnm.Print_Titles` defined name's text, e.g. `'Recovery Summary'!$5:$5`. */
  printTitles?: string;
}

/** Hands out table ids and names unused anywhere in the workbook (Excel compares names without case). */
export class TableNames {
  private readonly names: Set<string>;
  private nextId: number;

  constructor(usedNames: Iterable<string>, usedIds: Iterable<number>) {
    this.names = new Set([...usedNames].map((n) => n.toUpperCase()));
    this.nextId = Math.max(0, ...usedIds) + 1;
  }

  take(base: string): { name: string; id: number } {
    let name = base;
    for (let n = 2; this.names.has(name.toUpperCase()); n++) name = `${base}_${n}`;
    this.names.add(name.toUpperCase());
    return { name, id: this.nextId++ };
  }
}

// ---- text ------------------------------------------------------------------------------

/** What xstring's passes change: an underscore (a `_xHHHH_`), a control character, a lone surrogate. */
// eslint-disable-next-line no-control-regex
const XSTRING_WORK = /[_\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

/**
 * Text for a SpreadsheetML string (ST_Xstring): XML-escaped, characters XML cannot hold
 * written as `_xHHHH_`, and a literal `_xHHHH_` protected by escaping its underscore, as
 * Excel does, so what a reader shows is exactly the text.
 */
export function xstring(s: string): string {
  // Most text has none of what the three passes below change: only its XML escaping.
  if (!XSTRING_WORK.test(s)) return escapeXml(s);
  const protectedText = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  // eslint-disable-next-line no-control-regex
  const legal = protectedText.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  // A lone surrogate cannot be encoded as UTF-8: replaced, as any editor would.
  return escapeXml(legal.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));
}

/**
 * Whether an inline string's white space must be kept (`xml:space="preserve"`): white space
 * at either end, or a line break (the test /^\s|\s$|\n/, without a regular expression
 * tried at every character of a million cells).
 */
export function keepsSpace(text: string): boolean {
  return text !== "" && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) || text.includes("\n"));
}

/** A number as SpreadsheetML writes one; null for what a cell cannot hold. */
function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // Excel keeps 15 significant digits; the shortest round-trip form is exact for it.
  return String(n);
}

/** An ISO date as a serial in the workbook's date system. */
export function dateSerial(iso: string, date1904: boolean): number {
  const [y, m, d] = iso.split("-").map(Number);
  const days = Date.UTC(y, m - 1, d) / 86_400_000;
  // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was, so
  // from March 1900 on the serial is days since 1899-12-30. 1904 system: days since 1904-01-01.
  return date1904 ? days - Date.UTC(1904, 0, 1) / 86_400_000 : days - Date.UTC(1899, 11, 30) / 86_400_000;
}

const ref = (r: CellRange) => rangeRef(r.top, r.left, r.bottom, r.right);
const rangeRef = (top: number, left: number, bottom: number, right: number) =>
  top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;

// ---- sections --------------------------------------------------------------------------

/** A look a column gave, with what it was found by (styleOf). */
type LastLook = { style: ModelCell["style"]; format: ModelCell["format"]; kind: ModelCell["content"]["kind"]; look: Look } | undefined;

/**
 * What the sections share while one sheet is rendered. A class, not an object literal a
 * sheet: V8 compiled the writer on the first summary for the literal's fields as they
 * were, and threw that code away at the next sheet, whose fields held other things.
 */
class Work {
  /** Whether the sheet has any cell to write. */
  readonly hasCells: boolean;
  /** Table header names as written (unique, non-blank), by table index. */
  readonly headers: Map<number, string[]>;
  /** The link cells written, in order: their hyperlinks' XML is made as that section writes. */
  readonly links: LinksWritten;
  readonly tables: RenderedTable[] = [];
  readonly maxRow: number;
  readonly maxCol: number;
  /** Each look's pieces by its key (styleOf). */
  readonly xfs = new Map<number, Look>();
  /** The last look each column gave (styleOf), a place a column of the sheet: none read past the end. */
  readonly lastLook: LastLook[];
  /** Finite numbers' `…</v></c>`, made once a value (400,000 figures, ~1,000 values on a register). */
  readonly valueEnds = new Remembered<number, string>(MEMO_LIMIT);
  /** Dates' `…</v></c>`, made once a day, by the workbook's date system's function. */
  readonly dateEnds = new Remembered<string, string>(MEMO_LIMIT);
  readonly dateEnd: (iso: string) => string;
  /** Where the large sections (rows, merges, links) write their XML, a piece at a time. */
  readonly out: Utf8Writer;

  constructor(
    readonly draft: SheetDraft,
    readonly ctx: RenderContext,
    readonly sheetName: string,
    /** Whether this sheet is the workbook's selected tab. */
    readonly selected: boolean,
    /** The cells to write by position, for the tables' totals rows. */
    readonly at: CellsInOrder,
    headers: Map<number, string[]>,
    into: ByteSink,
  ) {
    this.hasCells = !at.isEmpty();
    this.headers = headers;
    this.links = new LinksWritten(linkRoom(draft));
    const { maxRow, maxCol } = at.bounds();
    this.maxRow = maxRow;
    this.maxCol = maxCol;
    this.lastLook = new Array<LastLook>(maxCol + 1).fill(undefined);
    this.dateEnd = ctx.date1904 ? dateEnd1904 : dateEnd1900;
    this.out = new Utf8Writer(into);
  }
}

// Module functions, not closures made a sheet: the writer's compiled code calls one function.
// Excel keeps 15 significant digits; the shortest round-trip form is exact for it.
const valueEnd = (n: number) => `${String(n)}</v></c>`;
const dateEnd1900 = (iso: string) => `${dateSerial(iso, false)}</v></c>`;
const dateEnd1904 = (iso: string) => `${dateSerial(iso, true)}</v></c>`;

/** A section's XML, returned, or written to `w.out` (returning undefined) where it can be large. */
type Section = (w: Work) => string | undefined;

const sheetPr: Section = ({ draft }) => {
  const tab = draft.tabColor ? `<tabColor rgb="FF${draft.tabColor}"/>` : "";
  const fit = draft.print ? `<pageSetUpPr fitToPage="1"/>` : "";
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : "";
};

const dimension: Section = (w) => `<dimension ref="${w.hasCells ? `A1:${a1(w.maxRow, w.maxCol)}` : "A1"}"/>`;

const sheetViews: Section = ({ draft, selected: isSelected }) => {
  const selected = isSelected ? ' tabSelected="1"' : "";
  if (draft.freezeRows <= 0) return `<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`;
  const top = a1(draft.freezeRows + 1, 1);
  return (
    `<sheetViews><sheetView${selected} workbookViewId="0">` +
    `<pane ySplit="${draft.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>` +
    `</sheetView></sheetViews>`
  );
};

const sheetFormatPr: Section = () => `<sheetFormatPr defaultRowHeight="15"/>`;

const cols: Section = ({ draft }) => {
  const widths = new Map<number, number>();
  for (const { col, width } of draft.columnWidths) widths.set(col, width);
  const hidden = new Set(draft.hiddenColumns ?? []);
  const all = [...new Set([...widths.keys(), ...hidden])].sort((a, b) => a - b);
  if (!all.length) return "";
  const body = all
    .map((c) => {
      const width = widths.get(c);
      return `<col${attrs({ min: c, max: c, width: width ?? 9.140625, hidden: hidden.has(c) ? 1 : undefined, customWidth: width !== undefined ? 1 : undefined })}/>`;
    })
    .join("");
  return `<cols>${body}</cols>`;
};

/** Each number format a cell can take, by a small number (0: none), for the looks' keys. */
const FORMAT_KEYS = new Map<string | undefined, number>([[undefined, 0], ...Object.values(NUMBER_FORMATS).map((f, i): [string, number] => [f, i + 1])]);

/**
 * What a look writes after a cell's `<c r="A1`, made once a look (a summary of 100,000
 * lines has a handful), so a cell is a few pieces joined, not a dozen.
 */
interface Look {
  /** `" s="17"/>`: the look alone. */
  bare: string;
  /** `" s="17"><v>`: before a value. */
  value: string;
  /** `" s="17">`: before a formula. */
  open: string;
  /** `" s="17" t="inlineStr"><is><t>`, and with `xml:space="preserve"` (keepsSpace). */
  text: string;
  keptText: string;
}

function lookOf(s: string): Look {
  return {
    bare: `" s="${s}"/>`,
    value: `" s="${s}"><v>`,
    open: `" s="${s}">`,
    text: `" s="${s}" t="inlineStr"><is><t>`,
    keptText: `" s="${s}" t="inlineStr"><is><t xml:space="preserve">`,
  };
}

/** The look for a model cell (its cellXfs index's pieces). */
function styleOf(w: Work, mc: ModelCell): Look {
  const c = mc.content;
  // A column's cells mostly share one style object, format and kind: the last answer a
  // column gave is taken again when all three are the same objects.
  const col = mc.col;
  const last = w.lastLook[col];
  if (last !== undefined && last.style === mc.style && last.format === mc.format && last.kind === c.kind) return last.look;
  let numFmt: string | undefined;
  // Both kinds compared whatever the cell: a compare first run at a summary's first link, far down it, was new code.
  const link = c.kind === "link";
  const text = c.kind === "text";
  if (mc.format) numFmt = NUMBER_FORMATS[mc.format];
  else if (c.kind === "date") numFmt = NUMBER_FORMATS.date;
  else if (w.draft.textAsText && (text || link)) numFmt = NUMBER_FORMATS.text;
  // A summary of 100,000 lines has a handful of looks: each is worked out once (the style
  // book's own key is several strings made a cell), then found by a number: the style's
  // id, its number format and whether it is a link. No string is made a cell.
  const key = (styleId(mc.style) * 16 + (FORMAT_KEYS.get(numFmt) ?? 15)) * 2 + (link ? 1 : 0);
  let look = w.xfs.get(key);
  if (look === undefined) {
    look = lookOf(String(w.ctx.styles.xf({ numFmt, style: mc.style, link, borderColour: w.draft.borderColour })));
    w.xfs.set(key, look);
  }
  w.lastLook[col] = { style: mc.style, format: mc.format, kind: c.kind, look };
  return look;
}

/**
 * A number for each look, found by the style object (summaries share one a look, see
 * internStyle) or, for an object not seen before, by its JSON text: objects alike get the
 * same number, as the JSON text keyed them before. 0 for no style.
 */
const styleIds = new WeakMap<object, number>();
const idsByText = new Map<string, number>();
function styleId(style: ModelCell["style"]): number {
  if (!style) return 0;
  let id = styleIds.get(style);
  if (id === undefined) {
    const t = JSON.stringify(style);
    id = idsByText.get(t);
    if (id === undefined) idsByText.set(t, (id = idsByText.size + 1));
    styleIds.set(style, id);
  }
  return id;
}

/** A cell's opening up to its row number (`<c r="AB`), by column number, made once each. */
const CELL_OPENS: string[] = [];
const cellOpen = (col: number) => CELL_OPENS[col] ?? (CELL_OPENS[col] = `<c r="${columnLetters(col)}`);

/** Ends of many cells alike are made once a sheet, forgotten past this many of each kind (remembered). */
const MEMO_LIMIT = 1 << 16;

/**
 * Whatever makes a text more than itself in a cell: xstring's work, escapeXml's, or a line
 * break (keepsSpace). Most texts have none, and are then tested once, not three times.
 */
// eslint-disable-next-line no-control-regex
const TEXT_WORK = /[_&<>"\n\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

/** White space (isSpace) among the first 256 code units, marked 1. */
const LATIN1_SPACES = new Uint8Array(256);
for (const c of SPACE_UNITS) if (c < 256) LATIN1_SPACES[c] = 1;

/**
 * isSpace, by LATIN1_SPACES where it can: the command line's bundle keeps isSpace in another
 * chunk, reached through a getter (an inline-cache call and a call) twice a text cell.
 */
const spaceAt = (c: number) => (c < 256 ? LATIN1_SPACES[c] === 1 : isSpace(c));

/** A non-empty text cell's look, text and close: `" s="17" t="inlineStr"><is><t>…</t></is></c>`. */
function inlineText(look: Look, text: string): string {
  if (!TEXT_WORK.test(text)) {
    const kept = spaceAt(text.charCodeAt(0)) || spaceAt(text.charCodeAt(text.length - 1));
    return (kept ? look.keptText : look.text) + text + "</t></is></c>";
  }
  return (keepsSpace(text) ? look.keptText : look.text) + xstring(text) + "</t></is></c>";
}

/**
 * `xml` with a cell's XML after it; `rowText` is its row's number as text (made once a row).
 * The cell is joined onto the row in as few pieces as it has: its column's opening, the
 * row, its look's part (Look), its own text or value, its close.
 */
function appendCell(w: Work, xml: string, mc: ModelCell, rowText: string): string {
  const look = styleOf(w, mc);
  const open = cellOpen(mc.col);
  const c = mc.content;
  switch (c.kind) {
    case "text":
    case "link":
      // A text runs a link's code too (LinksWritten.note): a summary's first link is far down it.
      w.links.note(mc.row, mc.col, c);
      // An empty text cell keeps its look only (a template's input cell reads as blank).
      if (c.text === "") return xml + open + rowText + (c.kind === "link" ? look.text + "</t></is></c>" : look.bare);
      return xml + open + rowText + inlineText(look, c.text);
    case "number":
      return Number.isFinite(c.value) ? xml + open + rowText + look.value + w.valueEnds.of(c.value, valueEnd) : xml + open + rowText + look.bare;
    case "date":
      return xml + open + rowText + look.value + w.dateEnds.of(c.iso, w.dateEnd);
    case "formula": {
      const f = `<f>${xstring(c.formula.replace(/^=/, ""))}</f>`;
      const v = c.result === null ? null : numberText(c.result);
      return xml + open + rowText + look.open + f + (v === null ? "" : `<v>${v}</v>`) + "</c>";
    }
  }
}

const sheetData: Section = (w) => {
  const rows = new RowsWritten(w.at.walk(), w.draft.rowHeights ?? []);
  // A row's XML a string, written as it is made (encoded a chunk at a time, see Utf8Writer).
  const out = w.out;
  out.write("<sheetData>");
  while (writeRows(w, rows)) out.flush();
  for (const heights = rows.heights; rows.e <= heights.length; rows.e++) if (heights[rows.e - 1] !== undefined) out.write(`${rowOpen(rows, rows.e)}/>`);
  out.write("</sheetData>");
  return undefined;
};

/** Where sheetData's rows stand between writeRows' calls (a class, for Work's reason). */
class RowsWritten {
  /**
   * The next cell to write; undefined once all are written. Undefined first, so the field
   * holds either from the start: undefined stored at a sheet's end was new to the code
   * compiled for cells, and threw it away.
   */
  next: ModelCell | undefined = undefined;
  /** The first row not yet passed, with or without a height. */
  e = 1;
  /** A height's attributes made once a height (a summary has a few dozen over 200,000 rows). */
  readonly heightAttrs = new Map<number, string>();

  constructor(
    readonly cells: CellWalk | BlockCellWalk,
    /** Each row's height, by row from the first (SheetDraft.rowHeights). */
    readonly heights: readonly (number | undefined)[],
  ) {
    this.next = cells.next();
  }
}

/**
 * Heights given row by row (a template's few) as a draft's rowHeights: by row, the last given
 * for a row winning. A summary's model holds them so already (sheet-model.ts).
 */
export function heightsByRow(given: readonly { row: number; height: number }[]): (number | undefined)[] {
  const heights: (number | undefined)[] = [];
  for (const h of given) {
    while (heights.length < h.row) heights.push(undefined);
    heights[h.row - 1] = h.height;
  }
  return heights;
}

/** A row's opening (`<row r="7" ht="15" customHeight="1"`). */
function rowOpen(s: RowsWritten, row: number): string {
  const h = s.heights[row - 1];
  if (h === undefined) return `<row r="${row}"`;
  let ht = s.heightAttrs.get(h);
  if (ht === undefined) s.heightAttrs.set(h, (ht = ` ht="${h}" customHeight="1"`));
  return `<row r="${row}"${ht}`;
}

/**
 * Writes rows until a chunk's worth of XML is pending (true: flush, and call again) or the
 * cells are all written (false), exactly where Utf8Writer.write would flush. The loop is a
 * function of its own, its flushing and the code after it outside: V8 compiles it part way
 * through (on-stack replacement), and code in it never run by then (the first flush, a
 * register's first 64 KB, then its first MiB deflated; the last rows' heights) had no type
 * feedback and threw that compiled code away, four compiles of sheetData a summary.
 */
function writeRows(w: Work, s: RowsWritten): boolean {
  const out = w.out;
  const cells = s.cells;
  const heights = s.heights;
  let e = s.e;
  for (let mc = s.next; mc !== undefined; ) {
    const row = mc.row;
    // Rows with a height but no cells, before this one (passed the rows without either).
    for (const last = Math.min(row - 1, heights.length); e <= last; e++) {
      if (heights[e - 1] === undefined) continue;
      if (out.add(`${rowOpen(s, e)}/>`)) {
        s.e = e + 1;
        s.next = mc;
        return true;
      }
    }
    if (e === row) e++;
    const rowText = String(row);
    let xml = `${rowOpen(s, row)}>`;
    for (; mc !== undefined && mc.row === row; mc = cells.next()) xml = appendCell(w, xml, mc, rowText);
    if (out.add(xml + "</row>")) {
      s.e = e;
      s.next = mc;
      return true;
    }
  }
  s.e = e;
  s.next = undefined;
  return false;
}

const mergeCells: Section = ({ draft, out }) => {
  const count = mergeCount(draft.merges);
  if (count === 0) return undefined;
  out.write(`<mergeCells count="${count}">`);
  forEachMerge(draft.merges, (top, left, bottom, right) => out.write(`<mergeCell ref="${rangeRef(top, left, bottom, right)}"/>`));
  out.write("</mergeCells>");
  return undefined;
};

function validationXml(v: Validation, date1904: boolean): string {
  const common = {
    allowBlank: 1,
    showInputMessage: 1,
    showErrorMessage: 1,
    errorStyle: v.errorStyle,
    errorTitle: v.error.title,
    error: v.error.message,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    sqref: ref(v.range),
  };
  switch (v.type) {
    case "list":
      // An inline list: quoted, comma-separated, at most 255 characters (the model's values hold no commas).
      return `<dataValidation${attrs({ type: "list", ...common })}><formula1>${escapeXml(`"${v.values.join(",")}"`)}</formula1></dataValidation>`;
    case "date":
      return `<dataValidation${attrs({ type: "date", operator: "greaterThanOrEqual", ...common })}><formula1>${dateSerial(v.from, date1904)}</formula1></dataValidation>`;
    case "decimal":
      return v.max === null
        ? `<dataValidation${attrs({ type: "decimal", operator: "greaterThanOrEqual", ...common })}><formula1>${v.min}</formula1></dataValidation>`
        : `<dataValidation${attrs({ type: "decimal", operator: "between", ...common })}><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
  }
}

const dataValidations: Section = ({ draft, ctx }) => {
  const list = draft.validations ?? [];
  return list.length ? `<dataValidations count="${list.length}">${list.map((v) => validationXml(v, ctx.date1904)).join("")}</dataValidations>` : "";
};

const hyperlinks: Section = ({ links, out }) => {
  if (links.count === 0) return undefined;
  out.write("<hyperlinks>");
  writeLinks(links, out);
  out.write("</hyperlinks>");
  return undefined;
};

/**
 * Each link's `<hyperlink>`, as attrs writes them, without its object of pairs a link (a
 * register's summary has 100,000). A loop of its own, as writeRows is: compiled part way
 * through, the code after it had no type feedback and threw the compiled loop away.
 */
function writeLinks(links: LinksWritten, out: Utf8Writer): void {
  // The location's sheet part (`'Risk Register'!`, escaped) made once a run of links to one
  // sheet, not quoted and escaped again a link (a register's summary: 100,000 to one sheet).
  // Escaping goes a character at a time, so the parts escaped apart join to the whole's.
  let sheet: string | undefined;
  let sheetPart = "";
  const { rows, cols, sheets, cells, texts, count } = links;
  for (let i = 0; i < count; i++) {
    if (sheets[i] !== sheet) {
      sheet = sheets[i];
      sheetPart = escapeXml(sheetRef(sheet, ""));
    }
    // A reference is letters and digits: nothing to escape.
    out.write(`<hyperlink ref="${columnLetters(cols[i])}${rows[i]}" location="${sheetPart}${escapeXml(cells[i])}" display="${escapeXml(texts[i])}"/>`);
  }
}

/**
 * The link cells written, in order, as their parts (writeLinks'), not the cells: a block's
 * link cell is a scratch cell and content, changed for the next cell (cell-blocks.ts
 * BlockContents), and 100,000 fresh cells kept to the end of a register's summary were
 * ~10 MB moved to the old space as the rows were written. The first `count` are the links.
 */
class LinksWritten {
  readonly rows: number[];
  readonly cols: number[];
  readonly sheets: string[];
  readonly cells: string[];
  readonly texts: string[];
  count = 0;

  /**
   * `room`: places made at once, enough for the blocks' links and one more (linkRoom), so
   * note() stores within the lists: a store past their end (growing them), first met at a
   * block's link, was new code to the compiled writer too.
   */
  constructor(room: number) {
    this.rows = new Array<number>(room).fill(0);
    this.cols = new Array<number>(room).fill(0);
    this.sheets = new Array<string>(room).fill("");
    this.cells = new Array<string>(room).fill("");
    this.texts = new Array<string>(room).fill("");
  }

  /**
   * Notes a text or link cell: a link's parts are kept, a text's written in the next free
   * place and left there for the next cell's. Every text cell runs the same loads and
   * stores as a link, so a register's first link, half way down its summary, runs no code
   * the writer's compiled loop had not met (V8 threw that code away: ~80 ms to compile again).
   */
  note(row: number, col: number, c: { kind: "text"; text: string } | { kind: "link"; text: string; sheet: string; cell: string }): void {
    const k = this.count;
    const link = c as { kind: string; text: string; sheet?: string; cell?: string };
    this.rows[k] = row;
    this.cols[k] = col;
    this.sheets[k] = link.sheet as string;
    this.cells[k] = link.cell as string;
    this.texts[k] = c.text;
    this.count = k + (c.kind === "link" ? 1 : 0);
  }
}

/**
 * The places LinksWritten makes for a draft's links: its blocks' link columns' rows (at most
 * the links a sheet holds, the rest written as text), and one for a text's parts. A loose
 * link cell grows the lists: not counted, as that was a pass over every loose cell (a
 * directions summary's 40,000), and loose links come from the sheet's top on.
 */
function linkRoom(draft: SheetDraft): number {
  let links = 0;
  for (const b of draft.blocks ?? []) for (const c of b.columns) if (c.sheets !== undefined) links += b.rows;
  return Math.min(links, MAX_HYPERLINKS) + 1;
}

/** Excel's "Normal" margins, for a sheet whose print setup names none. */
const NORMAL_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

const pageMargins: Section = ({ draft }) => `<pageMargins${attrs({ ...(draft.print?.margins ?? NORMAL_MARGINS) })}/>`;

/** SpreadsheetML's paper size codes (ECMA-376 §18.3.1.63 pageSetup paperSize). */
const PAPER_SIZES = { A4: 9 } as const;

const pageSetup: Section = ({ draft }) => {
  const p = draft.print;
  // A4, the paper of UK board packs; fitToHeight 0: as many pages tall as the content needs.
  if (!p) return `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`;
  // Numbered from 1: each summary is a paper of its own, whatever sheets print before it.
  return `<pageSetup${attrs({ paperSize: PAPER_SIZES[p.paperSize], firstPageNumber: 1, orientation: p.orientation, fitToWidth: p.fitToPagesWide, fitToHeight: 0, useFirstPageNumber: 1 })}/>`;
};

/** A header or footer's sections in one string of codes: `&L…&C…&R…`, empty sections left out. */
function sections(hf: HeaderFooter): string {
  return (hf.left ? `&L${hf.left}` : "") + (hf.center ? `&C${hf.center}` : "") + (hf.right ? `&R${hf.right}` : "");
}

const headerFooter: Section = ({ draft }) => {
  const p = draft.print;
  if (!p) return "";
  const head = sections(p.header);
  const foot = sections(p.footer);
  const header = head ? `<oddHeader>${xstring(head)}</oddHeader>` : "";
  const footer = foot ? `<oddFooter>${xstring(foot)}</oddFooter>` : "";
  return header || footer ? `<headerFooter>${header}${footer}</headerFooter>` : "";
};

/**
 * Manual page breaks, each above its row: `id` is the 0-based row a break sits above, that
 * is the last row (1-based) of the page before (ECMA-376 §18.3.1.3 brk); `man` marks it
 * the user's own, which applications keep as placed.
 */
const rowBreaks: Section = ({ draft }) => {
  const rows = [...new Set(draft.pageBreaks ?? [])].filter((r) => r > 1).sort((a, b) => a - b);
  if (!rows.length) return "";
  // As attrs writes them, without it: a summary's hundreds of breaks made attrs (entries, a
  // pair at a time) hot enough to be compiled for them alone.
  const brks = rows.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${brks}</rowBreaks>`;
};

const tableParts: Section = ({ tables }) =>
  tables.length ? `<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.rId}"/>`).join("")}</tableParts>` : "";

/** CT_Worksheet's children in their required order (only those we write). */
const SECTIONS: Section[] = [
  sheetPr,
  dimension,
  sheetViews,
  sheetFormatPr,
  cols,
  sheetData,
  mergeCells,
  dataValidations,
  hyperlinks,
  pageMargins,
  pageSetup,
  headerFooter,
  rowBreaks,
  tableParts,
];

// ---- tables ----------------------------------------------------------------------------

/** Excel needs distinct, non-blank header names (compared without case). */
function headerNames(columns: string[]): string[] {
  const seen = new Set<string>();
  return columns.map((raw, j) => {
    const base = raw.trim() === "" ? `Column${j + 1}` : raw;
    let h = base;
    for (let n = 2; seen.has(h.toUpperCase()); n++) h = `${base} ${n}`;
    seen.add(h.toUpperCase());
    return h;
  });
}

/** A table column's name as the table part writes it: line breaks as `_x000a_`, as Excel does. */
const columnName = (h: string) => xstring(h).replace(/\r?\n/g, "_x000a_");

function tableXml(w: Work, t: TableModel, headers: string[], id: number, name: string): string {
  const lastCol = t.firstCol + headers.length - 1;
  const lastData = t.headerRow + t.dataRows;
  const lastRow = lastData + (t.totalsRow ? 1 : 0);
  const columns = headers
    .map((h, j) => {
      const open = `<tableColumn id="${j + 1}" name="${columnName(h)}"`;
      if (!t.totalsRow) return `${open}/>`;
      const total = w.at.at(lastRow, t.firstCol + j)?.content;
      if (total?.kind === "text") return `${open} totalsRowLabel="${xstring(total.text)}"/>`;
      if (total?.kind === "formula") {
        // As Excel writes a totals cell holding a formula of one's own: a custom function, its formula beside it.
        return `${open} totalsRowFunction="custom"><totalsRowFormula>${xstring(total.formula.replace(/^=/, ""))}</totalsRowFormula></tableColumn>`;
      }
      return `${open}/>`;
    })
    .join("");
  const range = `${a1(t.headerRow, t.firstCol)}:${a1(lastRow, lastCol)}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${escapeXml(w.ctx.mainNs)}"${attrs({ id, name, displayName: name, ref: range, totalsRowCount: t.totalsRow ? 1 : undefined })}>` +
    `<autoFilter ref="${a1(t.headerRow, t.firstCol)}:${a1(lastData, lastCol)}"/>` +
    `<tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo${attrs({ name: t.style, showFirstColumn: 0, showLastColumn: 0, showRowStripes: t.bandedRows ? 1 : 0, showColumnStripes: 0 })}/>` +
    `</table>`
  );
}

// ---- the sheet -------------------------------------------------------------------------

/** The cells to write: the model's, table headers made to match their tables, the marker. */
function cellsOf(draft: SheetDraft, headers: Map<number, string[]>): CellsInOrder {
  const cells = new CellsInOrder(draft.cells, draft.blocks, draft.plainLinksFrom);
  (draft.tables ?? []).forEach((t, i) => {
    const names = headers.get(i);
    if (!names) return;
    names.forEach((name, j) => {
      const existing = cells.at(t.headerRow, t.firstCol + j);
      // A summary's header cells hold their names already: put over them, they were the only
      // cells the walk took from among the given ones (CellWalk), far down the sheet, where
      // V8 had compiled the writer's loop without that path and threw the code away.
      if (existing !== undefined && existing.content.kind === "text" && existing.content.text === name) return;
      // A header cell must hold exactly its column's name; its look stays the model's.
      cells.put({ ...existing, row: t.headerRow, col: t.firstCol + j, content: { kind: "text", text: name } });
    });
  });
  if (draft.marker) {
    const { row, col, text } = draft.marker;
    const content = { kind: "text", text } as const;
    // Where text is written as Text anyway (every summary), a summary text cell's fields in
    // their order (SummaryPage.putCell's): the writer meets the marker in row 1, before V8
    // keeps feedback, and a shape of its own there was new code to the writer compiled on
    // the first summary, thrown away at the next summary's marker.
    cells.put(draft.textAsText ? { row, col, content, style: undefined } : { row, col, content, format: "text" });
  }
  return cells;
}

/**
 * Renders a sheet named `sheetName` (for its print titles) into worksheet and table XML:
 * the worksheet's UTF-8 goes into `into` as it is made (a DeflatedPart, so a large one is
 * never held whole); the tables' come back with the print titles. `selected`: the sheet is
 * the workbook's selected tab (an argument: a copy of the draft with it added was a shape
 * of its own a sheet, and the compiled writer, meeting the next, threw its code away).
 */
export function renderSheet(draft: SheetDraft, sheetName: string, ctx: RenderContext, into: ByteSink, selected = false): RenderedSheet {
  const headers = new Map<number, string[]>();
  // Excel tables need a data row: a table with none stays a plain styled range.
  (draft.tables ?? []).forEach((t, i) => {
    if (t.dataRows > 0) headers.set(i, headerNames(t.columns));
  });
  const w = new Work(draft, ctx, sheetName, selected, cellsOf(draft, headers), headers, into);
  const out = w.out;
  (draft.tables ?? []).forEach((t, i) => {
    const names = headers.get(i);
    if (!names) return;
    const { name, id } = ctx.tables.take(t.name);
    w.tables.push({ name, id, xml: tableXml(w, t, names, id, name), rId: `rId${w.tables.length + 1}` });
  });
  out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${escapeXml(ctx.mainNs)}" xmlns:r="${escapeXml(ctx.relNs)}">`);
  for (const section of SECTIONS) {
    const xml = section(w);
    if (xml) out.write(xml);
  }
  out.write("</worksheet>");
  out.flush();
  const rows = draft.print?.repeatRows;
  return {
    tables: w.tables,
    printTitles: rows ? sheetRef(sheetName, `$${rows.from}:$${rows.to}`) : undefined,
  };
}


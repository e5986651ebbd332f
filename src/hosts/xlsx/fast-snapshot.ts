/**
 * A WorkbookSnapshot straight from an .xlsx package's XML, for `check`: no exceljs model,
 * no styles beyond number formats, one linear scan of each part.
 *
 * The answer must be IDENTICAL to what read.ts's exceljs path gives (snapshotWorkbook over
 * exceljs 4.4's load), quirks included: a formula whose cached result is 0, false or ""
 * reads as null here (read.ts then takes those results back from the XML for both paths);
 * `t="str"` text is
 * entity-decoded twice; `_x000D_` escapes are decoded in shared strings and rich-text runs
 * only; a number with a date format becomes exceljs's Date and then a 1900-system serial.
 * Wherever the package holds something this reader does not reproduce with certainty
 * (strict OOXML, prefixed root elements, `t="d"` cells, CDATA, a part exceljs would fail
 * on, ...) it returns null and the caller uses the exceljs path, which also gives the
 * authoritative error message for a broken file. Browser-safe: JSZip only, no DOM.
 */
import type JSZip from "jszip";
import type { Cell, Merge, SheetSnapshot, Visibility, WorkbookSnapshot } from "../../core/snapshot";

/** Thrown inside this module for anything to hand back to the exceljs path. */
class Unsupported extends Error {}

const unsupported = (why: string): never => {
  throw new Unsupported(why);
};

// ---- dates ---------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);

/**
 * A JS Date from exceljs (already the true date: exceljs applies the workbook's date1904
 * flag when it reads) → a 1900-system serial number, as Office.js gives it.
 */
export function dateToSerial(d: Date): number {
  const serial = (d.getTime() - EXCEL_EPOCH_1900) / MS_PER_DAY;
  // Whole milliseconds as days give binary fractions like 45291.00000000001; trim the noise.
  return Math.round(serial * 1e9) / 1e9;
}

/** exceljs's utils.excelToDate: the same rounding, so the same serial comes back out. */
function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs's utils.isDateFmt. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

// ---- XML scanning --------------------------------------------------------------------------

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const BAD_AMP = /&(?!(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);)/;

function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  // saxes (exceljs's parser) rejects an unknown entity: so does this reader, by falling back.
  if (BAD_AMP.test(s)) unsupported("unknown entity");
  return s.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff)) || code === 0xfffe || code === 0xffff) {
      unsupported("invalid character reference");
    }
    return String.fromCodePoint(code);
  });
}

/** Text content as saxes reports it: line ends normalised, then entities decoded. */
export function decodeText(raw: string): string {
  const s = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  return decodeEntities(s);
}

/** An attribute value as saxes reports it: line ends, then whitespace, normalised. */
function decodeAttr(raw: string): string {
  let s = raw;
  if (/[\r\n\t]/.test(s)) s = s.replace(/\r\n?/g, "\n").replace(/[\n\t]/g, " ");
  if (s.indexOf("<") >= 0) unsupported("< in an attribute value");
  return decodeEntities(s);
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttrs(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!src) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = ATTR.exec(src))) {
    if (src.slice(consumed, m.index).trim()) unsupported("malformed attributes");
    consumed = ATTR.lastIndex;
    if (m[1] in out) unsupported("duplicate attribute");
    out[m[1]] = decodeAttr(m[2] ?? m[3]);
  }
  if (src.slice(consumed).trim()) unsupported("malformed attributes");
  return out;
}

interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags: xml.slice(start, end), still encoded. */
  text?(xml: string, start: number, end: number): void;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * One pass over an XML document's tags and text, checking it is well formed enough that
 * saxes would read it the same way. Linear in the document's length.
 */
export function scanXml(xml: string, h: XmlHandler): string {
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: string[] = [];
  let root = "";
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (stack.length) h.text?.(xml, i, end);
      else if (xml.slice(i, end).trim()) unsupported("text outside the root element");
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) unsupported("unclosed processing instruction");
      i = e + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (!xml.startsWith("<!--", lt)) unsupported("CDATA or DOCTYPE");
      const e = xml.indexOf("-->", lt + 4);
      if (e < 0) unsupported("unclosed comment");
      i = e + 3;
      continue;
    }
    if (c === 47 /* / */) {
      const e = xml.indexOf(">", lt + 2);
      if (e < 0) unsupported("unclosed tag");
      const name = xml.slice(lt + 2, e).trimEnd();
      if (stack.pop() !== name) unsupported("mismatched close tag");
      h.close(name);
      i = e + 1;
      continue;
    }
    // An open tag: its name, then attributes up to the first '>' outside quotes.
    let j = lt + 1;
    while (j < n) {
      const d = xml.charCodeAt(j);
      if (isSpace(d) || d === 47 || d === 62) break;
      j++;
    }
    const name = xml.slice(lt + 1, j);
    if (!name) unsupported("empty tag name");
    let k = j;
    let quote = 0;
    for (; k < n; k++) {
      const d = xml.charCodeAt(k);
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === 34 || d === 39) quote = d;
      else if (d === 62) break;
    }
    if (k >= n) unsupported("unclosed tag");
    const selfClosing = xml.charCodeAt(k - 1) === 47 && k - 1 >= j;
    const attrs = xml.slice(j, selfClosing ? k - 1 : k);
    if (!stack.length) {
      if (root) unsupported("two root elements");
      root = name;
    }
    h.open(name, attrs, selfClosing);
    if (selfClosing) h.close(name);
    else stack.push(name);
    i = k + 1;
  }
  if (stack.length) unsupported("unclosed element");
  if (!root) unsupported("no root element");
  return root;
}

/** Checks a part's root: unprefixed and in the transitional namespace. */
function checkRoot(xml: string, expected: string): void {
  // Namespaces are declared on the root element, near the start.
  const head = xml.slice(0, 4096);
  if (head.includes("http://purl.oclc.org/ooxml/")) unsupported("strict OOXML");
  const m = /<([^\s?!/>]+)/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  if (!m || m[1] !== expected) unsupported(`root element is not <${expected}>`);
}

/** exceljs's utils.xmlDecode (applied by exceljs on top of the parser's decoding). */
function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** `_xHHHH_` escapes, as exceljs's TextXform decodes them (upper-case hex only). */
const unescapeX = (s: string) => (s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));

// ---- addresses -----------------------------------------------------------------------------

function lettersToCol(l: string): number {
  let n = 0;
  for (let i = 0; i < l.length; i++) n = n * 26 + (l.charCodeAt(i) - 64);
  return n;
}

function colToLetters(n: number): string {
  if (n < 1 || n > 16384) unsupported("column out of range");
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

const ADDRESS = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

function decodeAddress(a: string): { row: number; col: number } {
  const m = ADDRESS.exec(a);
  if (!m) return unsupported(`unusual cell reference ${a}`);
  const col = lettersToCol(m[1]);
  if (col > 16384) unsupported("column out of range");
  return { row: Number(m[2]), col };
}

/** exceljs's slideFormula: a shared formula's text moved from its master to another cell. */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  return formula.replace(CANDIDATE, (ref: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return ref;
    const m = CELL_REF.exec(addr);
    if (!m) return ref;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return ref;
    let col = lettersToCol(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += b.col - a.col;
    if (!m[3]) row += b.row - a.row;
    return (sheet || "") + (m[1] || "") + colToLetters(col) + (m[3] || "") + row;
  });
}

// ---- workbook parts ------------------------------------------------------------------------

async function partText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path) ?? zip.file("/" + path);
  return f ? f.async("string") : null;
}

interface SheetDef {
  name: string;
  id: number;
  state: string | undefined;
  rId: string | undefined;
}

function readWorkbook(xml: string): { sheets: SheetDef[]; date1904: boolean } {
  checkRoot(xml, "workbook");
  const sheets: SheetDef[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === "workbookPr") date1904 = parseAttrs(attrs).date1904 === "1";
      else if (name === "sheet") {
        const a = parseAttrs(attrs);
        if (a.name === undefined) unsupported("a sheet without a name");
        sheets.push({ name: xmlDecode(a.name), id: parseInt(a.sheetId, 10), state: a.state, rId: a["r:id"] });
      }
    },
    close() {},
  });
  return { sheets, date1904 };
}

function readRels(xml: string | null): Map<string, { target: string | undefined; type: string }> {
  const out = new Map<string, { target: string | undefined; type: string }>();
  if (xml === null) return out;
  checkRoot(xml, "Relationships");
  scanXml(xml, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const a = parseAttrs(attrs);
      out.set(a.Id, { target: a.Target, type: a.Type ?? "" });
    },
    close() {},
  });
  return out;
}

type RichRun = { text?: string };
type SharedString = string | { richText: RichRun[] };

function readSharedStrings(xml: string): SharedString[] {
  checkRoot(xml, "sst");
  const values: SharedString[] = [];
  // The state of exceljs's SharedStringXform for the current <si>.
  let model: { richText?: RichRun[] } | string | null = null;
  let run: RichRun | null = null;
  let text: string[] | null = null;
  let skip = 0; // depth inside <rPh> or <rPr>, whose text is not the string's
  let depth = 0; // <sst> is 1, <si> 2
  scanXml(xml, {
    open(name) {
      depth++;
      if (skip) {
        skip++;
        return;
      }
      if (depth === 1) return;
      if (depth === 2) {
        if (name !== "si") unsupported(`<${name}> in the shared strings`);
        model = {};
      } else if (text) unsupported("an element inside <t>");
      else if (name === "t") text = [];
      else if (name === "r" && depth === 3) run = {};
      else if (name === "rPh" && depth === 3) skip = 1;
      else if (name === "rPr" && run) skip = 1;
      else unsupported(`<${name}> in a shared string`);
    },
    close(name) {
      depth--;
      if (skip) {
        skip--;
        return;
      }
      if (name === "t" && text) {
        const t = unescapeX(text.join(""));
        text = null;
        if (run) run.text = t;
        else model = t;
      } else if (name === "r" && run) {
        // exceljs adds a run to a string already read from <t> by setting a property on a
        // string, which throws: that file is exceljs's to report.
        const m = model as { richText?: RichRun[] } | string | null;
        if (typeof m === "string" || m === null) return unsupported("runs after plain text");
        (m.richText ??= []).push(run);
        run = null;
      } else if (name === "si") {
        if (model === null || (typeof model === "object" && !model.richText)) unsupported("an empty shared string");
        values.push(model as SharedString);
        model = null;
      }
    },
    text(src, s, e) {
      if (text && !skip) text.push(decodeText(src.slice(s, e)));
    },
  });
  return values;
}

interface Styles {
  /** Number format of each cellXfs entry, or undefined when it has none. */
  formatOf(styleId: number): string | undefined;
}

/** exceljs's built-in number formats (defaultnumformats.js, the entries with a code). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const STYLE_LISTS = new Set(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"]);
const STYLE_OTHERS = new Set(["numFmt", "font", "fill", "border", "style", "cellStyles", "tableStyles", "extLst"]);

function readStyles(xml: string): Styles {
  checkRoot(xml, "styleSheet");
  const custom: Record<number, string> = {};
  const xfs: { numFmtId: number; fontId: number; fillId: number; borderId: number }[] = [];
  const counts: Record<string, number> = {};
  let list = ""; // the exceljs list being read
  let listDepth = 0;
  let skipDepth = 0;
  let depth = 0;
  scanXml(xml, {
    open(name, attrs) {
      depth++;
      if (skipDepth) return;
      if (list) {
        if (depth === listDepth + 1) {
          counts[list] = (counts[list] ?? 0) + 1;
          if (list === "numFmts" && name === "numFmt") {
            const a = parseAttrs(attrs);
            if (a.formatCode === undefined) unsupported("a number format without a code");
            custom[parseInt(a.numFmtId, 10)] = a.formatCode.replace(/[\\](.)/g, "$1");
          } else if (list === "cellXfs" && name === "xf") {
            const a = parseAttrs(attrs);
            xfs.push({
              numFmtId: parseInt(a.numFmtId, 10),
              fontId: parseInt(a.fontId, 10),
              fillId: parseInt(a.fillId, 10),
              borderId: parseInt(a.borderId, 10),
            });
          } else if (list === "numFmts" || list === "cellXfs") unsupported(`<${name}> in <${list}>`);
        }
        return;
      }
      if (depth === 1) return;
      if (STYLE_LISTS.has(name)) {
        list = name;
        listDepth = depth;
        counts[name] = 0;
      } else if (STYLE_OTHERS.has(name)) skipDepth = depth;
    },
    close() {
      if (skipDepth === depth) skipDepth = 0;
      else if (list && depth === listDepth) list = "";
      depth--;
    },
  });
  const has = (l: string) => (counts[l] ?? 0) > 0;
  const cache = new Map<number, string | undefined>();
  return {
    formatOf(id) {
      if (cache.has(id)) return cache.get(id);
      // exceljs keeps no cellXfs list when it is empty, and then fails on any styled cell.
      if (!has("cellXfs")) unsupported("styled cells without cellXfs");
      const xf = xfs[id];
      let fmt: string | undefined;
      if (xf) {
        // exceljs looks a style's font, border and fill up in lists that may be missing.
        const broken = (v: number, l: string) => (v || v === 0) && !has(l);
        if (broken(xf.fontId, "fonts") || broken(xf.borderId, "borders") || broken(xf.fillId, "fills")) {
          unsupported("a style pointing at a missing list");
        }
        if (xf.numFmtId) fmt = custom[xf.numFmtId] || BUILT_IN_FORMATS[xf.numFmtId] || undefined;
      }
      cache.set(id, fmt);
      return fmt;
    },
  };
}

// ---- sheets --------------------------------------------------------------------------------

/** What exceljs's CellXform holds for one <c>, before reconciling. */
interface RawCell {
  address: string | undefined;
  t: string | undefined;
  styleId: number | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
  value: string | { richText: RichRun[] } | undefined;
}

interface Context {
  date1904: boolean;
  styles: Styles | null;
  strings: SharedString[] | null;
}

/** Top-level worksheet elements exceljs reads with a parser of its own (and so skips over). */
const SHEET_PARSED = new Set([
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "rowBreaks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "conditionalFormatting",
  "extLst",
]);

type Val = string | number | boolean | Date | { error: string } | { richText: RichRun[] } | undefined;

interface ReadCell {
  row: number;
  col: number;
  address: string;
  formulaCell: boolean;
  value: Val;
  numFmt: string | undefined;
  formula: string | undefined;
  sharedFormula: string | undefined;
  hyperlink: boolean;
}

const plain = (v: { richText: RichRun[] }) => v.richText.map((r) => r.text ?? "").join("");

/** The snapshot's value and error for what exceljs's `cell.value` (or a result) would be. */
function scalarOf(v: Val, out: Cell): void {
  if (v === null || v === undefined) return;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") out.value = v;
  else if (v instanceof Date) out.value = dateToSerial(v);
  else if ("error" in v) out.error = String(v.error);
  else out.value = plain(v);
}

function snapshotSheetXml(
  xml: string,
  name: string,
  visibility: Visibility,
  ctx: Context,
  requireRel: (rId: string) => void,
): { sheet: SheetSnapshot; links: string[] } {
  checkRoot(xml, "worksheet");
  const rows = new Map<number, Map<number, RawCell | null>>();
  const mergeRefs: string[] = [];
  const links: string[] = [];
  let protectedSheet = false;

  let depth = 0;
  let skipTo = 0; // close the skipped element at this depth
  let section = ""; // sheetData | mergeCells | hyperlinks
  let sectionDepth = 0;
  let row: Map<number, RawCell | null> | null = null;
  let rowNumber = 0;
  let prevCol = 0;
  let cell: RawCell | null = null;
  let cellDepth = 0;
  let current: "f" | "v" | "t" | undefined;
  let run: RichRun | null = null;
  let runDepth = 0;
  let runText: string[] | null = null;
  let runSkip = 0;

  const bare: [string, number][] = [];
  let sawNoRef = false;
  const endCell = (c: RawCell) => {
    // exceljs's CellXform.parseClose: a cell with neither value nor formula is Null when
    // styled and "Merge" otherwise; Merge cells are not added to the row at all.
    const isFormula = Boolean(c.formula || c.shareType);
    if (!isFormula && c.value === undefined && !c.styleId) {
      // ...unless a hyperlink turns it into a Hyperlink cell first (hyperlinks come later).
      if (c.address !== undefined) bare.push([c.address, rowNumber]);
      return;
    }
    if (c.address === undefined) sawNoRef = true;
    let col: number;
    if (c.address !== undefined) {
      const a = decodeAddress(c.address);
      if (a.row !== rowNumber) unsupported("a cell outside its row");
      col = a.col;
    } else {
      if (!prevCol) unsupported("a cell without a reference at the start of a row");
      if (isFormula) unsupported("a formula cell without a reference");
      col = prevCol + 1;
      if (col > 16384) unsupported("column out of range");
    }
    prevCol = col;
    if (row!.has(col)) unsupported("two cells at one place");
    row!.set(col, c);
  };

  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      depth++;
      if (skipTo) return;
      if (cell) {
        if (run) {
          if (runSkip) runSkip++;
          else if (tag === "t") runText = [];
          else if (tag === "rPr" && depth === runDepth + 1) runSkip = 1;
          else unsupported(`<${tag}> in a rich-text run`);
          return;
        }
        if (current) unsupported(`<${tag}> inside <${current}>`);
        switch (tag) {
          case "f": {
            const a = parseAttrs(attrs);
            current = "f";
            cell.si = a.si;
            cell.shareType = a.t;
            cell.ref = a.ref;
            break;
          }
          case "v":
            current = "v";
            break;
          case "t":
            if (typeof cell.value === "object") unsupported("text after rich text in a cell");
            current = "t";
            break;
          case "r":
            if (typeof cell.value === "string") unsupported("rich text after text in a cell");
            run = {};
            runDepth = depth;
            break;
          case "is":
            break;
          default:
            unsupported(`<${tag}> in a cell`);
        }
        if (selfClosing && current) current = undefined;
        return;
      }
      if (section === "sheetData") {
        if (depth === sectionDepth + 1) {
          if (tag !== "row") unsupported(`<${tag}> in sheetData`);
          const r = parseAttrs(attrs).r;
          rowNumber = Number(r);
          if (!r || !/^[1-9][0-9]{0,6}$/.test(r)) unsupported("a row without a usable number");
          // exceljs keeps the last of two rows with one number, but has read both.
          if (rows.has(rowNumber)) unsupported("two rows with one number");
          row = new Map();
          rows.set(rowNumber, row);
          prevCol = 0;
        } else if (depth === sectionDepth + 2) {
          if (tag !== "c") unsupported(`<${tag}> in a row`);
          const a = parseAttrs(attrs);
          cell = {
            address: a.r,
            t: a.t,
            styleId: a.s ? parseInt(a.s, 10) : undefined,
            formula: undefined,
            shareType: undefined,
            si: undefined,
            ref: undefined,
            value: undefined,
          };
          cellDepth = depth;
          if (selfClosing) {
            endCell(cell);
            cell = null;
          }
        } else unsupported("unexpected nesting in sheetData");
        return;
      }
      if (section === "mergeCells" || section === "hyperlinks") {
        if (depth !== sectionDepth + 1) unsupported(`nesting in ${section}`);
        const a = parseAttrs(attrs);
        if (section === "mergeCells") {
          if (tag !== "mergeCell") unsupported(`<${tag}> in mergeCells`);
          if (a.ref === undefined) unsupported("a merge without a range");
          mergeRefs.push(a.ref);
        } else {
          if (tag !== "hyperlink") unsupported(`<${tag}> in hyperlinks`);
          if (a["r:id"]) {
            requireRel(a["r:id"]);
            links.push(a.ref);
          }
        }
        return;
      }
      if (depth === 1) return;
      if (tag === "drawing" || tag === "tablePart") {
        // exceljs looks up a drawing's and each table's relationship and fails when it is missing.
        const id = parseAttrs(attrs)["r:id"];
        if (id !== undefined) requireRel(id);
        skipTo = depth;
      } else if (tag === "sheetData" || tag === "mergeCells" || tag === "hyperlinks") {
        section = tag;
        sectionDepth = depth;
      } else if (tag === "sheetProtection") {
        protectedSheet = parseAttrs(attrs).sheet === "1";
        skipTo = depth;
      } else if (tag === "legacyDrawing" || tag === "legacyDrawingHF") {
        // exceljs ignores these; their notes need the relationships checked below.
      } else if (SHEET_PARSED.has(tag)) skipTo = depth;
    },
    close(tag) {
      if (skipTo) {
        if (depth === skipTo) skipTo = 0;
        depth--;
        return;
      }
      if (cell) {
        if (run) {
          if (runSkip) runSkip--;
          else if (tag === "t" && runText) {
            run.text = unescapeX(runText.join(""));
            runText = null;
          } else if (depth === runDepth) {
            const v = (cell.value ??= { richText: [] }) as { richText: RichRun[] };
            v.richText.push(run);
            run = null;
          }
        } else if (depth === cellDepth) {
          endCell(cell);
          cell = null;
        } else if (tag === "f" || tag === "v" || tag === "t") current = undefined;
      } else if (section && depth === sectionDepth) section = "";
      depth--;
    },
    text(src, s, e) {
      if (!cell) return;
      if (run) {
        if (runText && !runSkip) runText.push(decodeText(src.slice(s, e)));
        return;
      }
      if (!current) return;
      const t = decodeText(src.slice(s, e));
      if (current === "f") cell.formula = (cell.formula ?? "") + t;
      else cell.value = ((cell.value as string | undefined) ?? "") + t;
    },
  });

  // ---- reconcile, as exceljs's CellXform.reconcile does, in document order ----
  const linkSet = new Set(links);
  if (linkSet.size) {
    // A linked bare cell is added to its row, which moves any later cell without a reference.
    if (sawNoRef) unsupported("hyperlinks on a sheet with cells without references");
    for (const [address, r] of bare) {
      if (!linkSet.has(address)) continue;
      const a = decodeAddress(address);
      const cells = rows.get(r)!;
      if (a.row !== r || cells.has(a.col)) unsupported("an unusual linked cell");
      cells.set(a.col, { address, t: undefined, styleId: undefined, formula: undefined, shareType: undefined, si: undefined, ref: undefined, value: undefined });
    }
  }
  const formulae: Record<string, string | undefined> = {};
  const read: ReadCell[] = [];
  // Document order matters for shared formulas: rows are visited in the order they were
  // met, which Map iteration keeps.
  const byAddress = new Map<string, ReadCell>();
  for (const [r, cells] of rows) {
    for (const [col, c] of cells) {
      if (!c) continue;
      const out = reconcileCell(c, r, col, ctx, formulae, linkSet);
      byAddress.set(out.address, out);
      read.push(out);
    }
  }
  read.sort((a, b) => a.row - b.row || a.col - b.col);

  // ---- merges (exceljs's mergeCellsWithoutStyle) ----
  const merges: Merge[] = [];
  for (const ref of mergeRefs) {
    const parts = ref.split(":");
    if (parts.length > 2) unsupported("an unusual merge range");
    const a = decodeAddress(parts[0]);
    const b = parts.length === 2 ? decodeAddress(parts[1]) : a;
    if (b.row < a.row || b.col < a.col) unsupported("a reversed merge range");
    merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);
  // exceljs refuses overlapping merges; that file is exceljs's to report.
  for (let i = 0; i < merges.length; i++) {
    for (let j = i + 1; j < merges.length && merges[j].top <= merges[i].bottom; j++) {
      const p = merges[i];
      const q = merges[j];
      if (q.left <= p.right && q.right >= p.left) unsupported("overlapping merges");
    }
  }
  /** Merged-over cells by row: exceljs turns them into Merge cells, which read as nothing. */
  const covered = new Map<number, Merge[]>();
  let usedRows = 0;
  let usedCols = 0;
  for (const m of merges) {
    if (m.bottom === m.top && m.right === m.left) continue;
    usedRows = Math.max(usedRows, m.bottom);
    usedCols = Math.max(usedCols, m.right);
    for (let r = m.top; r <= m.bottom; r++) {
      const list = covered.get(r);
      if (list) list.push(m);
      else covered.set(r, [m]);
    }
  }
  const isCovered = (r: number, c: number) =>
    covered.get(r)?.some((m) => c >= m.left && c <= m.right && (r > m.top || c > m.left)) ?? false;

  const cells: Cell[] = [];
  for (const c of read) {
    if (c.formulaCell && !c.hyperlink && c.value instanceof Date && Number.isNaN(c.value.getTime())) {
      // read.ts finds the sheet's part by a name it decodes once, exceljs twice.
      if (name.includes("&")) unsupported("a result to repair on a sheet whose name has an &");
      repairResult(c, xml);
    }
  }
  for (const c of read) {
    if (isCovered(c.row, c.col)) continue;
    // The used range counts every cell exceljs holds that is not Null.
    if (c.value !== undefined || c.formulaCell || c.hyperlink) {
      usedRows = Math.max(usedRows, c.row);
      usedCols = Math.max(usedCols, c.col);
    }
    const out = toSnapshotCell(c, byAddress, isCovered);
    if (out) cells.push(out);
  }

  return {
    sheet: {
      name,
      visibility,
      cells,
      merges,
      usedRange: { rows: usedRows, cols: usedCols },
      protected: protectedSheet,
    },
    links,
  };
}

/**
 * read.ts's repairFormulaResults for one cell: exceljs made an Invalid Date of a
 * date-formatted formula's result, and read.ts takes the result back from the XML with this
 * same pattern (so the same cells are found, or not).
 */
function repairResult(c: ReadCell, xml: string): void {
  // Setting the value again drops a shared formula's address in exceljs, which then fails.
  if (!c.formula) unsupported("a shared formula's result under a date format that is not a number");
  const m = new RegExp(`<c r="${c.address}"([^>]*?)(?<!/)>([\\s\\S]*?)</c>`).exec(xml);
  const t = m ? /\bt="([^"]+)"/.exec(m[1])?.[1] : undefined;
  const raw = m ? /<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1] : undefined;
  let result: Val = undefined;
  if (raw !== undefined) {
    const text = unescapeXml(raw);
    if (t === "e") result = { error: text };
    else if (t === "str" || t === "inlineStr") result = text;
    else if (t === "b") result = text === "1";
    else result = Number(text);
  }
  c.value = result;
}

/** read.ts's unescapeXml. */
const unescapeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function reconcileCell(
  c: RawCell,
  row: number,
  col: number,
  ctx: Context,
  formulae: Record<string, string | undefined>,
  links: Set<string>,
): ReadCell {
  const address = c.address ?? colToLetters(col) + row;
  const numFmt = c.styleId && ctx.styles ? ctx.styles.formatOf(c.styleId) : undefined;
  const isFormula = Boolean(c.formula || c.shareType);
  const t = c.t;
  if (t !== undefined && !["s", "str", "inlineStr", "b", "e", "n"].includes(t)) unsupported(`cell type ${t}`);
  let value: Val;
  let sharedFormula: string | undefined;
  if (isFormula) {
    if (typeof c.value === "object") unsupported("rich text as a formula result");
    const v = c.value as string | undefined;
    if (v) {
      if (t === "str") value = xmlDecode(v);
      else if (t === "b") value = parseInt(v, 10) !== 0;
      else if (t === "e") value = { error: v };
      else value = parseFloat(v);
    }
    if (value !== undefined && isDateFmt(numFmt)) {
      // exceljs makes a Date of any result under a date format (`-` coerces as here).
      value = excelToDate(Number(value as number), ctx.date1904);
    }
    if (c.shareType === "shared") {
      if (c.ref) formulae[c.si as string] = c.address;
      else sharedFormula = formulae[c.si as string];
    }
  } else if (c.value !== undefined) {
    const v = c.value;
    if (typeof v === "object") {
      if (t !== "inlineStr") unsupported("rich text in a cell that is not an inline string");
      value = v;
    } else if (t === "s") {
      if (!ctx.strings) unsupported("a shared string without a shared strings part");
      const s = ctx.strings![parseInt(v, 10)];
      if (s === undefined) unsupported("a shared string index out of range");
      value = s;
    } else if (t === "str") value = xmlDecode(v);
    else if (t === "inlineStr") value = v;
    else if (t === "b") value = parseInt(v, 10) !== 0;
    else if (t === "e") value = { error: v };
    else {
      value = parseFloat(v);
      if (isDateFmt(numFmt)) value = excelToDate(value, ctx.date1904);
    }
  }
  return {
    row,
    col,
    address,
    formulaCell: isFormula,
    value,
    numFmt,
    formula: isFormula ? c.formula : undefined,
    sharedFormula,
    hyperlink: c.address !== undefined && links.has(c.address),
  };
}

/** read.ts's readCell, over what exceljs would hold for the cell. */
function toSnapshotCell(c: ReadCell, byAddress: Map<string, ReadCell>, isCovered: (row: number, col: number) => boolean): Cell | null {
  const out: Cell = { row: c.row, col: c.col, value: null };
  if (c.numFmt) out.format = c.numFmt;
  if (c.hyperlink) {
    // A linked cell becomes exceljs's Hyperlink value: its text, as a string, and no formula.
    const v = c.value;
    if (v === null || v === undefined) out.value = "";
    else if (typeof v === "object" && "richText" in v) out.value = plain(v);
    else out.value = String(v);
    return out;
  }
  if (c.formulaCell) {
    let formula = c.formula;
    if (!formula && c.sharedFormula) {
      const master = byAddress.get(c.sharedFormula);
      // exceljs fails on a master it cannot find, or one merged over (it has no formula then).
      if (!master || !master.formulaCell || !master.formula || master.hyperlink || isCovered(master.row, master.col)) {
        unsupported("a shared formula without its master");
      }
      formula = slideFormula(master!.formula!, master!.address, c.address);
    }
    if (formula) out.formula = formula.replace(/^=/, "");
    // exceljs's formula value keeps only a truthy result; read.ts takes the others back
    // from the XML afterwards, on both paths alike.
    if (c.value) scalarOf(c.value, out);
    return out;
  }
  if (c.value === undefined) return null; // a styled empty cell (exceljs's Null)
  scalarOf(c.value, out);
  return out;
}

/** exceljs's parts for one sheet path, by the number in `sheetN.xml`. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * The snapshot exceljs's path would give, or null where only that path can say (the caller
 * then loads with exceljs). Zip-level failures (a truncated part) also give null: the
 * exceljs path reports them with the usual message.
 */
export async function fastSnapshot(zip: JSZip): Promise<WorkbookSnapshot | null> {
  try {
    return await build(zip);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    // Anything else (a part that fails to inflate, a bug here) is left to the exceljs path,
    // which gives the user the same message it always has.
    return null;
  }
}

/** Why the fast reader handed a package back, for tests. */
export async function fastSnapshotOrReason(zip: JSZip): Promise<WorkbookSnapshot | string> {
  try {
    return await build(zip);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function build(zip: JSZip): Promise<WorkbookSnapshot> {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const norm = (n: string) => (n.startsWith("/") ? n.slice(1) : n);
  const present = new Set(names.map(norm));
  const wbXml = await partText(zip, "xl/workbook.xml");
  if (wbXml === null) unsupported("no workbook part");
  const { sheets, date1904 } = readWorkbook(wbXml!);
  const rels = readRels(await partText(zip, "xl/_rels/workbook.xml.rels"));

  // Which sheets exceljs keeps, where their parts are, in tab order.
  const ids = new Set<number>();
  const used = new Set<string>();
  const plan: { def: SheetDef; path: string; sheetNo: string }[] = [];
  for (const def of sheets) {
    if (!Number.isInteger(def.id) || def.id < 1 || ids.has(def.id)) unsupported("unusual sheet ids");
    ids.add(def.id);
    const rel = def.rId === undefined ? undefined : rels.get(def.rId);
    if (!rel) continue; // exceljs drops a sheet without a relationship
    if (rel.target === undefined) unsupported("a relationship without a target");
    const path = `xl/${rel.target!.replace(/^(\s|\/xl\/)+/, "")}`;
    const m = WORKSHEET_PART.exec(path);
    if (!m || !present.has(path)) {
      // exceljs skips chart sheets and missing parts; anything between is left to it.
      if (/worksheets/i.test(path)) unsupported(`an unusual sheet path ${path}`);
      continue;
    }
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path) || used.has(path)) unsupported(`an unusual sheet path ${path}`);
    used.add(path);
    plan.push({ def, path, sheetNo: m[1] });
  }
  // exceljs reads every worksheet part, referenced or not, and may fail on any of them.
  for (const n of present) if (WORKSHEET_PART.test(n) && !used.has(n)) unsupported(`an unreferenced sheet part ${n}`);

  const stylesXml = await partText(zip, "xl/styles.xml");
  const stringsXml = await partText(zip, "xl/sharedStrings.xml");
  const ctx: Context = {
    date1904,
    styles: stylesXml === null ? null : readStyles(stylesXml),
    strings: stringsXml === null ? null : readSharedStrings(stringsXml),
  };

  const out: SheetSnapshot[] = [];
  for (const { def, path, sheetNo } of plan) {
    const xml = (await partText(zip, path))!;
    const sheetRels = readRels(await partText(zip, `xl/worksheets/_rels/sheet${sheetNo}.xml.rels`));
    checkSheetRels(sheetRels, present);
    const visibility: Visibility = def.state === "veryHidden" ? "veryHidden" : def.state === "hidden" ? "hidden" : "visible";
    const { sheet } = snapshotSheetXml(xml, def.name, visibility, ctx, (rId) => {
      // exceljs looks the target up and fails when the relationship is missing.
      if (!sheetRels.get(rId)) unsupported("a link, drawing or table without its relationship");
    });
    out.push(sheet);
  }
  return { sheets: out };
}

/**
 * exceljs joins a sheet's notes, drawings and tables to their parts while loading and fails
 * when one is missing; such a sheet is left to it.
 */
function checkSheetRels(rels: Map<string, { target: string | undefined; type: string }>, present: Set<string>): void {
  for (const { target, type } of rels.values()) {
    const kind = type.slice(type.lastIndexOf("/") + 1);
    if (kind === "hyperlink" || kind === "printerSettings" || kind === "image") continue;
    if (target === undefined) unsupported("a relationship without a target");
    let part: string | null = null;
    if (kind === "comments") part = /^\.\.\/(comments\d+)\.xml$/.exec(target!)?.[1] ? `xl/${target!.slice(3)}` : null;
    else if (kind === "vmlDrawing") part = /^\.\.\/drawings\/vmlDrawing\d+\.vml$/.test(target!) ? `xl/${target!.slice(3)}` : null;
    else if (kind === "drawing") part = /^\.\.\/drawings\/[a-zA-Z0-9]+\.xml$/.test(target!) ? `xl/${target!.slice(3)}` : null;
    else if (kind === "table") part = /^\.\.\/tables\/table\d+\.xml$/.test(target!) ? `xl/${target!.slice(3)}` : null;
    else unsupported(`a sheet relationship of type ${kind}`);
    if (!part || !present.has(part)) unsupported(`a missing part for a sheet's ${kind}`);
  }
}

/**
 * An .xlsx file's bytes → exceljs Workbook + the engine's WorkbookSnapshot + what exceljs
 * would lose on rewriting it. Browser-safe: bytes in, no Node APIs. Every failure a user
 * can cause is a HostError whose message names the file and says what to do.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Cell, Merge, SheetSnapshot, Visibility, WorkbookSnapshot } from "../../core/snapshot";
import { HostError } from "../host";
import { dateToSerial, fastSnapshot } from "./fast-snapshot";
import { a1 } from "../../core/grid";
import { inspectZip, type PackageInspection } from "./legacy-inspection";

export { dateToSerial };

export interface LoadedWorkbook {
  fileName: string;
  /** The original bytes, untouched. */
  bytes: Uint8Array;
  /**
   * The exceljs model. A workbook loaded to be checked may have been read without one
   * (fast-snapshot.ts): reading this property then throws; load with purpose `build`.
   */
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  inspection: PackageInspection;
  /**
   * False when loaded only to be checked: the package was not inspected and in-document
   * links were not carried into `workbook`, so it must not be written back.
   */
  rewritable: boolean;
}

export interface LoadOptions {
  /**
   * `check` reads the cells only, skipping the work that only a rewrite needs (the package
   * inspection and carrying in-document links over): a check costs little more than
   * exceljs's own load. Default `build`.
   */
  purpose?: "check" | "build";
  /**
   * For a check, read with exceljs even where the fast reader could (tests compare the two;
   * the benchmark measures both). Default false.
   */
  exceljsOnly?: boolean;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when `name` appears in the bytes as UTF-16LE (how CFB directory entries store names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern: number[] = [];
  for (const ch of name) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function asciiStart(bytes: Uint8Array, n = 2048): string {
  let s = "";
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** What a file that is not a zip looks like, for the message. */
function describeNonZip(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, CFB_MAGIC)) {
    // Office wraps an encrypted .xlsx in a compound file with an EncryptionInfo stream.
    if (hasUtf16Name(bytes, "EncryptionInfo")) {
      return `${fileName} is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again.`;
    }
    if (hasUtf16Name(bytes, "Workbook") || hasUtf16Name(bytes, "Book")) {
      return `${fileName} is an Excel 97-2003 .xls file; open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
    }
    return `${fileName} is an older Office file, not an Excel workbook (.xlsx).`;
  }
  const head = asciiStart(bytes).replace(/^\uFEFF|^\xEF\xBB\xBF/, "");
  const trimmed = head.trimStart();
  if (trimmed.startsWith("%PDF")) return `${fileName} is not an Excel workbook (.xlsx): it is a PDF file.`;
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) {
    return `${fileName} is an Excel 2003 XML spreadsheet; open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
  }
  if (/^<(!doctype html|html|table)/i.test(trimmed)) {
    return `${fileName} is not an Excel workbook (.xlsx): it looks like a web page (HTML).`;
  }
  if (trimmed.startsWith("<?xml") || trimmed.startsWith("<")) {
    return `${fileName} is not an Excel workbook (.xlsx): it looks like an XML file.`;
  }
  let printable = 0;
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  if (sample.length > 0 && printable / sample.length > 0.95) {
    return `${fileName} is not an Excel workbook (.xlsx): it looks like a CSV/text file. Open it in Excel and save it as an Excel Workbook (.xlsx).`;
  }
  return `${fileName} is not an Excel workbook (.xlsx).`;
}

/** A zip that opened but is not a spreadsheet package. */
function describeOtherZip(zip: JSZip, fileName: string): string | null {
  const has = (p: string) => zip.file(p) !== null;
  if (has("xl/workbook.xml")) return null;
  if (has("xl/workbook.bin")) {
    return `${fileName} is an Excel binary workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
  }
  if (has("word/document.xml")) return `${fileName} is a Word document, not an Excel workbook (.xlsx).`;
  if (has("ppt/presentation.xml")) return `${fileName} is a PowerPoint presentation, not an Excel workbook (.xlsx).`;
  if (has("content.xml") && has("mimetype")) {
    return `${fileName} is an OpenDocument spreadsheet (.ods); open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
  }
  return `${fileName} is a zip file, not an Excel workbook (.xlsx).`;
}

const damaged = (fileName: string) =>
  `${fileName} is damaged and cannot be read (the file is truncated or corrupt). If it opens in Excel, save it again as an Excel Workbook (.xlsx) and try again.`;

/** Opens the zip or says, in plain words, what the file is instead. */
async function openZip(bytes: Uint8Array, fileName: string): Promise<JSZip> {
  if (bytes.length === 0) throw new HostError(`${fileName} is empty (0 bytes): it is not an Excel workbook.`);
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  if (!isZip) throw new HostError(describeNonZip(bytes, fileName));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new HostError(damaged(fileName));
  }
  const other = describeOtherZip(zip, fileName);
  if (other) throw new HostError(other);
  // A part whose data is truncated or corrupt fails when it is inflated, inside exceljs's
  // load: loadWorkbook turns that into the same "damaged" message. (Inflating every part
  // here first would double the cost of every read.)
  return zip;
}

// ---- snapshot ------------------------------------------------------------------------------
// (dateToSerial lives in fast-snapshot.ts, so both readers share one conversion.)

function richTextToPlain(v: unknown): string {
  if (v && typeof v === "object" && "richText" in v) {
    return ((v as ExcelJS.CellRichTextValue).richText ?? []).map((r) => r.text ?? "").join("");
  }
  return v === null || v === undefined ? "" : String(v);
}

type Scalar = Pick<Cell, "value" | "error">;

/** A value or a formula's cached result → the snapshot's value (and error). */
function scalar(v: unknown): Scalar {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: dateToSerial(v) };
  if (typeof v === "object") {
    if ("error" in v) return { value: null, error: String((v as ExcelJS.CellErrorValue).error) };
    if ("richText" in v) return { value: richTextToPlain(v) };
    if ("text" in v && "hyperlink" in v) return { value: richTextToPlain((v as ExcelJS.CellHyperlinkValue).text) };
  }
  return { value: String(v) };
}

function readCell(cell: ExcelJS.Cell, row: number, col: number): Cell | null {
  const t = cell.type;
  if (t === ExcelJS.ValueType.Null || t === ExcelJS.ValueType.Merge) return null;
  const out: Cell = { row, col, value: null };
  const fmt = cell.numFmt;
  if (fmt) out.format = fmt;
  if (t === ExcelJS.ValueType.Formula) {
    const v = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    // `cell.formula` also gives a shared formula's own text, translated to this cell.
    const formula = cell.formula ?? ("formula" in v ? v.formula : undefined);
    if (formula) out.formula = formula.replace(/^=/, "");
    Object.assign(out, scalar(v.result));
  } else {
    Object.assign(out, scalar(cell.value));
  }
  if (out.error === undefined) delete out.error;
  return out;
}

function visibilityOf(ws: ExcelJS.Worksheet): Visibility {
  if (ws.state === "veryHidden") return "veryHidden";
  if (ws.state === "hidden") return "hidden";
  return "visible";
}

/** exceljs keeps merges in `_merges` (Range objects); `model.merges` would rebuild every row. */
function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model: Merge }> })._merges ?? {};
  return Object.values(internal)
    .map((r) => ({ top: r.model.top, left: r.model.left, bottom: r.model.bottom, right: r.model.right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

export function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: Cell[] = [];
  // eachRow and eachCell skip absent rows and cells, so the cost follows the data, never
  // the used range.
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = readCell(cell, rowNumber, colNumber);
      if (c) cells.push(c);
    });
  });
  const dims = ws.dimensions as unknown as { model?: { bottom: number; right: number } } | undefined;
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return {
    name: ws.name,
    visibility: visibilityOf(ws),
    cells,
    merges: mergesOf(ws),
    usedRange: { rows: dims?.model?.bottom ?? 0, cols: dims?.model?.right ?? 0 },
    protected: Boolean(protection?.sheet),
  };
}

export function snapshotWorkbook(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  // `worksheets` is in tab order (exceljs sorts by the order in workbook.xml).
  return { sheets: workbook.worksheets.map(snapshotSheet) };
}

/**
 * Marks an in-document hyperlink target while exceljs holds it. exceljs 4.4 reads a
 * hyperlink only through a relationship, so Excel's own in-document links (a `location`
 * and no relationship) would be lost on a rewrite; and it writes every link with an
 * external relationship. So links are handed to exceljs as relationships to
 * `INTERNAL_LINK + location`, and write.ts's fixPackage turns them back into locations.
 */
export const INTERNAL_LINK = "#board-summary-internal:";

export const unescapeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
export const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Gives each in-document hyperlink of a sheet a marked relationship exceljs will read. */
async function markInternalLinks(zip: JSZip, sheetPath: string): Promise<boolean> {
  const xml = await zip.file(sheetPath)!.async("string");
  if (!/<hyperlink\b[^>]*\blocation="/.test(xml)) return false;
  const relsPath = sheetPath.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/") + ".rels";
  const relsFile = zip.file(relsPath);
  let rels = relsFile
    ? await relsFile.async("string")
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target !== undefined) targets.set(id, unescapeXml(target));
  }
  let n = 0;
  const added: string[] = [];
  const fixed = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const loc = /\blocation="([^"]*)"/.exec(tag);
    if (!loc) return tag;
    const location = unescapeXml(loc[1]);
    const rid = /\sr:id="([^"]+)"/.exec(tag);
    // A relationship of its own means a link into another file (location is the place in
    // it), except where exceljs wrote the location itself as the target.
    if (rid && targets.get(rid[1]) !== location) return tag;
    const id = `rIdBsLink${++n}`;
    added.push(
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(INTERNAL_LINK + location)}" TargetMode="External"/>`,
    );
    const bare = tag.replace(/\sr:id="[^"]+"/, "").replace(loc[0], "");
    return bare.replace(/^<hyperlink\b/, `<hyperlink r:id="${id}"`);
  });
  if (!added.length) return false;
  // A function replacer: sheet names in the targets may hold `$&` or `$\``, which a
  // replacement string would expand.
  rels = rels.replace("</Relationships>", () => `${added.join("")}</Relationships>`);
  zip.file(sheetPath, fixed);
  zip.file(relsPath, rels);
  return true;
}

/**
 * The package as exceljs can read it without loss: in-document links marked (above), and
 * table columns' child elements (a calculated column's or custom total's formula, on
 * which exceljs 4.4 fails) dropped. The latter only matters for reading: such a workbook
 * is never rewritten (package.ts reports those tables).
 */
async function readableByExceljs(zip: JSZip, bytes: Uint8Array, links = true): Promise<Uint8Array> {
  let changed = false;
  for (const path of Object.keys(zip.files)) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) {
      if (!links) continue;
      if (await markInternalLinks(zip, path)) changed = true;
    } else if (/^xl\/tables\/table\d+\.xml$/.test(path)) {
      const xml = await zip.file(path)!.async("string");
      const fixed = xml.replace(/<tableColumn\b([^>]*?)(?<!\/)>[\s\S]*?<\/tableColumn>/g, "<tableColumn$1/>");
      if (fixed !== xml) {
        zip.file(path, fixed);
        changed = true;
      }
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array" }) : bytes;
}

/** Opens an .xlsx package with exceljs, without the losses readableByExceljs works round. */
export async function openWithExceljs(bytes: Uint8Array, opened?: JSZip, links = true): Promise<ExcelJS.Workbook> {
  const zip = opened ?? (await JSZip.loadAsync(bytes));
  const workbook = new ExcelJS.Workbook();
  // exceljs's load takes a Buffer in its typings; a Uint8Array works in Node and browsers.
  await workbook.xlsx.load((await readableByExceljs(zip, bytes, links)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

/** Each sheet's package path, by sheet name, from workbook.xml and its relationships. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const wbXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const relsXml = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id && targets.get(id);
    if (name !== undefined && path) out.set(unescapeXml(name), path);
  }
  return out;
}

const isInvalidDate = (v: unknown) => v instanceof Date && Number.isNaN(v.getTime());

/**
 * exceljs 4.4 turns a formula's cached result into a Date whenever the cell has a date
 * format, so an error (`=DATE(2024,3,#REF!)`) or text result becomes an Invalid Date: the
 * error is lost to the checks, and rewriting would put `NaN` in the file. The true result
 * is taken back from the sheet's XML.
 */
async function repairFormulaResults(workbook: ExcelJS.Workbook, zip: JSZip): Promise<void> {
  let paths: Map<string, string> | null = null;
  for (const ws of workbook.worksheets) {
    const broken: ExcelJS.Cell[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula && isInvalidDate((cell.value as ExcelJS.CellFormulaValue).result)) broken.push(cell);
      }),
    );
    if (!broken.length) continue;
    paths ??= await sheetPaths(zip);
    const path = paths.get(ws.name);
    const xml = path ? await zip.file(path)?.async("string") : undefined;
    for (const cell of broken) {
      const m = xml && new RegExp(`<c r="${cell.address}"([^>]*?)(?<!/)>([\\s\\S]*?)</c>`).exec(xml);
      const t = m ? /\bt="([^"]+)"/.exec(m[1])?.[1] : undefined;
      const raw = m ? /<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1] : undefined;
      let result: ExcelJS.CellFormulaValue["result"] = undefined;
      if (raw !== undefined) {
        const text = unescapeXml(raw);
        if (t === "e") result = { error: text as ExcelJS.CellErrorValue["error"] };
        else if (t === "str" || t === "inlineStr") result = text;
        else if (t === "b") result = text === "1";
        else result = Number(text);
      }
      cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result };
    }
  }
}

/** A workbook read for checking only, without an exceljs model. */
function checkedOnly(fileName: string, bytes: Uint8Array, snapshot: WorkbookSnapshot): LoadedWorkbook {
  const loaded = { fileName, bytes, snapshot, inspection: { unsupportedParts: [] }, rewritable: false } as Omit<LoadedWorkbook, "workbook">;
  return Object.defineProperty(loaded, "workbook", {
    enumerable: false,
    get(): never {
      throw new Error(`${fileName} was read for checking only, without its workbook model; load it with purpose "build" to write to it.`);
    },
  }) as LoadedWorkbook;
}

/**
 * exceljs 4.4 keeps a formula's cached result only when it is truthy, so `=A1-A1` (0), a
 * FALSE or an empty-text result reads as no value at all: a Financial Recovery Value
 * worked out as £0 would be "missing" rather than `zero-value`, a 0% progress "not
 * reported". Those results are taken back from the sheet's XML into the snapshot (the
 * exceljs workbook itself is left alone: rewriting a shared formula's value breaks it).
 */
async function recoverFalsyResults(snapshot: WorkbookSnapshot, zip: JSZip): Promise<void> {
  let paths: Map<string, string> | null = null;
  for (const sheet of snapshot.sheets) {
    const lost = sheet.cells.filter((c) => c.formula !== undefined && c.value === null && c.error === undefined);
    if (!lost.length) continue;
    paths ??= await sheetPaths(zip);
    const path = paths.get(sheet.name);
    const xml = path ? await zip.file(path)?.async("string") : undefined;
    if (!xml) continue;
    const wanted = new Map(lost.map((c) => [a1(c.row, c.col), c]));
    for (const m of xml.matchAll(/<c\b([^>]*?)(?<!\/)>([\s\S]*?)<\/c>/g)) {
      const address = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1];
      const cell = address ? wanted.get(address) : undefined;
      if (!cell) continue;
      const raw = /<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1];
      if (raw === undefined) continue;
      const text = unescapeXml(raw);
      const t = /\bt="([^"]+)"/.exec(m[1])?.[1];
      if (t === "e") cell.error = text;
      else if (t === "b") cell.value = text === "1";
      else if (t === "str" || t === "inlineStr") cell.value = text;
      else if (text.trim() !== "" && Number.isFinite(Number(text))) cell.value = Number(text);
    }
  }
}

/** Reads an .xlsx file's bytes. Throws HostError for anything that is not a readable .xlsx. */
export async function loadWorkbook(bytes: Uint8Array, fileName: string, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const rewritable = options.purpose !== "check";
  const zip = await openZip(bytes, fileName);
  if (!rewritable && !options.exceljsOnly) {
    // The same snapshot straight from the XML, or null where only exceljs can say.
    const fast = await fastSnapshot(zip);
    if (fast) {
      await recoverFalsyResults(fast, zip);
      return checkedOnly(fileName, bytes, fast);
    }
  }
  const inspection = rewritable ? await inspectZip(zip) : { unsupportedParts: [] };
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await openWithExceljs(bytes, zip, rewritable);
    await repairFormulaResults(workbook, zip);
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    // Inflating a cut-short or corrupt part fails in the zip layer: say so plainly.
    if (/crc32|corrupted zip|invalid (stored|distance|code|block)|unexpected end|end of data|inflate|zlib|too far back/i.test(why)) {
      throw new HostError(damaged(fileName));
    }
    throw new HostError(`${fileName} could not be read as an Excel workbook (${why}). If it opens in Excel, save it again as .xlsx and try again.`);
  }
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = snapshotWorkbook(workbook);
    await recoverFalsyResults(snapshot, zip);
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new HostError(`${fileName} could not be read: ${why}.`);
  }
  return { fileName, bytes, workbook, snapshot, inspection, rewritable };
}

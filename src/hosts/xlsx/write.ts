/**
 * The engine's SummaryPlan rendered into an exceljs workbook, and the bytes of the result.
 * Browser-safe: bytes in and out, no Node APIs.
 *
 * Where the package holds parts exceljs would drop (package.ts), the summaries go to a
 * NEW workbook holding only them, so nothing of the user's is lost. Otherwise they are
 * added to the user's workbook after its last sheet, replacing the product's own earlier
 * summaries. exceljs needs one repair after it writes (fixPackage): internal hyperlinks
 * get a stray external relationship.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { a1, sheetRef } from "../../core/grid";
import { SETTINGS_SHEET_NAME, settingsToJson, type Settings } from "../../core/settings";
import {
  MARKER_PREFIX,
  NUMBER_FORMATS,
  type CellStyle,
  type ModelCell,
  type SheetModel,
  type SummaryPlan,
  type TableModel,
} from "../../core/summary/sheet-model";
import { HostError, type WriteResult } from "../host";
import { describeUnsupported } from "./legacy-inspection";
import { escapeXml, INTERNAL_LINK, unescapeXml, type LoadedWorkbook } from "./read";

export interface RenderOptions {
  /** True when writing a new workbook holding only the summaries: links become plain text. */
  separateWorkbook: boolean;
}

/** What renderSummaries did that the caller reports or repairs. */
export interface RenderOutcome {
  written: WriteResult["written"];
  notes: string[];
}

const argb = (rgb: string) => `FF${rgb}`;

/** The link look when the model gives none: Excel's Hyperlink style. */
const LINK_COLOUR = "0563C1";

export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  // exceljs writes a Date as a serial in the workbook's own date system (1900 or 1904).
  return new Date(Date.UTC(y, m - 1, d));
}

/** A model cell's look on an exceljs cell (summaries and templates alike). */
export function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined, link: boolean, borderColour?: string): void {
  const font: Partial<ExcelJS.Font> = {};
  if (style?.bold) font.bold = true;
  if (style?.italic) font.italic = true;
  if (style?.size) font.size = style.size;
  const colour = style?.color ?? (link ? LINK_COLOUR : undefined);
  if (colour) font.color = { argb: argb(colour) };
  if (link) font.underline = true;
  if (Object.keys(font).length) cell.font = font;
  if (style?.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style?.wrap) alignment.wrapText = true;
  if (style?.align) alignment.horizontal = style.align;
  if (style?.verticalAlign) alignment.vertical = style.verticalAlign;
  if (Object.keys(alignment).length) cell.alignment = alignment;
  if (style?.border) {
    const thin: Partial<ExcelJS.Border> = borderColour ? { style: "thin", color: { argb: argb(borderColour) } } : { style: "thin" };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

/** A formula that names another sheet cannot stand in a workbook that lacks that sheet. */
function refersToOtherSheet(formula: string): boolean {
  return formula.includes("!");
}

function writeCell(ws: ExcelJS.Worksheet, mc: ModelCell, opts: RenderOptions, notes: Set<string>): void {
  const cell = ws.getCell(mc.row, mc.col);
  const c = mc.content;
  let link = false;
  switch (c.kind) {
    case "text":
      cell.value = c.text;
      break;
    case "number":
      cell.value = c.value;
      break;
    case "date":
      cell.value = isoToDate(c.iso);
      break;
    case "formula": {
      const formula = c.formula.replace(/^=/, "");
      if (opts.separateWorkbook && refersToOtherSheet(formula)) {
        // The sheet it names is not in this workbook: keep the figure, not a broken formula.
        cell.value = c.result;
        notes.add("Figures that refer to your source sheets are written as values in the separate workbook.");
      } else {
        cell.value = c.result === null ? { formula, date1904: false } : { formula, result: c.result, date1904: false };
      }
      break;
    }
    case "link":
      if (opts.separateWorkbook) {
        // Never an external link: where it points, as plain text (`'Care at Home'!D3`).
        cell.value = sheetRef(c.sheet, c.cell);
      } else {
        // Marked as in-document; fixPackage writes it as a `location`, as Excel does.
        cell.value = { text: c.text, hyperlink: INTERNAL_LINK + sheetRef(c.sheet, c.cell) };
        link = true;
      }
      break;
  }
  // Text is written as Text (`@`) unless the model says otherwise, as the Excel host does,
  // so a ref such as `1.10` stays as typed when someone edits the cell.
  let fmt: string | undefined;
  if (mc.format) fmt = NUMBER_FORMATS[mc.format];
  else if (c.kind === "date") fmt = NUMBER_FORMATS.date;
  else if (c.kind === "text" || c.kind === "link") fmt = NUMBER_FORMATS.text;
  if (fmt) cell.numFmt = fmt;
  applyStyle(cell, mc.style, link);
}

/** Every table name and defined name in the workbook, upper-cased (Excel compares them so). */
function namesInUse(workbook: ExcelJS.Workbook): Set<string> {
  const used = new Set<string>();
  for (const ws of workbook.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
    for (const name of Object.keys(tables)) used.add(name.toUpperCase());
  }
  const defined = (workbook.definedNames as unknown as { model?: { name: string }[] }).model ?? [];
  for (const d of defined) used.add(d.name.toUpperCase());
  return used;
}

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name.toUpperCase()); n++) name = `${base}_${n}`;
  used.add(name.toUpperCase());
  return name;
}

function addTable(
  ws: ExcelJS.Worksheet,
  t: TableModel,
  cellAt: (row: number, col: number) => ModelCell | undefined,
  used: Set<string>,
): string[] {
  const name = uniqueName(t.name, used);
  // Excel needs distinct, non-blank header names; the header cells are written to match.
  const seen = new Set<string>();
  const headers = t.columns.map((raw, j) => {
    let h = raw.trim() === "" ? `Column${j + 1}` : raw;
    for (let n = 2; seen.has(h.toUpperCase()); n++) h = `${raw} ${n}`;
    seen.add(h.toUpperCase());
    return h;
  });
  const totalsRow = t.headerRow + t.dataRows + 1;
  const columns: ExcelJS.TableColumnProperties[] = headers.map((h) => ({ name: h, filterButton: true }));
  if (t.totalsRow) {
    columns.forEach((col, j) => {
      const mc = cellAt(totalsRow, t.firstCol + j);
      // A formula stays in its cell, with no totals function in the table part: exceljs
      // cannot write a custom function's <totalsRowFormula> (Excel repairs a "custom"
      // without one) nor read one back. Excel keeps whatever the totals cells hold.
      if (mc?.content.kind === "text") col.totalsRowLabel = mc.content.text;
      else col.totalsRowFunction = "none";
    });
  }
  const table = ws.addTable({
    name,
    ref: a1(t.headerRow, t.firstCol),
    headerRow: true,
    totalsRow: t.totalsRow,
    style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows: Array.from({ length: t.dataRows }, () => headers.map(() => null)),
  });
  // exceljs labels the first totals cell "Total" when given nothing; the model decides.
  const model = (table as unknown as { table: { columns: ExcelJS.TableColumnProperties[] } }).table;
  if (t.totalsRow) {
    model.columns.forEach((col, j) => {
      const mc = cellAt(totalsRow, t.firstCol + j);
      if (mc?.content.kind !== "text") delete col.totalsRowLabel;
      if (!mc) ws.getCell(totalsRow, t.firstCol + j).value = null;
    });
  }
  return headers;
}

function renderSheet(
  workbook: ExcelJS.Workbook,
  model: SheetModel,
  opts: RenderOptions,
  used: Set<string>,
  notes: Set<string>,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(model.name, {
    properties: model.tabColor ? { tabColor: { argb: argb(model.tabColor) } } : {},
  });
  const byPos = new Map<string, ModelCell>();
  for (const c of model.cells) byPos.set(`${c.row},${c.col}`, c);
  const cellAt = (r: number, c: number) => byPos.get(`${r},${c}`);

  // Tables first: exceljs fills their header and totals cells, which the model's own
  // cells (written next) then overwrite with the same text and the model's look.
  const headerRows: { row: number; col: number; headers: string[] }[] = [];
  for (const t of model.tables) {
    if (t.dataRows === 0) continue; // Excel tables need a data row: left a plain styled range.
    headerRows.push({ row: t.headerRow, col: t.firstCol, headers: addTable(ws, t, cellAt, used) });
  }
  for (const mc of model.cells) writeCell(ws, mc, opts, notes);
  // The header cells must equal the table's column names, whatever the model's cells say.
  for (const h of headerRows) h.headers.forEach((name, j) => (ws.getCell(h.row, h.col + j).value = name));

  for (const m of model.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const w of model.columnWidths) ws.getColumn(w.col).width = w.width;
  for (const h of model.rowHeights ?? []) ws.getRow(h.row).height = h.height;

  // The marker says "ours" to a later run; its column is hidden from readers.
  const marker = ws.getCell(model.markerCell.row, model.markerCell.col);
  marker.value = model.marker.startsWith(MARKER_PREFIX) ? model.marker : `${MARKER_PREFIX}${model.id}`;
  marker.numFmt = NUMBER_FORMATS.text;
  ws.getColumn(model.markerCell.col).hidden = true;

  if (model.freezeRows > 0) {
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: model.freezeRows, topLeftCell: a1(model.freezeRows + 1, 1) }];
  }
  const p = model.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: p.orientation,
    // A4: the paper of UK board packs.
    paperSize: 9,
    fitToPage: true,
    fitToWidth: p.fitToPagesWide,
    // 0: as many pages tall as the content needs.
    fitToHeight: 0,
    ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.from}:${p.repeatRows.to}` } : {}),
  };
  const section = (s: string, code: string) => (/&[LCR]/.test(s) ? s : `${code}${s}`);
  ws.headerFooter = {
    ...ws.headerFooter,
    oddFooter: section(p.footer, "&C"),
    ...(p.header ? { oddHeader: section(p.header, "&L") } : {}),
  };
  return ws;
}

/**
 * Adds the plan's sheet models to `workbook`, after its last sheet. Does not remove
 * anything: buildSummaryBytes removes the `replace` sheets first.
 */
export function renderSummaries(
  workbook: ExcelJS.Workbook,
  plan: SummaryPlan,
  opts: RenderOptions,
): RenderOutcome {
  const used = namesInUse(workbook);
  const notes = new Set<string>();
  const written: WriteResult["written"] = [];
  for (const model of plan.models) {
    const clash = workbook.worksheets.find((w) => w.name.toLowerCase() === model.name.toLowerCase());
    if (clash) {
      throw new HostError(
        `A sheet called '${clash.name}' already exists and is not one of Board Summary's own summaries, so it was not replaced.`,
      );
    }
    renderSheet(workbook, model, opts, used, notes);
    written.push({ id: model.id, name: model.name });
  }
  return { written, notes: [...notes] };
}

// ---- settings ------------------------------------------------------------------------------

/** Creates or updates the very hidden settings sheet, JSON in A1. */
export function writeSettings(workbook: ExcelJS.Workbook, settings: Settings): void {
  let ws = workbook.getWorksheet(SETTINGS_SHEET_NAME);
  if (!ws) ws = workbook.addWorksheet(SETTINGS_SHEET_NAME);
  // Very hidden: out of the way of the Unhide menu, so it is not edited by mistake.
  ws.state = "veryHidden";
  const cell = ws.getCell("A1");
  cell.numFmt = NUMBER_FORMATS.text;
  cell.value = settingsToJson(settings);
}

// ---- package repairs -----------------------------------------------------------------------

/**
 * Repairs what exceljs writes: every hyperlink gets an external relationship, so an
 * in-document link (marked with INTERNAL_LINK, see read.ts) becomes a plain `location`
 * again, as Excel writes it, and its relationship goes.
 */
export async function fixPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await fixDefinedNames(zip);
  const relsPaths = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(p));
  const marker = escapeXml(INTERNAL_LINK);
  for (const relsPath of relsPaths) {
    const rels = await zip.file(relsPath)!.async("string");
    if (!rels.includes(marker)) continue;
    const internal = new Map<string, string>();
    const keptRels = rels.replace(/<Relationship\b[^>]*\/>/g, (tag) => {
      const id = /\bId="([^"]+)"/.exec(tag)?.[1];
      const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
      if (!id || !target?.startsWith(marker)) return tag;
      internal.set(id, target.slice(marker.length));
      return "";
    });
    const sheetPath = relsPath.replace("_rels/", "").replace(/\.rels$/, "");
    const sheet = zip.file(sheetPath);
    if (!sheet) continue;
    const xml = await sheet.async("string");
    const fixed = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      const rid = /\sr:id="([^"]+)"/.exec(tag);
      const location = rid && internal.get(rid[1]);
      if (!location) return tag;
      const bare = tag.replace(rid[0], "").replace(/\slocation="[^"]*"/, "");
      // A function replacer: a sheet name may hold `$&` or `$\``, which a string would expand.
      return bare.replace(/\s*\/>$/, () => ` location="${location}"/>`);
    });
    zip.file(sheetPath, fixed);
    zip.file(relsPath, keptRels);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * exceljs writes a defined name's sheet reference (print titles, print area) without
 * doubling the apostrophes in the sheet's name: `'O'Brien's'!$1:$2`, which Excel has to
 * repair. Doubled here for every sheet whose name holds one.
 */
async function fixDefinedNames(zip: JSZip): Promise<void> {
  const file = zip.file("xl/workbook.xml");
  if (!file) return;
  const xml = await file.async("string");
  const names = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1])).filter((n) => n.includes("'"));
  if (!names.length || !xml.includes("<definedName")) return;
  const fixed = xml.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_all, open: string, body: string, close: string) => {
    let text = unescapeXml(body);
    for (const name of names) {
      const wrong = `'${name}'!`;
      const right = `'${name.replace(/'/g, "''")}'!`;
      // Only the unquoted form: a reference already written right is left alone.
      text = text.split(wrong).join(right);
    }
    return open + escapeXml(text) + close;
  });
  if (fixed !== xml) zip.file("xl/workbook.xml", fixed);
}

// ---- the whole build ------------------------------------------------------------------------

function hasMarker(ws: ExcelJS.Worksheet): boolean {
  let found = false;
  ws.eachRow((row) => {
    if (found) return;
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.startsWith(MARKER_PREFIX)) found = true;
    });
  });
  return found;
}

/** Keeps the workbook opening on the sheet it opened on, or on the first summary if that went. */
function fixActiveTab(workbook: ExcelJS.Workbook, activeBefore: ExcelJS.Worksheet | undefined, firstNew: string): void {
  const views = workbook.views;
  if (!views || !views.length) return;
  const sheets = workbook.worksheets;
  let index = activeBefore ? sheets.indexOf(activeBefore) : -1;
  if (index < 0) {
    index = sheets.findIndex((s) => s.name === firstNew);
    const ws = sheets[index];
    if (ws) ws.views = [{ ...(ws.views[0] ?? {}), tabSelected: true } as unknown as ExcelJS.WorksheetView];
  }
  if (index < 0) index = 0;
  const v = views[0] as ExcelJS.WorkbookView & { firstSheet?: number };
  v.activeTab = index;
  if (v.firstSheet !== undefined && v.firstSheet > index) v.firstSheet = index;
}

/** The workbook's bytes, repaired where exceljs writes them wrongly. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const raw = await workbook.xlsx.writeBuffer();
  return fixPackage(new Uint8Array(raw as ArrayBuffer));
}

/**
 * The bytes of the built workbook. The user's workbook, with its earlier summaries
 * replaced, when exceljs can carry every part of it over; else a new workbook holding only
 * the summaries, with `separateWorkbookReason` naming the parts. `result.notes` holds this
 * host's own notes (the plan's notes are the caller's to show).
 *
 * `loaded.workbook` is changed in the first case; load again before another build.
 */
export async function buildSummaryBytes(
  loaded: LoadedWorkbook,
  plan: SummaryPlan,
): Promise<{ bytes: Uint8Array; result: WriteResult }> {
  if (!loaded.rewritable) throw new Error("buildSummaryBytes needs a workbook loaded for a build, not only for a check");
  const unsupported = loaded.inspection.unsupportedParts;
  if (unsupported.length) {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Board Summary";
    const out = renderSummaries(wb, plan, { separateWorkbook: true });
    return {
      bytes: await workbookBytes(wb),
      result: { written: out.written, notes: out.notes, separateWorkbookReason: describeUnsupported(unsupported) },
    };
  }
  const wb = loaded.workbook;
  const views = wb.views ?? [];
  const activeBefore = wb.worksheets[views[0]?.activeTab ?? 0];
  for (const name of plan.replace) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    // A last guard for the user's data: only a sheet carrying our marker is ever removed.
    if (!hasMarker(ws)) {
      throw new HostError(
        `The sheet '${name}' in ${loaded.fileName} does not carry Board Summary's marker, so it was not replaced; nothing was written.`,
      );
    }
    wb.removeWorksheet(ws.id);
  }
  const out = renderSummaries(wb, plan, { separateWorkbook: false });
  if (plan.models.length) fixActiveTab(wb, activeBefore, plan.models[0].name);
  return {
    bytes: await workbookBytes(wb),
    result: { written: out.written, notes: out.notes },
  };
}

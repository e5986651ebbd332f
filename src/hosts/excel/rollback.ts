/**
 * Putting the workbook back after a build that failed part way (writing.ts).
 *
 * New sheets of the build are deleted. An earlier summary being rewritten in place was
 * copied first (Worksheet.copy) to a very hidden backup; its content is copied back *into*
 * it, so it stays the same sheet and formulas in the user's own sheets that point at it keep
 * working (deleting it, or renaming the backup into its place, would turn them into #REF!).
 * Every member used is in ExcelApi 1.9:
 *
 * - cells: Range.copyFrom(backup's used range, "All"), as the Excel UI's copy and paste:
 *   values, formulas, number formats, cell formats, hyperlinks, merged cells;
 * - column widths, hidden columns (the marker's) and row heights, which a paste does not
 *   carry: read from the backup with Range.getColumnProperties / getRowProperties and set
 *   with their set… counterparts (columnHidden is in ColumnProperties, ExcelApi 1.9);
 * - tables: a table the paste carried over is renamed to its old name, else the table is
 *   made again over the same cells (whether copyFrom pastes tables is not documented);
 * - frozen panes, orientation, paper size, the six margins, fit to pages, print titles, all
 *   six header and footer parts and the manual page breaks (PageBreakCollection items, each
 *   added again before its row): read from the backup; the tab colour from the summary
 *   itself before the build (Excel gives none for a hidden sheet).
 *
 * Four syncs whatever the number of sheets: list the sheets; read the backups; clear each
 * summary and copy its backup back, reading where the paste put tables; name the tables and
 * delete the backups.
 */
import type { SheetModel } from "../../core/summary/sheet-model";
import { boundsAddress, parseRangeAddress, stripSheet, type Bounds } from "./address";
import type { RenderedSheet } from "./render";

/** The page margins PageLayout gives and takes, in points (ExcelApi 1.9). */
const MARGINS = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"] as const;
/** The six parts of a header and footer (HeaderFooter, ExcelApi 1.9). */
const HEADER_FOOTER = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;

/** An earlier summary being rewritten in place. */
export interface InPlace {
  ws: Excel.Worksheet;
  name: string;
  /** Its tab colour before the build (`""` for none; null where Excel gave none, for a hidden sheet). */
  tabColor: string | null;
  tableNames: string[];
  backupName: string;
  backup?: Excel.Worksheet;
}

/** Where each model goes. */
export interface Target {
  model: SheetModel;
  rendered: RenderedSheet;
  /** The earlier summary it rewrites, or null for a new sheet. */
  inPlace: InPlace | null;
  tempName: string;
  ws?: Excel.Worksheet;
}

/** Empties an earlier summary: its tables, merges, cells, looks, hidden columns, sizes, panes and manual page breaks. */
export function clearInPlace(ws: Excel.Worksheet, tables: Excel.Table[]): void {
  for (const t of tables) t.delete();
  const all = ws.getRange();
  all.unmerge();
  all.clear("All");
  // A summary's marker column is hidden; a build (or a rollback) hides its own again.
  all.columnHidden = false;
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  ws.freezePanes.unfreeze();
  ws.horizontalPageBreaks.removePageBreaks();
}

interface RollBackOptions {
  context: Excel.RequestContext;
  targets: Target[];
  /** Ids of earlier summaries the last sync deletes. */
  retiredIds: string[];
  lastSync: boolean;
  /** Ids of the sheets there before the build. */
  existingIds: Set<string>;
}

/** What is read of a backup to put its summary back. */
interface Restore {
  old: InPlace;
  backup: Excel.Worksheet;
  used: Excel.Range;
  rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  frozen: Excel.Range;
  layout: Excel.PageLayout;
  titles: Excel.Range;
  footer: Excel.HeaderFooter;
  breaks: Excel.PageBreakCollection;
  /** The backup's tables, in the summary's order, with their ranges. */
  tables: { table: Excel.Table; range: Excel.Range; name: string }[];
  /** Tables on the summary now (the failed build's), deleted before the copy. */
  current: Excel.TableCollection;
}

/**
 * After a failed build: new sheets deleted, each rewritten summary given back its content
 * from its backup. Where the last sync had already deleted a retired summary or a backup,
 * there is no way back: the build is finished instead. Returns "restored", "finished", or
 * "failed" where Excel refused even that.
 */
export async function rollBack({ context, targets, retiredIds, lastSync, existingIds }: RollBackOptions): Promise<"restored" | "finished" | "failed"> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name, items/id, items/visibility");
    await context.sync();
    const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const ids = new Set(worksheets.items.map((ws) => ws.id));
    // In the last sync the content is all written: once a retired summary or a backup is
    // gone there is no way back, and the build is finished instead.
    const backupGone = targets.some((t) => t.inPlace && !byName.has(t.inPlace.backupName.toLowerCase()));
    if (lastSync && (retiredIds.some((id) => !ids.has(id)) || backupGone)) return await finish(context, targets);

    // Sync: what each backup holds beyond its cells.
    const restores: Restore[] = [];
    for (const t of targets) {
      const old = t.inPlace;
      if (!old) continue;
      const backup = byName.get(old.backupName.toLowerCase());
      if (!backup) {
        // The copy was made but not yet renamed, so the old sheet was not yet cleared: the copy goes.
        const copy = worksheets.items.find((ws) => !existingIds.has(ws.id) && ws.name.toLowerCase().startsWith(`${old.name.toLowerCase()} (`));
        copy?.delete();
        continue;
      }
      restores.push(readBackup(old, backup));
    }
    await context.sync();

    // Sync: new sheets deleted; each summary cleared and its backup's content copied back.
    for (const t of targets) {
      if (t.inPlace) continue;
      const ws = byName.get(t.tempName.toLowerCase()) ?? byName.get(t.model.name.toLowerCase());
      // A new sheet of this build is very hidden until shown in the last sync; anything else under that name is not ours.
      if (ws && (ws.name === t.tempName || ws.visibility === "Visible")) ws.delete();
    }
    const carried = restores.map(copyBack);
    await context.sync();

    // Sync: the tables under their old names; the backups deleted.
    restores.forEach((r, i) => {
      nameTables(r, carried[i] ?? []);
      r.backup.delete();
    });
    await context.sync();
    return "restored";
  } catch {
    return "failed";
  }
}

/** Queues the reads of a backup that putting its summary back needs. */
function readBackup(old: InPlace, backup: Excel.Worksheet): Restore {
  const used = backup.getUsedRange(false);
  used.load("address");
  const rows = used.getRowProperties({ format: { rowHeight: true, useStandardHeight: true } });
  const columns = used.getColumnProperties({ columnHidden: true, format: { columnWidth: true, useStandardWidth: true } });
  const frozen = backup.freezePanes.getLocationOrNullObject();
  frozen.load("address");
  const layout = backup.pageLayout;
  layout.load(`orientation, zoom, paperSize, ${MARGINS.join(", ")}`);
  const titles = layout.getPrintTitleRowsOrNullObject();
  titles.load("address");
  const footer = layout.headersFooters.defaultForAllPages;
  footer.load(HEADER_FOOTER.join(", "));
  // Each break's row: zero-based and the first row after the break, as Range.rowIndex is
  // (*assumed*: Microsoft's reference says only "the row index for the page break").
  const breaks = backup.horizontalPageBreaks;
  breaks.load("items/rowIndex");
  // A copy keeps its sheet's tables in their order (under new names): the nth is the nth old one.
  const tables = old.tableNames.map((name, i) => {
    const table = backup.tables.getItemAt(i);
    table.load("style, showTotals, showBandedRows");
    const range = table.getRange();
    range.load("address");
    return { table, range, name };
  });
  const current = old.ws.tables;
  current.load("items/name");
  return { old, backup, used, rows, columns, frozen, layout, titles, footer, breaks, tables, current };
}

/**
 * Queues a summary's clearing and its backup's content copied back into it. Returns, for
 * each old table, the tables the paste left over its cells (read in the same sync).
 */
function copyBack(r: Restore): Excel.TableScopedCollection[] {
  const ws = r.old.ws;
  clearInPlace(ws, r.current.items);
  const address = stripSheet(r.used.address);
  const target = ws.getRange(address);
  target.copyFrom(r.used, "All");
  // Sizes and hidden columns a paste does not carry; rows and columns at the standard size
  // are left so. Whether Excel reads a hidden column's width as 0 is not documented: a 0 is
  // not set (it would hide the column by its width), the column is hidden by columnHidden.
  target.setColumnProperties(r.columns.value.map(columnProperties));
  target.setRowProperties(r.rows.value.map((row) => (row.format?.useStandardHeight === false ? { format: { rowHeight: row.format.rowHeight } } : {})));
  if (!r.frozen.isNullObject) freeze(ws, r.frozen.address);
  const layout = ws.pageLayout;
  layout.orientation = r.layout.orientation;
  layout.paperSize = r.layout.paperSize;
  for (const m of MARGINS) layout[m] = r.layout[m];
  layout.zoom = zoomOf(r.layout.zoom);
  if (!r.titles.isNullObject) {
    const rows = titleRows(r.titles.address);
    layout.setPrintTitleRows(`$${rows.top}:$${rows.bottom}`);
  }
  const page = layout.headersFooters.defaultForAllPages;
  for (const part of HEADER_FOOTER) page[part] = r.footer[part];
  // clearInPlace removed the failed build's breaks; the backup's go back before their rows.
  for (const b of r.breaks.items) ws.horizontalPageBreaks.add(`A${b.rowIndex + 1}`);
  if (r.old.tabColor !== null) ws.tabColor = r.old.tabColor;
  return r.tables.map((t) => {
    const tables = ws.getRange(stripSheet(t.range.address)).getTables(true);
    tables.load("items/name");
    return tables;
  });
}

/** Each old table on the summary again: the one the paste carried, or made anew over its cells. */
function nameTables(r: Restore, carried: Excel.TableScopedCollection[]): void {
  const ws = r.old.ws;
  r.tables.forEach((t, i) => {
    const address = stripSheet(t.range.address);
    let table = carried.at(i)?.items.at(0);
    if (!table) {
      const b = parseRangeAddress(address);
      // A totals row is made by showTotals (Excel fills it itself), then given back its cells.
      const body: Bounds = t.table.showTotals ? { ...b, bottom: b.bottom - 1 } : b;
      table = ws.tables.add(boundsAddress(body), true);
      if (t.table.showTotals) {
        table.showTotals = true;
        const totals = boundsAddress({ ...b, top: b.bottom });
        ws.getRange(totals).copyFrom(r.backup.getRange(totals), "All");
      }
    }
    table.name = t.name;
    table.style = t.table.style;
    table.showBandedRows = t.table.showBandedRows;
  });
}

/** What setColumnProperties puts back of a backup's column: its width where not the standard one, and hidden. */
function columnProperties(c: Excel.ColumnProperties): Excel.SettableColumnProperties {
  const out: Excel.SettableColumnProperties = {};
  const width = c.format?.columnWidth;
  if (c.format?.useStandardWidth === false && typeof width === "number" && width > 0) out.format = { columnWidth: width };
  if (c.columnHidden === true) out.columnHidden = true;
  return out;
}

/** The first and last rows of a print-titles address (`$4:$5`, `4:5` or `A4:XFD5`). */
function titleRows(address: string): { top: number; bottom: number } {
  const local = stripSheet(address);
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  return rows ? { top: Number(rows[1]), bottom: Number(rows[2]) } : parseRangeAddress(local);
}

/** Frozen panes again: top rows as freezeRows, anything else (columns too) with freezeAt. */
function freeze(ws: Excel.Worksheet, address: string): void {
  const local = stripSheet(address);
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) {
    ws.freezePanes.freezeRows(Number(rows[2]));
    return;
  }
  ws.freezePanes.freezeAt(local);
}

/**
 * Fit to pages, or a percentage, as PageLayoutZoomOptions takes them: never both (Excel
 * refuses a scale with pages), whatever the read gave.
 */
function zoomOf(z: Excel.PageLayoutZoomOptions): Excel.PageLayoutZoomOptions {
  const fit = typeof z.horizontalFitToPages === "number" || typeof z.verticalFitToPages === "number";
  if (!fit) return { scale: z.scale ?? 100 };
  const out: Excel.PageLayoutZoomOptions = {};
  if (typeof z.horizontalFitToPages === "number") out.horizontalFitToPages = z.horizontalFitToPages;
  if (typeof z.verticalFitToPages === "number") out.verticalFitToPages = z.verticalFitToPages;
  return out;
}

/** Completes a last sync that stopped after deleting: shows the new sheets and drops the backups. */
async function finish(context: Excel.RequestContext, targets: Target[]): Promise<"finished" | "failed"> {
  const worksheets = context.workbook.worksheets;
  for (const t of targets) {
    if (t.inPlace) {
      worksheets.getItemOrNullObject(t.inPlace.backupName).load("name");
      continue;
    }
    const ws = worksheets.getItemOrNullObject(t.tempName);
    ws.load("name");
    t.ws = ws;
  }
  await context.sync();
  for (const t of targets) {
    if (t.inPlace || !t.ws || t.ws.isNullObject) continue;
    t.ws.name = t.model.name;
    t.ws.visibility = "Visible";
  }
  await context.sync();
  // Backups left are very hidden `~BS` sheets: the next check removes them.
  return "finished";
}

/**
 * Writing the summary sheets.
 *
 * An earlier summary of ours is rewritten *in place*: the same sheet object keeps its
 * place in the tab order, and formulas in the user's own sheets that point at it keep
 * working (a deleted sheet turns them into #REF!). A new summary is built on a very hidden
 * sheet under a temporary name and shown, under its name, in the last sync. So a closed
 * pane or a lost connection never leaves a visible half-built sheet, and the next check
 * removes what an interrupted build left (its sheets are very hidden and named `~BS …`).
 *
 * Before an earlier summary is cleared, it is copied (Worksheet.copy) to a very hidden
 * backup; if the build fails part way, the backup's content is copied back *into* the
 * earlier summary (rollback.ts), which stays the same sheet, so formulas pointing at it
 * keep working then too. The backups are deleted in the last sync. What this does to
 * Excel's undo history: docs/addin.md.
 *
 * Syncs: 1 to inspect the workbook, 1 to write (more only where the content passes the
 * payload budget), 1 to show the new sheets: 3 whatever the number of source sheets.
 */
import type { SheetModel, SummaryPlan } from "../../core/summary/sheet-model";
import { HostError, type ProgressListener, type WriteResult } from "../host";
import { boundsAddress, columnAddress } from "./address";
import { describeFailure } from "./errors";
import { renderSheet, utf8Bytes, type FormatArea, type RenderedSheet, type Style, type StyleGroup } from "./render";
import { TEMP_PREFIX, isStaleTemp, type Session } from "./session";
import { areaLists, rowLists } from "./areas";
import { clearInPlace, rollBack, type InPlace, type Target } from "./rollback";

/**
 * What a queued operation adds to a request, as office.js writes one (its RichApi request:
 * `Actions` and `ObjectPaths`, JSON). An object made by a method or property (getRange,
 * getRanges, format, font, borders.getItem, add) is an object path (`{"Id":…,
 * "ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":…,"ArgumentInfo":…}`) and the
 * action that instantiates it (`{"Id":…,"ActionType":1,"Name":"","ObjectPathId":…}`), about
 * 170 bytes with six-digit ids; a property set or method call is one action
 * (`{"Id":…,"ActionType":4,"Name":"Hyperlink","ObjectPathId":…,"ArgumentInfo":
 * {"Arguments":[…]}}`), about 100. Rounded up, arguments counted apart as their JSON. The
 * budget (4 MB) then leaves a fifth of Excel on the web's 5 MB for what these miss.
 */
const PATH_BYTES = 180;
const ACTION_BYTES = 110;
/** An address or other short string argument as JSON (quotes and comma). */
const argBytes = (s: string) => utf8Bytes(s) + 3;

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Sends queued work early when it nears the payload budget; otherwise leaves it for the caller's sync. */
class PayloadBudget {
  private used = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
    /** Queued again at the start of each new request (calculation is suspended per sync). */
    private readonly everySync: () => void,
  ) {
    everySync();
  }
  async spend(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.context.sync();
      this.used = 0;
      this.everySync();
    }
    this.used += bytes;
  }
}

interface WriteSummariesOptions {
  session: Session;
  plan: SummaryPlan;
  onProgress?: ProgressListener;
}

export async function writeSummaries({ session, plan, onProgress }: WriteSummariesOptions): Promise<WriteResult> {
  const budgetBytes = session.options.payloadBudget;
  // A band of content is at most a quarter of a request, so one never outgrows the budget.
  const bandBytes = Math.min(512 * 1024, Math.floor(budgetBytes / 4));
  const token = session.options.token();

  return session.writing(() =>
    session.batch(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      const app = workbook.application;

      // Sync 1: what is there now, and may we change it?
      onProgress?.({ step: "Checking the workbook", fraction: 0 });
      // The tab colour now, to put back after a failure (a very hidden backup gives none).
      worksheets.load("items/name, items/id, items/visibility, items/tabColor, items/protection/protected, items/tables/items/name");
      workbook.load("readOnly");
      workbook.protection.load("protected");
      await context.sync();

      const items = worksheets.items;
      const byName = new Map(items.map((ws) => [ws.name.toLowerCase(), ws]));
      const rendered = plan.models.map((model) => ({ model, rendered: renderSheet(model, bandBytes) }));
      checkWritable(plan, rendered.map((r) => r.rendered), workbook, byName);
      const isTemp = (ws: Excel.Worksheet) => ws.name.startsWith(`${TEMP_PREFIX} `) && ws.visibility === "VeryHidden";
      const leftovers = items.filter((ws) => isTemp(ws) && isStaleTemp(ws.name, session.options.now()));
      const replace = new Set(plan.replace.map((n) => n.toLowerCase()));
      const inPlace = (name: string): InPlace | null => {
        const ws = byName.get(name.toLowerCase());
        if (!ws || !replace.has(name.toLowerCase())) return null;
        return {
          ws,
          name: ws.name,
          tabColor: ws.tabColor,
          tableNames: ws.tables.items.map((t) => t.name),
          backupName: `${TEMP_PREFIX} ${token} old ${items.indexOf(ws) + 1}`,
        };
      };
      const targets: Target[] = rendered.map(({ model, rendered: r }, i) => ({
        model,
        rendered: r,
        inPlace: inPlace(model.name),
        tempName: `${TEMP_PREFIX} ${token} ${i + 1}`,
      }));
      const rewritten = new Set(targets.flatMap((t) => (t.inPlace ? [t.inPlace.name.toLowerCase()] : [])));
      // Earlier summaries of ours that this plan no longer writes (e.g. no directions any more).
      const retired = plan.replace.flatMap((n) => {
        const ws = byName.get(n.toLowerCase());
        return ws && !rewritten.has(n.toLowerCase()) ? [{ ws, id: ws.id, tableNames: ws.tables.items.map((t) => t.name) }] : [];
      });
      const retiredTables = new Set(retired.flatMap((r) => r.tableNames.map((n) => n.toLowerCase())));
      const renames: { table: Excel.Table; name: string }[] = [];
      let lastSync = false;

      try {
        // Sync 2 (more only for very large summaries): backups, then every summary's content.
        onProgress?.({ step: "Writing the summary sheets", fraction: 0.2 });
        // Once, as documented ("Don't call it repeatedly"); calculation is suspended for
        // each request instead of switching the user's calculation mode.
        app.suspendScreenUpdatingUntilNextSync();
        const budget = new PayloadBudget(context, budgetBytes, () => {
          app.suspendApiCalculationUntilNextSync();
        });
        for (const ws of leftovers) ws.delete();
        for (const t of targets) {
          const old = t.inPlace;
          if (old) {
            const backup = old.ws.copy("End");
            backup.visibility = "VeryHidden";
            backup.name = old.backupName;
            old.backup = backup;
            clearInPlace(old.ws, old.ws.tables.items);
            t.ws = old.ws;
          } else {
            const ws = worksheets.add(t.tempName);
            ws.visibility = "VeryHidden";
            t.ws = ws;
          }
          await writeSheet({ ws: t.ws, model: t.model, rendered: t.rendered, budget, tableName: (name) => tableName(name, retiredTables, token, renames) });
        }
        await context.sync();

        // Last sync: the new sheets shown under their names; retired summaries and backups gone.
        onProgress?.({ step: "Showing the summary sheets", fraction: 0.8 });
        lastSync = true;
        for (const r of retired) r.ws.delete();
        for (const t of targets)
          if (!t.inPlace && t.ws) {
            t.ws.name = t.model.name;
            t.ws.visibility = "Visible";
          }
        for (const r of renames) r.table.name = r.name;
        targets[0]?.ws?.activate();
        for (const t of targets) t.inPlace?.backup?.delete();
        await context.sync();
      } catch (e) {
        const base = describeFailure(e, "write the summary sheets");
        const outcome = await rollBack({ context, targets, retiredIds: retired.map((r) => r.id), lastSync, existingIds: new Set(items.map((ws) => ws.id)) });
        if (outcome === "finished") return result(plan, ["Excel reported a problem at the very end of the build; the summary sheets were written."]);
        if (outcome === "failed")
          throw new HostError(`${base} Board Summary could not tidy up: any sheets it left are very hidden and are removed at the next check.`);
        throw new HostError(`${base} The workbook has been left as it was.`);
      }
      onProgress?.({ step: "Done", fraction: 1 });
      return result(plan, []);
    }),
  );
}

function result(plan: SummaryPlan, notes: string[]): WriteResult {
  return { written: plan.models.map((m) => ({ id: m.id, name: m.name })), notes: [...plan.notes, ...notes] };
}

/** A table's name now, or a temporary one where a retired summary's table still holds it (renamed last). */
function tableName(name: string, retired: Set<string>, token: string, renames: { table: Excel.Table; name: string }[]): (table: Excel.Table) => void {
  return (table) => {
    if (retired.has(name.toLowerCase())) {
      table.name = `${name}_new${token}`;
      renames.push({ table, name });
    } else table.name = name;
  };
}

/** Refuses, with a message saying what to do, anything that would fail part way. */
function checkWritable(plan: SummaryPlan, rendered: RenderedSheet[], workbook: Excel.Workbook, byName: Map<string, Excel.Worksheet>): void {
  if (workbook.readOnly)
    throw new HostError(
      "This workbook is open read-only, so the summary sheets cannot be written. Save a copy you can edit (File > Save As), then build again.",
    );
  if (workbook.protection.protected)
    throw new HostError(
      "The workbook's structure is protected, so sheets cannot be added or removed. Unprotect it (Review > Protect Workbook), then build again.",
    );
  const replace = new Set(plan.replace.map((n) => n.toLowerCase()));
  const linked = [...new Set(rendered.flatMap((r) => r.linkedSheets))];
  const missing = linked.filter((s) => !byName.has(s.toLowerCase()));
  if (missing.length)
    throw new HostError(
      `${missing.length === 1 ? "The sheet" : "The sheets"} ${missing.map((s) => `'${s}'`).join(", ")} ` +
        `${missing.length === 1 ? "no longer exists" : "no longer exist"}: renamed or deleted since the workbook was checked. ` +
        "Check the workbook again, then build.",
    );
  for (const name of plan.replace) {
    if (linked.some((s) => s.toLowerCase() === name.toLowerCase()))
      throw new HostError(`'${name}' is a source sheet, so Board Summary will not replace it. Check the workbook again, then build.`);
    const ws = byName.get(name.toLowerCase());
    if (ws?.protection.protected)
      throw new HostError(
        `The earlier summary sheet '${ws.name}' is protected, so it cannot be replaced. Unprotect it (Review > Unprotect Sheet) or delete it, then build again.`,
      );
  }
  for (const model of plan.models) {
    if (byName.has(model.name.toLowerCase()) && !replace.has(model.name.toLowerCase()))
      throw new HostError(
        `A sheet called '${model.name}' has appeared since the workbook was checked, and Board Summary did not write it. Check the workbook again, then build.`,
      );
  }
}

interface WriteSheetOptions {
  ws: Excel.Worksheet;
  model: SheetModel;
  rendered: RenderedSheet;
  budget: PayloadBudget;
  /** Names a new table (now, or temporarily where the name is still taken). */
  tableName: (name: string) => (table: Excel.Table) => void;
}

/**
 * Queues one summary sheet. Every cell is written before any table is made over it, so no
 * formula is ever written into a table's data body (AutoCorrect would make it a calculated
 * column; office-js #5909, #6745, #2093). A totals row is written after Excel has made it
 * (Excel fills it with defaults of its own), and is no part of the data body.
 */
async function writeSheet({ ws, model, rendered: r, budget, tableName }: WriteSheetOptions): Promise<void> {
  // Formats before content, so text written into an `@` cell stays text.
  for (const f of r.formats) {
    await budget.spend(formatBytes(f));
    writeFormat(ws, f);
  }
  for (const band of r.bands) {
    await budget.spend(PATH_BYTES + ACTION_BYTES + argBytes(boundsAddress(band.bounds)) + band.bytes);
    ws.getRange(boundsAddress(band.bounds)).formulas = band.formulas;
  }
  // Links a column's run at a time (one operation for a register's 10,000), not a range each.
  for (const run of r.linkRuns) {
    const address = boundsAddress(run.bounds);
    await budget.spend(PATH_BYTES + ACTION_BYTES + argBytes(address) + run.bytes);
    ws.getRange(address).setCellProperties(run.cells);
  }
  for (const group of r.styles) {
    for (const address of areaLists(group.areas)) {
      await budget.spend(styleBytes(group.style, address));
      applyStyle(ws.getRanges(address).format, group);
    }
  }
  for (const m of r.merges) {
    const address = boundsAddress(m.bounds);
    await budget.spend(PATH_BYTES + ACTION_BYTES + argBytes(address) + 5);
    ws.getRange(address).merge(m.across);
  }
  for (const w of r.widths) {
    // The column's range and its format object, then the width.
    await budget.spend(2 * PATH_BYTES + ACTION_BYTES + 20);
    ws.getRange(columnAddress(w.col)).format.columnWidth = w.points;
  }
  for (const col of r.hiddenColumns) {
    await budget.spend(PATH_BYTES + ACTION_BYTES + 20);
    ws.getRange(columnAddress(col)).columnHidden = true;
  }
  for (const h of r.heights) {
    for (const address of rowLists(h.rows)) {
      await budget.spend(2 * PATH_BYTES + ACTION_BYTES + argBytes(address) + 10);
      ws.getRanges(address).format.rowHeight = h.points;
    }
  }
  // Tables last of the content, over cells already written.
  for (const t of r.tables) {
    // The table made (a path), then its name, style, banding and totals set.
    await budget.spend(PATH_BYTES + 4 * ACTION_BYTES + argBytes(boundsAddress(t.bounds)) + 2 * argBytes(t.model.name) + argBytes(t.model.style) + 20);
    const table = ws.tables.add(boundsAddress(t.bounds), true);
    tableName(t.model.name)(table);
    table.style = t.model.style;
    table.showBandedRows = t.model.bandedRows;
    if (t.model.totalsRow) table.showTotals = true;
  }
  for (const totals of r.totals) {
    await budget.spend(PATH_BYTES + ACTION_BYTES + argBytes(boundsAddress(totals.bounds)) + utf8Bytes(JSON.stringify(totals.formulas)));
    ws.getRange(boundsAddress(totals.bounds)).formulas = totals.formulas;
  }
  // Rows of wrapped text grow to show it all (desktop Excel does not on its own for API writes).
  for (const address of rowLists(r.wrapRows)) {
    await budget.spend(2 * PATH_BYTES + ACTION_BYTES + argBytes(address));
    ws.getRanges(address).format.autofitRows();
  }
  const hf = model.print;
  const hfText = [hf.header.left, hf.header.center, hf.header.right, hf.footer.left, hf.footer.center, hf.footer.right];
  // Freeze panes, page layout, headers and footers: six objects and some twenty settings.
  await budget.spend(6 * PATH_BYTES + 20 * ACTION_BYTES + hfText.reduce((n, t) => n + argBytes(t), 0) + 200);
  if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
  const layout = ws.pageLayout;
  layout.orientation = model.print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = printZoom(model.print.fitToPagesWide);
  // PageLayout takes margins in points; the model gives inches, as the file format does.
  const m = model.print.margins;
  const points = (inches: number) => Math.round(inches * 72 * 100) / 100;
  layout.leftMargin = points(m.left);
  layout.rightMargin = points(m.right);
  layout.topMargin = points(m.top);
  layout.bottomMargin = points(m.bottom);
  layout.headerMargin = points(m.header);
  layout.footerMargin = points(m.footer);
  if (model.print.repeatRows) layout.setPrintTitleRows(`$${model.print.repeatRows.from}:$${model.print.repeatRows.to}`);
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = hf.header.left;
  page.centerHeader = hf.header.center;
  page.rightHeader = hf.header.right;
  page.leftFooter = hf.footer.left;
  page.centerFooter = hf.footer.center;
  page.rightFooter = hf.footer.right;
  // Manual page breaks, each before its row (HorizontalPageBreaks.add, ExcelApi 1.9): one
  // method call on one collection each, its argument an address.
  const breaks = ws.horizontalPageBreaks;
  for (const row of model.pageBreaks) {
    // The break `add` makes is an object path of its own, its argument the address.
    const address = `A${row}`;
    await budget.spend(PATH_BYTES + argBytes(address));
    breaks.add(address);
  }
  ws.tabColor = model.tabColor ? `#${model.tabColor}` : "";
}

/**
 * Fit to `wide` pages across and as many down as needed. PageLayoutZoomOptions (ExcelApi
 * 1.9) takes whole numbers of pages, `null` only where a percentage scale is used; 0 pages
 * tall is "automatic", as the file format defines it (ECMA-376 Part 1, pageSetup
 * fitToHeight). No scale: a scale with pages is a contradiction Excel refuses.
 */
export function printZoom(wide: number): Excel.PageLayoutZoomOptions {
  return { horizontalFitToPages: Math.max(1, Math.round(wide)), verticalFitToPages: 0 };
}

/**
 * A block's number format, given once for the whole block: Excel applies a single value
 * set on a range to every cell of it ("single input copy", as Ctrl+Enter does; Microsoft's
 * Excel JavaScript API advanced concepts). A grid of one value a cell would send the format
 * again for each cell: some 750 KB for a 10,000-row register's Text columns.
 * `Range.numberFormat` is typed as a grid only, hence the cast.
 */
export function writeFormat(ws: Excel.Worksheet, f: FormatArea): void {
  ws.getRange(boundsAddress(f.bounds)).numberFormat = f.format as unknown as string[][];
}

function formatBytes(f: FormatArea): number {
  return PATH_BYTES + ACTION_BYTES + argBytes(boundsAddress(f.bounds)) + utf8Bytes(JSON.stringify(f.format));
}

/** The properties a style sets, with their values (as applyStyle sets them). */
function styleProps(s: Style): number {
  return (
    Number(s.fill !== undefined) +
    Number(s.font !== undefined) +
    Number(s.bold !== undefined) +
    Number(s.italic !== undefined) +
    Number(s.size !== undefined) +
    Number(s.color !== undefined) +
    Number(s.underline === true) +
    Number(s.wrap !== undefined) +
    Number(s.align !== undefined) +
    Number(s.verticalAlign !== undefined) +
    (s.border ? 6 : 0)
  );
}

/**
 * A look set on a RangeAreas: its getRanges and format objects, the font and fill objects
 * where used, a border object an edge (at most six), and one action a property.
 */
function styleBytes(style: Style, address: string): number {
  const font = [style.font, style.bold, style.italic, style.size, style.color, style.underline].some((v) => v !== undefined);
  const objects = 2 + Number(font) + Number(style.fill !== undefined) + (style.border ? 6 : 0);
  return objects * PATH_BYTES + styleProps(style) * (ACTION_BYTES + 30) + argBytes(address);
}

export function applyStyle(format: Excel.RangeFormat, group: StyleGroup): void {
  const s = group.style;
  if (s.fill) format.fill.color = `#${s.fill}`;
  if (s.font !== undefined) format.font.name = s.font;
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.size !== undefined) format.font.size = s.size;
  if (s.color) format.font.color = `#${s.color}`;
  if (s.underline) format.font.underline = "Single";
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.align) format.horizontalAlignment = H_ALIGN[s.align];
  if (s.verticalAlign) format.verticalAlignment = V_ALIGN[s.verticalAlign];
  if (s.border) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // A group with a border holds areas of one shape (see styleGroups): all wider than one
    // column or none, all taller than one row or none.
    const a = group.areas.at(0);
    if (a && a.right > a.left) edges.push("InsideVertical");
    if (a && a.bottom > a.top) edges.push("InsideHorizontal");
    for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
  }
}


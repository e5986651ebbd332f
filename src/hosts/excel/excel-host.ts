/**
 * The Office.js host: reads a workbook snapshot and writes the summary sheets through
 * Excel's JavaScript API. Every call is batched so the number of context.sync() calls is
 * fixed, whatever the number of sheets; it grows only when a request would come near
 * Excel on the web's 5 MB payload limit.
 *
 * Declared minimum: ExcelApi 1.9 (manifest.xml). Anything newer is used only behind
 * isSetSupported, with a fallback (merged areas: 1.13, else no merges; sheet renamed events:
 * 1.17, else a rename is seen at the next check). scripts/api-guard.ts lists every member
 * used here and a test checks each against @types/office-js.
 */
import { SETTINGS_SHEET_NAME, settingsToJson, type Settings } from "../../core/settings";
import type { Merge, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { numberedName } from "../../core/summary/plan";
import type { SheetModel, SummaryPlan } from "../../core/summary/sheet-model";
import { templateModel, type TemplateKind, type TemplateModel } from "../../core/templates/template-model";
import { HostError, type ProgressListener, type WorkbookHost, type WriteResult } from "../host";
import { boundsAddress, columnAddress, parseAreasAddress, parseRangeAddress, rowAddress, type Bounds } from "./address";
import { blockToCells, visibilityFromExcel, type LoadedBlock } from "./read";
import {
  renderSheet,
  renderTemplate,
  utf8Bytes,
  type FormatArea,
  type RenderedSheet,
  type RenderedTemplate,
  type Style,
  type StyleGroup,
} from "./render";

/** Excel.run, or a fake of it in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported, or a stand-in. */
  isSetSupported?: (name: string, version: string) => boolean;
  /**
   * Bytes queued before an intermediate sync. Excel on the web refuses a request or a
   * response over 5 MB; 4 MB leaves room for the request's own bookkeeping.
   */
  payloadBudget?: number;
  /** Cells loaded per sync when a workbook is too large to read in one response. */
  readCellsPerSync?: number;
  /** A short random token for temporary sheet names (fixed in tests). */
  token?: () => string;
  /**
   * How long after one of our own writes change events are still ignored. Excel delivers
   * the events for a batch's changes after its sync, sometimes well after; without this a
   * build would set off a recheck of its own making.
   */
  eventQuietMs?: number;
  /** The clock, in milliseconds (fixed in tests). */
  now?: () => number;
}

/**
 * A snapshot with the host's notes about the read itself (e.g. a sheet read without its
 * merged cells). Additive: engines that know only WorkbookSnapshot ignore `notes`.
 */

/** What an event registration gives back, for removing it again. */
interface Registration {
  context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

/**
 * What the engine needs of a cell: its value and number format. Excel gives an error cell's
 * value as the error's text (`#REF!`), and the engine formats numbers from their number
 * format, as it does for .xlsx files; displayed text, formulas and value types would only
 * double or treble the response.
 */
const RANGE_PROPS = "address, values, numberFormat";
/** Rough JSON bytes per loaded cell (two arrays), to size read pieces. */
const BYTES_PER_CELL = 40;
/**
 * Bytes of one queued operation's own bookkeeping in a request (its action and object
 * path), beyond the data it carries.
 */
const OP_BYTES = 160;
/**
 * The longest address list given to one Worksheet.getRanges. Excel refuses lists from
 * about 8,200 characters; well under that, a list still carries hundreds of areas.
 */
const MAX_AREAS_ADDRESS = 4000;
const TEMP_PREFIX = "~BS";
/** Excel refuses to return the merged areas of a range holding more than this many. */
export const MAX_MERGED_AREAS = 512;

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

/** A user-facing message for an Office.js failure while doing `action`. */
function describeFailure(e: unknown, action: string): string {
  if (e instanceof HostError) return e.message;
  const code = errorCode(e);
  if (code === "AccessDenied")
    return `Excel refused to ${action}: the workbook or one of its sheets is protected, or the workbook is open read-only.`;
  if (code && PAYLOAD_CODES.has(code)) return `The workbook is too large for Excel to ${action} in one go.`;
  const msg = e instanceof Error ? e.message : String(e);
  return `Excel could not ${action}: ${msg}`;
}

function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, version) === true;
}

function randomToken(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

/** Sends queued work early when it nears the payload limit; otherwise leaves it for the caller's sync. */
class PayloadBudget {
  private used = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
    private readonly afterSync: () => void,
  ) {}
  async spend(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.context.sync();
      this.used = 0;
      this.afterSync();
    }
    this.used += bytes;
  }
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

export class ExcelHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly payloadBudget: number;
  private readonly readCellsPerSync: number;
  private readonly token: () => string;
  private readonly eventQuietMs: number;
  private readonly now: () => number;
  /** Writes under way, and the time until which change events are still our own. */
  private writes = 0;
  private quietUntil = 0;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.payloadBudget = options.payloadBudget ?? 4 * 1024 * 1024;
    this.readCellsPerSync = options.readCellsPerSync ?? Math.floor(this.payloadBudget / BYTES_PER_CELL);
    this.token = options.token ?? randomToken;
    this.eventQuietMs = options.eventQuietMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Runs a job that changes the workbook, with change events ignored while it runs and just after. */
  private async writing<T>(job: () => Promise<T>): Promise<T> {
    this.writes++;
    try {
      return await job();
    } finally {
      this.writes--;
      this.quietUntil = this.now() + this.eventQuietMs;
    }
  }

  private quiet(): boolean {
    return this.writes > 0 || this.now() < this.quietUntil;
  }

  // ---- reading --------------------------------------------------------------------------

  async readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const withMerges = this.isSetSupported("ExcelApi", "1.13");
    try {
      return await this.run(async (context) => {
        onProgress?.({ step: "Listing the sheets", fraction: 0 });
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name, items/visibility, items/protection/protected");
        await context.sync();
        const sheets = worksheets.items;

        onProgress?.({ step: "Reading the sheets", fraction: 0.3 });
        let blocks: LoadedBlock[][];
        let merges: Merge[][];
        const notes: string[] = [];
        try {
          // The usual case: every sheet's used range and merged areas in one sync.
          const used = sheets.map((ws) => {
            const range = ws.getUsedRangeOrNullObject(true);
            range.load(RANGE_PROPS);
            return range;
          });
          const areas = withMerges ? sheets.map((ws) => this.queueMerges(ws)) : null;
          await context.sync();
          blocks = used.map((r) => (r.isNullObject ? [] : [loadedBlock(r, parseRangeAddress(r.address))]));
          merges = sheets.map((_, i) => (areas ? mergesOf(areas[i]) : []));
        } catch (e) {
          const tooLarge = PAYLOAD_CODES.has(errorCode(e) ?? "");
          // Anything else is a real failure, unless merged areas were asked for: Excel
          // refuses those of a sheet with more than 512, failing the whole sync. The cells
          // are then read on their own and the merges sheet by sheet.
          if (!tooLarge && !withMerges) throw e;
          blocks = tooLarge ? await this.readInPieces(context, sheets) : await this.readCells(context, sheets);
          merges = withMerges ? await this.readMergesApart(context, sheets, notes) : sheets.map(() => []);
        }
        onProgress?.({ step: "Reading the sheets", fraction: 1 });

        const out: SheetSnapshot[] = sheets.map((ws, i) => {
          const cells = blocks[i].flatMap(blockToCells).sort((a, b) => a.row - b.row || a.col - b.col);
          const extent = blocks[i].reduce(
            (acc, b) => ({ rows: Math.max(acc.rows, b.bounds.bottom), cols: Math.max(acc.cols, b.bounds.right) }),
            { rows: 0, cols: 0 },
          );
          return {
            name: ws.name,
            visibility: visibilityFromExcel(ws.visibility),
            cells,
            merges: merges[i],
            usedRange: extent,
            protected: ws.protection.protected,
          };
        });
        return notes.length ? { sheets: out, notes } : { sheets: out };
      });
    } catch (e) {
      throw new HostError(describeFailure(e, "read the workbook"));
    }
  }

  /** Merged areas of a whole sheet (ExcelApi 1.13; callers check the set first). */
  private queueMerges(ws: Excel.Worksheet): Excel.RangeAreas {
    const areas = ws.getRange().getMergedAreasOrNullObject();
    areas.load("address");
    return areas;
  }

  /** Every sheet's used range in one sync, or in pieces where that is too large. */
  private async readCells(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<LoadedBlock[][]> {
    try {
      const used = sheets.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load(RANGE_PROPS);
        return range;
      });
      await context.sync();
      return used.map((r) => (r.isNullObject ? [] : [loadedBlock(r, parseRangeAddress(r.address))]));
    } catch (e) {
      if (!PAYLOAD_CODES.has(errorCode(e) ?? "")) throw e;
      return this.readInPieces(context, sheets);
    }
  }

  /**
   * Merged areas after a sync that asked for them failed: one sync for every sheet where
   * it now works, else halves of the sheets, then halves of those…, so only the sheets
   * Excel refuses (more than 512 merged areas) are read without merges, each with a note.
   * Syncs grow with the number of such sheets (about 2 × log₂ of the sheets each), not
   * with the sheets.
   */
  private async readMergesApart(context: Excel.RequestContext, sheets: Excel.Worksheet[], notes: string[]): Promise<Merge[][]> {
    const merges: Merge[][] = sheets.map(() => []);
    const refused: number[] = [];
    const attempt = async (group: number[]): Promise<void> => {
      if (!group.length) return;
      try {
        const areas = group.map((i) => this.queueMerges(sheets[i]));
        await context.sync();
        group.forEach((i, k) => (merges[i] = mergesOf(areas[k])));
      } catch {
        if (group.length === 1) {
          refused.push(group[0]);
          return;
        }
        const half = Math.ceil(group.length / 2);
        await attempt(group.slice(0, half));
        await attempt(group.slice(half));
      }
    };
    await attempt(sheets.map((_, i) => i));
    for (const i of refused.sort((a, b) => a - b))
      notes.push(
        `Excel could not list the merged cells on '${sheets[i].name}' (it may have more than ${MAX_MERGED_AREAS} merged areas), ` +
          "so that sheet was read without them: check any finding on it that points into merged cells.",
      );
    return merges;
  }

  private async readInPieces(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<LoadedBlock[][]> {
    const used = sheets.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("address");
      return range;
    });
    await context.sync();

    // Cut each used range into row bands of at most readCellsPerSync cells, then pack the
    // bands into syncs.
    const pieces: { sheet: number; bounds: Bounds }[] = [];
    used.forEach((r, i) => {
      if (r.isNullObject) return;
      const b = parseRangeAddress(r.address);
      const width = b.right - b.left + 1;
      const rowsPer = Math.max(1, Math.floor(this.readCellsPerSync / width));
      for (let top = b.top; top <= b.bottom; top += rowsPer) {
        pieces.push({ sheet: i, bounds: { ...b, top, bottom: Math.min(b.bottom, top + rowsPer - 1) } });
      }
    });
    const blocks: LoadedBlock[][] = sheets.map(() => []);
    let batch: { sheet: number; bounds: Bounds; range: Excel.Range }[] = [];
    let cells = 0;
    const flush = async () => {
      if (!batch.length) return;
      await context.sync();
      for (const p of batch) blocks[p.sheet].push(loadedBlock(p.range, p.bounds));
      batch = [];
      cells = 0;
    };
    for (const p of pieces) {
      const n = (p.bounds.bottom - p.bounds.top + 1) * (p.bounds.right - p.bounds.left + 1);
      if (cells > 0 && cells + n > this.readCellsPerSync) await flush();
      const range = sheets[p.sheet].getRange(boundsAddress(p.bounds));
      range.load(RANGE_PROPS);
      batch.push({ ...p, range });
      cells += n;
    }
    await flush();
    return blocks;
  }

  // ---- writing --------------------------------------------------------------------------

  async writeSummaries(plan: SummaryPlan, onProgress?: ProgressListener): Promise<WriteResult> {
    // A band of content is at most a quarter of a request, so one never outgrows the budget.
    const rendered = plan.models.map((m) => renderSheet(m, Math.min(512 * 1024, Math.floor(this.payloadBudget / 4))));
    const token = this.token();
    const tempNames = plan.models.map((_, i) => `${TEMP_PREFIX} ${token} ${i + 1}`);
    const oldTempNames = plan.replace.map((_, i) => `${TEMP_PREFIX} ${token} old ${i + 1}`);

    return this.writing(() =>
      this.run(async (context) => {
        const workbook = context.workbook;
        const worksheets = workbook.worksheets;
        const app = workbook.application;

        // Sync 1: what is there now, and may we change it?
        onProgress?.({ step: "Checking the workbook", fraction: 0 });
        worksheets.load("items/name, items/id, items/protection/protected");
        workbook.load("readOnly");
        workbook.protection.load("protected");
        app.load("calculationMode");
        await context.sync();

        const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
        this.checkWritable(plan, rendered, workbook, byName);
        const olds = plan.replace
          .map((name, i) => ({ ws: byName.get(name.toLowerCase()), original: name, temp: oldTempNames[i] }))
          .filter((o): o is { ws: Excel.Worksheet; original: string; temp: string } => o.ws !== undefined);
        const oldTables = olds.map((o) => {
          o.ws.tables.load("items/name");
          return o.ws.tables;
        });
        const oldIds = new Set(olds.map((o) => o.ws.id));
        const originalCalc = app.calculationMode;

        const notes: string[] = [];
        const created: Excel.Worksheet[] = [];
        const newTables: { table: Excel.Table; name: string }[] = [];
        let swapping = false;
        try {
          // Sync 2 (more only for very large summaries): the new sheets, under temporary names.
          onProgress?.({ step: "Writing the summary sheets", fraction: 0.2 });
          app.suspendScreenUpdatingUntilNextSync();
          if (originalCalc !== "Manual") app.calculationMode = "Manual";
          const budget = new PayloadBudget(context, this.payloadBudget, () => app.suspendScreenUpdatingUntilNextSync());
          for (let i = 0; i < plan.models.length; i++) {
            const ws = worksheets.add(tempNames[i]);
            ws.load("id");
            created.push(ws);
            await this.writeSheet(ws, plan.models[i], rendered[i], token, newTables, budget);
          }
          await context.sync();

          // Sync 3: swap. Old summaries and their tables step aside under temporary names,
          // the new ones take the final names, and the old ones are deleted last of all.
          onProgress?.({ step: "Replacing the earlier summaries", fraction: 0.8 });
          swapping = true;
          app.suspendScreenUpdatingUntilNextSync();
          oldTables.forEach((tables, k) => tables.items.forEach((t, j) => (t.name = `${t.name}_old${token}${k}_${j}`)));
          olds.forEach((o) => (o.ws.name = o.temp));
          created.forEach((ws, i) => (ws.name = plan.models[i].name));
          newTables.forEach((t) => (t.table.name = t.name));
          if (originalCalc !== "Manual") app.calculationMode = originalCalc;
          created[0]?.activate();
          olds.forEach((o) => o.ws.delete());
          await context.sync();
        } catch (e) {
          const base = describeFailure(e, "write the summary sheets");
          // Once an old summary has been deleted there is no way back: finish the swap instead.
          const forward = swapping ? await this.rollForward(context, olds) : null;
          if (forward === "done") {
            notes.push("Excel reported a problem while removing the earlier summary sheets; they were removed on a second attempt.");
          } else if (forward) {
            throw new HostError(
              `The summary sheets were written, but the earlier summary ${forward.length === 1 ? "sheet" : "sheets"} ` +
                `${forward.map((n) => `'${n}'`).join(", ")} could not be removed: delete ${forward.length === 1 ? "it" : "them"} by hand.`,
            );
          } else {
            const tidy = await this.rollBack(context, created, tempNames, oldIds, olds, oldTables, swapping, originalCalc);
            throw new HostError(
              tidy
                ? `${base} The workbook has been left as it was.`
                : `${base} Some temporary sheets may remain: delete any sheet whose name begins "${TEMP_PREFIX}".`,
            );
          }
        }
        onProgress?.({ step: "Done", fraction: 1 });
        return {
          written: plan.models.map((m) => ({ id: m.id, name: m.name })),
          notes: [...plan.notes, ...notes],
        };
      }),
    );
  }

  /** Refuses, with a message saying what to do, anything that would fail part way. */
  private checkWritable(
    plan: SummaryPlan,
    rendered: RenderedSheet[],
    workbook: Excel.Workbook,
    byName: Map<string, Excel.Worksheet>,
  ): void {
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

  /**
   * After a failed swap: if an old summary is already gone, the new sheets are in place
   * (renames come before deletes), so the remaining old sheets are deleted again. Returns
   * null when every old sheet still exists (roll back instead), "done" when finished, or
   * the temporary names of old sheets that could not be deleted.
   */
  private async rollForward(
    context: Excel.RequestContext,
    olds: { ws: Excel.Worksheet; temp: string }[],
  ): Promise<"done" | string[] | null> {
    try {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name, items/id");
      await context.sync();
      const ids = new Set(worksheets.items.map((ws) => ws.id));
      const remaining = olds.filter((o) => ids.has(o.ws.id));
      if (remaining.length === olds.length) return null;
      const items = worksheets.items.filter((ws) => remaining.some((o) => o.ws.id === ws.id));
      const names = items.map((ws) => ws.name);
      try {
        items.forEach((ws) => ws.delete());
        await context.sync();
        return "done";
      } catch {
        return names;
      }
    } catch {
      return null;
    }
  }

  /** Undoes a failed build: new sheets deleted, old summaries (and their tables) given back their names. */
  private async rollBack(
    context: Excel.RequestContext,
    created: Excel.Worksheet[],
    tempNames: string[],
    oldIds: Set<string>,
    olds: { ws: Excel.Worksheet; original: string }[],
    oldTables: Excel.TableCollection[],
    swapping: boolean,
    originalCalc: string,
  ): Promise<boolean> {
    try {
      // Sheets are found again by id (stable across renames) or by their temporary names
      // (a sheet whose add failed has no id).
      const createdIds = new Set<string>();
      if (swapping) for (const ws of created) createdIds.add(ws.id);
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name, items/id");
      await context.sync();
      const temp = new Set(tempNames);
      const original = new Map(olds.map((o) => [o.ws.id, o.original]));
      for (const ws of worksheets.items) {
        if (createdIds.has(ws.id) || temp.has(ws.name)) ws.delete();
      }
      for (const ws of worksheets.items) {
        const name = original.get(ws.id);
        if (oldIds.has(ws.id) && name !== undefined && ws.name !== name) ws.name = name;
      }
      if (swapping) {
        oldTables.forEach((tables) =>
          tables.items.forEach((t) => {
            const m = /^(.*)_old[A-Z0-9]+\d+_\d+$/.exec(t.name);
            if (m) t.name = m[1];
          }),
        );
      }
      context.workbook.application.calculationMode = originalCalc as Excel.CalculationMode;
      await context.sync();
      return true;
    } catch {
      return false;
    }
  }

  private async writeSheet(
    ws: Excel.Worksheet,
    model: SheetModel,
    r: RenderedSheet,
    token: string,
    newTables: { table: Excel.Table; name: string }[],
    budget: PayloadBudget,
  ): Promise<void> {
    // Tables first, on the empty sheet: the content written next fills their headers and
    // totals rows. They take temporary names, as the old summary may still hold the names.
    for (const t of r.tables) {
      await budget.spend(OP_BYTES * 5 + 2 * utf8Bytes(t.model.name) + t.model.style.length + 40);
      const table = ws.tables.add(boundsAddress(t.bounds), true);
      table.name = `${t.model.name}_new${token}`;
      table.style = t.model.style;
      if (t.model.totalsRow) table.showTotals = true;
      newTables.push({ table, name: t.model.name });
    }
    // Formats before content, so text written into an `@` cell stays text.
    for (const f of r.formats) {
      await budget.spend(formatBytes(f));
      writeFormat(ws, f);
    }
    for (const band of r.bands) {
      await budget.spend(OP_BYTES * 2 + 20 + band.bytes);
      ws.getRange(boundsAddress(band.bounds)).formulas = band.formulas;
    }
    for (const group of r.styles) {
      for (const address of areaLists(group.areas)) {
        await budget.spend(styleBytes(group.style, address));
        applyStyle(ws.getRanges(address).format, group);
      }
    }
    for (const m of r.merges) {
      await budget.spend(OP_BYTES * 2 + 20);
      ws.getRange(boundsAddress(m)).merge(false);
    }
    for (const w of r.widths) {
      await budget.spend(OP_BYTES * 2 + 20);
      ws.getRange(columnAddress(w.col)).format.columnWidth = w.points;
    }
    for (const h of r.heights) {
      for (const address of rowLists(h.rows)) {
        await budget.spend(OP_BYTES * 2 + address.length + 20);
        ws.getRanges(address).format.rowHeight = h.points;
      }
    }
    await budget.spend(OP_BYTES * 10 + utf8Bytes(model.print.footer) + utf8Bytes(model.print.header ?? ""));
    if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
    const layout = ws.pageLayout;
    layout.orientation = model.print.orientation === "landscape" ? "Landscape" : "Portrait";
    // verticalFitToPages 0: as many pages tall as needed.
    layout.zoom = { horizontalFitToPages: model.print.fitToPagesWide, verticalFitToPages: 0 };
    if (model.print.repeatRows) layout.setPrintTitleRows(`$${model.print.repeatRows.from}:$${model.print.repeatRows.to}`);
    const page = layout.headersFooters.defaultForAllPages;
    page.centerFooter = model.print.footer;
    if (model.print.header) page.leftHeader = model.print.header;
    if (model.tabColor) ws.tabColor = `#${model.tabColor}`;
  }

  // ---- settings, navigation ----------------------------------------------------------------

  async saveSettings(settings: Settings): Promise<void> {
    const json = settingsToJson(settings);
    try {
      await this.writing(() =>
        this.run(async (context) => {
          const workbook = context.workbook;
          workbook.load("readOnly");
          workbook.protection.load("protected");
          const existing = workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
          existing.load("protection/protected");
          await context.sync();
          if (workbook.readOnly)
            throw new HostError("This workbook is open read-only, so the settings cannot be saved in it. Save a copy you can edit, then try again.");
          if (!existing.isNullObject && existing.protection.protected)
            throw new HostError(`The settings sheet '${SETTINGS_SHEET_NAME}' is protected, so the settings cannot be saved.`);
          if (existing.isNullObject && workbook.protection.protected)
            throw new HostError(
              "The workbook's structure is protected, so the settings sheet cannot be added. Unprotect it (Review > Protect Workbook), then save again.",
            );
          const ws = existing.isNullObject ? workbook.worksheets.add(SETTINGS_SHEET_NAME) : existing;
          // Very hidden: out of the way of the Unhide menu, so it is not edited by mistake.
          ws.visibility = "VeryHidden";
          const cell = ws.getRange("A1");
          cell.numberFormat = [["@"]];
          cell.values = [[json]];
          await context.sync();
        }),
      );
    } catch (e) {
      throw new HostError(describeFailure(e, "save the settings"));
    }
  }

  async goToCell(sheet: string, cell: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("visibility");
        await context.sync();
        if (ws.isNullObject)
          throw new HostError(`The sheet '${sheet}' no longer exists: it may have been renamed or deleted. Check the workbook again.`);
        if (ws.visibility !== "Visible")
          throw new HostError(`The sheet '${sheet}' is hidden. Unhide it to go to ${cell}.`);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw new HostError(describeFailure(e, `go to ${cell} on '${sheet}'`));
    }
  }

  // ---- templates -------------------------------------------------------------------------

  /**
   * Adds a blank standard template as a new sheet under the first free name (`Directions`,
   * `Directions (2)`…), with its drop-down lists, date and amount rules; activates it and
   * returns its name. Two syncs. All or nothing: the sheet is built under a temporary
   * name and renamed last, and a failure removes whatever was made.
   */
  async insertTemplate(kind: TemplateKind): Promise<string> {
    const model = templateModel(kind);
    const rendered = renderTemplate(model);
    const temp = `${TEMP_PREFIX} ${this.token()} template`;
    try {
      return await this.writing(() =>
        this.run(async (context) => {
          const workbook = context.workbook;
          const worksheets = workbook.worksheets;
          // Sync 1: the names in use, and may a sheet be added?
          worksheets.load("items/name, items/id");
          workbook.load("readOnly");
          workbook.protection.load("protected");
          await context.sync();
          if (workbook.readOnly)
            throw new HostError(
              "This workbook is open read-only, so a template sheet cannot be added. Save a copy you can edit (File > Save As), then try again.",
            );
          if (workbook.protection.protected)
            throw new HostError(
              "The workbook's structure is protected, so a template sheet cannot be added. Unprotect it (Review > Protect Workbook), then try again.",
            );
          const before = worksheets.items;
          const name = freeSheetName(model.sheetName, before.map((ws) => ws.name));

          // Sync 2: the whole sheet.
          try {
            const ws = worksheets.add(temp);
            this.writeTemplate(ws, model, rendered);
            ws.name = name;
            ws.activate();
            await context.sync();
          } catch (e) {
            const tidy = await this.removeNewSheet(context, new Set(before.map((ws) => ws.id)), [temp, name]);
            const base = describeFailure(e, `add the template sheet '${name}'`);
            throw new HostError(
              tidy ? `${base} Nothing was added.` : `${base} A part-made sheet may remain: delete '${name}' or '${temp}' if you see it.`,
            );
          }
          return name;
        }),
      );
    } catch (e) {
      throw new HostError(describeFailure(e, "add the template sheet"));
    }
  }

  /** Queues a template's cells, looks, merges, sizes, validation and page setup on a new sheet. */
  private writeTemplate(ws: Excel.Worksheet, model: TemplateModel, r: RenderedTemplate): void {
    // Formats first, so text written into an `@` cell stays text.
    for (const f of r.formats) writeFormat(ws, f);
    for (const band of r.bands) ws.getRange(boundsAddress(band.bounds)).formulas = band.formulas;
    for (const group of r.styles) for (const address of areaLists(group.areas)) applyStyle(ws.getRanges(address).format, group);
    for (const m of r.merges) ws.getRange(boundsAddress(m)).merge(false);
    for (const w of r.widths) ws.getRange(columnAddress(w.col)).format.columnWidth = w.points;
    for (const h of r.heights) ws.getRange(rowAddress(h.row)).format.rowHeight = h.points;
    for (const v of r.validations) {
      const dv = ws.getRange(boundsAddress(v.bounds)).dataValidation;
      // Blank input cells are allowed: the template starts empty.
      dv.ignoreBlanks = true;
      dv.rule = v.rule;
      dv.prompt = v.prompt;
      dv.errorAlert = v.errorAlert;
    }
    if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
    // As the .xlsx template: A4 landscape, one page wide.
    const layout = ws.pageLayout;
    layout.orientation = "Landscape";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }

  /**
   * Deletes a sheet this host was adding when its batch failed: one not there before
   * (`existing` ids) under one of `names`. Returns false where that failed too.
   */
  private async removeNewSheet(context: Excel.RequestContext, existing: Set<string>, names: string[]): Promise<boolean> {
    try {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name, items/id");
      await context.sync();
      const wanted = new Set(names.map((n) => n.toLowerCase()));
      const ours = worksheets.items.filter((ws) => !existing.has(ws.id) && wanted.has(ws.name.toLowerCase()));
      if (!ours.length) return true;
      ours.forEach((ws) => ws.delete());
      await context.sync();
      return true;
    } catch {
      return false;
    }
  }

  // ---- change events -----------------------------------------------------------------------

  /**
   * Calls `listener` when the user (or a co-author) changes the workbook: a cell or its
   * number format, a sheet added or deleted, and, where ExcelApi 1.17 is there, a sheet
   * renamed. Changes this host makes itself are ignored (while writing, and for
   * eventQuietMs after). Returns the way to stop. Where Excel will not register the
   * events, nothing is called and the pane's Check button is the way to recheck.
   */
  onChanged(listener: () => void): () => void {
    let stopped = false;
    const handler = async (): Promise<void> => {
      if (!stopped && !this.quiet()) listener();
    };
    const registered: Promise<Registration[]> = this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const list: Registration[] = [
        worksheets.onChanged.add(handler),
        worksheets.onFormatChanged.add(handler),
        worksheets.onAdded.add(handler),
        worksheets.onDeleted.add(handler),
      ];
      if (this.isSetSupported("ExcelApi", "1.17")) list.push(worksheets.onNameChanged.add(handler));
      await context.sync();
      return list;
    }).catch(() => []);
    return () => {
      if (stopped) return;
      stopped = true;
      void registered.then(async (list) => {
        if (!list.length) return;
        try {
          // Removal is queued on the context the handlers were added with.
          list.forEach((r) => r.remove());
          await list[0].context.sync();
        } catch {
          // Excel has closed the workbook or the pane; the handlers are gone with it.
        }
      });
    };
  }
}

function loadedBlock(range: Excel.Range, bounds: Bounds): LoadedBlock {
  return { bounds, values: range.values, numberFormat: range.numberFormat };
}

function mergesOf(areas: Excel.RangeAreas): Merge[] {
  if (areas.isNullObject || !areas.address) return [];
  return parseAreasAddress(areas.address);
}

/** A block's number format: one value per cell, as Range.numberFormat takes it. */
function writeFormat(ws: Excel.Worksheet, f: FormatArea): void {
  const b = f.bounds;
  const row = new Array<string>(b.right - b.left + 1).fill(f.format);
  ws.getRange(boundsAddress(b)).numberFormat = Array.from({ length: b.bottom - b.top + 1 }, () => row);
}

function formatBytes(f: FormatArea): number {
  const b = f.bounds;
  const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
  // Each cell: the format in quotes and a comma (escapes allowed for); each row: brackets.
  return OP_BYTES * 2 + 20 + cells * (utf8Bytes(f.format) * 2 + 3) + (b.bottom - b.top + 1) * 2;
}

/** Areas as address lists for Worksheet.getRanges, each within MAX_AREAS_ADDRESS characters. */
export function areaLists(areas: Bounds[], max = MAX_AREAS_ADDRESS): string[] {
  return chunkAddresses(areas.map(boundsAddress), max);
}

function chunkAddresses(addresses: string[], max: number): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 2 + address.length > max) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current}, ${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/** Whole-row blocks (`5:9`) as address lists for Worksheet.getRanges. */
function rowLists(rows: Bounds[]): string[] {
  return chunkAddresses(rows.map((b) => (b.top === b.bottom ? rowAddress(b.top) : `${b.top}:${b.bottom}`)), MAX_AREAS_ADDRESS);
}

/** The properties a style sets, with their values (as applyStyle sets them). */
function styleProps(s: Style): number {
  return (
    Number(s.fill !== undefined) +
    Number(s.bold !== undefined) +
    Number(s.italic !== undefined) +
    Number(s.size !== undefined) +
    Number(s.color !== undefined) +
    Number(s.underline === true) +
    Number(s.wrap !== undefined) +
    Number(s.align !== undefined) +
    Number(s.verticalAlign !== undefined) +
    (s.border ? 5 : 0)
  );
}

function styleBytes(style: Style, address: string): number {
  return OP_BYTES * (2 + styleProps(style)) + address.length + 20;
}

function applyStyle(format: Excel.RangeFormat, group: StyleGroup): void {
  const s = group.style;
  if (s.fill) format.fill.color = `#${s.fill}`;
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.size !== undefined) format.font.size = s.size;
  if (s.color) format.font.color = `#${s.color}`;
  if (s.underline) format.font.underline = "Single";
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.align) format.horizontalAlignment = H_ALIGN[s.align];
  if (s.verticalAlign) format.verticalAlignment = V_ALIGN[s.verticalAlign];
  if (s.border) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // A group with a border holds areas of one shape (see StyleGroup): all wider than one
    // column, or none.
    const a = group.areas[0];
    if (a && a.right > a.left) edges.push("InsideVertical");
    for (const edge of edges) format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous";
  }
}

/** The wanted name, or the first free `Name (2)`, `Name (3)`…, compared without regard to case. */
export function freeSheetName(wanted: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = numberedName(wanted, n);
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * The Office.js host: reads a workbook snapshot and writes the summary sheets through
 * Excel's JavaScript API, in a number of context.sync() calls fixed whatever the number of
 * sheets (it grows only with the bytes a request must carry: Excel on the web refuses a
 * request or response over 5 MB). The work is in reading.ts, writing.ts, templates.ts and
 * events.ts; this class holds the options they share and the small calls.
 *
 * Declared minimum: ExcelApi 1.9 (manifest.xml). Anything newer is used only behind
 * isSetSupported, with a fallback (merged areas: 1.13, else no merges; waiting for cell
 * edit mode: 1.11, else retried; sheet renamed events: 1.17, else a rename is seen at the
 * next check). scripts/api-guard.ts lists every member used here and a test checks each
 * against @types/office-js.
 */
import { SETTINGS_SHEET_NAME, settingsToJson, type Settings } from "../../core/settings";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { SummaryPlan } from "../../core/summary/sheet-model";
import type { TemplateKind } from "../../core/templates/template-model";
import { HostError, type ProgressListener, type WorkbookHost, type WriteResult } from "../host";
import { hostError } from "./errors";
import { watchChanges } from "./events";
import { readSnapshot } from "./reading";
import { Session, buildToken, type ExcelRun } from "./session";
import { insertTemplate } from "./templates";
import { writeSummaries } from "./writing";


interface ExcelHostOptions {
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported, or a stand-in. */
  isSetSupported?: (name: string, version: string) => boolean;
  /**
   * Bytes queued or read before a sync. Excel on the web refuses a request or a response
   * over 5 MB; 4 MB leaves room for the request's own bookkeeping.
   */
  payloadBudget?: number;
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
  /** Waiting between tries while the user edits a cell (tests pass a quick one). */
  wait?: (ms: number) => Promise<void>;
  /** How long a batch keeps waiting for a cell edit to end where Excel cannot wait itself. */
  cellEditPatienceMs?: number;
}

function defaultRun<T>(first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), batch?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (typeof first === "function") return Excel.run(first);
  if (!batch) throw new Error("Excel.run needs a batch");
  return Excel.run(first, batch);
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context.requirements.isSetSupported(name, version);
}



export class ExcelHost implements WorkbookHost {
  private readonly session: Session;

  constructor(options: ExcelHostOptions = {}) {
    this.session = new Session({
      run: options.run ?? defaultRun,
      isSetSupported: options.isSetSupported ?? defaultIsSetSupported,
      payloadBudget: options.payloadBudget ?? 4 * 1024 * 1024,
      token: options.token ?? (() => buildToken(Date.now())),
      eventQuietMs: options.eventQuietMs ?? 1000,
      now: options.now ?? Date.now,
      wait: options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      cellEditPatienceMs: options.cellEditPatienceMs ?? 120_000,
    });
  }

  readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    return readSnapshot({ session: this.session, ...(onProgress ? { onProgress } : {}) });
  }

  writeSummaries(plan: SummaryPlan, onProgress?: ProgressListener): Promise<WriteResult> {
    return writeSummaries({ session: this.session, plan, ...(onProgress ? { onProgress } : {}) }).catch((e: unknown) => {
      throw hostError(e, "write the summary sheets");
    });
  }

  insertTemplate(kind: TemplateKind): Promise<string> {
    return insertTemplate(this.session, kind);
  }

  onChanged(listener: () => void, onProblem?: (message: string) => void): () => void {
    return watchChanges(this.session, listener, onProblem);
  }

  async saveSettings(settings: Settings): Promise<void> {
    const json = settingsToJson(settings);
    try {
      await this.session.writing(() =>
        this.session.batch(async (context) => {
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
      throw hostError(e, "save the settings");
    }
  }

  async goToCell(sheet: string, cell: string): Promise<void> {
    try {
      await this.session.batch(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("visibility");
        await context.sync();
        if (ws.isNullObject)
          throw new HostError(`The sheet '${sheet}' no longer exists: it may have been renamed or deleted. Check the workbook again.`);
        if (ws.visibility !== "Visible") throw new HostError(`The sheet '${sheet}' is hidden. Unhide it to go to ${cell}.`);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw hostError(e, `go to ${cell} on '${sheet}'`);
    }
  }
}

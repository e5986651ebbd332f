/**
 * WorkbookHost over an .xlsx file held in memory (the browser page). Each write works on a
 * fresh load of the current bytes, so a failure part way leaves them as they were.
 */
import type { Settings } from "../../core/settings";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { SummaryPlan } from "../../core/summary/sheet-model";
import { HostError, type ProgressListener, type WorkbookHost, type WriteResult } from "../host";
import { loadWorkbook, type LoadedWorkbook } from "./read";
import { buildSummaryBytes, workbookBytes, writeSettings } from "./write";

export class XlsxHost implements WorkbookHost {
  private current: Uint8Array;
  private loaded: LoadedWorkbook | null = null;
  private output: Uint8Array | null = null;

  constructor(
    bytes: Uint8Array,
    readonly fileName: string,
  ) {
    this.current = bytes;
  }

  /** The workbook's bytes as they now are (settings saved and summaries written, where possible). */
  get bytes(): Uint8Array {
    return this.current;
  }

  /**
   * The last build's output: the workbook with its summaries, or, where it holds parts that
   * cannot be carried over, the separate workbook holding only the summaries.
   */
  get summaryBytes(): Uint8Array | null {
    return this.output;
  }

  private async load(onProgress?: ProgressListener): Promise<LoadedWorkbook> {
    // Reading needs the snapshot only; a write loads afresh for itself.
    this.loaded ??= await loadWorkbook(this.current, this.fileName, { purpose: "check", onProgress });
    return this.loaded;
  }

  async readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    onProgress?.({ step: `Reading ${this.fileName}`, fraction: 0 });
    const loaded = await this.load(onProgress);
    onProgress?.({ step: "Read", fraction: 1 });
    return loaded.snapshot;
  }

  async writeSummaries(plan: SummaryPlan, onProgress?: ProgressListener): Promise<WriteResult> {
    onProgress?.({ step: "Writing the summary sheets", fraction: 0.2 });
    // A fresh load: building changes the exceljs workbook it is given.
    const fresh = await loadWorkbook(this.current, this.fileName);
    const { bytes, result } = await buildSummaryBytes(fresh, plan);
    this.output = bytes;
    if (!result.separateWorkbookReason) {
      // The summaries are now part of this workbook.
      this.current = bytes;
      this.loaded = null;
    }
    onProgress?.({ step: "Done", fraction: 1 });
    // As the Excel host does: the plan's notes and this host's, together.
    return { ...result, notes: [...plan.notes, ...result.notes] };
  }

  async saveSettings(settings: Settings): Promise<void> {
    const fresh = await loadWorkbook(this.current, this.fileName);
    if (fresh.inspection.unsupportedParts.length) {
      throw new HostError(
        `The settings cannot be saved in ${this.fileName}: it holds ${fresh.inspection.unsupportedParts[0]}, which would be lost if the file were rewritten.`,
      );
    }
    writeSettings(fresh.workbook, settings);
    this.current = await workbookBytes(fresh.workbook);
    this.loaded = null;
  }
}

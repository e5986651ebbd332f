/**
 * WorkbookHost over an .xlsx file held in memory (the browser page's worker). Summaries and
 * settings are written into the workbook by addition (write.ts): each write works on the
 * current bytes and replaces them only once the new package is complete, so a failure part
 * way leaves them as they were.
 */
import type { Settings } from "../../core/settings";
import { objectSnapshot, type WorkbookSnapshot } from "../../core/snapshot";
import type { SummaryPlan } from "../../core/summary/sheet-model";
import type { ProgressListener, WorkbookHost, WriteResult } from "../host";
import { openWorkbook, type OpenWorkbook } from "./open";
import type { Inflater } from "./package";
import { buildSummaryBytes, saveSettingsBytes } from "./write";

export interface XlsxHostOptions {
  inflater?: Inflater;
  /** The clock for the time stamps of the parts written. */
  now?: () => Date;
}

export class XlsxHost implements WorkbookHost {
  private current: Uint8Array;
  private opened: Promise<OpenWorkbook> | null = null;
  private output: Uint8Array | null = null;

  constructor(
    bytes: Uint8Array,
    readonly fileName: string,
    private readonly options: XlsxHostOptions = {},
  ) {
    this.current = bytes;
  }

  /** The workbook's bytes as they now are (settings saved and summaries written). */
  get bytes(): Uint8Array {
    return this.current;
  }

  /** The last build's output: the workbook with its summaries. */
  get summaryBytes(): Uint8Array | null {
    return this.output;
  }

  private open(onProgress?: ProgressListener): Promise<OpenWorkbook> {
    if (!this.opened) {
      const opening = openWorkbook(this.current, this.fileName, { inflater: this.options.inflater, onProgress });
      // A failed open is tried again next time rather than remembered.
      opening.catch(() => (this.opened = null));
      this.opened = opening;
    }
    return this.opened;
  }

  private replace(bytes: Uint8Array): void {
    this.current = bytes;
    this.opened = null;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    onProgress?.({ step: `Reading ${this.fileName}`, fraction: 0 });
    const { snapshot } = await this.open(onProgress);
    onProgress?.({ step: "Read", fraction: 1 });
    // The host's callers list cells, and the page's thread is sent the snapshot: as objects.
    return objectSnapshot(snapshot);
  }

  async writeSummaries(plan: SummaryPlan, onProgress?: ProgressListener): Promise<WriteResult> {
    onProgress?.({ step: "Writing the summary sheets", fraction: 0.2 });
    const { bytes, result } = await buildSummaryBytes(await this.open(), plan, this.now());
    // The summaries are now part of this workbook.
    this.output = bytes;
    this.replace(bytes);
    onProgress?.({ step: "Done", fraction: 1 });
    // As the Excel host does: the plan's notes and this host's, together.
    return { ...result, notes: [...plan.notes, ...result.notes] };
  }

  async saveSettings(settings: Settings): Promise<void> {
    const { pkg } = await this.open();
    this.replace(await saveSettingsBytes(pkg, settings, this.now()));
  }
}

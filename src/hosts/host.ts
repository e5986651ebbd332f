/**
 * What the task pane and the page need from a workbook, whatever holds it: Excel through
 * Office.js, or an .xlsx file (src/hosts/xlsx). The UI knows this interface and the engine,
 * nothing else.
 */
import type { WorkbookSnapshot } from "../core/snapshot";
import type { Settings } from "../core/settings";
import type { SheetModel, SummaryPlan } from "../core/summary/sheet-model";
import type { TemplateKind } from "../core/templates/template-model";

/** One step of a long job, for a progress indicator. */
export interface Progress {
  step: string;
  /** 0–1 where known. */
  fraction?: number;
}
export type ProgressListener = (p: Progress) => void;

export interface WriteResult {
  /** The sheets written, by model id, with the names they got. */
  written: { id: SheetModel["id"]; name: string }[];
  /** Plain-language notes for the user (e.g. a user's own sheet kept, a name changed). */
  notes: string[];
}

/** A user-facing failure: `message` says what is wrong and where, fit to show as it is. */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostError";
  }
}

export interface WorkbookHost {
  /** Reads every sheet (hidden ones too) into a snapshot. */
  readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot>;
  /**
   * Writes the plan's sheet models under their names, removing the plan's `replace` sheets
   * (the product's own earlier summaries), never a user's sheet, never a source sheet;
   * all or nothing: new sheets are written first and swapped in last.
   */
  writeSummaries(plan: SummaryPlan, onProgress?: ProgressListener): Promise<WriteResult>;
  /** Saves settings on the very hidden settings sheet. */
  saveSettings(settings: Settings): Promise<void>;
  /** Takes the user to a cell (Excel: activate and select). Absent where there is no grid. */
  goToCell?(sheet: string, cell: string): Promise<void>;
  /** Adds a blank template sheet of a kind; returns the new sheet's name. */
  insertTemplate?(kind: TemplateKind): Promise<string>;
  /**
   * Calls `listener` when someone else changes the workbook (never for the host's own
   * writes); returns the way to stop listening. Absent where the host cannot tell.
   */
  onChanged?(listener: () => void): () => void;
}

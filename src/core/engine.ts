/**
 * The engine's entry points: snapshot → analysis → summary plan. Pure; no I/O.
 */
import type { Analysis } from "./analysis";
import type { Settings } from "./settings";
import type { WorkbookSnapshot } from "./snapshot";
import type { SummaryPlan } from "./summary/sheet-model";

export interface AnalyseOptions {
  /** Settings that override the workbook's saved settings for this run (CLI flags, the pane's unsaved edits). */
  overrides?: Partial<Settings>;
  /** The clock, for "today in Europe/London" when no as-at date is set. */
  now?: Date;
}

/**
 * Recognises every sheet, reads each with its template's reader, rates every record and
 * computes the totals. Throws `SettingsError` where the overrides are invalid.
 */
export function analyse(snapshot: WorkbookSnapshot, options: AnalyseOptions = {}): Analysis {
  throw new Error("analyse is not implemented yet");
}

/** Describes the three summary sheets, with names that never overwrite a user's sheet. */
export function summarise(analysis: Analysis, generatedAt: Date): SummaryPlan {
  throw new Error("summarise is not implemented yet");
}

/**
 * Sheet recognition (standard-templates.md §2): by the labels a sheet holds, never by its
 * name alone, in the spec's order: summary, settings, recovery-action, recovery-register,
 * directions, risk-register, action-plan, other. The product's own summaries are tested first, so a summary is never read as
 * a source.
 */
import type { SheetGrid } from "./grid";
import type { SheetKind } from "./records";
import { SETTINGS_SHEET_NAME } from "./settings";
import type { SheetModel, SummaryId } from "./summary/sheet-model";
import { summaryIdOf } from "./summary/marker";
import { isRecoveryActionSheet } from "./readers/recovery-action";
import { findRegisterHeader, type RegisterHeader } from "./readers/recovery-register";
import { findDirectionsHeader } from "./readers/directions";
import { findRiskRegisterHeader } from "./readers/risk-register";
import { findActionPlanHeader } from "./readers/action-plan";

export interface Recognised {
  kind: SheetKind;
  summaryId?: SheetModel["id"];
  /** For a register, the header that recognised it (its reader starts from it). */
  registerHeader?: RegisterHeader;
}

/**
 * The product's own sheets, told apart before any template: a summary by its marker (found
 * anywhere on the sheet), the settings sheet by its name; null for every other sheet. Also
 * what `build` asks of an existing output before it replaces it (hosts/xlsx/own-sheets.ts),
 * which finds the marker without reading the sheet whole.
 */
export function ownSheet(name: string, summaryId: SummaryId | null): Recognised | null {
  if (summaryId) return { kind: "summary", summaryId };
  if (name === SETTINGS_SHEET_NAME) return { kind: "settings" };
  return null;
}

export function recogniseSheet(grid: SheetGrid): Recognised {
  const own = ownSheet(grid.name, summaryIdOf(grid));
  if (own) return own;
  if (isRecoveryActionSheet(grid)) return { kind: "recovery-action" };
  const registerHeader = findRegisterHeader(grid);
  if (registerHeader) return { kind: "recovery-register", registerHeader };
  if (findDirectionsHeader(grid)) return { kind: "directions" };
  if (findRiskRegisterHeader(grid)) return { kind: "risk-register" };
  if (findActionPlanHeader(grid)) return { kind: "action-plan" };
  return { kind: "other" };
}

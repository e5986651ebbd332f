/**
 * The engine's entry points: snapshot → analysis → summary plan. Pure; no I/O.
 */
import { actionPlanTotals } from "./actions/action-totals";
import { rateAction } from "./actions/action-rag";
import { isRagMismatch, ragMismatchFinding } from "./actions/rag-mismatch";
import type { Action, ActionPlanSheet, RatedAction } from "./actions/records";
import type { Analysis, SheetInfo } from "./analysis";
import { finding, findingStats, sortFindings, type Finding } from "./findings";
import { SheetGrid } from "./grid";
import { directionRater, rateRecoveryAction } from "./rag";
import { recogniseSheet } from "./recognise";
import type { Direction, RagResult, RecoveryAction } from "./records";
import { readDirections } from "./readers/directions";
import { FormFields, readRecoveryAction } from "./readers/recovery-action";
import { blankFormFinding } from "./readers/recovery-action/blank-form";
import { readActionPlan } from "./readers/action-plan";
import { readRecoveryRegister } from "./readers/recovery-register";
import { readRiskRegister } from "./readers/risk-register";
import { reconcileRecoveryActions } from "./readers/reconcile";
import {
  DEFAULT_SETTINGS,
  SETTINGS_SHEET_NAME,
  effectiveAsOf,
  mergeSettings,
  settingsFromJson,
  type Settings,
} from "./settings";
import type { RatedRisk, Risk, RiskRegisterSheet } from "./risks/records";
import { riskFindings } from "./risks/risk-findings";
import { rateRisk } from "./risks/risk-rag";
import { riskTotals } from "./risks/risk-totals";
import type { AnyWorkbookSnapshot, Cell } from "./snapshot";
import { planSummaries } from "./summary/plan";
import type { SummaryPlan } from "./summary/sheet-model";
import { directionTotals, recoveryTotals } from "./totals";
import { displayText } from "./values";

export interface AnalyseOptions {
  /** Settings that override the workbook's saved settings for this run (CLI flags, the pane's unsaved edits). */
  overrides?: Partial<Settings>;
  /** The clock, for "today in Europe/London" when no as-at date is set. */
  now?: Date;
}

/** Settings that cannot be used; the message says which and why. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

/**
 * Adds items to a list one by one: `push(...items)` overflows the stack past ~100,000 items.
 * Indexed, not for…of: a command line's one run steps through a register's 100,000 lines
 * before the loop is optimised, and each step of an array iterator there makes a result
 * object (4 MB on register-100000).
 */
function append<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
}

/**
 * A record made by this run's readers, given its rating in place: the same properties in
 * the same order as `Object.assign({}, record, rating)`, without a copy. Each copy cost
 * more than everything else done for a register line: `Object.assign` stores by key, and
 * past a dozen properties V8 turns the object into a dictionary; a spread of a spread's
 * result gives every line a hidden class of its own. A reader's object literal shares one
 * class, and two properties stored by name keep it shared.
 */
function withRating<T extends object>(record: T, rating: RagResult): T & RagResult {
  const rated = record as T & RagResult;
  rated.rag = rating.rag;
  rated.ragReason = rating.ragReason;
  return rated;
}

/**
 * Each of this run's records given its rating in place (withRating), and the same list
 * returned, not a copy: a register's 100,000 actions or 50,000 directions are not mapped
 * into a second list.
 */
function ratedInPlace<T extends object>(records: T[], rate: (record: T) => RagResult): (T & RagResult)[] {
  for (let i = 0; i < records.length; i++) withRating(records[i], rate(records[i]));
  return records as (T & RagResult)[];
}

/** The settings saved in the workbook (defaults where there are none). */
function savedSettings(snapshot: AnyWorkbookSnapshot): { settings: Settings; problem?: string } {
  const sheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
  if (!sheet) return { settings: DEFAULT_SETTINGS };
  // The first A1 the sheet lists (a host lists each position once; were one listed twice, the first).
  const grid = new SheetGrid(sheet);
  let a1: Cell | undefined;
  for (let i = 0; i < grid.cellCount && !a1; i++) {
    const c = grid.cellAt(i);
    if (c.row === 1 && c.col === 1) a1 = c;
  }
  const json = a1 ? displayText(a1) : "";
  if (!json) return { settings: DEFAULT_SETTINGS };
  return settingsFromJson(json);
}

/**
 * Recognises every sheet, reads each with its template's reader, rates every record and
 * computes the totals. Throws `SettingsError` where the overrides are invalid.
 */
export function analyse(snapshot: AnyWorkbookSnapshot, options: AnalyseOptions = {}): Analysis {
  const notes: string[] = [...(snapshot.notes ?? [])];
  const saved = savedSettings(snapshot);
  if (saved.problem) notes.push(saved.problem);
  const merged = mergeSettings(saved.settings, options.overrides ?? {});
  if (!merged.ok) throw new SettingsError(merged.message);
  const settings = merged.settings;
  const asOf = effectiveAsOf(settings, options.now);

  const sheets: SheetInfo[] = [];
  const findings: Finding[] = [];
  let actions: RecoveryAction[] = [];
  let directions: Direction[] = [];
  let period: string | null = null;
  const plans: ActionPlanSheet[] = [];
  const planActions: Action[] = [];
  const registers: RiskRegisterSheet[] = [];
  const risks: Risk[] = [];

  for (const sheet of snapshot.sheets) {
    const grid = new SheetGrid(sheet);
    const { kind, summaryId, registerHeader } = recogniseSheet(grid);
    sheets.push({ name: sheet.name, kind, visibility: sheet.visibility, ...(summaryId ? { summaryId } : {}) });
    switch (kind) {
      case "recovery-action": {
        // The blank-form test and the reader look at the same fields: found once.
        const fields = new FormFields(grid);
        const blank = blankFormFinding(fields);
        if (blank) {
          findings.push(blank);
          break;
        }
        const r = readRecoveryAction(grid, fields);
        actions.push(r.action);
        append(findings, r.findings);
        break;
      }
      case "recovery-register": {
        if (!registerHeader) break;
        const r = readRecoveryRegister(grid, registerHeader);
        // The reader's list is its own: the first one met is taken as it is, not copied.
        if (actions.length === 0) actions = r.actions;
        else append(actions, r.actions);
        append(findings, r.findings);
        break;
      }
      case "directions": {
        const r = readDirections(grid);
        // The first sheet's list taken as read, not copied (a long report's 50,000 directions).
        if (directions.length === 0) directions = r.directions;
        else append(directions, r.directions);
        append(findings, r.findings);
        period = period ?? r.period;
        break;
      }
      case "risk-register": {
        const r = readRiskRegister(grid);
        if (r.register) registers.push(r.register);
        append(risks, r.risks);
        append(findings, r.findings);
        break;
      }
      case "action-plan": {
        const r = readActionPlan(grid);
        if (r.plan) plans.push(r.plan);
        append(planActions, r.actions);
        append(findings, r.findings);
        break;
      }
      case "other":
        if (!grid.isEmpty()) {
          findings.push(finding("unrecognised-sheet", { sheet: sheet.name, cell: "A1" }, { sheet: sheet.name }));
        }
        break;
      default:
        break;
    }
  }

  const reconciled = reconcileRecoveryActions(actions);
  append(findings, reconciled.findings);
  const ratedActions = ratedInPlace(reconciled.actions, (a) => rateRecoveryAction(a, settings));
  const rateDirection = directionRater(settings, asOf);
  const ratedDirections = ratedInPlace(directions, rateDirection);
  const ratedPlanActions: RatedAction[] = planActions.map((a) => {
    const rating = rateAction(a, settings, asOf);
    const mismatch = ragMismatchFinding(a, rating);
    if (mismatch) findings.push(mismatch);
    const { why: _why, ...rated } = rating;
    return Object.assign({}, a, rated, { ragMismatch: isRagMismatch(a, rating) });
  });
  const ratedRisks: RatedRisk[] = risks.map((r) => Object.assign({}, r, rateRisk(r, settings)));
  append(findings, riskFindings(ratedRisks, asOf));
  const sheetOrder = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const stats = findingStats(findings);

  return {
    sheets,
    findings: sortFindings(findings, sheetOrder),
    stats,
    valid: stats.error === 0,
    settings,
    asOf,
    notes,
    recovery: { actions: ratedActions, totals: recoveryTotals(ratedActions, settings) },
    directions: { items: ratedDirections, totals: directionTotals(ratedDirections, period) },
    actionPlan: { plans, items: ratedPlanActions, totals: actionPlanTotals(ratedPlanActions) },
    risks: { registers, items: ratedRisks, totals: riskTotals(ratedRisks, settings, asOf) },
  };
}

/** Describes the three summary sheets, with names that never overwrite a user's sheet. */
export function summarise(analysis: Analysis, generatedAt: Date): SummaryPlan {
  return planSummaries(analysis, generatedAt);
}

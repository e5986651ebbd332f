/**
 * Hand-made analyses for the summary sheet tests (the engine's analyse() is not used, so
 * these tests stand alone). Figures echo the seed papers: a £4.5m target, a Midlothian-style
 * register and directions with themes.
 */
import { actionPlanTotals } from "../../../src/core/actions/action-totals";
import type { RatedAction } from "../../../src/core/actions/records";
import { analysisSchema, type Analysis, type SheetInfo } from "../../../src/core/analysis";
import type { RatedRisk } from "../../../src/core/risks/records";
import { riskTotals } from "../../../src/core/risks/risk-totals";
import { findingStats, type Finding } from "../../../src/core/findings";
import type { RatedDirection, RatedRecoveryAction } from "../../../src/core/records";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { directionTotals, recoveryTotals } from "../../../src/core/totals";
import { a1, parseA1 } from "../../../src/core/grid";
import type { ModelCell, SheetModel } from "../../../src/core/summary/sheet-model";
import { SummaryPage } from "../../../src/core/summary/summary-page";
import { modelCells } from "../../../src/core/summary/model-cells";

export function action(over: Partial<RatedRecoveryAction> & Pick<RatedRecoveryAction, "sheet" | "cell" | "ref">): RatedRecoveryAction {
  return {
    source: "register",
    row: parseA1(over.cell).row,
    refCell: null,
    title: null,
    execLead: null,
    description: null,
    serviceArea: null,
    valuePence: null,
    riskLevel: null,
    planDate: null,
    version: null,
    forecastPence: null,
    achievedPence: null,
    strategicAims: [],
    counted: true,
    rag: "grey",
    ragReason: "No valid recovery value above zero",
    ...over,
  };
}

export function direction(over: Partial<RatedDirection> & Pick<RatedDirection, "no" | "row">): RatedDirection {
  return {
    sheet: "Directions",
    cell: `A${over.row}`,
    theme: null,
    text: `Direction ${over.no}`,
    measures: [],
    progress: null,
    narrative: false,
    progressCell: `E${over.row}`,
    source: null,
    dueDate: null,
    rag: "grey",
    ragReason: "No progress reported",
    ...over,
  };
}

export const OBRIEN = "O'Brien's Actions";

export const ACTIONS: RatedRecoveryAction[] = [
  action({
    source: "form",
    sheet: OBRIEN,
    cell: "D7",
    ref: "RA-01",
    title: "Reduce agency spend",
    execLead: "Jane O'Brien",
    serviceArea: "Care at Home",
    valuePence: 44_800_000,
    riskLevel: "high",
    planDate: "2024-03-31",
    rag: "red",
    ragReason: "High risk of not delivering",
  }),
  action({
    source: "form",
    sheet: "MH Form",
    cell: "D7",
    ref: "RA-04",
    title: "Mental health placements",
    serviceArea: "Mental Health",
    valuePence: 5_000_000,
    achievedPence: 5_000_000,
    riskLevel: "low",
    rag: "blue",
    ragReason: "Delivered: £50,000 achieved to date against a value of £50,000",
  }),
  action({
    sheet: "Register",
    cell: "C5",
    ref: "RA-02",
    description: "Prescribing efficiencies",
    serviceArea: "Prescribing",
    valuePence: 94_000_000,
    forecastPence: 90_000_000,
    riskLevel: "medium",
    rag: "green",
    ragReason: "Forecast £900,000 is 95.7% of the £940,000 value (green at 95% or more)",
  }),
  action({
    sheet: "Register",
    cell: "C6",
    ref: "RA-03",
    description: "Reablement",
    serviceArea: "care at home",
    valuePence: 27_700_050,
    forecastPence: 22_000_000,
    riskLevel: "low",
    rag: "amber",
    ragReason: "Forecast £220,000 is 79.4% of the £277,001 value (amber from 75% to below 95%)",
  }),
  // The same action as the form RA-01: kept in the records, not counted again.
  action({ sheet: "Register", cell: "C7", ref: "RA-01", serviceArea: "Care at Home", valuePence: 44_800_000, riskLevel: "high", counted: false, rag: "red", ragReason: "High risk of not delivering" }),
  action({ sheet: "Register", cell: "C8", ref: "RA-05", serviceArea: "Prescribing", description: "Formulary review" }),
];

export const DIRECTIONS: RatedDirection[] = [
  direction({ no: "1.1", row: 6, theme: "Health & Wellbeing", text: "Reduce falls by January 2025", dueDate: "2025-01-31", progress: 95, rag: "green", ragReason: "Progress 95% meets the green threshold of 90%" }),
  direction({ no: "1.2", row: 8, theme: "Health & Wellbeing", progress: 69, rag: "red", ragReason: "Progress 69% is below the amber threshold of 70%" }),
  direction({ no: "2.1", row: 12, theme: "Safe Communities", progress: 100, rag: "blue", ragReason: "Complete: progress is 100%" }),
  direction({ no: "2.2", row: 13, theme: "Safe Communities", narrative: true, rag: "grey", ragReason: "Progress is reported as narrative, not a percentage" }),
  direction({ no: "3.1", row: 17, progress: 75, rag: "amber", ragReason: "Progress 75% is below the green threshold of 90% but meets the amber threshold of 70%" }),
  direction({ no: "3.2", row: 18, text: "Open the hub by January 2024", dueDate: "2024-01-31", progress: 50, rag: "red", ragReason: "Overdue: the target date 31/01/2024 has passed and progress is 50%" }),
];

export const FINDINGS: Finding[] = [
  { severity: "error", code: "missing-field", sheet: OBRIEN, cell: "B9", message: "Exec Lead is empty: give the executive lead's name." },
  { severity: "warning", code: "missing-target-date", sheet: "Directions", cell: "C8", message: "Direction 1.2 has no target date." },
  { severity: "info", code: "unrecognised-sheet", sheet: "Notes", cell: "A1", message: "Sheet 'Notes' is not on a standard template." },
];

export const SOURCE_SHEETS: SheetInfo[] = [
  { name: OBRIEN, kind: "recovery-action", visibility: "visible" },
  { name: "MH Form", kind: "recovery-action", visibility: "hidden" },
  { name: "Register", kind: "recovery-register", visibility: "visible" },
  { name: "Directions", kind: "directions", visibility: "visible" },
  { name: "Notes", kind: "other", visibility: "visible" },
];

export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, brag: true, targetPence: 450_000_000, asOf: "2024-03-21" };

export function makeAnalysis(over: {
  settings?: Partial<Settings>;
  actions?: RatedRecoveryAction[];
  directions?: RatedDirection[];
  findings?: Finding[];
  sheets?: SheetInfo[];
  notes?: string[];
  /** Action-plan actions and risks (none unless given). */
  planActions?: RatedAction[];
  risks?: RatedRisk[];
} = {}): Analysis {
  const settings = { ...SETTINGS, ...over.settings };
  const actions = over.actions ?? ACTIONS;
  const directions = over.directions ?? DIRECTIONS;
  const findings = over.findings ?? FINDINGS;
  const stats = findingStats(findings);
  return analysisSchema().parse({
    sheets: over.sheets ?? SOURCE_SHEETS,
    findings,
    stats,
    valid: stats.error === 0,
    settings,
    asOf: settings.asOf ?? "2024-03-21",
    notes: over.notes ?? [],
    recovery: { actions, totals: recoveryTotals(actions, settings) },
    directions: { items: directions, totals: directionTotals(directions, "half-year 2023/24") },
    actionPlan: { plans: [], items: over.planActions ?? [], totals: actionPlanTotals(over.planActions ?? []) },
    risks: {
      registers: [],
      items: over.risks ?? [],
      totals: riskTotals(over.risks ?? [], settings, settings.asOf ?? "2024-03-21"),
    },
  });
}

export const EMPTY = (): Analysis => makeAnalysis({ actions: [], directions: [], findings: [], sheets: [] });

/** 14:05 on 21 March 2024 in London (GMT). */
export const GENERATED = new Date("2024-03-21T14:05:00Z");

/** The cell at an A1 address, or undefined. */
export function at(model: SheetModel, address: string): ModelCell | undefined {
  const { row, col } = parseA1(address);
  return modelCells(model).find((c) => c.row === row && c.col === col);
}

/** What a cell shows, for terse assertions: text, number, ISO date, formula or link text. */
export function shown(model: SheetModel, address: string): string | number | null {
  const c = at(model, address);
  if (!c) return null;
  switch (c.content.kind) {
    case "text":
      return c.content.text;
    case "number":
      return c.content.value;
    case "date":
      return c.content.iso;
    case "formula":
      return `=${c.content.formula}`;
    case "link":
      return c.content.text;
  }
}

/** The address of the first cell (row order) whose text is exactly `text`. */
export function find(model: SheetModel, text: string): string {
  const hits = modelCells(model)
    .filter((c) => c.content.kind === "text" && c.content.text === text)
    .sort((x, y) => x.row - y.row || x.col - y.col);
  if (hits.length === 0) throw new Error(`No cell holds "${text}"`);
  return a1(hits[0].row, hits[0].col);
}

/** Every text in the model, for looking for key lines. */
export function texts(model: SheetModel): string[] {
  return modelCells(model).flatMap((c) => (c.content.kind === "text" ? [c.content.text] : []));
}

/** The texts of the key only (from its "Key" heading down), in row then column order. */
export function keyTexts(model: SheetModel): string[] {
  const keyRow = parseA1(find(model, "Key")).row;
  return modelCells(model)
    .filter((c) => c.row >= keyRow && c.content.kind === "text")
    .sort((x, y) => x.row - y.row || x.col - y.col)
    .map((c) => (c.content as { text: string }).text);
}

/** A blank Recovery Summary page on the given columns, for tests that lay tables out on it directly. */
export function recoveryPage(widths: number[], flex: number[]): SummaryPage {
  return new SummaryPage({
    id: "recovery-summary",
    name: "Recovery Summary",
    title: "Recovery Summary",
    widths,
    flex,
    print: { title: "Recovery Summary", organisation: null, asOf: "2023-09-21", generated: "21/09/2023 12:00" },
  });
}

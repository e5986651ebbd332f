/**
 * The recovery-action form's labels (standard-templates.md §3) and how a sheet is known to
 * be one (§2: it holds `Financial Recovery Value` and `Risk Level`).
 */
import type { SheetGrid } from "../../grid";
import { findLabel, type LabelSet } from "../labels";

export const TITLE_PREFIXES = ["Finance Recovery Action", "Financial Recovery Action"] as const;
export const TITLE: LabelSet = { labels: [], prefixes: TITLE_PREFIXES };

/** The form's field labels (§3), each with the name used in messages. */
export const FORM_FIELDS = {
  ref: { name: "Ref", labels: ["Ref", "Reference"] },
  execLead: { name: "Exec Lead(s)", labels: ["Exec Lead(s)", "Exec Lead"] },
  description: { name: "Description", labels: ["Description"] },
  serviceArea: { name: "Lead Service Area(s)", labels: ["Lead Service Area(s)", "Lead Service Area"] },
  value: { name: "Financial Recovery Value", labels: ["Financial Recovery Value"] },
  riskLevel: { name: "Risk Level", labels: ["Risk Level"] },
  planDate: { name: "Plan Date", labels: ["Plan Date"] },
  version: { name: "Version", labels: ["Version"] },
  forecast: { name: "Forecast Saving", labels: ["Forecast Saving", "Forecast"] },
  achieved: { name: "Achieved to Date", labels: ["Achieved to Date", "Delivered to Date"] },
} as const;
export type FieldKey = keyof typeof FORM_FIELDS;

/** The plan table's headings (§3). */
export const PLAN_HEADINGS = {
  aims: ["Strategic Aims"],
  actions: ["Actions"],
  dependencies: ["Dependencies"],
  riskMitigation: ["Risk Mitigation"],
  risks: ["Risks", "Risk"],
  mitigation: ["Mitigation"],
  timeframe: ["Delivery Timeframe"],
} as const;

export const TRIANGULATION: LabelSet = { labels: [], prefixes: ["Triangulation"] };
export const REPORTING_FREQUENCY = ["Reporting Frequency"];

/**
 * Every label of the template: a value search stops at any of these (§1). The
 * triangulation row names are left out on purpose: `Finance` is a plausible service area.
 */
export const FORM_STOP_LABELS: LabelSet = {
  labels: [
    ...Object.values(FORM_FIELDS).flatMap((f) => f.labels),
    ...Object.values(PLAN_HEADINGS).flat(),
    "Triangulation",
    ...REPORTING_FREQUENCY,
  ],
  prefixes: TITLE_PREFIXES,
};

/** §2: the sheet holds the labels `Financial Recovery Value` and `Risk Level`. */
export function isRecoveryActionSheet(grid: SheetGrid): boolean {
  return findLabel(grid, FORM_FIELDS.value.labels) !== null && findLabel(grid, FORM_FIELDS.riskLevel.labels) !== null;
}

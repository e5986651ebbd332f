/**
 * The recovery-action form: one action a sheet (standard-templates.md §3; seed 000,
 * Midlothian HSCP Financial Recovery Actions 2024/25). Each part of the form is read in a
 * file of its own: the labels (form-labels.ts), a field's value (form-field.ts), the title
 * (here), the plan table (plan-table.ts) and the triangulation table (triangulation.ts).
 */
import { findingsOn, type Finding } from "../../findings";
import type { SheetGrid } from "../../grid";
import type { RecoveryAction } from "../../records";
import { parseDate, parseRiskLevel, parseVersion } from "../../values";
import { findLabel, labelValue } from "../labels";
import { formField, readField, readMoneyField, readTextField, type FieldContext } from "./form-field";
import { FORM_STOP_LABELS, TITLE, TITLE_PREFIXES } from "./form-labels";
import { readPlanTable } from "./plan-table";
import { readTriangulation } from "./triangulation";

export { isRecoveryActionSheet } from "./form-labels";

/** The title: the text after `Finance Recovery Action:` (or its value beside or below). */
function readTitle({ grid, raise }: FieldContext): string | null {
  const hit = findLabel(grid, TITLE);
  const field = TITLE_PREFIXES[0];
  const expected = "the action's name";
  if (!hit) {
    raise("missing-field", "A1", { field, problem: "no-label", expected });
    return null;
  }
  const inline = hit.inline?.trim();
  const title = inline || labelValue(grid, hit, FORM_STOP_LABELS)?.text.trim() || null;
  if (title === null) raise("missing-field", hit.address, { field, problem: "no-value", expected });
  return title;
}

export function readRecoveryAction(grid: SheetGrid): { action: RecoveryAction; findings: Finding[] } {
  const sheet = grid.name;
  const { findings, raise } = findingsOn(sheet);
  const ctx: FieldContext = { grid, raise };

  const title = readTitle(ctx);
  const givenRef = readTextField(ctx, "ref", false, "a reference");
  const execLead = readTextField(ctx, "execLead", true, "the executive lead's name");
  const description = readTextField(ctx, "description", true, "a description of the action");
  const serviceArea = readTextField(ctx, "serviceArea", true, "the lead service area");

  const value = readMoneyField(ctx, "value", true);
  if (value && value.pence === 0) raise("zero-value", value.at.address, { field: "Financial Recovery Value" });

  const risk = readField(ctx, formField(grid, "riskLevel"), {
    required: true,
    expected: "High, Medium or Low",
    parse: (v) => parseRiskLevel(v.raw),
    onInvalid: (f, at, reason) => raise("invalid-risk-level", at.address, { field: f.name, reason }),
  });
  const planDate = readField(ctx, formField(grid, "planDate"), {
    required: true,
    expected: "a date, e.g. 21/03/2024",
    parse: (v) => parseDate(v.raw),
    onInvalid: (f, at, reason) => raise("invalid-date", at.address, { field: f.name, reason }),
  });
  const version = readField(ctx, formField(grid, "version"), {
    required: false,
    expected: "a version such as v1",
    parse: (v) => parseVersion(v.raw),
    onInvalid: (_f, at, reason) => raise("invalid-version", at.address, { reason }),
  });

  const forecast = readMoneyField(ctx, "forecast", false);
  const achieved = readMoneyField(ctx, "achieved", false);
  if (achieved && value && achieved.pence > value.pence) {
    raise("achieved-exceeds-value", achieved.at.address, { achievedPence: achieved.pence, valuePence: value.pence });
  }

  const strategicAims = readPlanTable(grid, raise);
  readTriangulation(grid, raise);

  const valueField = formField(grid, "value");
  const valueAt = valueField.value ?? valueField.hit;
  const action: RecoveryAction = {
    source: "form",
    sheet,
    cell: valueAt?.address ?? "A1",
    row: valueAt?.row ?? 1,
    ref: givenRef ?? sheet,
    refCell: givenRef !== null ? (formField(grid, "ref").value?.address ?? null) : null,
    title,
    execLead,
    description,
    serviceArea,
    valuePence: value ? value.pence : null,
    riskLevel: risk ? risk.value : null,
    planDate: planDate ? planDate.value : null,
    version: version ? version.value : null,
    forecastPence: forecast ? forecast.pence : null,
    achievedPence: achieved ? achieved.pence : null,
    strategicAims,
    counted: true,
  };
  return { action, findings };
}

/**
 * The recovery-action form: one action a sheet (standard-templates.md §3; seed 000,
 * Midlothian HSCP Financial Recovery Actions 2024/25). Each part of the form is read in a
 * file of its own: the labels (form-labels.ts), a field's value (form-field.ts), the title
 * (here), the plan table (plan-table.ts) and the triangulation table (triangulation.ts).
 */
import { findingsOn, type Finding } from "../../findings";
import { a1, type SheetGrid } from "../../grid";
import type { RecoveryAction } from "../../records";
import { parseDate, parseRiskLevel, parseVersion } from "../../values";
import { FormFields, readField, readMoneyField, readTextField, type FieldContext } from "./form-field";
import { readPlanTable } from "./plan-table";
import { readTriangulation } from "./triangulation";

export { isRecoveryActionSheet } from "./form-labels";
export { FormFields } from "./form-field";

/** The title: the text after `Finance Recovery Action:` (or its value beside or below). */
function readTitle({ fields, raise }: FieldContext): string | null {
  const { name: field, hit, value } = fields.get("title");
  const expected = "the action's name";
  if (!hit) {
    raise("missing-field", "A1", { field, problem: "no-label", expected });
    return null;
  }
  // The text after the colon where there is some (labelValue gives it first), else the value beside or below.
  const title = value?.text.trim() || null;
  if (title === null) raise("missing-field", a1(hit.row, hit.col), { field, problem: "no-value", expected });
  return title;
}

/** Reads the form on a sheet; `fields`, where given, are the form's fields as the blank-form test found them. */
export function readRecoveryAction(grid: SheetGrid, fields = new FormFields(grid)): { action: RecoveryAction; findings: Finding[] } {
  const sheet = grid.name;
  const { findings, raise } = findingsOn(sheet);
  const ctx: FieldContext = { fields, raise };

  const title = readTitle(ctx);
  const givenRef = readTextField(ctx, "ref", false, "a reference");
  const execLead = readTextField(ctx, "execLead", true, "the executive lead's name");
  const description = readTextField(ctx, "description", true, "a description of the action");
  const serviceArea = readTextField(ctx, "serviceArea", true, "the lead service area");

  const value = readMoneyField(ctx, "value", true);
  if (value && value.pence === 0) raise("zero-value", value.at.address, { field: "Financial Recovery Value" });

  const risk = readField(ctx, fields.get("riskLevel"), {
    required: true,
    expected: "High, Medium or Low",
    parse: (v) => parseRiskLevel(v.raw),
    onInvalid: (f, at, reason) => raise("invalid-risk-level", at.address, { field: f.name, reason }),
  });
  const planDate = readField(ctx, fields.get("planDate"), {
    required: true,
    expected: "a date, e.g. 21/03/2024",
    parse: (v) => parseDate(v.raw),
    onInvalid: (f, at, reason) => raise("invalid-date", at.address, { field: f.name, reason }),
  });
  const version = readField(ctx, fields.get("version"), {
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

  const valueField = fields.get("value");
  const valueLabel = valueField.hit;
  const action: RecoveryAction = {
    source: "form",
    sheet,
    cell: valueField.value?.address ?? (valueLabel ? a1(valueLabel.row, valueLabel.col) : "A1"),
    row: valueField.value?.row ?? valueLabel?.row ?? 1,
    ref: givenRef ?? sheet,
    refCell: givenRef !== null ? (fields.get("ref").value?.address ?? null) : null,
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

/**
 * An untouched template is not an action (docs/decisions.md): a recovery-action form none
 * of whose fields holds anything (title, ref, leads, description, service area, value, risk
 * level, plan date, version, forecast, achieved) is a blank form, such as a template sheet
 * added for next month's action. It is not read as an action, so it adds neither to the
 * count nor a finding for each empty field; one info finding says why it was left out.
 */
import { finding, type Finding } from "../../findings";
import type { SheetGrid } from "../../grid";
import { findLabel, labelValue } from "../labels";
import { formField, type FormField } from "./form-field";
import { FORM_FIELDS, FORM_STOP_LABELS, TITLE, type FieldKey } from "./form-labels";

const filled = (f: Pick<FormField, "value">) => f.value !== null && f.value.text.trim() !== "";

/** The `blank-form` finding where the form is blank (at its title), else null. */
export function blankFormFinding(grid: SheetGrid): Finding | null {
  const title = findLabel(grid, TITLE);
  if (title && filled({ value: labelValue(grid, title, FORM_STOP_LABELS) })) return null;
  for (const key of Object.keys(FORM_FIELDS) as FieldKey[]) if (filled(formField(grid, key))) return null;
  const at = title?.address ?? formField(grid, "value").hit?.address ?? "A1";
  return finding("blank-form", { sheet: grid.name, cell: at }, { sheet: grid.name });
}

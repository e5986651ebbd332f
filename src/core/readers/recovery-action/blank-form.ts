/**
 * An untouched template is not an action (docs/decisions.md): a recovery-action form none
 * of whose fields holds anything (title, ref, leads, description, service area, value, risk
 * level, plan date, version, forecast, achieved) is a blank form, such as a template sheet
 * added for next month's action. It is not read as an action, so it adds neither to the
 * count nor a finding for each empty field; one info finding says why it was left out.
 */
import { finding, type Finding } from "../../findings";
import { a1 } from "../../grid";
import type { FormField, FormFields } from "./form-field";
import { FORM_FIELDS, type FieldKey } from "./form-labels";

const filled = (f: Pick<FormField, "value">) => f.value !== null && f.value.text.trim() !== "";

/** The `blank-form` finding where the form is blank (at its title), else null. */
export function blankFormFinding(fields: FormFields): Finding | null {
  const title = fields.get("title");
  if (filled(title)) return null;
  for (const key of Object.keys(FORM_FIELDS) as FieldKey[]) if (filled(fields.get(key))) return null;
  const hit = title.hit ?? fields.get("value").hit;
  const at = hit ? a1(hit.row, hit.col) : "A1";
  const sheet = fields.grid.name;
  return finding("blank-form", { sheet, cell: at }, { sheet });
}

/**
 * A form field's value (§1 label and value, §3 checks): found by its label, read with its
 * grammar, its findings raised at the label or the value's cell. A value present but
 * invalid gets only its own finding, never `missing-field` as well.
 */
import type { RaiseFinding } from "../../findings";
import { a1, type SheetGrid } from "../../grid";
import { cellError, isThousandsHint, parseMoney, type ValueResult } from "../../values";
import { findLabel, labelValue, type LabelHit, type LabelValue } from "../labels";
import { FORM_FIELDS, FORM_STOP_LABELS, TITLE, TITLE_PREFIXES, type FieldKey } from "./form-labels";

/** A field's label and value as found on the sheet. */
export interface FormField {
  name: string;
  hit: LabelHit | null;
  value: LabelValue | null;
}

/** What reading a field needs: the form's fields and where findings go. */
export interface FieldContext {
  fields: FormFields;
  raise: RaiseFinding;
}

export interface FieldRule<T> {
  required: boolean;
  /** What belongs in the field, for messages (`the executive lead's name`). */
  expected: string;
  parse(value: LabelValue, field: FormField): ValueResult<T>;
  /** Raises the grammar's own finding for a value present but invalid. */
  onInvalid(field: FormField, at: LabelValue, reason: string): void;
}

/**
 * A form's fields as found on its sheet, each looked for once: the blank-form test
 * (blank-form.ts) and the reader ask for the same fields (the engine hands the one's to
 * the other), and the reader for some twice. What it gives is read only.
 */
export class FormFields {
  private readonly found = new Map<FieldKey | "title", FormField>();

  constructor(readonly grid: SheetGrid) {}

  /** The form's field `key`, or its title (`title`). */
  get(key: FieldKey | "title"): Readonly<FormField> {
    let field = this.found.get(key);
    if (!field) {
      const { name, labels } = key === "title" ? { name: TITLE_PREFIXES[0], labels: TITLE } : FORM_FIELDS[key];
      const hit = findLabel(this.grid, labels);
      field = { name, hit, value: hit ? labelValue(this.grid, hit, FORM_STOP_LABELS) : null };
      this.found.set(key, field);
    }
    return field;
  }
}

/** `missing-field` at the label (no value) or at A1 (no label). */
function raiseMissing({ raise }: FieldContext, f: FormField, expected: string): void {
  if (f.hit) raise("missing-field", a1(f.hit.row, f.hit.col), { field: f.name, problem: "no-value", expected });
  else raise("missing-field", "A1", { field: f.name, problem: "no-label", expected });
}

/** Runs a grammar over a field's value and raises the field's findings; an ok value is returned with its place. */
export function readField<T>(ctx: FieldContext, f: FormField, rule: FieldRule<T>): { value: T; at: LabelValue } | null {
  if (!f.value) {
    if (rule.required) raiseMissing(ctx, f, rule.expected);
    return null;
  }
  const r = rule.parse(f.value, f);
  switch (r.status) {
    case "ok":
      return { value: r.value, at: f.value };
    case "empty":
      if (rule.required) raiseMissing(ctx, f, rule.expected);
      return null;
    case "error":
      ctx.raise("formula-error", f.value.address, { field: f.name, error: r.error, expected: rule.expected });
      return null;
    case "invalid":
      rule.onInvalid(f, f.value, r.reason);
      return null;
  }
}

/** A text field: its trimmed text, or null where it is absent or empty. */
export function readTextField(ctx: FieldContext, key: FieldKey, required: boolean, expected: string): string | null {
  const f = ctx.fields.get(key);
  const r = readField<string>(ctx, f, {
    required,
    expected,
    parse: (v) => {
      // An inline value (text after the label's colon) is text, never the cell's error.
      const error = v.raw === v.cell ? cellError(v.cell) : null;
      if (error !== null) return { status: "error", error };
      const t = v.text.trim();
      return t === "" ? { status: "empty" } : { status: "ok", value: t };
    },
    onInvalid: () => undefined,
  });
  return r ? r.value : null;
}

const MONEY_EXPECTED = "an amount of money, e.g. £448K or £448,000";

/** A money field (§1): whole pence, never negative; `£000` in the label's hint means thousands. */
export function readMoneyField(
  ctx: FieldContext,
  key: "value" | "forecast" | "achieved",
  required: boolean,
): { pence: number; at: LabelValue } | null {
  const f = ctx.fields.get(key);
  const thousands = isThousandsHint(f.hit?.hint);
  const r = readField(ctx, f, {
    required,
    expected: MONEY_EXPECTED,
    parse: (v) => parseMoney(v.raw, { thousands }),
    onInvalid: (field, at, reason) =>
      ctx.raise("invalid-money", at.address, { field: field.name, reason, example: "£448K or £448,000" }),
  });
  if (!r) return null;
  if (r.value < 0) {
    ctx.raise("negative-value", r.at.address, { field: f.name, text: r.at.text });
    return null;
  }
  return { pence: r.value, at: r.at };
}

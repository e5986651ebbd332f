/**
 * The settings form as plain data: what the user typed (text) ↔ Settings. Pure, so the
 * rules are the engine's own (parseSettings, parseMoney, parseDate), never a second copy.
 */
import { parseSettings, settingsSchema, type Settings } from "../core/settings";
import { formatDateUk, formatMoney, parseDate, parseMoney } from "../core/values";

/** The form's fields as typed. */
export interface SettingsFormValues {
  green: string;
  amber: string;
  brag: boolean;
  /** Money text in the money grammar (`4.5m`, `£4,500,000`); blank for no target. */
  target: string;
  /** A date in the date grammar (`21/03/2024`); blank for today. */
  asOf: string;
}
export type SettingsField = keyof SettingsFormValues;

export type SettingsFormResult =
  | { ok: true; settings: Settings }
  | { ok: false; field: SettingsField; message: string };

const FIELD_OF: Record<string, SettingsField> = {
  greenThreshold: "green",
  amberThreshold: "amber",
  brag: "brag",
  targetPence: "target",
  asOf: "asOf",
};

/** The form as it shows saved settings: UK money and dates. */
export function formFromSettings(s: Settings): SettingsFormValues {
  return {
    green: String(s.greenThreshold),
    amber: String(s.amberThreshold),
    brag: s.brag,
    // Show pence only where the target has them, so `£4,500,000` round-trips exactly.
    target: s.targetPence === null ? "" : formatMoney(s.targetPence, { pence: s.targetPence % 100 !== 0 }),
    asOf: s.asOf === null ? "" : formatDateUk(s.asOf),
  };
}

function readThreshold(text: string, name: string): number | string {
  const t = text.trim().replace(/\s*%$/, "");
  if (t === "") return `The ${name} threshold is empty: enter a percentage from 0 to 100, such as 90.`;
  if (!/^\d+(\.\d+)?$/.test(t)) return `The ${name} threshold '${text.trim()}' is not a number: enter a percentage from 0 to 100, such as 90.`;
  return Number(t);
}

/** Checks the form; an invalid value is refused with the field at fault and a message. */
export function readSettingsForm(v: SettingsFormValues): SettingsFormResult {
  const green = readThreshold(v.green, "green");
  if (typeof green === "string") return { ok: false, field: "green", message: green };
  const amber = readThreshold(v.amber, "amber");
  if (typeof amber === "string") return { ok: false, field: "amber", message: amber };

  let targetPence: number | null = null;
  const money = parseMoney(v.target);
  if (money.status === "ok") targetPence = money.value;
  else if (money.status === "invalid")
    return {
      ok: false,
      field: "target",
      message: `The savings target ${money.reason}: write it like 4.5m or £4,500,000, or leave it blank for no target.`,
    };

  let asOf: string | null = null;
  const date = parseDate(v.asOf);
  if (date.status === "ok") asOf = date.value;
  else if (date.status === "invalid")
    return {
      ok: false,
      field: "asOf",
      message: `The as-at date ${date.reason}: write it like 31/03/2024, or leave it blank for today.`,
    };

  const candidate = { greenThreshold: green, amberThreshold: amber, brag: v.brag, targetPence, asOf };
  const r = parseSettings(candidate);
  if (r.ok) return r;
  // parseSettings says what is wrong; the schema's issue path says which field to show it on.
  const checked = settingsSchema.safeParse(candidate);
  const path = checked.success ? undefined : String(checked.error.issues[0]?.path[0] ?? "");
  return { ok: false, field: (path && FIELD_OF[path]) || "green", message: r.message };
}

/** True where the form would save something other than the settings in force. */
export function formDiffers(v: SettingsFormValues, s: Settings): boolean {
  const r = readSettingsForm(v);
  if (!r.ok) return true;
  const a = r.settings;
  return (
    a.greenThreshold !== s.greenThreshold ||
    a.amberThreshold !== s.amberThreshold ||
    a.brag !== s.brag ||
    a.targetPence !== s.targetPence ||
    a.asOf !== s.asOf
  );
}

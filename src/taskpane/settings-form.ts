/**
 * The settings form as plain data: what the user typed (text) ↔ Settings. Pure, so the
 * rules are the engine's own (settings-text.ts, parseSettings), shared with the command line.
 */
import { parseSettings, settingsSchema, type Settings } from "../core/settings";
import { asOfFromText, organisationFromText, targetFromText, thresholdFromText } from "../core/settings-text";
import { formatDateUk, formatMoney } from "../core/values";

/** The form's fields as typed. */
export interface SettingsFormValues {
  green: string;
  amber: string;
  brag: boolean;
  /** Money text in the money grammar (`4.5m`, `£4,500,000`); blank for no target. */
  target: string;
  /** A date in the date grammar (`21/03/2024`); blank for today. */
  asOf: string;
  /** The organisation's name for the summary pages; blank for none. */
  organisation: string;
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
  organisation: "organisation",
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
    organisation: s.organisation ?? "",
  };
}

/** Checks the form; an invalid value is refused with the field at fault and a message. */
export function readSettingsForm(v: SettingsFormValues): SettingsFormResult {
  // The text is read by the same rules as the command line's flags (core/settings-text.ts).
  const green = thresholdFromText(v.green);
  if (!green.ok) return { ok: false, field: "green", message: `The green threshold ${green.problem}: enter a percentage from 0 to 100, such as 90.` };
  const amber = thresholdFromText(v.amber);
  if (!amber.ok) return { ok: false, field: "amber", message: `The amber threshold ${amber.problem}: enter a percentage from 0 to 100, such as 70.` };
  const target = targetFromText(v.target);
  if (!target.ok) {
    return {
      ok: false,
      field: "target",
      message: `The savings target ${target.problem}: write it like 4.5m or £4,500,000, or leave it blank for no target.`,
    };
  }
  const asOf = asOfFromText(v.asOf);
  if (!asOf.ok) return { ok: false, field: "asOf", message: `The as-at date ${asOf.problem}: write it like 31/03/2024, or leave it blank for today.` };

  // Blank is none; runs of white space fold to one, as on the command line; the schema checks the length.
  const organisation = organisationFromText(v.organisation);
  const candidate = {
    greenThreshold: green.value,
    amberThreshold: amber.value,
    brag: v.brag,
    targetPence: target.value,
    asOf: asOf.value,
    organisation: organisation.ok ? organisation.value : null,
  };
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
    a.asOf !== s.asOf ||
    a.organisation !== s.organisation
  );
}

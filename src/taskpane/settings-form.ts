/**
 * The settings form as plain data: what the user typed (text) ↔ Settings. Pure, so the
 * rules are the engine's own (settings-text.ts, parseSettings), shared with the command line.
 *
 * The form is read over the settings in force: what it shows replaces their values, and
 * anything it does not show is kept as saved, so saving from the form never resets a
 * setting to its default (a setting added to the schema before the form shows it survives).
 */
import { parseSettings, settingsSchema, type Settings } from "../core/settings";
import {
  asOfFromText,
  dueSoonFromText,
  organisationFromText,
  riskScoreFromText,
  targetFromText,
  thresholdFromText,
} from "../core/settings-text";
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
  /** Action plans: days ahead that count as due soon (a whole number). */
  dueSoonDays: string;
  /** Risk registers: the 5 × 5 scores (1 to 25) from which a risk is red, and amber. */
  riskRed: string;
  riskAmber: string;
}
export type SettingsField = keyof SettingsFormValues;

export type SettingsFormResult =
  | { ok: true; settings: Settings }
  | { ok: false; field: SettingsField; message: string };

/** Which field shows a setting's problem (the schema's issue path names the setting). */
const FIELD_OF: Partial<Record<keyof Settings, SettingsField>> = {
  greenThreshold: "green",
  amberThreshold: "amber",
  brag: "brag",
  targetPence: "target",
  asOf: "asOf",
  organisation: "organisation",
  dueSoonDays: "dueSoonDays",
  riskRed: "riskRed",
  riskAmber: "riskAmber",
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
    dueSoonDays: String(s.dueSoonDays),
    riskRed: String(s.riskRed),
    riskAmber: String(s.riskAmber),
  };
}

const refuse = (field: SettingsField, message: string): SettingsFormResult => ({ ok: false, field, message });

/**
 * Checks the form over `base`, the settings in force; an invalid value is refused with the
 * field at fault and a message. Only what the form shows changes: every other setting in
 * `base` is kept.
 */
export function readSettingsForm(v: SettingsFormValues, base: Settings): SettingsFormResult {
  // The text is read by the same rules as the command line's flags (core/settings-text.ts).
  const green = thresholdFromText(v.green);
  if (!green.ok) return refuse("green", `The green threshold ${green.problem}: enter a percentage from 0 to 100, such as 90.`);
  const amber = thresholdFromText(v.amber);
  if (!amber.ok) return refuse("amber", `The amber threshold ${amber.problem}: enter a percentage from 0 to 100, such as 70.`);
  const target = targetFromText(v.target);
  if (!target.ok) {
    return refuse("target", `The savings target ${target.problem}: write it like 4.5m or £4,500,000, or leave it blank for no target.`);
  }
  const asOf = asOfFromText(v.asOf);
  if (!asOf.ok) return refuse("asOf", `The as-at date ${asOf.problem}: write it like 31/03/2024, or leave it blank for today.`);
  // Blank is none; runs of white space fold to one, as on the command line; the schema checks the length.
  const organisation = organisationFromText(v.organisation);
  const dueSoon = dueSoonFromText(v.dueSoonDays);
  if (!dueSoon.ok) {
    return refuse("dueSoonDays", `The due-soon window ${dueSoon.problem}: enter a whole number of days from 0 to 365, such as 30.`);
  }
  const riskRed = riskScoreFromText(v.riskRed);
  if (!riskRed.ok) return refuse("riskRed", `The risk red score ${riskRed.problem}: enter a whole number from 1 to 25, such as 15.`);
  const riskAmber = riskScoreFromText(v.riskAmber);
  if (!riskAmber.ok) return refuse("riskAmber", `The risk amber score ${riskAmber.problem}: enter a whole number from 1 to 25, such as 8.`);

  // Partial: a setting the form does not show yet is taken from `base`, never dropped.
  const shown: Partial<Settings> = {
    greenThreshold: green.value,
    amberThreshold: amber.value,
    brag: v.brag,
    targetPence: target.value,
    asOf: asOf.value,
    organisation: organisation.ok ? organisation.value : null,
    dueSoonDays: dueSoon.value,
    riskRed: riskRed.value,
    riskAmber: riskAmber.value,
  };
  const candidate = { ...base, ...shown };
  const r = parseSettings(candidate);
  if (r.ok) return r;
  // parseSettings says what is wrong; the schema's issue path says which field to show it on.
  const checked = settingsSchema().safeParse(candidate);
  const key = checked.success ? undefined : String(checked.error.issues[0]?.path[0] ?? "");
  return refuse((key !== undefined && FIELD_OF[key as keyof Settings]) || "green", r.message);
}

/** True where the form would save something other than the settings in force. */
export function formDiffers(v: SettingsFormValues, s: Settings): boolean {
  const r = readSettingsForm(v, s);
  if (!r.ok) return true;
  const a = r.settings;
  return (Object.keys(s) as (keyof Settings)[]).some((k) => a[k] !== s[k]);
}

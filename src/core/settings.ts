/**
 * Settings: RAG thresholds, BRAG, the savings target, the as-at date, the organisation's
 * name, the due-soon window for actions and the risk score thresholds.
 * Saved in the workbook as JSON on the very hidden sheet `Board Summary Settings` (cell A1),
 * so every colleague in every host gets the same answer; command-line flags override them
 * for one run.
 */
import { z } from "zod";
import { madeOnce } from "./remembered";
import { isoDateSchema } from "./iso-date";

export const SETTINGS_SHEET_NAME = "Board Summary Settings";

/** The longest organisation name (it is printed in a page header). */
const ORGANISATION_MAX = 100;
/** The widest due-soon window, in days (a year). */
const DUE_SOON_MAX = 365;
/** A risk score threshold: a whole number on the 5 × 5 matrix's 1–25. */
const riskScore = madeOnce(() => z.number().int("must be a whole number").min(1, "must be from 1 to 25").max(25, "must be from 1 to 25"));

export const settingsSchema = madeOnce(() => z
  .object({
    /** Directions: progress at or above this (percent) is green. */
    greenThreshold: z.number().min(0, "must be 0 or more").max(100, "must be 100 or less").default(90),
    /** Directions: progress at or above this (percent) is amber. */
    amberThreshold: z.number().min(0, "must be 0 or more").max(100, "must be 100 or less").default(70),
    /** Blue for complete (progress 100, or achieved ≥ value). */
    brag: z.boolean().default(false),
    /** The savings target, in whole pence; null where none is set. */
    targetPence: z.number().int().min(0, "cannot be negative").nullable().default(null),
    /** The as-at date (ISO); null means today in Europe/London. */
    asOf: isoDateSchema().nullable().default(null),
    /** The organisation's name printed on the summary pages (board-pages.md); null for none. */
    organisation: z
      .string()
      .trim()
      .min(1, "cannot be blank: leave it unset for none")
      .max(ORGANISATION_MAX, `must be at most ${ORGANISATION_MAX} characters`)
      .regex(/^[^\r\n]*$/, "must be one line")
      .nullable()
      .default(null),
    /** Action plans: an action not complete and due within this many days of the as-at date is due soon. */
    dueSoonDays: z.number().int("must be a whole number of days").min(0, "cannot be negative").max(DUE_SOON_MAX, `must be at most ${DUE_SOON_MAX} days`).default(30),
    /** Risk registers: a score (1–25) at or above this is red. */
    riskRed: riskScore().default(15),
    /** Risk registers: a score (1–25) at or above this, below red, is amber. */
    riskAmber: riskScore().default(8),
  })
  .refine((s) => s.amberThreshold <= s.greenThreshold, {
    error: "the amber threshold cannot be above the green threshold",
    path: ["amberThreshold"],
  })
  .refine((s) => s.riskAmber < s.riskRed, {
    error: "the risk amber score must be below the risk red score",
    path: ["riskAmber"],
  }));

export type Settings = z.output<ReturnType<typeof settingsSchema>>;

export const DEFAULT_SETTINGS: Settings = settingsSchema().parse({});

const FIELD_NAMES: Partial<Record<string, string>> = {
  greenThreshold: "green threshold",
  amberThreshold: "amber threshold",
  brag: "BRAG",
  targetPence: "savings target",
  asOf: "as-at date",
  organisation: "organisation's name",
  dueSoonDays: "due-soon window",
  riskRed: "risk red score",
  riskAmber: "risk amber score",
};

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; message: string };

/** Checks settings; an invalid one is refused with a message a person can act on. */
export function parseSettings(input: unknown): SettingsResult {
  const r = settingsSchema().safeParse(input);
  if (r.success) return { ok: true, settings: r.data };
  const issue = r.error.issues[0];
  const key = issue.path.length > 0 ? String(issue.path[0]) : "settings";
  const field = FIELD_NAMES[key] ?? key;
  const msg = issue.message.startsWith("the ") ? issue.message : `The ${field} ${issue.message}`;
  return { ok: false, message: `Invalid setting: ${msg}.`.replace(/\.\.$/, ".") };
}

/** Merges overrides over a base, then checks the result. */
export function mergeSettings(base: Settings, overrides: { [K in keyof Settings]?: Settings[K] | undefined }): SettingsResult {
  const merged: Record<string, unknown> = { ...base };
  // An override given as undefined (a flag not passed) leaves the base's value.
  const given: [string, unknown][] = Object.entries(overrides);
  for (const [k, v] of given) if (v !== undefined) merged[k] = v;
  return parseSettings(merged);
}

/** Today's date in Europe/London, ISO. */
export function todayInLondon(now: Date = new Date()): string {
  // London is never more than two hours ahead of UTC nor more than two minutes behind
  // (GMT, BST, double summer time, local mean time before 1847): between 01:00 and 21:59
  // UTC its date is UTC's. Intl's first time-zone formatter loads ICU's zone data, about
  // 20 ms of every command-line run, so it is asked only near midnight.
  const hour = now.getUTCHours();
  if (hour >= 1 && hour <= 21 && !Number.isNaN(now.getTime())) return now.toISOString().slice(0, 10);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The as-at date in force: the setting, else today in London. */
export function effectiveAsOf(settings: Settings, now: Date = new Date()): string {
  return settings.asOf ?? todayInLondon(now);
}

/** What is saved on the settings sheet (cell A1), as JSON. */
export function settingsToJson(settings: Settings): string {
  return JSON.stringify({ schemaVersion: 1, ...settings });
}

/**
 * Reads saved settings JSON. Unknown keys are ignored; an unreadable or invalid saved value
 * gives the defaults plus a message, so a damaged settings sheet never blocks a check.
 */
export function settingsFromJson(json: string): { settings: Settings; problem?: string } {
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    delete raw.schemaVersion;
    const r = parseSettings(raw);
    if (r.ok) return { settings: r.settings };
    return { settings: DEFAULT_SETTINGS, problem: `Saved settings ignored: ${r.message}` };
  } catch {
    return { settings: DEFAULT_SETTINGS, problem: "Saved settings ignored: they are not readable JSON." };
  }
}

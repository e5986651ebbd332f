/**
 * The typed records the readers produce: recovery actions (from forms and registers) and
 * directions. Money is whole pence; dates are ISO `YYYY-MM-DD`; percents are 0–100 with
 * one decimal place.
 */
import { z } from "zod";
import { madeOnce } from "./remembered";
import { isoDateSchema } from "./iso-date";

export const RAGS = ["red", "amber", "green", "blue", "grey"] as const;
export const ragSchema = madeOnce(() => z.enum(RAGS));
export type Rag = z.infer<ReturnType<typeof ragSchema>>;

/** Counts by RAG. */
export const ragCountsSchema = madeOnce(() => z.object({
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  blue: z.number().int(),
  grey: z.number().int(),
}));
export type RagCounts = z.infer<ReturnType<typeof ragCountsSchema>>;

export const RISK_LEVELS = ["high", "medium", "low"] as const;
export const riskLevelSchema = madeOnce(() => z.enum(RISK_LEVELS));
export type RiskLevel = z.infer<ReturnType<typeof riskLevelSchema>>;

export const sheetKindSchema = madeOnce(() => z.enum([
  "recovery-action",
  "recovery-register",
  "directions",
  "risk-register",
  "action-plan",
  "summary",
  "settings",
  "other",
]));
export type SheetKind = z.infer<ReturnType<typeof sheetKindSchema>>;

const recoveryActionSchema = madeOnce(() => z.object({
  /** Where it came from: a form sheet (one action) or a register line. */
  source: z.enum(["form", "register"]),
  sheet: z.string(),
  /** The value cell (form: the Financial Recovery Value cell; register: the money cell). */
  cell: z.string(),
  /** The 1-based row of `cell`. */
  row: z.number().int(),
  /**
   * The ref; null for a register line that gives none, known then by its sheet and row
   * (refOf): a 100,000-line register built and kept a `<sheet> row <n>` text for each line
   * that a plain `check` never shows.
   */
  ref: z.string().nullable(),
  /** The cell holding the ref; null where the ref falls back to the sheet name or row. */
  refCell: z.string().nullable(),
  title: z.string().nullable(),
  execLead: z.string().nullable(),
  description: z.string().nullable(),
  serviceArea: z.string().nullable(),
  /** The valid value in pence; null where absent, invalid or negative. */
  valuePence: z.number().int().nullable(),
  riskLevel: riskLevelSchema().nullable(),
  planDate: isoDateSchema().nullable(),
  version: z.string().nullable(),
  forecastPence: z.number().int().nullable(),
  achievedPence: z.number().int().nullable(),
  /** Strategic aim numbers (1–6) the action names. */
  strategicAims: z.array(z.number().int()),
  /**
   * False for a register line that repeats a form's ref (§4: one action, counted once).
   * Totals include only counted actions.
   */
  counted: z.boolean(),
}));
export type RecoveryAction = z.infer<ReturnType<typeof recoveryActionSchema>>;

/**
 * An action's ref as the user sees it: a register line that gives none is `<sheet> row <n>`,
 * joined flat (a summary writes and looks up each; `+` would make pairs of texts to copy).
 */
export function refOf(a: Pick<RecoveryAction, "ref" | "sheet" | "row">): string {
  return a.ref ?? [a.sheet, " row ", a.row].join("");
}

const directionSchema = madeOnce(() => z.object({
  sheet: z.string(),
  /** The direction's first row. */
  row: z.number().int(),
  /** Its No cell's address. */
  cell: z.string(),
  no: z.string(),
  theme: z.string().nullable(),
  /** The Direction column's text. */
  text: z.string(),
  measures: z.array(z.string()),
  /** Mean of its rows' usable numeric progress, 0–100 (one decimal); null when none. */
  progress: z.number().nullable(),
  /** True when some progress cell held narrative text rather than a percent. */
  narrative: z.boolean(),
  /** Its Progress cell address (first row), for links. */
  progressCell: z.string(),
  source: z.string().nullable(),
  /** The last `by <date>` in the Direction text, ISO; null when none. */
  dueDate: isoDateSchema().nullable(),
}));
export type Direction = z.infer<ReturnType<typeof directionSchema>>;

const ragResultSchema = madeOnce(() => z.object({ rag: ragSchema(), ragReason: z.string() }));
export type RagResult = z.infer<ReturnType<typeof ragResultSchema>>;

export const ratedRecoveryActionSchema = madeOnce(() => recoveryActionSchema().extend(ragResultSchema().shape));
export type RatedRecoveryAction = z.infer<ReturnType<typeof ratedRecoveryActionSchema>>;

export const ratedDirectionSchema = madeOnce(() => directionSchema().extend(ragResultSchema().shape));
export type RatedDirection = z.infer<ReturnType<typeof ratedDirectionSchema>>;

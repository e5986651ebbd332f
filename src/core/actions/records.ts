/**
 * Actions of action plans (action-plans-and-risks.md §10), as read and as rated. Dates are
 * ISO `YYYY-MM-DD`; cells are A1 addresses on the action's own sheet.
 */
import { z } from "zod";
import { madeOnce } from "../remembered";
import { isoDateSchema } from "../iso-date";
import { ragSchema } from "../records";

/** What an action's progress words say (§10, Progress). */
export const ACTION_STATUSES = ["complete", "at-risk", "not-started", "in-progress", "not-reported"] as const;
export const actionStatusSchema = madeOnce(() => z.enum(ACTION_STATUSES));
export type ActionStatus = z.infer<ReturnType<typeof actionStatusSchema>>;

const actionSchema = madeOnce(() => z.object({
  sheet: z.string(),
  /** The action's first row. */
  row: z.number().int(),
  /** Its action cell. */
  cell: z.string(),
  ref: z.string(),
  /** Where the ref came from: the ref cell, or the action cell for a number leading its text; null for `<sheet> row <n>`. */
  refCell: z.string().nullable(),
  section: z.string().nullable(),
  goal: z.string().nullable(),
  /** The action's text (less a leading ref), with its continuation rows. */
  action: z.string(),
  sro: z.string().nullable(),
  lead: z.string().nullable(),
  measure: z.string().nullable(),
  /** The due date, ISO; null where blank, not known yet (`TBC`) or not a date. */
  due: isoDateSchema().nullable(),
  /** A bracketed note after the due date (`and ongoing`). */
  dueNote: z.string().nullable(),
  dueCell: z.string(),
  /** The progress cell's text as written; null where blank or there is no progress column. */
  progress: z.string().nullable(),
  progressCell: z.string().nullable(),
  status: actionStatusSchema(),
  /** The RAG the plan states (a word, or a fill colour alone); null where none can be read. */
  statedRag: ragSchema().nullable(),
  statedRagCell: z.string().nullable(),
  /** How the stated RAG was shown. */
  statedRagBy: z.enum(["word", "fill"]).nullable(),
  /** The plan has neither a progress nor a stated-RAG column: a schedule, not a tracker. */
  schedule: z.boolean(),
}));
export type Action = z.infer<ReturnType<typeof actionSchema>>;

export const ratedActionSchema = madeOnce(() => actionSchema().extend({
  rag: ragSchema(),
  ragReason: z.string(),
  /** §10: rule 2 applies, or, in a schedule, due before the as-at date and not `ongoing`. */
  overdue: z.boolean(),
  /** §10: not complete and due within `dueSoonDays` of the as-at date (never when overdue). */
  dueSoon: z.boolean(),
  /** The stated RAG differs from the computed one (`rag-mismatch`). */
  ragMismatch: z.boolean(),
}));
export type RatedAction = z.infer<ReturnType<typeof ratedActionSchema>>;

/** One action-plan sheet as read: its title and how it is laid out. */
export const actionPlanSheetSchema = madeOnce(() => z.object({
  sheet: z.string(),
  /** The first text above its first header (not an Aim/Lead line), else the sheet name. */
  title: z.string(),
  /** Its first header's first cell. */
  headerCell: z.string(),
  /** Neither a progress nor a stated-RAG column: every action is grey. */
  schedule: z.boolean(),
  actions: z.number().int(),
}));
export type ActionPlanSheet = z.infer<ReturnType<typeof actionPlanSheetSchema>>;

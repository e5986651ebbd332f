/**
 * Risks of risk registers (action-plans-and-risks.md §11), as read and as rated. Dates are
 * ISO `YYYY-MM-DD`; cells are A1 addresses on the risk's own sheet.
 */
import { z } from "zod";
import { isoDateSchema } from "../iso-date";
import { ragSchema } from "../records";
import { madeOnce } from "../remembered";

// Each schema made on first use (madeOnce): only `check --json`'s report and the tests parse with them.

/** A risk's level: the NPSA bands of the 5 × 5 matrix (extreme, high, moderate, low) or the 3-point levels (high, medium, low). */
const riskScoreLevelSchema = madeOnce(() => z.enum(["extreme", "high", "moderate", "medium", "low"]));
export type RiskScoreLevel = z.infer<ReturnType<typeof riskScoreLevelSchema>>;

/** 5: likelihood × impact on 1–5, a score number or a lone 1–5 rating; 3: 3-point words; null: a level word alone, or no level. */
const riskScaleSchema = madeOnce(() => z.union([z.literal(5), z.literal(3)]).nullable());
export type RiskScale = z.infer<ReturnType<typeof riskScaleSchema>>;

/**
 * Which rule rated the risk: `likelihood-impact` (rules 1–2, in a heat map), `single` (rule 4,
 * one rating column), `none` (rules 3 and 5: no level).
 */
const ratingBasisSchema = madeOnce(() => z.enum(["likelihood-impact", "single", "none"]));
export type RatingBasis = z.infer<ReturnType<typeof ratingBasisSchema>>;

const riskSchema = madeOnce(() => z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** Its risk (description) cell. */
  cell: z.string(),
  ref: z.string(),
  /** Where the ref came from (the ref cell, or the risk cell for a leading number); null for `<sheet> row <n>`. */
  refCell: z.string().nullable(),
  section: z.string().nullable(),
  /** The risk's description, with its continuation rows. */
  risk: z.string(),
  category: z.string().nullable(),
  owner: z.string().nullable(),
  /** 1–5, or 1–3 for 3-point words; null where blank or not usable. */
  likelihood: z.number().int().nullable(),
  impact: z.number().int().nullable(),
  /** Likelihood × impact, or a score cell's number; null for a level word alone or no level. */
  score: z.number().int().nullable(),
  scale: riskScaleSchema(),
  level: riskScoreLevelSchema().nullable(),
  basis: ratingBasisSchema(),
  /** The figures behind the level, for the reason: `Likelihood 4 × impact 4 = 16: extreme`. */
  figures: z.string(),
  /** The bullet points of its mitigation cells. */
  mitigations: z.array(z.string()),
  /** Its mitigation cell; null where the register has no mitigation column. */
  mitigationCell: z.string().nullable(),
  reviewDate: isoDateSchema().nullable(),
  reviewCell: z.string().nullable(),
  status: z.enum(["open", "closed"]),
}));
export type Risk = z.infer<ReturnType<typeof riskSchema>>;

export const ratedRiskSchema = madeOnce(() => riskSchema().extend({ rag: ragSchema(), ragReason: z.string() }));
export type RatedRisk = z.infer<ReturnType<typeof ratedRiskSchema>>;

/** One risk-register sheet as read. */
export const riskRegisterSheetSchema = madeOnce(() => z.object({
  sheet: z.string(),
  /** The first text above its first header (not an Aim/Lead line), else the sheet name. */
  title: z.string(),
  headerCell: z.string(),
  risks: z.number().int(),
}));
export type RiskRegisterSheet = z.infer<ReturnType<typeof riskRegisterSheetSchema>>;

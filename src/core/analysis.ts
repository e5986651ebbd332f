/**
 * The engine's output for one workbook: recognised sheets, typed and rated records,
 * findings in the spec's order, and totals. Money in whole pence.
 */
import { z } from "zod";
import { actionPlanTotalsSchema } from "./actions/action-totals";
import { actionPlanSheetSchema, ratedActionSchema } from "./actions/records";
import { findingSchema, findingStatsSchema } from "./findings";
import { isoDateSchema } from "./iso-date";
import { ragCountsSchema, ragSchema, ratedDirectionSchema, ratedRecoveryActionSchema, riskLevelSchema, sheetKindSchema } from "./records";
import { ratedRiskSchema, riskRegisterSheetSchema } from "./risks/records";
import { riskTotalsSchema } from "./risks/risk-totals";
import { settingsSchema } from "./settings";
import { visibilitySchema } from "./snapshot";
import { summaryIdSchema } from "./summary/sheet-model";
import { madeOnce } from "./remembered";

// Each schema made on first use (madeOnce): `check` needs them as types only, and
// `check --json` loads this module for the report's few (report.ts), not the whole analysis's.

export const sheetInfoSchema = madeOnce(() => z.object({
  name: z.string(),
  kind: sheetKindSchema(),
  visibility: visibilitySchema(),
  /** For a sheet this product wrote: which summary it is (from its marker). */
  summaryId: summaryIdSchema().optional(),
}));
export type SheetInfo = z.infer<ReturnType<typeof sheetInfoSchema>>;

const countValue = madeOnce(() => z.object({ count: z.number().int(), valuePence: z.number().int() }));

export type { RagCounts } from "./records";

export const serviceAreaTotalSchema = madeOnce(() => z.object({
  serviceArea: z.string(),
  count: z.number().int(),
  valuePence: z.number().int(),
  /** Its share of the total value, 4 dp; null where the total is not above zero. */
  share: z.number().nullable(),
}));

const recoveryTotalsSchema = madeOnce(() => z.object({
  count: z.number().int(),
  totalValuePence: z.number().int(),
  targetPence: z.number().int().nullable(),
  gapPence: z.number().int().nullable(),
  /** total ÷ target, 4 dp; null without a (non-zero) target. */
  coverage: z.number().nullable(),
  forecastTotalPence: z.number().int().nullable(),
  achievedTotalPence: z.number().int().nullable(),
  byRag: z.record(ragSchema(), countValue()),
  byRiskLevel: z.record(riskLevelSchema(), countValue()),
  byServiceArea: z.array(serviceAreaTotalSchema()),
}));
export type RecoveryTotals = z.infer<ReturnType<typeof recoveryTotalsSchema>>;

export const directionTotalsSchema = madeOnce(() => z.object({
  count: z.number().int(),
  period: z.string().nullable(),
  byRag: ragCountsSchema(),
  byTheme: z.array(
    z.object({
      theme: z.string().nullable(),
      count: z.number().int(),
      reported: z.number().int(),
      averageProgress: z.number().nullable(),
      byRag: ragCountsSchema(),
    }),
  ),
}));
export type DirectionTotals = z.infer<ReturnType<typeof directionTotalsSchema>>;

export const analysisSchema = madeOnce(() => z.object({
  sheets: z.array(sheetInfoSchema()),
  findings: z.array(findingSchema()),
  /** The findings counted by severity. */
  stats: findingStatsSchema(),
  /** True where no finding is an error (warnings and info do not make a workbook invalid). */
  valid: z.boolean(),
  settings: settingsSchema(),
  /** The as-at date in force (ISO). */
  asOf: isoDateSchema(),
  /** Messages about the run itself (e.g. saved settings that could not be read). */
  notes: z.array(z.string()),
  recovery: z.object({
    /** Every action, counted or not, in sheet then row order. */
    actions: z.array(ratedRecoveryActionSchema()),
    totals: recoveryTotalsSchema(),
  }),
  directions: z.object({
    items: z.array(ratedDirectionSchema()),
    totals: directionTotalsSchema(),
  }),
  /** Action plans (action-plans-and-risks.md §10): items in sheet then row order. */
  actionPlan: z.object({
    plans: z.array(actionPlanSheetSchema()),
    items: z.array(ratedActionSchema()),
    totals: actionPlanTotalsSchema(),
  }),
  /** Risk registers (§11): every risk, open and closed, in sheet then row order. */
  risks: z.object({
    registers: z.array(riskRegisterSheetSchema()),
    items: z.array(ratedRiskSchema()),
    totals: riskTotalsSchema(),
  }),
}));
export type Analysis = z.infer<ReturnType<typeof analysisSchema>>;

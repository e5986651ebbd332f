/**
 * The JSON report of `board-summary check --json` (command-line.md). Money in pounds, exact
 * to the penny; every field always present (unknown is null, never missing).
 * `schemaVersion` changes only when a field is removed or changes meaning.
 */
import { z } from "zod";
import { actionPlanReport, actionPlanReportSchema } from "./actions/action-report";
import { directionTotalsSchema, serviceAreaTotalSchema, sheetInfoSchema, type Analysis } from "./analysis";
import { findingSchema } from "./findings";
import { isoDateSchema } from "./iso-date";
import { ragSchema, ratedDirectionSchema, ratedRecoveryActionSchema, refOf, riskLevelSchema } from "./records";
import { risksReport, risksReportSchema } from "./risks/risk-report";
import { madeOnce } from "./remembered";

const REPORT_SCHEMA_VERSION = 1;

/** Pounds, exact to the penny. */
const money = madeOnce(() => z.number());
const countValue = madeOnce(() => z.object({ count: z.number().int(), value: money() }));

/**
 * Derived from the analysis's schemas: the same fields under the same names, money turned
 * from pence into pounds (`valuePence` → `value`). Made on first use (madeOnce): `check
 * --json` writes the report without parsing it, and making it made every core schema.
 */
export const reportSchema = madeOnce(() => z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  workbook: z.string(),
  asOf: isoDateSchema(),
  sheets: z.array(sheetInfoSchema().pick({ name: true, kind: true })),
  findings: z.array(findingSchema()),
  recovery: z.object({
    count: z.number().int(),
    totalValue: money(),
    target: money().nullable(),
    gap: money().nullable(),
    coverage: z.number().nullable(),
    forecastTotal: money().nullable(),
    achievedTotal: money().nullable(),
    byRag: z.record(ragSchema(), countValue()),
    byRiskLevel: z.record(riskLevelSchema(), countValue()),
    byServiceArea: z.array(serviceAreaTotalSchema().omit({ valuePence: true }).extend({ value: money() })),
    actions: z.array(
      ratedRecoveryActionSchema()
        .pick({ sheet: true, cell: true, title: true, serviceArea: true, execLead: true, riskLevel: true, rag: true, ragReason: true })
        // The ref as the user sees it (refOf): always a text in the report.
        .extend({ ref: z.string(), value: money().nullable() }),
    ),
  }),
  // Direction totals are counts, the same in the analysis and the report.
  directions: directionTotalsSchema().extend({
    items: z.array(
      ratedDirectionSchema().pick({ sheet: true, row: true, no: true, theme: true, dueDate: true, progress: true, rag: true, ragReason: true }),
    ),
  }),
  // Action plans and risk registers (action-plans-and-risks.md, JSON report): always present.
  actionPlan: actionPlanReportSchema(),
  risks: risksReportSchema(),
}));
export type Report = z.infer<ReturnType<typeof reportSchema>>;

/** Whole pence → pounds, exact to the penny (a number with at most two decimals): the rule itself (exported for the test). */
export function penceToPoundsByRule(pence: number): number {
  return Number((pence / 100).toFixed(2));
}

/** Below this many pence in size, a whole number's pounds need no decimal text made. */
const EXACT_PENCE = 1e15;

/**
 * penceToPoundsByRule without a text a figure (~80 ms of a 100,000-line register's report).
 * For whole pence under 10^15 in size, pence / 100 is the double nearest the exact decimal
 * (division rounds correctly) and within 0.001 of it, so toFixed(2) writes that decimal and
 * Number reads back the same double; `+ 0` makes -0 the rule's 0. tests/core/report.test.ts.
 */
export function penceToPounds(pence: number): number {
  if (Number.isInteger(pence) && pence < EXACT_PENCE && pence > -EXACT_PENCE) return pence / 100 + 0;
  return penceToPoundsByRule(pence);
}
const poundsOrNull = (p: number | null) => (p === null ? null : penceToPounds(p));

export function toReport(analysis: Analysis, workbookName: string): Report {
  const t = analysis.recovery.totals;
  const cv = (x: { count: number; valuePence: number }) => ({ count: x.count, value: penceToPounds(x.valuePence) });
  const d = analysis.directions.totals;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    workbook: workbookName,
    asOf: analysis.asOf,
    sheets: analysis.sheets.map((s) => ({ name: s.name, kind: s.kind })),
    findings: analysis.findings.map((f) => ({ severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, message: f.message })),
    recovery: {
      count: t.count,
      totalValue: penceToPounds(t.totalValuePence),
      target: poundsOrNull(t.targetPence),
      gap: poundsOrNull(t.gapPence),
      coverage: t.coverage,
      forecastTotal: poundsOrNull(t.forecastTotalPence),
      achievedTotal: poundsOrNull(t.achievedTotalPence),
      byRag: {
        red: cv(t.byRag.red),
        amber: cv(t.byRag.amber),
        green: cv(t.byRag.green),
        blue: cv(t.byRag.blue),
        grey: cv(t.byRag.grey),
      },
      byRiskLevel: { high: cv(t.byRiskLevel.high), medium: cv(t.byRiskLevel.medium), low: cv(t.byRiskLevel.low) },
      byServiceArea: t.byServiceArea.map((s) => ({
        serviceArea: s.serviceArea,
        count: s.count,
        value: penceToPounds(s.valuePence),
        share: s.share,
      })),
      // A register line that repeats a form's ref is the same action: listed once, as the form.
      actions: analysis.recovery.actions
        .filter((a) => a.counted)
        .map((a) => ({
          sheet: a.sheet,
          cell: a.cell,
          ref: refOf(a),
          title: a.title,
          serviceArea: a.serviceArea,
          execLead: a.execLead,
          value: poundsOrNull(a.valuePence),
          riskLevel: a.riskLevel,
          rag: a.rag,
          ragReason: a.ragReason,
        })),
    },
    directions: {
      count: d.count,
      period: d.period,
      byRag: { ...d.byRag },
      byTheme: d.byTheme.map((g) => ({ ...g, byRag: { ...g.byRag } })),
      items: analysis.directions.items.map((i) => ({
        sheet: i.sheet,
        row: i.row,
        no: i.no,
        theme: i.theme,
        dueDate: i.dueDate,
        progress: i.progress,
        rag: i.rag,
        ragReason: i.ragReason,
      })),
    },
    actionPlan: actionPlanReport(analysis.actionPlan),
    risks: risksReport(analysis.risks),
  };
}

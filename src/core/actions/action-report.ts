/**
 * The JSON report's `actionPlan` object (action-plans-and-risks.md, JSON report): the totals
 * and every action, every field always present (unknown is null), dates ISO.
 */
import { z } from "zod";
import type { Analysis } from "../analysis";
import { actionPlanTotalsSchema } from "./action-totals";
import { madeOnce } from "../remembered";
import { ratedActionSchema } from "./records";

/** Made on first use (madeOnce): `check --json` writes the report without parsing it. */
export const actionPlanReportSchema = madeOnce(() => actionPlanTotalsSchema()
  .pick({ count: true, overdue: true, dueSoon: true, completion: true, byRag: true, byStatus: true, bySection: true, byLead: true })
  .extend({
    items: z.array(
      ratedActionSchema().pick({
        sheet: true,
        row: true,
        ref: true,
        section: true,
        goal: true,
        action: true,
        lead: true,
        sro: true,
        due: true,
        dueNote: true,
        progress: true,
        status: true,
        statedRag: true,
        rag: true,
        ragReason: true,
      }),
    ),
  }));
export type ActionPlanReport = z.infer<ReturnType<typeof actionPlanReportSchema>>;

export function actionPlanReport(actionPlan: Analysis["actionPlan"]): ActionPlanReport {
  const t = actionPlan.totals;
  return {
    count: t.count,
    overdue: t.overdue,
    dueSoon: t.dueSoon,
    completion: t.completion,
    byRag: { ...t.byRag },
    byStatus: { ...t.byStatus },
    bySection: t.bySection.map((s) => ({ section: s.section, count: s.count, complete: s.complete, overdue: s.overdue, byRag: { ...s.byRag } })),
    byLead: t.byLead.map((l) => ({ lead: l.lead, count: l.count, complete: l.complete, overdue: l.overdue })),
    items: actionPlan.items.map((a) => ({
      sheet: a.sheet,
      row: a.row,
      ref: a.ref,
      section: a.section,
      goal: a.goal,
      action: a.action,
      lead: a.lead,
      sro: a.sro,
      due: a.due,
      dueNote: a.dueNote,
      progress: a.progress,
      status: a.status,
      statedRag: a.statedRag,
      rag: a.rag,
      ragReason: a.ragReason,
    })),
  };
}

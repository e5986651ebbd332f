/**
 * Action-plan totals (action-plans-and-risks.md §10, Totals), over all action-plan sheets:
 * count, by RAG, by status, overdue, due soon, completion, by section and by lead; and the
 * exceptions the Action Plan Summary lists first. Sections and leads are grouped
 * case-insensitively after folding white space (bracketed text kept: `DIP (CPR)` and
 * `DIP (SE)` stay apart), shown with their first spelling, in order of first appearance.
 */
import { z } from "zod";
import { madeOnce } from "../remembered";
import { groupByName } from "../names";
import { RAGS, ragCountsSchema, type RagCounts } from "../records";
import { roundHalfUp } from "../values";
import { ACTION_STATUSES, actionStatusSchema, type ActionStatus, type RatedAction } from "./records";

export const actionPlanTotalsSchema = madeOnce(() => z.object({
  count: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  /** Complete ÷ the actions on sheets with a progress or stated-RAG column, 4 dp half up; null where there are none. */
  completion: z.number().nullable(),
  /** Actions whose stated RAG differs from the computed one. */
  ragMismatches: z.number().int(),
  byRag: ragCountsSchema(),
  byStatus: z.record(actionStatusSchema(), z.number().int()),
  bySection: z.array(
    z.object({
      section: z.string().nullable(),
      count: z.number().int(),
      complete: z.number().int(),
      overdue: z.number().int(),
      byRag: ragCountsSchema(),
    }),
  ),
  /** By the lead cell, else the SRO. */
  byLead: z.array(z.object({ lead: z.string().nullable(), count: z.number().int(), complete: z.number().int(), overdue: z.number().int() })),
  /**
   * The overdue, at-risk and mismatched actions (indices into the items), worst first: by
   * computed RAG (red, amber, green, blue, grey), then earliest due (none last), then sheet and row order.
   */
  exceptions: z.array(z.number().int()),
}));
export type ActionPlanTotals = z.infer<ReturnType<typeof actionPlanTotalsSchema>>;

const emptyRag = (): RagCounts => ({ red: 0, amber: 0, green: 0, blue: 0, grey: 0 });

export function actionPlanTotals(items: readonly RatedAction[]): ActionPlanTotals {
  const byRag = emptyRag();
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const a of items) {
    byRag[a.rag]++;
    byStatus[a.status]++;
  }
  const tracked = items.filter((a) => !a.schedule);
  const complete = (list: readonly RatedAction[]) => list.filter((a) => a.status === "complete").length;
  const overdue = (list: readonly RatedAction[]) => list.filter((a) => a.overdue).length;

  const bySection = groupByName(items, (a) => a.section).map((g) => {
    const rag = emptyRag();
    for (const a of g.items) rag[a.rag]++;
    return { section: g.name, count: g.items.length, complete: complete(g.items), overdue: overdue(g.items), byRag: rag };
  });
  const byLead = groupByName(items, (a) => a.lead ?? a.sro).map((g) => ({ lead: g.name, count: g.items.length, complete: complete(g.items), overdue: overdue(g.items) }));

  const exceptions = items
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.overdue || a.status === "at-risk" || a.ragMismatch)
    .sort(
      (x, y) =>
        RAGS.indexOf(x.a.rag) - RAGS.indexOf(y.a.rag) ||
        (x.a.due ?? "9999-99-99").localeCompare(y.a.due ?? "9999-99-99") ||
        x.index - y.index,
    )
    .map(({ index }) => index);

  return {
    count: items.length,
    overdue: overdue(items),
    dueSoon: items.filter((a) => a.dueSoon).length,
    completion: tracked.length === 0 ? null : roundHalfUp(complete(tracked) / tracked.length, 4),
    ragMismatches: items.filter((a) => a.ragMismatch).length,
    byRag,
    byStatus,
    bySection,
    byLead,
    exceptions,
  };
}

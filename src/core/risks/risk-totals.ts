/**
 * Risk totals (action-plans-and-risks.md §11, Totals): open risks, by RAG; the closed count;
 * the heat maps; by owner and by section (open risks: count, by RAG), grouped as action
 * plans group theirs; the top risks; and the headline counts the Risk Summary opens with.
 */
import { z } from "zod";
import { madeOnce } from "../remembered";
import { groupByName } from "../names";
import { ragCountsSchema, type RagCounts } from "../records";
import type { Settings } from "../settings";
import { heatMap, heatMapSchema } from "./heat-map";
import type { RatedRisk } from "./records";
import { tableOrder, topRisks } from "./top-risks";

const groupSchema = madeOnce(() => z.object({ count: z.number().int(), byRag: ragCountsSchema() }));

export const riskTotalsSchema = madeOnce(() => z.object({
  open: z.number().int(),
  closed: z.number().int(),
  /** Open risks by RAG. */
  byRag: ragCountsSchema(),
  /** Open red or amber risks with no mitigation. */
  unmitigated: z.number().int(),
  /** Open risks whose review date is before the as-at date. */
  reviewsOverdue: z.number().int(),
  heatMap: heatMapSchema(),
  byOwner: z.array(groupSchema().extend({ owner: z.string().nullable() })),
  bySection: z.array(groupSchema().extend({ section: z.string().nullable() })),
  /** Indices into the items of the open risks, top first. */
  topRisks: z.array(z.number().int()),
  /** Indices of every risk in the summary table's order: the top risks, then the closed ones. */
  tableOrder: z.array(z.number().int()),
}));
export type RiskTotals = z.infer<ReturnType<typeof riskTotalsSchema>>;

const emptyRag = (): RagCounts => ({ red: 0, amber: 0, green: 0, blue: 0, grey: 0 });

function counted(items: readonly RatedRisk[]): { count: number; byRag: RagCounts } {
  const byRag = emptyRag();
  for (const r of items) byRag[r.rag]++;
  return { count: items.length, byRag };
}

export function riskTotals(items: readonly RatedRisk[], settings: Settings, asOf: string): RiskTotals {
  const open = items.filter((r) => r.status === "open");
  return {
    open: open.length,
    closed: items.length - open.length,
    byRag: counted(open).byRag,
    unmitigated: open.filter((r) => (r.rag === "red" || r.rag === "amber") && r.mitigations.length === 0).length,
    reviewsOverdue: open.filter((r) => r.reviewDate !== null && r.reviewDate < asOf).length,
    heatMap: heatMap(items, settings),
    byOwner: groupByName(open, (r) => r.owner).map((g) => ({ owner: g.name, ...counted(g.items) })),
    bySection: groupByName(open, (r) => r.section).map((g) => ({ section: g.name, ...counted(g.items) })),
    topRisks: topRisks(items),
    tableOrder: tableOrder(items),
  };
}

/**
 * The JSON report's `risks` object (action-plans-and-risks.md, JSON report): open and closed
 * counts, open risks by RAG, the heat maps, by owner and by section, and every risk, open
 * and closed, in sheet then row order; every field always present (unknown is null).
 */
import { z } from "zod";
import type { Analysis } from "../analysis";
import { heatMapSchema } from "./heat-map";
import { ratedRiskSchema } from "./records";
import { riskTotalsSchema } from "./risk-totals";
import { madeOnce } from "../remembered";

/** Made on first use (madeOnce): `check --json` writes the report without parsing it. */
export const risksReportSchema = madeOnce(() => riskTotalsSchema().pick({ open: true, closed: true, byRag: true, byOwner: true, bySection: true }).extend({
  heatMap: heatMapSchema().pick({ grid5: true, grid3: true, singleRating: true }),
  items: z.array(
    ratedRiskSchema().pick({
      sheet: true,
      row: true,
      ref: true,
      section: true,
      risk: true,
      owner: true,
      likelihood: true,
      impact: true,
      score: true,
      scale: true,
      level: true,
      rag: true,
      ragReason: true,
      mitigations: true,
      reviewDate: true,
      status: true,
    }),
  ),
}));
export type RisksReport = z.infer<ReturnType<typeof risksReportSchema>>;

export function risksReport(risks: Analysis["risks"]): RisksReport {
  const t = risks.totals;
  return {
    open: t.open,
    closed: t.closed,
    byRag: { ...t.byRag },
    heatMap: { grid5: t.heatMap.grid5.map((r) => [...r]), grid3: t.heatMap.grid3.map((r) => [...r]), singleRating: t.heatMap.singleRating },
    byOwner: t.byOwner.map((o) => ({ owner: o.owner, count: o.count, byRag: { ...o.byRag } })),
    bySection: t.bySection.map((s) => ({ section: s.section, count: s.count, byRag: { ...s.byRag } })),
    items: risks.items.map((r) => ({
      sheet: r.sheet,
      row: r.row,
      ref: r.ref,
      section: r.section,
      risk: r.risk,
      owner: r.owner,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      scale: r.scale,
      level: r.level,
      rag: r.rag,
      ragReason: r.ragReason,
      mitigations: [...r.mitigations],
      reviewDate: r.reviewDate,
      status: r.status,
    })),
  };
}

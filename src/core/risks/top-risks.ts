/**
 * Top risks (action-plans-and-risks.md §11, Totals): open risks ordered by RAG (red, amber,
 * green, grey), then by score as a share of its scale's maximum (rating-share.ts), then in
 * order of appearance. The Risk Summary's table lists every risk in this order, the closed
 * ones after, in order of appearance.
 */
import type { RatedRisk } from "./records";
import { ratingShare } from "./rating-share";

const RAG_ORDER = ["red", "amber", "green", "blue", "grey"];

/** Indices into `risks` of the open risks, top first. */
export function topRisks(risks: readonly RatedRisk[]): number[] {
  return risks
    .map((r, index) => ({ r, index, share: ratingShare(r) }))
    .filter(({ r }) => r.status === "open")
    .sort((x, y) => RAG_ORDER.indexOf(x.r.rag) - RAG_ORDER.indexOf(y.r.rag) || y.share - x.share || x.index - y.index)
    .map(({ index }) => index);
}

/** Every risk for the summary's table: the top risks, then the closed ones in order of appearance. */
export function tableOrder(risks: readonly RatedRisk[]): number[] {
  const closed = risks.map((r, index) => ({ r, index })).filter(({ r }) => r.status === "closed").map(({ index }) => index);
  return [...topRisks(risks), ...closed];
}

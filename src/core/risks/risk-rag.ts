/**
 * A risk's RAG (action-plans-and-risks.md §11, Ratings): a 5-point score (likelihood ×
 * impact, or a score number) is red at or above `riskRed`, amber at or above `riskAmber`,
 * else green; a 3-point level high red, medium amber, low green; a level word naming an NPSA
 * band, or a lone likelihood or impact number: extreme red, high and moderate amber, low
 * green; no level grey. A closed risk keeps its score and level and is blue with BRAG on,
 * else green, "Closed". The reason names the figures.
 */
import type { Rag, RagResult } from "../records";
import type { Settings } from "../settings";
import type { Risk, RiskScoreLevel } from "./records";

const THREE_POINT: Record<RiskScoreLevel, Rag> = { extreme: "red", high: "red", medium: "amber", moderate: "amber", low: "green" };
const NPSA: Record<RiskScoreLevel, Rag> = { extreme: "red", high: "amber", moderate: "amber", medium: "amber", low: "green" };

/** The RAG of a 5 × 5 score under the settings' thresholds. */
export function scoreRag(score: number, settings: Pick<Settings, "riskRed" | "riskAmber">): Rag {
  return score >= settings.riskRed ? "red" : score >= settings.riskAmber ? "amber" : "green";
}

/** The RAG a rating gives, open or closed alike. */
export function ratingRag(r: Pick<Risk, "scale" | "score" | "level">, settings: Pick<Settings, "riskRed" | "riskAmber">): Rag {
  if (r.level === null) return "grey";
  if (r.scale === 5 && r.score !== null) return scoreRag(r.score, settings);
  return r.scale === 3 ? THREE_POINT[r.level] : NPSA[r.level];
}

export function rateRisk(r: Risk, settings: Settings): RagResult {
  if (r.status === "closed") return { rag: settings.brag ? "blue" : "green", ragReason: "Closed" };
  return { rag: ratingRag(r, settings), ragReason: r.figures };
}

/**
 * How high a risk is rated, as a share of its scale's top (action-plans-and-risks.md §11,
 * top risks: score ÷ 25 or ÷ 9; a risk rated by a single column by its level). A level
 * alone counts as the lowest score of its band (a lone `extreme` is 15 of 25, a lone `High`
 * 3-point word 6 of 9): it is known to be at least that.
 */
import type { RiskScale, RiskScoreLevel } from "./records";

const NPSA_FLOOR: Record<RiskScoreLevel, number> = { extreme: 15, high: 8, moderate: 4, medium: 4, low: 1 };
const THREE_POINT_FLOOR: Record<RiskScoreLevel, number> = { extreme: 9, high: 6, moderate: 3, medium: 3, low: 1 };

export interface Rated {
  scale: RiskScale;
  score: number | null;
  level: RiskScoreLevel | null;
}

/** 0 (no level) to 1 (the top of its scale). */
export function ratingShare(r: Rated): number {
  if (r.level === null) return 0;
  if (r.scale === 3) return (r.score ?? THREE_POINT_FLOOR[r.level]) / 9;
  return (r.score ?? NPSA_FLOOR[r.level]) / 25;
}

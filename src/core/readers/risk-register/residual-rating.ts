/**
 * The residual rating (action-plans-and-risks.md §11, Findings on risks): the rating a risk
 * is expected to have after mitigation, from `Residual …` or `Target Score/Rating/Risk`
 * columns, read by the same rules as the current rating. On the same scale and higher than
 * the current one: `residual-above-current` at the residual cell. A residual cell that is not
 * a rating is passed over (the current rating's own cells are the ones checked).
 */
import type { RaiseFinding } from "../../findings";
import { ratingShare, type Rated } from "../../risks/rating-share";
import { RISK_LEVEL_WORDS } from "../../words";
import type { PlacedRating } from "./risk-scale";
import { riskLevel } from "./risk-scale";

const shown = (r: Rated): string => (r.score !== null ? String(r.score) : r.level === null ? "" : RISK_LEVEL_WORDS[r.level]);

/** Compares the residual rating with the current one; `residual-above-current` where it is higher. */
export function checkResidual(
  cells: { likelihood: PlacedRating | null; impact: PlacedRating | null; score: PlacedRating | null },
  current: Rated,
  name: string,
  raise: RaiseFinding,
): void {
  const given = [cells.score, cells.likelihood, cells.impact].filter((r): r is PlacedRating => r !== null && r.reading.kind !== "blank");
  if (given.length === 0 || current.level === null || current.scale === null) return;
  const quiet: RaiseFinding = () => undefined;
  const residual = riskLevel(cells.likelihood, cells.impact, cells.score, { name, raise: quiet, npsaWords: false });
  if (residual.level === null || residual.scale !== current.scale) return;
  if (ratingShare(residual) > ratingShare(current)) {
    raise("residual-above-current", given[0].address, { risk: name, residual: shown(residual), current: shown(current) });
  }
}

/**
 * The heat maps (action-plans-and-risks.md §11, Totals): open 5-point risks by impact (rows
 * 5 down to 1) and likelihood (columns 1 to 5); open 3-point risks by impact (rows High,
 * Medium, Low) and likelihood (columns Low, Medium, High); the count of open risks rated by a
 * single column. Each grid cell's band colour comes with it, so a summary draws the grid
 * without working out the rules again.
 */
import { z } from "zod";
import { madeOnce } from "../remembered";
import { ragSchema, type Rag } from "../records";
import type { Settings } from "../settings";
import type { RatedRisk } from "./records";
import { scoreRag } from "./risk-rag";

export const heatMapSchema = madeOnce(() => z.object({
  /** Rows impact 5 down to 1, columns likelihood 1 to 5: counts of open risks. */
  grid5: z.array(z.array(z.number().int())),
  /** Rows impact High, Medium, Low, columns likelihood Low, Medium, High. */
  grid3: z.array(z.array(z.number().int())),
  /** Open risks rated by a single column (not in either grid). */
  singleRating: z.number().int(),
  /** Each grid5 cell's band under the settings' thresholds (impact × likelihood against riskRed, riskAmber). */
  bands5: z.array(z.array(ragSchema())),
  /** Each grid3 cell's band: 6–9 red, 3–4 amber, 1–2 green. */
  bands3: z.array(z.array(ragSchema())),
}));
export type HeatMap = z.infer<ReturnType<typeof heatMapSchema>>;

const band3 = (score: number): Rag => (score >= 6 ? "red" : score >= 3 ? "amber" : "green");

export function heatMap(risks: readonly RatedRisk[], settings: Pick<Settings, "riskRed" | "riskAmber">): HeatMap {
  const grid5 = [5, 4, 3, 2, 1].map(() => [0, 0, 0, 0, 0]);
  const grid3 = [3, 2, 1].map(() => [0, 0, 0]);
  let singleRating = 0;
  for (const r of risks) {
    if (r.status !== "open") continue;
    if (r.basis === "single") singleRating++;
    if (r.basis !== "likelihood-impact" || r.likelihood === null || r.impact === null) continue;
    if (r.scale === 5) grid5[5 - r.impact][r.likelihood - 1]++;
    else if (r.scale === 3) grid3[3 - r.impact][r.likelihood - 1]++;
  }
  return {
    grid5,
    grid3,
    singleRating,
    bands5: [5, 4, 3, 2, 1].map((impact) => [1, 2, 3, 4, 5].map((likelihood) => scoreRag(impact * likelihood, settings))),
    bands3: [3, 2, 1].map((impact) => [1, 2, 3].map((likelihood) => band3(impact * likelihood))),
  };
}

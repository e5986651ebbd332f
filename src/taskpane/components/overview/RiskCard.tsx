/**
 * The overview's risk card (action-plans-and-risks.md §11, Totals): open and closed risks,
 * open risks by RAG, red and amber risks without mitigation, reviews overdue, and the heat
 * maps of open risks where any risk is rated on them (a register rated by one column, such
 * as seed 004's `Impact H/M/L`, has no grid to show: its count is given instead).
 */
import type { Analysis } from "../../../core/analysis";
import { plural } from "../../../core/words";
import { HeatMap, KEY3, gridTotal, key5 } from "./HeatMap";
import { Figure, OverviewCard, RagSpread, count, useCardStyles } from "./OverviewCard";

const IMPACTS_5 = ["5", "4", "3", "2", "1"];
const LIKELIHOODS_5 = ["1", "2", "3", "4", "5"];
const IMPACTS_3 = ["High", "Medium", "Low"];
const LIKELIHOODS_3 = ["Low", "Medium", "High"];

export function RiskCard({ analysis }: { analysis: Analysis }) {
  const s = useCardStyles();
  const t = analysis.risks.totals;
  const { riskRed, riskAmber } = analysis.settings;
  const registers = analysis.risks.registers.length;
  const heat = t.heatMap;
  const on5 = gridTotal(heat.grid5);
  const on3 = gridTotal(heat.grid3);

  return (
    <OverviewCard
      title="Risks"
      headline={count(t.open)}
      headlineId="risk-open-count"
      note={`Open risks on ${plural(registers, "register")}${t.closed > 0 ? `; ${count(t.closed)} closed` : ""}`}
    >
      <dl className={s.figures} aria-label="Risk figures">
        <Figure term="Open" value={count(t.open)} />
        <Figure term="Closed" value={count(t.closed)} />
        <Figure term="Red or amber without mitigation" value={count(t.unmitigated)} />
        <Figure term="Reviews overdue" value={count(t.reviewsOverdue)} />
        {heat.singleRating > 0 && <Figure term="Rated by one column" value={count(heat.singleRating)} />}
      </dl>
      <RagSpread label="Open risks by RAG" counts={t.byRag} />
      {on5 > 0 && (
        <HeatMap
          caption="Open risks: impact by likelihood (1 to 5)"
          grid={heat.grid5}
          bands={heat.bands5}
          impacts={IMPACTS_5}
          likelihoods={LIKELIHOODS_5}
          legend={key5(riskRed, riskAmber)}
        />
      )}
      {on3 > 0 && (
        <HeatMap
          caption="Open risks: impact by likelihood (High, Medium, Low)"
          grid={heat.grid3}
          bands={heat.bands3}
          impacts={IMPACTS_3}
          likelihoods={LIKELIHOODS_3}
          legend={KEY3}
        />
      )}
    </OverviewCard>
  );
}

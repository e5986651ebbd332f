/**
 * The overview's action-plan card (action-plans-and-risks.md §10, Totals): how many actions,
 * how many complete and the completion rate, overdue, due soon, stated RAGs that the facts
 * contradict, and the computed RAG spread. A plan without a progress column (a schedule)
 * has no completion rate: the card says so rather than showing 0%.
 */
import type { Analysis } from "../../../core/analysis";
import { percentText } from "../../../core/summary/cells";
import { plural } from "../../../core/words";
import { Figure, OverviewCard, RagSpread, count, useCardStyles } from "./OverviewCard";

export function ActionPlanCard({ analysis }: { analysis: Analysis }) {
  const s = useCardStyles();
  const t = analysis.actionPlan.totals;
  const sheets = analysis.actionPlan.plans.length;
  // To one decimal place, as the summary sheets give percentages (board-pages.md §7).
  const completion = t.completion === null ? null : percentText(t.completion);
  const where = `on ${plural(sheets, "sheet")}`;

  return (
    <OverviewCard
      title="Action plans"
      headline={count(t.count)}
      headlineId="action-plan-count"
      note={completion === null ? `Actions ${where}; no progress reported` : `Actions ${where}, ${completion} complete`}
    >
      <dl className={s.figures} aria-label="Action plan figures">
        <Figure term="Actions" value={count(t.count)} />
        <Figure term="Complete" value={count(t.byStatus.complete)} />
        <Figure term="Completion" value={completion ?? "Not reported"} />
        <Figure term="Overdue" value={count(t.overdue)} />
        <Figure term={`Due within ${plural(analysis.settings.dueSoonDays, "day")}`} value={count(t.dueSoon)} />
        <Figure term="RAG mismatches" value={count(t.ragMismatches)} />
      </dl>
      {completion === null && t.count > 0 && (
        <p className={s.muted}>No progress or RAG column: add one to track delivery (see Findings).</p>
      )}
      {t.ragMismatches > 0 && (
        <p className={s.muted}>
          {t.ragMismatches === 1 ? "A stated RAG differs" : "Stated RAGs differ"} from what the dates and progress give: see
          Findings.
        </p>
      )}
      <RagSpread label="Actions by RAG" counts={t.byRag} />
    </OverviewCard>
  );
}

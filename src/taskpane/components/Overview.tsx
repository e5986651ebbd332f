/**
 * The headline figures, as cards: recovery actions against the target, directions by RAG,
 * action plans (completion, overdue, due soon, RAG mismatches), risks (open, by RAG, without
 * mitigation, reviews overdue, the heat map), each only where the workbook holds that kind
 * of sheet, and how many findings of each severity. The cards sit side by side where there
 * is room and stack in a 320 px task pane. Read-only; figures come straight from the Analysis.
 */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Analysis, RecoveryTotals } from "../../core/analysis";
import { SEVERITIES } from "../../core/findings";
import type { SheetKind } from "../../core/records";
import { percentText } from "../../core/summary/cells";
import { formatDateUk, formatMoney } from "../../core/values";
import { plural } from "../../core/words";
import { ActionPlanCard } from "./overview/ActionPlanCard";
import { Figure, OverviewCard, RagSpread, count, useCardStyles } from "./overview/OverviewCard";
import { RiskCard } from "./overview/RiskCard";
import { SeverityBadge } from "./SeverityBadge";

const useStyles = makeStyles({
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalM },
  cards: {
    display: "grid",
    // Three across on a wide page; one under another in the task pane.
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 15rem), 1fr))",
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
  muted: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Which kinds of template sheet the workbook holds: each has its card. */
function kindsPresent(analysis: Analysis) {
  const has = (...kinds: SheetKind[]) => analysis.sheets.some((s) => kinds.includes(s.kind));
  return {
    recovery: has("recovery-action", "recovery-register"),
    directions: has("directions"),
    actionPlans: analysis.actionPlan.plans.length > 0,
    risks: analysis.risks.registers.length > 0,
  };
}

export function Overview({ analysis }: { analysis: Analysis }) {
  const s = useStyles();
  const kinds = kindsPresent(analysis);
  const none = !kinds.recovery && !kinds.directions && !kinds.actionPlans && !kinds.risks;

  return (
    <section aria-labelledby="overview-heading">
      <div className={s.header}>
        <h2 id="overview-heading">Overview</h2>
        <p className={s.muted}>As at {formatDateUk(analysis.asOf)}</p>
      </div>
      <div className={s.cards}>
        {kinds.recovery && <RecoveryCard totals={analysis.recovery.totals} />}
        {kinds.directions && <DirectionsCard analysis={analysis} />}
        {kinds.actionPlans && <ActionPlanCard analysis={analysis} />}
        {kinds.risks && <RiskCard analysis={analysis} />}
        {none && <NoTemplateSheets />}
        <DataChecksCard analysis={analysis} />
      </div>
    </section>
  );
}

function RecoveryCard({ totals: r }: { totals: RecoveryTotals }) {
  const s = useCardStyles();
  let gap: { term: string; value: string } | null = null;
  if (r.gapPence !== null) {
    gap =
      r.gapPence > 0
        ? { term: "Gap to target", value: formatMoney(r.gapPence) }
        : { term: "Above target by", value: formatMoney(-r.gapPence) };
  }
  // To one decimal place, as the summary sheets and the report give it (board-pages.md §7).
  const coverage = r.coverage === null ? null : percentText(r.coverage);
  const byRag = { red: r.byRag.red.count, amber: r.byRag.amber.count, green: r.byRag.green.count, blue: r.byRag.blue.count, grey: r.byRag.grey.count };
  return (
    <OverviewCard
      title="Recovery actions"
      headline={formatMoney(r.totalValuePence)}
      headlineId="headline-total"
      note={
        r.targetPence === null
          ? `Total of ${plural(r.count, "action")}; no savings target set`
          : `Total of ${plural(r.count, "action")}, ${coverage ?? "0.0%"} of the ${formatMoney(r.targetPence)} target`
      }
    >
      <dl className={s.figures} aria-label="Recovery action figures">
        <Figure term="Actions" value={count(r.count)} />
        <Figure term="Total value" value={formatMoney(r.totalValuePence)} />
        <Figure term="Target" value={r.targetPence === null ? "Not set" : formatMoney(r.targetPence)} />
        {gap && <Figure term={gap.term} value={gap.value} />}
        {coverage !== null && <Figure term="Coverage" value={coverage} />}
      </dl>
      {r.targetPence === null && <p className={s.muted}>Set a savings target in Settings to see the gap.</p>}
      <RagSpread label="Recovery actions by RAG" counts={byRag} />
    </OverviewCard>
  );
}

function DirectionsCard({ analysis }: { analysis: Analysis }) {
  const s = useCardStyles();
  const d = analysis.directions.totals;
  return (
    <OverviewCard
      title="Directions"
      headline={count(d.count)}
      note={d.period ? `Progress at ${d.period}` : d.count === 0 ? "No directions read" : "No reporting period stated"}
    >
      <dl className={s.figures} aria-label="Direction figures">
        <Figure term="Directions" value={count(d.count)} />
        {d.period && <Figure term="Period" value={d.period} />}
      </dl>
      <RagSpread label="Directions by RAG" counts={d.byRag} />
    </OverviewCard>
  );
}

/** Where no sheet is a template: nothing to total, and where to start one. */
function NoTemplateSheets() {
  const s = useCardStyles();
  return (
    <OverviewCard title="Template sheets" headline="None found" note="No sheet is laid out on a standard template">
      <p className={s.muted}>
        Each sheet read is listed under Findings with the reason. Start from a blank template (below) to have one checked.
      </p>
    </OverviewCard>
  );
}

function DataChecksCard({ analysis }: { analysis: Analysis }) {
  const s = useCardStyles();
  const counts = analysis.stats;
  return (
    <OverviewCard
      title="Data checks"
      headline={plural(counts.error, "error")}
      note={counts.error === 0 ? "No errors to correct" : "Each is listed under Findings with its cell"}
    >
      <p className={s.muted} data-testid="finding-counts">
        {plural(counts.error, "error")}, {plural(counts.warning, "warning")}, {count(counts.info)} for information
      </p>
      <ul className={s.badges} aria-label="Findings by severity">
        {SEVERITIES.map((sev) => (
          <li key={sev}>
            <SeverityBadge severity={sev} count={counts[sev]} />
          </li>
        ))}
      </ul>
    </OverviewCard>
  );
}

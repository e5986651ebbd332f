/**
 * The headline figures, as cards (a Fluent card's tokens: shadow, radius, padding): recovery actions against the target, directions by RAG,
 * and how many findings of each severity. Each card leads with one figure set large (the
 * Fluent type ramp), then its figures as a compact list, each label beside its value. The
 * cards sit side by side where there is room and stack in a 320 px task pane. Read-only;
 * figures come straight from the Analysis.
 */
import type { ReactNode } from "react";
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Analysis } from "../../core/analysis";
import { SEVERITIES } from "../../core/findings";
import { RAGS } from "../../core/records";
import { formatDateUk, formatMoney } from "../../core/values";
import { percentText } from "../../core/summary/cells";
import { plural } from "../../core/words";
import { RagBadge } from "./RagBadge";
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
  // A Fluent card's look (its tokens), without Card's focus management: these cards are read, not used.
  card: {
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  cardTitle: { ...typographyStyles.subtitle2, margin: 0 },
  headline: { ...typographyStyles.title2, margin: 0, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  headlineNote: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  figures: {
    display: "grid",
    // Labels as wide as the longest, values beside them: a label never drifts far from its figure.
    gridTemplateColumns: "minmax(0, max-content) minmax(0, max-content)",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2 },
  value: { ...typographyStyles.body1Strong, margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    padding: 0,
    margin: 0,
  },
  muted: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
});

function Figure({ term, value }: { term: string; value: string }) {
  const s = useStyles();
  return (
    <>
      <dt className={s.term}>{term}</dt>
      <dd className={s.value}>{value}</dd>
    </>
  );
}

function OverviewCard({ title, headline, note, children }: { title: string; headline: string; note: string; children: ReactNode }) {
  const s = useStyles();
  return (
    <div className={s.card} data-testid="overview-card">
      <h3 className={s.cardTitle}>{title}</h3>
      <div>
        <p className={s.headline} data-testid={title === "Recovery actions" ? "headline-total" : undefined}>
          {headline}
        </p>
        <p className={s.headlineNote}>{note}</p>
      </div>
      {children}
    </div>
  );
}

export function Overview({ analysis }: { analysis: Analysis }) {
  const s = useStyles();
  const r = analysis.recovery.totals;
  const d = analysis.directions.totals;
  const counts = analysis.stats;

  let gap: { term: string; value: string } | null = null;
  if (r.gapPence !== null) {
    gap =
      r.gapPence > 0
        ? { term: "Gap to target", value: formatMoney(r.gapPence) }
        : { term: "Above target by", value: formatMoney(-r.gapPence) };
  }
  // To one decimal place, as the summary sheets and the report give it (board-pages.md §7).
  const coverage = r.coverage === null ? null : percentText(r.coverage);

  return (
    <section aria-labelledby="overview-heading">
      <div className={s.header}>
        <h2 id="overview-heading">Overview</h2>
        <p className={s.muted}>As at {formatDateUk(analysis.asOf)}</p>
      </div>
      <div className={s.cards}>
        <OverviewCard
          title="Recovery actions"
          headline={formatMoney(r.totalValuePence)}
          note={
            r.targetPence === null
              ? `Total of ${plural(r.count, "action")}; no savings target set`
              : `Total of ${plural(r.count, "action")}, ${coverage ?? "0.0%"} of the ${formatMoney(r.targetPence)} target`
          }
        >
          <dl className={s.figures} aria-label="Recovery action figures">
            <Figure term="Actions" value={r.count.toLocaleString("en-GB")} />
            <Figure term="Total value" value={formatMoney(r.totalValuePence)} />
            <Figure term="Target" value={r.targetPence === null ? "Not set" : formatMoney(r.targetPence)} />
            {gap && <Figure term={gap.term} value={gap.value} />}
            {coverage !== null && <Figure term="Coverage" value={coverage} />}
          </dl>
          {r.targetPence === null && <p className={s.muted}>Set a savings target in Settings to see the gap.</p>}
          {r.count > 0 && (
            <ul className={s.badges} aria-label="Recovery actions by RAG">
              {RAGS.filter((g) => r.byRag[g].count > 0).map((g) => (
                <li key={g}>
                  <RagBadge rag={g} count={r.byRag[g].count} />
                </li>
              ))}
            </ul>
          )}
        </OverviewCard>

        <OverviewCard
          title="Directions"
          headline={d.count.toLocaleString("en-GB")}
          note={d.period ? `Progress at ${d.period}` : d.count === 0 ? "No directions report found" : "No reporting period stated"}
        >
          <dl className={s.figures} aria-label="Direction figures">
            <Figure term="Directions" value={d.count.toLocaleString("en-GB")} />
            {d.period && <Figure term="Period" value={d.period} />}
          </dl>
          {d.count > 0 && (
            <ul className={s.badges} aria-label="Directions by RAG">
              {RAGS.filter((g) => d.byRag[g] > 0).map((g) => (
                <li key={g}>
                  <RagBadge rag={g} count={d.byRag[g]} />
                </li>
              ))}
            </ul>
          )}
        </OverviewCard>

        <OverviewCard
          title="Data checks"
          headline={plural(counts.error, "error")}
          note={counts.error === 0 ? "No errors to correct" : "Each is listed under Findings with its cell"}
        >
          <p className={s.muted} data-testid="finding-counts">
            {plural(counts.error, "error")}, {plural(counts.warning, "warning")}, {counts.info.toLocaleString("en-GB")} for
            information
          </p>
          <ul className={s.badges} aria-label="Findings by severity">
            {SEVERITIES.map((sev) => (
              <li key={sev}>
                <SeverityBadge severity={sev} count={counts[sev]} />
              </li>
            ))}
          </ul>
        </OverviewCard>
      </div>
    </section>
  );
}

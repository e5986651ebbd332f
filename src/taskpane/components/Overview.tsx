/**
 * The headline figures: recovery actions against the target, directions by RAG, and how
 * many findings of each severity. Read-only; figures come straight from the Analysis.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "../../core/analysis";
import { RAGS } from "../../core/records";
import { formatDateUk, formatMoney, roundHalfUp } from "../../core/values";
import { plural } from "../../core/words";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    padding: 0,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  h3: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS} 0` },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
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

  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">Overview</h2>
      <p className={s.muted}>As at {formatDateUk(analysis.asOf)}</p>

      <h3 className={s.h3}>Recovery actions</h3>
      <dl className={s.figures} aria-label="Recovery action figures">
        <Figure term="Actions" value={r.count.toLocaleString("en-GB")} />
        <Figure term="Total value" value={formatMoney(r.totalValuePence)} />
        <Figure term="Target" value={r.targetPence === null ? "Not set" : formatMoney(r.targetPence)} />
        {gap && <Figure term={gap.term} value={gap.value} />}
        {r.coverage !== null && <Figure term="Coverage" value={`${roundHalfUp(r.coverage * 100, 1)}%`} />}
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

      <h3 className={s.h3}>Directions</h3>
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

      <h3 className={s.h3}>Data checks</h3>
      <p className={s.muted} data-testid="finding-counts">
        {plural(counts.error, "error")}, {plural(counts.warning, "warning")}, {counts.info.toLocaleString("en-GB")} for
        information
      </p>
    </section>
  );
}

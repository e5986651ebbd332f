/**
 * The overview's card and its parts, shared by every kind's card: a Fluent card's look (its
 * tokens: shadow, radius, padding) without Card's focus management, since these cards are
 * read, not used. Each card leads with one figure set large (the Fluent type ramp), then
 * its figures as a compact list, each label beside its value, then its RAG spread as words
 * with their colours.
 */
import type { ReactNode } from "react";
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { RAGS, type Rag } from "../../../core/records";
import { RagBadge } from "../RagBadge";

export const useCardStyles = makeStyles({
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

export function Figure({ term, value }: { term: string; value: string }) {
  const s = useCardStyles();
  return (
    <>
      <dt className={s.term}>{term}</dt>
      <dd className={s.value}>{value}</dd>
    </>
  );
}

export interface OverviewCardProps {
  title: string;
  headline: string;
  note: string;
  /** A test id for the headline figure. */
  headlineId?: string;
  children: ReactNode;
}

export function OverviewCard({ title, headline, note, headlineId, children }: OverviewCardProps) {
  const s = useCardStyles();
  return (
    <div className={s.card} data-testid="overview-card">
      <h3 className={s.cardTitle}>{title}</h3>
      <div>
        <p className={s.headline} data-testid={headlineId}>
          {headline}
        </p>
        <p className={s.headlineNote}>{note}</p>
      </div>
      {children}
    </div>
  );
}

/** The RAG ratings that occur, each as its word and count ("Red 2"), in the spec's order. */
export function RagSpread({ label, counts }: { label: string; counts: Record<Rag, number> }) {
  const s = useCardStyles();
  const shown = RAGS.filter((g) => counts[g] > 0);
  if (shown.length === 0) return null;
  return (
    <ul className={s.badges} aria-label={label}>
      {shown.map((g) => (
        <li key={g}>
          <RagBadge rag={g} count={counts[g]} />
        </li>
      ))}
    </ul>
  );
}

/** A count as the overview writes it: `1,250`. */
export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

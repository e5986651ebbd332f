/**
 * Findings grouped by sheet, shown all or one severity at a time (a segmented choice: one
 * toggle button pressed, `aria-pressed`, so the state is seen and heard). Each finding has
 * its code's title from the finding catalogue (the same few words as docs/findings.md), then
 * its message. Each finding links to its cell where
 * the host has a grid (Excel); elsewhere it shows the cell's address and what it holds, and
 * the finding itself takes the keyboard focus, so each one can be reached and read out.
 */
import * as React from "react";
import { Link, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { CATALOGUE, SEVERITIES, type Finding, type FindingStats, type Severity } from "../../core/findings";
import { sheetRef } from "../../core/grid";
import { SEVERITY_WORDS } from "../../core/words";
import { COUNTED, SeverityBadge } from "./SeverityBadge";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  filterLabel: { color: tokens.colorNeutralForeground2, marginRight: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", padding: 0, margin: 0 },
  item: {
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  /** In page mode the item itself is a tab stop: its focus ring must show. */
  focusable: {
    outlineStyle: "none",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThick,
    },
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  message: { margin: `${tokens.spacingVerticalXXS} 0 0 0` },
  content: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, color: tokens.colorNeutralForeground2 },
  h3: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS} 0`,
    overflowWrap: "anywhere",
  },
});

/** The severity words in a sentence ("warnings only", "No errors"). */
const PLURAL_WORDS: Record<Severity, string> = { error: "errors", warning: "warnings", info: "info findings" };

/** What is shown: every finding, or one severity. */
type Shown = "all" | Severity;

export interface FindingsProps {
  findings: Finding[];
  /** The findings counted by severity (the analysis's own counts). */
  stats: FindingStats;
  canGoToCell: boolean;
  onGoToCell: (sheet: string, cell: string) => void;
  cellText: (sheet: string, cell: string) => string | null;
}

export function Findings({ findings, stats: counts, canGoToCell, onGoToCell, cellText }: FindingsProps) {
  const s = useStyles();
  const [shown, setShown] = React.useState<Shown>("all");

  // Findings arrive in the spec's order (sheet, row, column), so groups keep workbook order.
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (shown !== "all" && f.severity !== shown) continue;
    const g = groups.get(f.sheet);
    if (g) g.push(f);
    else groups.set(f.sheet, [f]);
  }
  const visible = [...groups.values()].reduce((n, g) => n + g.length, 0);
  const choices: { value: Shown; label: string }[] = [
    { value: "all", label: `All (${findings.length})` },
    ...SEVERITIES.map((sev) => ({ value: sev, label: `${COUNTED[sev]} (${counts[sev]})` })),
  ];

  let summary: string;
  if (shown === "all") summary = `Showing all ${findings.length} findings.`;
  else if (visible === 0) summary = `No ${PLURAL_WORDS[shown]}: nothing to show.`;
  else summary = `Showing ${visible} of ${findings.length} findings: ${PLURAL_WORDS[shown]} only.`;

  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      {findings.length === 0 ? (
        <p>No findings: every sheet read matches the standard templates.</p>
      ) : (
        <>
          <div role="group" aria-label="Show findings" className={s.filters}>
            <span className={s.filterLabel} aria-hidden="true">
              Show:
            </span>
            {choices.map((c) => (
              <ToggleButton
                key={c.value}
                size="small"
                // The pressed one is filled, so which is chosen is plain at a glance.
                appearance={shown === c.value ? "primary" : "secondary"}
                checked={shown === c.value}
                onClick={() => setShown(c.value)}
              >
                {c.label}
              </ToggleButton>
            ))}
          </div>
          <p role="status" aria-live="polite">
            {summary}
          </p>
          {[...groups.entries()].map(([sheet, list]) => (
            <section key={sheet} aria-label={`Findings on sheet ${sheet}`}>
              <h3 className={s.h3}>
                {sheet} ({list.length})
              </h3>
              <ul className={s.list}>
                {list.map((f, i) => (
                  <FindingItem
                    key={`${f.cell}-${f.code}-${i}`}
                    finding={f}
                    canGoToCell={canGoToCell}
                    onGoToCell={onGoToCell}
                    cellText={cellText}
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** A finding code's few words, from the catalogue ("Stated RAG differs from the facts"). */
function findingTitle(f: Finding): string {
  return CATALOGUE[f.code].title;
}

/** What a finding says, as a screen reader hears it: severity, sheet, cell, title and message. */
function findingLabel(f: Finding): string {
  return `${SEVERITY_WORDS[f.severity]}, sheet ${f.sheet}, cell ${f.cell}: ${findingTitle(f)}. ${f.message}`;
}

function FindingItem({ finding: f, canGoToCell, onGoToCell, cellText }: { finding: Finding } & Omit<FindingsProps, "findings" | "stats">) {
  const s = useStyles();
  const id = React.useId();
  const severityId = `${id}-severity`;
  const titleId = `${id}-title`;
  const messageId = `${id}-message`;
  const contentId = `${id}-content`;
  const text = canGoToCell ? null : cellText(f.sheet, f.cell);
  // Excel: the link goes to the cell and is the tab stop. The page: no grid, so the finding
  // itself is the tab stop, named in full, its cell's content as its description.
  const focusProps = canGoToCell
    ? {}
    : {
        tabIndex: 0,
        "aria-label": findingLabel(f),
        ...(text !== null ? { "aria-describedby": contentId } : {}),
      };
  return (
    <li
      className={canGoToCell ? s.item : `${s.item} ${s.focusable}`}
      data-severity={f.severity}
      data-code={f.code}
      data-cell={f.cell}
      {...focusProps}
    >
      <div className={s.line}>
        <SeverityBadge severity={f.severity} id={severityId} />
        <span className={s.title} id={titleId}>
          {findingTitle(f)}
        </span>
        {canGoToCell ? (
          <Link
            as="button"
            onClick={() => onGoToCell(f.sheet, f.cell)}
            aria-label={`Go to cell ${f.cell} on sheet ${f.sheet}`}
            aria-describedby={`${severityId} ${titleId} ${messageId}`}
          >
            {f.cell}
          </Link>
        ) : (
          <span>{sheetRef(f.sheet, f.cell)}</span>
        )}
      </div>
      <p className={s.message} id={messageId}>
        {f.message}
      </p>
      {text !== null && <CellContent id={contentId} text={text} className={s.content} />}
    </li>
  );
}

/** Without a grid to jump to, the cell's content is shown where the finding is. */
function CellContent({ id, text, className }: { id: string; text: string; className: string }) {
  const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return (
    <p className={className} id={id}>
      {text === "" ? "The cell holds no text." : `The cell holds: ${shown}`}
    </p>
  );
}

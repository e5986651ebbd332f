/**
 * Findings grouped by sheet, filterable by severity. Each finding links to its cell where
 * the host has a grid (Excel); elsewhere it shows the cell's address and what it holds, and
 * the finding itself takes the keyboard focus, so each one can be reached and read out.
 */
import * as React from "react";
import { Badge, Link, ToggleButton, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import { SEVERITIES, type Finding, type FindingStats, type Severity } from "../../core/findings";
import { sheetRef } from "../../core/grid";
import { SEVERITY_WORDS } from "../../core/words";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
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
  message: { margin: `${tokens.spacingVerticalXXS} 0 0 0` },
  content: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, color: tokens.colorNeutralForeground2 },
  h3: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS} 0`,
    overflowWrap: "anywhere",
  },
});

const FILTER_LABEL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };
const BADGE_COLOUR: Record<Severity, BadgeProps["color"]> = { error: "danger", warning: "warning", info: "informative" };

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
  const [shown, setShown] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });

  // Findings arrive in the spec's order (sheet, row, column), so groups keep workbook order.
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!shown[f.severity]) continue;
    const g = groups.get(f.sheet);
    if (g) g.push(f);
    else groups.set(f.sheet, [f]);
  }
  const visible = [...groups.values()].reduce((n, g) => n + g.length, 0);

  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      {findings.length === 0 ? (
        <p>No findings: every sheet read matches the standard templates.</p>
      ) : (
        <>
          <div role="group" aria-label="Show findings by severity" className={s.filters}>
            {SEVERITIES.map((sev) => (
              <ToggleButton
                key={sev}
                size="small"
                checked={shown[sev]}
                onClick={() => setShown((x) => ({ ...x, [sev]: !x[sev] }))}
              >
                {`${FILTER_LABEL[sev]} (${counts[sev]})`}
              </ToggleButton>
            ))}
          </div>
          <p role="status" aria-live="polite">
            {visible === findings.length
              ? `Showing all ${findings.length} findings.`
              : `Showing ${visible} of ${findings.length} findings.`}
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

/** What a finding says, as a screen reader hears it: severity, sheet, cell and message. */
function findingLabel(f: Finding): string {
  return `${SEVERITY_WORDS[f.severity]}, sheet ${f.sheet}, cell ${f.cell}: ${f.message}`;
}

function FindingItem({ finding: f, canGoToCell, onGoToCell, cellText }: { finding: Finding } & Omit<FindingsProps, "findings" | "stats">) {
  const s = useStyles();
  const id = React.useId();
  const severityId = `${id}-severity`;
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
      {...focusProps}
    >
      <div className={s.line}>
        <Badge appearance="tint" color={BADGE_COLOUR[f.severity]} id={severityId}>
          {SEVERITY_WORDS[f.severity]}
        </Badge>
        {canGoToCell ? (
          <Link
            as="button"
            onClick={() => onGoToCell(f.sheet, f.cell)}
            aria-label={`Go to cell ${f.cell} on sheet ${f.sheet}`}
            aria-describedby={`${severityId} ${messageId}`}
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
      {text === "" ? "The cell is empty." : `The cell holds: ${shown}`}
    </p>
  );
}

/**
 * Findings grouped by sheet, filterable by severity. Each finding links to its cell where
 * the host has a grid (Excel); elsewhere it shows the cell's address and what it holds.
 */
import * as React from "react";
import { Badge, Link, ToggleButton, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/findings";
import { sheetRef } from "../../core/grid";
import { SEVERITY_WORD } from "../messages";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", padding: 0, margin: 0 },
  item: {
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
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

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const FILTER_LABEL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };
const BADGE_COLOUR: Record<Severity, BadgeProps["color"]> = { error: "danger", warning: "warning", info: "informative" };

export interface FindingsProps {
  findings: Finding[];
  canGoToCell: boolean;
  onGoToCell(sheet: string, cell: string): void;
  cellText(sheet: string, cell: string): string | null;
}

export function Findings({ findings, canGoToCell, onGoToCell, cellText }: FindingsProps) {
  const s = useStyles();
  const [shown, setShown] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;

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
                  <li key={`${f.cell}-${f.code}-${i}`} className={s.item} data-severity={f.severity} data-code={f.code}>
                    <div className={s.line}>
                      <Badge appearance="tint" color={BADGE_COLOUR[f.severity]}>
                        {SEVERITY_WORD[f.severity]}
                      </Badge>
                      {canGoToCell ? (
                        <Link
                          as="button"
                          onClick={() => onGoToCell(f.sheet, f.cell)}
                          aria-label={`Go to cell ${f.cell} on sheet ${f.sheet}`}
                        >
                          {f.cell}
                        </Link>
                      ) : (
                        <span>{sheetRef(f.sheet, f.cell)}</span>
                      )}
                    </div>
                    <p className={s.message}>{f.message}</p>
                    {!canGoToCell && <CellContent text={cellText(f.sheet, f.cell)} className={s.content} />}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** Without a grid to jump to, the cell's content is shown where the finding is. */
function CellContent({ text, className }: { text: string | null; className: string }) {
  if (text === null) return null;
  const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return <p className={className}>{text === "" ? "The cell is empty." : `The cell holds: ${shown}`}</p>;
}

/**
 * The words every surface uses for the engine's values (the pane, the page, the command
 * line and the summary sheets say the same thing): RAG, risk levels, severities, counts.
 */
import type { Severity } from "./findings";
import type { Rag, RiskLevel } from "./records";
import type { RiskScoreLevel } from "./risks/records";

/** How directions with no theme are shown (the directions summary, the text report). */
export const NO_THEME = "(No theme)";

export const RAG_WORDS: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green", blue: "Blue", grey: "Grey" };

export const RISK_WORDS: Record<RiskLevel, string> = { high: "High", medium: "Medium", low: "Low" };

export const SEVERITY_WORDS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

/** "1 error", "2 errors", "1,250 actions". */
export function plural(n: number, one: string, many?: string): string {
  // The plural made only where it is used (a register's report asks once a service area).
  return `${countText(n)} ${n === 1 ? one : (many ?? `${one}s`)}`;
}

/**
 * A count as en-GB writes it (`1,250`). Whole numbers are grouped here: the first
 * toLocaleString of a process loads the locale data, a sixth of a small `check`'s time.
 */
function countText(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-GB");
  // Under a thousand there is nothing to group (most counts: a service area's actions).
  if (n > -1000 && n < 1000) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${digits}` : digits;
}

/** A risk register's levels (action-plans-and-risks.md §11), as the summaries and reports write them. */
export const RISK_LEVEL_WORDS: Record<RiskScoreLevel, string> = {
  extreme: "Extreme",
  high: "High",
  moderate: "Moderate",
  medium: "Medium",
  low: "Low",
};

/**
 * The words every surface uses for the engine's values (the pane, the page, the command
 * line and the summary sheets say the same thing): RAG, risk levels, severities, counts.
 */
import type { Severity } from "./findings";
import type { Rag, RiskLevel } from "./records";
import type { RiskScoreLevel } from "./risks/records";

export const RAG_WORDS: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green", blue: "Blue", grey: "Grey" };

export const RISK_WORDS: Record<RiskLevel, string> = { high: "High", medium: "Medium", low: "Low" };

export const SEVERITY_WORDS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

/** "1 error", "2 errors", "1,250 actions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** A risk register's levels (action-plans-and-risks.md §11), as the summaries and reports write them. */
export const RISK_LEVEL_WORDS: Record<RiskScoreLevel, string> = {
  extreme: "Extreme",
  high: "High",
  moderate: "Moderate",
  medium: "Medium",
  low: "Low",
};

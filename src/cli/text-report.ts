/**
 * The readable report of `board-summary check`: sheets found, findings grouped by sheet,
 * totals and RAG counts, in UK formats.
 */
import type { Analysis, RagCounts } from "../core/analysis";
import { formatPercent } from "../core/rag";
import { RAGS, RISK_LEVELS, type SheetKind } from "../core/records";
import { NO_THEME } from "../core/summary/directions-summary";
import { formatDateUk, formatMoney } from "../core/values";
import { plural, RAG_WORDS, RISK_WORDS } from "../core/words";

const KIND_WORDS: Record<SheetKind, string> = {
  "recovery-action": "recovery action form",
  "recovery-register": "savings register",
  directions: "directions report",
  summary: "summary (written by Board Summary)",
  settings: "settings (very hidden)",
  other: "not a template sheet",
};

function ragLine(c: RagCounts): string {
  return RAGS.map((k) => `${RAG_WORDS[k]} ${c[k]}`).join(" · ");
}

export function textReport(analysis: Analysis, workbookName: string): string {
  const out: string[] = [];
  const { findings } = analysis;
  const { error: errors, warning: warnings, info: infos } = analysis.stats;

  out.push(`Board Summary check: ${workbookName}`);
  out.push(`As at ${formatDateUk(analysis.asOf)}`);
  out.push("");

  out.push(`Sheets (${analysis.sheets.length})`);
  const width = Math.min(40, Math.max(...analysis.sheets.map((s) => s.name.length), 5));
  for (const s of analysis.sheets) {
    const hidden = s.visibility === "visible" || s.kind === "settings" ? "" : ` (${s.visibility === "veryHidden" ? "very hidden" : "hidden"})`;
    out.push(`  ${s.name.padEnd(width)}  ${KIND_WORDS[s.kind]}${hidden}`);
  }
  out.push("");

  out.push(`Findings: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info`);
  let currentSheet: string | null = null;
  for (const f of findings) {
    if (f.sheet !== currentSheet) {
      currentSheet = f.sheet;
      out.push(`  ${f.sheet}`);
    }
    out.push(`    ${f.severity.padEnd(7)} ${f.cell.padEnd(6)} ${f.code}: ${f.message}`);
  }
  if (findings.length === 0) out.push("  None: every sheet matches the standard template.");
  for (const note of analysis.notes) out.push(`  Note: ${note}`);
  out.push("");

  const r = analysis.recovery.totals;
  out.push(`Recovery actions: ${r.count}, total ${formatMoney(r.totalValuePence)}`);
  if (r.targetPence !== null) {
    const coverage = r.coverage === null ? "" : ` · coverage ${formatPercent(r.coverage * 100)}`;
    out.push(`  Target ${formatMoney(r.targetPence)} · gap ${formatMoney(r.gapPence ?? 0)}${coverage}`);
  } else {
    out.push("  No savings target set (use --target, or set it in the add-in).");
  }
  if (r.forecastTotalPence !== null) out.push(`  Forecast ${formatMoney(r.forecastTotalPence)}`);
  if (r.achievedTotalPence !== null) out.push(`  Achieved to date ${formatMoney(r.achievedTotalPence)}`);
  out.push(
    `  RAG: ${RAGS.map((k) => `${RAG_WORDS[k]} ${r.byRag[k].count} (${formatMoney(r.byRag[k].valuePence)})`).join(" · ")}`,
  );
  out.push(
    `  Risk: ${RISK_LEVELS.map((k) => `${RISK_WORDS[k]} ${r.byRiskLevel[k].count} (${formatMoney(r.byRiskLevel[k].valuePence)})`).join(" · ")}`,
  );
  if (r.byServiceArea.length > 0) {
    out.push("  By lead service area:");
    for (const s of r.byServiceArea) {
      const share = s.share === null ? "" : `  ${formatPercent(s.share * 100)}`;
      out.push(`    ${s.serviceArea}: ${plural(s.count, "action")}, ${formatMoney(s.valuePence)}${share}`);
    }
  }
  out.push("");

  const d = analysis.directions.totals;
  out.push(`Directions: ${d.count}${d.period ? ` (progress at ${d.period})` : ""}`);
  out.push(`  RAG: ${ragLine(d.byRag)}`);
  for (const t of d.byTheme) {
    const avg = t.averageProgress === null ? "no progress reported" : `mean progress ${formatPercent(t.averageProgress)}`;
    out.push(`    ${t.theme ?? NO_THEME}: ${plural(t.count, "direction")}, ${t.reported} reported, ${avg}`);
  }
  return out.join("\n") + "\n";
}

/**
 * Totals (standard-templates.md §7). Money is summed in whole pence, never floats; ratios
 * are rounded half-up to four places, mean progress to one.
 */
import type { DirectionTotals, RagCounts, RecoveryTotals } from "./analysis";
import { RAGS, type RatedDirection, type RatedRecoveryAction, type RiskLevel } from "./records";
import type { Settings } from "./settings";
import { foldName, singleSpaced } from "./names";
import { roundHalfUp } from "./values";

/** How actions without a lead service area are grouped in the by-service-area totals. */
export const NO_SERVICE_AREA = "(No service area)";

function emptyRagCounts(): RagCounts {
  return { red: 0, amber: 0, green: 0, blue: 0, grey: 0 };
}

function sumOrNull(values: (number | null)[]): number | null {
  const given = values.filter((v): v is number => v !== null);
  return given.length === 0 ? null : given.reduce((a, b) => a + b, 0);
}

/** Totals over the counted actions only (a register line repeating a form is not counted again). */
export function recoveryTotals(actions: RatedRecoveryAction[], settings: Settings): RecoveryTotals {
  const counted = actions.filter((a) => a.counted);
  const valueOf = (a: RatedRecoveryAction) => a.valuePence ?? 0;
  const total = counted.reduce((s, a) => s + valueOf(a), 0);

  const byRag = Object.fromEntries(RAGS.map((r) => [r, { count: 0, valuePence: 0 }])) as RecoveryTotals["byRag"];
  const byRiskLevel: RecoveryTotals["byRiskLevel"] = {
    high: { count: 0, valuePence: 0 },
    medium: { count: 0, valuePence: 0 },
    low: { count: 0, valuePence: 0 },
  };
  const areas = new Map<string, { serviceArea: string; count: number; valuePence: number; first: number }>();
  counted.forEach((a, i) => {
    byRag[a.rag].count++;
    byRag[a.rag].valuePence += valueOf(a);
    if (a.riskLevel) {
      const r: RiskLevel = a.riskLevel;
      byRiskLevel[r].count++;
      byRiskLevel[r].valuePence += valueOf(a);
    }
    const area = a.serviceArea?.trim();
    const name = area ? singleSpaced(area) : NO_SERVICE_AREA;
    const key = foldName(name);
    const g = areas.get(key) ?? { serviceArea: name, count: 0, valuePence: 0, first: i };
    g.count++;
    g.valuePence += valueOf(a);
    areas.set(key, g);
  });
  const byServiceArea = [...areas.values()]
    .sort((x, y) => y.valuePence - x.valuePence || x.first - y.first)
    .map((g) => ({
      serviceArea: g.serviceArea,
      count: g.count,
      valuePence: g.valuePence,
      share: total > 0 ? roundHalfUp(g.valuePence / total, 4) : null,
    }));

  const target = settings.targetPence;
  return {
    count: counted.length,
    totalValuePence: total,
    targetPence: target,
    gapPence: target === null ? null : target - total,
    coverage: target === null || target === 0 ? null : roundHalfUp(total / target, 4),
    forecastTotalPence: sumOrNull(counted.map((a) => a.forecastPence)),
    achievedTotalPence: sumOrNull(counted.map((a) => a.achievedPence)),
    byRag,
    byRiskLevel,
    byServiceArea,
  };
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return roundHalfUp(values.reduce((a, b) => a + b, 0) / values.length, 1);
}

export function directionTotals(items: RatedDirection[], period: string | null): DirectionTotals {
  const byRag = emptyRagCounts();
  // Themes in order of first appearance; directions with no theme form one group of their own.
  const themes = new Map<string | null, { items: RatedDirection[] }>();
  for (const d of items) {
    byRag[d.rag]++;
    const g = themes.get(d.theme) ?? { items: [] };
    g.items.push(d);
    themes.set(d.theme, g);
  }
  return {
    count: items.length,
    period,
    byRag,
    byTheme: [...themes.entries()].map(([theme, g]) => {
      const reported = g.items.filter((d) => d.progress !== null).map((d) => d.progress as number);
      const counts = emptyRagCounts();
      for (const d of g.items) counts[d.rag]++;
      return { theme, count: g.items.length, reported: reported.length, averageProgress: mean(reported), byRag: counts };
    }),
  };
}

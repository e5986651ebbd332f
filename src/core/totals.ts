/**
 * Totals (standard-templates.md §7). Money is summed in whole pence, never floats; ratios
 * are rounded half-up to four places, mean progress to one.
 */
import type { DirectionTotals, RagCounts, RecoveryTotals } from "./analysis";
import { RAGS, type RatedDirection, type RatedRecoveryAction } from "./records";
import type { Settings } from "./settings";
import { largestFirst } from "./largest-first";
import { meanProgress } from "./readers/directions/progress";
import { foldName, isTidyAscii, singleSpaced } from "./names";
import { roundHalfUp } from "./values";

/** How actions without a lead service area are grouped in the by-service-area totals. */
export const NO_SERVICE_AREA = "(No service area)";

function emptyRagCounts(): RagCounts {
  return { red: 0, amber: 0, green: 0, blue: 0, grey: 0 };
}

/** A service area's group in the recovery totals, in order of its first action; its share is set once the total is known. */
type AreaGroup = RecoveryTotals["byServiceArea"][number];

/**
 * Totals over the counted actions only (a register line repeating a form is not counted again).
 * One pass, one map look-up an action where its area is known already: a register whose
 * lines each name their own area makes as many groups as lines (100,000), and the filtered
 * and mapped copies of the list cost as much as the sums.
 */
export function recoveryTotals(actions: RatedRecoveryAction[], settings: Settings): RecoveryTotals {
  const byRag = Object.fromEntries(RAGS.map((r) => [r, { count: 0, valuePence: 0 }])) as RecoveryTotals["byRag"];
  const byRiskLevel: RecoveryTotals["byRiskLevel"] = {
    high: { count: 0, valuePence: 0 },
    medium: { count: 0, valuePence: 0 },
    low: { count: 0, valuePence: 0 },
  };
  const areas = new Map<string, AreaGroup>();
  const groups: AreaGroup[] = [];
  let count = 0;
  let total = 0;
  // Each sum is null until a counted action gives a figure (sums in list order, as before).
  let forecast: number | null = null;
  let achieved: number | null = null;
  // The last line's area and group: lines of one area often come together, and take no look-up.
  let lastArea: string | null | undefined;
  let last: AreaGroup | undefined;
  // Indexed, not for…of: a command line's one run steps through 100,000 lines before the
  // loop is optimised, and each step of an array iterator there makes a result object.
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (!a.counted) continue;
    count++;
    const value = a.valuePence ?? 0;
    total += value;
    if (a.forecastPence !== null) forecast = (forecast ?? 0) + a.forecastPence;
    if (a.achievedPence !== null) achieved = (achieved ?? 0) + a.achievedPence;
    const rag = byRag[a.rag];
    rag.count++;
    rag.valuePence += value;
    if (a.riskLevel) {
      const r = byRiskLevel[a.riskLevel];
      r.count++;
      r.valuePence += value;
    }
    const raw = a.serviceArea;
    if (last !== undefined && raw === lastArea) {
      last.count++;
      last.valuePence += value;
      continue;
    }
    // A tidy name (printable ASCII, single spaces between words) is shown as it is and
    // folded by lower-casing: no trim or expression a line (foldName's own shortcut).
    let name: string;
    let key: string;
    if (raw !== null && raw !== "" && isTidyAscii(raw)) {
      name = raw;
      key = raw.toLowerCase();
    } else {
      const area = raw?.trim();
      name = area ? singleSpaced(area) : NO_SERVICE_AREA;
      key = foldName(name);
    }
    let g = areas.get(key);
    if (g === undefined) {
      g = { serviceArea: name, count: 0, valuePence: 0, share: null };
      areas.set(key, g);
      groups.push(g);
    }
    g.count++;
    g.valuePence += value;
    lastArea = raw;
    last = g;
  }
  // `groups` is in order of first appearance (as the map's values were), so a stable sort
  // by value keeps the first-met area first among equal values. The groups themselves are
  // the rows (no copy of 100,000 of them), their share set now the total is known.
  const byServiceArea = largestFirst(groups);
  if (total > 0) {
    // A share depends on the value alone, and equal values are neighbours now: rounded once a run.
    let value = NaN;
    let share = 0;
    for (let i = 0; i < byServiceArea.length; i++) {
      const g = byServiceArea[i];
      if (g.valuePence !== value) {
        value = g.valuePence;
        share = roundHalfUp(value / total, 4);
      }
      g.share = share;
    }
  }

  const target = settings.targetPence;
  return {
    count,
    totalValuePence: total,
    targetPence: target,
    gapPence: target === null ? null : target - total,
    coverage: target === null || target === 0 ? null : roundHalfUp(total / target, 4),
    forecastTotalPence: forecast,
    achievedTotalPence: achieved,
    byRag,
    byRiskLevel,
    byServiceArea,
  };
}

/** A theme's row in the direction totals. */
type ThemeRow = DirectionTotals["byTheme"][number];

/**
 * Themes in order of first appearance; directions with no theme form one group of their
 * own. One pass: each theme's row counted as its directions are met, and the sum of its
 * reported progress kept beside it (in the directions' order, as a sum of the list would
 * add them), not a list of each theme's directions filtered and mapped again. Directions
 * come theme by theme: one of the last one's theme takes no look-up.
 */
export function directionTotals(items: RatedDirection[], period: string | null): DirectionTotals {
  const byRag = emptyRagCounts();
  const themes = new Map<string | null, number>();
  const rows: ThemeRow[] = [];
  const sums: number[] = [];
  let at = -1;
  for (let i = 0; i < items.length; i++) {
    const d = items[i];
    byRag[d.rag]++;
    if (at < 0 || rows[at].theme !== d.theme) {
      let found = themes.get(d.theme);
      if (found === undefined) {
        found = rows.length;
        themes.set(d.theme, found);
        rows.push({ theme: d.theme, count: 0, reported: 0, averageProgress: null, byRag: emptyRagCounts() });
        sums.push(0);
      }
      at = found;
    }
    const row = rows[at];
    row.count++;
    row.byRag[d.rag]++;
    if (d.progress !== null) {
      row.reported++;
      sums[at] += d.progress;
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    row.averageProgress = meanProgress(sums[i], row.reported);
  }
  return { count: items.length, period, byRag, byTheme: rows };
}

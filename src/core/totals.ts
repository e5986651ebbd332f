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

/**
 * A service area's group in the recovery totals, in order of its first action; its share is
 * set once the total is known. Made by `new`, not an object literal: a literal's allocation
 * site is moved to old space once a big register's 100,000 groups outlive a collection, and
 * V8 then throws away the compiled code that makes them, part way through the lines.
 */
class AreaGroup {
  readonly serviceArea: string;
  count: number;
  valuePence: number;
  share: number | null;
  constructor(serviceArea: string) {
    this.serviceArea = serviceArea;
    this.count = 0;
    this.valuePence = 0;
    this.share = null;
  }
}

/**
 * From how many register lines service areas are grouped in a table by a number made from
 * each folded name (AreaTable), not a Map of lower-cased copies. A register whose lines
 * each name their own area makes 100,000 groups: a lower-cased copy, a hash of
 * it and a Map get and set a line were a tenth of its `check`, and the copies fed the
 * garbage collector. Below this, the Map: its loop is short, and the table's number loop
 * would run unoptimised for much of it (rp37: +0.6% instructions on a 10,000-line register).
 */
export const AREA_TABLE_FROM = 32_768;

/** Not a tidy name (tidyFoldNumber's answer). */
const UNTIDY = -1;

/**
 * For a tidy name (isTidyAscii), a number from its lower-cased letters (0 to 2³¹ − 1), made
 * without the lower-cased copy; UNTIDY otherwise. One pass does both.
 */
export function tidyFoldNumber(name: string): number {
  const n = name.length;
  if (n === 0) return UNTIDY;
  let h = 0x811c9dc5 | 0;
  let prev = 0x20;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c === 0x20 && prev === 0x20)) return UNTIDY;
    prev = c;
    h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c | 0x20 : c), 0x01000193);
  }
  return prev === 0x20 ? UNTIDY : h & 0x7fffffff;
}

/** The same number for any text (a folded key that is not tidy): ASCII capitals lowered. */
export function foldNumber(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c | 0x20 : c), 0x01000193);
  }
  return h & 0x7fffffff;
}

/**
 * Whether two texts are the same but for the case of ASCII letters. Between a tidy name and
 * a folded key (both lower-case their ASCII letters and nothing else can match a tidy name),
 * or two tidy names, or two folded keys, it tells whether they fold alike.
 */
export function sameFold(x: string, y: string): boolean {
  const n = x.length;
  if (y.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = x.charCodeAt(i);
    const d = y.charCodeAt(i);
    if (c !== d && ((c | 0x20) !== (d | 0x20) || (c | 0x20) < 0x61 || (c | 0x20) > 0x7a)) return false;
  }
  return true;
}

/**
 * Service-area groups of a big register in a table by number, with no Map and no
 * lower-cased copy a line (the same groups, order and names as the Map): each group's slot
 * in a table sized once to twice the lines (a power of two, open addressing) comes from a
 * number made from its folded name; a group is told by comparing the names letter by letter
 * (sameFold), the engine's compare first. A tidy name is compared as it is; any other by its
 * folded key (foldName), which a tidy name can equal. A line's look-up is a method of its
 * own, not code in the lines' loop: called 100,000 times it is optimised early and quickly,
 * where a longer loop ran unoptimised while it was compiled on the side.
 */
class AreaTable {
  /** For each group, the text its names are compared with. */
  private readonly probes: string[] = [];
  /** A group's index + 1 in its slot; 0 where the slot is free. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  /** `groups`: the totals' groups in order of first appearance, which the table adds to. */
  constructor(
    lines: number,
    private readonly groups: AreaGroup[],
  ) {
    let bits = 4;
    while (1 << bits < lines * 2) bits++;
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** The group of a line's area, made where it is the first of its name. */
  groupOf(raw: string | null): AreaGroup {
    let name: string;
    let probe: string;
    let number = raw === null ? UNTIDY : tidyFoldNumber(raw);
    if (number !== UNTIDY) {
      name = raw as string;
      probe = name;
    } else {
      const area = raw?.trim();
      name = area ? singleSpaced(area) : NO_SERVICE_AREA;
      probe = foldName(name);
      number = foldNumber(probe);
    }
    const { slots, probes, groups, mask } = this;
    // Fibonacci hashing: the slot from the product's top bits spreads near numbers apart.
    let s = Math.imul(number, 0x9e3779b1) >>> this.shift;
    let at = slots[s];
    // Names compared at every taken slot, not only where their numbers are equal: two names
    // of one number are rare (two in the bench's 100,000, the first at line 44,026), and
    // their compare, never run before, threw the lines' loop out of its compiled code there.
    // sameFold answers at once for names of different lengths.
    while (at !== 0) {
      const p = probes[at - 1];
      if (p === probe || sameFold(p, probe)) return groups[at - 1];
      s = (s + 1) & mask;
      at = slots[s];
    }
    const g = new AreaGroup(name);
    probes.push(probe);
    slots[s] = groups.push(g);
    return g;
  }
}

/** What the pass over the lines adds up besides the groups (sums in list order; a sum is null until a counted action gives a figure). */
interface LineSums {
  count: number;
  total: number;
  forecast: number | null;
  achieved: number | null;
}

/**
 * Totals over the counted actions only (a register line repeating a form is not counted again).
 * One pass, one map look-up an action where its area is known already (a table look-up
 * from `areaTableFrom` lines, AreaTable): a register whose lines each name their own area
 * makes as many groups as lines (100,000), and the filtered and mapped copies of the list
 * cost as much as the sums.
 */
export function recoveryTotals(actions: RatedRecoveryAction[], settings: Settings, areaTableFrom = AREA_TABLE_FROM): RecoveryTotals {
  const byRag = Object.fromEntries(RAGS.map((r) => [r, { count: 0, valuePence: 0 }])) as RecoveryTotals["byRag"];
  const byRiskLevel: RecoveryTotals["byRiskLevel"] = {
    high: { count: 0, valuePence: 0 },
    medium: { count: 0, valuePence: 0 },
    low: { count: 0, valuePence: 0 },
  };
  const groups: AreaGroup[] = [];
  const sums = addUpLines(actions, byRag, byRiskLevel, groups, areaTableFrom);
  // `groups` is in order of first appearance (as the map's values were), so a stable sort
  // by value keeps the first-met area first among equal values. The groups themselves are
  // the rows (no copy of 100,000 of them), their share set now the total is known.
  const byServiceArea = largestFirst(groups);
  if (sums.total > 0) setShares(byServiceArea, sums.total);

  const target = settings.targetPence;
  const total = sums.total;
  return {
    count: sums.count,
    totalValuePence: total,
    targetPence: target,
    gapPence: target === null ? null : target - total,
    coverage: target === null || target === 0 ? null : roundHalfUp(total / target, 4),
    forecastTotalPence: sums.forecast,
    achievedTotalPence: sums.achieved,
    byRag,
    byRiskLevel,
    byServiceArea,
  };
}

/**
 * recoveryTotals's pass over the lines: the sums, each RAG's and risk level's count and
 * value, and the service areas' groups (into `groups`). A function of its own: V8 compiles
 * its loop part way through (on-stack replacement), and compiled with the sort and the
 * shares after it, which have not run yet, that code was thrown out at the loop's end and
 * the shares' loop compiled again (a 100,000-line register: the totals compiled four times).
 */
function addUpLines(
  actions: RatedRecoveryAction[],
  byRag: RecoveryTotals["byRag"],
  byRiskLevel: RecoveryTotals["byRiskLevel"],
  groups: AreaGroup[],
  areaTableFrom: number,
): LineSums {
  const areas = new Map<string, AreaGroup>();
  // A big register's areas are grouped in a table instead of the Map (AREA_TABLE_FROM).
  const table = actions.length >= areaTableFrom ? new AreaTable(actions.length, groups) : null;
  let count = 0;
  let total = 0;
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
    let g: AreaGroup | undefined;
    if (table !== null) {
      g = table.groupOf(raw);
    } else {
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
      g = areas.get(key);
      if (g === undefined) {
        g = new AreaGroup(name);
        areas.set(key, g);
        groups.push(g);
      }
    }
    g.count++;
    g.valuePence += value;
    lastArea = raw;
    last = g;
  }
  return { count, total, forecast, achieved };
}

/**
 * Each group's share of the total, the groups largest first. A share depends on the value
 * alone, and equal values are neighbours: rounded once a run. A function of its own, as
 * addUpLines is.
 */
function setShares(byServiceArea: AreaGroup[], total: number): void {
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

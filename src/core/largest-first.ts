/**
 * Items in order of value, largest first, and in their given order among equal values: a
 * stable sort by `valuePence` descending. The recovery totals' by-service-area table is
 * sorted so, and a register whose lines each name their own area has 100,000 groups: a
 * comparator called some 1.7 million times was a tenth of analysing it.
 *
 * Where every value is a whole number within ±`packedBound(n)` (±£450m for 100,000 groups),
 * each item becomes one number, (bound − value) × count + position, made in the same pass
 * that checks the value, and a Float64Array sorts those natively; the position is the key's
 * remainder. Otherwise the comparator does it. tests/core/largest-first.test.ts holds the
 * two together.
 */
export function largestFirst<T extends { valuePence: number }>(items: readonly T[]): T[] {
  const n = items.length;
  if (n < 2) return items.slice();
  const bound = packedBound(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = items[i].valuePence;
    if (!Number.isSafeInteger(v) || v > bound || v < -bound) return largestFirstByComparator(items);
    keys[i] = (bound - v) * n + i;
  }
  keys.sort();
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) out[k] = items[keys[k] % n];
  return out;
}

/**
 * The largest value whose packed key is exact among `n` items: every key, at most
 * 2 × bound × n + n − 1, is then a safe integer.
 */
export function packedBound(n: number): number {
  return Math.floor((Number.MAX_SAFE_INTEGER - (n - 1)) / (2 * n));
}

/** The rule itself: a stable sort by value, largest first (exported for the test). */
export function largestFirstByComparator<T extends { valuePence: number }>(items: readonly T[]): T[] {
  return items.slice().sort((x, y) => y.valuePence - x.valuePence);
}

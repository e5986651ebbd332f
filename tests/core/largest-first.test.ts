/**
 * largestFirst's packed-key path (the recovery totals' by-service-area order) gives exactly
 * the stable comparator sort, item for item, on values with many ties, on values spread
 * to the edge of the packed path and past it, and on values no whole number of pence.
 */
import fc from "fast-check";
import { largestFirst, largestFirstByComparator, packedBound } from "../../src/core/largest-first";

type Item = { valuePence: number; id: number };
const items = (values: number[]): Item[] => values.map((valuePence, id) => ({ valuePence, id }));
const same = (values: number[]) => {
  const list = items(values);
  const fast = largestFirst(list);
  const rule = largestFirstByComparator(list);
  return fast.length === rule.length && fast.every((x, i) => x === rule[i]);
};

test("many ties (a register's round thousands)", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -5, max: 5 }).map((k) => k * 100_000), { maxLength: 300 }), same),
    { numRuns: 5_000 },
  );
});

test("any whole pence, including spreads too wide to pack", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(-0)), { maxLength: 200 }), same),
    { numRuns: 5_000 },
  );
});

test("values at the edge of the packed path, and one past it", () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 50 }), fc.array(fc.nat(), { minLength: 2, maxLength: 50 }), (n, picks) => {
      // Values ±bound (the largest and smallest packed), one past either now and then, and others between.
      const bound = packedBound(n);
      const edges = [bound, -bound, bound + 1, -bound - 1];
      const values = picks.slice(0, n).map((p, i) => (i < 2 || p % 3 === 0 ? edges[(p + i) % 4] : (p % (2 * bound + 1)) - bound));
      return same(values);
    }),
    { numRuns: 5_000 },
  );
});

test("the packed bound keeps every key a safe integer, and one more would not", () => {
  const largestKey = (bound: number, n: number) => 2n * BigInt(bound) * BigInt(n) + BigInt(n) - 1n;
  for (const n of [2, 3, 7, 1_000, 100_000, 1_000_001]) {
    const bound = packedBound(n);
    expect(largestKey(bound, n) <= BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(largestKey(bound + 1, n) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  }
});

test("doubles that are not whole pence go to the comparator, in the same order", () => {
  fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 100 }), same), { numRuns: 5_000 });
});

test("largest first, first given first among equals", () => {
  expect(largestFirst(items([5, 7, 5, 9, 7])).map((x) => x.id)).toEqual([3, 1, 4, 0, 2]);
});

/**
 * largestFirst's packed-key path (the recovery totals' by-service-area order) gives exactly
 * the stable comparator sort, item for item, on values with many ties, on values spread
 * to the edge of the packed path and past it, and on values no whole number of pence.
 */
import fc from "fast-check";
import { largestFirst, largestFirstByComparator } from "../../src/core/largest-first";

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

test("spreads at the edge of the packed path", () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 50 }), fc.array(fc.nat(), { minLength: 2, maxLength: 50 }), (n, picks) => {
      // Values 0 … span where span × n + n − 1 is exactly the largest safe integer, or one past.
      const span = Math.floor((Number.MAX_SAFE_INTEGER - (n - 1)) / n);
      const values = picks.slice(0, n).map((p, i) => (i === 0 ? span + (p % 2) : i === 1 ? 0 : p % (span + 1)));
      return same(values);
    }),
    { numRuns: 5_000 },
  );
});

test("doubles that are not whole pence go to the comparator, in the same order", () => {
  fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 100 }), same), { numRuns: 5_000 });
});

test("largest first, first given first among equals", () => {
  expect(largestFirst(items([5, 7, 5, 9, 7])).map((x) => x.id)).toEqual([3, 1, 4, 0, 2]);
});

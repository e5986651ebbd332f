/**
 * The report's pounds: the whole-pence shortcut gives exactly what the rule (toFixed(2) read
 * back) gives, -0 and the edges of the shortcut included.
 */
import fc from "fast-check";
import { penceToPounds, penceToPoundsByRule } from "../../src/core/report";

const same = (pence: number) => Object.is(penceToPounds(pence), penceToPoundsByRule(pence));

test("whole pence of every size give the rule's pounds", () => {
  fc.assert(fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), same), { numRuns: 20_000 });
  fc.assert(fc.property(fc.maxSafeInteger(), same), { numRuns: 20_000 });
  // Pence ending in each two digits, at sizes up to the shortcut's bound.
  for (let scale = 1; scale < 1e15; scale *= 10) {
    for (let k = -150; k <= 150; k++) {
      expect(same(scale + k)).toBe(true);
      expect(same(-scale + k)).toBe(true);
    }
  }
  for (const p of [0, -0, 1e15 - 1, -(1e15 - 1), 1e15, -1e15, 1e15 + 1, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21, 1e22]) expect(same(p)).toBe(true);
});

test("pence that are not whole go by the rule", () => {
  fc.assert(fc.property(fc.double({ noNaN: true }), same), { numRuns: 20_000 });
  for (const p of [0.5, 1.005, -2.675, NaN, Infinity, -Infinity]) expect(same(p)).toBe(true);
});

/**
 * parsePercent's float path for number cells (a directions report's progress column) gives
 * exactly what the decimal rule gives: the cell read through 15 digits, times 100 for a
 * fraction, half-up to one place.
 */
import fc from "fast-check";
import { numberPoints, numberPointsDecimal } from "../../../src/core/values/percent";

const same = (x: number, shiftBy: number) => Object.is(numberPoints(x, shiftBy), numberPointsDecimal(x, shiftBy));

test("any double, as a fraction and as points", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 2), (x, shiftBy) => same(x, shiftBy)),
    { numRuns: 20_000 },
  );
});

test("fractions and points as people type them, and their float neighbours", () => {
  fc.assert(
    fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 7 }), fc.constantFrom(0, 2), fc.integer({ min: -3, max: 3 }), (k, dp, shiftBy, ulps) => {
      let x = k / 10 ** dp;
      for (let i = 0; i < Math.abs(ulps); i++) x = step(x, ulps > 0 ? 1 : -1);
      return same(x, shiftBy);
    }),
    { numRuns: 20_000 },
  );
});

test("halves at the place kept", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, 2), (k, shiftBy) => same((k + 0.5) / 10 ** (shiftBy + 1), shiftBy)),
    { numRuns: 10_000 },
  );
});

test("known cases", () => {
  expect(numberPoints(0.575, 2)).toBe(57.5);
  expect(numberPoints(0.5755, 2)).toBe(57.6);
  expect(numberPoints(0.57, 2)).toBe(57);
  expect(numberPoints(-0.00049, 2)).toBe(0);
  expect(Object.is(numberPoints(-0.0004, 2), 0)).toBe(true);
  expect(numberPoints(92.25, 0)).toBe(92.3);
  expect(numberPoints(-92.25, 0)).toBe(-92.3);
  expect(numberPoints(1e21, 2)).toBe(numberPointsDecimal(1e21, 2));
  expect(numberPoints(1.5e-7, 2)).toBe(0);
});

function step(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] += (x > 0) === (dir > 0) ? 1n : -1n;
  return b[0];
}

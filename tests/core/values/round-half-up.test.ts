/**
 * roundHalfUp's float path (bench/profiling.md: shares and percentages of a large register)
 * gives exactly what the decimal rule gives, on any double, at the places the engine
 * rounds to, and on the values nearest one half where the two could part.
 */
import fc from "fast-check";
import { roundHalfUp, roundHalfUpDecimal } from "../../../src/core/values/numbers";

const same = (x: number, dp: number) => Object.is(roundHalfUp(x, dp), roundHalfUpDecimal(x, dp));

test("any double, 0 to 8 places", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 8 }), (x, dp) => {
      if (Number.isInteger(x)) return true;
      return same(x, dp);
    }),
    { numRuns: 20_000 },
  );
});

test("shares, percentages and pounds as the engine makes them", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (a, b, dp) => {
      const x = a / b;
      return Number.isInteger(x) || same(x, dp);
    }),
    { numRuns: 20_000 },
  );
});

test("halves and their neighbours", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 3 }), (k, dp, ulps) => {
      // (k + 0.5) / 10^dp, moved a few units in the last place either way.
      let x = (k + 0.5) / 10 ** dp;
      for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? nextUp(x) : nextDown(x);
      return Number.isInteger(x) || same(x, dp);
    }),
    { numRuns: 20_000 },
  );
});

test("known cases", () => {
  expect(roundHalfUp(0.125, 2)).toBe(0.13);
  expect(roundHalfUp(-0.125, 2)).toBe(-0.13);
  expect(roundHalfUp(1.005, 2)).toBe(1.01); // 1.00499999999999989… read through 15 digits is 1.005
  expect(roundHalfUp(56.99999999999999, 1)).toBe(57);
  expect(Object.is(roundHalfUp(-0.00001, 2), 0)).toBe(true);
  expect(roundHalfUp(0.30000000000000004, 4)).toBe(0.3);
});

function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  if (x === 0) return Number.MIN_VALUE;
  i[0] += x > 0 ? 1n : -1n;
  return b[0];
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

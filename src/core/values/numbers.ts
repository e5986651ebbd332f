import { decimalFromNumber, decimalToNumber, roundDecimal } from "./decimal";

/** Exact powers of ten as floats (every one up to 10^22 is). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Half-up rounding of x read through 15 significant digits (decimal.ts), in floats where
 * that gives the same answer: x × 10^places is scaled, and its fraction is far enough from
 * one half that neither the 15-digit reading nor the float product can move it across
 * (both are within 10^-14 of the exact product, relatively; the margin is 10^-12). The
 * quotient of two exact integers is the float nearest the decimal, as is the decimal's
 * text parsed. Anything nearer one half, or too large, is left to the decimal arithmetic.
 * Shares, coverage and percentages of a 100,000-line register are rounded here.
 */
function roundHalfUpFast(x: number, places: number): number | null {
  if (places >= POW10.length) return null;
  const p = POW10[places];
  const s = Math.abs(x) * p;
  if (!(s < 1e11)) return null;
  const whole = Math.floor(s);
  const fraction = s - whole;
  if (Math.abs(fraction - 0.5) <= 1e-12 * Math.max(1, s)) return null;
  const q = fraction > 0.5 ? whole + 1 : whole;
  if (q === 0) return 0;
  return x < 0 ? -(q / p) : q / p;
}

export function roundHalfUp(x: number, dp: number): number {
  if (typeof x !== "number" || !Number.isFinite(x)) return x;
  const places = Number.isFinite(dp) ? Math.max(0, Math.min(20, Math.trunc(dp))) : 0;
  // Whole numbers (most progress figures and every pence total) need no decimal arithmetic.
  if (Number.isInteger(x)) return x;
  const fast = roundHalfUpFast(x, places);
  if (fast !== null) return fast;
  return roundHalfUpDecimal(x, places);
}

/** The rule itself, in decimal arithmetic; exported for the test that holds the float path to it. */
export function roundHalfUpDecimal(x: number, places: number): number {
  const d = decimalFromNumber(x);
  if (d === null) return x;
  return decimalToNumber(roundDecimal(d, places));
}

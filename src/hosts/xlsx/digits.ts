/**
 * A cell's number written as plain digits, read without `Number`: most of a large sheet's
 * `<v>` texts are shared string indexes, whole numbers (`<v>115</v>`) and amounts with a
 * decimal point (`<v>3654.29</v>`), and `Number`'s general parse of each (white space,
 * signs, exponents, hex) was a tenth of reading one. The reader keeps `Number` as the rule
 * and takes these paths only where both give the same.
 */

/**
 * The value of text made only of 1 to 15 ASCII digits (any number of them below 10^15 is a
 * double exactly, so this is what `Number` gives); -1 for anything else.
 */
export function plainDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Powers of ten a decimal's digits are divided by: each a double exactly. */
const POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The value of a plain decimal: an optional `-`, digits, and optionally a point and more
 * digits, 15 digits at most in all; NaN for anything else (left to `Number`). With at most
 * 15 digits, the digits as a whole number and the power of ten are both doubles exactly, so
 * one division rounds the exact quotient once, to the nearest double, which is what
 * `Number` gives for the text (Clinger's fast path, "How to Read Floating Point Numbers
 * Accurately", 1990).
 */
export function plainDecimal(text: string): number {
  const n = text.length;
  let i = n > 0 && text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i === n || n > 17) return NaN;
  let value = 0;
  let digits = 0;
  let point = -1;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      value = value * 10 + d;
      digits++;
    } else if (d === -2 /* . */ && point < 0 && digits > 0) point = i;
    else return NaN;
  }
  // A point needs digits after it too ("1." is Number's to read); 15 digits at most.
  if (point === n - 1 || digits > 15) return NaN;
  const quotient = point < 0 ? value : value / POWERS[n - 1 - point];
  return text.charCodeAt(0) === 45 ? -quotient : quotient;
}

/**
 * A cell's number written as plain digits, read without `Number`: most of a large sheet's
 * `<v>` texts are shared string indexes and whole numbers (`<v>115</v>`), and `Number`'s
 * general parse of each (white space, signs, exponents, hex) was a tenth of reading one.
 * The reader keeps `Number` as the rule and takes this path only where both give the same.
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

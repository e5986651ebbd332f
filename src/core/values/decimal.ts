/**
 * Exact decimal arithmetic on digit strings (BigInt), so money and percentages are never
 * rounded through binary floats (0.1 + 0.2, 0.57 * 100).
 */
import { optionalGroup } from "./input";

/** A decimal number: `sign * n / 10^scale`, with n ≥ 0. */
export interface Decimal {
  negative: boolean;
  n: bigint;
  scale: number;
}

const POW10 = new Map<number, bigint>();
function pow10(k: number): bigint {
  if (k < 0) return 1n;
  if (k >= 64) return 10n ** BigInt(k);
  let p = POW10.get(k);
  if (p === undefined) {
    p = 10n ** BigInt(k);
    POW10.set(k, p);
  }
  return p;
}

/** Parses unsigned or signed plain/exponent decimal text (`-12.50`, `.5`, `1.2e+21`); null if it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const m = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return null;
  const intPart = optionalGroup(m, 2) ?? "";
  const fracPart = optionalGroup(m, 3) ?? "";
  if (intPart === "" && fracPart === "") return null;
  const expText = optionalGroup(m, 4);
  const exp = expText === undefined ? 0 : Number(expText);
  // Bound the exponent: nothing sensible in a workbook needs more, and it keeps BigInt small.
  if (!Number.isFinite(exp) || Math.abs(exp) > 400) return null;
  let n = BigInt((intPart + fracPart).replace(/^0+(?=\d)/, "") || "0");
  let scale = fracPart.length - exp;
  if (scale < 0) {
    n *= pow10(-scale);
    scale = 0;
  }
  return { negative: m[1] === "-" && n !== 0n, n, scale };
}

/**
 * The decimal a float stands for, read through 15 significant digits: 56.99999999999999
 * (0.57*100) is 57, 0.30000000000000004 is 0.3, 448000.005 is 448000.005.
 */
export function decimalFromNumber(x: number): Decimal | null {
  if (!Number.isFinite(x)) return null;
  return parseDecimal(x.toPrecision(15));
}

/** Multiplies by 10^k (k may be negative). */
export function shift(d: Decimal, k: number): Decimal {
  if (k >= 0) {
    if (d.scale >= k) return { ...d, scale: d.scale - k };
    return { ...d, n: d.n * pow10(k - d.scale), scale: 0 };
  }
  return { ...d, scale: d.scale - k };
}

/** Rounds half-up (half away from zero) to `dp` places; the result has scale exactly `dp`. */
export function roundDecimal(d: Decimal, dp: number): Decimal {
  if (d.scale <= dp) return { ...d, n: d.n * pow10(dp - d.scale), scale: dp };
  const p = pow10(d.scale - dp);
  let q = d.n / p;
  const r = d.n % p;
  if (r * 2n >= p) q += 1n;
  return { negative: d.negative && q !== 0n, n: q, scale: dp };
}

/** The nearest float (one decimal-to-binary rounding, so 57.0 is exactly 57). */
export function decimalToNumber(d: Decimal): number {
  if (d.n === 0n) return 0;
  return Number(`${d.negative ? "-" : ""}${d.n.toString()}e-${d.scale}`);
}

/** Plain decimal text with exactly `scale` places (`-1234.50`). */
export function decimalToString(d: Decimal): string {
  const digits = d.n.toString().padStart(d.scale + 1, "0");
  const int = d.scale === 0 ? digits : digits.slice(0, digits.length - d.scale);
  const frac = d.scale === 0 ? "" : "." + digits.slice(digits.length - d.scale);
  return (d.negative ? "-" : "") + int + frac;
}

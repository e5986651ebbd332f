/** Percentages (standard-templates.md §1): 0–100 points, rounded half-up to one decimal. */
import type { ValueResult } from "./result";
import { EMPTY, excelError, invalid, ok } from "./result";
import type { Decimal } from "./decimal";
import { decimalFromNumber, decimalToNumber, parseDecimal, roundDecimal, shift } from "./decimal";
import { isPercentFormat } from "./formats";
import type { RawValue } from "./input";
import { quote, toInput } from "./input";

const DONE_WORDS = new Set(["complete", "completed", "done", "achieved"]);

function points(d: Decimal): number {
  return decimalToNumber(roundDecimal(d, 1));
}

/** The rule for a number cell, in decimal arithmetic: x read through 15 digits, times 10^shiftBy, half-up to one place. */
export function numberPointsDecimal(x: number, shiftBy: number): number | null {
  const d = decimalFromNumber(x);
  return d ? points(shift(d, shiftBy)) : null;
}

/** 10^k for k up to 22, each exact: `10 ** k` of a k not known in advance is a call to the runtime's pow a cell. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The same in doubles where that is exact (a progress column of 50,000 rows paid a regular
 * expression and BigInt arithmetic a cell): the 15-digit reading without an exponent is an
 * integer n below 10^15 over 10^scale, and n, 10^k (k ≤ 22) and their remainder and exact
 * quotient are exact doubles; q / 10 is then the one rounding Number(`${q}e-1`) makes.
 * Null where the decimal rule must answer (tests/core/values/percent-fast.test.ts holds
 * the two to each other).
 */
export function numberPoints(x: number, shiftBy: number): number | null {
  // A cell typed as a whole number of tenths of a point (0.47 as a fraction, 92.5 as
  // points), as nearly every progress cell is: x is the double nearest q / 10^k for a whole
  // q below 10^15, so its 15-digit reading is that decimal exactly, and the points are q
  // tenths, with nothing to round. No text is made for it.
  const k = shiftBy + 1;
  if (k >= 0 && k <= 22) {
    const p = POW10[k];
    const q = Math.round(x * p);
    if (q > -1e15 && q < 1e15 && q / p === x) return q === 0 ? 0 : q / 10;
  }
  const s = x.toPrecision(15);
  if (s.includes("e")) return numberPointsDecimal(x, shiftBy);
  const negative = s.charCodeAt(0) === 45; // "-"
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf(".");
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const n = Number(digits);
  // Places beyond the one kept: n / 10^drop, rounded half-up to a whole number of tenths.
  const drop = (dot < 0 ? 0 : body.length - dot - 1) - shiftBy - 1;
  let q: number;
  if (drop <= 0) {
    q = n * 10 ** -drop;
    if (!Number.isSafeInteger(q)) return numberPointsDecimal(x, shiftBy);
  } else {
    if (drop > 22) return numberPointsDecimal(x, shiftBy);
    const p = 10 ** drop;
    const r = n % p;
    q = (n - r) / p;
    if (r * 2 >= p) q += 1;
  }
  if (q === 0) return 0;
  return negative ? -(q / 10) : q / 10;
}

export function parsePercent(raw: RawValue): ValueResult<number> {
  const input = toInput(raw);
  switch (input.kind) {
    case "empty":
      return EMPTY;
    case "error":
      return excelError(input.error);
    case "boolean":
      return invalid(input.display, `${input.display} is not a percentage`);
    case "number": {
      // A percent-formatted cell holds a fraction; so does one the host shows as `92%` when the format is unknown.
      const fraction = isPercentFormat(input.format) || (input.format === undefined && /%\s*$/.test(input.text ?? ""));
      const value = numberPoints(input.value, fraction ? 2 : 0);
      if (value === null) return invalid(String(input.value), `${input.value} is not a percentage`);
      return ok(value);
    }
    case "text": {
      const text = input.text.replace(/[\u2212\u2013]/g, "-").replace(/\s+/g, " ");
      const word = text.toLowerCase().replace(/[.!]+$/, "").trim();
      if (DONE_WORDS.has(word)) return ok(100);
      const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%|per ?cent)?$/i.exec(text);
      const d = m ? parseDecimal(m[1]) : null;
      if (!d) return invalid(input.text, `${quote(input.text)} is not a percentage: write a figure such as 75%`);
      return ok(points(d));
    }
  }
}

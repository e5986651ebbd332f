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
      const d = decimalFromNumber(input.value);
      if (!d) return invalid(String(input.value), `${input.value} is not a percentage`);
      // A percent-formatted cell holds a fraction; so does one the host shows as `92%` when the format is unknown.
      const fraction = isPercentFormat(input.format) || (input.format === undefined && /%\s*$/.test(input.text ?? ""));
      return ok(points(fraction ? shift(d, 2) : d));
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

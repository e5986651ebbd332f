/**
 * isExcelErrorText's shortcut (text starting with a visible character other than `#` is
 * not trimmed to see) gives what the rule gives: the trimmed text, short, one of Excel's
 * error values in any case.
 */
import fc from "fast-check";
import { EXCEL_ERRORS } from "../../../src/core/snapshot";
import { isExcelErrorText } from "../../../src/core/values/input";

const ERRORS = new Set(EXCEL_ERRORS.map((e) => e.toUpperCase()));
const plain = (text: string) => {
  const t = text.trim();
  return t.length <= 16 && t.startsWith("#") && ERRORS.has(t.toUpperCase());
};

const PIECES = [...EXCEL_ERRORS, "#ref!", "#", "#N/a", " ", "\t", "\n", "\u00a0", "\ufeff", "\u2028", "a", "1", "!", "x"];

test("the same answer as the plain rule", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 20 })),
      (text) => isExcelErrorText(text) === plain(text),
    ),
    { numRuns: 30_000 },
  );
});

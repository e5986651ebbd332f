/**
 * The label search's per-cell shortcuts on a large sheet (readers/labels.ts) agree with the
 * rules they stand for: plain text as the regular expressions define it, and the length
 * bound never above the length of a label form normalising gives.
 */
import fc from "fast-check";
import { isPlainLabelText, labelPartKey, labelSizeBound } from "../../../src/core/readers/labels";
import { normaliseLabel, splitLabelValue } from "../../../src/core/values";

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const NOT_PLAIN = /[^\S ]| {2}|^ | $|[([:]|\?$/;

const PIECES = ["a", "Risk", "LEVEL", "İ", "ß", "Σ", "é", "1", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u3000", ":", "：", "?", "(", ")", "[", "]", "(s)", "(£000)", "-", ".", "\u0001", "\ud83d\ude00"];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join("")),
  fc.string({ unit: "binary", maxLength: 40 }),
);

test("plain text is what the regular expressions call plain", () => {
  fc.assert(
    fc.property(text, (v) => isPlainLabelText(v) === (PRINTABLE_ASCII.test(v) && !NOT_PLAIN.test(v))),
    { numRuns: 30_000 },
  );
});

test("the bound is never more than either label form's length", () => {
  fc.assert(
    fc.property(text, (v) => {
      const bound = labelSizeBound(v);
      const t = v.trim();
      if (bound > normaliseLabel(t).length) return false;
      return !t.includes(":") || bound <= normaliseLabel(splitLabelValue(t).label).length;
    }),
    { numRuns: 30_000 },
  );
});

test("known cases", () => {
  expect(isPlainLabelText("Risk Level")).toBe(true);
  expect(isPlainLabelText("Risk  Level")).toBe(false);
  expect(isPlainLabelText("Risk Level?")).toBe(false);
  expect(isPlainLabelText("")).toBe(false);
  expect(labelSizeBound("• Number of people waiting\n• Average wait")).toBe(32);
  expect(labelSizeBound("Risk Level: High")).toBe(9);
  expect(labelSizeBound("Saving (£000)")).toBe(0);
});

test("a label part's key is its split label's normal form", () => {
  fc.assert(
    fc.property(text, (v) => {
      const t = v.trim();
      return labelPartKey(t) === normaliseLabel(splitLabelValue(t).label);
    }),
    { numRuns: 30_000 },
  );
  expect(labelPartKey("Exec  Lead(s) :  Gill\u00a0Main")).toBe("exec lead(s)");
  expect(labelPartKey("Risk Level (of not delivering)")).toBe("risk level");
});

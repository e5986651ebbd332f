/**
 * The label search's per-cell shortcuts on a large sheet (readers/labels.ts) agree with the
 * rules they stand for: plain text as the regular expressions define it, and the length
 * bound never above the length of a label form normalising gives; a text's keys, remembered
 * by text for the small sheets' index, are its label forms' normal forms as the rule keeps them.
 */
import fc from "fast-check";
import { isPlainLabelText, keysOfText, labelPartKey, labelSizeBound } from "../../../src/core/readers/labels";
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

/** The label forms a text is indexed under, by the rule: normal forms, long prose dropped unless it normalises short or holds a bracket. */
function plainKeys(v: string): [string | null, string | null] {
  const t = v.trim();
  if (!t) return [null, null];
  const kept = (s: string, normal: string) => (s.length <= 300 || /[([]/.test(s) || normal.length <= 300 ? normal : null);
  const colon = t.indexOf(":");
  return [kept(t, normaliseLabel(t)), colon < 0 ? null : kept(t.slice(0, colon), labelPartKey(t))];
}

test("a text's remembered keys are its label forms, asked once or again", () => {
  const long = fc.tuple(text, fc.integer({ min: 20, max: 80 }), text).map(([a, n, b]) => `${a}${"Word ".repeat(n)}${b}`);
  // Either side of the 300 characters past which prose is not a label, plain or not, before a colon or after.
  const edge = fc
    .tuple(fc.constantFrom("", "Risk: ", "  "), fc.integer({ min: 296, max: 304 }), fc.constantFrom("", "(", ":", " ", "?", ": x"))
    .map(([head, n, tail]) => head + "Ab".repeat(n).slice(0, n) + tail);
  fc.assert(
    fc.property(fc.oneof(text, long, edge), (v) => {
      const want = plainKeys(v);
      // The first answer is worked out, the second (the same text) remembered.
      return [keysOfText(v), keysOfText(v)].every((k) => k[0] === want[0] && k[1] === want[1]);
    }),
    { numRuns: 30_000 },
  );
  expect(keysOfText("Exec Lead(s):")).toEqual(["exec lead(s)", "exec lead(s)"]);
  expect(keysOfText("Risk Level")).toEqual(["risk level", null]);
  expect(keysOfText(`Description: ${"a reduction ".repeat(40)}`)).toEqual([null, "description"]);
});

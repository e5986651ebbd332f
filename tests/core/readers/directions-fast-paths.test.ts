/**
 * The directions reader's cheap tests give what the rules give: the No scan is the
 * expression `/^\d+(?:\.\d+)*\.?$/`, and the group-label length test never turns away a
 * text that matchesLabel takes for `Performance Measures`.
 */
import fc from "fast-check";
import { directionNumber, isDirectionNumber } from "../../../src/core/readers/directions/direction-number";
import { GROUP_LABELS, isGroupLabel } from "../../../src/core/readers/directions/directions-sheet";
import { matchesLabel } from "../../../src/core/values";

const DIRECTION_NUMBER = /^\d+(?:\.\d+)*\.?$/;

test("the No scan is the expression, on text made of digits, dots and their look-alikes", () => {
  const pieces = ["0", "1", "9", "12", ".", "..", " ", "a", ",", "١", "٫", "\n", "-", "+", "e"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const t = parts.join("");
      expect(isDirectionNumber(t)).toBe(DIRECTION_NUMBER.test(t));
      const trimmed = t.trim();
      expect(directionNumber(t)).toBe(DIRECTION_NUMBER.test(trimmed) ? trimmed.replace(/\.$/, "") : null);
    }),
    { numRuns: 20_000 },
  );
});

test("the No scan on any text", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 20 }), (t) => isDirectionNumber(t) === DIRECTION_NUMBER.test(t)),
    { numRuns: 10_000 },
  );
});

test("the group-label test is matchesLabel, on short and long texts near the labels", () => {
  // Pieces that normalise away (hints, colons, spacing, zero-width) or lengthen (İ lower-cased is two units).
  const pieces = ["Performance", "performance", "PERFORMANCE", "Measures", "Measure", "measure", " ", "  ", "\t", "\u00a0", "\u200b", "(s)", "(%)", "[x]", ":", "?", "İ", "İİ", "I", "s", "1.1", "P", "M"];
  let matched = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
      const t = parts.join("");
      const rule = matchesLabel(t, GROUP_LABELS);
      if (rule) matched++;
      expect(isGroupLabel(t)).toBe(rule);
    }),
    { numRuns: 20_000 },
  );
  // The property is only worth something if it met texts that are group labels.
  expect(matched).toBeGreaterThan(0);
});

test("the group-label test on any short text", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 12 }), (t) => isGroupLabel(t) === matchesLabel(t, GROUP_LABELS)),
    { numRuns: 10_000 },
  );
});

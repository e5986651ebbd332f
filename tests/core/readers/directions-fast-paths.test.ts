/**
 * The directions reader's cheap tests give what the rules give: the No scan is the
 * expression `/^\d+(?:\.\d+)*\.?$/`, the group-label length test never turns away a
 * text that matchesLabel takes for `Performance Measures`, and a number cell is no group
 * label without its text being made, and a progress figure read from a number cell directly is
 * what the progress rule reads.
 */
import fc from "fast-check";
import { directionNumber, isDirectionNumber } from "../../../src/core/readers/directions/direction-number";
import { GROUP_LABELS, isGroupLabel, isGroupLabelCell, textOf } from "../../../src/core/readers/directions/directions-sheet";
import { plainProgressFigure, progressByRule, readProgressCell } from "../../../src/core/readers/directions/progress";
import type { Cell } from "../../../src/core/snapshot";
import { matchesLabel, parsePercent } from "../../../src/core/values";
import { forEverySampleCell } from "../../helpers/workbooks";

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

test("a cell's group-label test is its text's, number cells of any format included", () => {
  // Formats that show numbers as dates, times, percents and money, and ones whose literal
  // text (quoted, escaped or a tag) spells the label: displayNumber shows no literal text.
  const formats = [undefined, "General", "0%", "0.0%", "dd/mm/yyyy", "hh:mm:ss", "mmm-yy", "£#,##0", "[$£-809]#,##0.00", "0.00E+00", "@",
    '"Performance Measures" 0', '0 "Performance Measures"', "\\P\\e\\r\\f 0", "[Red]0", '"Performance Measures"', "Performance Measures"];
  const value = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e6, max: 3e6 }),
    fc.constantFrom(0, 0.76, 1e21, -1e-7, 45_000.5),
    fc.constantFrom("Performance Measures", "performance measure:", "1.1", "", " "),
    fc.constant(null),
  );
  const text = fc.option(fc.constantFrom("Performance Measures", "76%", "", "###"), { nil: undefined });
  let numbers = 0;
  fc.assert(
    fc.property(value, fc.constantFrom(...formats), text, fc.option(fc.constant("#N/A"), { nil: undefined }), (v, format, shown, error) => {
      const cell: Cell = { row: 1, col: 1, value: v };
      if (format !== undefined) cell.format = format;
      if (shown !== undefined) cell.text = shown;
      if (error !== undefined) cell.error = error;
      if (typeof v === "number" && shown === undefined) numbers++;
      expect(isGroupLabelCell(cell)).toBe(isGroupLabel(textOf(cell)));
    }),
    { numRuns: 20_000 },
  );
  expect(numbers).toBeGreaterThan(1_000);
});

/** The progress rule's reading of a cell and the findings it raises. */
function byRule(cell: Cell | undefined): { reading: unknown; raised: unknown[] } {
  const raised: unknown[] = [];
  const reading = progressByRule(cell, 7, 4, "1.1", (code, at, params) => raised.push([code, at, params]));
  return { reading, raised };
}

/** A figure read directly is the rule's, with no finding; readProgressCell gives the rule's reading either way. */
function expectProgressSame(cell: Cell | undefined): boolean {
  const figure = plainProgressFigure(cell);
  const rule = byRule(cell);
  if (figure !== null) expect(rule).toEqual({ reading: figure, raised: [] });
  const raised: unknown[] = [];
  expect(readProgressCell(cell, 7, 4, "1.1", (code, at, params) => raised.push([code, at, params]))).toEqual(rule.reading);
  expect(raised).toEqual(rule.raised);
  return figure !== null;
}

test("a progress figure read directly is the rule's, on random cells", () => {
  const formats = [undefined, "General", "0%", "0.0%", "0.00%", '0"%"', "#,##0", "dd/mm/yyyy", "0.0", "@", "[Red]0%", "% 0"];
  const value = fc.oneof(
    { arbitrary: fc.double({ noNaN: false }), weight: 3 },
    { arbitrary: fc.integer({ min: -200, max: 200 }).map((n) => n / 100), weight: 3 },
    fc.integer({ min: -5, max: 150 }),
    fc.constantFrom(0, -0, 1, 1.005, 0.125, 0.9999999999999999, 100.05, 99.95, 1e-7, 1e21, Infinity, -Infinity, NaN),
    fc.constantFrom("76%", "Complete", "", " ", "#N/A", "This requires engagement."),
    fc.constant(null),
    fc.boolean(),
  );
  // Mostly absent, as on a real sheet: the direct way is taken only without either.
  const shown = fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, fc.constantFrom("76%", "", "###", "0.76"));
  const error = fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, fc.constantFrom("#N/A", "", " "));
  let direct = 0;
  fc.assert(
    fc.property(value, fc.constantFrom(...formats), shown, error, (v, format, text, err) => {
      const cell: Cell = { row: 7, col: 4, value: v };
      if (format !== undefined) cell.format = format;
      if (text !== undefined) cell.text = text;
      if (err !== undefined) cell.error = err;
      if (expectProgressSame(cell)) direct++;
    }),
    { numRuns: 20_000 },
  );
  expect(expectProgressSame(undefined)).toBe(false);
  // Worth something only where the direct way was taken.
  expect(direct).toBeGreaterThan(2_000);
});

test("a progress figure read directly is the rule's, on every cell of the samples and real-world workbooks", async () => {
  let direct = 0;
  await forEverySampleCell((c) => {
    if (expectProgressSame(c)) direct++;
  });
  expect(direct).toBeGreaterThan(100);
});

test("a text cell's progress reads as its text does, remembered or not", () => {
  const pieces = ["75", "75%", " per cent", "percent", "Complete", "done.", "\u2212", "5", ".", " ", "\u00a0", "\u200b", "#N/A", "#ref!", "This requires engagement.", "x"];
  const text = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 5 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 12 }));
  fc.assert(
    fc.property(text, fc.option(fc.constantFrom("76%", ""), { nil: undefined }), fc.constantFrom(undefined, "0%", "@"), (value, shown, format) => {
      const cell: Cell = { row: 7, col: 4, value };
      if (shown !== undefined) cell.text = shown;
      if (format !== undefined) cell.format = format;
      // What the remembered reading rests on: parsePercent reads nothing of such a cell but its text.
      expect(parsePercent(cell)).toEqual(parsePercent(value));
      // Read twice, the second time from what was remembered.
      expect(byRule(cell)).toEqual(byRule({ ...cell }));
    }),
    { numRuns: 10_000 },
  );
});

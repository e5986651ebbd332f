/**
 * isDateFormat and isPercentFormat remember their answers by format code: held to the rules
 * on random codes asked in any order and again, past the bound where the answers are
 * forgotten, and on what is not a string.
 */
import fc from "fast-check";
import { dateFormatRule, isDateFormat, isPercentFormat, percentFormatRule } from "../../../src/core/values/formats";

const PIECES = ["0", "#", "%", ".", ",", "d", "m", "y", "h", "s", "General", "@", '"', '"%"', "\\%", "_)", "*-", "[h]", "[Red]", "[$£-809]", ";", " ", "E+"];

test("the remembered answers are the rules', however often and in whatever order a code is asked", () => {
  const code = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(fc.array(code, { minLength: 1, maxLength: 40 }), (codes) => {
      for (const c of [...codes, ...codes.slice().reverse()]) {
        expect(isDateFormat(c)).toBe(dateFormatRule(c));
        expect(isPercentFormat(c)).toBe(percentFormatRule(c));
      }
    }),
    { numRuns: 2_000 },
  );
});

test("past the bound (more codes than any workbook holds) the answers are still the rules'", () => {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 3_000; i++) {
      const c = i % 3 === 0 ? `0.${"0".repeat(i % 7)}%` : i % 3 === 1 ? `dd/mm/yyyy "${i}"` : `#,##0 "${i}%"`;
      expect(isPercentFormat(c)).toBe(percentFormatRule(c));
      expect(isDateFormat(c)).toBe(dateFormatRule(c));
    }
  }
  expect(isPercentFormat("0%")).toBe(true);
  expect(isDateFormat("dd/mm/yyyy")).toBe(true);
});

test("no format, or not a string, is neither", () => {
  for (const f of [undefined, null, 5, {}] as unknown as (string | undefined)[]) {
    expect(isDateFormat(f)).toBe(false);
    expect(isPercentFormat(f)).toBe(false);
  }
});

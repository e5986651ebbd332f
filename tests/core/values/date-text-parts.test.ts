/**
 * ISO dates made and shown without padding each part: `iso` is each part padded with zeros
 * (isoByRule) on any numbers, and formatDateUk shows a real ISO date's own day, month and
 * year as dd/mm/yyyy, and anything else as it was given.
 */
import fc from "fast-check";
import { formatDateUk, iso, isoByRule } from "../../../src/core/values/dates";

test("iso is the padded parts, on whole and odd numbers in and out of range", () => {
  const year = fc.oneof(fc.integer({ min: -20, max: 12_000 }), fc.constantFrom(999, 1000, 9999, 10_000, 2023.5, -0, NaN));
  const part = fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, 9, 10, 99, 100, 1.5, -0, NaN));
  fc.assert(
    fc.property(year, part, part, (y, m, d) => {
      expect(iso(y, m, d)).toBe(isoByRule(y, m, d));
    }),
    { numRuns: 20_000 },
  );
});

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);

/** The plain rule: a trimmed `YYYY-MM-DD` naming a real day shows its own digits rearranged; other text as given. */
function shownByRule(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return text;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) ? `${m[3]}/${m[2]}/${m[1]}` : text;
}

test("formatDateUk shows a real ISO date's own digits as dd/mm/yyyy, other text as given", () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join(""));
  const isoLike = fc
    .tuple(fc.oneof(digits(4), fc.constantFrom("0000", "0099", "1900", "2024", "2023", "9999")), fc.oneof(digits(2), fc.constantFrom("02", "12", "13")), fc.oneof(digits(2), fc.constantFrom("28", "29", "30", "31")), fc.constantFrom("", " ", "x"))
    .map(([y, m, d, pad]) => (pad === "x" ? `${y}-${m}-${d}x` : `${pad}${y}-${m}-${d}${pad}`));
  let real = 0;
  fc.assert(
    fc.property(isoLike, (t) => {
      const shown = shownByRule(t);
      if (shown !== t) real++;
      expect(formatDateUk(t)).toBe(shown);
    }),
    { numRuns: 20_000 },
  );
  expect(real).toBeGreaterThan(1_000);
});

/**
 * parseDateText's scan of text that begins with a month's name (`March 2024.`) gives what
 * the rule gives (the four forms on the tidied text), on random text made of the pieces
 * dates are written with and of characters the rule treats apart: Unicode white space, the
 * dashes it turns into hyphens, letters that case-fold to ASCII (`ſ`, the Kelvin sign).
 */
import fc from "fast-check";
import { monthYearScan, parseDateText, parseDateTextByRule } from "../../../src/core/values/dates";

const MONTHS = ["January", "Jan", "February", "Feb", "March", "Mar", "April", "Apr", "May", "June", "Jun", "July", "Jul", "August", "Aug", "September", "Sept", "Sep", "October", "Oct", "November", "Nov", "December", "Dec"];
const WORDS = ["the", "end", "of", "Monday", "Tues", "Sun", "st", "th", "by", "x", "Marc", "Septembers", "ſept", "\u212aan", "décembre"];
const SEPARATORS = [" ", "  ", "\t", "\n", ",", ", ", ".", ". ", "-", "/", "–", "\u2011", "\u00a0", "\u2003", "\u202f", "\ufeff", "é", "5", "_", "%"];

/** A piece in any case: as typed, lower, upper, or letters flipped at random. */
const anyCase = (word: string) =>
  fc.oneof(
    fc.constant(word),
    fc.constant(word.toLowerCase()),
    fc.constant(word.toUpperCase()),
    fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((flips) => [...word].map((ch, i) => (flips[i] ? ch.toUpperCase() : ch.toLowerCase())).join("")),
  );

const digits = fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join("")));
const year = fc.oneof(fc.integer({ min: 1850, max: 2100 }).map(String), fc.integer({ min: 0, max: 99 }).map((y) => String(y).padStart(2, "0")), digits);

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MONTHS).chain(anyCase) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS).chain(anyCase) },
  { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 3, arbitrary: year },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);

/** A month, a separator and a year, then anything: a target date as written, or nearly. */
const nearlyADate = fc
  .tuple(fc.constantFrom(...MONTHS).chain(anyCase), fc.constantFrom("", "."), fc.constantFrom(...SEPARATORS), year, fc.array(piece, { maxLength: 3 }))
  .map(([m, dot, sep, y, rest]) => m + dot + sep + y + rest.join(""));

/** Mostly a month first, as the scan is built for; sometimes anything. */
const text = fc.oneof(
  { weight: 2, arbitrary: nearlyADate },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MONTHS).chain(anyCase), fc.array(piece, { maxLength: 6 })).map(([m, rest]) => m + rest.join("")) },
  { weight: 1, arbitrary: fc.array(piece, { maxLength: 7 }).map((pieces) => pieces.join("")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

test("the scan gives the rule's answer wherever it gives one, and parseDateText is the rule", () => {
  let decided = 0;
  let dates = 0;
  fc.assert(
    fc.property(text, (t) => {
      const rule = parseDateTextByRule(t);
      const scanned = monthYearScan(t);
      if (scanned !== undefined) {
        decided++;
        if (scanned !== null) dates++;
        if (scanned !== rule) return false;
      }
      return parseDateText(t) === rule;
    }),
    { numRuns: 40_000 },
  );
  // The property was put to the scan, not passed by its declining every text.
  expect(decided).toBeGreaterThan(10_000);
  expect(dates).toBeGreaterThan(400);
});

test("known cases", () => {
  expect(monthYearScan("March 2024.")).toBe("2024-03-31");
  expect(monthYearScan("sept. 2018, with")).toBe("2018-09-30");
  expect(monthYearScan("Feb-24")).toBe("2024-02-29");
  expect(monthYearScan("FEB 2023")).toBe("2023-02-28");
  expect(monthYearScan("Mar 1899")).toBeNull();
  expect(monthYearScan("Mar 20245")).toBeNull();
  expect(monthYearScan("Mar-245")).toBeNull();
  expect(monthYearScan("Mar 2024.5")).toBeNull();
  expect(monthYearScan("Mar 2024x")).toBeNull();
  expect(monthYearScan("March2024")).toBeNull();
  // Left to the rule: not a month first, or a character past ASCII where the scan looks.
  expect(monthYearScan("the end of March 2024")).toBeUndefined();
  expect(monthYearScan("21 March 2024")).toBeUndefined();
  expect(monthYearScan("March\u00a02024")).toBeUndefined();
  expect(parseDateText("March\u00a02024")).toBe("2024-03-31");
  expect(monthYearScan("Mar\u201324")).toBeUndefined();
  expect(parseDateText("Mar\u201324")).toBe("2024-03-31");
  expect(monthYearScan("ſept 2018")).toBeUndefined();
  expect(parseDateText("ſept 2018")).toBe(parseDateTextByRule("ſept 2018"));
});

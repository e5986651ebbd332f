/**
 * plainDigits, the reader's path for `<v>` texts of plain digits, gives exactly what the
 * rule (`Number`) gives wherever it answers, and answers for every run of up to 15 digits.
 */
import fc from "fast-check";
import { plainDigits } from "../../../src/hosts/xlsx/digits";

const digitText = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 15 });

test("every run of 1 to 15 digits is read, as Number reads it", () => {
  fc.assert(
    fc.property(digitText, (s) => plainDigits(s) === Number(s)),
    { numRuns: 20_000 },
  );
});

test("any other text: no answer, or Number's", () => {
  const near = fc.string({ unit: fc.constantFrom(..."0123456789 .-+eExX_\t\n"), maxLength: 20 });
  fc.assert(
    fc.property(fc.oneof(near, fc.string(), fc.string({ unit: "grapheme" })), (s) => {
      const d = plainDigits(s);
      return d === -1 || Object.is(d, Number(s));
    }),
    { numRuns: 20_000 },
  );
});

test("what it leaves to Number", () => {
  for (const s of ["", " 1", "1 ", "-1", "+1", "1.0", "1e3", "0x1F", "1_000", "1234567890123456", "٣"]) expect(plainDigits(s)).toBe(-1);
  expect(plainDigits("007")).toBe(7);
  expect(plainDigits("999999999999999")).toBe(999_999_999_999_999);
});

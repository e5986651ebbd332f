/**
 * plainDigits and plainDecimal, the reader's paths for `<v>` texts of plain digits and plain
 * decimals, give exactly what the rule (`Number`) gives wherever they answer, and answer for
 * every such text of up to 15 digits.
 */
import fc from "fast-check";
import { plainDecimal, plainDigits } from "../../../src/hosts/xlsx/digits";

const digitText = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 15 });

test("every run of 1 to 15 digits is read, as Number reads it", () => {
  fc.assert(
    fc.property(digitText, (s) => plainDigits(s) === Number(s)),
    { numRuns: 20_000 },
  );
});

test("any other text: no answer, or Number's, from either", () => {
  const near = fc.string({ unit: fc.constantFrom(..."0123456789 .-+eExX_\t\n"), maxLength: 20 });
  fc.assert(
    fc.property(fc.oneof(near, fc.string(), fc.string({ unit: "grapheme" })), (s) => {
      const digits = plainDigits(s);
      const decimal = plainDecimal(s);
      return (digits === -1 || Object.is(digits, Number(s))) && (Number.isNaN(decimal) || Object.is(decimal, Number(s)));
    }),
    { numRuns: 20_000 },
  );
});

test("what it leaves to Number", () => {
  for (const s of ["", " 1", "1 ", "-1", "+1", "1.0", "1e3", "0x1F", "1_000", "1234567890123456", "٣"]) expect(plainDigits(s)).toBe(-1);
  expect(plainDigits("007")).toBe(7);
  expect(plainDigits("999999999999999")).toBe(999_999_999_999_999);
});

/** Text of a plain decimal: a sign or none, digits, a point and digits or none. */
const decimalText = fc
  .tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 16 }), fc.option(fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 16 })))
  .map(([minus, whole, fraction]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`);

describe("plainDecimal", () => {
  test("every plain decimal of up to 15 digits is read, as Number reads it (to the last bit and the sign of zero)", () => {
    fc.assert(
      fc.property(decimalText, (s) => {
        const digits = s.replace(/[-.]/g, "").length;
        const d = plainDecimal(s);
        return digits > 15 ? Number.isNaN(d) : Object.is(d, Number(s));
      }),
      { numRuns: 50_000 },
    );
  });

  test("amounts and fractions near the rounding edges read as Number reads them", () => {
    // Pence, percentages and the like, where a division rounds differently from a multiplication.
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: 0, max: 15 }), (m, k) => {
        const digits = String(Math.abs(m)).padStart(k + 1, "0");
        const s = `${m < 0 ? "-" : ""}${k === 0 ? digits : `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`}`;
        const d = plainDecimal(s);
        return s.replace(/[-.]/g, "").length > 15 ? Number.isNaN(d) : Object.is(d, Number(s));
      }),
      { numRuns: 50_000 },
    );
  });

  test("what it leaves to Number", () => {
    for (const s of ["", "-", ".", " 1", "1 ", "+1", "1.", ".5", "-.5", "1.2.3", "--1", "1e3", "0x1F", "1_000", "1234567890123456", "12345678.12345678", "٣"]) expect(plainDecimal(s)).toBeNaN();
    expect(plainDecimal("3654.29")).toBe(3654.29);
    expect(plainDecimal("0.1")).toBe(0.1);
    expect(Object.is(plainDecimal("-0.00"), -0)).toBe(true);
    expect(plainDecimal("-999999999999.999")).toBe(-999999999999.999);
  });
});

/** Properties that must hold for any input: nothing throws, and the exact round trips. */
import fc from "fast-check";
import * as values from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";

const textish = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(..."£$0123456789.,-()kKmM %/:;?[]#NoTBCv \n\tJanMarchSept".split("")) }),
);
const raw = fc.oneof(
  textish,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.record({
    row: fc.constant(1),
    col: fc.constant(1),
    value: fc.oneof(textish, fc.double(), fc.boolean(), fc.constant(null)),
    format: fc.option(fc.constantFrom("General", "0%", "0.0", "dd/mm/yyyy", "£#,##0", "hh:mm", "[$-809]dd mmmm yyyy", '"x"0'), { nil: undefined }),
    text: fc.option(textish, { nil: undefined }),
    error: fc.option(fc.constantFrom("#REF!", "#N/A"), { nil: undefined }),
  }) as fc.Arbitrary<Cell>,
);

describe("nothing throws on any input", () => {
  test("parsers", () => {
    fc.assert(
      fc.property(raw, fc.boolean(), (input, thousands) => {
        values.parseMoney(input, { thousands });
        values.parsePercent(input);
        values.parseDate(input);
        values.parseRiskLevel(input);
        values.parseFrequency(input);
        values.parseStrategicAims(input);
        values.parseVersion(input);
        if (typeof input === "object" && input !== null) {
          values.displayText(input);
          values.cellError(input);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("text functions", () => {
    fc.assert(
      fc.property(textish, (text) => {
        values.normaliseLabel(text);
        values.labelHint(text);
        values.matchesLabel(text, ["Risk Level", "Exec Lead(s)"]);
        values.beginsWithLabel(text, ["Progress"]);
        values.splitLabelValue(text);
        values.parseDateText(text);
        values.isThousandsHint(text);
        values.isDateFormat(text);
        values.isPercentFormat(text);
        values.formatDateUk(text);
        values.isoToExcelSerial(text);
      }),
      { numRuns: 3000 },
    );
  });

  test("number functions", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: -5, max: 25 }), (x, dp) => {
        values.roundHalfUp(x, dp);
        values.formatMoney(x);
        values.formatMoney(x, { pence: true });
        values.excelSerialToIso(x);
      }),
    );
  });
});

describe("round trips", () => {
  test("formatMoney in whole pounds is the exact rule: pence + 50 divided by 100 in integers, commas every three digits", () => {
    // The exact rule, in BigInt, as formatMoney worked it out before its whole-number fast path.
    const exact = (pence: number): string => {
      const pounds = (BigInt(Math.abs(pence)) + 50n) / 100n;
      const body = pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      return `${pence < 0 && pounds !== 0n ? "-" : ""}£${body}`;
    };
    const near = (k: number) => fc.integer({ min: -60, max: 60 }).map((d) => k * 100 + d);
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), near(0), near(999), near(9_999_999_999_999)),
        (pence) => {
          expect(values.formatMoney(pence)).toBe(exact(pence));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("formatMoney with pence reads back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (pence) => {
        expect(values.parseMoney(values.formatMoney(pence, { pence: true }))).toEqual({ status: "ok", value: pence });
      }),
    );
  });

  test("a whole number of pounds in a number cell is exactly 100 pence a pound", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (pounds) => {
        expect(values.parseMoney(pounds)).toEqual({ status: "ok", value: pounds * 100 || 0 });
      }),
    );
  });

  test("a two-decimal pounds figure, as text or number, is its pence exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (pence) => {
        const text = `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}`;
        expect(values.parseMoney(text)).toEqual({ status: "ok", value: pence });
        expect(values.parseMoney(Number(text))).toEqual({ status: "ok", value: pence });
      }),
    );
  });

  test("dates: serial → ISO → UK text → parseDate → serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = values.excelSerialToIso(serial);
        expect(values.parseDate(values.formatDateUk(iso))).toEqual({ status: "ok", value: iso });
        expect(values.parseDate(iso)).toEqual({ status: "ok", value: iso });
        expect(values.parseDate(serial)).toEqual({ status: "ok", value: iso });
      }),
    );
  });

  test("a percent-formatted fraction of n/1000 reads as n/10 points, exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
        expect(values.parsePercent({ row: 1, col: 1, value: n / 1000, format: "0.0%" })).toEqual({ status: "ok", value: n / 10 });
      }),
    );
  });

  test("roundHalfUp of a one-decimal figure at 1dp is itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (n) => {
        expect(values.roundHalfUp(n / 10, 1)).toBe(n / 10 || 0);
      }),
    );
  });
});

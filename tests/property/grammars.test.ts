/**
 * Properties of the value grammars (standard-templates.md §1): nothing throws on any cell,
 * money survives `£#,##0.00` formatting and parsing, and Excel date serials behave at their edges.
 */
import fc from "fast-check";
import * as values from "../../src/core/values";
import type { Cell } from "../../src/core/snapshot";
import { content } from "./arbitraries";

const anyCell: fc.Arbitrary<Cell> = content.map((c) => ({ ...c, row: 1, col: 1 }) as Cell);

describe("no grammar throws", () => {
  it("on any cell, with or without a thousands hint", () => {
    fc.assert(
      fc.property(anyCell, fc.boolean(), (cell, thousands) => {
        for (const r of [
          values.parseMoney(cell, { thousands }),
          values.parsePercent(cell),
          values.parseDate(cell),
          values.parseRiskLevel(cell),
          values.parseFrequency(cell),
          values.parseStrategicAims(cell),
          values.parseVersion(cell),
        ]) {
          expect(["ok", "empty", "error", "invalid"]).toContain(r.status);
          // An invalid value always says why, for the finding's message.
          if (r.status === "invalid") expect(r.reason.length).toBeGreaterThan(0);
        }
        expect(typeof values.displayText(cell)).toBe("string");
      }),
      { numRuns: 1000 },
    );
  });

  it("reports an Excel error as such, whatever the grammar", () => {
    fc.assert(
      fc.property(fc.constantFrom("#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"), (error) => {
        const cell: Cell = { row: 1, col: 1, value: null, error };
        for (const r of [values.parseMoney(cell), values.parsePercent(cell), values.parseDate(cell), values.parseRiskLevel(cell)]) {
          expect(r).toEqual({ status: "error", error });
        }
      }),
    );
  });
});

// Amounts up to £90 trillion: whole pence stay exact in a double up to 2^53.
const pence = fc.integer({ min: -9_000_000_000_000_000, max: 9_000_000_000_000_000 });

describe("money round-trips through £#,##0.00", () => {
  it("parse(format(pence, with pence)) gives the same pence, negatives included", () => {
    fc.assert(
      fc.property(pence, (p) => {
        const shown = values.formatMoney(p, { pence: true });
        expect(shown).toMatch(/^-?£\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(values.parseMoney(shown)).toEqual({ status: "ok", value: p });
      }),
      { numRuns: 2000 },
    );
  });

  it("without pence, shows the amount rounded half-up to the pound", () => {
    fc.assert(
      fc.property(pence, (p) => {
        const r = values.parseMoney(values.formatMoney(p));
        const pounds = Math.sign(p) * Math.floor((Math.abs(p) + 50) / 100);
        expect(r).toEqual({ status: "ok", value: pounds * 100 === 0 ? 0 : pounds * 100 });
      }),
      { numRuns: 1000 },
    );
  });

  it("a number cell in pounds reads as the same pence as its formatted text", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (p) => {
        const cell: Cell = { row: 1, col: 1, value: p / 100, format: "£#,##0.00" };
        expect(values.parseMoney(cell)).toEqual({ status: "ok", value: p === 0 ? 0 : p });
      }),
      { numRuns: 1000 },
    );
  });

  it("suffixes scale exactly: £xK is x thousand pounds and £xm x million, to the penny", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom("K", "k", "m", "M", "mn", "million"), (whole, hundredths, suffix) => {
        const text = `£${whole}.${String(hundredths).padStart(2, "0")}${suffix}`;
        const scale = /^k$/i.test(suffix) ? 1_000 : 1_000_000;
        // (whole + hundredths/100) × scale pounds, in pence, computed in integers.
        const expected = (whole * 100 + hundredths) * scale;
        expect(values.parseMoney(text)).toEqual({ status: "ok", value: expected });
      }),
      { numRuns: 500 },
    );
  });
});

/** A serial's date computed independently of the grammar, with JavaScript's own calendar. */
function isoOfSerial(serial: number): string {
  // Serials 1–59 count from 31/12/1899; from 61, Excel's phantom 29/02/1900 puts them one day on.
  const base = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + serial * 86_400_000).toISOString().slice(0, 10);
}

describe("Excel date serials", () => {
  it("read the edges as Excel shows them", () => {
    expect(values.excelSerialToIso(1)).toBe("1900-01-01");
    expect(values.excelSerialToIso(59)).toBe("1900-02-28");
    expect(values.excelSerialToIso(61)).toBe("1900-03-01");
    expect(values.excelSerialToIso(2958465)).toBe("9999-12-31");
    // Serial 60 is Excel's 29/02/1900, a day that never was; 0 and past 9999 are no dates.
    for (const s of [60, 0, -1, 2958466]) expect(values.excelSerialToIso(s)).toBe("");
  });

  it("refuse serial 60 as a date cell, saying why", () => {
    const r = values.parseDate({ row: 1, col: 1, value: 60, format: "dd/mm/yyyy" });
    expect(r.status).toBe("invalid");
    if (r.status === "invalid") expect(r.reason).toMatch(/29\/02\/1900/);
  });

  it("agree with the calendar and round-trip for every serial from 1 to 31/12/9999", () => {
    const serial = fc.oneof(fc.integer({ min: 1, max: 2958465 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 2958000, max: 2958465 })).filter((s) => s !== 60);
    fc.assert(
      fc.property(serial, fc.double({ min: 0, max: 0.999, noNaN: true }), (s, timeOfDay) => {
        const iso = values.excelSerialToIso(s);
        expect(iso).toBe(isoOfSerial(s));
        expect(values.isoToExcelSerial(iso)).toBe(s);
        // The time of day never moves the date.
        expect(values.excelSerialToIso(s + timeOfDay)).toBe(iso);
        expect(values.parseDate({ row: 1, col: 1, value: s, format: "dd/mm/yyyy" })).toEqual({ status: "ok", value: iso });
      }),
      { numRuns: 2000 },
    );
  });

  it("read the UK text of any date back to the same date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60), (s) => {
        const iso = values.excelSerialToIso(s);
        expect(values.parseDate(values.formatDateUk(iso))).toEqual({ status: "ok", value: iso });
      }),
      { numRuns: 1000 },
    );
  });
});

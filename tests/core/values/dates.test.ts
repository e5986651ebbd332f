import { excelSerialToIso, formatDateUk, isoToExcelSerial, parseDate, parseDateText } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";

const cell = (value: Cell["value"], extra: Partial<Cell> = {}): Cell => ({ row: 1, col: 1, value, ...extra });

describe("Excel serials (1900 system)", () => {
  test.each<[number, string]>([
    [1, "1900-01-01"],
    [2, "1900-01-02"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [62, "1900-03-02"],
    [366, "1900-12-31"],
    [367, "1901-01-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45372, "2024-03-21"],
    [45351, "2024-02-29"],
    [45747, "2025-03-31"],
    [2958465, "9999-12-31"],
  ])("serial %p is %p, both ways", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  test("the time of day is ignored", () => {
    expect(excelSerialToIso(45372.75)).toBe("2024-03-21");
  });

  test.each([0, -1, 60, 60.5, 2958466, NaN, Infinity])("serial %p is no real date", (serial) => {
    expect(excelSerialToIso(serial)).toBe("");
  });

  test.each(["1899-12-31", "2024-02-30", "2023-02-29", "21/03/2024", "", "2024-3-1"])("%p has no serial", (iso) => {
    expect(isoToExcelSerial(iso)).toBeNaN();
  });

  test("every serial from 1900-03-01 to 9999-12-31 round-trips exactly, one day apart", () => {
    let previous = "";
    for (let serial = 61; serial <= 2958465; serial++) {
      const iso = excelSerialToIso(serial);
      if (isoToExcelSerial(iso) !== serial || iso <= previous) throw new Error(`serial ${serial} gave ${iso}`);
      previous = iso;
    }
    expect(previous).toBe("9999-12-31");
  });
});

describe("parseDate: accepted", () => {
  test.each<[string, string]>([
    ["21/03/2024", "2024-03-21"],
    ["1/3/2024", "2024-03-01"],
    ["01/03/24", "2024-03-01"],
    ["31/12/99", "2099-12-31"],
    ["21-03-2024", "2024-03-21"],
    ["21.03.2024", "2024-03-21"],
    ["2024-03-21", "2024-03-21"],
    ["2024-03-21T00:00:00.000Z", "2024-03-21"],
    ["21 March 2024", "2024-03-21"],
    ["21st March 2024", "2024-03-21"],
    ["1st April 2024", "2024-04-01"],
    ["2nd May 2024", "2024-05-02"],
    ["3rd June 2024", "2024-06-03"],
    ["21 Mar 2024", "2024-03-21"],
    ["21 mar 2024", "2024-03-21"],
    ["21 SEPT 2024", "2024-09-21"],
    ["21-Mar-2024", "2024-03-21"],
    ["21-Mar-24", "2024-03-21"],
    ["Thursday 21 March 2024", "2024-03-21"],
    ["29/02/2024", "2024-02-29"],
    ["29 February 2000", "2000-02-29"],
    ["  21/03/2024  ", "2024-03-21"],
    ["31 March 2025.", "2025-03-31"],
    ["21/03/2024 14:00", "2024-03-21"],
    ["21/03/2024 09:30:00", "2024-03-21"],
    ["21 March 2024 at 2.30pm", "2024-03-21"],
    // month only: the last day of that month
    ["March 2024", "2024-03-31"],
    ["Mar 2024", "2024-03-31"],
    ["Sept 2018", "2018-09-30"],
    ["Sep 2018", "2018-09-30"],
    ["September 2018", "2018-09-30"],
    ["February 2024", "2024-02-29"],
    ["February 2023", "2023-02-28"],
    ["February 1900", "1900-02-28"],
    ["February 2000", "2000-02-29"],
    ["Feb 2100", "2100-02-28"],
    ["April 2024", "2024-04-30"],
    ["June 2024", "2024-06-30"],
    ["December 2024", "2024-12-31"],
    ["january 2024", "2024-01-31"],
    ["Mar-24", "2024-03-31"],
    ["end of March 2024", "2024-03-31"],
  ])("%p → %p", (text, iso) => {
    expect(parseDate(text)).toEqual({ status: "ok", value: iso });
  });

  test("a date cell is an Excel serial", () => {
    expect(parseDate(cell(45372, { format: "dd/mm/yyyy" }))).toEqual({ status: "ok", value: "2024-03-21" });
    expect(parseDate(45372)).toEqual({ status: "ok", value: "2024-03-21" });
    expect(parseDate(cell(1))).toEqual({ status: "ok", value: "1900-01-01" });
    expect(parseDate(cell(61))).toEqual({ status: "ok", value: "1900-03-01" });
  });

  test("a text cell is read as text", () => {
    expect(parseDate(cell("21/03/2024"))).toEqual({ status: "ok", value: "2024-03-21" });
  });
});

describe("parseDate: rejected", () => {
  test.each<[string, RegExp]>([
    ["03/21/2024", /US month\/day order, which is not accepted/],
    ["12/31/2024", /US month\/day order/],
    ["31/02/2024", /not a real date: February 2024 has 29 days/],
    ["29/02/2023", /February 2023 has 28 days/],
    ["31/04/2024", /April 2024 has 30 days/],
    ["00/03/2024", /not a real date/],
    ["13/13/2024", /no month 13/],
    ["32 March 2024", /March 2024 has 31 days/],
    ["2024-02-30", /not a real date/],
    ["21/03-2024", /same separator/],
    ["21/03/202", /not a date/],
    ["TBC", /'TBC' is not a date/],
    ["Ongoing", /is not a date/],
    ["March", /is not a date/],
    ["21 March", /is not a date/],
    ["Q3 2024", /is not a date/],
    ["21/03/2024 and 01/04/2024", /is not a date/],
    ["21/03/2024 onwards", /is not a date/],
    ["21/03/2024 14", /is not a date/],
    ["01/01/1899", /1900 to 9999/],
  ])("%p is invalid", (text, reason) => {
    const result = parseDate(text);
    expect(result.status).toBe("invalid");
    if (result.status === "invalid") {
      expect(result.text).toBe(text);
      expect(result.reason).toMatch(reason);
    }
  });

  test("serials that are no real date are invalid", () => {
    expect(parseDate(cell(60, { format: "dd/mm/yyyy" }))).toMatchObject({ status: "invalid", reason: expect.stringMatching(/never existed/) });
    expect(parseDate(0)).toMatchObject({ status: "invalid" });
    expect(parseDate(-3)).toMatchObject({ status: "invalid" });
    expect(parseDate(2958466)).toMatchObject({ status: "invalid" });
  });

  test("booleans are not dates", () => {
    expect(parseDate(true)).toMatchObject({ status: "invalid" });
  });

  test("empty and error cells", () => {
    expect(parseDate("")).toEqual({ status: "empty" });
    expect(parseDate(cell(null))).toEqual({ status: "empty" });
    expect(parseDate(undefined)).toEqual({ status: "empty" });
    expect(parseDate(cell(null, { error: "#VALUE!" }))).toEqual({ status: "error", error: "#VALUE!" });
  });
});

describe("parseDateText: a date at the start of longer text", () => {
  test.each<[string, string | null]>([
    ["January 2024 in order to develop the plan", "2024-01-31"],
    ["31 March 2025.", "2025-03-31"],
    ["31 March 2025, and then report", "2025-03-31"],
    ["31/03/2025 at the latest", "2025-03-31"],
    ["  21st March 2024", "2024-03-21"],
    ["Sept 2018 (revised)", "2018-09-30"],
    ["2024-03-21; then review", "2024-03-21"],
    ["March 2024", "2024-03-31"],
    ["end of March 2024", "2024-03-31"],
    ["the end of June 2024", "2024-06-30"],
    ["21 March 2024", "2024-03-21"],
    // not a date at the start
    ["the end of the year", null],
    ["31/02/2024", null],
    ["March 20245", null],
    ["2024 plans", null],
    ["Mayor's office", null],
    ["March", null],
    ["", null],
  ])("%p → %p", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });
});

describe("formatDateUk", () => {
  test.each<[string, string]>([
    ["2024-03-21", "21/03/2024"],
    ["1900-01-01", "01/01/1900"],
    ["9999-12-31", "31/12/9999"],
    ["not a date", "not a date"],
  ])("%p → %p", (iso, uk) => {
    expect(formatDateUk(iso)).toBe(uk);
  });

  test("parseDate reads back what formatDateUk writes", () => {
    for (const iso of ["2024-02-29", "1900-03-01", "2025-12-31"]) {
      expect(parseDate(formatDateUk(iso))).toEqual({ status: "ok", value: iso });
    }
  });
});

import { formatMoney, isThousandsHint, parseMoney } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";

const cell = (value: Cell["value"], extra: Partial<Cell> = {}): Cell => ({ row: 1, col: 1, value, ...extra });

describe("parseMoney: accepted forms give whole pence", () => {
  test.each<[string | number, number]>([
    ["£448K", 44_800_000],
    ["£448k", 44_800_000],
    ["448K", 44_800_000],
    ["£ 448 K", 44_800_000],
    ["£448 k", 44_800_000],
    ["£3,487,000", 348_700_000],
    ["3487000", 348_700_000],
    ["£1.2m", 120_000_000],
    ["£1.2M", 120_000_000],
    ["£1.2mn", 120_000_000],
    ["£1.2 million", 120_000_000],
    ["£1.2 Million", 120_000_000],
    ["£0.25m", 25_000_000],
    ["£1,234.56", 123_456],
    ["£1.005", 101],
    ["£1.004", 100],
    ["£0.005", 1],
    ["£.5", 50],
    ["£0", 0],
    ["£448,000.00", 44_800_000],
    ["-£5", -500],
    ["£-5", -500],
    ["- £5", -500],
    ["(£5)", -500],
    ["(5,000)", -500_000],
    ["( £1.5k )", -150_000],
    ["−£5", -500], // Unicode minus, as pasted from Word
    ["  £12  ", 1200],
    ["£1,000,000", 100_000_000],
    ["£0.1m", 10_000_000],
    ["£2.675", 268],
    [448000, 44_800_000],
    [448000.005, 44_800_001],
    [0.1 + 0.2, 30],
    [-5, -500],
    [0, 0],
  ])("%p → %p pence", (input, pence) => {
    expect(parseMoney(input)).toEqual({ status: "ok", value: pence });
  });

  test("a number cell is pounds, whatever its format or display", () => {
    expect(parseMoney(cell(448000, { format: "£#,##0", text: "£448,000" }))).toEqual({ status: "ok", value: 44_800_000 });
    expect(parseMoney(cell(1234.5))).toEqual({ status: "ok", value: 123_450 });
  });

  test("a text cell is read as text", () => {
    expect(parseMoney(cell("£448K"))).toEqual({ status: "ok", value: 44_800_000 });
  });
});

describe("parseMoney: thousands (a £000 column)", () => {
  test.each<[string | number, number]>([
    [448, 44_800_000],
    ["448", 44_800_000],
    ["£448", 44_800_000],
    ["1,234.5", 123_450_000],
    [0.5, 50_000],
    [12.3456, 1_234_560],
    ["(12)", -1_200_000],
    // Text with its own unit already says what it means.
    ["£448K", 44_800_000],
    ["£1.2m", 120_000_000],
  ])("%p → %p pence", (input, pence) => {
    expect(parseMoney(input, { thousands: true })).toEqual({ status: "ok", value: pence });
  });

  test("without the option the same figure is pounds", () => {
    expect(parseMoney(448)).toEqual({ status: "ok", value: 44_800 });
  });
});

describe("parseMoney: rejected forms", () => {
  test.each<[string, RegExp]>([
    ["TBC", /'TBC' is not an amount of money/],
    ["tbc", /'tbc' is not an amount of money/],
    ["Unknown", /not an amount of money/],
    ["n/a", /not an amount of money/],
    ["N/A", /not an amount of money/],
    ["-", /not an amount of money/],
    ["£", /not an amount of money/],
    ["£44 8K", /digits split by a space/],
    ["100 200", /digits split by a space/],
    ["£448KK", /unit twice/],
    ["£1.2mm", /unit twice/],
    ["£100k - £200k", /more than one amount/],
    ["£5k (recurrent £2k)", /more than one amount/],
    ["£1,00,000", /commas in the wrong places/],
    ["£1,0000", /commas in the wrong places/],
    ["1.2.3", /not an amount of money/],
    ["£448,000 recurrent", /not a unit/],
    ["£5bn", /not a unit/],
    ["(£5", /bracket/],
    ["--5", /two signs/],
    ["about £5k", /not an amount of money/],
    ["448K£", /not an amount of money/],
  ])("%p is invalid", (text, reason) => {
    const result = parseMoney(text);
    expect(result.status).toBe("invalid");
    if (result.status === "invalid") {
      expect(result.text).toBe(text);
      expect(result.reason).toMatch(reason);
    }
  });

  test("boolean cells are not money", () => {
    expect(parseMoney(true)).toMatchObject({ status: "invalid", reason: "TRUE is not an amount of money" });
    expect(parseMoney(cell(false))).toMatchObject({ status: "invalid" });
  });

  test("a figure too large for whole pence is refused, not rounded", () => {
    expect(parseMoney("£999,999,999,999,999")).toMatchObject({ status: "invalid", reason: expect.stringMatching(/too large/) });
  });
});

describe("parseMoney: empty and errors", () => {
  test.each<[unknown]>([[null], [undefined], [""], ["   "], ["\u00a0"]])("%p is empty", (input) => {
    expect(parseMoney(input as string)).toEqual({ status: "empty" });
  });
  test("an empty cell is empty", () => {
    expect(parseMoney(cell(null))).toEqual({ status: "empty" });
  });
  test("an Excel error is an error, whether flagged or given as text", () => {
    expect(parseMoney(cell(null, { error: "#REF!" }))).toEqual({ status: "error", error: "#REF!" });
    expect(parseMoney(cell(0, { error: "#DIV/0!" }))).toEqual({ status: "error", error: "#DIV/0!" });
    expect(parseMoney("#N/A")).toEqual({ status: "error", error: "#N/A" });
  });
  test("non-finite numbers do not throw", () => {
    expect(() => parseMoney(NaN)).not.toThrow();
    expect(() => parseMoney(Infinity)).not.toThrow();
  });
});

describe("isThousandsHint", () => {
  test.each(["£000", "£000s", "£'000", "£’000", "£k", "£K", "£ 000", "(£000)", "£ '000s", "£000's", "GBP 000"])("%p means thousands", (hint) => {
    expect(isThousandsHint(hint)).toBe(true);
  });
  test.each<[string | null | undefined]>([["£"], ["£m"], ["000"], ["of not delivering the financial saving"], [null], [undefined], [""], ["%"]])(
    "%p does not",
    (hint) => {
      expect(isThousandsHint(hint)).toBe(false);
    },
  );
});

describe("formatMoney", () => {
  test.each<[number, string, string]>([
    [44_800_000, "£448,000", "£448,000.00"],
    [-500, "-£5", "-£5.00"],
    [0, "£0", "£0.00"],
    [123_456, "£1,235", "£1,234.56"],
    [150, "£2", "£1.50"],
    [149, "£1", "£1.49"],
    [-150, "-£2", "-£1.50"],
    [-49, "£0", "-£0.49"],
    [5, "£0", "£0.05"],
    [100_000_000_000, "£1,000,000,000", "£1,000,000,000.00"],
  ])("%p pence → %p / %p", (pence, whole, withPence) => {
    expect(formatMoney(pence)).toBe(whole);
    expect(formatMoney(pence, { pence: true })).toBe(withPence);
  });

  test("round-trips through parseMoney with pence", () => {
    for (const pence of [0, 1, 99, 100, 123_456, -500, -1, 44_800_000, 9_007_199_254_740_991]) {
      expect(parseMoney(formatMoney(pence, { pence: true }))).toEqual({ status: "ok", value: pence });
    }
  });

  test("whole pounds round-trip for whole-pound amounts", () => {
    for (const pence of [0, 100, 44_800_000, -500]) {
      expect(parseMoney(formatMoney(pence))).toEqual({ status: "ok", value: pence });
    }
  });

  test("non-finite input gives empty text rather than throwing", () => {
    expect(formatMoney(NaN)).toBe("");
  });
});

describe("number cells whose format shows a unit", () => {
  const cell = (value: number, format: string) => ({ row: 1, col: 1, value, format });
  it.each([
    [448, '£#,##0"K"', 44_800_000],
    [448, '£#,##0\\K', 44_800_000],
    [448_000, '£#,##0,"K"', 44_800_000],
    [1.2, '£0.0"m"', 120_000_000],
    [1_200_000, '£0.0,,"m"', 120_000_000],
    [448_000, "£#,##0", 44_800_000],
    [448_000, '#,##0" pounds"', 44_800_000],
  ])("%s shown as %s is %s pence", (value, format, pence) => {
    expect(parseMoney(cell(value, format))).toEqual({ status: "ok", value: pence });
  });

  it("takes the format's unit over a £000 hint", () => {
    expect(parseMoney(cell(448, '£#,##0"K"'), { thousands: true })).toEqual({ status: "ok", value: 44_800_000 });
    expect(parseMoney(cell(448, "#,##0"), { thousands: true })).toEqual({ status: "ok", value: 44_800_000 });
  });
});

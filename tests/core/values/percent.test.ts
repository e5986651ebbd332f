import { parsePercent, roundHalfUp } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";

const cell = (value: Cell["value"], extra: Partial<Cell> = {}): Cell => ({ row: 1, col: 1, value, ...extra });

describe("parsePercent: number cells", () => {
  test.each<[number, string, number]>([
    [0.92, "0%", 92],
    [0.57, "0%", 57],
    [0.575, "0.0%", 57.5],
    [0.5755, "0.00%", 57.6],
    [1, "0%", 100],
    [0, "0%", 0],
    [1.5, "0%", 150],
    [0.07, "0.0%", 7],
    [0.29, "0%", 29],
  ])("%p formatted %p is a fraction → %p", (value, format, points) => {
    expect(parsePercent(cell(value, { format }))).toEqual({ status: "ok", value: points });
  });

  test("0.57 as a fraction is exactly 57, never 56.99999999999999", () => {
    const result = parsePercent(cell(0.57, { format: "0%" }));
    expect(result.status === "ok" && Object.is(result.value, 57)).toBe(true);
  });

  test.each<[number, number]>([
    [92, 92],
    [57, 57],
    [0.92, 0.9],
    [92.25, 92.3],
    [92.24, 92.2],
    [150, 150],
    [-5, -5],
  ])("unformatted %p is points → %p", (value, points) => {
    expect(parsePercent(cell(value, { format: "General" }))).toEqual({ status: "ok", value: points });
    expect(parsePercent(value)).toEqual({ status: "ok", value: points });
  });

  test("a cell the host shows as a percentage is a fraction when its format is unknown", () => {
    expect(parsePercent(cell(0.92, { text: "92%" }))).toEqual({ status: "ok", value: 92 });
  });
});

describe("parsePercent: text", () => {
  test.each<[string, number]>([
    ["92%", 92],
    ["92 %", 92],
    ["92", 92],
    ["92.5%", 92.5],
    ["92.25%", 92.3],
    ["0%", 0],
    ["100%", 100],
    ["150%", 150],
    ["-5%", -5],
    [".5%", 0.5],
    ["75 per cent", 75],
    ["75 percent", 75],
    ["Complete", 100],
    ["complete", 100],
    ["COMPLETED", 100],
    ["Done", 100],
    ["Achieved", 100],
    ["Achieved.", 100],
    ["  Done  ", 100],
  ])("%p → %p", (text, points) => {
    expect(parsePercent(text)).toEqual({ status: "ok", value: points });
    expect(parsePercent(cell(text))).toEqual({ status: "ok", value: points });
  });

  test.each(["On track", "Partially complete", "Not started", "TBC", "92% complete", "50-60%", "%", "n/a"])("%p is invalid", (text) => {
    expect(parsePercent(text)).toMatchObject({ status: "invalid", text, reason: expect.stringMatching(/is not a percentage/) });
  });

  test("booleans are invalid", () => {
    expect(parsePercent(true)).toMatchObject({ status: "invalid" });
  });

  test("empty and errors", () => {
    expect(parsePercent("  ")).toEqual({ status: "empty" });
    expect(parsePercent(cell(null))).toEqual({ status: "empty" });
    expect(parsePercent(cell(null, { error: "#DIV/0!" }))).toEqual({ status: "error", error: "#DIV/0!" });
  });
});

describe("roundHalfUp", () => {
  test.each<[number, number, number]>([
    [0.57 * 100, 1, 57],
    [0.57 * 100, 0, 57],
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [-1.5, 0, -2],
    [-2.675, 2, -2.68],
    [0.1 + 0.2, 1, 0.3],
    [92.25, 1, 92.3],
    [92.24999, 1, 92.2],
    [1234.5678, 2, 1234.57],
    [1e21, 0, 1e21],
    [0, 3, 0],
    [-0.04, 1, 0],
  ])("roundHalfUp(%p, %p) = %p", (x, dp, expected) => {
    expect(Object.is(roundHalfUp(x, dp), expected)).toBe(true);
  });

  test("non-finite values pass through", () => {
    expect(roundHalfUp(NaN, 1)).toBeNaN();
    expect(roundHalfUp(Infinity, 1)).toBe(Infinity);
  });
});

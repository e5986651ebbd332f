import { parseFrequency, parseRiskLevel, parseStrategicAims, parseVersion } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";

const cell = (value: Cell["value"], extra: Partial<Cell> = {}): Cell => ({ row: 1, col: 1, value, ...extra });

describe("parseRiskLevel", () => {
  test.each<[string, string]>([
    ["High", "high"], ["HIGH", "high"], ["high", "high"], ["H", "high"], ["h", "high"],
    ["Medium", "medium"], ["Med", "medium"], ["med", "medium"], ["M", "medium"], ["m", "medium"],
    ["Low", "low"], ["low", "low"], ["L", "low"], [" l ", "low"],
  ])("%p → %p", (text, level) => {
    expect(parseRiskLevel(text)).toEqual({ status: "ok", value: level });
    expect(parseRiskLevel(cell(text))).toEqual({ status: "ok", value: level });
  });

  test.each(["Very high", "Amber", "Red", "Plan Date", "Hi", "Medium-High", "3"])("%p is invalid", (text) => {
    expect(parseRiskLevel(text)).toMatchObject({ status: "invalid", text, reason: expect.stringMatching(/is not a risk level: use High, Medium or Low/) });
  });

  test("numbers, empty and errors", () => {
    expect(parseRiskLevel(cell(3))).toMatchObject({ status: "invalid", text: "3" });
    expect(parseRiskLevel("")).toEqual({ status: "empty" });
    expect(parseRiskLevel(cell(null, { error: "#N/A" }))).toEqual({ status: "error", error: "#N/A" });
  });
});

describe("parseFrequency", () => {
  test.each<[string, string]>([
    ["Weekly", "Weekly"], ["weekly", "Weekly"],
    ["Fortnightly", "Fortnightly"],
    ["Monthly", "Monthly"], ["MONTHLY", "Monthly"],
    ["Bi-monthly", "Bi-monthly"], ["Bimonthly", "Bi-monthly"], ["Bi monthly", "Bi-monthly"], ["bi-Monthly", "Bi-monthly"],
    ["Quarterly", "Quarterly"], ["quarterly ", "Quarterly"],
    ["Six-monthly", "Six-monthly"], ["Six monthly", "Six-monthly"], ["sixmonthly", "Six-monthly"],
    ["Half-yearly", "Half-yearly"], ["Half yearly", "Half-yearly"],
    ["Annually", "Annually"], ["Annual", "Annual"], ["Yearly", "Yearly"],
  ])("%p → %p", (text, name) => {
    expect(parseFrequency(text)).toEqual({ status: "ok", value: name });
  });

  test.each(["Daily", "Ad hoc", "As required", "Every month", "Monthly/Quarterly", "Q"])("%p is invalid", (text) => {
    expect(parseFrequency(text)).toMatchObject({ status: "invalid", text, reason: expect.stringMatching(/is not a reporting frequency/) });
  });

  test("empty and errors", () => {
    expect(parseFrequency(null)).toEqual({ status: "empty" });
    expect(parseFrequency(cell(null, { error: "#REF!" }))).toEqual({ status: "error", error: "#REF!" });
  });
});

describe("parseStrategicAims", () => {
  test.each<[string | number, number[]]>([
    ["No.1", [1]],
    ["No.1 No.2", [1, 2]],
    ["No.1, No.2", [1, 2]],
    ["No 1, 2", [1, 2]],
    ["No. 1; No. 3", [1, 3]],
    ["1\n3", [1, 3]],
    ["No.3\r\nNo.1", [1, 3]],
    ["No.6 No.1 No.6", [1, 6]],
    ["no.4", [4]],
    ["NO 5", [5]],
    ["No1 No2", [1, 2]],
    ["No.1No.2", [1, 2]],
    ["1, 2, 3, 4, 5, 6", [1, 2, 3, 4, 5, 6]],
    ["No.1 and No.2", [1, 2]],
    [2, [2]],
  ])("%p → %p", (input, aims) => {
    expect(parseStrategicAims(input)).toEqual({ status: "ok", value: aims });
  });

  test.each<[string, RegExp]>([
    ["No.7", /'7' is not one of No\.1 to No\.6/],
    ["No.0", /not one of No\.1 to No\.6/],
    ["No.1, No.9", /'9'/],
    ["All", /'All'/],
    ["N/A", /not one of/],
    ["No.1.5", /not one of/],
    ["No.", /not one of/],
  ])("%p is invalid", (text, reason) => {
    expect(parseStrategicAims(text)).toMatchObject({ status: "invalid", text, reason: expect.stringMatching(reason) });
  });

  test("blank is empty; errors are errors", () => {
    expect(parseStrategicAims("  \n ")).toEqual({ status: "empty" });
    expect(parseStrategicAims(cell(null, { error: "#NAME?" }))).toEqual({ status: "error", error: "#NAME?" });
  });
});

describe("parseVersion", () => {
  test.each(["v1", "V2.1", "1", "1.0", "v2.1.3", "V10"])("%p is accepted as given", (text) => {
    expect(parseVersion(text)).toEqual({ status: "ok", value: text });
  });

  test("number cells are read as displayed", () => {
    expect(parseVersion(cell(1))).toEqual({ status: "ok", value: "1" });
    expect(parseVersion(cell(1, { format: "0.0" }))).toEqual({ status: "ok", value: "1.0" });
    expect(parseVersion(cell(2.1))).toEqual({ status: "ok", value: "2.1" });
  });

  test.each(["v 1", "version 1", "draft", "v1a", "1.", "v", "Final v2"])("%p is invalid", (text) => {
    expect(parseVersion(text)).toMatchObject({ status: "invalid", text, reason: expect.stringMatching(/is not a version number/) });
  });

  test("empty", () => {
    expect(parseVersion("")).toEqual({ status: "empty" });
  });
});

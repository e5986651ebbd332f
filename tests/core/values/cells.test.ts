import { cellError, displayText, isDateFormat, isPercentFormat } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";

const cell = (value: Cell["value"], extra: Partial<Cell> = {}): Cell => ({ row: 1, col: 1, value, ...extra });

describe("displayText", () => {
  test.each<[Cell["value"], string | undefined, string]>([
    [1.1, undefined, "1.1"],
    [10.2, "General", "10.2"],
    [1, undefined, "1"],
    [448000, "General", "448000"],
    [0.1 + 0.2, undefined, "0.3"],
    [1 / 3, undefined, "0.3333333333"],
    [-5, undefined, "-5"],
    [1, "0.0", "1.0"],
    [1.25, "0.0", "1.3"],
    [448000, "#,##0", "448,000"],
    [448000, "£#,##0", "£448,000"],
    [-5, "£#,##0", "-£5"],
    [1234.5, "#,##0.00", "1,234.50"],
    [448000, '[$£-809]#,##0', "£448,000"],
    [0.92, "0%", "92%"],
    [0.575, "0.0%", "57.5%"],
    [0.57, "0%", "57%"],
    [45372, "dd/mm/yyyy", "21/03/2024"],
    [45372.5, "d-mmm-yy", "21/03/2024"],
    [45372, "[$-809]dd mmmm yyyy", "21/03/2024"],
    [0.5833333333, "hh:mm", "14:00"],
    [true, undefined, "TRUE"],
    [false, undefined, "FALSE"],
    ["  Some text  ", undefined, "Some text"],
    [null, undefined, ""],
  ])("%p formatted %p shows %p", (value, format, shown) => {
    expect(displayText(cell(value, format === undefined ? {} : { format }))).toBe(shown);
  });

  test("the host's text wins", () => {
    expect(displayText(cell(45372, { format: "dd/mm/yyyy", text: "21 March 2024" }))).toBe("21 March 2024");
    expect(displayText(cell(0.92, { text: " 92% " }))).toBe("92%");
  });

  test("a too-narrow column's #### is not the value", () => {
    expect(displayText(cell(448000, { text: "####", format: "#,##0" }))).toBe("448,000");
  });

  test("errors show as the error; missing cells as nothing", () => {
    expect(displayText(cell(null, { error: "#REF!" }))).toBe("#REF!");
    expect(displayText(undefined)).toBe("");
  });
});

describe("cellError", () => {
  test("reads the error field, or an error given as text", () => {
    expect(cellError(cell(null, { error: "#DIV/0!" }))).toBe("#DIV/0!");
    expect(cellError(cell("#N/A"))).toBe("#N/A");
    expect(cellError(cell("#name?"))).toBe("#NAME?");
  });
  test("ordinary cells have none", () => {
    expect(cellError(cell("Ref #1"))).toBeNull();
    expect(cellError(cell(5))).toBeNull();
    expect(cellError(undefined)).toBeNull();
  });
});

describe("isDateFormat / isPercentFormat", () => {
  test.each(["dd/mm/yyyy", "d-mmm-yy", "[$-809]dd mmmm yyyy", "mmm yyyy", "yyyy-mm-dd", "d/m/yy h:mm", "hh:mm", "[h]:mm:ss", "DD/MM/YYYY"])(
    "%p is a date format",
    (format) => {
      expect(isDateFormat(format)).toBe(true);
      expect(isPercentFormat(format)).toBe(false);
    },
  );
  test.each(["General", "0", "0.00", "#,##0", "£#,##0;[Red]-£#,##0", '#,##0 "days"', "0.00E+00", "@", "[$£-809]#,##0.00", "", undefined])(
    "%p is not a date format",
    (format) => {
      expect(isDateFormat(format)).toBe(false);
    },
  );
  test.each(["0%", "0.0%", "0.00%;[Red]-0.00%"])("%p is a percent format", (format) => {
    expect(isPercentFormat(format)).toBe(true);
  });
  test.each(['0 "%"', "General", "0.0", undefined])("%p is not a percent format", (format) => {
    expect(isPercentFormat(format)).toBe(false);
  });
});

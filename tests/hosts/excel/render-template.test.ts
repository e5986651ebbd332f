// The template renderer for Office.js: validation in Office.js's terms, and labels that
// Excel would otherwise turn into numbers or formulas kept as text.
import { renderTemplate, validationWrite } from "../../../src/hosts/excel/render";
import { templateModel, type TemplateModel, type Validation } from "../../../src/core/templates/template-model";

const common = {
  range: { top: 2, left: 3, bottom: 4, right: 3 },
  prompt: { title: "Amount", message: "Enter an amount." },
  error: { title: "Not an amount", message: "It must be 0 or more." },
} as const;

describe("validation for Office.js", () => {
  it("turns each kind of rule into Excel's criteria", () => {
    const list: Validation = { type: "list", values: ["High", "Medium", "Low"], errorStyle: "stop", ...common };
    const date: Validation = { type: "date", from: "2000-01-01", errorStyle: "stop", ...common };
    const atLeast: Validation = { type: "decimal", min: 0, max: null, errorStyle: "stop", ...common };
    const between: Validation = { type: "decimal", min: 0, max: 1, errorStyle: "warning", ...common };
    expect(validationWrite(list).rule).toEqual({ list: { inCellDropDown: true, source: "High,Medium,Low" } });
    expect(validationWrite(date).rule).toEqual({ date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } });
    expect(validationWrite(atLeast).rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(validationWrite(between)).toEqual({
      bounds: common.range,
      rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
      prompt: { showPrompt: true, title: "Amount", message: "Enter an amount." },
      errorAlert: { showAlert: true, style: "Warning", title: "Not an amount", message: "It must be 0 or more." },
    });
  });

  it("refuses a list value with a comma, which Excel would split in two", () => {
    expect(() => validationWrite({ type: "list", values: ["Yes, fully", "No"], errorStyle: "stop", ...common })).toThrow(/comma/);
  });
});

describe("template cells for Office.js", () => {
  it("keeps labels General but writes number-like or formula-like text as Text", () => {
    const model: TemplateModel = {
      ...templateModel("recovery-register"),
      cells: [
        { row: 1, col: 1, content: { kind: "text", text: "Ref" } },
        { row: 1, col: 2, content: { kind: "text", text: "1.10" } },
        { row: 1, col: 3, content: { kind: "text", text: "=SUM(A1)" } },
        { row: 1, col: 4, content: { kind: "text", text: "TRUE" } },
        { row: 1, col: 5, content: { kind: "text", text: "" }, format: "money" },
      ],
    };
    const r = renderTemplate(model);
    expect(r.bands).toHaveLength(1);
    expect(r.bands[0].formulas).toEqual([["Ref", "1.10", "=SUM(A1)", "TRUE", ""]]);
    // General is left as a new sheet has it; the rest as blocks of one format.
    expect(r.formats).toEqual([
      { bounds: { top: 1, left: 2, bottom: 1, right: 4 }, format: "@" },
      { bounds: { top: 1, left: 5, bottom: 1, right: 5 }, format: "£#,##0" },
    ]);
  });

  it("renders a whole template in one band, with its row heights in points", () => {
    const model = templateModel("recovery-action");
    const r = renderTemplate(model);
    expect(r.bands).toHaveLength(1);
    expect(r.bands[0].bounds).toEqual({ top: 1, left: 1, bottom: 17, right: 6 });
    expect(r.heights).toEqual(model.rowHeights.map((h) => ({ row: h.row, points: h.height })));
    expect(r.validations).toHaveLength(model.validations.length);
  });
});

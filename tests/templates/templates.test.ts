/**
 * The blank templates: each model is valid, lays out the labels the readers look for,
 * and renders to a workbook whose cells carry the data validation (lists, dates, money).
 */
import ExcelJS from "exceljs";
import { TEMPLATE_KINDS as CLI_TEMPLATE_KINDS } from "../../src/cli/args";
import {
  DIRECTIONS_LAYOUT,
  FORM_CELLS,
  REGISTER_LAYOUT,
  TEMPLATE_KINDS,
  templateModel,
  templateModelSchema,
  type TemplateKind,
} from "../../src/core/templates/template-model";
import { templateWorkbookBytes } from "../../src/hosts/xlsx/template";

async function open(kind: TemplateKind): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await templateWorkbookBytes(kind)) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}

const text = (ws: ExcelJS.Worksheet, address: string): unknown => ws.getCell(address).value;

describe("template models", () => {
  it("offers the kinds the command line accepts", () => {
    expect([...TEMPLATE_KINDS].sort()).toEqual([...CLI_TEMPLATE_KINDS].sort());
  });

  it.each([...TEMPLATE_KINDS])("%s is valid against the schema", (kind) => {
    expect(templateModelSchema.safeParse(templateModel(kind)).success).toBe(true);
  });

  it("refuses a validation whose range runs backwards", () => {
    const model = templateModel("recovery-register");
    const bad = { ...model, validations: [{ ...model.validations[0], range: { top: 5, left: 1, bottom: 4, right: 1 } }] };
    expect(templateModelSchema.safeParse(bad).success).toBe(false);
  });

  it("keeps every validation message within Excel's limits", () => {
    for (const kind of TEMPLATE_KINDS) {
      for (const v of templateModel(kind).validations) {
        expect(v.prompt.title.length).toBeLessThanOrEqual(32);
        expect(v.error.title.length).toBeLessThanOrEqual(32);
        expect(v.prompt.message.length).toBeLessThanOrEqual(255);
        expect(v.error.message.length).toBeLessThanOrEqual(255);
      }
    }
  });
});

describe("recovery-action template", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await open("recovery-action");
  });

  it("has the form's labels beside empty value cells (§3)", () => {
    expect(ws.name).toBe("Recovery Action");
    expect(String(text(ws, "A3"))).toMatch(/^Finance Recovery Action:/);
    expect(text(ws, "B3")).toBe("Exec Lead(s):");
    expect(String(text(ws, "A4"))).toMatch(/^Description:/);
    expect(text(ws, "B4")).toBe("Lead Service Area(s):");
    expect(text(ws, "B5")).toBe("Financial Recovery Value");
    expect(text(ws, "B6")).toBe("Risk Level (of not delivering the financial saving)");
    expect(text(ws, "D6")).toBe("Plan Date");
    expect(text(ws, "D7")).toBe("Version");
    expect(text(ws, "D3")).toBe("Ref");
    for (const a of [FORM_CELLS.execLead, FORM_CELLS.serviceArea, FORM_CELLS.value, FORM_CELLS.riskLevel, FORM_CELLS.planDate, FORM_CELLS.version]) {
      expect([a, text(ws, a)]).toEqual([a, null]);
    }
  });

  it("has the plan table with its guidance questions and the triangulation table", () => {
    expect(["A9", "B9", "C9", "D9", "F9"].map((a) => text(ws, a))).toEqual(["Strategic Aims", "Actions", "Dependencies", "Risk Mitigation", "Delivery Timeframe"]);
    expect(ws.getCell("E9").isMerged).toBe(true);
    for (const a of ["A10", "B10", "C10", "D10", "E10", "F10"]) expect(String(text(ws, a))).toMatch(/\?$/);
    expect(text(ws, "A13")).toBe("Triangulation");
    expect(text(ws, "F13")).toBe("Reporting Frequency");
    expect(FORM_CELLS.triangulationRows.map((r) => text(ws, `B${r}`))).toEqual(["Population Need", "Finance", "Outcomes"]);
  });

  it("offers risk levels and frequencies as drop-down lists", () => {
    expect(ws.getCell("C6").dataValidation).toMatchObject({ type: "list", formulae: ['"High,Medium,Low"'], showErrorMessage: true });
    for (const r of FORM_CELLS.triangulationRows) {
      const dv = ws.getCell(`F${r}`).dataValidation;
      expect(dv.type).toBe("list");
      expect(String(dv.formulae[0])).toContain("Quarterly");
    }
  });

  it("accepts only a real date as the plan date, and amounts of 0 or more as money", () => {
    const date = ws.getCell("E6").dataValidation;
    expect(date).toMatchObject({ type: "date", operator: "greaterThanOrEqual", errorStyle: "stop" });
    expect(date.error).toMatch(/day first/);
    expect(ws.getCell("E6").numFmt).toBe("dd/mm/yyyy");
    for (const a of ["C5", "E5", "C7"]) {
      expect([a, ws.getCell(a).dataValidation]).toEqual([a, expect.objectContaining({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] })]);
      expect(ws.getCell(a).numFmt).toBe("£#,##0");
    }
    expect(ws.getCell("C5").dataValidation.prompt).toMatch(/pounds/);
  });

  it("puts no validation on free-text fields", () => {
    for (const a of ["C3", "C4", "E7", "B11"]) expect([a, ws.getCell(a).dataValidation]).toEqual([a, undefined]);
  });
});

describe("recovery-register template", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await open("recovery-register");
  });

  it("has the header row, empty item rows and a Total row adding them up", () => {
    const { headerRow, firstItemRow, lastItemRow, totalRow } = REGISTER_LAYOUT;
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getRow(headerRow).getCell(c).value)).toEqual([
      "Ref",
      "Service Area",
      "Description",
      "Risk Level",
      "Lead",
      "Proposed Saving (£)",
    ]);
    for (let r = firstItemRow; r <= lastItemRow; r++) expect(ws.getRow(r).getCell(2).value).toBeNull();
    expect(ws.getCell(`A${totalRow}`).value).toBe("Total");
    expect(ws.getCell(`F${totalRow}`).formula).toBe(`SUM(F${firstItemRow}:F${lastItemRow})`);
    expect(ws.getCell(`F${totalRow}`).numFmt).toBe("£#,##0");
  });

  it("validates every item row's risk level and saving", () => {
    const { firstItemRow, lastItemRow } = REGISTER_LAYOUT;
    for (const r of [firstItemRow, lastItemRow]) {
      expect(ws.getCell(`D${r}`).dataValidation).toMatchObject({ type: "list", formulae: ['"High,Medium,Low"'] });
      expect(ws.getCell(`F${r}`).dataValidation).toMatchObject({ type: "decimal", formulae: [0] });
    }
    expect(ws.getCell(`D${lastItemRow + 1}`).dataValidation).toBeUndefined();
  });
});

describe("directions template", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await open("directions");
  });

  it("has a title, a theme heading, an outcome row and the two-row header", () => {
    const { themeRow, outcomeRow, headerRow, subHeaderRow } = DIRECTIONS_LAYOUT;
    expect(String(text(ws, "A1"))).toMatch(/^Directions/);
    // A theme name is at most 60 characters and has no full stop; the outcome ends with one.
    expect(String(text(ws, `A${themeRow}`)).length).toBeLessThanOrEqual(60);
    expect(String(text(ws, `A${themeRow}`))).not.toMatch(/\.$/);
    expect(String(text(ws, `A${outcomeRow}`))).toMatch(/\.$/);
    expect(["A", "B", "C"].map((c) => text(ws, `${c}${headerRow}`))).toEqual(["No", "Direction", "Performance Measures"]);
    expect(ws.getCell(`E${headerRow}`).isMerged).toBe(true);
    expect(String(text(ws, `C${subHeaderRow}`))).toMatch(/^Measure/);
    expect(String(text(ws, `D${subHeaderRow}`))).toMatch(/^Progress/);
    expect(String(text(ws, `E${subHeaderRow}`))).toMatch(/^Source/);
  });

  it("keeps direction numbers as text and progress as a percentage, warning (not refusing) on narrative", () => {
    const { firstDirectionRow, lastDirectionRow } = DIRECTIONS_LAYOUT;
    for (let r = firstDirectionRow; r <= lastDirectionRow; r++) {
      expect(ws.getCell(`A${r}`).value).toBeNull();
      expect(ws.getCell(`A${r}`).numFmt).toBe("@");
      expect(ws.getCell(`D${r}`).numFmt).toBe("0%");
      expect(ws.getCell(`D${r}`).dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1], errorStyle: "warning" });
    }
  });
});

/**
 * The blank action-plan and risk-register templates (action-plans-and-risks.md, Templates):
 * drop-down lists for progress words, stated RAG, ratings 1–5 and status; date rules on due
 * and review dates; and, filled in as a user would, read back by the engine as its kind.
 */
import ExcelJS from "exceljs";
import { ACTION_PLAN_LAYOUT, PROGRESS_CHOICES, RAG_CHOICES } from "../../src/core/templates/action-plan-template";
import { RATING_CHOICES, RISK_REGISTER_LAYOUT, STATUS_CHOICES } from "../../src/core/templates/risk-register-template";
import { templateModel } from "../../src/core/templates/template-model";
import { templateWorkbookBytes } from "../../src/hosts/xlsx/template";
import { check, cleanUp, codesOn, ukDate } from "./builder";

afterAll(cleanUp);

async function open(kind: "action-plan" | "risk-register"): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await templateWorkbookBytes(kind)) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("the action-plan template", () => {
  it("has the header the reader looks for, with Aim and Lead lines above it", () => {
    const m = templateModel("action-plan");
    const at = (row: number, col: number) => m.cells.find((c) => c.row === row && c.col === col)?.content;
    expect(ACTION_PLAN_LAYOUT.columns.map((_, i) => at(ACTION_PLAN_LAYOUT.headerRow, i + 1))).toEqual(
      ["Ref", "Goal", "Action", "SRO", "Lead", "Due Date", "Measure/Evidence", "Progress", "RAG"].map((text) => ({ kind: "text", text })),
    );
    expect([at(2, 1), at(3, 1)]).toEqual([
      { kind: "text", text: "Aim:" },
      { kind: "text", text: "Lead:" },
    ]);
  });

  it("renders drop-downs for progress words and the stated RAG, and a date rule on due dates that still takes a quarter", async () => {
    const ws = (await open("action-plan")).worksheets[0];
    const row = ACTION_PLAN_LAYOUT.firstActionRow;
    expect(ws.getCell(row, 8).dataValidation).toMatchObject({ type: "list", formulae: [`"${PROGRESS_CHOICES.join(",")}"`], errorStyle: "warning" });
    expect(ws.getCell(row, 9).dataValidation).toMatchObject({ type: "list", formulae: [`"${RAG_CHOICES.join(",")}"`], errorStyle: "stop" });
    expect(ws.getCell(row, 6).dataValidation).toMatchObject({ type: "date", errorStyle: "warning" });
    expect(ws.getCell(ACTION_PLAN_LAYOUT.lastActionRow, 6).dataValidation).toMatchObject({ type: "date" });
    expect(ws.getCell(row, 3).dataValidation).toBeUndefined();
  });

  it("reads back as an empty action plan, then, filled in, as its actions", async () => {
    const blank = await open("action-plan");
    const empty = await check(blank, "blank-plan.xlsx");
    expect(empty.report.sheets).toEqual([{ name: "Action Plan", kind: "action-plan" }]);
    expect(empty.report.actionPlan.count).toBe(0);
    expect(empty.report.findings).toEqual([]);

    const filled = await open("action-plan");
    const ws = filled.worksheets[0];
    ws.getCell("A1").value = "Finance Improvement Plan 2024/25";
    const r = ACTION_PLAN_LAYOUT.firstActionRow;
    ws.getCell(r, 1).value = "1.1";
    ws.getCell(r, 3).value = "Agree the savings plan";
    ws.getCell(r, 5).value = "CFO";
    ws.getCell(r, 6).value = ukDate(2024, 3, 31);
    ws.getCell(r, 8).value = "In progress";
    ws.getCell(r, 9).value = "Green";
    ws.getCell(r + 1, 1).value = "1.2";
    ws.getCell(r + 1, 3).value = "Report to the board";
    ws.getCell(r + 1, 6).value = "Q1 2024/25";
    ws.getCell(r + 1, 8).value = "Not started";
    const { report } = await check(filled, "filled-plan.xlsx", { overrides: { asOf: "2024-04-02" } });
    expect(report.actionPlan.items.map((i) => [i.ref, i.due, i.status, i.statedRag, i.rag])).toEqual([
      ["1.1", "2024-03-31", "in-progress", "green", "red"],
      ["1.2", "2024-06-30", "not-started", null, "green"],
    ]);
    expect(codesOn(report, "Action Plan")).toEqual([`rag-mismatch@I${r}`]);
  });
});

describe("the risk-register template", () => {
  it("renders 1–5 drop-downs for likelihood and impact, a score formula, a residual score rule, a review date rule and a status list", async () => {
    const ws = (await open("risk-register")).worksheets[0];
    const row = RISK_REGISTER_LAYOUT.firstRiskRow;
    const list = `"${RATING_CHOICES.join(",")}"`;
    expect(ws.getCell(row, 5).dataValidation).toMatchObject({ type: "list", formulae: [list] });
    expect(ws.getCell(row, 6).dataValidation).toMatchObject({ type: "list", formulae: [list] });
    expect(ws.getCell(row, 7).value).toMatchObject({ formula: `IF(COUNT(E${row},F${row})=2,E${row}*F${row},"")` });
    expect(ws.getCell(row, 9).dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [1, 25] });
    expect(ws.getCell(row, 10).dataValidation).toMatchObject({ type: "date", errorStyle: "stop" });
    expect(ws.getCell(row, 11).dataValidation).toMatchObject({ type: "list", formulae: [`"${STATUS_CHOICES.join(",")}"`] });
  });

  it("reads back as an empty register, then, filled in, as its risks", async () => {
    const blank = await open("risk-register");
    const empty = await check(blank, "blank-register.xlsx");
    expect(empty.report.sheets).toEqual([{ name: "Risk Register", kind: "risk-register" }]);
    expect(empty.report.risks).toMatchObject({ open: 0, closed: 0 });
    expect(empty.report.findings).toEqual([]);

    const filled = await open("risk-register");
    const ws = filled.worksheets[0];
    const r = RISK_REGISTER_LAYOUT.firstRiskRow;
    const values: ExcelJS.CellValue[] = ["R1", "Savings plan not delivered", "Finance", "Chief Finance Officer", 4, 4, null, "Monthly recovery board", 9, ukDate(2024, 6, 30), "Open"];
    values.forEach((v, i) => {
      if (v !== null) ws.getCell(r, i + 1).value = v;
    });
    // What Excel would calculate and save for the score formula.
    ws.getCell(r, 7).value = { formula: `IF(COUNT(E${r},F${r})=2,E${r}*F${r},"")`, result: 16, date1904: false } as ExcelJS.CellFormulaValue;
    const { report } = await check(filled, "filled-register.xlsx", { overrides: { asOf: "2024-04-01" } });
    expect(report.risks.items.map((x) => [x.ref, x.owner, x.likelihood, x.impact, x.score, x.level, x.rag, x.reviewDate])).toEqual([
      ["R1", "Chief Finance Officer", 4, 4, 16, "extreme", "red", "2024-06-30"],
    ]);
    expect(report.findings).toEqual([]);
  });
});

// The Office.js host writes the Action Plan Summary and the Risk Summary, only where the
// workbook holds that kind: the example workbooks are read from their files, put into the
// fake Excel as the add-in would find them, checked and built through the host.
import * as fs from "fs";
import * as path from "path";
import { analyse, summarise } from "../../../src/core/engine";
import { a1 } from "../../../src/core/grid";
import { RAG_STYLES } from "../../../src/core/summary/style";
import { ExcelHost } from "../../../src/hosts/excel";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { FakeExcel, type CellInit } from "../../fakes/excel/fake-excel";
import { BOARD_PACK_WITH_ERRORS, OD_ACTION_PLAN, PROGRAMME_PLAN_AND_RISKS } from "../../helpers/workbooks";
import { modelCells } from "../../../src/core/summary/model-cells";

const NOW = new Date("2023-09-21T12:00:00Z");

async function built(file: string) {
  const { snapshot } = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const fake = new FakeExcel({ apiVersion: "1.13" });
  for (const s of snapshot.sheets) {
    const cells: Record<string, CellInit> = {};
    for (const c of s.cells) cells[a1(c.row, c.col)] = { value: c.value, ...(c.format ? { numberFormat: c.format } : {}), ...(c.error ? { error: c.error } : {}) };
    fake.addSheet(s.name, cells, { merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) });
  }
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "T0K3N" });
  const plan = summarise(analyse(await host.readSnapshot(), { now: NOW }), NOW);
  const result = await host.writeSummaries(plan);
  return { fake, plan, written: result.written };
}

describe("the Excel host writes the Action Plan and Risk Summaries", () => {
  it("writes both for seed 004's programme plan and register, each with its marker and Excel table", async () => {
    const { fake, written } = await built(PROGRAMME_PLAN_AND_RISKS);
    expect(written).toEqual([
      { id: "action-plan-summary", name: "Action Plan Summary" },
      { id: "risk-summary", name: "Risk Summary" },
      { id: "data-checks", name: "Data Checks" },
    ]);
    const plan = fake.sheet("Action Plan Summary")!;
    expect(plan.tables.map((t) => t.name)).toEqual(["ActionPlanActions"]);
    const risk = fake.sheet("Risk Summary")!;
    expect(risk.tables.map((t) => t.name)).toEqual(["RiskRegisterRisks"]);
    expect([...risk.cells.values()].some((c) => c.value === "board-summary:generated:risk-summary")).toBe(true);
    // The programme plan is a schedule: every action Grey, the word in the cell beside its colour.
    expect([...plan.cells.values()].some((c) => c.value === "Grey: 28 actions" && c.style["fill.color"] === `#${RAG_STYLES.grey.fill}`)).toBe(true);
  });

  it("writes the heat map of the pack with errors: 25 cells, each a count over its band's word, in its band's fill", async () => {
    const { fake, plan } = await built(BOARD_PACK_WITH_ERRORS);
    const model = plan.models.find((m) => m.id === "risk-summary")!;
    const grid = modelCells(model).filter((c) => c.content.kind === "text" && /^\d+\n(Red|Amber|Green)$/.test(c.content.text));
    expect(grid).toHaveLength(25);
    for (const c of grid) {
      const cell = fake.cell("Risk Summary", a1(c.row, c.col))!;
      expect(cell.value).toBe((c.content as { text: string }).text);
      expect(cell.style["fill.color"]).toBe(`#${c.style!.fill}`);
      expect(cell.style["wrapText"]).toBe(true);
    }
    expect(grid.filter((c) => (c.content as { text: string }).text === "1\nRed")).toHaveLength(2);
  });

  it("writes no Risk Summary where the workbook holds no risk register", async () => {
    const { written } = await built(OD_ACTION_PLAN);
    expect(written.map((w) => w.name)).toEqual(["Action Plan Summary", "Data Checks"]);
  });
});

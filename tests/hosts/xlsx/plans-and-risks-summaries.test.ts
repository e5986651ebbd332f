/**
 * The .xlsx host writes the Action Plan Summary and the Risk Summary by addition, only where
 * the workbook holds an action plan or a risk register: the built package is read back and
 * the sheets, their heat map's counts and band words, fills and tables are found as the
 * models say, every part of the user's workbook carried over.
 */
import * as fs from "fs";
import JSZip from "jszip";
import { analyse } from "../../../src/core/engine";
import { RAG_STYLES } from "../../../src/core/summary/style";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { buildWorkbook } from "../../../scripts/print-summaries";
import { checkKeptByAddition } from "../../helpers/kept-by-addition";
import { BOARD_PACK_WITH_ERRORS, OD_ACTION_PLAN, PROGRAMME_PLAN_AND_RISKS } from "../../helpers/workbooks";
import { modelCells } from "../../../src/core/summary/model-cells";

async function readBack(bytes: Uint8Array) {
  return (await loadWorkbook(bytes, "built.xlsx")).snapshot;
}

describe("the .xlsx host writes the Action Plan and Risk Summaries", () => {
  it("adds both to seed 004's programme plan and register, recognised as its own on reading back, the source carried over", async () => {
    const input = new Uint8Array(fs.readFileSync(PROGRAMME_PLAN_AND_RISKS));
    const built = await buildWorkbook(PROGRAMME_PLAN_AND_RISKS);
    const snapshot = await readBack(built.bytes);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Programme Plan", "Risks", "Action Plan Summary", "Risk Summary", "Data Checks"]));
    const again = analyse(snapshot, { now: new Date("2023-09-21T09:00:00Z") });
    expect(again.sheets.filter((s) => s.kind === "summary").map((s) => s.summaryId)).toEqual(["action-plan-summary", "risk-summary", "data-checks"]);
    // Read again, the summaries add nothing to the figures: still 28 actions and 5 risks.
    expect(again.actionPlan.totals.count).toBe(28);
    expect(again.risks.totals.open).toBe(5);
    expect((await checkKeptByAddition(input, built.bytes)).problems).toEqual([]);
  });

  it("writes the heat map's cells with their counts, band words and fills, and the risks' Excel table", async () => {
    const built = await buildWorkbook(BOARD_PACK_WITH_ERRORS);
    const model = built.plan.models.find((m) => m.id === "risk-summary")!;
    const snapshot = await readBack(built.bytes);
    const sheet = snapshot.sheets.find((s) => s.name === "Risk Summary")!;
    const grid = modelCells(model).filter((c) => c.content.kind === "text" && /^\d+\n(Red|Amber|Green)$/.test(c.content.text));
    expect(grid).toHaveLength(25);
    for (const c of grid) {
      const back = sheet.cells.find((x) => x.row === c.row && x.col === c.col)!;
      expect(back.value).toBe((c.content as { text: string }).text);
      expect(back.fill).toBe(c.style!.fill);
    }
    expect(grid.filter((c) => (c.content as { text: string }).text === "1\nRed").map((c) => c.style!.fill)).toEqual([RAG_STYLES.red.fill, RAG_STYLES.red.fill]);
    const zip = await JSZip.loadAsync(built.bytes);
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/.*\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(tables.some((t) => /name="RiskRegisterRisks"/.test(t))).toBe(true);
    expect(tables.some((t) => /name="ActionPlanActions"/.test(t))).toBe(true);
  });

  it("writes no Risk Summary for a workbook with no risk register", async () => {
    const built = await buildWorkbook(OD_ACTION_PLAN);
    const names = (await readBack(built.bytes)).sheets.map((s) => s.name);
    expect(names).toContain("Action Plan Summary");
    expect(names).not.toContain("Risk Summary");
  });
});

/**
 * The Action Plan Summary built from the example workbooks (seed 003's OD action plan, seed
 * 004's phased programme plan, and the pack with errors), its figures checked against what
 * the seeds hold and action-plans-and-risks.md §10 says: the headline counts, the
 * exceptions listed first (overdue, at risk, or stated with a RAG the facts do not give), the
 * tables by section and by lead, the table of every action, and the action key.
 */
import { planSummaries } from "../../../src/core/summary/plan";
import type { SheetModel } from "../../../src/core/summary/sheet-model";
import { RAG_STYLES } from "../../../src/core/summary/style";
import { BOARD_PACK, BOARD_PACK_WITH_ERRORS, OD_ACTION_PLAN, PROGRAMME_PLAN_AND_RISKS, analyseFile } from "../../helpers/workbooks";
import { GENERATED, find, keyTexts, shown, texts } from "./fixture";
import { expectSoundLayout, pageOf } from "./sound-layout";
import { parseA1 } from "../../../src/core/grid";
import { modelCells } from "../../../src/core/summary/model-cells";
import { mergeList } from "../../../src/core/summary/model-merges";

async function summaryOf(file: string): Promise<SheetModel | undefined> {
  const plan = planSummaries(await analyseFile(file), GENERATED);
  return plan.models.find((m) => m.id === "action-plan-summary");
}

/** The data rows of the small table under `heading`, as the cells show them, one string a cell, "" for none. */
function tableRows(m: SheetModel, heading: string): string[][] {
  const top = parseA1(find(m, heading)).row;
  const rows: string[][] = [];
  for (let r = top + 2; ; r++) {
    const cells = modelCells(m).filter((c) => c.row === r && !mergeList(m.merges).some((g) => g.top === r && g.left < c.col && c.col <= g.right));
    if (cells.length === 0 || cells.every((c) => c.content.kind === "text" && c.content.text === "")) break;
    rows.push(cells.sort((a, b) => a.col - b.col).map((c) => String(shown(m, `${String.fromCharCode(64 + c.col)}${r}`) ?? "")));
  }
  return rows;
}

const headline = (m: SheetModel, label: string) => {
  const cap = parseA1(find(m, label));
  return shown(m, `${String.fromCharCode(64 + cap.col)}${cap.row + 1}`);
};

describe("Action Plan Summary of seed 003's OD action plan (as at 31/03/2020)", () => {
  let m: SheetModel;
  beforeAll(async () => {
    m = (await summaryOf(OD_ACTION_PLAN))!;
  });

  it("is written for a workbook holding an action plan, under its own name", () => {
    expect(m.name).toBe("Action Plan Summary");
    expect(shown(m, "A2")).toBe("Action Plan Summary");
  });

  it("opens with the headline figures: 52 actions, 37 complete (71.2%), 2 overdue, 11 due soon, 1 mismatch", () => {
    expect(headline(m, "Actions")).toBe(52);
    expect(headline(m, "Complete")).toBe(37);
    expect(headline(m, "Completion")).toBe(0.7115);
    expect(headline(m, "Overdue")).toBe(2);
    expect(headline(m, "Due within 30 days")).toBe(11);
    expect(headline(m, "RAG mismatches")).toBe(1);
    expect(texts(m)).toContain("Red: 2 actions");
    expect(texts(m).find((t) => t.startsWith("52 actions are listed in 1 action plan as at 31/03/2020. 37 are complete (71.2%)."))).toBeDefined();
  });

  it("lists the exceptions first, before the breakdowns: 6.26 overdue though stated Green, then 6.34", () => {
    const heading = "Exceptions: overdue, at risk, or a stated RAG the facts do not give (2)";
    const exceptionsRow = parseA1(find(m, heading)).row;
    expect(exceptionsRow).toBeLessThan(parseA1(find(m, "By section")).row);
    expect(exceptionsRow).toBeLessThan(parseA1(find(m, "By lead")).row);
    const rows = tableRows(m, heading);
    expect(rows.map((r) => r[0])).toEqual(["6.26", "6.34"]);
    // 6.26: due 31/01/2020, "In progress – applications received", the plan says Green.
    expect(rows[0]).toEqual(expect.arrayContaining(["2020-01-31", "Green", "Red", "Overdue: due 31/01/2020; Stated Green, but the facts give Red"]));
    expect(rows[1]).toEqual(expect.arrayContaining(["Red", "Overdue: due 31/01/2020"]));
    expect(pageOf(m, exceptionsRow)).toBe(1);
  });

  it("breaks the actions down by section, in the plan's order, adding up to the whole", () => {
    const rows = tableRows(m, "By section");
    expect(rows.map((r) => r[0])).toEqual(["Governing Body", "Member Practices", "CCG Staff", "Organisational Level", "7. Financial Management", "All sections"]);
    expect(rows.find((r) => r[0] === "CCG Staff")!.slice(1)).toEqual([30, 15, 2, "2 Red · 26 Green · 2 Grey"].map(String));
    const all = rows.at(-1)!;
    expect(all[4]).toBe("2 Red · 48 Green · 2 Grey");
    const totalCell = modelCells(m).find((c) => c.row === parseA1(find(m, "All sections")).row && c.content.kind === "formula")!;
    expect(totalCell.content).toMatchObject({ formula: expect.stringMatching(/^SUBTOTAL\(109,/), result: 52 });
  });

  it("lists every action in an Excel table with the spec's columns, the stated RAG beside the computed one", () => {
    const t = m.tables.find((x) => x.name === "ActionPlanActions")!;
    expect(t.columns).toEqual(["Ref", "Section", "Goal", "Action", "Lead", "Due", "Progress", "Stated RAG", "RAG", "RAG Reason", "Source"]);
    expect(t.dataRows).toBe(52);
    expect(pageOf(m, t.headerRow)).toBeGreaterThan(1);
    const row626 = modelCells(m).find((c) => c.col === 1 && c.row > t.headerRow && c.content.kind === "text" && c.content.text === "6.26")!.row;
    expect(shown(m, `H${row626}`)).toBe("Green");
    expect(shown(m, `I${row626}`)).toBe("Red");
    expect(modelCells(m).find((c) => c.row === row626 && c.col === 9)!.style?.fill).toBe(RAG_STYLES.red.fill);
    expect(shown(m, `K${row626}`)).toMatch(/^OD Action Plan, cell B\d+$/);
  });

  it("explains the action RAG rules in its key, with the as-at date and window in force", () => {
    const key = keyTexts(m);
    expect(key).toContain("Overdue: due before 31/03/2020 and not complete (unless due '… (and ongoing)' and in progress)");
    expect(key).toContain("Not started and due within 30 days");
    expect(key.some((x) => /recovery value|Likelihood/.test(x))).toBe(false);
  });

  it("is laid out soundly", () => expectSoundLayout(m));
});

describe("Action Plan Summary of seed 004's programme plan, a schedule with no progress column", () => {
  it("says delivery is not reported, every action Grey, and still lists the 2 overdue first", async () => {
    const m = (await summaryOf(PROGRAMME_PLAN_AND_RISKS))!;
    expect(headline(m, "Completion")).toBe("Not reported");
    expect(texts(m)).toContain("Grey: 28 actions");
    expect(texts(m).some((t) => t.includes("The plan has no progress or RAG column, so delivery is not reported: every action is Grey."))).toBe(true);
    const rows = tableRows(m, "Exceptions: overdue, at risk, or a stated RAG the facts do not give (2)");
    expect(rows.map((r) => r[r.length - 1])).toEqual(["Overdue: due 31/12/2017", "Overdue: due 31/01/2018"]);
    expectSoundLayout(m);
  });
});

describe("which workbooks get an Action Plan Summary", () => {
  it("the pack with errors (which holds two plans) gets one; the sample board pack (none) does not", async () => {
    const withErrors = (await summaryOf(BOARD_PACK_WITH_ERRORS))!;
    expect(withErrors.name).toBe("Action Plan Summary");
    // Its one tracked plan's 6.1: due 31/12/2018, in progress, stated Green: overdue, so Red, listed first.
    const rows = tableRows(withErrors, "Exceptions: overdue, at risk, or a stated RAG the facts do not give (20)");
    expect(rows[0][0]).toBe("6.1");
    expect(rows[0].at(-1)).toBe("Overdue: due 31/12/2018; Stated Green, but the facts give Red");
    expectSoundLayout(withErrors);
    expect(await summaryOf(BOARD_PACK)).toBeUndefined();
  });
});

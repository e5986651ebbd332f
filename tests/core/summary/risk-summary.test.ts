/**
 * The Risk Summary built from the example workbooks, its figures checked against what the
 * registers hold and action-plans-and-risks.md §11 says: the headline counts (open, by RAG,
 * red and amber without mitigation, reviews overdue), the exceptions first, the heat map as a
 * grid of counts with every cell holding its count and its band's word, and the table of
 * every risk in top-risk order.
 */
import { parseA1 } from "../../../src/core/grid";
import { planSummaries } from "../../../src/core/summary/plan";
import type { SheetModel } from "../../../src/core/summary/sheet-model";
import { RAG_STYLES } from "../../../src/core/summary/style";
import { BOARD_PACK, BOARD_PACK_WITH_ERRORS, OD_ACTION_PLAN, PROGRAMME_PLAN_AND_RISKS, analyseFile } from "../../helpers/workbooks";
import { GENERATED, find, keyTexts, shown, texts } from "./fixture";
import { expectSoundLayout, pageOf } from "./sound-layout";
import { modelCells } from "../../../src/core/summary/model-cells";
import { mergeList } from "../../../src/core/summary/model-merges";

async function summaryOf(file: string): Promise<SheetModel | undefined> {
  return planSummaries(await analyseFile(file), GENERATED).models.find((m) => m.id === "risk-summary");
}

const col = (n: number) => String.fromCharCode(64 + n);
const headline = (m: SheetModel, label: string) => {
  const cap = parseA1(find(m, label));
  return shown(m, `${col(cap.col)}${cap.row + 1}`);
};
/** The text of each cell of row `r` that heads its merge or stands alone, left to right. */
function rowTexts(m: SheetModel, r: number): string[] {
  return modelCells(m)
    .filter((c) => c.row === r && !mergeList(m.merges).some((g) => g.top === r && g.left < c.col && c.col <= g.right))
    .sort((a, b) => a.col - b.col)
    .map((c) => String(shown(m, `${col(c.col)}${r}`) ?? ""));
}

describe("Risk Summary of the pack with errors (a 5 × 5 register, as at 21/09/2023)", () => {
  let m: SheetModel;
  beforeAll(async () => {
    m = (await summaryOf(BOARD_PACK_WITH_ERRORS))!;
  });

  it("opens with the headline counts of open risks: 4 open, 2 Red, 1 red without mitigation, 1 review overdue, 1 closed", () => {
    expect(m.name).toBe("Risk Summary");
    expect(headline(m, "Open risks")).toBe(4);
    expect(headline(m, "Red")).toBe(2);
    expect(headline(m, "Amber")).toBe(0);
    expect(headline(m, "Red or amber with no mitigation")).toBe(1);
    expect(headline(m, "Reviews overdue")).toBe(1);
    expect(headline(m, "Closed")).toBe(1);
    expect(texts(m)).toContain("Grey: 2 open risks");
    expect(texts(m).some((t) => t.includes("1 red or amber risk has no mitigation recorded. 1 open risk is past its review date."))).toBe(true);
  });

  it("lists the exceptions first, top risk first: R2 (5 × 4 = 20, no mitigation), then R1 (16, review overdue)", () => {
    const heading = "Exceptions: red and amber risks, and reviews overdue (2)";
    const top = parseA1(find(m, heading)).row;
    expect(pageOf(m, top)).toBe(1);
    expect(top).toBeLessThan(parseA1(find(m, "Heat map: likelihood × impact, 1 to 5 (open risks)")).row);
    const r2 = rowTexts(m, top + 2);
    expect(r2[0]).toBe("R2");
    expect(r2).toEqual(expect.arrayContaining(["Likelihood 5 × impact 4 = 20: extreme", "Red", "None recorded", "31/12/2023"]));
    const r1 = rowTexts(m, top + 3);
    expect(r1[0]).toBe("R1");
    expect(r1).toEqual(expect.arrayContaining(["Chief Officer", "30/06/2023, overdue"]));
  });

  it("draws the 5 × 5 heat map of open risks: impact 5 down to 1, likelihood 1 to 5, a count and a band word in every cell", () => {
    const label = parseA1(find(m, "4 Major"));
    const first = parseA1(find(m, "5 Catastrophic")).row;
    const grid = [0, 1, 2, 3, 4].map((i) => [0, 1, 2, 3, 4].map((j) => modelCells(m).find((c) => c.row === first + i && c.col === label.col + 3 + j)!));
    const words = grid.map((row) => row.map((c) => (c.content as { text: string }).text));
    // R1 is likelihood 4 × impact 4, R2 likelihood 5 × impact 4; R3, R4 unrated and R5 closed stay off.
    expect(words[1]).toEqual(["0\nGreen", "0\nAmber", "0\nAmber", "1\nRed", "1\nRed"]);
    expect(words.flat().filter((w) => !w.startsWith("0\n"))).toHaveLength(2);
    // Bands under riskRed 15 and riskAmber 8: 5 × 3 = 15 Red, 4 × 2 = 8 Amber, 1 × 5 = 5 Green.
    expect(words[0][2]).toBe("0\nRed");
    expect(words[1][1]).toBe("0\nAmber");
    expect(words[4][4]).toBe("0\nGreen");
    // Each cell's fill is its band's, and its word says the same, for black-and-white print.
    for (const row of grid) for (const c of row) expect(c.style?.fill).toBe(RAG_STYLES[(c.content as { text: string }).text.split("\n")[1].toLowerCase() as "red"].fill);
    expect(texts(m)).toEqual(expect.arrayContaining(["Impact", "Likelihood", "1 Rare", "5 Almost certain", "1 Negligible", "Score 15 to 25", "Score 8 to 14", "Score 1 to 7"]));
  });

  it("lists every risk in top-risk order, the closed one last, with the spec's columns", () => {
    const t = m.tables.find((x) => x.name === "RiskRegisterRisks")!;
    expect(t.columns).toEqual(["Ref", "Risk", "Owner", "Likelihood", "Impact", "Score", "Level", "RAG", "Reason", "Mitigation", "Review Date", "Source"]);
    const refs = Array.from({ length: t.dataRows }, (_, i) => shown(m, `A${t.headerRow + 1 + i}`));
    expect(refs).toEqual(["R2", "R1", "R3", "R4", "R5"]);
    expect(rowTexts(m, t.headerRow + 1).slice(3, 8)).toEqual(["5", "4", "20", "Extreme", "Red"]);
    expect(shown(m, `L${t.headerRow + 1}`)).toBe("Risk Register, cell B5");
    expect(pageOf(m, t.headerRow)).toBeGreaterThan(1);
  });

  it("explains the risk bands and thresholds in its key", () => {
    const key = keyTexts(m);
    expect(key.some((x) => x.startsWith("Red from a score of 15, amber from 8"))).toBe(true);
    expect(key.some((x) => /progress/i.test(x))).toBe(false);
  });

  it("is laid out soundly", () => expectSoundLayout(m));
});

describe("Risk Summary of seed 004's register (Impact H/M/L alone)", () => {
  let m: SheetModel;
  beforeAll(async () => {
    m = (await summaryOf(PROGRAMME_PLAN_AND_RISKS))!;
  });

  it("counts 5 open risks, 4 High (Red) and 1 Medium (Amber), every one mitigated", () => {
    expect(headline(m, "Open risks")).toBe(5);
    expect(headline(m, "Red")).toBe(4);
    expect(headline(m, "Amber")).toBe(1);
    expect(headline(m, "Red or amber with no mitigation")).toBe(0);
  });

  it("draws no heat map, saying why: each risk is rated by a single column", () => {
    expect(texts(m).some((t) => t.startsWith("Heat map: likelihood"))).toBe(false);
    expect(texts(m)).toContain(
      "No open risk is rated by both likelihood and impact, so there is no heat map. 5 open risks are rated by a single column (a level, a score or one rating) and not placed on a heat map.",
    );
  });

  it("lists the four red risks first in the register's order, then the amber one", () => {
    const rows = Array.from({ length: 5 }, (_, i) => rowTexts(m, parseA1(find(m, "Exceptions: red and amber risks, and reviews overdue (5)")).row + 2 + i));
    expect(rows.map((r) => r[0])).toEqual(["Risks row 4", "Risks row 5", "Risks row 6", "Risks row 8", "Risks row 7"]);
    expect(rows.map((r) => r.find((x) => x === "Red" || x === "Amber"))).toEqual(["Red", "Red", "Red", "Red", "Amber"]);
  });

  it("is laid out soundly", () => expectSoundLayout(m));
});

describe("which workbooks get a Risk Summary", () => {
  it("only those holding a risk register", async () => {
    expect(await summaryOf(OD_ACTION_PLAN)).toBeUndefined();
    expect(await summaryOf(BOARD_PACK)).toBeUndefined();
  });
});

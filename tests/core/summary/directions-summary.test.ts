import { buildDirectionsSummary } from "../../../src/core/summary/directions-summary";
import { directionsParagraph } from "../../../src/core/summary/paragraphs";
import { RAG_STYLES } from "../../../src/core/summary/style";
import { parseA1 } from "../../../src/core/grid";
import { DIRECTIONS, GENERATED, at, find, keyTexts, makeAnalysis, shown, texts } from "./fixture";
import { expectSoundLayout, pageOf } from "./sound-layout";
import { modelCells } from "../../../src/core/summary/model-cells";

const build = (over: Parameters<typeof makeAnalysis>[0] = {}) => buildDirectionsSummary(makeAnalysis(over), { generatedAt: GENERATED });

describe("Directions Summary", () => {
  const m = build({ findings: [] });

  it("opens with the title, the period in the as-at line, the headline counts and the RAG spread", () => {
    expect(shown(m, "A1")).toBe("Directions Summary");
    expect(shown(m, "A2")).toBe("As at 21/03/2024 · period half-year 2023/24 · from 4 source sheets · generated 21/03/2024 14:05");
    const mean = modelCells(m).find((c) => c.format === "percent1" && c.style?.size === 18)!;
    // (95 + 69 + 100 + 75 + 50) / 5 = 77.8
    expect(mean.content).toEqual({ kind: "number", value: 0.778 });
    const red = modelCells(m).find((c) => c.content.kind === "text" && c.content.text === "Red: 2 directions")!;
    expect(red.style?.fill).toBe(RAG_STYLES.red.fill);
    expect(pageOf(m, red.row)).toBe(1);
  });

  it("says it in plain English, with the overdue ones named as such", () => {
    const words = directionsParagraph(makeAnalysis());
    expect(words).toBe(
      "6 directions are reported on for half-year 2023/24 as at 21/03/2024. 5 have progress reported, with a mean of 77.8%. " +
        "2 are rated Red (1 overdue), 1 Amber, 1 Green, 1 Blue and 1 Grey (no progress reported).",
    );
    expect(texts(m)).toContain(words);
  });

  it("shows the table by theme on the first page, with the mean to one decimal place and the counts by RAG in words", () => {
    const row = parseA1(find(m, "By theme")).row;
    expect(pageOf(m, row)).toBe(1);
    const hw = parseA1(find(m, "Health & Wellbeing")).row;
    expect(at(m, `F${hw}`)?.content).toEqual({ kind: "number", value: 0.82 });
    expect(at(m, `F${hw}`)?.format).toBe("percent1");
    expect(shown(m, `G${hw}`)).toBe("1 Red · 1 Green");
    expect(texts(m)).toContain("All themes");
  });

  it("lists every direction in an Excel table on a page of its own, sources in words", () => {
    const t = m.tables.find((x) => x.name === "DirectionsList")!;
    expect(t.columns).toEqual(["No", "Theme", "Direction", "Target Date", "Progress", "RAG", "RAG Reason", "Source"]);
    expect(t.dataRows).toBe(DIRECTIONS.length);
    expect(pageOf(m, t.headerRow)).toBeGreaterThan(1);
    expect(at(m, `H${t.headerRow + 1}`)?.content).toEqual({ kind: "link", text: "Directions, cell A6", sheet: "Directions", cell: "A6" });
    expect(at(m, `E${t.headerRow + 1}`)?.format).toBe("percent1");
  });

  it("explains the directions rules only in its key", () => {
    const key = keyTexts(m);
    expect(key).toContain("Progress at or above 90%");
    expect(key.some((x) => /recovery value/.test(x))).toBe(false);
  });

  it("is laid out soundly, and with many long directions too", () => {
    expectSoundLayout(m);
    const long = Array.from({ length: 50 }, (_, i) => ({ ...DIRECTIONS[i % DIRECTIONS.length], no: `${i}.1`, row: i + 5, cell: `A${i + 5}`, text: "All services delegated to the board must demonstrate through service planning and reporting how they have increased collaborative and integrated working, by January 2024. ".repeat((i % 3) + 1) }));
    expectSoundLayout(build({ directions: long }));
  });
});

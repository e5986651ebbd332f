import { parseA1 } from "../../../src/core/grid";
import { RAG_STYLES } from "../../../src/core/summary/layout";
import { buildDirectionsSummary, DIRECTION_COLUMNS, THEME_COLUMNS } from "../../../src/core/summary/directions-summary";
import { sheetModelSchema } from "../../../src/core/summary/sheet-model";
import { EMPTY, GENERATED, at, find, keyTexts, makeAnalysis, shown } from "./fixture";

const model = () => buildDirectionsSummary(makeAnalysis(), { generatedAt: GENERATED });
const rowOf = (m: ReturnType<typeof model>, row: number, cols: string) => [...cols].map((c) => shown(m, `${c}${row}`));

describe("Directions Summary", () => {
  it("is a valid model with title, period, as-at date and counts", () => {
    const m = sheetModelSchema.parse(model());
    expect(m.id).toBe("directions-summary");
    expect(shown(m, "A1")).toBe("Directions Summary");
    expect(shown(m, "C2")).toBe("21/03/2024 14:05");
    expect(at(m, "C3")).toMatchObject({ content: { kind: "date", iso: "2024-03-21" }, format: "date" });
    expect(shown(m, find(m, "Period").replace("A", "C"))).toBe("half-year 2023/24");
    // Labels span the narrow No column and Theme.
    const period = parseA1(find(m, "Period")).row;
    expect(m.merges).toContainEqual({ top: period, left: 1, bottom: period, right: 2 });
    expect(shown(m, `C${parseA1(find(m, "Directions")).row}`)).toBe(6);
    expect(shown(m, `C${parseA1(find(m, "Reported")).row}`)).toBe(5);
  });

  it("says the period is not stated when no directions sheet names one", () => {
    const a = makeAnalysis();
    a.directions.totals.period = null;
    const m = buildDirectionsSummary(a, { generatedAt: GENERATED });
    expect(shown(m, `C${parseA1(find(m, "Period")).row}`)).toBe("Not stated");
  });

  it("tables directions by theme, with (No theme), mean progress and counts by RAG", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "DirectionsByTheme")!;
    expect(t.columns).toEqual([...THEME_COLUMNS]);
    expect(t.firstCol).toBe(2);
    expect(t.dataRows).toBe(3);
    const h = t.headerRow;
    expect(rowOf(m, h, "BCDEFGHIJ")).toEqual([...THEME_COLUMNS]);
    // Theme, directions, reported, mean progress (fraction), red, amber, green, blue, grey.
    expect(rowOf(m, h + 1, "BCDEFGHIJ")).toEqual(["Health & Wellbeing", 2, 2, 0.82, 1, 0, 1, 0, 0]);
    expect(rowOf(m, h + 2, "BCDEFGHIJ")).toEqual(["Safe Communities", 2, 1, 1, 0, 0, 0, 1, 1]);
    expect(rowOf(m, h + 3, "BCDEFGHIJ")).toEqual(["(No theme)", 2, 2, 0.625, 1, 1, 0, 0, 0]);
    expect(at(m, `E${h + 1}`)!.format).toBe("percent");
  });

  it("totals the theme table with SUBTOTAL formulas cached as the engine's counts", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "DirectionsByTheme")!;
    expect(t.totalsRow).toBe(true);
    const r = t.headerRow + t.dataRows + 1;
    const [f, l] = [t.headerRow + 1, t.headerRow + t.dataRows];
    expect(shown(m, `B${r}`)).toBe("All themes");
    expect(at(m, `C${r}`)!.content).toEqual({ kind: "formula", formula: `SUBTOTAL(109,C${f}:C${l})`, result: 6 });
    expect(at(m, `D${r}`)!.content).toEqual({ kind: "formula", formula: `SUBTOTAL(109,D${f}:D${l})`, result: 5 });
    // Mean over every reported direction: (95 + 69 + 100 + 75 + 50) / 5 = 77.8.
    expect(at(m, `E${r}`)).toMatchObject({ content: { kind: "number", value: 0.778 }, format: "percent" });
    const rag = [..."FGHIJ"].map((c) => (at(m, `${c}${r}`)!.content as { result: number }).result);
    expect(rag).toEqual([2, 1, 1, 1, 1]);
  });

  it("lists every direction in an Excel table, linked to its No cell", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "DirectionsList")!;
    expect(t.columns).toEqual([...DIRECTION_COLUMNS]);
    expect(t.dataRows).toBe(6);
    const first = t.headerRow + 1;
    expect(rowOf(m, first, "ABCDEFG")).toEqual([
      "1.1",
      "Health & Wellbeing",
      "Reduce falls by January 2025",
      "2025-01-31",
      0.95,
      "Green",
      "Progress 95% meets the green threshold of 90%",
    ]);
    expect(at(m, `D${first}`)!.format).toBe("date");
    expect(at(m, `E${first}`)!.format).toBe("percent");
    expect(at(m, `C${first}`)!.style?.wrap).toBe(true);
    expect(at(m, `G${first}`)!.style?.wrap).toBe(true);
    expect(at(m, `H${first}`)!.content).toEqual({ kind: "link", text: "Directions!A6", sheet: "Directions", cell: "A6" });
    // Narrative progress leaves the cell empty; the reason says why it is grey.
    expect(at(m, `E${first + 3}`)).toBeUndefined();
    expect(shown(m, `B${first + 4}`)).toBe("(No theme)");
    expect(shown(m, `G${first + 5}`)).toMatch(/^Overdue/);
    const colours = [0, 1, 2, 3, 4, 5].map((i) => at(m, `F${first + i}`)!);
    expect(colours.map((c) => (c.content as { text: string }).text)).toEqual(["Green", "Red", "Blue", "Grey", "Amber", "Red"]);
    for (const c of colours) {
      const word = (c.content as { text: string }).text.toLowerCase() as keyof typeof RAG_STYLES;
      expect(c.style?.fill).toBe(RAG_STYLES[word].fill);
    }
  });

  it("freezes only the title when the list starts far down, and repeats the list header in print", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "DirectionsList")!;
    expect(t.headerRow).toBeGreaterThan(12);
    expect(m.freezeRows).toBe(1);
    expect(m.print.repeatRows).toEqual({ from: t.headerRow, to: t.headerRow });
    expect(m.print.header).toBe("Directions Summary");
    expect(m.markerCell.col).toBe(12); // widest used column J (Grey) + 2
  });

  it("carries a key with the directions rules first, and Blue only when BRAG is on", () => {
    const on = keyTexts(model());
    expect(on.indexOf("Directions")).toBeLessThan(on.indexOf("Recovery actions"));
    expect(on).toContain("Complete: progress is 100%");
    expect(on).toContain("Overdue: the target date is before the as-at date and progress is not 100%");
    const off = buildDirectionsSummary(makeAnalysis({ settings: { brag: false } }), { generatedAt: GENERATED });
    expect(keyTexts(off)).not.toContain("Complete: progress is 100%");
    expect(keyTexts(off)).not.toContain("Blue");
  });

  it("handles equal amber and green thresholds in the key", () => {
    const m = buildDirectionsSummary(makeAnalysis({ settings: { greenThreshold: 80, amberThreshold: 80 } }), { generatedAt: GENERATED });
    expect(keyTexts(m)).toContain("Not used: the amber and green thresholds are both 80%");
  });

  it("gives a valid model with 0-row tables for an empty analysis", () => {
    const m = sheetModelSchema.parse(buildDirectionsSummary(EMPTY(), { generatedAt: GENERATED }));
    for (const name of ["DirectionsByTheme", "DirectionsList"]) {
      const t = m.tables.find((x) => x.name === name)!;
      expect(t.dataRows).toBe(0);
      expect(t.totalsRow).toBe(false);
      expect(shown(m, `${name === "DirectionsList" ? "A" : "B"}${t.headerRow + 1}`)).toMatch(/^None/);
    }
    expect(m.cells.some((c) => c.content.kind === "formula")).toBe(false);
  });
});

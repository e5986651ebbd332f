import type { SheetInfo } from "../../../src/core/analysis";
import { numberedName, planSummaries } from "../../../src/core/summary/plan";
import { summaryPlanSchema, type SheetModel } from "../../../src/core/summary/sheet-model";
import { EMPTY, GENERATED, SOURCE_SHEETS, makeAnalysis } from "./fixture";
import { modelCells } from "../../../src/core/summary/model-cells";

const user = (name: string): SheetInfo => ({ name, kind: "other", visibility: "visible" });
const ours = (name: string, summaryId: SheetInfo["summaryId"]): SheetInfo => ({ name, kind: "summary", visibility: "visible", summaryId });
const plan = (extra: SheetInfo[]) => planSummaries(makeAnalysis({ sheets: [...SOURCE_SHEETS, ...extra] }), GENERATED);
const names = (p: ReturnType<typeof plan>) => p.models.map((m) => m.name);

describe("planSummaries naming", () => {
  it("uses the wanted names in a fresh workbook, replacing nothing", () => {
    const p = summaryPlanSchema().parse(plan([]));
    expect(names(p)).toEqual(["Recovery Summary", "Directions Summary", "Data Checks"]);
    expect(p.models.map((m) => m.id)).toEqual(["recovery-summary", "directions-summary", "data-checks"]);
    expect(p.replace).toEqual([]);
    expect(p.notes).toEqual([]);
  });

  it("replaces the product's own earlier summaries under their names", () => {
    const p = plan([ours("Recovery Summary", "recovery-summary"), ours("Data Checks", "data-checks")]);
    expect(names(p)).toEqual(["Recovery Summary", "Directions Summary", "Data Checks"]);
    expect(p.replace).toEqual(["Recovery Summary", "Data Checks"]);
    expect(p.notes).toEqual([]);
  });

  it("never overwrites a user's sheet with a wanted name (any case): writes (2) and says so", () => {
    const p = plan([user("recovery summary")]);
    expect(names(p)[0]).toBe("Recovery Summary (2)");
    expect(p.replace).toEqual([]);
    expect(p.notes).toEqual([
      "A sheet of yours is already called 'recovery summary', so the summary was written to 'Recovery Summary (2)'.",
    ]);
  });

  it("goes to (3) when the user also has (2)", () => {
    const p = plan([user("Recovery Summary"), user("Recovery Summary (2)")]);
    expect(names(p)[0]).toBe("Recovery Summary (3)");
    expect(p.replace).toEqual([]);
  });

  it("reuses our earlier summary at (2) beside the user's sheet", () => {
    const p = plan([user("Recovery Summary"), ours("Recovery Summary (2)", "recovery-summary")]);
    expect(names(p)[0]).toBe("Recovery Summary (2)");
    expect(p.replace).toEqual(["Recovery Summary (2)"]);
    expect(p.notes).toEqual([
      "A sheet of yours is already called 'Recovery Summary', so the summary was written to 'Recovery Summary (2)'.",
    ]);
  });

  it("never lists a source or user sheet in replace", () => {
    const p = plan([user("Directions Summary"), user("Data Checks"), ours("Recovery Summary", "recovery-summary")]);
    const kept = new Set([...SOURCE_SHEETS.map((s) => s.name), "Directions Summary", "Data Checks"]);
    expect(p.replace.filter((n) => kept.has(n))).toEqual([]);
    expect(names(p)).toEqual(["Recovery Summary", "Directions Summary (2)", "Data Checks (2)"]);
    expect(p.notes).toHaveLength(2);
  });

  it("does not take a name another of our sheets keeps", () => {
    // Our Data Checks sheet was renamed by someone to "Recovery Summary": it is replaced in place.
    const p = plan([ours("Recovery Summary", "data-checks")]);
    expect(names(p)).toEqual(["Recovery Summary (2)", "Directions Summary", "Recovery Summary"]);
    expect(p.replace).toEqual(["Recovery Summary"]);
    expect(new Set(names(p).map((n) => n.toLowerCase())).size).toBe(3);
  });

  it("builds numbered names within Excel's 31-character limit", () => {
    expect(numberedName("Recovery Summary", 2)).toBe("Recovery Summary (2)");
    const long = numberedName("A very long summary sheet name indeed", 12);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith(" (12)")).toBe(true);
    expect(numberedName("Bad: name?", 1)).not.toMatch(/[[\]:*?/\\]/);
  });
});

describe("all three models together", () => {
  const cases: [string, () => SheetModel[]][] = [
    ["a full analysis", () => plan([]).models],
    ["an empty analysis", () => planSummaries(EMPTY(), GENERATED).models],
  ];

  it.each(cases)("are valid, with unique table names and sound layouts (%s)", (_label, models) => {
    const ms = models();
    summaryPlanSchema().parse({ models: ms, replace: [], notes: [] });
    const tableNames = ms.flatMap((m) => m.tables.map((t) => t.name));
    expect(new Set(tableNames).size).toBe(tableNames.length);
    for (const m of ms) {
      // One cell per position.
      const positions = modelCells(m).map((c) => `${c.row},${c.col}`);
      expect(new Set(positions).size).toBe(positions.length);
      // The marker's column is two past every cell, so hiding it hides nothing else.
      expect(Math.max(...modelCells(m).map((c) => c.col)) + 2).toBe(m.markerCell.col);
      expect(m.marker).toBe(`board-summary:generated:${m.id}`);
      for (const t of m.tables) {
        // Header cells hold the column names; no table overlaps another.
        t.columns.forEach((h, i) => {
          const c = modelCells(m).find((x) => x.row === t.headerRow && x.col === t.firstCol + i);
          expect(c?.content).toEqual({ kind: "text", text: h });
        });
        for (const o of m.tables) {
          if (o === t) continue;
          const [a1, a2] = [t.headerRow, t.headerRow + t.dataRows + (t.totalsRow ? 1 : 0)];
          const [b1, b2] = [o.headerRow, o.headerRow + o.dataRows + (o.totalsRow ? 1 : 0)];
          const colsOverlap = t.firstCol <= o.firstCol + o.columns.length - 1 && o.firstCol <= t.firstCol + t.columns.length - 1;
          expect(colsOverlap && a1 <= b2 && b1 <= a2).toBe(false);
        }
      }
      expect(m.print.orientation).toBe("landscape");
      expect(m.print.fitToPagesWide).toBe(1);
      expect(m.print.paperSize).toBe("A4");
      expect(m.print.footer.right).toMatch(/Page &P of &N$/);
    }
  });
});

describe("only the sheets that apply (board-pages.md §9)", () => {
  const ids = (sheets: SheetInfo[]) => planSummaries(makeAnalysis({ sheets }), GENERATED).models.map((m) => m.id);
  const sheet = (name: string, kind: SheetInfo["kind"]): SheetInfo => ({ name, kind, visibility: "visible" });

  it("writes a Recovery Summary and Data Checks for a register-only workbook, no Directions Summary", () => {
    expect(ids([sheet("Register", "recovery-register")])).toEqual(["recovery-summary", "data-checks"]);
  });

  it("writes a Directions Summary and Data Checks for a directions-only workbook", () => {
    expect(ids([sheet("Directions", "directions")])).toEqual(["directions-summary", "data-checks"]);
  });

  it("always writes Data Checks, even with no source sheet", () => {
    expect(ids([user("Notes")])).toEqual(["data-checks"]);
  });

  it("retires an earlier summary of a kind no longer present: replaced by nothing", () => {
    const p = planSummaries(makeAnalysis({ sheets: [sheet("Register", "recovery-register"), ours("Directions Summary", "directions-summary")] }), GENERATED);
    expect(p.models.map((m) => m.name)).toEqual(["Recovery Summary", "Data Checks"]);
    expect(p.replace).toEqual(["Directions Summary"]);
  });
});

import { parseA1 } from "../../../src/core/grid";
import { buildDataChecks, FINDING_COLUMNS } from "../../../src/core/summary/data-checks";
import { sheetModelSchema } from "../../../src/core/summary/sheet-model";
import { EMPTY, FINDINGS, GENERATED, OBRIEN, at, find, keyTexts, makeAnalysis, shown } from "./fixture";

const model = () => buildDataChecks(makeAnalysis(), { generatedAt: GENERATED });
const countOf = (m: ReturnType<typeof model>, label: string) => shown(m, `B${parseA1(find(m, label)).row}`);

describe("Data Checks", () => {
  it("counts findings by severity", () => {
    const m = sheetModelSchema.parse(model());
    expect(m.id).toBe("data-checks");
    expect(shown(m, "A1")).toBe("Data Checks");
    const two = makeAnalysis({ findings: [...FINDINGS, { ...FINDINGS[0], cell: "B10" }] });
    const m2 = buildDataChecks(two, { generatedAt: GENERATED });
    expect([countOf(m2, "Errors"), countOf(m2, "Warnings"), countOf(m2, "Info")]).toEqual([2, 1, 1]);
    expect(at(m2, find(m2, "Errors").replace("A", "B"))!.format).toBe("integer");
  });

  it("lists findings in the analysis's order, each cell linked to the cell at fault", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "DataChecksFindings")!;
    expect(t.columns).toEqual([...FINDING_COLUMNS]);
    expect(t.dataRows).toBe(3);
    const r = t.headerRow + 1;
    expect([..."ABDE"].map((c) => shown(m, `${c}${r}`))).toEqual(["Error", OBRIEN, "missing-field", FINDINGS[0].message]);
    expect(at(m, `C${r}`)!.content).toEqual({ kind: "link", text: "B9", sheet: OBRIEN, cell: "B9" });
    expect(at(m, `E${r}`)!.style?.wrap).toBe(true);
    expect([1, 2].map((i) => shown(m, `A${r + i}`))).toEqual(["Warning", "Info"]);
    expect(at(m, `C${r + 1}`)!.content).toMatchObject({ sheet: "Directions", cell: "C8" });
    expect(m.freezeRows).toBe(t.headerRow);
    expect(m.print.repeatRows).toEqual({ from: t.headerRow, to: t.headerRow });
  });

  it('says "No problems found" when there are no findings', () => {
    const m = sheetModelSchema.parse(buildDataChecks(EMPTY(), { generatedAt: GENERATED }));
    const t = m.tables.find((x) => x.name === "DataChecksFindings")!;
    expect(t.dataRows).toBe(0);
    expect(shown(m, `A${t.headerRow + 1}`)).toBe("No problems found");
    expect([countOf(m, "Errors"), countOf(m, "Warnings"), countOf(m, "Info")]).toEqual([0, 0, 0]);
  });

  it("shows notes about the run above the findings", () => {
    const m = buildDataChecks(makeAnalysis({ notes: ["Saved settings ignored: they are not readable JSON."] }), { generatedAt: GENERATED });
    const note = find(m, "Note: Saved settings ignored: they are not readable JSON.");
    const t = m.tables.find((x) => x.name === "DataChecksFindings")!;
    expect(parseA1(note).row).toBeLessThan(t.headerRow);
  });

  it("carries the key", () => {
    const all = keyTexts(model());
    expect(all).toContain("Key");
    expect(all).toContain("Progress at or above 90%");
  });
});

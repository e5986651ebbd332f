import { parseA1 } from "../../../src/core/grid";
import { RAGS } from "../../../src/core/records";
import { RAG_STYLES, formatDateTimeUk } from "../../../src/core/summary/layout";
import { buildRecoverySummary, RECOVERY_ACTION_COLUMNS } from "../../../src/core/summary/recovery-summary";
import { MARKER_PREFIX, sheetModelSchema } from "../../../src/core/summary/sheet-model";
import { EMPTY, GENERATED, OBRIEN, at, find, keyTexts, makeAnalysis, shown } from "./fixture";

const model = () => buildRecoverySummary(makeAnalysis(), { generatedAt: GENERATED });

/** A cell's address relative to another: `E` column of the row of `address`. */
const sameRow = (address: string, col: string) => `${col}${parseA1(address).row}`;

describe("Recovery Summary", () => {
  it("is a valid sheet model with its marker two columns past the widest column", () => {
    const m = sheetModelSchema.parse(model());
    expect(m.id).toBe("recovery-summary");
    expect(m.name).toBe("Recovery Summary");
    expect(m.marker).toBe(`${MARKER_PREFIX}recovery-summary`);
    const widest = Math.max(...m.cells.map((c) => c.col));
    expect(m.markerCell).toEqual({ row: 1, col: widest + 2 });
    expect(widest).toBe(10); // Source column J
  });

  it("shows the title, when generated (London time), the as-at date and the source sheet count", () => {
    const m = model();
    expect(shown(m, "A1")).toBe("Recovery Summary");
    expect(at(m, "A1")!.style).toMatchObject({ bold: true });
    expect(shown(m, "A2")).toBe("Generated");
    expect(shown(m, "B2")).toBe("21/03/2024 14:05");
    expect(shown(m, "A3")).toBe("As at");
    expect(at(m, "B3")).toMatchObject({ content: { kind: "date", iso: "2024-03-21" }, format: "date" });
    expect(shown(m, "A4")).toBe("Source sheets");
    // Two forms, a register and a directions sheet; the unrecognised Notes sheet is not a source.
    expect(at(m, "B4")).toMatchObject({ content: { kind: "number", value: 4 }, format: "integer" });
  });

  it("gives generated times in British Summer Time when it applies", () => {
    expect(formatDateTimeUk(new Date("2024-07-01T13:05:00Z"))).toBe("01/07/2024 14:05");
    expect(formatDateTimeUk(new Date("2024-12-31T23:59:00Z"))).toBe("31/12/2024 23:59");
    expect(formatDateTimeUk(new Date("2024-03-31T00:30:00Z"))).toBe("31/03/2024 00:30");
  });

  it("shows headline totals in pounds with the money and percent formats", () => {
    const m = model();
    // Counted actions: 448,000 + 50,000 + 940,000 + 277,000.50 + 0 (the repeated RA-01 line is not counted).
    const total = at(m, sameRow(find(m, "Total value"), "E"))!;
    expect(total).toMatchObject({ content: { kind: "number", value: 1_715_000.5 }, format: "money" });
    expect(at(m, sameRow(find(m, "Target"), "E"))).toMatchObject({ content: { value: 4_500_000 }, format: "money" });
    expect(at(m, sameRow(find(m, "Gap to target"), "E"))).toMatchObject({ content: { value: 2_784_999.5 }, format: "money" });
    expect(at(m, sameRow(find(m, "Coverage of target"), "E"))).toMatchObject({ content: { value: 0.3811 }, format: "percent" });
    expect(at(m, sameRow(find(m, "Forecast total"), "E"))).toMatchObject({ content: { value: 1_120_000 }, format: "money" });
    expect(at(m, sameRow(find(m, "Achieved to date"), "E"))).toMatchObject({ content: { value: 50_000 }, format: "money" });
  });

  it('says "Not set" where no target is set', () => {
    const m = buildRecoverySummary(makeAnalysis({ settings: { targetPence: null } }), { generatedAt: GENERATED });
    for (const label of ["Target", "Gap to target", "Coverage of target"]) {
      expect(shown(m, sameRow(find(m, label), "E"))).toBe("Not set");
    }
  });

  it("lists counted actions in an Excel table with exactly the spec's columns", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "RecoveryActions")!;
    expect(t.columns).toEqual([...RECOVERY_ACTION_COLUMNS]);
    expect(t.firstCol).toBe(1);
    expect(t.dataRows).toBe(5);
    expect(t.totalsRow).toBe(true);
    RECOVERY_ACTION_COLUMNS.forEach((h, i) => expect(at(m, `${"ABCDEFGHIJ"[i]}${t.headerRow}`)?.content).toEqual({ kind: "text", text: h }));
    const refs = [1, 2, 3, 4, 5].map((i) => shown(m, `A${t.headerRow + i}`));
    expect(refs).toEqual(["RA-01", "RA-04", "RA-02", "RA-03", "RA-05"]);

    const r = t.headerRow + 1;
    expect(shown(m, `B${r}`)).toBe("Reduce agency spend");
    expect(shown(m, `C${r}`)).toBe("Jane O'Brien");
    expect(shown(m, `D${r}`)).toBe("Care at Home");
    expect(at(m, `E${r}`)).toMatchObject({ content: { kind: "number", value: 448_000 }, format: "money" });
    expect(shown(m, `F${r}`)).toBe("High");
    expect(shown(m, `G${r}`)).toBe("Red");
    expect(shown(m, `H${r}`)).toBe("High risk of not delivering");
    expect(at(m, `H${r}`)!.style?.wrap).toBe(true);
    expect(at(m, `I${r}`)).toMatchObject({ content: { kind: "date", iso: "2024-03-31" }, format: "date" });
    // A register line without a title shows its description as the action.
    expect(shown(m, `B${r + 2}`)).toBe("Prescribing efficiencies");
    // An action without a valid value leaves its value cell empty (it adds 0 to the total).
    expect(at(m, `E${r + 4}`)).toBeUndefined();
  });

  it("links each action to its source cell, with the sheet name raw in the link", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "RecoveryActions")!;
    expect(at(m, `J${t.headerRow + 1}`)!.content).toEqual({ kind: "link", text: "'O''Brien''s Actions'!D7", sheet: OBRIEN, cell: "D7" });
    expect(at(m, `J${t.headerRow + 3}`)!.content).toEqual({ kind: "link", text: "Register!C5", sheet: "Register", cell: "C5" });
  });

  it("totals the value column with SUBTOTAL over the plain range, cached as the engine's total", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "RecoveryActions")!;
    const first = t.headerRow + 1;
    const last = t.headerRow + t.dataRows;
    const totalCell = at(m, `E${last + 1}`)!;
    expect(totalCell.content).toEqual({ kind: "formula", formula: `SUBTOTAL(109,E${first}:E${last})`, result: 1_715_000.5 });
    expect(totalCell.format).toBe("money");
    expect(shown(m, `A${last + 1}`)).toBe("Total");
    // The cached result is what Excel would compute from the cells written.
    let sum = 0;
    for (let r = first; r <= last; r++) {
      const c = at(m, `E${r}`);
      if (c?.content.kind === "number") sum += c.content.value;
    }
    expect(sum).toBeCloseTo(1_715_000.5, 6);
  });

  it("says below the table where the uncounted register repeat went", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "RecoveryActions")!;
    const note = shown(m, `A${t.headerRow + t.dataRows + 2}`);
    expect(note).toContain("Register!C7");
    expect(note).toContain("RA-01");
    expect(note).toMatch(/counted once/);
  });

  it("fills every RAG cell with its colour and writes its word", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "RecoveryActions")!;
    const seen = new Set<string>();
    for (let r = t.headerRow + 1; r <= t.headerRow + t.dataRows; r++) {
      const c = at(m, `G${r}`)!;
      const rag = RAGS.find((x) => RAG_STYLES[x].word === shown(m, `G${r}`))!;
      expect(rag).toBeDefined();
      expect(c.style).toMatchObject({ fill: RAG_STYLES[rag].fill, color: RAG_STYLES[rag].color });
      seen.add(rag);
    }
    expect([...seen].sort()).toEqual([...RAGS].sort());
  });

  it("uses distinct fills, each with dark text of at least 7:1 contrast", () => {
    const lum = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fills = new Set(RAGS.map((r) => RAG_STYLES[r].fill));
    expect(fills.size).toBe(5);
    for (const r of RAGS) {
      const [a, b] = [lum(RAG_STYLES[r].fill), lum(RAG_STYLES[r].color)];
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(7);
    }
  });

  it("breaks the total down by service area (with share), risk level and RAG", () => {
    const m = model();
    const sa = m.tables.find((x) => x.name === "RecoveryByServiceArea")!;
    expect(sa.columns).toEqual(["Lead Service Area", "Actions", "Value (£)", "Share"]);
    const row = (r: number) => ["B", "C", "D", "E"].map((c) => shown(m, `${c}${r}`));
    // Largest value first; "care at home" folds into "Care at Home".
    expect(row(sa.headerRow + 1)).toEqual(["Prescribing", 2, 940_000, 0.5481]);
    expect(row(sa.headerRow + 2)).toEqual(["Care at Home", 2, 725_000.5, 0.4227]);
    expect(row(sa.headerRow + 3)).toEqual(["Mental Health", 1, 50_000, 0.0292]);
    expect(at(m, `E${sa.headerRow + 1}`)!.format).toBe("percent");

    const risk = m.tables.find((x) => x.name === "RecoveryByRisk")!;
    const riskRows = [1, 2, 3, 4].map((i) => ["B", "C", "D"].map((c) => shown(m, `${c}${risk.headerRow + i}`)));
    expect(riskRows).toEqual([
      ["High", 1, 448_000],
      ["Medium", 1, 940_000],
      ["Low", 2, 327_000.5],
      ["Not given", 1, 0],
    ]);

    const rag = m.tables.find((x) => x.name === "RecoveryByRag")!;
    expect(rag.dataRows).toBe(5);
    expect(shown(m, `B${rag.headerRow + 1}`)).toBe("Red");
    expect(at(m, `B${rag.headerRow + 1}`)!.style?.fill).toBe(RAG_STYLES.red.fill);
  });

  it("leaves Blue out of the RAG breakdown when BRAG is off and nothing is blue", () => {
    const actions = makeAnalysis().recovery.actions.map((a) => (a.rag === "blue" ? { ...a, rag: "green" as const } : a));
    const m = buildRecoverySummary(makeAnalysis({ actions, settings: { brag: false } }), { generatedAt: GENERATED });
    const rag = m.tables.find((x) => x.name === "RecoveryByRag")!;
    expect(rag.dataRows).toBe(4);
    const words = [1, 2, 3, 4].map((i) => shown(m, `B${rag.headerRow + i}`));
    expect(words).toEqual(["Red", "Amber", "Green", "Grey"]);
  });

  it("sets print and freeze so the sheet reads as a board paper", () => {
    const m = model();
    const t = m.tables.find((x) => x.name === "RecoveryActions")!;
    expect(m.freezeRows).toBe(t.headerRow);
    expect(m.print).toEqual({
      orientation: "landscape",
      fitToPagesWide: 1,
      repeatRows: { from: t.headerRow, to: t.headerRow },
      footer: "Page &P of &N",
      header: "Recovery Summary",
    });
    expect(m.columnWidths.map((w) => w.col)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("carries a key that reflects the thresholds, BRAG and target in force", () => {
    const on = keyTexts(buildRecoverySummary(makeAnalysis({ settings: { greenThreshold: 85, amberThreshold: 60 } }), { generatedAt: GENERATED }));
    expect(on).toContain("Key");
    expect(on).toContain("Progress at or above 85%");
    expect(on).toContain("Progress at or above 60% and below 85%");
    expect(on).toContain("Progress below 60%");
    expect(on).toContain("Forecast at or above 95% of the recovery value");
    expect(on).toContain("Forecast at or above 75% and below 95% of the recovery value");
    expect(on).toContain("Savings target: £4,500,000.");
    expect(on).toContain("As-at date: 21/03/2024 (a target date before this is overdue).");
    expect(on.some((t) => t.startsWith("BRAG: on"))).toBe(true);
    expect(on).toContain("Complete: progress is 100%");
    expect(on).toContain("Blue");

    const off = buildRecoverySummary(makeAnalysis({ settings: { brag: false, targetPence: null } }), { generatedAt: GENERATED });
    const offTexts = keyTexts(off);
    expect(offTexts.some((t) => t.startsWith("BRAG: off"))).toBe(true);
    expect(offTexts).not.toContain("Complete: progress is 100%");
    expect(offTexts).not.toContain("Blue");
    expect(offTexts).toContain("Savings target: not set.");
    // In the key, the colour cell sits beside its rule.
    const keyRow = parseA1(find(off, "Progress below 70%")).row;
    expect(at(off, `A${keyRow}`)).toMatchObject({ content: { text: "Red" }, style: { fill: RAG_STYLES.red.fill } });
    // With BRAG off a delivered action is shown green in the key.
    const delivered = parseA1(find(off, "Delivered: achieved to date is at or above the recovery value")).row;
    expect(shown(off, `A${delivered}`)).toBe("Green");
  });

  it("gives a valid model with 0-row tables and None lines for an empty analysis", () => {
    const m = sheetModelSchema.parse(buildRecoverySummary(EMPTY(), { generatedAt: GENERATED }));
    const t = m.tables.find((x) => x.name === "RecoveryActions")!;
    expect(t.dataRows).toBe(0);
    expect(t.totalsRow).toBe(false);
    expect(shown(m, `A${t.headerRow + 1}`)).toMatch(/^None/);
    expect(m.cells.some((c) => c.content.kind === "formula")).toBe(false);
    expect(shown(m, sameRow(find(m, "Total value"), "E"))).toBe(0);
    const sa = m.tables.find((x) => x.name === "RecoveryByServiceArea")!;
    expect(sa.dataRows).toBe(0);
    expect(shown(m, `B${sa.headerRow + 1}`)).toBe("None");
  });
});

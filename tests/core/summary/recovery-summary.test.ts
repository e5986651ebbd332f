import { buildRecoverySummary } from "../../../src/core/summary/recovery-summary";
import { RAG_STYLES } from "../../../src/core/summary/style";
import { recoveryParagraph } from "../../../src/core/summary/paragraphs";
import type { SheetModel } from "../../../src/core/summary/sheet-model";
import { ACTIONS, GENERATED, OBRIEN, at, find, keyTexts, makeAnalysis, shown, texts } from "./fixture";
import { expectSoundLayout, pageOf } from "./sound-layout";
import { parseA1 } from "../../../src/core/grid";
import { modelCells } from "../../../src/core/summary/model-cells";
import { mergeList } from "../../../src/core/summary/model-merges";

const build = (over: Parameters<typeof makeAnalysis>[0] = {}) => buildRecoverySummary(makeAnalysis(over), { generatedAt: GENERATED });
const rowOf = (m: SheetModel, text: string) => parseA1(find(m, text)).row;

describe("Recovery Summary: the first page at a glance", () => {
  const m = build({ settings: { organisation: "Midlothian IJB" } });

  it("opens with the title, the organisation and the as-at line", () => {
    expect(shown(m, "A2")).toBe("Recovery Summary");
    expect(shown(m, "A3")).toBe("Midlothian IJB");
    expect(shown(m, "A4")).toBe("As at 21/03/2024 · from 4 source sheets · generated 21/03/2024 14:05");
  });

  it("gives the headline figures as numbers in the tables' own formats, in larger type", () => {
    const total = modelCells(m).find((c) => c.content.kind === "number" && c.content.value === 1_715_000.5 && c.style?.size === 18)!;
    expect(total.format).toBe("money");
    const coverage = modelCells(m).find((c) => c.format === "percent1" && c.style?.size === 18)!;
    expect(coverage.content).toEqual({ kind: "number", value: 0.3811 });
    expect(pageOf(m, total.row)).toBe(1);
  });

  it("shows the RAG spread as coloured cells with the word and the counts", () => {
    for (const [rag, words] of [["red", "Red: 1 action · £448,000"], ["amber", "Amber: 1 action · £277,001"], ["blue", "Blue: 1 action · £50,000"], ["grey", "Grey: 1 action · £0"]] as const) {
      const c = modelCells(m).find((x) => x.content.kind === "text" && x.content.text === words)!;
      expect(c.style?.fill).toBe(RAG_STYLES[rag].fill);
      expect(pageOf(m, c.row)).toBe(1);
    }
  });

  it("says it in a paragraph whose figures read as the tables show them", () => {
    const words =
      "5 recovery actions (1 without a valid value) are worth £1,715,001 against a target of £4,500,000, leaving a gap of £2,785,000 (38.1% covered). " +
      "1 action worth £448,000 is rated Red, for high risk of not delivering. 1 is Grey: there is not enough data to rate it. " +
      "Forecasts given total £1,120,000 and £50,000 is achieved to date.";
    expect(recoveryParagraph(makeAnalysis())).toBe(words);
    expect(pageOf(m, rowOf(m, words))).toBe(1);
  });

  it("writes the spec's own example sentence for the sample's figures", () => {
    const actions = [
      ...Array.from({ length: 3 }, (_, i) => ({ ...ACTIONS[0], ref: `R${i}`, cell: `D${i + 1}`, valuePence: [44_800_000, 94_000_000, 90_000_000][i] })),
      ...Array.from({ length: 9 }, (_, i) => ({ ...ACTIONS[2], ref: `G${i}`, cell: `E${i + 1}`, valuePence: i === 0 ? 164_700_000 - 8 * 0 : 0, rag: "green" as const })),
    ];
    actions.forEach((a, i) => { if (i >= 4) a.valuePence = 0; });
    actions[3].valuePence = 164_700_000;
    const p = recoveryParagraph(makeAnalysis({ actions, settings: { targetPence: 450_000_000 } }));
    expect(p).toMatch(/^12 recovery actions are worth £3,935,000 against a target of £4,500,000, leaving a gap of £565,000 \(87\.4% covered\)\. 3 actions worth £2,288,000 are rated Red, all for high risk of not delivering\./);
  });

  it("puts the small tables on the first page, each whole, numbers right-aligned", () => {
    const area = rowOf(m, "By lead service area");
    expect(pageOf(m, area)).toBe(1);
    expect(mergeList(m.merges)).toContainEqual({ top: area + 2, left: 1, bottom: area + 2, right: 2 }); // the name spans A:B
    expect(at(m, `A${area + 1}`)?.content).toEqual({ kind: "text", text: "Lead Service Area" });
    expect(at(m, `D${area + 1}`)?.style?.align).toBe("right");
    expect(texts(m)).toContain("All service areas");
    expect(texts(m)).toContain("By risk level");
  });
});

describe("Recovery Summary: the table of actions", () => {
  const m = build();
  const t = m.tables.find((x) => x.name === "RecoveryActions")!;

  it("lists the counted actions with the spec's columns, on a page of its own, its header repeated", () => {
    expect(t.columns).toEqual(["Ref", "Action", "Exec Lead", "Lead Service Area", "Recovery Value (£)", "Risk Level", "RAG", "RAG Reason", "Plan Date", "Source"]);
    expect(t.dataRows).toBe(5);
    expect(m.print.repeatRows).toEqual({ from: t.headerRow, to: t.headerRow });
    expect(pageOf(m, t.headerRow)).toBeGreaterThan(1);
    expect(pageOf(m, t.headerRow - 1)).toBe(pageOf(m, t.headerRow));
    expect(shown(m, `E${t.headerRow + t.dataRows + 1}`)).toBe(`=SUBTOTAL(109,E${t.headerRow + 1}:E${t.headerRow + t.dataRows})`);
  });

  it("gives sources in words, still linked to the cell", () => {
    const c = at(m, `J${t.headerRow + 1}`)!;
    expect(c.content).toEqual({ kind: "link", text: `${OBRIEN}, cell D7`, sheet: OBRIEN, cell: "D7" });
    expect(texts(m).some((x) => x.includes("'!"))).toBe(false);
  });

  it("keeps reconciliation notes for the finance team off the board's page", () => {
    expect(texts(m).some((x) => /repeats the ref/i.test(x))).toBe(false);
  });

  it("explains the recovery rules only in its key, after the table", () => {
    const key = keyTexts(m);
    expect(key).toContain("Forecast below 75% of the recovery value");
    expect(key.some((x) => /Progress at or above/.test(x))).toBe(false);
    expect(rowOf(m, "Key")).toBeGreaterThan(t.headerRow + t.dataRows);
  });

  it("is laid out soundly", () => expectSoundLayout(m));
});

describe("Recovery Summary: the banner", () => {
  it("opens with 'Not final' in bold on a light fill exactly when there are errors", () => {
    const m = build();
    expect(shown(m, "A1")).toBe("Not final: 1 error in the source sheets. See Data Checks.");
    expect(at(m, "A1")?.style).toMatchObject({ bold: true, fill: "FFC7CE" });
  });

  it("gives a quieter line for warnings alone, and nothing for a clean workbook", () => {
    const warn = build({ findings: [{ severity: "warning", code: "zero-value", sheet: "Register", cell: "C5", message: "Zero" }] });
    expect(shown(warn, "A1")).toMatch(/^1 warning in the source sheets/);
    expect(at(warn, "A1")?.style?.bold).toBeFalsy();
    expect(at(warn, "A1")?.style?.fill).toBeUndefined();
    const clean = build({ findings: [] });
    expect(shown(clean, "A1")).toBe("Recovery Summary");
    expect(texts(clean).some((x) => /Not final/.test(x))).toBe(false);
  });
});

describe("Recovery Summary: print setup", () => {
  it("is A4 landscape, one page wide, narrow margins, with the header and footer the spec gives", () => {
    const m = build({ settings: { organisation: "Smith & Jones IJB" } });
    expect(m.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToPagesWide: 1, margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75 } });
    expect(m.print.header.left).toMatch(/Smith && Jones IJB · Recovery Summary$/);
    expect(m.print.header.right).toMatch(/As at 21\/03\/2024$/);
    expect(m.print.footer.left).toMatch(/&F · generated 21\/03\/2024 14:05$/);
    expect(m.print.footer.right).toMatch(/Page &P of &N$/);
  });

  it("stays sound with long text, many actions and no target", () => {
    const long = "A very long action title that goes on and on about the reablement service and its many partners across the whole partnership area";
    const actions = Array.from({ length: 60 }, (_, i) => ({ ...ACTIONS[2], ref: `RA-${i}`, cell: `C${i + 5}`, description: long, serviceArea: `Service area number ${i % 15}` }));
    const m = build({ actions, settings: { targetPence: null } });
    expectSoundLayout(m);
    expect(m.pageBreaks.length).toBeGreaterThan(3);
  });
});

/**
 * The action plan's cell grammars (action-plans-and-risks.md §10): due dates, progress words,
 * refs, and the stated RAG as a word or a fill colour. Expectations are the spec's examples
 * and seeds 003 and 004's real cells.
 */
import { leadingRef } from "../../../src/core/readers/action-plan/action-ref";
import { parseDueDate } from "../../../src/core/readers/action-plan/due-date";
import { ragOfFill } from "../../../src/core/readers/action-plan/fill-colour";
import { readProgressWords } from "../../../src/core/readers/action-plan/progress-words";
import { ragOfWord, readStatedRag } from "../../../src/core/readers/action-plan/stated-rag";
import { findingsOn } from "../../../src/core/findings";
import type { Cell } from "../../../src/core/snapshot";

const cell = (value: Cell["value"], more: Partial<Cell> = {}): Cell => ({ row: 7, col: 5, value, ...more });
const due = (raw: Parameters<typeof parseDueDate>[0]) => parseDueDate(raw);

describe("due dates (§10)", () => {
  it.each([
    // Month only (§1): the last day of the month, as seed 003 writes them.
    ["Dec 2018", "2018-12-31"],
    ["Sept 2018", "2018-09-30"],
    ["July 2018", "2018-07-31"],
    ["Feb 2020", "2020-02-29"],
    ["March 2019", "2019-03-31"],
    // A leading `By` or `End of`, any case (seed 004's phase 3).
    ["By March 2019", "2019-03-31"],
    ["by march 2019", "2019-03-31"],
    ["End of March 2019", "2019-03-31"],
    ["END OF march 2019", "2019-03-31"],
    ["By 31/03/2019", "2019-03-31"],
    // UK financial quarters: Q1 ends 30 June, Q4 ends 31 March of the following year.
    ["Q1 2024/25", "2024-06-30"],
    ["Q2 2024/25", "2024-09-30"],
    ["Q3 2024/25", "2024-12-31"],
    ["Q4 2024/25", "2025-03-31"],
    ["Q4 24/25", "2025-03-31"],
    ["q1 2024-25", "2024-06-30"],
    ["End of Q3 2019/20", "2019-12-31"],
    ["By Q4 2019/20", "2020-03-31"],
    // Financial years end on 31 March.
    ["2019/20", "2020-03-31"],
    ["2019-20", "2020-03-31"],
    ["2019/2020", "2020-03-31"],
    // §1's other forms.
    ["31/12/2018", "2018-12-31"],
    ["21 March 2024", "2024-03-21"],
  ])("reads %s as %s", (text, iso) => {
    expect(due(text)).toEqual({ status: "ok", iso, note: null });
  });

  it("reads a date cell as the date it holds", () => {
    expect(due(cell(43465, { format: "dd/mm/yyyy" }))).toEqual({ status: "ok", iso: "2018-12-31", note: null });
  });

  it("keeps a trailing bracketed note: March 2018 (and ongoing) is 31/03/2018, note 'and ongoing'", () => {
    expect(due("March 2018 (and ongoing)")).toEqual({ status: "ok", iso: "2018-03-31", note: "and ongoing" });
    expect(due("June 2018 (and ongoing)")).toEqual({ status: "ok", iso: "2018-06-30", note: "and ongoing" });
    expect(due("End of Q3 2019/20 (revised)")).toEqual({ status: "ok", iso: "2019-12-31", note: "revised" });
  });

  it.each(["TBC", "tbc", "TBA", "Ongoing", "N/A", "n/a", "To be confirmed", "TBC (awaiting funding)"])("reads %s as no due date yet", (text) => {
    expect(due(text)).toEqual({ status: "unknown", text });
  });

  it("reads a blank cell as empty", () => {
    expect(due("")).toEqual({ status: "empty" });
    expect(due(cell(null))).toEqual({ status: "empty" });
  });

  it.each([
    ["Q3", /quarter without its year/],
    ["Q4 2024", /not its financial year/],
    ["Q4 2024/26", /not a quarter of a financial year/],
    ["2019/21", /not a financial year/],
    ["03/21/2024", /US month\/day order/],
    ["31/02/2024", /February 2024 has 29 days/],
    ["Soon", /is not a due date: use a date such as 31\/03\/2025, a month \(March 2025\), a quarter \(Q4 2024\/25\)/],
    ["Q5 2024/25", /is not a due date/],
  ])("refuses %s, saying what would be right", (text, reason) => {
    const r = due(text);
    expect(r.status).toBe("invalid");
    if (r.status === "invalid") expect(r.reason).toMatch(reason);
  });

  it("passes an Excel error on as an error", () => {
    expect(due(cell(null, { error: "#REF!" }))).toEqual({ status: "error", error: "#REF!" });
  });
});

describe("progress words (§10)", () => {
  const status = (v: Cell["value"], more: Partial<Cell> = {}) => readProgressWords(cell(v, more));

  it.each([
    ["Completed", "complete"],
    ["Complete", "complete"],
    ["Completed and ongoing", "complete"],
    ["Completed - ongoing", "complete"],
    ["Done", "complete"],
    ["Achieved", "complete"],
    ["Delivered", "complete"],
    ["Closed", "complete"],
    ["100%", "complete"],
    ["Delayed", "at-risk"],
    ["Behind schedule", "at-risk"],
    ["At risk", "at-risk"],
    ["Slipped", "at-risk"],
    ["Slippage", "at-risk"],
    ["On hold", "at-risk"],
    ["Paused", "at-risk"],
    ["Stalled", "at-risk"],
    ["Off track", "at-risk"],
    ["Not started", "not-started"],
    ["Not yet started", "not-started"],
    ["Planned", "not-started"],
    ["0%", "not-started"],
    ["In progress", "in-progress"],
    ["In progress.", "in-progress"],
    ["In progress – training booked.", "in-progress"],
    ["In progress – applications received", "in-progress"],
    ["In hand", "in-progress"],
    ["Ongoing", "in-progress"],
    ["On track", "in-progress"],
    ["Underway", "in-progress"],
    ["Started", "in-progress"],
    ["1%", "in-progress"],
    ["99%", "in-progress"],
    ["50% - on track", "in-progress"],
    ["IN PROGRESS", "in-progress"],
  ])("reads '%s' as %s", (text, expected) => {
    expect(status(text)).toEqual({ status: expected, words: text.replace(/\s+/g, " ").trim(), problem: null });
  });

  it("reads a percent-formatted number cell as a percentage", () => {
    expect(status(0.5, { format: "0%" })).toMatchObject({ status: "in-progress", words: "50%" });
    expect(status(1, { format: "0%" })).toMatchObject({ status: "complete" });
    expect(status(0, { format: "0%" })).toMatchObject({ status: "not-started" });
  });

  it("reads blank as not reported, with no problem", () => {
    expect(status(null)).toEqual({ status: "not-reported", words: null, problem: null });
  });

  it("reads other words as not reported and unclear (a word that only begins like one is not it)", () => {
    expect(status("Awaiting sign-off")).toEqual({ status: "not-reported", words: "Awaiting sign-off", problem: "unclear" });
    expect(status("Startedness")).toMatchObject({ problem: "unclear" });
    expect(status("Doneish")).toMatchObject({ problem: "unclear" });
  });

  it("reads a percentage outside 0–100 as out of range, not reported", () => {
    expect(status("120%")).toEqual({ status: "not-reported", words: "120%", problem: "out-of-range", percent: 120 });
    expect(status(1.5, { format: "0%" })).toMatchObject({ problem: "out-of-range", percent: 150 });
    expect(status("-5%")).toMatchObject({ problem: "out-of-range", percent: -5 });
  });
});

describe("refs from the action's text (§10)", () => {
  it.each([
    ["6.1 Commission external OD resource to develop a robust training programme", "6.1", "Commission external OD resource to develop a robust training programme"],
    ["6.1.2 Sub-action", "6.1.2", "Sub-action"],
    ["7. Review of SOs", "7", "Review of SOs"],
    ["3) Agree the plan", "3", "Agree the plan"],
    ["8.2 - 100% of governance breaches investigated", "8.2", "100% of governance breaches investigated"],
  ])("%s has ref %s", (text, ref, rest) => {
    expect(leadingRef(text)).toEqual({ ref, rest });
  });

  it.each(["12 month review", "6.1Commission", "Review 6.1 first", "2018 plan"])("%s has no ref", (text) => {
    expect(leadingRef(text)).toBeNull();
  });
});

describe("the stated RAG as a word (§10)", () => {
  it.each([
    ["Red", "red"],
    ["RED", "red"],
    ["R", "red"],
    ["Amber", "amber"],
    ["a", "amber"],
    ["Green", "green"],
    ["G", "green"],
    ["Blue", "blue"],
    ["B", "blue"],
    ["Grey", "grey"],
    ["Gray", "grey"],
    ["Complete", "blue"],
  ])("%s is %s", (word, rag) => {
    expect(ragOfWord(word)).toBe(rag);
  });

  it("raises invalid-rag for other text and reads no RAG from it, even over a fill", () => {
    const { findings, raise } = findingsOn("Plan");
    expect(readStatedRag(cell("Yellow", { fill: "FFFF00" }), "H7", raise)).toBeNull();
    expect(findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["invalid-rag@H7"]);
    expect(findings[0].message).toBe("'Yellow' is not a RAG rating, so no stated RAG is read from this cell: write Red, Amber, Green, Blue or Grey (or R, A, G, B).");
  });

  it("reads a word without a colour-only note", () => {
    const { findings, raise } = findingsOn("Plan");
    expect(readStatedRag(cell("Green", { fill: "FF0000" }), "H7", raise)).toEqual({ rag: "green", by: "word" });
    expect(findings).toEqual([]);
  });
});

describe("the stated RAG as a fill colour (§10: HSL)", () => {
  it.each([
    // Excel's standard colours.
    ["FF0000", "red"],
    ["C00000", "red"],
    ["FFFF00", "amber"],
    ["FFC000", "amber"],
    ["ED7D31", "amber"],
    ["92D050", "green"],
    ["00B050", "green"],
    ["0070C0", "blue"],
    ["00B0F0", "blue"],
    ["002060", "blue"],
    // Saturation below 15% is grey.
    ["808080", "grey"],
    ["A6A6A6", "grey"],
    ["D9D9D9", "grey"],
    // Theme tints, as hosts resolve them into `fill`: Green, Accent 6, Lighter 40% is A9D08E.
    ["A9D08E", "green"],
    ["F8CBAD", "amber"],
  ])("%s is %s", (fill, rag) => {
    expect(ragOfFill(fill)).toBe(rag);
  });

  it.each(["FFFFFF", "FEFEFE", "000000", "0D0D0D", "191919"])("%s (near white or near black) is no stated RAG", (fill) => {
    expect(ragOfFill(fill)).toBeNull();
  });

  it("puts the lightness boundaries exactly at 95% and 10%", () => {
    // F2F2F2 is 94.9% light: not above 95%, so a (grey) colour; F3F3F3 is 95.3%: none.
    expect(ragOfFill("F2F2F2")).toBe("grey");
    expect(ragOfFill("F3F3F3")).toBeNull();
    // 1A1A1A is 10.2% light: a colour; 191919 is 9.8%: none.
    expect(ragOfFill("1A1A1A")).toBe("grey");
  });

  it("puts the saturation boundary at 15%", () => {
    // 738C8C: l = 50.0%, s ≈ 9.8%: grey; 5C8C8C: s ≈ 20.7%: a hue (186°, nearest blue 220°).
    expect(ragOfFill("738C8C")).toBe("grey");
    expect(ragOfFill("5C8C8C")).toBe("blue");
  });

  it("is no stated RAG without a fill", () => {
    expect(ragOfFill(undefined)).toBeNull();
  });

  it("reads a fill only where the cell holds no text, with rag-colour-only at that cell", () => {
    const { findings, raise } = findingsOn("Plan");
    expect(readStatedRag(cell(null, { fill: "FFC000" }), "H9", raise)).toEqual({ rag: "amber", by: "fill" });
    expect(findings.map((f) => [f.code, f.cell, f.severity])).toEqual([["rag-colour-only", "H9", "info"]]);
    expect(findings[0].message).toMatch(/read as Amber.*write the word Amber in the cell too\.$/);
  });
});

/**
 * The directions report (§5) and its RAG (§6) as other board secretaries lay it out:
 * `No.` and `Ref` headers, `Source?`, number-cell Nos, percent-formatted progress, themes
 * with outcome statements, a header repeated per theme, a block with no heading, a
 * two-row header, continuation rows, `by` dates in the text and (ignored) in the measures.
 */
import ExcelJS from "exceljs";
import { check, cleanUp, codesOn, rows } from "./builder";

afterAll(cleanUp);

const HEADER = ["No.", "Direction", "Measure and metric", "Progress at half-year 2023/24", "Source?"];

async function mainSheet() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Directions 23-24");
  rows(ws, 1, [
    ["Midlothian IJB Directions 2023/24"],
    ["Health & Wellbeing"],
    ["People are able to look after and improve their own health and wellbeing and live in good health for longer."],
    HEADER,
    [1.1, "Deliver the falls pathway by 31/03/2024", "• Referrals seen\n• Audit complete by 30/06/2024", { v: 0.57, fmt: "0%" }, "Falls team"],
    [1.2, "Expand the MSK service by March 2024", "- Waiting times", "Complete", "MSK"],
    ["1.3", "Review by January 2024 then report by March 2024", "Report", "75 %", "PMO"],
    [1.4, "Something with no date in it", "Milestone by 01/01/2024", { v: 1.5, fmt: "0%" }, "PMO"],
    [],
    [1.5, "Publish the plan by 31/08/2023", null, "This requires engagement at whole system level.", "PMO"],
    [],
    ["Independent Living."],
    ["Care Homes & Community"],
    ["People using health and social care services have positive experiences of those services, and have their dignity respected."],
    HEADER,
    [{ v: 2.1, fmt: "0.0" }, "Redesign day services by 21 September 2023", "• Plan agreed", 60, "Day services"],
    [null, null, "• Staff consulted", { v: 0.85, fmt: "0%" }, "HR"],
    [{ v: 2.1, fmt: "0.00" }, "A second 2.1 shown as 2.10 by 30 September 2024", "m", { v: 0.555, fmt: "0.0%" }, "PMO"],
    [null, null, "more", 60],
    HEADER,
    ["3.1", "No heading since the last block by March 2025", "m", 89.95, "PMO"],
    [3.2, "Boundary by March 2025", "m", 69.94, "PMO"],
    [3.3, "Boundary by March 2025", "m", 70, "PMO"],
    ["3.3", "Repeat number by March 2025", "m", 90, "PMO"],
  ]);
  return check(wb, "directions.xlsx");
}

describe("a directions sheet with themes, repeats and every kind of progress", () => {
  it("is recognised and names the reporting period after 'Progress at'", async () => {
    const { report } = await mainSheet();
    expect(report.sheets).toEqual([{ name: "Directions 23-24", kind: "directions" }]);
    expect(report.directions.period).toBe("half-year 2023/24");
  });

  it("reads numbers from the displayed text, themes, target dates and progress", async () => {
    const { report } = await mainSheet();
    expect(report.directions.items.map((i) => [i.no, i.row, i.theme, i.dueDate, i.progress])).toEqual([
      ["1.1", 5, "Health & Wellbeing", "2024-03-31", 57],
      ["1.2", 6, "Health & Wellbeing", "2024-03-31", 100],
      // The last `by` date in the direction's text wins.
      ["1.3", 7, "Health & Wellbeing", "2024-03-31", 75],
      // 150% is out of range and not used; the `by` date in the measures is ignored.
      ["1.4", 8, "Health & Wellbeing", null, null],
      ["1.5", 10, "Health & Wellbeing", "2023-08-31", null],
      // Mean of 60 and 85 (0.85 as a percent).
      ["2.1", 16, "Care Homes & Community", "2023-09-21", 72.5],
      // 2.10 is not 2.1: the displayed text is read. Mean of 55.5 and 60 = 57.75, half-up 57.8.
      ["2.10", 18, "Care Homes & Community", "2024-09-30", 57.8],
      ["3.1", 21, null, "2025-03-31", 90],
      ["3.2", 22, null, "2025-03-31", 69.9],
      ["3.3", 23, null, "2025-03-31", 70],
      ["3.3", 24, null, "2025-03-31", 90],
    ]);
  });

  it("rates each direction by the spec's order, thresholds inclusive on rounded figures", async () => {
    const { report } = await mainSheet();
    expect(report.directions.items.map((i) => `${i.no}:${i.rag}`)).toEqual([
      "1.1:red",
      "1.2:green",
      "1.3:amber",
      "1.4:grey",
      "1.5:red",
      // Due on the as-at date itself: not overdue, rated on progress.
      "2.1:amber",
      "2.10:red",
      "3.1:green",
      "3.2:red",
      "3.3:amber",
      "3.3:green",
    ]);
    const overdue = report.directions.items.find((i) => i.no === "1.5")!;
    expect(overdue.ragReason.toLowerCase()).toContain("overdue");
    expect(report.directions.byRag).toEqual({ red: 4, amber: 3, green: 3, blue: 0, grey: 1 });
  });

  it("raises the spec's findings at the right cells, in sheet-row-column-code order", async () => {
    const { report } = await mainSheet();
    expect(codesOn(report, "Directions 23-24")).toEqual([
      "missing-target-date@B8",
      "progress-out-of-range@D8",
      "non-numeric-progress@D10",
      "missing-theme@A20",
      "duplicate-direction@A24",
    ]);
    const sev = Object.fromEntries(report.findings.map((f) => [f.code, f.severity]));
    expect(sev).toMatchObject({
      "missing-target-date": "warning",
      "progress-out-of-range": "error",
      "non-numeric-progress": "warning",
      "missing-theme": "warning",
      "duplicate-direction": "error",
    });
  });

  it("totals per theme: count, reported (narrative and out-of-range excluded), mean progress, RAG", async () => {
    const { report } = await mainSheet();
    expect(report.directions.count).toBe(11);
    expect(report.directions.byTheme).toEqual([
      {
        theme: "Health & Wellbeing",
        count: 5,
        reported: 3,
        // (57 + 100 + 75) / 3 = 77.333…
        averageProgress: 77.3,
        byRag: { red: 2, amber: 1, green: 1, blue: 0, grey: 1 },
      },
      {
        theme: "Care Homes & Community",
        count: 2,
        reported: 2,
        // (72.5 + 57.8) / 2 = 65.15 → 65.2
        averageProgress: 65.2,
        byRag: { red: 1, amber: 1, green: 0, blue: 0, grey: 0 },
      },
      {
        theme: null,
        count: 4,
        reported: 4,
        // (90 + 69.9 + 70 + 90) / 4 = 79.975 → 80.0
        averageProgress: 80,
        byRag: { red: 1, amber: 1, green: 2, blue: 0, grey: 0 },
      },
    ]);
  });
});

describe("a two-row header with a `Ref` column and blocks without headings", () => {
  it("reads measures and progress from the second header row and flags the first header's missing theme", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Directions");
    rows(ws, 1, [
      ["Ref", "Direction", "Performance Measures"],
      [null, null, "Measure", "Progress (%)", "Source"],
      ["4.1", "Open the hub by 1st April 2024", "○ Hub open\n○ Staff in post", 92, "Estates"],
      [{ v: 4.2, fmt: "General" }, "Recruit by Sept 2024", null, null, null],
    ]);
    ws.mergeCells("C1:E1");
    const { report, analysis } = await check(wb);
    expect(report.sheets[0].kind).toBe("directions");
    expect(report.directions.period).toBeNull();
    expect(analysis.directions.items.map((d) => [d.no, d.measures, d.progress, d.dueDate, d.theme])).toEqual([
      ["4.1", ["Hub open", "Staff in post"], 92, "2024-04-01", null],
      ["4.2", [], null, "2024-09-30", null],
    ]);
    expect(report.directions.items.map((i) => i.rag)).toEqual(["green", "grey"]);
    expect(codesOn(report, "Directions")).toEqual(["missing-theme@A1"]);
  });
});

import { SheetGrid } from "../../../src/core/grid";
import type { Cell, Merge } from "../../../src/core/snapshot";
import {
  findDirectionsHeader,
  findDirectionsHeaders,
  readDirections,
  splitMeasures,
  targetDateOf,
} from "../../../src/core/readers/directions";
import { buildDirectionsSeed, SEED_THEMES } from "../../helpers/directions-seed";

type V = string | number | Partial<Omit<Cell, "row" | "col">> | null | undefined;

/** A grid from rows (row 1 first, column A first); blank entries make no cell. */
function g(rows: V[][], merges: Merge[] = [], name = "Directions"): SheetGrid {
  const cells: Cell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === undefined || v === "") return;
      cells.push(typeof v === "object" ? { row: i + 1, col: j + 1, value: v.value ?? null, ...v } : { row: i + 1, col: j + 1, value: v });
    }),
  );
  return new SheetGrid({ name, visibility: "visible", cells, merges });
}

const HEADER: V[] = ["No", "Direction", "Measure", "Progress at half-year 2023/24", "Source"];
const codes = (fs: { code: string; cell: string }[]) => fs.map((f) => `${f.code}@${f.cell}`).sort();

describe("the seed's directions sheet (Midlothian IJB Directions 2023/24, half-year)", () => {
  const seed = buildDirectionsSeed();
  const grid = new SheetGrid(seed.sheet);
  const result = readDirections(grid);
  const byNo = new Map(result.directions.map((d) => [d.no, d]));

  test("reads all 21 directions, in order", () => {
    expect(result.directions.map((d) => d.no)).toEqual([
      "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3",
      "5.1", "5.2", "6.1", "6.2", "7.1", "7.2", "7.3", "8.1", "8.2", "9.1", "9.2",
    ]);
  });

  test("names each direction's theme, and the 9.x block has none", () => {
    const themeOf = (no: string) => byNo.get(no)!.theme;
    expect(themeOf("1.1")).toBe("Health & Wellbeing");
    expect(themeOf("1.2")).toBe("Health & Wellbeing");
    expect(themeOf("2.2")).toBe("Living in the Community");
    expect(themeOf("3.3")).toBe("Positive Experiences & Dignity");
    expect(themeOf("4.3")).toBe("Quality of Life");
    expect(themeOf("5.1")).toBe("Health Inequalities");
    expect(themeOf("6.2")).toBe("Support for Carers");
    expect(themeOf("7.3")).toBe("Safe from Harm");
    expect(themeOf("8.2")).toBe("Workforce");
    expect(themeOf("9.1")).toBeNull();
    expect(themeOf("9.2")).toBeNull();
  });

  test("progress: the figures given, blanks not reported, 7.3 the mean of its two rows", () => {
    const progress = Object.fromEntries(result.directions.map((d) => [d.no, d.progress]));
    expect(progress).toEqual({
      "1.1": 92, "1.2": null, "2.1": null, "2.2": null, "3.1": 92, "3.2": 69, "3.3": null,
      "4.1": null, "4.2": 62, "4.3": 75, "5.1": null, "5.2": null, "6.1": 89, "6.2": null,
      "7.1": 62, "7.2": null, "7.3": 100, "8.1": null, "8.2": null, "9.1": null, "9.2": null,
    });
    expect(byNo.get("9.1")!.narrative).toBe(true);
    expect(result.directions.filter((d) => d.narrative).map((d) => d.no)).toEqual(["9.1"]);
  });

  test("target dates come from the last `by <date>` of the Direction text", () => {
    expect(byNo.get("1.1")!.dueDate).toBe("2024-01-31");
    expect(byNo.get("4.1")!.dueDate).toBe("2024-01-31"); // "by January 2024 in order to …"
    expect(byNo.get("5.1")!.dueDate).toBe("2025-01-31"); // after "by HSCP area" and bullets
    expect(byNo.get("7.3")!.dueDate).toBe("2024-01-31");
    for (const no of ["8.1", "8.2", "9.1", "9.2"]) expect(byNo.get(no)!.dueDate).toBeNull();
  });

  test("the reporting period is named by the Progress heading", () => {
    expect(result.period).toBe("half-year 2023/24");
  });

  test("measures are the bullet points, continuation rows included", () => {
    const expected = new Map(
      SEED_THEMES.flatMap((t) => t.directions).map((d) => [
        d.no,
        [...d.measures, ...(d.continuation?.measures ?? [])].map((m) => m.replace(/^○\s*/, "")),
      ]),
    );
    for (const d of result.directions) expect(d.measures).toEqual(expected.get(d.no));
    expect(byNo.get("4.3")!.measures).toHaveLength(3);
    expect(byNo.get("7.3")!.measures).toHaveLength(4);
    expect(byNo.get("5.2")!.measures[1]).toMatch(/^Timeline, Allocation of tasks/);
  });

  test("each direction points at its No cell, its first row and its Progress cell", () => {
    const d = byNo.get("1.1")!;
    // Title A1, blank, theme A3, outcome A4, header rows 5-6: 1.1 is on row 7.
    expect(d).toMatchObject({ sheet: "Directions 2023-24", row: 7, cell: "A7", progressCell: "D7" });
    for (const x of result.directions) {
      expect(x.row).toBe(seed.rowOf.get(x.no));
      expect(x.cell).toBe(`A${x.row}`);
      expect(x.progressCell).toBe(`D${x.row}`);
    }
    expect(byNo.get("1.1")!.source).toBe("HSCP Service Plans (Governance provided by HSCP Finance & Performance)");
    expect(byNo.get("1.2")!.source).toBeNull();
    expect(byNo.get("7.3")!.source).toBe("HSCP Service Plans (Governance provided by HSCP Finance & Performance)");
    expect(byNo.get("4.1")!.text).toMatch(/^NHS Lothian and Midlothian Council must ensure accessible/);
  });

  test("findings: four missing target dates, one missing theme, one narrative progress, each at its cell", () => {
    const r = (no: string) => seed.rowOf.get(no)!;
    expect(codes(result.findings)).toEqual(
      [
        `missing-target-date@B${r("8.1")}`,
        `missing-target-date@B${r("8.2")}`,
        `missing-target-date@B${r("9.1")}`,
        `missing-target-date@B${r("9.2")}`,
        `missing-theme@A${seed.headerRows[8]}`,
        `non-numeric-progress@D${r("9.1")}`,
      ].sort(),
    );
    // The 9.x header follows 8.2 directly (one blank row between).
    expect(seed.headerRows[8]).toBe(r("8.2") + 2);
    const narrative = result.findings.find((f) => f.code === "non-numeric-progress")!;
    expect(narrative.severity).toBe("warning");
    expect(narrative.message).toContain("9.1");
    expect(narrative.message).toContain("This requires engagement");
    expect(result.findings.every((f) => f.sheet === "Directions 2023-24")).toBe(true);
  });

  test("finds every header, two rows each, and the first one", () => {
    const headers = findDirectionsHeaders(grid);
    expect(headers.map((h) => h.row)).toEqual(seed.headerRows);
    expect(findDirectionsHeader(grid)).toEqual({
      row: 5,
      lastRow: 6,
      noCol: 1,
      directionCol: 2,
      measureCol: 3,
      progressCol: 4,
      sourceCol: 5,
      period: "half-year 2023/24",
    });
  });
});

describe("findDirectionsHeader", () => {
  test("a single-row header", () => {
    const h = findDirectionsHeader(g([["Directions"], HEADER, ["1.1", "Do it by March 2024.", "• A", "50%", "X"]]));
    expect(h).toMatchObject({ row: 2, lastRow: 2, noCol: 1, directionCol: 2, measureCol: 3, progressCol: 4, sourceCol: 5 });
  });

  test("`No.` and `Source?` headings, columns in another order", () => {
    const h = findDirectionsHeader(g([[null, "Direction", "No.", "Source?", "Progress (%)", "Measure and metric"]]));
    expect(h).toMatchObject({ noCol: 3, directionCol: 2, sourceCol: 4, progressCol: 5, measureCol: 6, period: null });
  });

  test("`Ref` stands for No; Measure and Source are optional", () => {
    expect(findDirectionsHeader(g([["Ref", "Direction", "Progress as at 30/09/2023"]]))).toMatchObject({
      noCol: 1,
      measureCol: null,
      sourceCol: null,
      period: "30/09/2023",
    });
  });

  test("no header without a Progress column, nor without No or Direction", () => {
    expect(findDirectionsHeader(g([["No", "Direction", "Measure", "Source"]]))).toBeNull();
    expect(findDirectionsHeader(g([["Direction", "Measure", "Progress"]]))).toBeNull();
    expect(findDirectionsHeader(g([["No", "Action", "Progress"]]))).toBeNull();
    // `Progressive …` is not `Progress …`.
    expect(findDirectionsHeader(g([["No", "Direction", "Progressive measures"]]))).toBeNull();
  });

  test("the row below is not searched when it is already a direction", () => {
    expect(findDirectionsHeader(g([["No", "Direction"], ["1.1", "x", "Progress 50%"]]))).toBeNull();
  });
});

describe("readDirections, focused", () => {
  const one = (rows: V[][], merges: Merge[] = []) => readDirections(g(rows, merges));

  test("a No cell holding the number 1.1 reads as `1.1`", () => {
    const r = one([["Theme A"], HEADER, [1.1, "Act by 31 March 2025.", "• M", "40%"], [10.2, "Act by January 2024.", null, "60%"]]);
    expect(r.directions.map((d) => d.no)).toEqual(["1.1", "10.2"]);
    expect(r.directions[0].dueDate).toBe("2025-03-31");
    expect(r.directions[0].theme).toBe("Theme A");
  });

  test("a short non-standard No beside a direction and its progress is still a direction, not a heading", () => {
    const r = one([["Theme"], HEADER, ["D1.1a", "By May 2024.", null, "20%"], ["Next theme 2"], ["1.2", "By May 2024."]]);
    expect(r.directions.map((d) => [d.no, d.theme, d.progress])).toEqual([
      ["D1.1a", "Theme", 20],
      ["1.2", "Next theme 2", null],
    ]);
  });

  test("a percent-formatted progress cell (0.92 shown as 92%) is 92", () => {
    const r = one([["Theme"], HEADER, ["1.1", "By January 2024.", null, { value: 0.92, format: "0%" }]]);
    expect(r.directions[0].progress).toBe(92);
    expect(r.findings).toEqual([]);
  });

  test("progress outside 0-100 is an error at the progress cell and not used", () => {
    const r = one([
      ["Theme"],
      HEADER,
      ["1.1", "Act by January 2024.", "• a", "120%"],
      [null, null, "• b", "50%"],
      ["1.2", "Act by January 2024.", "• c", -5],
    ]);
    expect(r.directions.map((d) => d.progress)).toEqual([50, null]);
    expect(r.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["progress-out-of-range", "error", "D3"],
      ["progress-out-of-range", "error", "D5"],
    ]);
    expect(r.findings[0].message).toMatch(/1\.1.*120%.*0% to 100%/);
  });

  test("a repeated number is a duplicate-direction at the repeat's No cell; both kept", () => {
    const r = one([["Theme"], HEADER, ["1.1", "By January 2024.", null, "10%"], ["1.2", "By January 2024."], ["1.1", "By March 2024.", null, "30%"]]);
    expect(r.directions.map((d) => d.no)).toEqual(["1.1", "1.2", "1.1"]);
    expect(r.directions.map((d) => d.progress)).toEqual([10, null, 30]);
    expect(codes(r.findings)).toEqual(["duplicate-direction@A5"]);
    expect(r.findings[0].severity).toBe("error");
    expect(r.findings[0].message).toContain("A3");
  });

  test("a merged Performance Measures cell over a two-row header; a merged No cell over a continuation is not read twice", () => {
    const rows: V[][] = [
      ["Safe from Harm"],
      ["No", "Direction", "Performance Measures"],
      [null, null, "Measure and metric", "Progress at Q2 2024/25", "Source"],
      ["7.3", "Improve by January 2024.", "• one", "100%", "Plans"],
      [null, null, "• two", "80%", "Reports"],
    ];
    const merges: Merge[] = [
      { top: 2, left: 3, bottom: 2, right: 5 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 2 },
    ];
    const r = one(rows, merges);
    expect(r.period).toBe("Q2 2024/25");
    expect(r.directions).toHaveLength(1);
    expect(r.directions[0]).toMatchObject({
      no: "7.3",
      theme: "Safe from Harm",
      measures: ["one", "two"],
      progress: 90,
      source: "Plans; Reports",
      cell: "A4",
      progressCell: "D4",
      dueDate: "2024-01-31",
    });
    expect(r.findings).toEqual([]);
  });

  test("the mean of a direction's rows is rounded half-up to one place", () => {
    const r = one([["T"], HEADER, ["1.1", "By May 2024.", null, "33%"], [null, null, "• x", "33%"], [null, null, null, "34%"]]);
    expect(r.directions[0].progress).toBe(33.3);
    const s = one([["T"], HEADER, ["1.1", "By May 2024.", null, "10.1%"], [null, null, null, "10.2%"]]);
    expect(s.directions[0].progress).toBe(10.2); // 10.15 → 10.2, not 10.1
  });

  test("a direction's sources: each distinct one once, in row order, joined by semicolons", () => {
    const sources = (...rows: (string | null)[]) =>
      one([["T"], HEADER, ["1.1", "By May 2024.", null, null, rows[0]], ...rows.slice(1).map((src): V[] => [null, null, "• x", null, src])]).directions[0].source;
    expect(sources("NHS Lothian")).toBe("NHS Lothian");
    expect(sources("NHS Lothian", "NHS  Lothian")).toBe("NHS Lothian");
    expect(sources("NHS Lothian", "Council", "NHS Lothian", "Council", "HSCP")).toBe("NHS Lothian; Council; HSCP");
    expect(sources(null, "Council", null, "HSCP")).toBe("Council; HSCP");
    expect(sources(null, null)).toBeNull();
  });

  test("narrative beside a number: the number counts, the narrative is flagged", () => {
    const r = one([["T"], HEADER, ["1.1", "By May 2024.", null, "Not started"], [null, null, "• x", "40%"]]);
    expect(r.directions[0]).toMatchObject({ progress: 40, narrative: true });
    expect(codes(r.findings)).toEqual(["non-numeric-progress@D3"]);
  });

  test("an Excel error in a progress cell is a formula-error there", () => {
    const r = one([["T"], HEADER, ["1.1", "By May 2024.", null, { value: null, error: "#DIV/0!" }]]);
    expect(r.directions[0].progress).toBeNull();
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["formula-error", "D3"]]);
    expect(r.findings[0].message).toContain("#DIV/0!");
  });

  test("the target date is the last `by <date>` of the Direction text only, never the measures", () => {
    const r = one([["T"], HEADER, ["1.1", "Review by March 2024 and report by 31 March 2025.", "• By July 2023, x", "10%"], ["1.2", "Work with partners by HSCP area.", "• By January 2024, y"]]);
    expect(r.directions.map((d) => d.dueDate)).toEqual(["2025-03-31", null]);
    expect(codes(r.findings)).toEqual(["missing-target-date@B4"]);
    expect(r.findings[0].message).toContain("1.2");
  });

  test("a header with no heading text since the previous directions starts themeless directions, warned once", () => {
    const r = one([
      ["Report title"],
      ["Quality of Life"],
      ["Health & social care services help to maintain or improve the quality of life of people who use those."],
      HEADER,
      ["4.1", "By January 2024."],
      [],
      HEADER,
      ["9.1", "By January 2024."],
      ["9.2", "By January 2024."],
    ]);
    expect(r.directions.map((d) => [d.no, d.theme])).toEqual([["4.1", "Quality of Life"], ["9.1", null], ["9.2", null]]);
    expect(codes(r.findings)).toEqual(["missing-theme@A7"]);
  });

  test("a sheet title is passed over; a long outcome without a full stop is not a name", () => {
    const r = one([
      ["Midlothian IJB Directions 2023-24"],
      ["Positive Experiences & Dignity"],
      ["People who use health & social care services have positive experiences of those services, and have their dignity respected"],
      HEADER,
      ["3.1", "By January 2024."],
    ]);
    expect(r.directions[0].theme).toBe("Positive Experiences & Dignity");
  });

  test("a heading run with no usable name gives missing-theme at its first row", () => {
    const r = one([HEADER, ["1.1", "By January 2024."], ["People who provide unpaid care are supported to look after their health."], ["2.1", "By January 2024."]]);
    expect(r.directions.map((d) => d.theme)).toEqual([null, null]);
    expect(codes(r.findings)).toEqual(["missing-theme@A1", "missing-theme@A3"]);
  });

  test("a theme heading between directions within one block starts a new theme", () => {
    const r = one([["Workforce"], HEADER, ["8.1", "By May 2024."], ["Best Value"], ["9.1", "By May 2024."]]);
    expect(r.directions.map((d) => d.theme)).toEqual(["Workforce", "Best Value"]);
  });

  test("a Direction cell holding an Excel error: formula-error there, no missing-target-date as well", () => {
    const r = one([["T"], HEADER, ["1.1", { value: null, error: "#REF!" }, null, "50%"]]);
    expect(r.directions[0]).toMatchObject({ text: "", dueDate: null, progress: 50 });
    expect(codes(r.findings)).toEqual(["formula-error@B3"]);
  });

  test("blank rows inside a block are ignored and the continuation still joins its direction", () => {
    const r = one([["T"], HEADER, ["1.1", "By May 2024.", "• a"], [], [null, null, "• b"]]);
    expect(r.directions[0].measures).toEqual(["a", "b"]);
  });

  test("no header, nothing read", () => {
    expect(readDirections(g([["Just notes"]]))).toEqual({ directions: [], period: null, findings: [] });
  });
});

describe("splitMeasures and targetDateOf", () => {
  test("bullets and line breaks split; hyphens inside words do not", () => {
    expect(splitMeasures("• one • two\n○ three\n- four\nfive self-management 2023-24\n\n")).toEqual([
      "one",
      "two",
      "three",
      "four",
      "five self-management 2023-24",
    ]);
    expect(splitMeasures("")).toEqual([]);
  });

  test("by <date> forms", () => {
    expect(targetDateOf("by January 2024")).toBe("2024-01-31");
    expect(targetDateOf("By 31 March 2025, then more.")).toBe("2025-03-31");
    expect(targetDateOf("delivered by the end of March 2024")).toBe("2024-03-31");
    expect(targetDateOf("nearby January 2024")).toBeNull();
    expect(targetDateOf("by HSCP area")).toBeNull();
  });
});

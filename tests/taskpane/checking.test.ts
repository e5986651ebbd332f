/**
 * The pane's engine port: the local engine reads through the host and analyses, and the
 * findings' cell texts are what the page shows beside each finding.
 */
import { analyse, summarise } from "../../src/core/engine";
import type { Finding } from "../../src/core/findings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { cellTextsFor, checkSnapshot, localEngine } from "../../src/taskpane/checking";
import { FakeHost } from "../fakes/fake-host";
import { sheet } from "../helpers/grid";

const at = (sheetName: string, cell: string): Finding =>
  ({ sheet: sheetName, cell, code: "test", severity: "warning", message: "m" }) as unknown as Finding;

// Seed 002's directions layout (Midlothian IJB half-year 2023/24): 92%, 69% and narrative progress.
const DIRECTIONS = sheet(
  [
    ["Health & Wellbeing"],
    ["No", "Direction", "Measure and metric", "Progress at half-year 2023/24", "Source"],
    ["1.1", "Reduce falls admissions by 10% by January 2024", "• Falls admissions", { value: 0.92, format: "0%" }, "Falls dashboard"],
    ["1.2", "Complete reviews of care packages by March 2024", "• Reviews completed", { value: 0.69, format: "0%" }, "Review log"],
    ["1.3", "Open the new day centre by December 2023", "• Centre open", "This requires engagement at whole system level.", "Project board"],
  ],
  { name: "Directions" },
);
const NOW = new Date("2023-09-21T12:00:00Z");

describe("cellTextsFor", () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      sheet({ A1: "Title", B2: { value: 0.5, format: "0%" } }, { name: "Plan", merges: ["A1:C1"] }),
      sheet({ A1: "x" }, { name: "constructor" }),
    ],
  };

  it("gives each finding's cell as it shows, a merge's content for any cell in it, and '' for a blank cell", () => {
    const cells = cellTextsFor(snapshot, [at("Plan", "B2"), at("Plan", "C1"), at("Plan", "D9"), at("constructor", "A1")]);
    expect(cells).toEqual({ Plan: { B2: "50%", C1: "Title", D9: "" }, constructor: { A1: "x" } });
  });

  it("leaves out sheets the snapshot does not hold, addresses that are not one cell, and cells no finding names", () => {
    const cells = cellTextsFor(snapshot, [at("Gone", "A1"), at("Plan", "A1:C3")]);
    expect(cells).toEqual({ Plan: {} });
  });
});

describe("localEngine", () => {
  it("reads through the host, says when the check starts, and gives the engine's own analysis", async () => {
    const workbook = { sheets: [DIRECTIONS] };
    const host = new FakeHost(workbook);
    const events: string[] = [];
    const checked = await localEngine.check(host, { now: NOW }, {
      onProgress: (p) => events.push(p.step),
      onChecking: () => events.push("checking"),
    });
    expect(host.reads).toHaveLength(1);
    expect(events.at(-1)).toBe("checking");
    const direct = analyse(workbook, { now: NOW });
    expect(checked.analysis).toEqual(direct);
    expect(checked.analysis.directions.totals.count).toBe(3);
    // The narrative progress is a finding; its cell's text comes with it.
    const narrative = direct.findings.find((f) => f.cell === "D5");
    expect(narrative).toBeDefined();
    expect(checked.cells.Directions.D5).toBe("This requires engagement at whole system level.");
    expect(await localEngine.summarise(direct, NOW)).toEqual(summarise(direct, NOW));
  });

  it("checks a snapshot with overrides", () => {
    const { analysis } = checkSnapshot({ sheets: [DIRECTIONS] }, { now: NOW, overrides: { greenThreshold: 60, amberThreshold: 50 } });
    expect(analysis.settings.greenThreshold).toBe(60);
    // 92% and 69% are both Green at a 60% threshold.
    expect(analysis.directions.totals.byRag.green).toBe(2);
  });
});

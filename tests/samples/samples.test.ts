/**
 * The sample workbooks: rebuilt by the script's builders, read back with exceljs (not the
 * engine), checked against the figures of the public board papers they carry, and
 * compared with the committed copies in examples/.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ERROR_CODES, INFO_CODES, WARNING_CODES } from "../../src/core/findings";
import {
  buildBoardPack,
  buildBoardPackWithErrors,
  buildOdActionPlan,
  buildProgrammePlanAndRisks,
  EXPECTED_ERROR_FINDINGS,
  OD_PLAN_AS_OF,
  SAMPLE_FILES,
  writeSamples,
} from "../../scripts/make-samples";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`No sheet '${name}' in the workbook`);
  return ws;
}

/** A cell's plain value: a formula gives its cached result. */
function value(ws: ExcelJS.Worksheet, address: string): unknown {
  const v = ws.getCell(address).value;
  if (v && typeof v === "object" && "formula" in v) return v.result;
  return v;
}

/** Every non-empty cell of every sheet, with sheet states: what the comparison compares. */
function dump(wb: ExcelJS.Workbook): unknown[] {
  return wb.worksheets.map((ws) => {
    const cells: [string, string, string][] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => cells.push([c.address, JSON.stringify(c.value), c.numFmt ?? ""])),
    );
    return { name: ws.name, state: ws.state, merges: Object.keys((ws as unknown as { _merges: object })._merges).sort(), cells };
  });
}

let dir: string;
let pack: ExcelJS.Workbook;
let register: ExcelJS.Workbook;
let errors: ExcelJS.Workbook;
let odPlan: ExcelJS.Workbook;
let isrb: ExcelJS.Workbook;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-samples-"));
  await writeSamples(dir);
  pack = await load(path.join(dir, "board-pack.xlsx"));
  register = await load(path.join(dir, "savings-register.xlsx"));
  errors = await load(path.join(dir, "board-pack-with-errors.xlsx"));
  odPlan = await load(path.join(dir, "od-action-plan.xlsx"));
  isrb = await load(path.join(dir, "programme-plan-and-risks.xlsx"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("board-pack.xlsx: the 2024/25 recovery action on the standard form", () => {
  it("holds the seed's fields where the seed has them", () => {
    const ws = sheet(pack, "FRA-01 Planning");
    expect(value(ws, "A1")).toBe("Midlothian Health and Social Care");
    expect(value(ws, "A2")).toBe("Financial Recovery Actions 2024/25");
    expect(value(ws, "A3")).toBe("Finance Recovery Action: Planning, Performance, and Programme Funding");
    expect(value(ws, "B3")).toBe("Exec Lead(s):");
    expect(value(ws, "C3")).toBe("Gill Main, Integration Manager");
    expect(value(ws, "A4")).toMatch(/^Description: A reduction in funding to the Planning Performance and Programme team .* by £448K\.$/);
    expect(value(ws, "B4")).toBe("Lead Service Area(s):");
    expect(value(ws, "C4")).toBe("Planning, Performance, and Programme");
    expect(value(ws, "B5")).toBe("Financial Recovery Value");
    expect(value(ws, "C5")).toBe("£448K"); // text, as the paper shows it
    expect(value(ws, "B6")).toBe("Risk Level (of not delivering the financial saving)");
    expect(value(ws, "C6")).toBe("High");
    expect(value(ws, "D6")).toBe("Plan Date");
    expect(value(ws, "D7")).toBe("Version");
    expect(value(ws, "E7")).toBe("v1");
    expect(ws.getCell("B3").font?.bold).toBe(true);
  });

  it("has the plan date as a real date cell shown day first", () => {
    const ws = sheet(pack, "FRA-01 Planning");
    const d = value(ws, "E6");
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString().slice(0, 10)).toBe("2024-03-21");
    expect(ws.getCell("E6").numFmt).toBe("dd/mm/yyyy");
  });

  it("has the plan table: header, italic questions, the content row", () => {
    const ws = sheet(pack, "FRA-01 Planning");
    expect(["A9", "B9", "C9", "D9", "F9"].map((a) => value(ws, a))).toEqual([
      "Strategic Aims",
      "Actions",
      "Dependencies",
      "Risk Mitigation",
      "Delivery Timeframe",
    ]);
    expect(ws.getCell("E9").isMerged).toBe(true); // Risk Mitigation spans D:E
    for (const a of ["A10", "B10", "C10", "D10", "E10"]) {
      expect(String(value(ws, a))).toMatch(/\?$/);
      expect(ws.getCell(a).font?.italic).toBe(true);
    }
    expect(value(ws, "A11")).toBe("No.1 No.2 No.3 No.4 No.5 No.6");
    expect(String(value(ws, "B11"))).toMatch(/^Commence Organisational Change/);
    expect(String(value(ws, "D11"))).toMatch(/limited return on the savings target in 24\/25/);
    expect(String(value(ws, "E11"))).toMatch(/^Suspend recruitment/);
    expect(value(ws, "F11")).toBe("Unknown");
  });

  it("has the triangulation table with its three areas reported quarterly", () => {
    const ws = sheet(pack, "FRA-01 Planning");
    expect(value(ws, "A13")).toBe("Triangulation");
    expect(value(ws, "F13")).toBe("Reporting Frequency");
    expect([15, 16, 17].map((r) => value(ws, `B${r}`))).toEqual(["Population Need", "Finance", "Outcomes"]);
    expect([15, 16, 17].map((r) => value(ws, `F${r}`))).toEqual(["Quarterly", "Quarterly", "Quarterly"]);
    expect(value(ws, "C16")).toBe("Monthly Service Finance Reports.");
  });
});

describe("board-pack.xlsx: the 2018/19 forms and their register lines", () => {
  it("gives each form the ref and amount of its register line", () => {
    expect(value(sheet(pack, "AFB-01 Reablement"), "A4")).toBe("Ref: AFB-01");
    expect(value(sheet(pack, "AFB-01 Reablement"), "A8")).toBe("Financial Recovery Value: £277,000");
    const rx = sheet(pack, "AFB-02 Prescribing");
    expect([value(rx, "A5"), value(rx, "A6")]).toEqual(["Ref", "AFB-02"]);
    expect([value(rx, "A13"), value(rx, "A14")]).toEqual(["Financial Recovery Value", 940_000]);
    const cah = sheet(pack, "Care at Home");
    expect(cah.state).toBe("hidden");
    expect([value(cah, "E3"), value(cah, "C5")]).toEqual(["AFB-03", "£0.9m"]);
    const ld = sheet(pack, "AFB-04 Learning Disability");
    expect([value(ld, "E3"), value(ld, "C5"), ld.getCell("C5").numFmt]).toEqual(["AFB-04", 200_000, "£#,##0"]);

    const reg = sheet(pack, "Savings Register 2018-19");
    const byRef = new Map<string, unknown>();
    reg.eachRow((row) => {
      const ref = row.getCell(1).value;
      if (typeof ref === "string" && /^AFB-\d\d$/.test(ref)) byRef.set(ref, row.getCell(4).value);
    });
    expect([byRef.get("AFB-01"), byRef.get("AFB-02"), byRef.get("AFB-03"), byRef.get("AFB-04")]).toEqual([277_000, 940_000, 900_000, 200_000]);
  });
});

/** The register's items (service area → amount), the stated total and how often the header appears. */
function readRegister(ws: ExcelJS.Worksheet, areaCol: number, moneyCol: number) {
  const items: [string, number][] = [];
  let stated: number | null = null;
  let headers = 0;
  ws.eachRow((row) => {
    const area = row.getCell(areaCol).value;
    const money = row.getCell(moneyCol).value;
    if (area === "Service Area") headers++;
    else if (typeof area === "string" && area !== "" && typeof money === "number") items.push([area, money]);
    else if (typeof money === "number") stated = money;
  });
  return { items, stated, headers };
}

const SEED_001: [string, number][] = [
  ["Reablement Service", 277_000],
  ["Prescribing", 940_000],
  ["Homecare/Care at Home", 900_000],
  ["Learning Disability Services", 200_000],
  ["Bank & Agency (NHS)", 75_000],
  ["Agency & Standby (MLC)", 75_000],
  ["Mental Health", 50_000],
  ["Acute Services", 540_000],
  ["Charging for Services", 300_000],
  ["Operational Management", 50_000],
  ["Service Delivery", 80_000],
];

describe("the 2018/19 savings register", () => {
  it("board-pack.xlsx carries the 11 lines, which sum to the stated £3,487,000", () => {
    const ws = sheet(pack, "Savings Register 2018-19");
    expect([1, 2, 3, 4].map((c) => ws.getRow(4).getCell(c).value)).toEqual(["Ref", "Service Area", "Analysis of Issue", "Proposed Saving"]);
    const r = readRegister(ws, 2, 4);
    expect(r.items).toEqual(SEED_001);
    expect(r.items.reduce((s, [, v]) => s + v, 0)).toBe(3_487_000);
    expect(r.stated).toBe(3_487_000);
    expect(r.headers).toBe(2); // repeated after the page break
  });

  it("wraps descriptions onto a second row and repeats the header before Mental Health", () => {
    const ws = sheet(pack, "Savings Register 2018-19");
    expect([value(ws, "B5"), value(ws, "C5"), value(ws, "C6"), value(ws, "B6"), value(ws, "D6")]).toEqual([
      "Reablement Service",
      "Significant time spent on travel",
      "resulting in reduced productivity",
      null,
      null,
    ]);
    let mental = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === "Mental Health") mental = n;
    });
    expect(value(ws, `B${mental - 1}`)).toBe("Service Area");
    // The stated total row holds only the amount.
    const totalRow = ws.getRow(ws.rowCount);
    const filled: unknown[] = [];
    totalRow.eachCell((c) => filled.push(c.value));
    expect(filled).toEqual([3_487_000]);
    expect(totalRow.getCell(4).numFmt).toBe("£#,##0");
  });

  it("savings-register.xlsx has the paper's own layout, without a Ref column", () => {
    const ws = register.worksheets[0];
    const header = ws.getRow(5);
    expect([1, 2, 3].map((c) => header.getCell(c).value)).toEqual(["Service Area", "Analysis of Issue", "Proposed Saving"]);
    const r = readRegister(ws, 1, 3);
    expect(r.items).toEqual(SEED_001);
    expect(r.stated).toBe(3_487_000);
    const settings = JSON.parse(String(value(sheet(register, "Board Summary Settings"), "A1")));
    expect(settings.targetPence).toBe(450_000_000);
    // £4.5m target less the £3,487,000 found leaves the paper's £1,013,000 gap.
    expect(settings.targetPence / 100 - r.stated!).toBe(1_013_000);
  });
});

describe("board-pack.xlsx: the directions report of the half-year 2023/24", () => {
  const rows = () => {
    const ws = sheet(pack, "Directions 2023-24");
    const out: { row: number; no: unknown; progress: unknown; format: string; source: unknown; measures: unknown }[] = [];
    ws.eachRow((r, n) =>
      out.push({ row: n, no: r.getCell(1).value, progress: r.getCell(4).value, format: r.getCell(4).numFmt, source: r.getCell(5).value, measures: r.getCell(3).value }),
    );
    return out;
  };

  it("holds every direction from 1.1 to 9.2", () => {
    const nos = rows()
      .map((r) => r.no)
      .filter((n): n is string => typeof n === "string" && /^\d+\.\d+$/.test(n));
    expect(nos).toEqual([
      "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2",
      "6.1", "6.2", "7.1", "7.2", "7.3", "8.1", "8.2", "9.1", "9.2",
    ]);
  });

  it("has the real progress as percent-formatted numbers, blanks as blanks, 9.1's narrative as text", () => {
    const by = new Map(rows().map((r) => [r.no, r]));
    const pct: [string, number][] = [["1.1", 0.92], ["3.1", 0.92], ["3.2", 0.69], ["4.2", 0.62], ["4.3", 0.75], ["6.1", 0.89], ["7.1", 0.62], ["7.3", 1]];
    for (const [no, p] of pct) expect([no, by.get(no)!.progress, by.get(no)!.format]).toEqual([no, p, "0%"]);
    for (const no of ["1.2", "2.1", "2.2", "3.3", "4.1", "5.1", "5.2", "6.2", "7.2", "8.1", "8.2", "9.2"]) expect([no, by.get(no)!.progress]).toEqual([no, null]);
    expect(by.get("9.1")!.progress).toBe("This requires engagement at whole system level.");
    expect(String(by.get("1.1")!.measures)).toMatch(/^• By July 2023, .*\n• By January 2024, /s);
  });

  it("continues 4.3 and 7.3 on rows with an empty No", () => {
    const all = rows();
    const after = (no: string) => all[all.findIndex((r) => r.no === no) + 1];
    expect(after("4.3")).toMatchObject({ no: null, progress: null });
    expect(String(after("4.3").measures)).toMatch(/changes in uptake of Self Directed Support/);
    expect(after("7.3")).toMatchObject({ no: null, progress: 1, format: "0%" });
    expect(String(after("7.3").source)).toMatch(/^HSCP Service Plans/);
  });

  it("puts each theme's name and outcome above its two-row header, and none above 9.x", () => {
    const ws = sheet(pack, "Directions 2023-24");
    const all = rows();
    const headerRows = all.filter((r) => r.no === "No").map((r) => r.row);
    expect(headerRows).toHaveLength(9);
    const themes = headerRows.map((h) => value(ws, `A${h - 2}`));
    expect(themes.slice(0, 8)).toEqual([
      "Health & Wellbeing",
      "Living in the Community",
      "Positive Experiences & Dignity",
      "Quality of Life",
      "Health Inequalities",
      "Support for Carers",
      "Safe from Harm",
      "Workforce",
    ]);
    // Before the 9.x header: a blank row, then 8.2.
    const last = headerRows[8];
    expect(value(ws, `A${last - 1}`)).toBeNull();
    expect(value(ws, `A${last - 2}`)).toBe("8.2");
    expect(value(ws, `D${headerRows[5] + 1}`)).toBe("Progress at half-year 2023/24");
    expect(value(ws, `E${headerRows[5] + 1}`)).toBe("Source?"); // Support for Carers, as the paper
    expect(value(ws, `C${headerRows[1] + 1}`)).toBe("Measure and metric");
  });
});

describe("board-pack.xlsx: settings and the user's own sheet", () => {
  it("saves the settings as JSON on a very hidden sheet", () => {
    const ws = sheet(pack, "Board Summary Settings");
    expect(ws.state).toBe("veryHidden");
    expect(JSON.parse(String(value(ws, "A1")))).toEqual({
      schemaVersion: 1,
      greenThreshold: 90,
      amberThreshold: 70,
      brag: false,
      targetPence: 450_000_000,
      asOf: "2023-09-21",
    });
  });

  it("keeps a Notes sheet with a line of text", () => {
    expect(String(value(sheet(pack, "Notes"), "A1")).length).toBeGreaterThan(10);
  });
});

describe("board-pack-with-errors.xlsx", () => {
  it("is built to raise every finding code of the spec", () => {
    const codes = new Set(EXPECTED_ERROR_FINDINGS.map((f) => f.code));
    for (const code of [...ERROR_CODES, ...WARNING_CODES, ...INFO_CODES]) expect([code, codes.has(code)]).toEqual([code, true]);
  });

  it("has each expected finding's sheet, and a sheet name with an apostrophe", () => {
    for (const f of EXPECTED_ERROR_FINDINGS) expect(errors.getWorksheet(f.sheet)?.name).toBe(f.sheet);
    expect(errors.getWorksheet("O'Brien's Actions")).toBeDefined();
  });

  // What each expected cell must hold for its finding to be right (spec §1, §3–§5).
  const plants: [string, string, string, (c: ExcelJS.Cell) => void][] = [
    ["invalid-money", "RA-01 Planning", "C5", (c) => expect(c.value).toBe("TBC")],
    ["invalid-money", "O'Brien's Actions", "C5", (c) => expect(c.value).toBe("£44 8K")],
    ["invalid-risk-level", "RA-01 Planning", "C6", (c) => expect(c.value).toBe("Severe")],
    ["invalid-date", "RA-01 Planning", "E6", (c) => expect(c.value).toBe("03/21/2024")],
    ["invalid-date", "RA-02 Reablement", "E6", (c) => expect(c.value).toBe("31/02/2024")],
    ["invalid-version", "RA-01 Planning", "E7", (c) => expect(c.value).toBe("first draft")],
    ["negative-value", "RA-02 Reablement", "C5", (c) => expect(c.value).toBe("(£50,000)")],
    ["zero-value", "RA-03 Zero", "C5", (c) => expect(c.value).toBe("£0")],
    ["missing-strategic-aims", "RA-02 Reablement", "A11", (c) => expect(c.value).toBeNull()],
    ["unknown-timeframe", "RA-02 Reablement", "F11", (c) => expect(c.value).toBe("TBC")],
    ["unknown-timeframe", "RA-01 Planning", "F11", (c) => expect(c.value).toBe("Unknown")],
    ["missing-triangulation", "RA-02 Reablement", "A13", (c) => expect(c.value).toBe("Triangulation")],
    ["invalid-frequency", "RA-02 Reablement", "F16", (c) => expect(c.value).toBe("When needed")],
    ["missing-field", "RA-03 Zero", "B3", (c) => expect(c.value).toBe("Exec Lead(s):")],
    ["missing-field", "RA-03 Zero", "B11", (c) => expect(c.value).toBeNull()],
    ["missing-field", "Savings Register", "D10", (c) => expect(c.value).toBeNull()],
    ["formula-error", "O'Brien's Actions", "E6", (c) => expect(c.formula).toBe("DATE(2024,3,#REF!)")],
    ["formula-error", "Savings Register", "D14", (c) => expect(c.value).toMatchObject({ formula: "D12/0", result: { error: "#DIV/0!" } })],
    ["duplicate-ref", "RA-05 Delivered", "E3", (c) => expect(c.value).toBe("RA-05")],
    ["duplicate-ref", "Savings Register", "A8", (c) => expect(c.value).toBe("AFB-04")],
    ["achieved-exceeds-value", "RA-05 Delivered", "C7", (c) => expect(c.value).toBe("£60,000")],
    ["possible-double-count", "Savings Register", "D13", (c) => expect(c.value).toBe(50_000)],
    ["total-mismatch", "Savings Register", "D15", (c) => expect(c.value).toBe(3_487_000)],
    ["progress-out-of-range", "Directions", "D7", (c) => expect([c.value, c.numFmt]).toEqual([1.2, "0%"])],
    ["duplicate-direction", "Directions", "A8", (c) => expect(c.value).toBe("1.1")],
    ["missing-theme", "Directions", "A10", (c) => expect(c.value).toBe("No")],
    ["non-numeric-progress", "Directions", "D12", (c) => expect(c.value).toBe("On track")],
    ["missing-target-date", "Directions", "B13", (c) => expect(String(c.value)).not.toMatch(/\bby\b/i)],
    ["rag-mismatch", "Action Plan", "F5", (c) => expect(c.value).toBe("Green")],
    ["missing-due-date", "Action Plan", "D6", (c) => expect(c.value).toBeNull()],
    ["unknown-due-date", "Action Plan", "D7", (c) => expect(c.value).toBe("TBC")],
    ["rag-colour-only", "Action Plan", "F7", (c) => expect([c.value, c.fill]).toEqual([null, { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } }])],
    ["invalid-date", "Action Plan", "D8", (c) => expect(c.value).toBe("Q3")],
    ["unclear-progress", "Action Plan", "E8", (c) => expect(c.value).toBe("Awaiting sign-off")],
    ["invalid-rag", "Action Plan", "F8", (c) => expect(c.value).toBe("Purple")],
    ["duplicate-ref", "Action Plan", "A9", (c) => expect(c.value).toBe("6.4")],
    ["progress-out-of-range", "Action Plan", "E9", (c) => expect(c.value).toBe("120%")],
    ["missing-field", "Action Plan", "B10", (c) => expect(c.value).toBeNull()],
    ["no-progress-column", "Programme Plan", "A3", (c) => expect(c.value).toBe("Action plan phase 1 February 2018 – September 2018")],
    ["unknown-due-date", "Programme Plan", "B14", (c) => expect(c.value).toBe("TBC")],
    ["score-mismatch", "Risk Register", "F4", (c) => expect(c.value).toBe(12)],
    ["residual-above-current", "Risk Register", "H4", (c) => expect(c.value).toBe(20)],
    ["review-overdue", "Risk Register", "I4", (c) => expect(c.value).toBe("30/06/2023")],
    ["missing-owner", "Risk Register", "C5", (c) => expect(c.value).toBeNull()],
    ["missing-mitigation", "Risk Register", "G5", (c) => expect(c.value).toBeNull()],
    ["invalid-rating", "Risk Register", "D6", (c) => expect(c.value).toBe("Very likely")],
    ["missing-rating", "Risk Register", "E7", (c) => expect(c.value).toBeNull()],
    ["invalid-date", "Risk Register", "I8", (c) => expect(c.value).toBe("31/13/2023")],
    // The blank form's title label, with nothing after it; its value cell is empty too.
    ["blank-form", "RA-06 Next", "A3", (c) => expect(String(c.value).trim()).toBe("Finance Recovery Action:")],
    ["unrecognised-sheet", "Notes", "A1", (c) => expect(typeof c.value).toBe("string")],
  ];

  it("lists exactly the planted mistakes", () => {
    const key = (code: string, s: string, cell: string) => `${code} ${s}!${cell}`;
    expect(EXPECTED_ERROR_FINDINGS.map((f) => key(f.code, f.sheet, f.cell)).sort()).toEqual(plants.map(([c, s, a]) => key(c, s, a)).sort());
  });

  it.each(plants)("%s at %s!%s holds the planted mistake", (_code, sheetName, address, check) => {
    check(sheet(errors, sheetName).getCell(address));
  });

  it("makes the later duplicate ref really a repeat, and the double count really the form's twin", () => {
    expect(value(sheet(errors, "O'Brien's Actions"), "E3")).toBe("RA-05");
    const reg = sheet(errors, "Savings Register");
    expect(value(reg, "A7")).toBe("AFB-04");
    const twin = sheet(errors, "RA-05 Delivered");
    expect([value(twin, "C4"), value(twin, "C5")]).toEqual([value(reg, "B13"), value(reg, "D13")]);
  });

  it("states a total that the items do not add up to", () => {
    const reg = sheet(errors, "Savings Register");
    let sum = 0;
    for (let r = 4; r <= 14; r++) {
      const v = value(reg, `D${r}`);
      if (typeof v === "number") sum += v;
    }
    expect(sum).not.toBe(value(reg, "D15"));
  });
});

/** An action plan's rows as written: [ref, goal, SRO, lead, by when, progress, RAG cell value, RAG fill]. */
function planRows(ws: ExcelJS.Worksheet) {
  const out: { row: number; goal: unknown; action: string; sro: unknown; lead: unknown; due: unknown; progress: unknown; rag: unknown; fill: unknown }[] = [];
  ws.eachRow((r, n) => {
    const action = r.getCell(2).value;
    if (typeof action === "string" && /^\d+\.\d+ /.test(action)) {
      const fill = r.getCell(8).fill as ExcelJS.FillPattern | undefined;
      out.push({
        row: n,
        goal: r.getCell(1).value,
        action,
        sro: r.getCell(3).value,
        lead: r.getCell(4).value,
        due: r.getCell(5).value,
        progress: r.getCell(7).value,
        rag: r.getCell(8).value,
        fill: fill?.fgColor?.argb ?? null,
      });
    }
  });
  return out;
}

describe("od-action-plan.xlsx: seed 003's OD action plan", () => {
  const rows = () => planRows(sheet(odPlan, "OD Action Plan"));

  it("holds actions 6.1 to 6.47 and 7.1 to 7.5, in order", () => {
    const refs = rows().map((r) => r.action.split(" ")[0]);
    expect(refs).toEqual([...Array.from({ length: 47 }, (_, i) => `6.${i + 1}`), "7.1", "7.2", "7.3", "7.4", "7.5"]);
  });

  it("carries the seed's SROs, leads, dates and progress words as written", () => {
    const by = new Map(rows().map((r) => [r.action.split(" ")[0], r]));
    const pick = (ref: string) => {
      const r = by.get(ref);
      return r && [r.sro, r.lead, r.due, r.progress];
    };
    expect(pick("6.1")).toEqual(["AO/DSP", "ADA", "Dec 2018", "Completed"]);
    expect(pick("6.6")).toEqual(["AO/ DIP (CPR)", "ID", "Oct 2018", "Completed"]);
    expect(pick("6.8")).toEqual(["AO/ DIP (CPR)", "ADA", "Mar 2019", "Completed - ongoing"]);
    expect(pick("6.12")).toEqual(["Chair", "CN", "Apr 2018", "Completed and ongoing"]);
    expect(pick("6.20")).toEqual(["DSP", "ADA", "Mar 2020", null]);
    expect(pick("6.22")).toEqual(["AO/DSP", "ADA", "Sept 2018", "Completed and ongoing"]);
    expect(pick("6.26")).toEqual(["DSP", "ADO", "Jan 2020", "In progress – applications received"]);
    expect(pick("6.34")).toEqual(["DIP (CPR)", "ADIP", "Jan 2020", "In progress."]);
    expect(pick("6.35")).toEqual(["DSP", "ADA/E TO", "Mar 2020", "In progress – training provider being sourced."]);
    expect(pick("6.42")).toEqual(["DSP", "ETO", "Jun 2020", "In progress"]);
    expect(pick("7.2")).toEqual(["CFO", "DCFO", "March 2018", "Completed"]);
    expect(pick("7.5")).toEqual(["CFO/DSP", "ADQ/ADA", "March 2019", "Completed"]);
  });

  it("lays the page breaks out as the paper does: the header per page, headings, 6.30's wrapped line, section 7's lines", () => {
    const ws = sheet(odPlan, "OD Action Plan");
    const col = (c: number) => {
      const out: unknown[] = [];
      ws.eachRow((r) => out.push(r.getCell(c).value));
      return out;
    };
    expect(col(1).filter((v) => v === "OD Goal")).toHaveLength(6);
    for (const h of ["Governing Body", "Member Practices", "CCG Staff", "Organisational Level", "7. Financial Management", "Lead: Chief Finance Officer"]) {
      expect(col(1)).toContain(h);
    }
    const r630 = rows().find((r) => r.action.startsWith("6.30 "));
    expect(r630 && value(ws, `A${r630.row + 2}`)).toBe("for staff (NEW)");
  });

  it("adds stated RAGs: words, fill colours alone, and one that contradicts the facts", () => {
    const by = new Map(rows().map((r) => [r.action.split(" ")[0], r]));
    expect([by.get("6.1")?.rag, by.get("6.1")?.fill]).toEqual([null, "FF00B050"]);
    expect([by.get("6.29")?.rag, by.get("6.29")?.fill]).toEqual([null, "FF92D050"]);
    expect(by.get("6.26")?.rag).toBe("Green"); // overdue at the as-at date: the contradiction
    expect(by.get("6.34")?.rag).toBe("Red");
    expect(rows().filter((r) => r.rag !== null || r.fill !== null)).toHaveLength(6);
  });

  it("saves the as-at date and the organisation", () => {
    const saved = JSON.parse(String(value(sheet(odPlan, "Board Summary Settings"), "A1")));
    expect(saved).toEqual({ schemaVersion: 1, asOf: OD_PLAN_AS_OF, organisation: "Castle Point and Rochford CCG and Southend CCG" });
  });
});

describe("programme-plan-and-risks.xlsx: seed 004's phase plans and risks", () => {
  it("has the three phase headers, the workstream headings and the TBC and ongoing dates", () => {
    const ws = sheet(isrb, "Programme Plan");
    const a: unknown[] = [];
    const b: unknown[] = [];
    ws.eachRow((r) => {
      a.push(r.getCell(1).value);
      b.push(r.getCell(2).value);
    });
    expect(a.filter((v) => typeof v === "string" && v.startsWith("Action plan phase"))).toEqual([
      "Action plan phase 1 February 2018 – September 2018",
      "Action plan phase 2 April 2018 – March 2019",
      "Action plan phase 3 April 2018 – March 2019",
    ]);
    expect(a).toContain("Cross Cutting Work (All care groups)");
    expect(a).toContain("Implementation of Discharge to Assess (see appendix 2)");
    expect(b).toContain("March 2018 (and ongoing)");
    expect(b).toContain("TBC");
    expect(b.filter((v) => v === "By March 2019")).toHaveLength(2);
  });

  it("has the five risks, rated H or M on impact alone, with their mitigations as bullet points", () => {
    const ws = sheet(isrb, "Risks");
    expect(["A3", "B3", "C3"].map((x) => value(ws, x))).toEqual(["Risk Description", "Impact H/M/L", "Mitigation Description"]);
    expect([4, 5, 6, 7, 8].map((r) => value(ws, `B${r}`))).toEqual(["H", "H", "H", "M", "H"]);
    expect(value(ws, "A7")).toBe("Reputational risk during the transition through lack of appropriate communications with service users");
    expect(value(ws, "C5")).toBe("• Communications plan\n• OD programme\n• Local Implementation Groups to support frontline buy in");
  });
});

describe("the committed examples", () => {
  it.each(Object.keys(SAMPLE_FILES))("examples/%s matches what the builder makes", async (name) => {
    const committed = await load(path.join(EXAMPLES, name));
    const fresh = await load(path.join(dir, name));
    expect(dump(committed)).toEqual(dump(fresh));
  });

  it("are byte-for-byte the same on every build", async () => {
    expect((await buildBoardPack()).equals(await buildBoardPack())).toBe(true);
    expect((await buildBoardPackWithErrors()).equals(await buildBoardPackWithErrors())).toBe(true);
    expect((await buildOdActionPlan()).equals(await buildOdActionPlan())).toBe(true);
    expect((await buildProgrammePlanAndRisks()).equals(await buildProgrammePlanAndRisks())).toBe(true);
  });
});

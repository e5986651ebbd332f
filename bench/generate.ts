/**
 * Deterministic synthetic board packs, laid out on the standard templates
 * (standard-templates.md §3 form, §4 register, §5 directions), for the benchmark and the
 * robustness tests. The same spec always gives the same cells (a seeded PRNG, fixed dates).
 *
 * Figures are drawn from the public papers (seeds 000–002) and varied: service areas,
 * values, risk levels, progress. A few items carry deliberate faults (TBC values, narrative
 * progress, an unknown timeframe) so the readers' finding paths are exercised too. A pack
 * may also hold a large data tab that is no template (a ledger export), as real board
 * workbooks do.
 *
 * `cachedPack` keeps made packs in the temporary folder under a name holding a hash of this
 * file and of exceljs's version, so a change to the generator makes new packs.
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface PackSpec {
  /** Recovery-action forms, one a sheet. */
  forms: number;
  /** Direction rows on one directions sheet (0: no sheet). */
  directionRows: number;
  /** Items on one recovery register sheet (0: no sheet). */
  registerItems: number;
  /** Rows on a ledger tab that is no template (0 or absent: no tab). */
  dataRows?: number;
  /** PRNG seed; the default gives the benchmark's packs. */
  seed?: number;
}

/**
 * The shapes the benchmark measures (issue 14): forms, registers and directions at two sizes
 * ten times apart, the mixed pack, and a workbook whose bulk is a 200,000-row data tab.
 */
export const BENCH_PACKS: Record<string, PackSpec> = {
  "forms-100": { forms: 100, directionRows: 0, registerItems: 0 },
  "forms-1000": { forms: 1000, directionRows: 0, registerItems: 0 },
  "forms-10000": { forms: 10_000, directionRows: 0, registerItems: 0 },
  "register-10000": { forms: 0, directionRows: 0, registerItems: 10_000 },
  "register-100000": { forms: 0, directionRows: 0, registerItems: 100_000 },
  "directions-5000": { forms: 0, directionRows: 5000, registerItems: 0 },
  "directions-50000": { forms: 0, directionRows: 50_000, registerItems: 0 },
  "mixed-1000-5000": { forms: 1000, directionRows: 5000, registerItems: 0 },
  "data-200000": { forms: 10, directionRows: 0, registerItems: 0, dataRows: 200_000 },
};

/** mulberry32: small, fast and reproducible across Node versions. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Service areas and leads from seeds 000 and 001 (Midlothian HSCP / IJB).
const SERVICE_AREAS = [
  "Planning, Performance, and Programme",
  "Reablement Service",
  "Prescribing",
  "Homecare/Care at Home",
  "Learning Disability Services",
  "Bank & Agency (NHS)",
  "Agency & Standby (MLC)",
  "Mental Health",
  "Acute Services",
  "Charging for Services",
  "Operational Management",
  "Service Delivery",
];
const LEADS = ["Gill Main, Integration Manager", "Morag Barrow, Chief Officer", "Claire Flanagan, Chief Finance Officer", "Nick Clater, Head of Adult Services"];
const RISKS = ["High", "Medium", "Low", "H", "Med", "low"];
const FREQUENCIES = ["Quarterly", "Monthly", "Six-monthly", "Annually"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const THEMES = ["Health & Wellbeing", "Independent Living", "Carers", "Mental Health and Substance Use", "Digital and Data", "Workforce"];

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

export interface PackFacts {
  /** The sum of the valid form values, in pence. */
  formValuePence: number;
  /** The sum of the register items, in pence (equals its stated total). */
  registerValuePence: number;
  forms: number;
  directions: number;
  registerItems: number;
}

/** Adds one recovery-action form, laid out as seed 000. Returns its value in pence, or null where deliberately invalid. */
function addForm(wb: ExcelJS.Workbook, i: number, rnd: () => number): number | null {
  const ws = wb.addWorksheet(`RA-${String(i + 1).padStart(4, "0")}`);
  const area = pick(rnd, SERVICE_AREAS);
  const thousands = 5 + Math.floor(rnd() * 900);
  // One form in 50 carries a value still to be confirmed: an invalid-money finding.
  const tbc = i % 50 === 49;
  const valueText = tbc ? "TBC" : rnd() < 0.5 ? `£${thousands}K` : `£${(thousands * 1000).toLocaleString("en-GB")}`;
  const set = (addr: string, v: ExcelJS.CellValue) => {
    ws.getCell(addr).value = v;
  };
  set("A1", "Midlothian Health and Social Care");
  set("A2", "Financial Recovery Actions 2024/25");
  set("A3", `Finance Recovery Action: ${area} recovery ${i + 1}`);
  set("B3", "Exec Lead(s):");
  set("C3", pick(rnd, LEADS));
  set("A4", `Description: A reduction in ${area.toLowerCase()} costs through organisational change, to save £${thousands}K a year.`);
  set("B4", "Lead Service Area(s):");
  set("C4", area);
  set("B5", "Financial Recovery Value");
  set("C5", valueText);
  set("B6", "Risk Level (of not delivering the financial saving)");
  set("C6", pick(rnd, RISKS));
  set("D6", "Plan Date");
  const plan = ws.getCell("E6");
  plan.value = new Date(Date.UTC(2024, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
  plan.numFmt = "dd/mm/yyyy";
  set("D7", "Version");
  set("E7", `v${1 + Math.floor(rnd() * 3)}`);
  if (i % 3 === 0) {
    set("D5", "Forecast Saving");
    set("E5", thousands * 1000 * (0.6 + rnd() * 0.5));
    ws.getCell("E5").numFmt = "£#,##0";
  }
  set("A9", "Strategic Aims");
  set("B9", "Actions");
  set("C9", "Dependencies");
  set("D9", "Risk Mitigation");
  set("F9", "Delivery Timeframe");
  set("A10", "Which Strategic Aims are impacted by this recovery action?");
  set("B10", "What are the high-level actions that you are going to take?");
  set("C10", "What are the factors that influence this work that are out with your control?");
  set("D10", "What are the main risks?");
  set("E10", "How are you mitigating these risks?");
  set("A11", `No.${1 + (i % 6)} No.${1 + ((i + 2) % 6)}`);
  set("B11", "Commence Organisational Change with NHS Lothian, Midlothian Council and Trade Union partners.");
  set("C11", "Collaborative working across organisations and staff groups.");
  set("D11", "The time between commencing and concluding organisational change will result in a limited return.");
  set("E11", "Suspend recruitment to posts which become vacant prior to organisational change commencing.");
  set("F11", i % 7 === 0 ? "Unknown" : `${pick(rnd, MONTHS)} 2025`);
  set("A13", "Triangulation");
  set("C13", "Evidence and Data Sources");
  set("D13", "Tolerance");
  set("F13", "Reporting Frequency");
  set("A14", "The areas of our triangulated approach to monitoring impact");
  set("F14", "How frequently will you report on progress?");
  set("B15", "Population Need");
  set("C15", "iMatter reports and Staff Stress Risk Assessments.");
  set("F15", pick(rnd, FREQUENCIES));
  set("B16", "Finance");
  set("C16", "Monthly Service Finance Reports.");
  set("F16", pick(rnd, FREQUENCIES));
  set("B17", "Outcomes");
  set("C17", "OutNav: IJB Strategic Commissioning Map.");
  set("F17", pick(rnd, FREQUENCIES));
  for (const r of ["D9:E9", "A13:B13", "D13:E13"]) ws.mergeCells(r);
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 40;
  return tbc ? null : thousands * 100_000;
}

/** Adds a directions sheet laid out as seed 002: themes, a two-row header repeated per theme. */
function addDirections(wb: ExcelJS.Workbook, rows: number, rnd: () => number): number {
  const ws = wb.addWorksheet("Directions");
  let r = 1;
  ws.getCell(r++, 1).value = "Midlothian IJB Directions 2023/24";
  let themeNo = 0;
  let inTheme = 25;
  let n = 0;
  for (let k = 0; k < rows; k++) {
    if (inTheme === 25) {
      // A new theme: its name, its outcome statement, then the two-row header.
      themeNo++;
      inTheme = 0;
      r++;
      ws.getCell(r++, 1).value = `${THEMES[(themeNo - 1) % THEMES.length]} ${themeNo}`;
      ws.getCell(r++, 1).value = "People are supported to look after and improve their own health and wellbeing.";
      ws.getCell(r, 1).value = "No";
      ws.getCell(r, 2).value = "Direction";
      ws.getCell(r, 3).value = "Performance Measures";
      ws.mergeCells(r, 3, r, 5);
      r++;
      ws.getCell(r, 3).value = "Measure and metric";
      ws.getCell(r, 4).value = "Progress at half-year 2023/24";
      ws.getCell(r, 5).value = "Source?";
      r++;
    }
    inTheme++;
    n++;
    const no = `${themeNo}.${inTheme}`;
    ws.getCell(r, 1).value = no;
    ws.getCell(r, 2).value =
      `Midlothian HSCP will reduce waiting times for ${pick(rnd, SERVICE_AREAS).toLowerCase()} by ${pick(rnd, MONTHS)} ${2023 + Math.floor(rnd() * 2)}.`;
    ws.getCell(r, 3).value = "• Number of people waiting\n• Average wait in weeks";
    const p = ws.getCell(r, 4);
    const roll = rnd();
    if (roll < 0.05) p.value = "This requires engagement at whole system level.";
    else if (roll < 0.1) p.value = null;
    else {
      p.value = Math.round(rnd() * 100) / 100;
      p.numFmt = "0%";
    }
    ws.getCell(r, 5).value = "Service Finance Report";
    r++;
  }
  ws.getColumn(2).width = 60;
  return n;
}

/** Adds a savings register laid out as seed 001, ending in a correct stated total. */
function addRegister(wb: ExcelJS.Workbook, items: number, rnd: () => number): number {
  const ws = wb.addWorksheet("Savings Register");
  ws.getCell("A1").value = "3.6 The table below sets out the high-level areas for transformational change:";
  const header = ["Service Area", "Analysis of Issue", "Proposed Saving"];
  ws.getRow(3).values = header;
  let total = 0;
  let r = 4;
  for (let k = 0; k < items; k++) {
    const pounds = (1 + Math.floor(rnd() * 999)) * 1000;
    total += pounds * 100;
    ws.getCell(r, 1).value = `${pick(rnd, SERVICE_AREAS)} ${k + 1}`;
    ws.getCell(r, 2).value = "Service reviews to reflect changing models of care";
    ws.getCell(r, 3).value = pounds;
    ws.getCell(r, 3).numFmt = "£#,##0";
    r++;
  }
  ws.getCell(r, 1).value = "Total";
  ws.getCell(r, 3).value = total / 100;
  ws.getCell(r, 3).numFmt = "£#,##0";
  return total;
}

const COST_CENTRES = Array.from({ length: 240 }, (_, i) => `MH${String(1000 + i * 7)}`);
const SUPPLIERS = ["Lothian Care Ltd", "Esk Valley Homecare", "NHS Lothian", "Midlothian Council", "Agency Staffing Partners", "Pharmacy Supplies (Scotland)", "Transport Services", "Estates and Facilities"];

/** Adds a ledger export: a header and `rows` transactions, none of it a template. */
function addLedger(wb: ExcelJS.Workbook, rows: number, rnd: () => number): void {
  const ws = wb.addWorksheet("Ledger");
  ws.addRow(["Posting Date", "Cost Centre", "Account", "Service Area", "Supplier", "Narrative", "Amount", "VAT", "Reference"]);
  for (let i = 0; i < rows; i++) {
    const amount = Math.round(rnd() * 5_000_000) / 100;
    ws.addRow([
      new Date(Date.UTC(2023, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))),
      pick(rnd, COST_CENTRES),
      50_000 + Math.floor(rnd() * 400),
      pick(rnd, SERVICE_AREAS),
      pick(rnd, SUPPLIERS),
      `${pick(rnd, MONTHS)} invoice ${1 + Math.floor(rnd() * 9000)}`,
      amount,
      Math.round(amount * 20) / 100,
      `INV-${String(100_000 + i)}`,
    ]);
  }
  ws.getColumn(1).numFmt = "dd/mm/yyyy";
  ws.getColumn(7).numFmt = "#,##0.00";
  ws.getColumn(8).numFmt = "#,##0.00";
}

/** Builds a pack in memory. */
export function buildPack(spec: PackSpec): { workbook: ExcelJS.Workbook; facts: PackFacts } {
  const rnd = prng(spec.seed ?? 20_230_921);
  const wb = new ExcelJS.Workbook();
  // Fixed metadata, so the same spec gives the same file.
  wb.creator = "Board Summary benchmark";
  wb.created = new Date(Date.UTC(2023, 8, 21));
  wb.modified = new Date(Date.UTC(2023, 8, 21));
  let formValuePence = 0;
  for (let i = 0; i < spec.forms; i++) formValuePence += addForm(wb, i, rnd) ?? 0;
  const directions = spec.directionRows > 0 ? addDirections(wb, spec.directionRows, rnd) : 0;
  const registerValuePence = spec.registerItems > 0 ? addRegister(wb, spec.registerItems, rnd) : 0;
  if (spec.dataRows) addLedger(wb, spec.dataRows, rnd);
  return {
    workbook: wb,
    facts: { formValuePence, registerValuePence, forms: spec.forms, directions, registerItems: spec.registerItems },
  };
}

/** Builds a pack and writes it to a file (folders made as needed). */
export async function writePack(spec: PackSpec, file: string): Promise<PackFacts> {
  const { workbook, facts } = buildPack(spec);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  return facts;
}

/** Where the benchmark keeps its packs: a folder named by a hash of this generator. */
export function packCacheDir(): string {
  const h = createHash("sha256");
  h.update(fs.readFileSync(__filename));
  h.update((JSON.parse(fs.readFileSync(require.resolve("exceljs/package.json"), "utf8")) as { version: string }).version);
  return path.join(os.tmpdir(), "board-summary-bench", h.digest("hex").slice(0, 16));
}

/** A pack's file, made when this generator has not made it before. */
export async function cachedPack(name: string, spec: PackSpec): Promise<string> {
  const file = path.join(packCacheDir(), `${name}-${createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 8)}.xlsx`);
  if (fs.existsSync(file)) return file;
  // Written beside, then renamed: a run stopped half way leaves no half pack behind.
  const tmp = `${file}.${process.pid}.tmp`;
  await writePack(spec, tmp);
  fs.renameSync(tmp, file);
  return file;
}

// `ts-node bench/generate.ts NAME`: makes one of BENCH_PACKS (in its own process, so the
// benchmark's own memory stays small) and prints its file.
if (require.main === module) {
  const name = process.argv[2];
  const spec = BENCH_PACKS[name] as PackSpec | undefined;
  if (!spec) {
    process.stderr.write(`generate: no pack ${name}; one of ${Object.keys(BENCH_PACKS).join(", ")}\n`);
    process.exitCode = 2;
  } else {
    cachedPack(name, spec).then(
      (file) => process.stdout.write(file + "\n"),
      (e: unknown) => {
        process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
}

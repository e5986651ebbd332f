/**
 * Where `build` and `template` write (command-line.md): never over a file the tool did not
 * write itself without --force, only under the right extension, and a rebuilt output keeps
 * its name (`<name>.summary.xlsx`, never `<name>.summary.summary.xlsx`). The CLI is spawned
 * as a user runs it.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { BOARD_PACK, ROOT, SAVINGS_REGISTER, tempDir } from "../helpers/workbooks";
import { cli, ensureCliBuilt, oneLine } from "./spawn";

/** A public macro-enabled workbook (calamine's test file, credited in tests/fixtures/by-addition/README.md). */
const XLSM = path.join(ROOT, "tests", "fixtures", "by-addition", "calamine-vba.xlsm");

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = tempDir("board-summary-output-");
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh folder holding copies of the given workbooks. */
function folder(name: string, files: Record<string, string> = {}): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d);
  for (const [to, from] of Object.entries(files)) fs.copyFileSync(from, path.join(d, to));
  return d;
}

const bytes = (f: string) => fs.readFileSync(f);

describe("template never replaces a workbook it did not write", () => {
  it("refuses -o naming the user's board pack, leaving it as it was, and says how to replace it", () => {
    const d = folder("template-over-pack", { "mywork.xlsx": BOARD_PACK });
    const before = bytes(path.join(d, "mywork.xlsx"));
    const r = cli(["template", "directions", "-o", "mywork.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/mywork\.xlsx already exists.*--force/);
    expect(r.stdout).toBe("");
    expect(bytes(path.join(d, "mywork.xlsx")).equals(before)).toBe(true);
    expect(fs.readdirSync(d)).toEqual(["mywork.xlsx"]);
  });

  it("replaces it with --force", () => {
    const d = folder("template-force", { "mywork.xlsx": BOARD_PACK });
    const r = cli(["template", "directions", "-o", "mywork.xlsx", "--force"], d);
    expect(r.code).toBe(0);
    expect(bytes(path.join(d, "mywork.xlsx")).equals(bytes(BOARD_PACK))).toBe(false);
  });

  it("writes the same blank template again over its own, untouched", () => {
    const d = folder("template-again");
    expect(cli(["template", "directions", "-o", "directions.xlsx"], d).code).toBe(0);
    const again = cli(["template", "directions", "-o", "directions.xlsx"], d);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  });

  it("refuses to write over a template that has been filled in", async () => {
    const d = folder("template-filled");
    const file = path.join(d, "directions.xlsx");
    expect(cli(["template", "directions", "-o", "directions.xlsx"], d).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.worksheets[0].getCell("B6").value = "Deliver the Home First programme by March 2025";
    await wb.xlsx.writeFile(file);
    const before = bytes(file);
    const r = cli(["template", "directions", "-o", "directions.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/directions\.xlsx already exists and is not this blank template/);
    expect(bytes(file).equals(before)).toBe(true);
  });

  it("refuses a different template over an earlier one without --force (it may have been filled in)", () => {
    const d = folder("template-other-kind");
    expect(cli(["template", "directions", "-o", "blank.xlsx"], d).code).toBe(0);
    const r = cli(["template", "recovery-action", "-o", "blank.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/blank\.xlsx already exists/);
  });
});

describe("build never replaces a workbook it did not write", () => {
  it("refuses -o naming another workbook, leaving it as it was", () => {
    const d = folder("build-over-other", { "pack.xlsx": BOARD_PACK, "other.xlsx": SAVINGS_REGISTER });
    const before = bytes(path.join(d, "other.xlsx"));
    const r = cli(["build", "pack.xlsx", "-o", "other.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/other\.xlsx already exists.*not written by board-summary.*--force/);
    expect(bytes(path.join(d, "other.xlsx")).equals(before)).toBe(true);
    expect(fs.readdirSync(d).sort()).toEqual(["other.xlsx", "pack.xlsx"]);
  });

  it("replaces it with --force", () => {
    const d = folder("build-force", { "pack.xlsx": BOARD_PACK, "other.xlsx": SAVINGS_REGISTER });
    const r = cli(["build", "pack.xlsx", "-o", "other.xlsx", "--force"], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote other\.xlsx/);
  });

  it("builds again over its own earlier output of the same workbook, without --force", () => {
    const d = folder("build-twice", { "pack.xlsx": BOARD_PACK });
    expect(cli(["build", "pack.xlsx"], d).code).toBe(0);
    const again = cli(["build", "pack.xlsx"], d);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(fs.readdirSync(d).sort()).toEqual(["pack.summary.xlsx", "pack.xlsx"]);
  });

  it("does not count another workbook's summary as its own: a summary of a different workbook needs --force", () => {
    const d = folder("build-other-summary", { "pack.xlsx": BOARD_PACK, "register.xlsx": SAVINGS_REGISTER });
    expect(cli(["build", "register.xlsx", "-o", "out.xlsx"], d).code).toBe(0);
    const r = cli(["build", "pack.xlsx", "-o", "out.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/out\.xlsx already exists/);
  });

  it("rebuilding an earlier output writes <name>.summary.xlsx over it, never <name>.summary.summary.xlsx", () => {
    const d = folder("rebuild", { "board-pack.xlsx": BOARD_PACK });
    expect(cli(["build", "board-pack.xlsx"], d).code).toBe(0);
    fs.rmSync(path.join(d, "board-pack.xlsx"));
    const r = cli(["build", "board-pack.summary.xlsx", "--target", "4m"], d);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote board-pack\.summary\.xlsx /);
    expect(fs.readdirSync(d)).toEqual(["board-pack.summary.xlsx"]);
    // The rebuilt file is a whole workbook with the new target, and it can be checked again.
    const json = cli(["check", "board-pack.summary.xlsx", "--json", "--as-of", "2023-09-21"], d);
    expect(JSON.parse(json.stdout).recovery.totalValue).toBe(3_935_000);
  });

  it("still never writes over a user's own workbook named like an output", () => {
    // Named <x>.summary.xlsx by the user, with no summary sheets of ours: not an earlier output.
    const d = folder("user-named-summary", { "budget.summary.xlsx": SAVINGS_REGISTER });
    const before = bytes(path.join(d, "budget.summary.xlsx"));
    const r = cli(["build", "budget.summary.xlsx"], d);
    expect(r.code).toBe(0);
    expect(bytes(path.join(d, "budget.summary.xlsx")).equals(before)).toBe(true);
    expect(fs.readdirSync(d).sort()).toEqual(["budget.summary.summary.xlsx", "budget.summary.xlsx"]);
  });
});

describe("the output's extension", () => {
  it.each([
    [["build", "pack.xlsx", "-o", "out.pdf"], /out\.pdf must end in \.xlsx/],
    [["build", "pack.xlsx", "-o", "out"], /out must end in \.xlsx/],
    [["template", "directions", "-o", "directions.pdf"], /directions\.pdf must end in \.xlsx/],
    [["template", "directions", "-o", "directions.xls"], /directions\.xls must end in \.xlsx/],
  ])("%j is refused with one line, writing nothing", (args, message) => {
    const d = folder(`ext-${args.join("-").replace(/[^\w-]/g, "_")}`, { "pack.xlsx": BOARD_PACK });
    const r = cli(args, d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(message);
    expect(fs.readdirSync(d)).toEqual(["pack.xlsx"]);
  });

  it("keeps a macro-enabled workbook .xlsm: -o out.xlsx is refused, and the default is <name>.summary.xlsm", () => {
    const d = folder("ext-xlsm", { "macros.xlsm": XLSM });
    const r = cli(["build", "macros.xlsm", "-o", "out.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/out\.xlsx must end in \.xlsm: macros\.xlsm is a macro-enabled workbook/);
    expect(cli(["build", "macros.xlsm"], d).code).toBe(0);
    expect(fs.readdirSync(d).sort()).toEqual(["macros.summary.xlsm", "macros.xlsm"]);
    // Built again, the output keeps its name and extension.
    expect(cli(["build", "macros.summary.xlsm"], d).code).toBe(0);
    expect(fs.readdirSync(d).sort()).toEqual(["macros.summary.xlsm", "macros.xlsm"]);
  });

  it("accepts .XLSX in capitals", () => {
    const d = folder("ext-capitals");
    expect(cli(["template", "directions", "-o", "DIRECTIONS.XLSX"], d).code).toBe(0);
  });
});

/**
 * Where `build` and `template` write (command-line.md): never over a file the tool did not
 * write itself without --force, only under the right extension, and a rebuilt output keeps
 * its name (`<name>.summary.xlsx`, never `<name>.summary.summary.xlsx`). The CLI is spawned
 * as a user runs it.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { analyse } from "../../src/core/engine";
import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME } from "../../src/core/settings";
import { MARKER_PREFIX } from "../../src/core/summary/sheet-model";
import { openPackage } from "../../src/hosts/xlsx/package";
import { loadWorkbook } from "../../src/hosts/xlsx/read";
import { saveSettingsBytes } from "../../src/hosts/xlsx/write";
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

  it("takes an earlier output's unchanged sheets as the input's, but reads one edited since: a marker added to a source sheet there needs --force", async () => {
    const d = folder("build-edited-output");
    // Both zipped by JSZip, so the earlier output's untouched parts keep the input's stored bytes (build copies them as they are).
    const rezip = async (from: Uint8Array, change: (zip: JSZip) => Promise<void> = async () => undefined) => {
      const zip = await JSZip.loadAsync(from);
      await change(zip);
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    };
    fs.writeFileSync(path.join(d, "pack.xlsx"), await rezip(bytes(BOARD_PACK)));
    expect(cli(["build", "pack.xlsx", "-o", "out.xlsx"], d).code).toBe(0);
    fs.writeFileSync(path.join(d, "out.xlsx"), await rezip(bytes(path.join(d, "out.xlsx"))));
    expect(cli(["build", "pack.xlsx", "-o", "out.xlsx"], d).code).toBe(0);
    const marked = await rezip(bytes(path.join(d, "out.xlsx")), async (zip) => {
      const part = "xl/worksheets/sheet2.xml";
      const xml = await zip.file(part)!.async("string");
      zip.file(part, xml.replace("<sheetData>", `<sheetData><row r="1000"><c r="Z1000" t="inlineStr"><is><t>${MARKER_PREFIX}recovery-summary</t></is></c></row>`));
    });
    fs.writeFileSync(path.join(d, "out.xlsx"), marked);
    const r = cli(["build", "pack.xlsx", "-o", "out.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/out\.xlsx already exists.*not written by board-summary.*--force/);
    expect(bytes(path.join(d, "out.xlsx")).equals(marked)).toBe(true);
  });

  // The earlier output is looked at before the input is read (main.ts earlierOutputSheets),
  // whether named by -o or the default output; what is said, and in what order, is as before.
  const EARLIER_OUTPUTS = [
    { how: "named by -o", args: ["-o", "out.xlsx"], output: "out.xlsx" },
    { how: "the default output", args: [], output: "pack.summary.xlsx" },
  ];

  it.each(EARLIER_OUTPUTS)("looks at an existing workbook ($how) before reading the input, yet a damaged input still gives its own message first", async ({ how, args, output }) => {
    const d = folder(`build-damaged-input-${how.replace(/\W+/g, "-")}`, { [output]: SAVINGS_REGISTER });
    const zip = await JSZip.loadAsync(bytes(BOARD_PACK));
    zip.file("xl/worksheets/sheet2.xml", "<worksheet><sheetData><row><c");
    fs.writeFileSync(path.join(d, "pack.xlsx"), await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const r = cli(["build", "pack.xlsx", ...args], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/pack\.xlsx.*sheet2\.xml/);
    expect(r.stderr).not.toMatch(/already exists/);
    expect(bytes(path.join(d, output)).equals(bytes(SAVINGS_REGISTER))).toBe(true);
  });

  it.each(EARLIER_OUTPUTS)("refuses a truncated earlier output of its own ($how: it cannot tell what it holds), leaving it as it was", ({ how, args, output }) => {
    const d = folder(`build-truncated-${how.replace(/\W+/g, "-")}`, { "pack.xlsx": BOARD_PACK });
    expect(cli(["build", "pack.xlsx", ...args], d).code).toBe(0);
    const whole = bytes(path.join(d, output));
    for (const cut of [whole.length - 30, Math.floor(whole.length / 2)]) {
      const truncated = whole.subarray(0, cut);
      fs.writeFileSync(path.join(d, output), truncated);
      const r = cli(["build", "pack.xlsx", ...args], d);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(new RegExp(`${output.replace(/\./g, "\\.")} already exists.*not written by board-summary.*--force`));
      expect(bytes(path.join(d, output)).equals(truncated)).toBe(true);
    }
  });

  it("rebuilds the default output under the input's own extension: a user's <name>.summary.xlsx beside a macro-enabled input's output is not the one looked at", () => {
    const d = folder("build-default-xlsm", { "macros.xlsm": XLSM });
    expect(cli(["build", "macros.xlsm"], d).code).toBe(0);
    fs.copyFileSync(SAVINGS_REGISTER, path.join(d, "macros.summary.xlsx"));
    const again = cli(["build", "macros.xlsm"], d);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(bytes(path.join(d, "macros.summary.xlsx")).equals(bytes(SAVINGS_REGISTER))).toBe(true);
    // And the other way round: the user's workbook at the default output is refused, whatever lies beside it.
    fs.copyFileSync(path.join(d, "macros.summary.xlsm"), path.join(d, "macros.summary.xlsx"));
    fs.copyFileSync(SAVINGS_REGISTER, path.join(d, "macros.summary.xlsm"));
    const refused = cli(["build", "macros.xlsm"], d);
    expect(refused.code).toBe(2);
    expect(oneLine(refused.stderr)).toMatch(/macros\.summary\.xlsm already exists.*not written by board-summary.*--force/);
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

/** Loads a workbook with exceljs, lets `edit` change it, and saves it in place (as Excel would, whole). */
async function editWorkbook(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

/** The sheets of a workbook as the engine names their kinds. */
async function kindsIn(file: string): Promise<[string, string][]> {
  const { snapshot } = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  return analyse(snapshot).sheets.map((s) => [s.name, s.kind]);
}

// An existing output is judged by its sheet names, our markers and the settings sheet's
// name alone (src/hosts/xlsx/own-sheets.ts): the cases where a quick look could go wrong.
describe("build over an existing output, judged without analysing it", () => {
  it("still knows its own earlier output after rows are inserted above the marker of every summary", async () => {
    const d = folder("rows-above-marker", { "pack.xlsx": BOARD_PACK });
    expect(cli(["build", "pack.xlsx", "-o", "out.xlsx"], d).code).toBe(0);
    const out = path.join(d, "out.xlsx");
    const summaries = (await kindsIn(out)).filter(([, kind]) => kind === "summary").map(([name]) => name);
    expect(summaries.length).toBeGreaterThan(0);
    await editWorkbook(out, (wb) => {
      for (const name of summaries) wb.getWorksheet(name)!.insertRows(1, [["Noted by the board secretary"], [], []]);
    });
    // The markers are now in row 4, yet the engine still counts these sheets as summaries.
    const { snapshot } = await loadWorkbook(new Uint8Array(fs.readFileSync(out)), "out.xlsx");
    for (const name of summaries) {
      const sheet = snapshot.sheets.find((s) => s.name === name)!;
      expect(sheet.cells.filter((c) => typeof c.value === "string" && c.value.startsWith(MARKER_PREFIX)).map((c) => c.row)).toEqual([4]);
    }
    expect((await kindsIn(out)).filter(([, kind]) => kind === "summary").map(([name]) => name)).toEqual(summaries);
    const again = cli(["build", "pack.xlsx", "-o", "out.xlsx"], d);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  }, 60_000);

  it("refuses the user's own workbook at the default output whose sheets are named like our summaries but carry no marker", async () => {
    const d = folder("named-like-ours", { "pack.xlsx": BOARD_PACK });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Recovery Summary").getCell("A1").value = "My own recovery summary";
    wb.addWorksheet("Data Checks").getCell("A1").value = "My own checks";
    const mine = path.join(d, "pack.summary.xlsx");
    await wb.xlsx.writeFile(mine);
    const before = bytes(mine);
    const r = cli(["build", "pack.xlsx"], d);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/pack\.summary\.xlsx already exists.*not written by board-summary.*--force/);
    expect(bytes(mine).equals(before)).toBe(true);
  }, 60_000);

  it("does not count a saved settings sheet as a source sheet: an output of the pack with settings is replaced by one of the pack without", async () => {
    const d = folder("settings-sheet", { "pack.xlsx": BOARD_PACK });
    const pkg = await openPackage(new Uint8Array(fs.readFileSync(BOARD_PACK)), { fileName: "pack.xlsx" });
    fs.writeFileSync(path.join(d, "pack-with-settings.xlsx"), await saveSettingsBytes(pkg, { ...DEFAULT_SETTINGS, targetPence: 400_000_000 }));
    expect(cli(["build", "pack-with-settings.xlsx", "-o", "out.xlsx"], d).code).toBe(0);
    expect(await kindsIn(path.join(d, "out.xlsx"))).toContainEqual([SETTINGS_SHEET_NAME, "settings"]);
    const r = cli(["build", "pack.xlsx", "-o", "out.xlsx"], d);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // And a workbook with one more source sheet than the output's is another workbook.
    await editWorkbook(path.join(d, "pack.xlsx"), (wb) => {
      wb.addWorksheet("Secretary's notes").getCell("A1").value = "Notes";
    });
    const other = cli(["build", "pack.xlsx", "-o", "out.xlsx"], d);
    expect(other.code).toBe(2);
    expect(oneLine(other.stderr)).toMatch(/out\.xlsx already exists/);
  }, 60_000);
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

// Inserting a blank standard template through Office.js: every cell, look and validation the
// template model describes, under a free name, in two syncs, and nothing else touched.
import { ExcelHost } from "../../../src/hosts/excel";
import { freeSheetName } from "../../../src/hosts/excel/templates";
import { HostError } from "../../../src/hosts/host";
import { analyse } from "../../../src/core/engine";
import { NUMBER_FORMATS } from "../../../src/core/summary/sheet-model";
import { TEMPLATE_KINDS, templateModel, type TemplateKind } from "../../../src/core/templates/template-model";
import { widthToPoints } from "../../../src/hosts/excel/render";
import { addressOf, FakeExcel, type FakeExcelOptions } from "../../fakes/excel/fake-excel";
import { addActionSheet } from "./plan-fixtures";

function setup(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel(options);
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "T0K3N" });
  return { fake, host };
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

const cellsOf = (b: { top: number; left: number; bottom: number; right: number }) => {
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(addressOf({ top: r, left: c, bottom: r, right: c }));
  return out;
};

describe("inserting a template sheet", () => {
  it.each(TEMPLATE_KINDS.map((k) => [k]))("writes every cell, merge, size and validation of the %s model", async (kind) => {
    const { fake, host } = setup();
    fake.addSheet("Sheet1", { A1: "mine" });
    const model = templateModel(kind as TemplateKind);

    const name = await host.insertTemplate(kind as TemplateKind);

    expect(name).toBe(model.sheetName);
    const s = fake.sheet(name)!;
    for (const mc of model.cells) {
      const at = addressOf({ top: mc.row, left: mc.col, bottom: mc.row, right: mc.col });
      const cell = fake.cell(name, at);
      const c = mc.content;
      if (c.kind === "text") expect({ at, value: cell?.value ?? null }).toEqual({ at, value: c.text === "" ? null : c.text });
      if (c.kind === "formula") expect({ at, formula: cell?.formula }).toEqual({ at, formula: c.formula });
      if (mc.format) expect({ at, format: cell?.numberFormat }).toEqual({ at, format: NUMBER_FORMATS[mc.format] });
      if (mc.style?.border) expect({ at, border: cell?.style["border.EdgeTop.style"] }).toEqual({ at, border: "Continuous" });
      if (mc.style?.bold) expect({ at, bold: cell?.style["font.bold"] }).toEqual({ at, bold: true });
      if (mc.style?.fill) expect({ at, fill: cell?.style["fill.color"] }).toEqual({ at, fill: `#${mc.style.fill}` });
    }
    expect(s.merges).toEqual(model.merges);
    for (const w of model.columnWidths) expect(s.columnWidths.get(w.col)).toBeCloseTo(widthToPoints(w.width));
    expect([...s.rowHeights.entries()]).toEqual(model.rowHeights.map((h) => [h.row, h.height]));
    expect(s.freezeRows).toBe(model.freezeRows);
    expect(s.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });

    // Validation exactly on the model's ranges, and nowhere else.
    const expected = new Set<string>();
    for (const v of model.validations) {
      for (const at of cellsOf(v.range)) {
        expected.add(at);
        const dv = fake.validationAt(name, at)!;
        expect({ at, kinds: Object.keys(dv.rule ?? {}) }).toEqual({ at, kinds: [v.type] });
        expect(dv.prompt).toEqual({ showPrompt: true, title: v.prompt.title, message: v.prompt.message });
        expect(dv.errorAlert).toEqual({
          showAlert: true,
          style: v.errorStyle === "warning" ? "Warning" : "Stop",
          title: v.error.title,
          message: v.error.message,
        });
        expect(dv.ignoreBlanks).toBe(true);
      }
    }
    expect(s.validation.size).toBe(expected.size);

    expect(fake.state.active).toBe(name);
    expect(fake.syncs).toHaveLength(2);
  });

  it("gives the recovery-action form its drop-downs, date rule and amount rules", async () => {
    const { fake, host } = setup();
    fake.addSheet("Sheet1");
    const name = await host.insertTemplate("recovery-action");
    expect(fake.validationAt(name, "C6")?.rule).toEqual({ list: { inCellDropDown: true, source: "High,Medium,Low" } });
    expect(fake.validationAt(name, "E6")?.rule).toEqual({ date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } });
    expect(fake.validationAt(name, "C5")?.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(fake.validationAt(name, "F16")?.rule?.list?.source).toBe("Weekly,Fortnightly,Monthly,Bi-monthly,Quarterly,Six-monthly,Annually");
    expect(fake.validationAt(name, "C3")).toBeUndefined();
    // Blank input cells stay blank (the readers must see them as empty).
    expect(fake.cell(name, "C5")).toMatchObject({ value: null, numberFormat: "£#,##0" });
  });

  it("gives directions progress a 0–100% rule that only warns, as narrative updates are allowed", async () => {
    const { fake, host } = setup();
    fake.addSheet("Sheet1");
    const name = await host.insertTemplate("directions");
    expect(fake.validationAt(name, "D7")?.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    expect(fake.validationAt(name, "D16")?.errorAlert?.style).toBe("Warning");
    expect(fake.cell(name, "D7")?.numberFormat).toBe("0%");
  });

  it("picks the first free name, ignoring case, and never touches the other sheets", async () => {
    const { fake, host } = setup();
    addActionSheet(fake, "recovery action", 448000);
    fake.addSheet("Recovery Action (2)", { A1: "also mine" }, { merges: ["A1:B1"] });
    const before = JSON.stringify(fake.dump());

    const name = await host.insertTemplate("recovery-action");

    expect(name).toBe("Recovery Action (3)");
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["recovery action", "Recovery Action (2)", "Recovery Action (3)"]);
    const after = fake.dump() as { sheets: { name: string }[] };
    expect(JSON.stringify({ ...after, sheets: after.sheets.slice(0, 2) })).toBe(before);
    expect(await host.insertTemplate("recovery-action")).toBe("Recovery Action (4)");
  });

  it("uses two syncs whatever the number of sheets", async () => {
    for (const n of [1, 150]) {
      const { fake, host } = setup();
      for (let i = 1; i <= n; i++) fake.addSheet(`Sheet${i}`);
      await host.insertTemplate("recovery-register");
      expect({ n, syncs: fake.syncs.length }).toEqual({ n, syncs: 2 });
    }
  });

  it("inserts a sheet the engine then recognises as that template", async () => {
    for (const kind of TEMPLATE_KINDS) {
      const { fake, host } = setup({ apiVersion: "1.13" });
      fake.addSheet("Notes", { A1: "Some notes" });
      const name = await host.insertTemplate(kind);
      const analysis = analyse(await host.readSnapshot(), { now: new Date("2024-01-15T12:00:00Z") });
      expect({ kind, sheet: analysis.sheets.find((s) => s.name === name)?.kind }).toEqual({ kind, sheet: kind });
    }
  });

  it("refuses a read-only workbook and a protected structure, saying what to do", async () => {
    const ro = setup();
    ro.fake.addSheet("Sheet1");
    ro.fake.state.readOnly = true;
    const e1 = await rejection(ro.host.insertTemplate("directions"));
    expect(e1).toBeInstanceOf(HostError);
    expect(e1.message).toBe(
      "This workbook is open read-only, so a template sheet cannot be added. Save a copy you can edit (File > Save As), then try again.",
    );

    const locked = setup();
    locked.fake.addSheet("Sheet1");
    locked.fake.state.structureProtected = true;
    const e2 = await rejection(locked.host.insertTemplate("directions"));
    expect(e2.message).toMatch(/^The workbook's structure is protected.*Review > Protect Workbook/);
    expect(locked.fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("leaves the workbook as it was whichever write fails", async () => {
    const probe = setup();
    probe.fake.addSheet("Sheet1", { A1: "mine" });
    await probe.host.insertTemplate("recovery-action");
    const writes = probe.fake.writesApplied;
    expect(writes).toBeGreaterThan(30);

    for (let n = 1; n <= writes; n++) {
      const { fake, host } = setup();
      fake.addSheet("Sheet1", { A1: "mine" });
      fake.state.active = "Sheet1";
      const before = fake.dump();
      fake.failOnWrite(n);
      const err = await rejection(host.insertTemplate("recovery-action"));
      expect({ n, message: err.message }).toEqual({
        n,
        message: expect.stringMatching(/^Excel reported an internal error while trying to add the template sheet 'Recovery Action'\. .* Nothing was added\.$/),
      });
      expect({ n, workbook: fake.dump() }).toEqual({ n, workbook: before });
    }
  });

  it("says so when even the tidying up fails", async () => {
    const { fake, host } = setup();
    fake.addSheet("Sheet1");
    fake.failOnWrite(10);
    // The tidy-up's first sync fails too.
    const original = fake.process.bind(fake);
    let calls = 0;
    fake.process = async (ops) => {
      calls++;
      if (calls === 3) throw new Error("connection lost");
      return original(ops);
    };
    const err = await rejection(host.insertTemplate("recovery-register"));
    expect(err.message).toMatch(/A part-made sheet may remain: delete 'Recovery Register' or '~BS T0K3N template' if you see it\.$/);
  });
});

describe("free sheet names", () => {
  it("numbers after the wanted name and keeps within 31 characters", () => {
    expect(freeSheetName("Directions", [])).toBe("Directions");
    expect(freeSheetName("Directions", ["DIRECTIONS", "Directions (2)"])).toBe("Directions (3)");
    const long = "A".repeat(31);
    const next = freeSheetName(long, [long]);
    expect(next).toBe(`${"A".repeat(27)} (2)`);
    expect(next.length).toBeLessThanOrEqual(31);
  });
});

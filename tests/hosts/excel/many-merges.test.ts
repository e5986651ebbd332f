// Excel refuses the merged areas of a range with more than 512 of them, failing the whole
// sync. Such a sheet is read without merges, with a note; the rest of the workbook as usual.
import { ExcelHost } from "../../../src/hosts/excel";
import { FakeExcel, type FakeExcelOptions } from "../../fakes/excel/fake-excel";
import { addActionSheet } from "./plan-fixtures";

function setup(options: FakeExcelOptions = {}, hostOptions: ConstructorParameters<typeof ExcelHost>[0] = {}) {
  const fake = new FakeExcel({ apiVersion: "1.13", ...options });
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, ...hostOptions });
  return { fake, host };
}

/**
 * A recovery-action form (so it is read in full, merges included) of `n` merged pairs
 * (A1:B1, A2:B2, …), each with a label.
 */
function addMergedSheet(fake: FakeExcel, name: string, n: number): void {
  const cells: Record<string, string | number> = { D1: "Financial Recovery Value", E1: 1000, D2: "Risk Level", E2: "Low" };
  const merges: string[] = [];
  for (let r = 1; r <= n; r++) {
    cells[`A${r}`] = `Label ${r}`;
    merges.push(`A${r}:B${r}`);
  }
  fake.addSheet(name, cells, { merges });
}

describe("a sheet with more than 512 merged areas", () => {
  it("is read without merges, with a note naming it; other sheets keep theirs", async () => {
    const { fake, host } = setup();
    addActionSheet(fake, "RA 1", 100000);
    addMergedSheet(fake, "Busy", 600);
    addMergedSheet(fake, "Exactly 512", 512);
    addActionSheet(fake, "RA 2", 200000);

    const snap = await host.readSnapshot();

    expect(snap.sheets.map((s) => [s.name, s.merges.length])).toEqual([
      ["RA 1", 1],
      ["Busy", 0],
      ["Exactly 512", 512],
      ["RA 2", 1],
    ]);
    expect(snap.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 6 }]);
    // The cells themselves are all there.
    expect(snap.sheets[1].cells).toHaveLength(604);
    expect(snap.sheets[1].cells[603]).toMatchObject({ row: 600, col: 1, value: "Label 600" });
    expect(snap.sheets[3].cells.find((c) => c.row === 5 && c.col === 3)?.value).toBe(200000);
    expect(snap.notes).toEqual([
      "Excel could not list the merged cells on 'Busy' (it may have more than 512 merged areas), so that sheet was read without them: check any finding on it that points into merged cells.",
    ]);
  });

  it("reads the same as before when no sheet is over the limit: three syncs, no notes", async () => {
    const { fake, host } = setup();
    addActionSheet(fake, "RA 1", 100000);
    addMergedSheet(fake, "Fine", 40);
    const snap = await host.readSnapshot();
    // List, windows, and the templates' merged areas.
    expect(fake.syncs).toHaveLength(3);
    expect(snap.notes).toBeUndefined();
    expect(snap.sheets[1].merges).toHaveLength(40);
  });

  it("finds the refused sheets among many in few syncs", async () => {
    const { fake, host } = setup();
    for (let i = 1; i <= 64; i++) addActionSheet(fake, `RA ${i}`, i);
    addMergedSheet(fake, "Busy A", 513);
    for (let i = 65; i <= 100; i++) addActionSheet(fake, `RA ${i}`, i);
    addMergedSheet(fake, "Busy B", 700);

    const snap = await host.readSnapshot();

    const byName = new Map(snap.sheets.map((s) => [s.name, s]));
    expect(byName.get("Busy A")!.merges).toEqual([]);
    expect(byName.get("Busy B")!.merges).toEqual([]);
    expect(snap.sheets.filter((s) => s.name.startsWith("RA ")).every((s) => s.merges.length === 1)).toBe(true);
    expect(snap.notes).toHaveLength(2);
    expect(snap.notes![0]).toMatch(/'Busy A'/);
    expect(snap.notes![1]).toMatch(/'Busy B'/);
    // 102 sheets: list, failed read, cells, then halving for two refused sheets (≈ 2 × 2 × log₂ 102).
    expect(fake.syncs.length).toBeLessThanOrEqual(3 + 4 * Math.ceil(Math.log2(102)) + 1);
    expect(fake.syncs.length).toBeLessThan(40);
  });

  it("copes when the workbook is also too large for one response", async () => {
    const { fake, host } = setup({ payloadLimit: 20_000 }, { payloadBudget: 15_000 });
    addMergedSheet(fake, "Busy", 520);
    fake.addSheet("Small", { B2: 1 }, { merges: ["B2:C2"] });
    const snap = await host.readSnapshot();
    expect(snap.sheets[0].cells).toHaveLength(524);
    expect(snap.sheets[0].merges).toEqual([]);
    // Not a template: its merged areas are not needed, so not read.
    expect(snap.sheets[1].merges).toEqual([]);
    expect(snap.notes).toHaveLength(1);
  });

  it("still fails, with a message, when reading the cells fails too", async () => {
    const { fake, host } = setup();
    addMergedSheet(fake, "Busy", 600);
    const original = fake.process.bind(fake);
    let calls = 0;
    fake.process = async (ops) => {
      calls++;
      // The read with the merged areas, then the read of the cells alone.
      if (calls === 3 || calls === 4) throw Object.assign(new Error("The workbook is busy."), { code: "GeneralException" });
      return original(ops);
    };
    await expect(host.readSnapshot()).rejects.toThrow(
      "Excel reported an internal error while trying to read the workbook. Try again; if it keeps happening, save, close and reopen the workbook.",
    );
  });
});

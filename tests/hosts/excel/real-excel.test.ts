// Issue 10: the add-in against what Microsoft documents real Excel doing (tests/fakes/excel/
// README.md lists each behaviour the fake models, with its source). Each test here failed
// on the host before the changes.
import { analyse } from "../../../src/core/engine";
import { ExcelHost } from "../../../src/hosts/excel";
import { WINDOW_ROWS } from "../../../src/hosts/excel/reading";
import { HostError } from "../../../src/hosts/host";
import { buildToken } from "../../../src/hosts/excel/session";
import { FakeExcel, type CellInit, type FakeExcelOptions } from "../../fakes/excel/fake-excel";
import { addActionSheet, planFor } from "./plan-fixtures";

const NOW = new Date("2023-09-21T12:00:00Z");

function setup(options: FakeExcelOptions = {}, hostOptions: ConstructorParameters<typeof ExcelHost>[0] = {}) {
  const fake = new FakeExcel(options);
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "T0K3N", ...hostOptions });
  return { fake, host };
}

function sources(fake: FakeExcel, n: number): string[] {
  const names = Array.from({ length: n }, (_, i) => `RA ${i + 1}`);
  names.forEach((s, i) => addActionSheet(fake, s, 100000 + i));
  return names;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("1. links that work everywhere, and no calculated columns", () => {
  it("each link goes to its own source cell in Excel on the web, where HYPERLINK follows web addresses only", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 3);
    await host.writeSummaries(planFor(names));
    for (const [i, name] of names.entries()) {
      const address = `D${5 + i}`;
      expect(fake.followLink("Recovery Summary", address, "web")).toEqual({ sheet: name, address: "C5" });
      expect(fake.followLink("Recovery Summary", address, "desktop")).toEqual({ sheet: name, address: "C5" });
    }
  });

  it("no column of a table becomes a calculated column: every link and total is as written", async () => {
    const { fake, host } = setup({ fillFormulasInTables: true });
    const names = sources(fake, 4);
    await host.writeSummaries(planFor(names));
    const targets = names.map((_, i) => fake.linkAt("Recovery Summary", `D${5 + i}`)?.documentReference);
    expect(targets).toEqual(["'RA 1'!C5", "'RA 2'!C5", "'RA 3'!C5", "'RA 4'!C5"]);
    // The totals row holds our own label and formula, not the defaults Excel puts in a new totals row.
    expect(fake.cell("Recovery Summary", "A9")?.value).toBe("Total");
    expect(fake.cell("Recovery Summary", "B9")?.formula).toBe("SUBTOTAL(109,B5:B8)");
    expect(fake.cell("Recovery Summary", "D9")?.formula).toBeUndefined();
  });
});

describe("2. any size of workbook on the web", () => {
  /** A data tab of `rows` rows × 4 columns of amounts and text: no template at all. */
  function addDataTab(fake: FakeExcel, name: string, rows: number): void {
    const cells: Record<string, CellInit> = { A1: "Ledger", B1: "Amount", C1: "Cost centre", D1: "Narrative" };
    for (let r = 2; r <= rows; r++) {
      cells[`A${r}`] = r;
      cells[`B${r}`] = { value: r * 1.01, numberFormat: "#,##0.00" };
      cells[`C${r}`] = `CC${r % 97}`;
      cells[`D${r}`] = `Line ${r} of the ledger`;
    }
    fake.addSheet(name, cells);
  }

  it("a workbook with a 200,000-row data tab checks at 5 MB, in the syncs of one without it", async () => {
    const plain = setup({ payloadLimit: 5_000_000 });
    sources(plain.fake, 3);
    await plain.host.readSnapshot();

    const { fake, host } = setup({ payloadLimit: 5_000_000 });
    sources(fake, 3);
    addDataTab(fake, "Ledger", 200_000);
    const snap = await host.readSnapshot();
    expect(fake.syncs.length).toBe(plain.fake.syncs.length);
    expect(Math.max(...fake.syncs.map((s) => s.responseBytes))).toBeLessThan(5_000_000);
    // The data tab is known by its window: enough for the unrecognised-sheet finding.
    const ledger = snap.sheets.find((s) => s.name === "Ledger")!;
    expect(Math.max(...ledger.cells.map((c) => c.row))).toBe(WINDOW_ROWS);
    expect(ledger.usedRange).toEqual({ rows: 200_000, cols: 4 });
    const analysis = analyse(snap, { now: NOW });
    expect(analysis.findings.filter((f) => f.code === "unrecognised-sheet").map((f) => f.sheet)).toEqual(["Ledger"]);
    expect(analysis.recovery.actions).toHaveLength(3);
  }, 60_000);

  it("a sheet whose used range passes 5,000,000 cells (RangeExceedsLimit) is no failure", async () => {
    const { fake, host } = setup();
    sources(fake, 1);
    fake.addSheet("Sparse", { A1: "note", F900000: 1 });
    const snap = await host.readSnapshot();
    expect(snap.sheets.find((s) => s.name === "Sparse")?.cells.map((c) => c.value)).toEqual(["note"]);
  });

  it("a template larger than one response is read in full, in pieces, halved when Excel refuses one", async () => {
    const { fake, host } = setup({ payloadLimit: 400_000 }, { payloadBudget: 300_000 });
    const cells: Record<string, CellInit> = { A1: "Service Area", B1: "Ref", C1: "Description", D1: "Proposed Saving" };
    for (let r = 2; r <= 3000; r++) {
      cells[`A${r}`] = "Care at Home";
      cells[`B${r}`] = `R${r}`;
      // Short text in the window, long below it: the first estimate is too small.
      cells[`C${r}`] = r <= WINDOW_ROWS ? "x" : `Saving ${r} ${"y".repeat(300)}`;
      cells[`D${r}`] = 1000 + r;
    }
    fake.addSheet("Register", cells);
    const snap = await host.readSnapshot();
    const reg = snap.sheets[0];
    expect(reg.cells).toHaveLength(4 * 3000);
    expect(reg.cells.at(-1)).toMatchObject({ row: 3000, col: 4, value: 4000 });
    expect(analyse(snap, { now: NOW }).recovery.actions).toHaveLength(2999);
  });

  it("a template whose header lies below the window is not recognised (docs/addin.md)", async () => {
    const { fake, host } = setup();
    fake.addSheet("Late", { [`A${WINDOW_ROWS + 5}`]: "Service Area", [`B${WINDOW_ROWS + 5}`]: "Proposed Saving", [`A${WINDOW_ROWS + 6}`]: "Care", [`B${WINDOW_ROWS + 6}`]: 5 });
    fake.addSheet("Notes", { A1: "Read me" });
    const snap = await host.readSnapshot();
    // Its content starts below the window, so its window is read from its first used cell.
    expect(analyse(snap, { now: NOW }).recovery.actions).toHaveLength(1);
    fake.sheet("Late")!.cells.set("1,1", { value: "Title", numberFormat: "General", style: {} });
    const again = await host.readSnapshot();
    expect(analyse(again, { now: NOW }).sheets.find((s) => s.name === "Late")?.kind).toBe("other");
  });
});

describe("3. typing in a cell is not an error", () => {
  it("asks Excel to wait for cell edit mode to end where ExcelApi 1.11 allows", async () => {
    const { fake, host } = setup({ apiVersion: "1.11" });
    sources(fake, 1);
    fake.startCellEdit();
    let done = false;
    const reading = host.readSnapshot().then((s) => {
      done = true;
      return s;
    });
    await tick();
    expect(done).toBe(false);
    fake.endCellEdit("RA 1", "C5", 5);
    const snap = await reading;
    expect(fake.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
    expect(snap.sheets[0].cells.find((c) => c.row === 5 && c.col === 3)?.value).toBe(5);
  });

  it("an automatic recheck during an edit waits for the edit to end, with no failure, on Excel without 1.11", async () => {
    const { fake, host } = setup({ apiVersion: "1.9" }, { wait: () => tick() as Promise<void> });
    sources(fake, 1);
    const checks: string[] = [];
    const stop = host.onChanged(() => {
      host.readSnapshot().then(
        () => checks.push("checked"),
        (e: Error) => checks.push(e.message),
      );
    });
    await tick();
    fake.startCellEdit();
    fake.userEdit("RA 1", "C6", "Low"); // a co-author's change arrives while this user types
    await fake.eventsDelivered();
    for (let i = 0; i < 5; i++) await tick();
    expect(checks).toEqual([]);
    fake.endCellEdit();
    for (let i = 0; i < 5; i++) await tick();
    expect(checks).toEqual(["checked"]);
    stop();
  });

  it("says plainly what to do when the edit does not end", async () => {
    let clock = 0;
    const { fake, host } = setup({ apiVersion: "1.9" }, { now: () => clock, wait: async (ms) => void (clock += ms), cellEditPatienceMs: 5000 });
    sources(fake, 1);
    fake.startCellEdit();
    const err = await host.readSnapshot().then(
      () => null,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(HostError);
    expect(err?.message).toBe("Excel is waiting for you to finish typing in a cell. Press Enter (or Esc), then read the workbook again.");
  });

  it("reports a failed event registration instead of swallowing it", async () => {
    const { host } = setup({ apiVersion: "1.6" });
    const problems: string[] = [];
    host.onChanged(
      () => undefined,
      (m) => problems.push(m),
    );
    for (let i = 0; i < 3; i++) await tick();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^This version of Excel cannot watch the workbook for changes: .* choose Check after changing the workbook\.$/);
  });
});

describe("4. the user's Excel is left as it was", () => {
  it("never switches calculation mode (it applies to every open workbook): calculation is suspended per request", async () => {
    const { fake, host } = setup();
    fake.state.calculationMode = "Automatic";
    const writes: string[] = [];
    const original = fake.process.bind(fake);
    fake.process = (ops) => {
      for (const op of ops) if (op.desc.set === "calculationMode") writes.push(String(op.desc.value));
      return original(ops);
    };
    await host.writeSummaries(planFor(sources(fake, 2)));
    expect(writes).toEqual([]);
    expect(fake.state.calculationSuspensions).toBeGreaterThanOrEqual(1);
  });

  it("keeps the summary sheets where the user put them in the tab order", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 2);
    await host.writeSummaries(planFor(names));
    // The user drags the summary to the front.
    const s = fake.sheet("Recovery Summary")!;
    fake.state.sheets.splice(fake.state.sheets.indexOf(s), 1);
    fake.state.sheets.unshift(s);
    await host.writeSummaries(planFor(names, { replace: ["Recovery Summary", "Data Checks"] }));
    expect(fake.state.sheets.map((x) => x.name)).toEqual(["Recovery Summary", ...names, "Data Checks"]);
  });

  it("keeps the user's formulas that refer to a summary sheet working across rebuilds", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 2);
    await host.writeSummaries(planFor(names));
    fake.addSheet("My notes", { A1: { formula: "'Recovery Summary'!B7", value: 896001 } });
    await host.writeSummaries(planFor(names, { replace: ["Recovery Summary", "Data Checks"] }));
    expect(fake.cell("My notes", "A1")).toMatchObject({ formula: "'Recovery Summary'!B7" });
    expect(fake.cell("My notes", "A1")?.error).toBeUndefined();
  });

  it.each([false, true])(
    "keeps them working when a rebuild fails part way, whichever write fails (copyFrom pastes tables: %s)",
    async (copyFromCarriesTables) => {
      /** A workbook with a summary, a user formula pointing at it, and the summary about to be rebuilt. */
      async function prepared() {
        const { fake, host } = setup({ copyFromCarriesTables });
        const names = sources(fake, 3);
        await host.writeSummaries(planFor(names));
        fake.addSheet("My notes", { A1: { formula: "'Recovery Summary'!B5", value: 100000 } });
        // The user froze panes of their own on the summary, and coloured its tab.
        fake.sheet("Recovery Summary")!.freezeCols = 1;
        fake.sheet("Data Checks")!.tabColor = "#00B050";
        const plan = planFor(names, { replace: ["Recovery Summary", "Data Checks"] });
        plan.models[0].cells.push({ row: 20, col: 2, content: { kind: "text", text: "A new note" } });
        return { fake, host, rebuild: () => host.writeSummaries(plan) };
      }
      const withoutIds = (fake: FakeExcel) => JSON.parse(JSON.stringify(fake.dump(), (k, v: unknown) => (k === "id" ? undefined : v))) as unknown;

      const probe = await prepared();
      const start = probe.fake.writesApplied;
      await probe.rebuild();
      const writes = probe.fake.writesApplied - start;
      let failed = 0;
      for (let n = 1; n <= writes; n++) {
        const { fake, host, rebuild } = await prepared();
        const before = withoutIds(fake);
        const summaryId = fake.sheet("Recovery Summary")!.id;
        fake.failOnWrite(n);
        const outcome = await rebuild().then(
          () => null,
          (e: unknown) => e as Error,
        );
        // The user's formula still points at the summary, and the summary is the same sheet.
        expect({ n, formula: fake.cell("My notes", "A1")?.formula, error: fake.cell("My notes", "A1")?.error }).toEqual({
          n,
          formula: "'Recovery Summary'!B5",
          error: undefined,
        });
        expect({ n, id: fake.sheet("Recovery Summary")?.id }).toEqual({ n, id: summaryId });
        if (!outcome) continue;
        failed++;
        expect({ n, message: outcome.message }).toEqual({ n, message: expect.stringMatching(/The workbook has been left as it was\.$/) });
        await host.readSnapshot();
        expect({ n, workbook: withoutIds(fake) }).toEqual({ n, workbook: before });
      }
      expect(failed).toBeGreaterThan(writes - 5);
    },
  );

  it("a lost connection mid-build leaves no visible temporary sheet, and the next check removes the hidden ones", async () => {
    for (const [rebuild, at] of [
      [false, 2],
      [false, 3],
      [true, 2],
      [true, 3],
    ] as const) {
      const { fake, host } = setup();
      const names = sources(fake, 2);
      if (rebuild) await host.writeSummaries(planFor(names));
      fake.loseConnectionAtSync(at);
      await expect(host.writeSummaries(planFor(names, rebuild ? { replace: ["Recovery Summary", "Data Checks"] } : {}))).rejects.toThrow(HostError);
      const visible = fake.state.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
      expect(visible.filter((n) => n.startsWith("~BS") || / \(\d+\)$/.test(n))).toEqual([]);
      // Connection back: the next check tidies up what the build left.
      const fresh = new ExcelHost({ run: new FakeExcelRun(fake).run, isSetSupported: fake.isSetSupported });
      await fresh.readSnapshot();
      expect(fake.state.sheets.filter((s) => s.name.startsWith("~BS"))).toEqual([]);
    }
  });

  it("a check leaves alone the hidden sheets of a build still running elsewhere (under ten minutes old)", async () => {
    const now = Date.UTC(2026, 10, 30, 12);
    const { fake, host } = setup({}, { now: () => now });
    sources(fake, 1);
    fake.addSheet(`~BS ${buildToken(now - 60_000)} 1`, { A1: "being built" }, { visibility: "VeryHidden" });
    fake.addSheet(`~BS ${buildToken(now - 3_600_000)} 1`, { A1: "left over" }, { visibility: "VeryHidden" });
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["RA 1"]);
    expect(fake.state.sheets.map((s) => s.cells.get("1,1")?.value)).toEqual([expect.anything(), "being built"]);
  });

  it("a failed first build leaves no sheet of its own behind, visible or not", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 2);
    const before = fake.dump();
    fake.failOnSync(2);
    await expect(host.writeSummaries(planFor(names))).rejects.toThrow(/left as it was\.$/);
    expect(fake.dump()).toEqual(before);
  });
});

describe("6. print setup and layout as documented", () => {
  it("suspends screen updating once for a build of many requests, and fits each sheet one page wide", async () => {
    const { fake, host } = setup({ payloadLimit: 400_000 }, { payloadBudget: 300_000 });
    const names = sources(fake, 3);
    const plan = planFor(names);
    const model = plan.models[0]!;
    for (let r = 20; r < 3020; r++) model.cells.push({ row: r, col: 6, content: { kind: "text", text: `Note ${r} ${"y".repeat(60)}` } });
    await host.writeSummaries(plan);
    expect(fake.syncs.length).toBeGreaterThan(3);
    expect(fake.state.screenUpdatingSuspensions).toBe(1);
    expect(fake.sheet("Recovery Summary")!.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });

  it("autofits the rows that hold wrapped text, so nothing is clipped", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 2);
    const plan = planFor(names);
    plan.models[0]!.cells.push({ row: 12, col: 2, content: { kind: "text", text: "A long note that wraps over several lines" }, style: { wrap: true } });
    plan.models[0]!.cells.push({ row: 13, col: 2, content: { kind: "text", text: "Another" }, style: { wrap: true } });
    await host.writeSummaries(plan);
    expect(fake.sheet("Recovery Summary")!.autofitRows).toEqual(["12:13"]);
  });
});

/** Excel.run on a fake whose connection has come back (a new session after a lost one). */
class FakeExcelRun {
  constructor(private readonly fake: FakeExcel) {}
  run = <T>(first: Excel.RunOptions | ((c: Excel.RequestContext) => Promise<T>), second?: (c: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.fake.reconnect();
    return this.fake.run(first, second);
  };
}

import { ExcelHost } from "../../../src/hosts/excel";
import { HostError } from "../../../src/hosts/host";
import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME, settingsFromJson, type Settings } from "../../../src/core/settings";
import { FakeExcel, type FakeExcelOptions } from "../../fakes/excel/fake-excel";
import type { SummaryPlan } from "../../../src/core/summary/sheet-model";
import { addActionSheet, planFor } from "./plan-fixtures";

function setup(options: FakeExcelOptions = {}, hostOptions: ConstructorParameters<typeof ExcelHost>[0] = {}) {
  const fake = new FakeExcel(options);
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "T0K3N", ...hostOptions });
  return { fake, host };
}

function sources(fake: FakeExcel, n: number): string[] {
  const names = Array.from({ length: n }, (_, i) => (i === 0 ? "O'Brien's Actions" : `RA ${i + 1}`));
  names.forEach((s, i) => addActionSheet(fake, s, 100000 + i));
  return names;
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

describe("reading a snapshot", () => {
  it("turns every kind of cell into snapshot cells, skipping empty ones", async () => {
    const { fake, host } = setup({ apiVersion: "1.13" });
    fake.addSheet(
      "Mixed",
      {
        A1: "Title",
        B2: 448000,
        C2: { value: 0.92, numberFormat: "0%" },
        D2: { value: 45199, numberFormat: "dd/mm/yyyy" },
        E2: true,
        F2: { error: "#REF!" },
        G2: { formula: "SUM(B2:B3)", value: 448000 },
        B3: "",
      },
      { merges: ["A1:C1"] },
    );
    fake.addSheet("Hidden one", { A1: "x" }, { visibility: "Hidden" });
    fake.addSheet("Secret", {}, { visibility: "VeryHidden", protected: true });

    const snap = await host.readSnapshot();

    expect(snap.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["Mixed", "visible", false],
      ["Hidden one", "hidden", false],
      ["Secret", "veryHidden", true],
    ]);
    const mixed = snap.sheets[0];
    // Values and number formats only (the engine needs no more, and the response stays
    // small): an error arrives as its text in values; a formula as its result.
    expect(mixed.cells).toEqual([
      { row: 1, col: 1, value: "Title", format: "General" },
      { row: 2, col: 2, value: 448000, format: "General" },
      { row: 2, col: 3, value: 0.92, format: "0%" },
      { row: 2, col: 4, value: 45199, format: "dd/mm/yyyy" },
      { row: 2, col: 5, value: true, format: "General" },
      { row: 2, col: 6, value: null, format: "General", error: "#REF!" },
      { row: 2, col: 7, value: 448000, format: "General" },
    ]);
    // Merged areas are read only for template sheets, which the readers need them for.
    expect(mixed.merges).toEqual([]);
    expect(mixed.usedRange).toEqual({ rows: 2, cols: 7 });
    expect(snap.sheets[2].cells).toEqual([]);
  });

  it("reads no merges where ExcelApi 1.13 is missing, instead of failing", async () => {
    const { fake, host } = setup({ apiVersion: "1.9" });
    fake.addSheet("S", { A1: "x" }, { merges: ["A1:B1"] });
    const snap = await host.readSnapshot();
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].cells).toHaveLength(1);
  });

  it.each([["1.9"], ["1.13"]])("uses the same number of syncs for 5 sheets and for 200 (ExcelApi %s)", async (apiVersion) => {
    const counts: number[] = [];
    for (const n of [5, 200]) {
      const { fake, host } = setup({ apiVersion });
      sources(fake, n);
      const snap = await host.readSnapshot();
      expect(snap.sheets).toHaveLength(n);
      counts.push(fake.syncs.length);
    }
    expect(counts[0]).toBe(counts[1]);
    // List, windows, and (ExcelApi 1.13) the template sheets' merged areas.
    expect(counts[0]).toBe(apiVersion === "1.13" ? 3 : 2);
  });

  it("reads a workbook too large for one response in pieces, with the same result", async () => {
    const build = (fake: FakeExcel) => {
      const cells: Record<string, string> = {};
      for (let r = 1; r <= 300; r++) cells[`A${r}`] = `Row ${r} ${"x".repeat(80)}`;
      fake.addSheet("Big", cells);
      fake.addSheet("Small", { B2: 1 });
    };
    const normal = setup();
    build(normal.fake);
    const expected = await normal.host.readSnapshot();

    const limited = setup({ payloadLimit: 20_000 }, { payloadBudget: 15_000 });
    build(limited.fake);
    const snap = await limited.host.readSnapshot();
    expect(snap).toEqual(expected);
    expect(limited.fake.syncs.length).toBeGreaterThan(3);
    // A response Excel refuses is read again in halves: a few refusals, never a failure.
    expect(limited.fake.syncs.filter((s) => s.responseBytes > 20_000).length).toBeLessThanOrEqual(4);
  });
});

describe("writing the summary sheets", () => {
  it("renders the plan: content, formats, links, tables, widths, panes and print setup", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 3);
    const result = await host.writeSummaries(planFor(names));

    expect(result.written).toEqual([
      { id: "recovery-summary", name: "Recovery Summary" },
      { id: "data-checks", name: "Data Checks" },
    ]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual([...names, "Recovery Summary", "Data Checks"]);
    const sheet = "Recovery Summary";
    expect(fake.cell(sheet, "A1")).toMatchObject({ value: "Recovery Summary", style: { "font.bold": true, "font.size": 16 } });
    expect(fake.cell(sheet, "H1")?.value).toBe("board-summary:generated:recovery-summary");
    expect(fake.cell(sheet, "B2")).toMatchObject({ value: 45190, numberFormat: "dd/mm/yyyy" });
    // Text that looks like a number stays text.
    expect(fake.cell(sheet, "A6")).toMatchObject({ value: "1.10", numberFormat: "@" });
    expect(fake.cell(sheet, "B5")).toMatchObject({ value: 448000, numberFormat: "£#,##0" });
    expect(fake.cell(sheet, "C5")?.style).toMatchObject({ "fill.color": "#C00000", "font.color": "#FFFFFF" });
    // Links are Range.hyperlink objects to a place in this workbook, showing the reference.
    expect(fake.linkAt(sheet, "D5")).toEqual({ documentReference: "'O''Brien''s Actions'!C5", textToDisplay: "'O'Brien's Actions'!C5" });
    expect(fake.cell(sheet, "D5")).toMatchObject({ value: "'O'Brien's Actions'!C5", numberFormat: "General" });
    expect(fake.cell(sheet, "D5")?.formula).toBeUndefined();
    expect(fake.linkAt(sheet, "D6")?.documentReference).toBe("'RA 2'!C5");
    expect(fake.cell(sheet, "B8")).toMatchObject({ formula: "SUBTOTAL(109,B5:B7)", numberFormat: "£#,##0" });
    expect(fake.cell(sheet, "A4")?.value).toBe("Ref");

    const s = fake.sheet(sheet)!;
    expect(s.tables).toEqual([
      expect.objectContaining({ name: "RecoveryActions", bounds: { top: 4, left: 1, bottom: 8, right: 4 }, showTotals: true, style: "TableStyleMedium2" }),
    ]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(s.freezeRows).toBe(4);
    // The model's width is the file format's (padding included): 7 px a unit, as the .xlsx host writes it.
    expect(s.columnWidths.get(1)).toBeCloseTo(12 * 7 * 0.75);
    expect(s.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      // Narrow margins, in points.
      leftMargin: 18,
      rightMargin: 18,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
      printTitleRows: "$4:$4",
      leftHeader: "Recovery Summary",
      centerHeader: "",
      rightHeader: "As at 21/09/2023",
      leftFooter: "&F",
      centerFooter: "",
      rightFooter: "Page &P of &N",
    });
    // The model's manual page break, and the marker's column hidden so it neither shows nor prints.
    expect(s.pageBreaks).toEqual([4]);
    expect([...s.hiddenColumns]).toEqual([8]);
    expect(s.tables[0]?.showBandedRows).toBe(false);
    expect(s.tabColor).toBe("#1F4E79");
    // A table with no data rows is a plain range.
    expect(fake.sheet("Data Checks")!.tables).toEqual([]);
    expect(fake.state.calculationMode).toBe("Automatic");
    // Screen updating suspended once, as documented; calculation suspended for each request
    // instead of switching the user's calculation mode.
    expect(fake.state.screenUpdatingSuspensions).toBe(1);
    expect(fake.state.calculationSuspensions).toBeGreaterThanOrEqual(1);
    expect(fake.state.active).toBe("Recovery Summary");
  });

  it("never changes a source sheet", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 4);
    const before = JSON.stringify(fake.dump());
    await host.writeSummaries(planFor(names));
    const after = fake.dump() as { sheets: { name: string }[] };
    const sourcesAfter = { ...after, sheets: after.sheets.filter((s) => names.includes(s.name)) };
    expect(JSON.stringify(sourcesAfter)).toBe(before);
  });

  it("uses the same number of syncs for 5 source sheets and for 200", async () => {
    const counts: number[] = [];
    for (const n of [5, 200]) {
      const { fake, host } = setup();
      const names = sources(fake, n);
      fake.addSheet("Recovery Summary", { A1: "old" });
      await host.writeSummaries(planFor(names, { replace: ["Recovery Summary"] }));
      expect(fake.cell("Recovery Summary", `A${5 + n - 1}`)).toBeDefined();
      counts.push(fake.syncs.length);
    }
    expect(counts).toEqual([3, 3]);
  });

  it("replaces its own earlier summary, table names included", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 2);
    await host.writeSummaries(planFor(names));
    const firstId = fake.sheet("Recovery Summary")!.id;
    await host.writeSummaries(planFor(names, { replace: ["Recovery Summary", "Data Checks"] }));
    expect(fake.state.sheets.map((s) => s.name)).toEqual([...names, "Recovery Summary", "Data Checks"]);
    // Rewritten in place: the same sheet, so formulas pointing at it keep working.
    expect(fake.sheet("Recovery Summary")!.id).toBe(firstId);
    expect(fake.state.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(["RecoveryActions"]);
  });

  it("splits a very large summary into requests Excel on the web accepts", async () => {
    const limit = 400_000;
    const { fake, host } = setup({ payloadLimit: limit }, { payloadBudget: 300_000 });
    const names = sources(fake, 3);
    const plan = planFor(names);
    const model = plan.models[0];
    for (let r = 20; r < 3020; r++) model.cells.push({ row: r, col: 6, content: { kind: "text", text: `Note ${r} ${"y".repeat(60)}` } });
    await host.writeSummaries(plan);
    expect(fake.syncs.length).toBeGreaterThan(3);
    expect(Math.max(...fake.syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(limit);
    expect(fake.cell("Recovery Summary", "F3019")?.value).toBe(`Note 3019 ${"y".repeat(60)}`);
  });
});

/**
 * An earlier version's plan: its Recovery Summary prints with other margins, all six header
 * and footer parts, other manual page breaks, and its marker in column J (hidden), so a
 * rebuild with planFor's models changes every one of them.
 */
function earlierPlan(names: string[]): SummaryPlan {
  const plan = planFor(names);
  const old = plan.models[0];
  old.print.margins = { left: 1, right: 0.9, top: 1.2, bottom: 1.1, header: 0.5, footer: 0.45 };
  old.print.header = { left: "Old left header", center: "Old centre header", right: "Old right header" };
  old.print.footer = { left: "Old left footer", center: "Old centre footer", right: "Old right footer" };
  old.pageBreaks = [6, 7];
  old.markerCell = { row: 1, col: 10 };
  return plan;
}

describe("a build that fails part way leaves the workbook as it was", () => {
  /**
   * A workbook with an earlier summary of ours, about to be rebuilt: written by an earlier
   * version (earlierPlan), and the user has since chosen Legal paper for it.
   */
  async function prepared(options: FakeExcelOptions = {}) {
    const { fake, host } = setup(options);
    const names = sources(fake, 3);
    await host.writeSummaries(earlierPlan(names));
    fake.sheet("Recovery Summary")!.cells.get("1,1")!.value = "Old summary";
    fake.sheet("Recovery Summary")!.pageLayout.paperSize = "Legal";
    return { fake, host, names, rebuild: () => host.writeSummaries(planFor(names, { replace: ["Recovery Summary", "Data Checks"] })) };
  }

  /** The workbook without sheet ids (a retried build numbers its new sheets differently). */
  const withoutIds = (fake: FakeExcel) => JSON.parse(JSON.stringify(fake.dump(), (k, v) => (k === "id" ? undefined : v)));

  /** What the rollback must put back beyond the cells, as Excel would read it. */
  const printed = (fake: FakeExcel) => {
    const s = fake.sheet("Recovery Summary")!;
    const { pageLayout: l } = s;
    return {
      paperSize: l.paperSize,
      margins: [l.leftMargin, l.rightMargin, l.topMargin, l.bottomMargin, l.headerMargin, l.footerMargin],
      header: [l.leftHeader, l.centerHeader, l.rightHeader],
      footer: [l.leftFooter, l.centerFooter, l.rightFooter],
      pageBreaks: [...s.pageBreaks],
      hiddenColumns: [...s.hiddenColumns],
    };
  };

  it.each([false, true])(
    "puts back the earlier summary's paper size, margins, six header and footer parts, page breaks and hidden marker column, in 4 syncs (a hidden column reads 0 wide: %s)",
    async (hiddenColumnsReadZeroWidth) => {
      // The rebuild, had it finished, changes every one of them.
      const probe = await prepared({ hiddenColumnsReadZeroWidth });
      const before = printed(probe.fake);
      expect(before).toEqual({
        paperSize: "Legal",
        margins: [72, 64.8, 86.4, 79.2, 36, 32.4],
        header: ["Old left header", "Old centre header", "Old right header"],
        footer: ["Old left footer", "Old centre footer", "Old right footer"],
        pageBreaks: [6, 7],
        hiddenColumns: [10],
      });
      await probe.rebuild();
      expect(printed(probe.fake)).toEqual({
        paperSize: "A4",
        margins: [18, 18, 54, 54, 21.6, 21.6],
        header: ["Recovery Summary", "", "As at 21/09/2023"],
        footer: ["&F", "", "Page &P of &N"],
        pageBreaks: [4],
        hiddenColumns: [8],
      });

      // The same rebuild fails at its last sync, once every summary is rewritten.
      const { fake, host, rebuild } = await prepared({ hiddenColumnsReadZeroWidth });
      const whole = withoutIds(fake);
      const start = fake.syncs.length;
      fake.failOnSync(3);
      const err = await rejection(rebuild());
      expect(err.message).toMatch(/The workbook has been left as it was\.$/);
      expect(printed(fake)).toEqual(before);
      // Inspect, write, show (failed), then the rollback's 4.
      expect(fake.syncs.length - start).toBe(3 + 4);
      // And as Office.js reads them back.
      const back = await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Recovery Summary");
        const layout = ws.pageLayout;
        layout.load("paperSize, leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin");
        const hf = layout.headersFooters.defaultForAllPages;
        hf.load("leftHeader, centerHeader, rightHeader, leftFooter, centerFooter, rightFooter");
        const breaks = ws.horizontalPageBreaks;
        breaks.load("items/rowIndex");
        const columns = ws.getRange("H:J").getColumnProperties({ columnHidden: true });
        await context.sync();
        return {
          paperSize: layout.paperSize,
          margins: [layout.leftMargin, layout.rightMargin, layout.topMargin, layout.bottomMargin, layout.headerMargin, layout.footerMargin],
          parts: [hf.leftHeader, hf.centerHeader, hf.rightHeader, hf.leftFooter, hf.centerFooter, hf.rightFooter],
          breaksBefore: breaks.items.map((b) => b.rowIndex + 1),
          hidden: columns.value.map((c) => c.columnHidden),
        };
      });
      expect(back).toEqual({
        paperSize: "Legal",
        margins: before.margins,
        parts: [...before.header, ...before.footer],
        breaksBefore: [6, 7],
        hidden: [false, false, true],
      });
      await host.readSnapshot();
      expect(withoutIds(fake)).toEqual(whole);
  },
  );

  it("whichever write operation fails, from the first to the last", async () => {
    const probe = await prepared();
    const start = probe.fake.writesApplied;
    await probe.rebuild();
    const writes = probe.fake.writesApplied - start;
    const built = withoutIds(probe.fake);
    expect(writes).toBeGreaterThan(20);

    let rolledBack = 0;
    for (let n = 1; n <= writes; n++) {
      const { fake, host, rebuild } = await prepared();
      const before = withoutIds(fake);
      fake.failOnWrite(n);
      const outcome = await rebuild().then(
        (r) => ({ ok: true as const, notes: r.notes }),
        (e: Error) => ({ ok: false as const, error: e }),
      );
      // Nothing visible is left over; the next check removes any very hidden leftovers.
      expect({ n, visible: fake.state.sheets.filter((s) => s.visibility === "Visible" && s.name.startsWith("~BS")).length }).toEqual({ n, visible: 0 });
      await host.readSnapshot();
      if (outcome.ok) {
        // Only a failure at the very end (dropping the backups) may end in a finished build.
        expect({ n, workbook: withoutIds(fake) }).toEqual({ n, workbook: built });
      } else {
        rolledBack++;
        expect(outcome.error).toBeInstanceOf(HostError);
        expect({ n, message: outcome.error.message }).toEqual({ n, message: expect.stringMatching(/(left as it was|put back as they were)/) });
        expect({ n, workbook: withoutIds(fake) }).toEqual({ n, workbook: before });
      }
    }
    expect(rolledBack).toBeGreaterThan(writes - 5);
  });

  it.each([2, 3])("whichever sync fails (sync %i)", async (n) => {
    const { fake, host, rebuild } = await prepared();
    const before = withoutIds(fake);
    fake.failOnSync(n);
    const err = await rejection(rebuild());
    expect(err.message).toMatch(/^Excel reported an internal error while trying to write the summary sheets\. .*(left as it was|put back as they were)/);
    await host.readSnapshot();
    expect(withoutIds(fake)).toEqual(before);
  });
});

describe("refusals with clear messages", () => {
  it("a protected earlier summary", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 2);
    fake.addSheet("Recovery Summary", { A1: "old" }, { protected: true });
    const before = fake.dump();
    const err = await rejection(host.writeSummaries(planFor(names, { replace: ["Recovery Summary"] })));
    expect(err.message).toBe(
      "The earlier summary sheet 'Recovery Summary' is protected, so it cannot be replaced. Unprotect it (Review > Unprotect Sheet) or delete it, then build again.",
    );
    expect(fake.dump()).toEqual(before);
  });

  it("a protected workbook structure", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 2);
    fake.state.structureProtected = true;
    const err = await rejection(host.writeSummaries(planFor(names)));
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/structure is protected.*Review > Protect Workbook/);
    expect(fake.state.sheets).toHaveLength(2);
  });

  it("a workbook open read-only", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 1);
    fake.state.readOnly = true;
    const err = await rejection(host.writeSummaries(planFor(names)));
    expect(err.message).toMatch(/open read-only/);
    expect(fake.state.sheets).toHaveLength(1);
    expect((await rejection(host.saveSettings(DEFAULT_SETTINGS))).message).toMatch(/read-only/);
  });

  it("a source sheet renamed between check and build", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 3);
    fake.sheet("RA 2")!.name = "RA 2 (old)";
    const err = await rejection(host.writeSummaries(planFor(names)));
    expect(err.message).toBe(
      "The sheet 'RA 2' no longer exists: renamed or deleted since the workbook was checked. Check the workbook again, then build.",
    );
    expect(fake.state.sheets).toHaveLength(3);
  });

  it("a user's sheet that took a summary's name since the check", async () => {
    const { fake, host } = setup();
    const names = sources(fake, 1);
    fake.addSheet("Data Checks", { A1: "mine" });
    const err = await rejection(host.writeSummaries(planFor(names)));
    expect(err.message).toMatch(/A sheet called 'Data Checks' has appeared/);
    expect(fake.cell("Data Checks", "A1")?.value).toBe("mine");
  });
});

describe("settings on the very hidden sheet", () => {
  it("round-trip through the workbook", async () => {
    const { fake, host } = setup();
    sources(fake, 1);
    const settings: Settings = { ...DEFAULT_SETTINGS, greenThreshold: 85, brag: true, targetPence: 450_000_000, asOf: "2023-09-21" };
    await host.saveSettings(settings);
    await host.saveSettings({ ...settings, amberThreshold: 60 });
    const snap = await host.readSnapshot();
    const saved = snap.sheets.filter((s) => s.name === SETTINGS_SHEET_NAME);
    expect(saved).toHaveLength(1);
    expect(saved[0].visibility).toBe("veryHidden");
    const a1 = saved[0].cells.find((c) => c.row === 1 && c.col === 1)!;
    expect(settingsFromJson(String(a1.value))).toEqual({ settings: { ...settings, amberThreshold: 60 } });
  });
});

describe("going to a cell", () => {
  it("activates the sheet and selects the cell", async () => {
    const { fake, host } = setup();
    sources(fake, 2);
    await host.goToCell("RA 2", "C5");
    expect(fake.state.selection).toEqual({ sheet: "RA 2", address: "C5" });
  });

  it("says so when the sheet has gone", async () => {
    const { host } = setup();
    const err = await rejection(host.goToCell("Gone", "A1"));
    expect(err.message).toBe("The sheet 'Gone' no longer exists: it may have been renamed or deleted. Check the workbook again.");
  });
});

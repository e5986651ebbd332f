import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME, settingsFromJson } from "../../../src/core/settings";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { samplePlan } from "../../fixtures/make-plan";
import { sourceWorkbook, toBytes, withChart } from "../../fixtures/make-xlsx";

describe("XlsxHost", () => {
  it("reads, writes summaries into its bytes, and saves settings", async () => {
    const host = new XlsxHost(await toBytes(sourceWorkbook()), "pack.xlsx");
    expect((await host.readSnapshot()).sheets).toHaveLength(4);
    expect("goToCell" in host).toBe(false);

    const plan = { ...samplePlan(), notes: ["A note from the plan."] };
    const result = await host.writeSummaries(plan);
    expect(result.notes).toEqual(["A note from the plan."]);
    expect(host.summaryBytes).toBe(host.bytes);
    const names = (await host.readSnapshot()).sheets.map((s) => s.name);
    expect(names.slice(-2)).toEqual(["Recovery Summary", "Data Checks"]);

    await host.saveSettings({ ...DEFAULT_SETTINGS, brag: true });
    const settingsSheet = (await host.readSnapshot()).sheets.find((s) => s.name === SETTINGS_SHEET_NAME)!;
    expect(settingsSheet.visibility).toBe("veryHidden");
    expect(settingsFromJson(String(settingsSheet.cells[0].value)).settings.brag).toBe(true);
    // The summaries written before are still there.
    expect((await host.readSnapshot()).sheets.map((s) => s.name)).toEqual([...names, SETTINGS_SHEET_NAME]);
  });

  it("keeps a workbook with a chart as it was and offers the summaries separately", async () => {
    const input = await withChart(await toBytes(sourceWorkbook()));
    const host = new XlsxHost(input, "charted.xlsx");
    const result = await host.writeSummaries(samplePlan());
    expect(result.separateWorkbookReason).toMatch(/a chart \(xl\/charts\/chart1\.xml\)/);
    expect(host.bytes).toBe(input);
    const separate = await loadWorkbook(host.summaryBytes!, "summary.xlsx");
    expect(separate.snapshot.sheets.map((s) => s.name)).toEqual(["Recovery Summary", "Data Checks"]);
    await expect(host.saveSettings(DEFAULT_SETTINGS)).rejects.toThrow(/settings cannot be saved in charted\.xlsx/);
  });
});

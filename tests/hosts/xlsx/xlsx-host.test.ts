import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME, settingsFromJson } from "../../../src/core/settings";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { samplePlan } from "../../fixtures/make-plan";
import { sourceWorkbook, toBytes, withChart } from "../../fixtures/make-xlsx";
import { checkKeptByAddition } from "../../helpers/kept-by-addition";

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

  it("adds the summaries to a workbook with a chart, keeping the chart, and saves settings there too", async () => {
    const input = await withChart(await toBytes(sourceWorkbook()));
    const copy = input.slice();
    const host = new XlsxHost(input, "charted.xlsx");
    const result = await host.writeSummaries(samplePlan());
    expect(result.written.map((w) => w.name)).toEqual(["Recovery Summary", "Data Checks"]);
    expect(host.summaryBytes).toBe(host.bytes);
    expect((await checkKeptByAddition(input, host.bytes)).problems).toEqual([]);
    await host.saveSettings(DEFAULT_SETTINGS);
    const report = await checkKeptByAddition(input, host.bytes);
    expect(report.problems).toEqual([]);
    expect(report.carried).toBeGreaterThan(10);
    expect((await host.readSnapshot()).sheets.map((s) => s.name).slice(-3)).toEqual(["Recovery Summary", "Data Checks", SETTINGS_SHEET_NAME]);
    // The bytes it was given are never changed.
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  });

  it("leaves its bytes as they were when a write fails", async () => {
    const input = await toBytes(sourceWorkbook());
    const host = new XlsxHost(input, "pack.xlsx");
    await expect(host.writeSummaries(samplePlan(["RA-01"]))).rejects.toThrow(/does not carry Board Summary's marker/);
    expect(host.bytes).toBe(input);
    expect(host.summaryBytes).toBeNull();
  });
});

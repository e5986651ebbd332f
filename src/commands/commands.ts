/**
 * Ribbon commands. "Build summary" checks the workbook and writes the summary sheets
 * without opening the pane (the Data Checks sheet lists any problems found).
 */
import { analyse, summarise } from "../core/engine";
import { ExcelHost } from "../hosts/excel";
import type { WorkbookHost } from "../hosts/host";

/** The command's work, apart from Office's event plumbing (so it is testable with a fake host). */
export async function buildSummary(host: WorkbookHost, now: () => Date = () => new Date()): Promise<string[]> {
  const snapshot = await host.readSnapshot();
  const analysis = analyse(snapshot, { now: now() });
  const plan = summarise(analysis, now());
  const result = await host.writeSummaries(plan);
  return result.notes;
}

async function onBuildSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await buildSummary(new ExcelHost());
  } catch (e) {
    // A ribbon command has no surface of its own: the pane's Build shows the same message.
    console.error("Board Summary: the summary could not be built.", e);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => {
    Office.actions.associate("buildSummary", onBuildSummary);
  });
}

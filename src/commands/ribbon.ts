/**
 * What the ribbon's Build summary does, apart from Office's plumbing (so it is tested with
 * stand-ins). Where Excel shares one runtime between the ribbon and the pane (SharedRuntime
 * 1.1: Excel on the web, Microsoft 365 on Windows and Mac), it opens the task pane
 * (Office.addin.showAsTaskpane) and has the pane run the build there, with its progress and
 * its result. Elsewhere the command runs the build itself and shows the outcome in a dialog
 * box (DialogApi 1.1). Never a failure only in the console.
 */
import { analyse, summarise } from "../core/engine";
import { buildNotes } from "../core/summary/notes";
import type { WorkbookHost } from "../hosts/host";
import { requestBuild } from "./build-bus";

/** The command's build without the pane: read, check, write; returns the notes for the user. */
async function buildSummary(host: WorkbookHost, now: () => Date = () => new Date()): Promise<string[]> {
  const snapshot = await host.readSnapshot();
  const at = now();
  const analysis = analyse(snapshot, { now: at });
  const plan = summarise(analysis, at);
  const result = await host.writeSummaries(plan);
  return buildNotes(plan, result);
}

export interface RibbonDeps {
  /** Office.context.requirements.isSetSupported("SharedRuntime", "1.1"). */
  sharedRuntime: boolean;
  /** Office.addin.showAsTaskpane(). */
  showPane(): Promise<void>;
  /** A host for the build without the pane. */
  host(): WorkbookHost;
  /** Shows a short message in a dialog box. */
  showMessage(title: string, message: string): Promise<void>;
  now?: () => Date;
}

let headlessRunning = false;

/** The ribbon's Build summary. Resolves once the user has been shown what happens. */
export async function runRibbonBuild(deps: RibbonDeps): Promise<void> {
  if (deps.sharedRuntime) {
    try {
      await deps.showPane();
    } catch {
      // The pane could not be shown: the build still runs, its outcome in a dialog box.
      return headless(deps);
    }
    // The pane shows the progress and the result; a second click while it builds does nothing more.
    requestBuild();
    return;
  }
  return headless(deps);
}

async function headless(deps: RibbonDeps): Promise<void> {
  if (headlessRunning) return;
  headlessRunning = true;
  try {
    const notes = await buildSummary(deps.host(), deps.now);
    await deps.showMessage("Summary sheets written", ["The summary sheets have been written.", ...notes].join("\n"));
  } catch (e) {
    // Host errors carry a plain message; anything else is a fault of ours, said plainly.
    const message = e instanceof Error && e.name === "HostError" ? e.message : "Board Summary could not build the summary because of a fault of its own. Open the pane (Check workbook) and build from there.";
    await deps.showMessage("The summary could not be built", message).catch(() => undefined);
  } finally {
    headlessRunning = false;
  }
}

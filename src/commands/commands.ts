/**
 * Ribbon commands, registered in the shared runtime (the task pane's page, manifest.xml's
 * <Runtimes>): "Build summary" opens the pane and builds there (ribbon.ts).
 */
import { ExcelHost } from "../hosts/excel";
import { runRibbonBuild } from "./ribbon";

/** The dialog page that shows a message (built by webpack from its query string). */
function messageUrl(title: string, message: string): string {
  const base = new URL("build-result.html", window.location.href);
  base.hash = new URLSearchParams({ title, message }).toString();
  return base.toString();
}

function showMessage(title: string, message: string): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(messageUrl(title, message), { height: 30, width: 30, displayInIframe: true }, () => {
      resolve();
    });
  });
}

async function onBuildSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runRibbonBuild({
      sharedRuntime: Office.context.requirements.isSetSupported("SharedRuntime", "1.1"),
      showPane: () => Office.addin.showAsTaskpane(),
      host: () => new ExcelHost(),
      showMessage,
    });
  } finally {
    event.completed();
  }
}

/**
 * Registers the ribbon's functions with Office. A pane opened from Check workbook in an
 * Excel without a shared runtime has no `Office.actions`: there is nothing to register.
 */
function registerCommands(): void {
  try {
    Office.actions.associate("buildSummary", (event: Office.AddinCommands.Event) => {
      void onBuildSummary(event);
    });
  } catch {
    // No ribbon functions in this runtime (see above).
  }
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => {
    registerCommands();
  });
}

/**
 * The task pane's entry: waits for Office, then renders the pane with the Office.js host;
 * outside Excel (a plain browser, or office.js unavailable) the pane says it runs inside Excel.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelHost } from "../hosts/excel";
import type { WorkbookHost } from "../hosts/host";
import { App } from "./App";
// The ribbon's commands live in this page's runtime (manifest.xml <Runtimes>, SharedRuntime 1.1).
import "../commands/commands";

/** The Office.js host when running inside Excel, else null. */
export async function excelHostIfInExcel(): Promise<WorkbookHost | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel ? new ExcelHost() : null;
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const host = await excelHostIfInExcel().catch(() => null);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

void start();

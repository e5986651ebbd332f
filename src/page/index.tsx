/**
 * The browser page's entry: the page with its workbooks read and written in a worker.
 * Nothing here loads exceljs; the worker does (src/page/worker.ts).
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { z } from "zod";
import { startWorker } from "./make-worker";
import type { OpenWorkbook } from "./open-workbook";
import { PageApp } from "./PageApp";
import { requestTemplate, WorkerHost, type MakeTemplate } from "./protocol";
import { fetchSample } from "./sample";

// The page's Content-Security-Policy forbids eval; zod must not try its compiled fast path.
z.config({ jitless: true });

/** Each file gets its own worker, ended when another file is opened, so memory is given back. */
const openWorkbook: OpenWorkbook = async (bytes, fileName, onProgress) => {
  const worker = startWorker();
  return WorkerHost.open(worker.port, bytes, fileName, onProgress, worker.stop);
};

/** A worker of its own for each template, ended once the bytes are back. */
const makeTemplate: MakeTemplate = async (kind) => {
  const worker = startWorker();
  try {
    return await requestTemplate(worker.port, kind);
  } finally {
    worker.stop();
  }
};

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PageApp openWorkbook={openWorkbook} makeTemplate={makeTemplate} fetchSample={fetchSample} />
    </FluentProvider>,
  );
}

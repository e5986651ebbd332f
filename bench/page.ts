/**
 * The browser page checking a workbook in Chromium (the production build, served on
 * 127.0.0.1), watched from inside the page: how long from choosing the file to the
 * overview, the worker's progress messages, the main thread's long tasks (the Long Tasks
 * API) and the longest gap of a 50 ms timer, which a frozen page cannot keep. Used by
 * `npm run bench` (bench/run.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { CHROMIUM, ensureBuilt, launch, startServer, watchedPage } from "../tests/e2e/support";

export const CHROMIUM_PRESENT = fs.existsSync(CHROMIUM);

export interface PageCheck {
  /** From choosing the file to the overview shown, in ms. */
  ms: number;
  /** The worker's progress messages, in order: each step and fraction. */
  progress: { step: string; fraction?: number }[];
  /** The longest main-thread task the Long Tasks API saw while checking, in ms (0 for none over 50 ms). */
  longestTask: number;
  /** The longest gap between two ticks of a 50 ms timer while checking, in ms. */
  longestTick: number;
  /** Errors the page logged. */
  errors: string[];
}

/** Set up in the page before its scripts run: counts the worker's messages, long tasks and timer gaps. */
const WATCH = `
(() => {
  const watch = (window.__watch = { progress: [], longestTask: 0, longestTick: 0, ticking: false });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        const d = e.data;
        if (d && d.type === "progress" && d.progress) watch.progress.push({ step: d.progress.step, fraction: d.progress.fraction });
      });
    }
  };
  try {
    new PerformanceObserver((list) => {
      if (!watch.ticking) return;
      for (const t of list.getEntries()) watch.longestTask = Math.max(watch.longestTask, t.duration);
    }).observe({ type: "longtask", buffered: false });
  } catch (e) {}
  watch.start = () => {
    watch.ticking = true;
    let last = performance.now();
    watch.timer = setInterval(() => {
      const now = performance.now();
      watch.longestTick = Math.max(watch.longestTick, now - last);
      last = now;
    }, 50);
  };
  watch.stop = () => {
    watch.ticking = false;
    clearInterval(watch.timer);
  };
})();
`;

interface Watch {
  progress: { step: string; fraction?: number }[];
  longestTask: number;
  longestTick: number;
  start(): void;
  stop(): void;
}

/** Checks `file` on the page in Chromium; builds dist/ first where it is stale. */
export async function checkInChromium(file: string, { timeoutMs = 300_000 } = {}): Promise<PageCheck> {
  ensureBuilt();
  const server = await startServer();
  const browser = await launch();
  try {
    const w = await watchedPage(browser, server.origin);
    await w.context.addInitScript({ content: WATCH });
    await w.page.goto(server.origin + "/");
    await w.page.getByRole("button", { name: "Choose a workbook" }).waitFor();
    await w.page.evaluate(() => (window as unknown as { __watch: Watch }).__watch.start());
    const started = Date.now();
    await w.page.getByTestId("file-input").setInputFiles(file);
    await w.page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: timeoutMs });
    const ms = Date.now() - started;
    const watch = await w.page.evaluate(() => {
      const x = (window as unknown as { __watch: Watch }).__watch;
      x.stop();
      return { progress: x.progress, longestTask: x.longestTask, longestTick: x.longestTick };
    });
    await w.context.close();
    return { ms, ...watch, errors: w.errors };
  } finally {
    await browser.close();
    await server.close();
  }
}

// `ts-node bench/page.ts FILE`: prints the figures as JSON.
if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? "");
  checkInChromium(file).then(
    (r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"),
    (e: unknown) => {
      process.stderr.write(`page: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

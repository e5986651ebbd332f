/**
 * Starts the page's worker. Its own module because webpack finds the worker bundle from
 * this `new Worker(new URL(..., import.meta.url))` form, which only ES module output allows.
 */
import type { PortLike } from "./protocol";

export function startWorker(): { port: PortLike; stop: () => void } {
  // @ts-expect-error TS1343: the type check runs as CommonJS; webpack builds this file as an ES module.
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "board-summary-workbook" });
  return { port: worker, stop: () => worker.terminate() };
}

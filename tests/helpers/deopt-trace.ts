/**
 * A script run in a child node with V8's deoptimisations traced (`--trace-deopt`), for the
 * tests that say a hot function stays in its optimised code. Single-threaded by default:
 * V8's background compiling otherwise decides some traces (label-heads-marks failed 2 runs
 * in 6 without it).
 */
import { spawnSync } from "child_process";
import { ensureCliBuilt } from "../cli/spawn";

export interface TracedRun {
  readonly status: number | null;
  readonly stdout: string;
}

export function tracedRun(script: string, options: { singleThreaded?: boolean } = {}): TracedRun {
  ensureCliBuilt();
  const flags = options.singleThreaded === false ? ["--trace-deopt"] : ["--single-threaded", "--trace-deopt"];
  const run = spawnSync(process.execPath, [...flags, "-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  return { status: run.status, stdout: run.stdout };
}

/** The trace's lines where one of the named functions is thrown out of its optimised code. */
export function deoptimised(run: TracedRun, names: readonly string[]): string[] {
  const line = new RegExp(`deoptimizing .*<JSFunction (${names.join("|")}) `);
  return run.stdout.split("\n").filter((l) => line.test(l));
}

/**
 * The trace's lines where one of the named functions' optimised code is marked to be thrown
 * away because something it relied on changed (a hidden class's field came to hold
 * something new): printed as "marking dependent code", with no "deoptimizing" line where
 * the function is not running at that moment, so deoptimised() does not see it.
 */
export function markedForDeopt(run: TracedRun, names: readonly string[]): string[] {
  const line = new RegExp(`marking dependent code .*<SharedFunctionInfo (${names.join("|")})>`);
  return run.stdout.split("\n").filter((l) => line.test(l));
}

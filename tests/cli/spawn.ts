/**
 * The command line as a user runs it: `node bin/board-summary.js …` in a child process, with
 * its exit status, standard output and standard error. The compiled CLI (lib/, `npm run
 * build:cli`) is rebuilt first where it is missing or older than its sources, so running one
 * test file alone tests today's code.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../helpers/workbooks";

export const BIN = path.join(ROOT, "bin", "board-summary.js");
const BUILT = path.join(ROOT, "lib", "cli", "main.js");
const SOURCES = ["src/cli", "src/core", "src/hosts/xlsx", "src/hosts/host.ts", "tsconfig.cli.json", "tsconfig.json"].map((p) => path.join(ROOT, p));

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, e) => Math.max(m, newest(path.join(p, e))), st.mtimeMs);
}

const fresh = () => fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= Math.max(...SOURCES.map(newest));
/** Held while one test file builds, so parallel test files never build (or run) over each other. */
const LOCK = path.join(ROOT, "node_modules", ".cache", "board-summary-cli-build.lock");

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Compiles the CLI into lib/ where lib/ is missing or older than src/ (`npm test` has just built it). */
export function ensureCliBuilt(): void {
  if (fresh()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock left by a killed run is gone after two minutes.
      const held = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) fs.rmSync(LOCK, { recursive: true, force: true });
      sleep(250);
      if (!fs.existsSync(LOCK) && fresh()) return;
    }
  }
  try {
    if (fresh()) return;
    const r = spawnSync("npm", ["run", "build:cli", "--silent"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`npm run build:cli failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `board-summary <args>` in `cwd`, standard error a pipe (not a terminal). */
export function cli(args: string[], cwd: string = ROOT): Spawned {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One clear line on standard error, never a stack trace. */
export function oneLine(stderr: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

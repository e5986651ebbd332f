/**
 * A build killed part way (SIGKILL: no clean-up code runs) leaves no file at the output
 * path: the bin writes a temporary file and renames it only when complete.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BENCH_PACKS, writePack } from "../../bench/generate";
import { ROOT, tempDir } from "../helpers/workbooks";

const BIN = path.join(ROOT, "bin", "board-summary.js");
const BUILT = path.join(ROOT, "lib", "cli", "main.js");

let dir: string;
let input: string;

beforeAll(async () => {
  // The bin runs the compiled command line; `npm test` builds it, a lone jest run may not have.
  if (!fs.existsSync(BUILT)) execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")]);
  dir = tempDir("board-summary-kill-");
  input = path.join(dir, "forms-1000.xlsx");
  await writePack(BENCH_PACKS["forms-1000"], input);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  signal: NodeJS.Signals | null;
  code: number | null;
  sawTemp: boolean;
}

/** Runs `build` and kills it when `when` says so: at the temporary file's first appearance, or after a delay. */
function buildAndKill(output: string, when: "writing" | number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "build", input, "-o", output, "--as-of", "2023-09-21"], { stdio: "ignore" });
    let sawTemp = false;
    const tempPrefix = `${path.basename(output)}.`;
    const watcher = fs.watch(dir, (_event, name) => {
      if (!name || !String(name).startsWith(tempPrefix) || !String(name).endsWith(".tmp")) return;
      sawTemp = true;
      if (when === "writing") child.kill("SIGKILL");
    });
    const timer = typeof when === "number" ? setTimeout(() => child.kill("SIGKILL"), when) : null;
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      watcher.close();
      if (timer) clearTimeout(timer);
      resolve({ code, signal, sawTemp });
    });
  });
}

describe("an interrupted build", () => {
  it("killed while writing its output, leaves no file at the output path", async () => {
    const output = path.join(dir, "killed-while-writing.xlsx");
    const r = await buildAndKill(output, "writing");
    expect(r.sawTemp).toBe(true);
    expect(r.signal).toBe("SIGKILL");
    expect(fs.existsSync(output)).toBe(false);
  }, 60_000);

  it("killed at any earlier moment, leaves no file at the output path either", async () => {
    for (const ms of [300, 1000, 2000]) {
      const output = path.join(dir, `killed-after-${ms}ms.xlsx`);
      const r = await buildAndKill(output, ms);
      // Only a run that finished before the kill may leave its (complete) output.
      if (r.signal === "SIGKILL") expect(fs.existsSync(output)).toBe(false);
      else expect(r.code).toBe(0);
    }
  }, 60_000);

  it("left alone, the same build completes and writes the output (so the kills above were mid-run)", async () => {
    const output = path.join(dir, "complete.xlsx");
    const r = await buildAndKill(output, 120_000);
    expect(r.code).toBe(0);
    expect(fs.statSync(output).size).toBeGreaterThan(100_000);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("complete.xlsx.") && f.endsWith(".tmp"))).toEqual([]);
  }, 130_000);
});

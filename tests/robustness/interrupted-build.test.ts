/**
 * A build killed part way (SIGKILL: no clean-up code runs) never leaves a partial file at
 * the output path: the bin writes a temporary file and renames it only when complete. So
 * at any moment the output path holds either nothing or the complete workbook.
 *
 * The moments that matter are made exact rather than hit by timing: a preloaded module
 * (pause-at-rename.js) holds the process just before or just after the rename, and the
 * kill lands there. Kills at arbitrary delays are also made; whatever they leave is
 * checked the same way (nothing, or a complete workbook that kept the input whole).
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BENCH_PACKS, writePack } from "../../bench/generate";
import { checkKeptByAddition } from "../helpers/kept-by-addition";
import { sheetList } from "../helpers/package-parts";
import { ROOT, tempDir } from "../helpers/workbooks";

const BIN = path.join(ROOT, "bin", "board-summary.js");
const BUILT = path.join(ROOT, "lib", "cli", "main.js");
const PAUSE = path.join(__dirname, "pause-at-rename.js");

let dir: string;
let input: string;

/** The newest modification time of the sources the bin is compiled from. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const p = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

beforeAll(async () => {
  // The bin runs the compiled command line; `npm test` builds it, a lone jest run may not have.
  if (!fs.existsSync(BUILT) || fs.statSync(BUILT).mtimeMs < newestSource(path.join(ROOT, "src"))) {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")]);
  }
  dir = tempDir("board-summary-kill-");
  input = path.join(dir, "forms-1000.xlsx");
  await writePack(BENCH_PACKS["forms-1000"], input);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  signal: NodeJS.Signals | null;
  code: number | null;
  sawTemp: boolean;
}

type When = "temp-appears" | "output-appears" | number;

/** Runs `build` (optionally held at the rename) and kills it when `when` says so. */
function buildAndKill(output: string, when: When, pause?: "before" | "after"): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, BOARD_SUMMARY_TEST_PAUSE: pause ?? "", BOARD_SUMMARY_TEST_PAUSE_MS: "20000" };
    const child = spawn(process.execPath, ["-r", PAUSE, BIN, "build", input, "-o", output, "--as-of", "2023-09-21"], { stdio: "ignore", env });
    let sawTemp = false;
    const tempPrefix = `${path.basename(output)}.`;
    const watcher = fs.watch(dir, (_event, name) => {
      const n = String(name ?? "");
      if (n.startsWith(tempPrefix) && n.endsWith(".tmp")) {
        sawTemp = true;
        if (when === "temp-appears") child.kill("SIGKILL");
      }
      if (n === path.basename(output) && when === "output-appears" && fs.existsSync(output)) child.kill("SIGKILL");
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

/** What a complete build leaves: a workbook that kept every part of the input, with its summaries. */
async function expectComplete(output: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(output));
  const report = await checkKeptByAddition(new Uint8Array(fs.readFileSync(input)), bytes);
  expect(report.problems).toEqual([]);
  // The pack holds recovery forms only: a Recovery Summary and Data Checks (board-pages.md §9).
  expect((await sheetList(bytes)).slice(-2).map((s) => s.replace(/#.*/, ""))).toEqual(["Recovery Summary", "Data Checks"]);
}

describe("an interrupted build", () => {
  it("killed while its output is being written (held before the rename), leaves no file at the output path", async () => {
    const output = path.join(dir, "killed-while-writing.xlsx");
    const r = await buildAndKill(output, "temp-appears", "before");
    expect(r.sawTemp).toBe(true);
    expect(r.signal).toBe("SIGKILL");
    expect(fs.existsSync(output)).toBe(false);
  }, 60_000);

  it("killed just after the rename, leaves the complete workbook", async () => {
    const output = path.join(dir, "killed-after-rename.xlsx");
    const r = await buildAndKill(output, "output-appears", "after");
    expect(r.signal).toBe("SIGKILL");
    await expectComplete(output);
  }, 60_000);

  it("killed at any other moment, leaves nothing or the complete workbook, never part of one", async () => {
    for (const ms of [300, 1000, 2000]) {
      const output = path.join(dir, `killed-after-${ms}ms.xlsx`);
      const r = await buildAndKill(output, ms);
      if (fs.existsSync(output)) await expectComplete(output);
      else expect(r.signal).toBe("SIGKILL");
    }
  }, 60_000);

  it("left alone, the same build completes and writes the output (so the kills above were mid-run)", async () => {
    const output = path.join(dir, "complete.xlsx");
    const r = await buildAndKill(output, 120_000);
    expect(r.code).toBe(0);
    await expectComplete(output);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("complete.xlsx.") && f.endsWith(".tmp"))).toEqual([]);
  }, 130_000);
});

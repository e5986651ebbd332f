/**
 * `npm run corpus [-- DIR] [-- --values] [-- --no-build]`: the command line over every
 * workbook of the public corpus (../shared/corpus, or DIR, or $CORPUS), `check` and then
 * `build`, one process a file as a user runs it, and the figures: how many files, exit
 * statuses, time, and every failure with its line; then build's by-addition figures.
 * A run that crashes, hangs (60 s), prints more than one line on failure or shows a
 * JavaScript error text is a fault and makes the script exit 1.
 *
 * With --values, what `check` read is also compared with LibreOffice's reading of each file
 * (tests/real-world/libreoffice.ts says how), where soffice is installed.
 *
 * Where the corpus is not there (it is not part of the project), says so and exits 0.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "bin", "board-summary.js");
const TIMEOUT_MS = 60_000;
/** A JavaScript error's words, which a user must never see. */
const JS_TEXT = /TypeError|ReferenceError|RangeError|SyntaxError|undefined|is not a function|Cannot read|Invalid string length|unexpected problem|\bat \S+:\d+/;

interface Run {
  file: string;
  code: number | null;
  signal: string | null;
  ms: number;
  stderr: string[];
  fault: string | null;
}

function corpusDir(args: string[]): string | null {
  const given = args.find((a) => !a.startsWith("--")) ?? process.env.CORPUS;
  const candidates = given ? [given] : [path.join(ROOT, "..", "shared", "corpus"), "/work/shared/corpus"];
  return candidates.find((d) => fs.existsSync(d) && fs.statSync(d).isDirectory()) ?? null;
}

/** One command on one file, as a separate process. */
function run(command: string[], file: string): Run {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...command, file], { encoding: "utf8", timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = r.stderr.split("\n").filter((l) => l !== "" && !/^board-summary: note: /.test(l));
  let fault: string | null = null;
  if (r.error && /ETIMEDOUT/.test(String(r.error))) fault = `did not finish in ${TIMEOUT_MS / 1000} s`;
  else if (r.signal) fault = `was killed by ${r.signal}`;
  else if (r.status !== 0 && r.status !== 1 && r.status !== 2) fault = `exited ${r.status}`;
  else if (r.status === 2 && stderr.length !== 1) fault = `failed with ${stderr.length} lines`;
  else if (stderr.some((l) => JS_TEXT.test(l))) fault = "showed a JavaScript error text";
  else if (r.status !== 2 && stderr.length) fault = "wrote to standard error without failing";
  return { file: path.basename(file), code: r.status, signal: r.signal, ms, stderr, fault };
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
}

/** The figures of one command over the corpus; true where nothing was a fault. */
function report(title: string, runs: Run[]): boolean {
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const byCode = new Map<string, number>();
  for (const r of runs) byCode.set(String(r.code ?? r.signal), (byCode.get(String(r.code ?? r.signal)) ?? 0) + 1);
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`\n## ${title}: ${runs.length} files`);
  console.log(`exit statuses: ${[...byCode].sort().map(([c, n]) => `${c}: ${n}`).join(", ")}`);
  console.log(`time per file (whole process): median ${Math.round(quantile(times, 0.5))} ms, 95th percentile ${Math.round(quantile(times, 0.95))} ms, slowest ${Math.round(times[times.length - 1] ?? 0)} ms; all ${(total / 1000).toFixed(1)} s`);
  const slowest = [...runs].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`slowest: ${slowest.map((r) => `${r.file} (${Math.round(r.ms)} ms)`).join(", ")}`);
  const refused = runs.filter((r) => r.code === 2 && !r.fault);
  if (refused.length) {
    console.log(`\nrefused with one line (${refused.length}):`);
    // Group by what the line says, without the file's name.
    const groups = new Map<string, string[]>();
    for (const r of refused) {
      const said = r.stderr[0].replace(/^board-summary: /, "").replace(r.file, "FILE");
      groups.set(said, [...(groups.get(said) ?? []), r.file]);
    }
    for (const [said, files] of [...groups].sort((a, b) => b[1].length - a[1].length)) console.log(`- ${files.length} × ${said}\n    ${files.join("\n    ")}`);
  }
  const faults = runs.filter((r) => r.fault);
  console.log(`\nfaults: ${faults.length}`);
  for (const r of faults) console.log(`- ${r.file} ${r.fault}:\n    ${r.stderr.slice(0, 5).join("\n    ")}`);
  return faults.length === 0;
}

async function compareValues(files: string[]): Promise<boolean> {
  // Loaded only for --values: the comparison lives with the tests.
  const lo = await import("../tests/real-world/libreoffice");
  const { loadWorkbook } = await import("../src/hosts/xlsx/read");
  const { nodeInflater } = await import("../src/hosts/xlsx/node-inflate");
  if (!lo.sofficeAvailable()) {
    console.log("\n## values: skipped, soffice not found (install libreoffice-calc)");
    return true;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-corpus-"));
  const converted = lo.convertAll(files, path.join(work, "csv"), path.join(work, "profile"));
  let agree = 0;
  const differ: string[] = [];
  let notOpened = 0;
  let unreadable = 0;
  const tolerated: Record<string, number> = {};
  for (const file of files) {
    let loaded;
    try {
      loaded = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file), { purpose: "check", inflater: nodeInflater });
    } catch {
      unreadable++;
      continue;
    }
    const sheets = converted.get(file);
    if (!sheets) {
      notOpened++;
      continue;
    }
    const facts = await lo.workbookFacts(loaded.package, loaded.snapshot);
    const matched = lo.matchSheets(loaded.snapshot.sheets, sheets);
    const problems: string[] = [];
    loaded.snapshot.sheets.forEach((sheet, i) => {
      const rows = matched[i];
      if (!rows) return;
      const cmp = lo.compareSheet(sheet, rows, facts.get(sheet.name));
      for (const [why, n] of Object.entries(cmp.tolerated)) tolerated[why] = (tolerated[why] ?? 0) + n;
      if (cmp.mismatches.length) problems.push(`'${sheet.name}': ${cmp.mismatches.length} cells, e.g. ${cmp.mismatches.slice(0, 3).map((m) => `${m.cell} ours ${m.ours}, LibreOffice ${m.libreoffice}`).join("; ")}`);
    });
    if (problems.length) differ.push(`${path.basename(file)}\n    ${problems.join("\n    ")}`);
    else agree++;
  }
  console.log(`\n## values against LibreOffice: ${agree} files agree, ${differ.length} differ, ${notOpened} LibreOffice could not open, ${unreadable} refused by check`);
  console.log(`differences with a known cause (cells): ${JSON.stringify(tolerated)}`);
  for (const d of differ) console.log(`- ${d}`);
  return true;
}

/**
 * `build` on every file, one process each as a user runs it (each from a copy in a
 * temporary folder: build writes beside its input, naming the output by the workbook's own
 * type, and the corpus may be read-only), then the by-addition figures in process
 * (scripts/corpus-build.ts): every part kept, a second build replacing only our parts, the
 * time of each stage.
 */
async function buildAll(files: string[]): Promise<boolean> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-corpus-build-"));
  try {
    const builds = files.map((f) => {
      const copy = path.join(out, path.basename(f));
      fs.copyFileSync(f, copy);
      return run(["build", "--as-of", "2023-09-21"], copy);
    });
    const ok = report("build", builds);
    // Loaded only here: the figures' checks live with the tests.
    const { buildFigures, printFigures } = await import("./corpus-build");
    const figures = await buildFigures(files);
    console.log(`\n## build by addition, in process\n${printFigures(figures)}`);
    return ok && figures.wrong.length === 0;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dir = corpusDir(args);
  if (!dir) {
    console.log("No corpus found (../shared/corpus, or give a folder or CORPUS=...): nothing to run.");
    return 0;
  }
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
    console.error("The command line is not built: run `npm run build:cli` first (`npm run corpus` does).");
    return 1;
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
  console.log(`# The command line over ${files.length} workbooks in ${dir}`);
  const checks = files.map((f) => run(["check", "--json"], f));
  let ok = report("check --json", checks);
  if (args.includes("--values")) ok = (await compareValues(files)) && ok;
  if (!args.includes("--no-build")) ok = (await buildAll(files)) && ok;
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`corpus: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

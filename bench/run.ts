/**
 * `npm run bench`: times every stage on synthetic board packs of several sizes, checks the
 * targets of issue 5, prints a table and writes it to bench/results.md.
 *
 * Stages (in-process, median of BENCH_RUNS runs after one warm-up): a bare exceljs load (the
 * floor), read (.xlsx → snapshot), analyse, summarise (the summary sheet models) and write
 * (the built .xlsx bytes). Whole runs (spawned, median of BENCH_SPAWN_RUNS, interleaved with a
 * bare exceljs load in a child so both meet the same machine load): `board-summary check`
 * and `build` wall time and peak memory. The Office.js host on the fake Excel: syncs per
 * check and per build, and the largest request.
 *
 * Exit status 1 when a target is missed, so CI can run it.
 */
import { execFileSync, spawn } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyse, summarise } from "../src/core/engine";
import { ExcelHost } from "../src/hosts/excel";
import { loadWorkbook } from "../src/hosts/xlsx/read";
import { nodeInflater } from "../src/hosts/xlsx/node-inflate";
import { openWorkbook } from "../src/hosts/xlsx/open";
import { buildSummaryBytes } from "../src/hosts/xlsx/write";
import { a1 } from "../src/core/grid";
import type { WorkbookSnapshot } from "../src/core/snapshot";
import { FakeExcel, type CellInit } from "../tests/fakes/excel/fake-excel";
import { BENCH_PACKS, writePack, type PackSpec } from "./generate";

const ROOT = path.join(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SPAWN_RUNS = Number(process.env.BENCH_SPAWN_RUNS ?? 3);
const PACK_DIR = path.join(os.tmpdir(), "board-summary-bench");
const NOW = new Date("2023-09-21T12:00:00Z");
const MB = 1024 * 1024;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;
const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

interface Stages {
  bare: number;
  read: number;
  analyse: number;
  summarise: number;
  write: number;
}
interface Whole {
  ms: number;
  rssMb: number;
}
interface Office {
  checkSyncs: number;
  buildSyncs: number;
  maxRequestBytes: number;
}
interface Row {
  name: string;
  spec: PackSpec;
  bytes: number;
  stages: Stages;
  bareChild: Whole;
  check: Whole;
  build: Whole;
  office: Office | null;
}

async function packFile(name: string, spec: PackSpec): Promise<string> {
  const file = path.join(PACK_DIR, `${name}-${spec.seed ?? "default"}.xlsx`);
  // The generator is deterministic, so a pack made before is the same pack.
  if (!fs.existsSync(file)) await writePack(spec, file);
  return file;
}

async function stages(file: string): Promise<Stages> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const runs: Stages[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const [, bare] = await time(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]));
    const [loaded, read] = await time(() => openWorkbook(bytes, path.basename(file), { inflater: nodeInflater }));
    const [analysis, an] = await time(() => analyse(loaded.snapshot, { now: NOW }));
    const [plan, su] = await time(() => summarise(analysis, NOW));
    const [, write] = await time(() => buildSummaryBytes(loaded, plan, NOW));
    if (i > 0) runs.push({ bare, read, analyse: an, summarise: su, write }); // run 0 warms the JIT
  }
  const pick = (k: keyof Stages) => median(runs.map((r) => r[k]));
  return { bare: pick("bare"), read: pick("read"), analyse: pick("analyse"), summarise: pick("summarise"), write: pick("write") };
}

/** Runs a node script in a child; wall time from here, peak memory from the child itself. */
function child(args: string[]): Promise<Whole> {
  const rssFile = path.join(PACK_DIR, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn(process.execPath, ["-r", path.join(__dirname, "rss-probe.js"), ...args], {
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    p.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    p.on("error", reject);
    p.on("exit", (code) => {
      const wall = performance.now() - t;
      if (code !== 0 && code !== 1) {
        reject(new Error(`${args.join(" ")} exited ${String(code)}: ${err.trim()}`));
        return;
      }
      const kb = Number(fs.readFileSync(rssFile, "utf8"));
      fs.rmSync(rssFile, { force: true });
      resolve({ ms: wall, rssMb: kb / 1024 });
    });
  });
}

async function wholeRuns(file: string): Promise<{ bareChild: Whole; check: Whole; build: Whole }> {
  const bin = path.join(ROOT, "bin", "board-summary.js");
  const out = path.join(PACK_DIR, `out-${path.basename(file)}`);
  const bare: Whole[] = [];
  const check: Whole[] = [];
  const build: Whole[] = [];
  for (let i = 0; i < SPAWN_RUNS; i++) {
    // Interleaved, so the bare load and the check meet the same machine load.
    bare.push(await child([path.join(__dirname, "bare-load.js"), file]));
    check.push(await child([bin, "check", file, "--as-of", "2023-09-21"]));
    build.push(await child([bin, "build", file, "-o", out, "--as-of", "2023-09-21"]));
  }
  fs.rmSync(out, { force: true });
  const pick = (xs: Whole[]): Whole => ({ ms: median(xs.map((x) => x.ms)), rssMb: median(xs.map((x) => x.rssMb)) });
  return { bareChild: pick(bare), check: pick(check), build: pick(build) };
}

/** The pack in a fake Excel, as the add-in would find it. */
function fakeExcelOf(snapshot: WorkbookSnapshot): FakeExcel {
  const fake = new FakeExcel({ apiVersion: "1.13" });
  for (const s of snapshot.sheets) {
    const cells: Record<string, CellInit> = {};
    for (const c of s.cells) {
      cells[a1(c.row, c.col)] = {
        value: c.value,
        ...(c.format ? { numberFormat: c.format } : {}),
        ...(c.error ? { error: c.error } : {}),
        ...(c.formula ? { formula: c.formula } : {}),
      };
    }
    const visibility = s.visibility === "veryHidden" ? "VeryHidden" : s.visibility === "hidden" ? "Hidden" : "Visible";
    fake.addSheet(s.name, cells, { visibility, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) });
  }
  return fake;
}

async function office(file: string): Promise<Office> {
  const loaded = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const fake = fakeExcelOf(loaded.snapshot);
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "BENCH" });
  const before = fake.syncs.length;
  const snapshot = await host.readSnapshot();
  const checkSyncs = fake.syncs.length - before;
  const plan = summarise(analyse(snapshot, { now: NOW }), NOW);
  await host.writeSummaries(plan);
  const buildSyncs = fake.syncs.length - before;
  return { checkSyncs, buildSyncs, maxRequestBytes: Math.max(...fake.syncs.map((s) => s.requestBytes)) };
}

interface Target {
  what: string;
  measured: string;
  met: boolean;
}

function targets(rows: Row[]): Target[] {
  const by = (n: string) => rows.find((r) => r.name === n);
  const out: Target[] = [];
  const pack = by("pack-1000-5000");
  if (pack) out.push({ what: "analyse 1,000 forms + 5,000 direction rows < 200 ms", measured: ms(pack.stages.analyse), met: pack.stages.analyse < 200 });
  const f1000 = by("forms-1000");
  const f100 = by("forms-100");
  if (f1000) {
    out.push({ what: "`check` on 1,000 forms < 5 s", measured: ms(f1000.check.ms), met: f1000.check.ms < 5000 });
    out.push({ what: "`check` on 1,000 forms < 500 MB", measured: `${Math.round(f1000.check.rssMb)} MB`, met: f1000.check.rssMb < 500 });
    const ratio = f1000.check.ms / f1000.bareChild.ms;
    out.push({
      what: "`check` ≤ 1.25 × a bare exceljs load of the same file (both spawned, side by side)",
      measured: `${ratio.toFixed(2)} × (${ms(f1000.check.ms)} vs ${ms(f1000.bareChild.ms)})`,
      met: ratio <= 1.25,
    });
  }
  if (f1000 && f100) {
    // In-process work only: process start-up is the same at every size and would flatter the ratio.
    const cost = (r: Row) => r.stages.read + r.stages.analyse + r.stages.summarise + r.stages.write;
    const ratio = cost(f1000) / cost(f100);
    out.push({ what: "1,000-form run ≤ 12 × the 100-form run (read+analyse+summarise+write)", measured: `${ratio.toFixed(1)} ×`, met: ratio <= 12 });
  }
  const withOffice = rows.filter((r) => r.office);
  if (withOffice.length) {
    const offices = withOffice.flatMap((r) => (r.office ? [r.office] : []));
    const checks = new Set(offices.map((o) => o.checkSyncs));
    const builds = new Set(offices.map((o) => o.buildSyncs));
    out.push({ what: "Office.js syncs per check the same at every size", measured: [...checks].join(", "), met: checks.size === 1 });
    out.push({ what: "Office.js syncs per build the same at every size", measured: [...builds].join(", "), met: builds.size === 1 });
    const maxReq = Math.max(...offices.map((o) => o.maxRequestBytes));
    out.push({ what: "no Office.js request over 4 MB", measured: `${(maxReq / MB).toFixed(2)} MB`, met: maxReq <= 4 * MB });
  }
  return out;
}

function render(rows: Row[], t: Target[]): string {
  const cpu = os.cpus();
  const lines: string[] = [];
  lines.push(`# Benchmark results`, "");
  lines.push(
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ` +
      `${Math.round(os.totalmem() / MB / 1024)} GB, Node ${process.version}. Stages: median of ${RUNS} in-process runs after a warm-up; ` +
      `whole runs: median of ${SPAWN_RUNS} spawned runs. Made by \`npm run bench\` (bench/run.ts); packs from bench/generate.ts.`,
    "",
  );
  lines.push("## Targets", "", "| target | measured | met |", "| --- | --- | --- |");
  for (const x of t) lines.push(`| ${x.what} | ${x.measured} | ${x.met ? "yes" : "**NO**"} |`);
  lines.push("", "## Stages (in-process)", "");
  lines.push("| pack | forms | direction rows | register items | file | bare exceljs load | read | analyse | summarise | write |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const s = r.stages;
    lines.push(
      `| ${r.name} | ${r.spec.forms} | ${r.spec.directionRows} | ${r.spec.registerItems} | ${(r.bytes / 1024).toFixed(0)} KB | ${ms(s.bare)} | ${ms(s.read)} | ${ms(s.analyse)} | ${ms(s.summarise)} | ${ms(s.write)} |`,
    );
  }
  lines.push("", "## Whole runs (spawned) and the Office.js host on the fake Excel", "");
  lines.push("| pack | bare exceljs load | `check` | `check` peak | `build` | `build` peak | Office.js syncs: check / build | largest request |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const o = r.office;
    lines.push(
      `| ${r.name} | ${ms(r.bareChild.ms)} | ${ms(r.check.ms)} | ${Math.round(r.check.rssMb)} MB | ${ms(r.build.ms)} | ${Math.round(r.build.rssMb)} MB | ` +
        `${o ? `${o.checkSyncs} / ${o.buildSyncs}` : "n/a"} | ${o ? `${(o.maxRequestBytes / 1024).toFixed(0)} KB` : "n/a"} |`,
    );
  }
  lines.push("");
  const notes = path.join(__dirname, "profiling.md");
  if (fs.existsSync(notes)) lines.push(fs.readFileSync(notes, "utf8").trim(), "");
  return lines.join("\n");
}

async function main(): Promise<number> {
  fs.mkdirSync(PACK_DIR, { recursive: true });
  // The whole runs spawn the compiled command line.
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], { stdio: "inherit" });
  const only = process.argv.slice(2);
  const rows: Row[] = [];
  for (const [name, spec] of Object.entries(BENCH_PACKS)) {
    if (only.length && !only.includes(name)) continue;
    const file = await packFile(name, spec);
    process.stderr.write(`${name}: stages…`);
    const st = await stages(file);
    process.stderr.write(" whole runs…");
    const whole = await wholeRuns(file);
    process.stderr.write(" Office.js…");
    const off = await office(file);
    process.stderr.write(" done\n");
    rows.push({ name, spec, bytes: fs.statSync(file).size, stages: st, ...whole, office: off });
  }
  const t = targets(rows);
  const text = render(rows, t);
  process.stdout.write(text + "\n");
  if (!only.length) fs.writeFileSync(path.join(__dirname, "results.md"), text);
  return t.every((x) => x.met) ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);

// Times each stage of `check` and `build` in one process, on the compiled command line's
// own modules (lib/): open (the zip's directory), read (the snapshot), analyse, report
// (check's text report), summarise (the summary sheet models) and write (the built
// workbook's bytes). The first run is reported apart (a command line run is always a first
// run: nothing compiled yet); the rest give medians. CPU time is the process's (every
// thread: zlib, the garbage collector's helpers), wall time is performance.now().
//
// `node --expose-gc bench/stages.js FILE [RUNS]` prints JSON:
// { first: Stages, median: Stages } where Stages = { open, read, analyse, report, summarise, write }
// each { cpu, wall } in milliseconds.
"use strict";
const fs = require("fs");
const path = require("path");

// BENCH_SUBJECT: another checkout's root, to measure its code (the "before" figures).
const LIB = path.join(process.env.BENCH_SUBJECT || path.join(__dirname, ".."), "lib");
const { openPackage } = require(path.join(LIB, "hosts", "xlsx", "package"));
const { readSnapshot } = require(path.join(LIB, "hosts", "xlsx", "read"));
const { nodeInflater } = require(path.join(LIB, "hosts", "xlsx", "node-inflate"));
const { analyse, summarise } = require(path.join(LIB, "core", "engine"));
const { textReport } = require(path.join(LIB, "cli", "text-report"));
const { buildSummaryBytes } = require(path.join(LIB, "hosts", "xlsx", "write"));

const NOW = new Date("2023-09-21T12:00:00Z");
const STAGES = ["open", "read", "analyse", "report", "summarise", "write"];

function clock() {
  const c = process.cpuUsage();
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() };
}

async function once(bytes, name) {
  const out = {};
  let at = clock();
  const lap = (stage) => {
    const now = clock();
    out[stage] = { cpu: now.cpu - at.cpu, wall: now.wall - at.wall };
    at = now;
  };
  const pkg = await openPackage(bytes, { fileName: name, inflater: nodeInflater });
  lap("open");
  const snapshot = await readSnapshot(pkg);
  lap("read");
  const analysis = analyse(snapshot, { now: NOW });
  lap("analyse");
  textReport(analysis, name);
  lap("report");
  const plan = summarise(analysis, NOW);
  lap("summarise");
  await buildSummaryBytes({ pkg, snapshot }, plan, NOW);
  lap("write");
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  const file = process.argv[2];
  const runs = Math.max(2, Number(process.argv[3] ?? 5));
  const bytes = new Uint8Array(fs.readFileSync(file));
  const all = [];
  // One collection before the first run only: a forced full collection between runs frees
  // the last run's objects, and V8 then throws away the optimised code that depended on
  // their hidden classes ("weak objects"), so every run after it compiled again and the
  // "warm" figure was mostly compiling (mixed pack `analyse` 259 ms against ~40 without).
  if (global.gc) global.gc();
  for (let i = 0; i < runs; i++) all.push(await once(bytes, path.basename(file)));
  const rest = all.slice(1);
  const med = {};
  for (const s of STAGES) med[s] = { cpu: median(rest.map((r) => r[s].cpu)), wall: median(rest.map((r) => r[s].wall)) };
  process.stdout.write(JSON.stringify({ first: all[0], median: med }) + "\n");
}

main().catch((e) => {
  process.stderr.write(`stages: ${e.stack || e.message}\n`);
  process.exitCode = 1;
});

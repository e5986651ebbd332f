/**
 * `npm run bench`: the speed and memory targets of issue 14, each printed with its figure.
 * `npm run bench -- --quick`: the smaller shapes only, fewer rounds (a minute or two).
 * `npm run bench -- forms-1000 register-10000`: those shapes only. Neither writes results.md.
 *
 * What is measured (see bench/results.md for the definitions in words):
 * - whole runs, paired (bench/paired.ts): the floor (bench/floor.js: unzip and tokenise the
 *   sheet XML with the reader's own libraries), a bare exceljs load (bench/bare-load.js),
 *   `board-summary check` and `build`, on every shape; `node -e 0` against `check` of the
 *   sample register; the require graph of that `check`;
 * - stages in one process (bench/stages.js): open, read, analyse, report, summarise, write,
 *   for the growth of cost with size and the analyse targets;
 * - the browser page in Chromium (bench/page.ts), where Chromium is installed;
 * - the Office.js host on the fake Excel: syncs per check and build.
 *
 * Packs come from bench/generate.ts, cached under a hash of the generator. Exit status 1
 * when a target is missed.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BENCH_PACKS, type PackSpec } from "./generate";
import { medianSample, pairedRatio, pairedRounds, runChild, type Ratio, type Sample } from "./paired";

const ROOT = path.join(__dirname, "..");
const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const ONLY = args.filter((a) => !a.startsWith("--"));
const FULL = !QUICK && ONLY.length === 0;
/** Another checkout's compiled command line to measure instead (for "before" figures): its root folder. */
const SUBJECT = process.env.BENCH_SUBJECT ? path.resolve(process.env.BENCH_SUBJECT) : ROOT;
const BIN = path.join(SUBJECT, "bin", "board-summary.js");
const SAMPLE = path.join(ROOT, "examples", "savings-register.xlsx");
const AS_OF = ["--as-of", "2023-09-21"];

const QUICK_SHAPES = ["forms-100", "forms-1000", "register-10000", "directions-5000", "mixed-1000-5000"];
// Five rounds on every shape: with three, the largest shapes' ratios moved by a third between
// runs of the same code (the floor alone by 35%), too loose to call a target met or missed.
// A full run takes about a quarter of an hour on 2 quiet cores.
const rounds = (): number => Number(process.env.BENCH_ROUNDS ?? (QUICK ? 3 : 5));
const STAGE_RUNS = 3;
/** Shapes ten times apart: cost must grow no faster than the data. */
const GROWTH: [string, string][] = [
  ["forms-100", "forms-1000"],
  ["forms-1000", "forms-10000"],
  ["register-10000", "register-100000"],
  ["directions-5000", "directions-50000"],
];
const MB = 1024 * 1024;
/** Commands that failed on a shape, for the report. */
const failures: string[] = [];

// ---- figures ---------------------------------------------------------------------------

interface StageTime {
  cpu: number;
  wall: number;
}
type StageName = "open" | "read" | "analyse" | "report" | "summarise" | "write";
type Stages = Record<StageName, StageTime>;

interface Shape {
  name: string;
  spec: PackSpec;
  file: string;
  bytes: number;
  /** Unzipped size of the parts holding cells: worksheets and shared strings. */
  sheetBytes: number;
  floor: Sample;
  exceljs: Sample;
  check: Sample;
  build: Sample;
  checkVsFloor: Ratio;
  checkVsExceljs: Ratio;
  buildVsFloor: Ratio;
  stages: { first: Stages; median: Stages } | null;
}

const checkCost = (s: Stages) => s.open.cpu + s.read.cpu + s.analyse.cpu + s.report.cpu;
const buildCost = (s: Stages) => s.open.cpu + s.read.cpu + s.analyse.cpu + s.summarise.cpu + s.write.cpu;

function log(text: string): void {
  process.stderr.write(text);
}

/** Makes a pack (in a child, so its memory goes with it) or finds it made. */
function pack(name: string): string {
  const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "generate.ts"), name], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * MB,
  });
  if (r.status !== 0) throw new Error(`generating ${name} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** Unzipped bytes of a package's worksheets and shared strings, from its central directory. */
async function sheetBytesOf(file: string): Promise<number> {
  const { ZipReader, Uint8ArrayReader, configure } = await import("@zip.js/zip.js");
  configure({ useWebWorkers: false });
  const entries = await new ZipReader(new Uint8ArrayReader(new Uint8Array(fs.readFileSync(file)))).getEntries();
  return entries.filter((e) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(e.filename)).reduce((n, e) => n + e.uncompressedSize, 0);
}

function stagesOf(file: string): { first: Stages; median: Stages } | null {
  const r = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, "stages.js"), file, String(STAGE_RUNS)], {
    encoding: "utf8",
    maxBuffer: 16 * MB,
    env: { ...process.env, BENCH_SUBJECT: SUBJECT },
  });
  if (r.status !== 0) {
    log(` stages failed: ${r.stderr.trim().split("\n")[0]}`);
    return null;
  }
  return JSON.parse(r.stdout) as { first: Stages; median: Stages };
}

async function measureShape(name: string): Promise<Shape> {
  const spec = BENCH_PACKS[name];
  log(`${name}: pack…`);
  const file = pack(name);
  const out = path.join(os.tmpdir(), `board-summary-bench-out-${process.pid}.xlsx`);
  log(" whole runs");
  const runs = await pairedRounds(
    {
      floor: [path.join(__dirname, "floor.js"), file],
      exceljs: [path.join(__dirname, "bare-load.js"), file],
      check: [BIN, "check", file, ...AS_OF],
      build: [BIN, "build", file, "-o", out, ...AS_OF],
    },
    rounds(),
    () => log("."),
  );
  fs.rmSync(out, { force: true });
  for (const [what, samples] of Object.entries<Sample[]>(runs)) {
    const bad = samples.find((x) => x.failed);
    if (bad) failures.push(`${what} on ${name}: ${bad.failed ?? ""}`);
  }
  log(" stages…");
  const stages = stagesOf(file);
  log(" done\n");
  return {
    name,
    spec,
    file,
    bytes: fs.statSync(file).size,
    sheetBytes: await sheetBytesOf(file),
    floor: medianSample(runs.floor),
    exceljs: medianSample(runs.exceljs),
    check: medianSample(runs.check),
    build: medianSample(runs.build),
    checkVsFloor: pairedRatio(runs.check, runs.floor),
    checkVsExceljs: pairedRatio(runs.check, runs.exceljs),
    buildVsFloor: pairedRatio(runs.build, runs.floor),
    stages,
  };
}

interface StartUp {
  node: Sample;
  check: Sample;
  ratio: Ratio;
  build: Sample;
  graph: Graph;
}

interface Graph {
  /** Files the process loaded (the bundle is one, its chunks one each). */
  files: number;
  kb: number;
  /** Source modules in those files (lib/bundle/modules.json), or the files themselves unbundled. */
  modules: number;
  packages: string[];
  exceljs: boolean;
  writer: string[];
  /** Our modules loaded that import zod. */
  zodModules: string[];
}

const WRITER = /hosts[\\/]xlsx[\\/](write|package-edit|sheet-xml|styles-edit|zip-write|xml-splice|template)\.(js|ts)$/;
const IMPORTS_ZOD = /require\("zod"\)|from "zod"/;

/**
 * What a run loaded, by source module. The command line runs a webpack bundle, so the
 * require graph is a handful of files; scripts/bundle-cli.js lists the modules in each file
 * of the bundle (lib/bundle/modules.json), and a loaded bundle file counts as all of them.
 */
function graphOf(loaded: readonly string[]): Graph {
  const listFile = path.join(SUBJECT, "lib", "bundle", "modules.json");
  const inBundle: Record<string, string[]> = fs.existsSync(listFile) ? (JSON.parse(fs.readFileSync(listFile, "utf8")) as Record<string, string[]>) : {};
  const bundleDir = path.dirname(listFile) + path.sep;
  let bytes = 0;
  const sources: string[] = [];
  for (const m of loaded) {
    bytes += fs.statSync(m).size;
    const listed = m.startsWith(bundleDir) ? inBundle[path.basename(m)] : undefined;
    if (listed) sources.push(...listed.map((s) => path.join(SUBJECT, s)));
    else sources.push(m);
  }
  const unique = [...new Set(sources)];
  const packages = new Set<string>();
  const zodModules: string[] = [];
  for (const m of unique) {
    const pkgName = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(m)?.[1];
    if (pkgName) packages.add(pkgName.replace(/\\/g, "/"));
    else if (fs.existsSync(m) && IMPORTS_ZOD.test(fs.readFileSync(m, "utf8"))) zodModules.push(path.relative(SUBJECT, m).split(path.sep).join("/"));
  }
  return {
    files: loaded.length,
    kb: bytes / 1024,
    modules: unique.length,
    packages: [...packages].sort(),
    exceljs: packages.has("exceljs"),
    writer: unique.filter((m) => WRITER.test(m)).map((m) => path.basename(m)),
    zodModules: zodModules.sort(),
  };
}

async function measureStartUp(): Promise<StartUp> {
  log("start-up: ");
  const runs = await pairedRounds({ node: ["-e", "0"], check: [BIN, "check", SAMPLE, ...AS_OF] }, QUICK ? 5 : 11, () => log("."));
  const out = path.join(os.tmpdir(), `board-summary-bench-sample-${process.pid}.xlsx`);
  const builds: Sample[] = [];
  for (let i = 0; i < 3; i++) builds.push(await runChild([BIN, "build", SAMPLE, "-o", out, ...AS_OF]));
  fs.rmSync(out, { force: true });
  const traced = await runChild([BIN, "check", SAMPLE, ...AS_OF], { graph: true });
  log(" done\n");
  return {
    node: medianSample(runs.node),
    check: medianSample(runs.check),
    ratio: pairedRatio(runs.check, runs.node),
    build: medianSample(builds),
    graph: graphOf(traced.modules ?? []),
  };
}

// ---- targets ---------------------------------------------------------------------------

interface Target {
  group: string;
  what: string;
  measured: string;
  met: boolean;
}

const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "fails");
const ms = (n: number) => `${Math.round(n).toLocaleString("en-GB")} ms`;
const mb = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} MB` : "fails");

function targets(start: StartUp | null, shapes: Shape[], page: PageFigures | null): Target[] {
  const out: Target[] = [];
  const by = (n: string) => shapes.find((s) => s.name === n);
  if (start) {
    const r = start.ratio;
    out.push({
      group: "start-up",
      what: "small `check` (examples/savings-register.xlsx) ≤ 3× `node -e 0`",
      measured: `CPU ${x(r.cpu)}, wall ${x(r.wall)} (${ms(start.check.cpu)} vs ${ms(start.node.cpu)} CPU)`,
      met: r.cpu <= 3 && r.wall <= 3,
    });
    const g = start.graph;
    out.push({
      group: "start-up",
      what: "`check` loads no exceljs and no writer",
      measured: `${g.files} files, ${Math.round(g.kb)} KB, holding ${g.modules} modules; packages: ${g.packages.join(", ") || "none"}; writer modules: ${g.writer.length ? g.writer.join(", ") : "none"}`,
      met: !g.exceljs && g.writer.length === 0,
    });
  }
  for (const s of shapes) {
    out.push({
      group: s.name,
      what: "`check` ≤ 2× the floor",
      measured: `CPU ${x(s.checkVsFloor.cpu)}, wall ${x(s.checkVsFloor.wall)}`,
      met: s.checkVsFloor.cpu <= 2 && s.checkVsFloor.wall <= 2,
    });
    out.push({
      group: s.name,
      what: "`check` ≤ a bare exceljs load",
      measured: `CPU ${x(s.checkVsExceljs.cpu)}, wall ${x(s.checkVsExceljs.wall)}`,
      met: s.checkVsExceljs.cpu <= 1 && s.checkVsExceljs.wall <= 1,
    });
    out.push({
      group: s.name,
      what: "`build` ≤ 2.5× the floor",
      measured: `CPU ${x(s.buildVsFloor.cpu)}, wall ${x(s.buildVsFloor.wall)}`,
      met: s.buildVsFloor.cpu <= 2.5 && s.buildVsFloor.wall <= 2.5,
    });
    if (start) {
      const above = s.build.rssMb - start.build.rssMb;
      const allowed = (4 * s.sheetBytes) / MB;
      out.push({
        group: s.name,
        what: "`build` peak memory above start-up ≤ 4× the unzipped sheets",
        measured: `${mb(above)} ≤ ${mb(allowed)} (peak ${mb(s.build.rssMb)}; sheets ${mb(s.sheetBytes / MB)} unzipped)`,
        met: above <= allowed,
      });
    }
  }
  for (const [small, large] of GROWTH) {
    const a = by(small)?.stages?.median;
    const b = by(large)?.stages?.median;
    if (!a || !b) continue;
    const rc = checkCost(b) / checkCost(a);
    const rb = buildCost(b) / buildCost(a);
    out.push({ group: "growth", what: `\`check\`: ${large} ≤ 11× ${small}`, measured: `${x(rc)} (${ms(checkCost(b))} vs ${ms(checkCost(a))} CPU)`, met: rc <= 11 });
    out.push({ group: "growth", what: `\`build\`: ${large} ≤ 11× ${small}`, measured: `${x(rb)} (${ms(buildCost(b))} vs ${ms(buildCost(a))} CPU)`, met: rb <= 11 });
  }
  const mixed = by("mixed-1000-5000")?.stages;
  if (mixed) {
    out.push({
      group: "analyse",
      what: "analyse 1,000 forms + 5,000 direction rows < 150 ms",
      measured: `first run ${ms(mixed.first.analyse.cpu)}, then ${ms(mixed.median.analyse.cpu)} CPU`,
      met: mixed.first.analyse.cpu < 150,
    });
  }
  const reg = by("register-100000")?.stages;
  if (reg) {
    out.push({
      group: "analyse",
      what: "analyse 100,000 register rows < 1 s",
      measured: `first run ${ms(reg.first.analyse.cpu)}, then ${ms(reg.median.analyse.cpu)} CPU`,
      met: reg.first.analyse.cpu < 1000,
    });
  }
  if (page) {
    out.push({
      group: "page",
      what: `the page checks a ${mb(page.bytes / MB)} workbook without freezing (Chromium)`,
      measured: `${ms(page.ms)} to the overview; ${page.progress} progress messages; longest main-thread task ${ms(page.longestTask)}; a 50 ms timer's longest gap ${ms(page.longestTick)}`,
      met: page.longestTick < 250 && page.progress > 2,
    });
  }
  return out;
}

// ---- the page ---------------------------------------------------------------------------

interface PageFigures {
  bytes: number;
  ms: number;
  progress: number;
  longestTask: number;
  longestTick: number;
}

async function measurePage(file: string): Promise<PageFigures | null> {
  const { checkInChromium, CHROMIUM_PRESENT } = await import("./page");
  if (!CHROMIUM_PRESENT) {
    log("page: skipped (no /usr/bin/chromium)\n");
    return null;
  }
  log("page: build and Chromium…");
  const r = await checkInChromium(file);
  log(" done\n");
  return { bytes: fs.statSync(file).size, ms: r.ms, progress: r.progress.length, longestTask: r.longestTask, longestTick: r.longestTick };
}

// ---- the Office.js host ---------------------------------------------------------------------

interface OfficeFigures {
  name: string;
  checkSyncs: number;
  buildSyncs: number;
  maxRequestBytes: number;
}

function measureOffice(files: { name: string; file: string }[]): OfficeFigures[] {
  if (!files.length) return [];
  log("Office.js host on the fake Excel…");
  const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "office.ts"), ...files.flatMap((f) => [f.name, f.file])], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * MB,
  });
  log(" done\n");
  if (r.status !== 0) throw new Error(`office: ${r.stderr}`);
  return JSON.parse(r.stdout) as OfficeFigures[];
}

// ---- the report ---------------------------------------------------------------------------

function render(start: StartUp | null, shapes: Shape[], t: Target[], office: OfficeFigures[], page: PageFigures | null, load: number[], began: Date): string {
  const cpu = os.cpus();
  const lines: string[] = [];
  lines.push(
    // The time and the load average are both the run's start: the load a run begins under is the one that colours it.
    `Run ${began.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ` +
      `${Math.round(os.totalmem() / MB / 1024)} GB, Node ${process.version}; load average at the start ${load.map((l) => l.toFixed(2)).join(", ")} (1, 5, 15 min). ` +
      `Whole runs: a warm-up round, then rounds of floor, exceljs, check and build in turning order (${QUICK ? 3 : 5} rounds); ratios are medians of per-round ratios. ` +
      `Stages: first run, then the median of ${STAGE_RUNS - 1} more, in one process.`,
  );
  lines.push("", "### Targets", "", "| | target | measured | met |", "| --- | --- | --- | --- |");
  for (const r of t) lines.push(`| ${r.group} | ${r.what} | ${r.measured} | ${r.met ? "yes" : "**NO**"} |`);
  lines.push("", "### Whole runs (medians)", "");
  lines.push("| shape | file | sheets unzipped | floor CPU / wall | exceljs CPU / wall | `check` CPU / wall | `build` CPU / wall | peak MB: floor / exceljs / check / build |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const s of shapes) {
    const cw = (m: Sample) => (Number.isFinite(m.cpu) ? `${Math.round(m.cpu)} / ${Math.round(m.wall)}` : "fails");
    lines.push(
      `| ${s.name} | ${mb(s.bytes / MB)} | ${mb(s.sheetBytes / MB)} | ${cw(s.floor)} | ${cw(s.exceljs)} | ${cw(s.check)} | ${cw(s.build)} | ` +
        `${Math.round(s.floor.rssMb)} / ${Math.round(s.exceljs.rssMb)} / ${Math.round(s.check.rssMb)} / ${Math.round(s.build.rssMb)} |`,
    );
  }
  if (start) {
    lines.push(
      "",
      `Start-up: \`node -e 0\` ${ms(start.node.cpu)} CPU / ${ms(start.node.wall)} wall; \`check\` of the sample ${ms(start.check.cpu)} / ${ms(start.check.wall)}, ` +
        `peak ${mb(start.check.rssMb)}; \`build\` of the sample peak ${mb(start.build.rssMb)} (the start-up memory the build targets subtract). ` +
        `\`check\`'s require graph: ${start.graph.files} files, ${Math.round(start.graph.kb)} KB, holding ${start.graph.modules} modules (lib/bundle/modules.json); packages ${start.graph.packages.join(", ") || "none"}; ` +
        `our modules importing zod: ${start.graph.zodModules.length ? start.graph.zodModules.join(", ") : "none"}.`,
    );
  }
  lines.push("", "### Stages in one process (CPU ms: first run / median of the rest)", "");
  lines.push("| shape | open | read | analyse | report | summarise | write |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const s of shapes) {
    if (!s.stages) continue;
    const st = s.stages;
    const cell = (k: StageName) => `${Math.round(st.first[k].cpu)} / ${Math.round(st.median[k].cpu)}`;
    lines.push(`| ${s.name} | ${cell("open")} | ${cell("read")} | ${cell("analyse")} | ${cell("report")} | ${cell("summarise")} | ${cell("write")} |`);
  }
  if (office.length) {
    lines.push("", "### The Office.js host on the fake Excel", "", "| shape | syncs: check / build | largest request |", "| --- | ---: | ---: |");
    for (const o of office) lines.push(`| ${o.name} | ${o.checkSyncs} / ${o.buildSyncs} | ${(o.maxRequestBytes / 1024).toFixed(0)} KB |`);
  }
  if (page) lines.push("", `Page: ${mb(page.bytes / MB)} workbook checked in Chromium in ${ms(page.ms)} (file chosen to overview shown).`);
  return lines.join("\n");
}

/** Puts the new figures into results.md between its markers, keeping the rest (the "before" figures and the notes). */
function writeResults(text: string): void {
  const file = path.join(__dirname, "results.md");
  const START = "<!-- bench:after:start -->";
  const END = "<!-- bench:after:end -->";
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : `# Benchmark results\n\n${START}\n${END}\n`;
  const a = old.indexOf(START);
  const b = old.indexOf(END);
  const next = a >= 0 && b > a ? `${old.slice(0, a + START.length)}\n${text}\n${old.slice(b)}` : `${old.trimEnd()}\n\n${START}\n${text}\n${END}\n`;
  fs.writeFileSync(file, next);
}

async function main(): Promise<number> {
  const began = new Date();
  const load = os.loadavg();
  if (SUBJECT === ROOT) {
    // The whole runs spawn the command line as users run it: compiled, then bundled.
    log("build:cli…");
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    log(" done\n");
  }
  const names = Object.keys(BENCH_PACKS).filter((n) => (ONLY.length ? ONLY.includes(n) : !QUICK || QUICK_SHAPES.includes(n)));
  const start = ONLY.length ? null : await measureStartUp();
  const shapes: Shape[] = [];
  for (const name of names) shapes.push(await measureShape(name));
  const office = FULL && SUBJECT === ROOT ? measureOffice(shapes.filter((s) => ["forms-100", "forms-1000", "register-10000", "directions-5000", "mixed-1000-5000"].includes(s.name))) : [];
  const pageFile = shapes.find((s) => s.name === "data-200000")?.file;
  const page = FULL && SUBJECT === ROOT && pageFile ? await measurePage(pageFile) : null;
  const t = targets(start, shapes, page);
  if (office.length) {
    const checks = new Set(office.map((o) => o.checkSyncs));
    const builds = new Set(office.map((o) => o.buildSyncs));
    t.push({ group: "Office.js", what: "syncs per check the same at every size", measured: [...checks].join(", "), met: checks.size === 1 });
    t.push({ group: "Office.js", what: "syncs per build the same at every size", measured: [...builds].join(", "), met: builds.size === 1 });
    const maxReq = Math.max(0, ...office.map((o) => o.maxRequestBytes));
    t.push({ group: "Office.js", what: "no request over 4 MB", measured: `${(maxReq / MB).toFixed(2)} MB`, met: maxReq <= 4 * MB });
  }
  let text = render(start, shapes, t, office, page, load, began);
  if (failures.length) text += `\n\nFailed runs: ${failures.join("; ")}.`;
  process.stdout.write(text + "\n");
  if (FULL && SUBJECT === ROOT) writeResults(text);
  const missed = t.filter((r) => !r.met);
  process.stdout.write(missed.length ? `\n${missed.length} target(s) missed.\n` : "\nEvery target met.\n");
  return missed.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);

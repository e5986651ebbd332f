/**
 * `build` over a folder of real workbooks (by default ../shared/corpus, when it is there),
 * in process, with the figures docs/xlsx-host.md records: how many were built, refused
 * (and why, by kind), or went wrong; whether each built file kept every part as stored
 * (tests/helpers/kept-by-addition.ts); whether building the output again replaced only our
 * parts; how long the write took beside the read.
 *
 *   npx ts-node --transpile-only scripts/corpus-build.ts [FOLDER] [--limit N] [--verbose]
 *
 * Exit status 1 when any file went wrong (a JavaScript error, a part not kept), else 0.
 */
import * as fs from "fs";
import * as path from "path";
import { analyse, summarise } from "../src/core/engine";
import { HostError } from "../src/hosts/host";
import { nodeInflater } from "../src/hosts/xlsx/node-inflate";
import { openWorkbook } from "../src/hosts/xlsx/open";
import { buildSummaryBytes } from "../src/hosts/xlsx/write";
import { checkKeptByAddition, rebuildAllowance } from "../tests/helpers/kept-by-addition";
import { sheetList } from "../tests/helpers/package-parts";

const NOW = new Date("2023-09-21T12:00:00Z");

export interface BuildFigures {
  files: number;
  built: number;
  refused: Map<string, number>;
  wrong: { file: string; why: string }[];
  /** Parts carried over as stored, in all built files together. */
  carried: number;
  /** Milliseconds per file: open and read, analyse and plan, write by addition. */
  read: number[];
  analyse: number[];
  write: number[];
  rebuilt: number;
}

/** A refusal's kind, from its one line, for counting. */
function kindOf(message: string): string {
  if (/password-protected/.test(message)) return "password-protected";
  if (/damaged|truncated|corrupt|not well-formed/.test(message)) return "damaged";
  if (/zip bomb|more than .* MB/.test(message)) return "too large when unzipped";
  if (/is not an Excel workbook|is a zip file|is a Word|OpenDocument|binary workbook|\.xls file/.test(message)) return "not an .xlsx workbook";
  return "other";
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export async function buildFigures(files: string[], verbose = false): Promise<BuildFigures> {
  const f: BuildFigures = { files: files.length, built: 0, refused: new Map(), wrong: [], carried: 0, read: [], analyse: [], write: [], rebuilt: 0 };
  for (const file of files) {
    const name = path.basename(file);
    const bytes = new Uint8Array(fs.readFileSync(file));
    try {
      let t = process.hrtime.bigint();
      const opened = await openWorkbook(bytes, name, { inflater: nodeInflater });
      f.read.push(ms(t));
      t = process.hrtime.bigint();
      const plan = summarise(analyse(opened.snapshot, { now: NOW }), NOW);
      f.analyse.push(ms(t));
      t = process.hrtime.bigint();
      const { bytes: out } = await buildSummaryBytes(opened, plan, NOW);
      f.write.push(ms(t));
      const report = await checkKeptByAddition(bytes, out);
      if (report.problems.length) {
        f.wrong.push({ file: name, why: report.problems.slice(0, 2).join("; ") });
        continue;
      }
      f.built++;
      f.carried += report.carried;
      // Built again from its own output: our sheets replaced, the rest carried again.
      const again = await openWorkbook(out, name, { inflater: nodeInflater });
      const plan2 = summarise(analyse(again.snapshot, { now: NOW }), NOW);
      const { bytes: out2 } = await buildSummaryBytes(again, plan2, NOW);
      const allowance = rebuildAllowance(report, (await sheetList(out)).map((s) => s.replace(/#.*/, "")));
      const second = await checkKeptByAddition(out, out2, allowance);
      if (second.problems.length || !second.removed.every((p) => allowance.mayRemove(p))) {
        f.wrong.push({ file: name, why: `rebuild: ${second.problems.slice(0, 2).join("; ") || `removed ${second.removed.join(", ")}`}` });
      } else f.rebuilt++;
    } catch (e) {
      if (e instanceof HostError) {
        const kind = kindOf(e.message);
        f.refused.set(kind, (f.refused.get(kind) ?? 0) + 1);
        if (verbose) console.log(`refused ${name}: ${e.message}`);
      } else f.wrong.push({ file: name, why: e instanceof Error ? e.stack?.split("\n").slice(0, 2).join(" ") ?? e.message : String(e) });
    }
  }
  return f;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

export function printFigures(f: BuildFigures): string {
  const row = (label: string, xs: number[]) =>
    `| ${label} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.95).toFixed(1)} | ${Math.max(0, ...xs).toFixed(1)} | ${xs.reduce((a, b) => a + b, 0).toFixed(0)} |`;
  const refused = [...f.refused].map(([k, n]) => `${n} ${k}`).join(", ") || "none";
  return [
    `build over ${f.files} workbooks: ${f.built} built by addition (every part kept), ${[...f.refused.values()].reduce((a, b) => a + b, 0)} refused in one line (${refused}), ${f.wrong.length} went wrong.`,
    `${f.carried} parts carried over as stored; ${f.rebuilt} of ${f.built} built again from their output replacing only their own parts.`,
    "",
    "| stage (ms per file) | median | 95th percentile | slowest | all files |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("open and read", f.read),
    row("analyse and plan", f.analyse),
    row("write by addition", f.write),
    ...f.wrong.map((w) => `WRONG ${w.file}: ${w.why}`),
  ].join("\n");
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const limitAt = args.indexOf("--limit");
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const folder = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--limit") ?? path.join(__dirname, "..", "..", "shared", "corpus");
  const alt = "/work/shared/corpus";
  const dir = fs.existsSync(folder) ? folder : fs.existsSync(alt) ? alt : null;
  if (!dir) {
    console.log(`No corpus at ${folder}: nothing to build.`);
    return 0;
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort()
    .slice(0, limit)
    .map((f) => path.join(dir, f));
  const figures = await buildFigures(files, verbose);
  console.log(printFigures(figures));
  return figures.wrong.length ? 1 : 0;
}

if (require.main === module) {
  void main().then((code) => (process.exitCode = code));
}

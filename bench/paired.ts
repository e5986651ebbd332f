/**
 * Whole processes, measured side by side. Each command runs as a child of its own with
 * bench/probe.js preloaded, which reports the child's CPU time (every thread) and peak
 * memory; wall time is taken here, from spawn to exit.
 *
 * Paired: after one warm-up round (the file in the page cache, the disk and CPU caches warm)
 * the commands run in rounds, one of each a round, in an order that turns each round, so
 * each meets the machine's load as the others do. A ratio is the median of the per-round
 * ratios, not a ratio of medians: a busy spell on a shared machine slows both sides of a
 * round, and the median leaves out the rounds it hit unevenly.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface Sample {
  /** CPU time, user + system, every thread of the child, in ms. */
  cpu: number;
  /** Wall time from spawn to exit, in ms. */
  wall: number;
  /** Peak resident set size, in MB. */
  rssMb: number;
  /** Every module file the child loaded (with `graph`). */
  modules?: string[];
  /** Why the run failed (its exit status and last words), where it did: its figures are NaN. */
  failed?: string;
}

const PROBE = path.join(__dirname, "probe.js");

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `node -r probe.js ...args`; exit status 0 or 1 (findings) is success. */
export function runChild(args: readonly string[], options: { graph?: boolean; cwd?: string } = {}): Promise<Sample> {
  const probeFile = path.join(os.tmpdir(), `board-summary-probe-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["-r", PROBE, ...args], {
      cwd: options.cwd,
      env: { ...process.env, BENCH_PROBE_FILE: probeFile, BENCH_GRAPH: options.graph ? "1" : "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const wall = performance.now() - started;
      if (code !== 0 && code !== 1) {
        fs.rmSync(probeFile, { force: true });
        // A command that fails on a shape (the old code's stack overflow on 100,000 lines) is
        // reported as failing there, not as a broken benchmark.
        resolve({ cpu: NaN, wall: NaN, rssMb: NaN, failed: `exit ${String(code)}: ${err.trim().split("\n").slice(-1).join(" ").slice(0, 160)}` });
        return;
      }
      try {
        const probe = JSON.parse(fs.readFileSync(probeFile, "utf8")) as { cpu: number; rssMb: number; modules?: string[] };
        resolve({ cpu: probe.cpu, wall, rssMb: probe.rssMb, modules: probe.modules });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        fs.rmSync(probeFile, { force: true });
      }
    });
  });
}

/**
 * Runs every command once as a warm-up, then `rounds` rounds of one of each, the order
 * turning by one each round. Returns each command's samples, round by round.
 */
export async function pairedRounds<K extends string>(commands: Record<K, readonly string[]>, rounds: number, onRound?: (i: number) => void): Promise<Record<K, Sample[]>> {
  const names = Object.keys(commands) as K[];
  for (const name of names) await runChild(commands[name]);
  const out = Object.fromEntries(names.map((n) => [n, [] as Sample[]])) as unknown as Record<K, Sample[]>;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      out[name].push(await runChild(commands[name]));
    }
    onRound?.(r);
  }
  return out;
}

export interface Ratio {
  cpu: number;
  wall: number;
}

/** The median of the per-round ratios a/b, for CPU and for wall time. */
export function pairedRatio(a: readonly Sample[], b: readonly Sample[]): Ratio {
  if (a.some((s) => s.failed) || b.some((s) => s.failed)) return { cpu: NaN, wall: NaN };
  const n = Math.min(a.length, b.length);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < n; i++) {
    cpu.push(a[i].cpu / b[i].cpu);
    wall.push(a[i].wall / b[i].wall);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/** Medians of a command's samples. */
export function medianSample(xs: readonly Sample[]): Sample {
  if (xs.some((x) => x.failed)) return { cpu: NaN, wall: NaN, rssMb: NaN, failed: xs.find((x) => x.failed)?.failed };
  return { cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)), rssMb: median(xs.map((x) => x.rssMb)) };
}

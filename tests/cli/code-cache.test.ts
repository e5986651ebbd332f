/**
 * The command line's V8 code cache (src/cli/code-cache.ts) on the real bundle, run as a
 * user runs it: a cached run prints exactly what an uncached one prints, and a cache that is
 * corrupt, rejected by V8, unwritable or not ours is passed over silently.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import { cacheRoot, HEADER, pack, runKind } from "../../src/cli/code-cache";
import { BOARD_PACK, BOARD_PACK_WITH_ERRORS, ROOT, SAVINGS_REGISTER, tempDir } from "../helpers/workbooks";
import { BIN, ensureCliBuilt } from "./spawn";

const crc32 = (zlib as unknown as { crc32: (d: string | Uint8Array) => number }).crc32;
const ENTRY = path.join(ROOT, "lib", "bundle", "board-summary.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cache: string, cwd: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, BOARD_SUMMARY_CODE_CACHE: cache } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir`, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name)));
  }
  return out;
}

/** The main bundle's cache file under `root` (one build folder) for runs of `kind`. */
function mainCache(root: string, kind = "check"): string {
  const folders = fs.readdirSync(root);
  expect(folders).toHaveLength(1);
  return path.join(root, folders[0], `board-summary.js.${kind}.v8`);
}

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  // The bundle is what runs (bin/board-summary.js runs the tsc output only where it is newer).
  expect(fs.statSync(ENTRY).mtimeMs).toBeGreaterThanOrEqual(fs.statSync(path.join(ROOT, "lib", "cli", "main.js")).mtimeMs);
  dir = tempDir();
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CHECK = ["check", SAVINGS_REGISTER];

describe("the code cache", () => {
  it("gives a cached run the same output and exit code as an uncached one, for every command", () => {
    const cache = path.join(dir, "same");
    const commands = [
      ["check", BOARD_PACK],
      ["check", BOARD_PACK_WITH_ERRORS, "--json", "--as-of", "2024-03-31"],
      ["build", BOARD_PACK, "--as-of", "2024-03-31", "-o", "out.xlsx", "--force"],
      ["template", "directions", "-o", "blank.xlsx", "--force"],
      ["--version"],
      ["check", "missing.xlsx"],
    ];
    const off = commands.map((c) => run(c, "0", dir));
    expect(files(cache).size).toBe(0);
    const first = commands.map((c) => run(c, cache, dir));
    const written = files(cache);
    // The main file and the chunks build, template and --json load.
    expect([...written.keys()].filter((f) => f.endsWith(".v8")).length).toBeGreaterThan(3);
    const cached = commands.map((c) => run(c, cache, dir));
    expect(first).toEqual(off);
    expect(cached).toEqual(off);
    expect(off.map((r) => r.code)).toEqual([0, 1, 0, 0, 0, 2]);
    // V8 took every file it was given: none was written again.
    expect(files(cache)).toEqual(written);
  }, 120_000);

  it("keeps one for each kind of run, so a build after a check has the functions it calls cached", () => {
    const cache = path.join(dir, "kinds");
    const build = ["build", BOARD_PACK, "--as-of", "2024-03-31", "-o", "kinds.xlsx", "--force"];
    const expected = run(build, "0", dir);
    run(CHECK, cache, dir);
    const checkCache = fs.readFileSync(mainCache(cache, "check"));
    expect(run(build, cache, dir)).toEqual(expected);
    const buildCache = fs.readFileSync(mainCache(cache, "build"));
    // build calls more of the main file than check: the functions check never compiled are in its cache.
    expect(buildCache.length).toBeGreaterThan(checkCache.length);
    const written = files(cache);
    expect(run(build, cache, dir)).toEqual(expected);
    expect(run(CHECK, cache, dir).code).toBe(0);
    // Each taken as it is, and neither written over by the other.
    expect(files(cache)).toEqual(written);
  }, 60_000);

  it("is not made when turned off", () => {
    const home = path.join(dir, "home");
    fs.mkdirSync(home);
    const r = spawnSync(process.execPath, [BIN, ...CHECK], { cwd: dir, encoding: "utf8", env: { ...process.env, HOME: home, XDG_CACHE_HOME: "", BOARD_SUMMARY_CODE_CACHE: "off" } });
    expect(r.status).toBe(0);
    expect(files(home).size).toBe(0);
  });

  it("passes over a corrupt or truncated cache file, and writes a whole one in its place", () => {
    const cache = path.join(dir, "corrupt");
    const expected = run(CHECK, "0", dir);
    run(CHECK, cache, dir);
    const file = mainCache(cache);
    const good = fs.readFileSync(file);
    // Bytes flipped inside V8's data (the header intact): V8 itself would take it, or stop the process.
    for (const offset of [HEADER + 100, HEADER + 1000, Math.floor(good.length / 2)]) {
      const bad = Buffer.from(good);
      for (let i = 0; i < 64; i++) bad[offset + i] ^= 0x5a;
      fs.writeFileSync(file, bad);
      expect(run(CHECK, cache, dir)).toEqual(expected);
      expect(fs.readFileSync(file).equals(bad)).toBe(false);
    }
    for (const bad of [good.subarray(0, good.length - 1000), good.subarray(0, 10), Buffer.alloc(0), Buffer.from("not a cache")]) {
      fs.writeFileSync(file, bad);
      expect(run(CHECK, cache, dir)).toEqual(expected);
      expect(fs.readFileSync(file).length).toBeGreaterThan(HEADER + 1000);
    }
    // The rewritten file is taken again as it is.
    const rewritten = fs.readFileSync(file);
    expect(run(CHECK, cache, dir)).toEqual(expected);
    expect(fs.readFileSync(file).equals(rewritten)).toBe(true);
  }, 120_000);

  it("passes over data V8 rejects (whole, but made for other code), and replaces it", () => {
    const cache = path.join(dir, "rejected");
    const expected = run(CHECK, "0", dir);
    run(CHECK, cache, dir);
    const file = mainCache(cache);
    const other = new vm.Script("(function () { return 1 + 1; })()").createCachedData();
    const rejected = pack(fs.readFileSync(ENTRY, "utf8"), other, crc32);
    fs.writeFileSync(file, rejected);
    expect(run(CHECK, cache, dir)).toEqual(expected);
    expect(fs.readFileSync(file).length).toBeGreaterThan(rejected.length);
  }, 60_000);

  it("runs as usual where the cache folder cannot be made or written", () => {
    const expected = run(CHECK, "0", dir);
    const blocker = path.join(dir, "a-file");
    fs.writeFileSync(blocker, "");
    expect(run(CHECK, path.join(blocker, "cache"), dir)).toEqual(expected);
    // A build folder that is a file.
    const cache = path.join(dir, "odd");
    run(CHECK, cache, dir);
    const folder = path.dirname(mainCache(cache));
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, "");
    expect(run(CHECK, cache, dir)).toEqual(expected);
    expect(fs.readFileSync(folder, "utf8")).toBe("");
  }, 60_000);

  (process.platform === "win32" ? it.skip : it)("neither reads nor writes a build folder others can write to", () => {
    const cache = path.join(dir, "shared");
    const expected = run(CHECK, "0", dir);
    run(CHECK, cache, dir);
    const file = mainCache(cache);
    // Data V8 would reject, so were it read it would be written again.
    const planted = pack(fs.readFileSync(ENTRY, "utf8"), new vm.Script("0").createCachedData(), crc32);
    fs.writeFileSync(file, planted);
    fs.chmodSync(path.dirname(file), 0o777);
    expect(run(CHECK, cache, dir)).toEqual(expected);
    expect(fs.readFileSync(file).equals(planted)).toBe(true);
  }, 60_000);

  it("stays whole when runs in parallel make it at once", async () => {
    const cache = path.join(dir, "parallel");
    const expected = run(CHECK, "0", dir);
    const once = () =>
      new Promise<Run>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...CHECK], { cwd: dir, env: { ...process.env, BOARD_SUMMARY_CODE_CACHE: cache } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      });
    const runs = await Promise.all([once(), once(), once()]);
    for (const r of runs) expect(r).toEqual(expected);
    const written = files(cache);
    expect([...written.keys()].filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(run(CHECK, cache, dir)).toEqual(expected);
    // Whole: V8 takes it, so it is not written again.
    expect(files(cache)).toEqual(written);
  }, 60_000);
});

describe("start-up", () => {
  it("check loads no worker_threads (fflate's node build loads it for its async functions, which the command line never uses)", () => {
    const preload = path.join(dir, "loaded.js");
    const list = path.join(dir, "loaded.txt");
    fs.writeFileSync(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));`);
    const r = spawnSync(process.execPath, ["-r", preload, BIN, ...CHECK], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    const loaded = fs.readFileSync(list, "utf8").split("\n");
    expect(loaded).toContain("NativeModule zlib");
    expect(loaded.filter((m) => /worker_threads|internal\/worker$/.test(m))).toEqual([]);
  });
});

describe("the kind of run", () => {
  it("is the command, with -json where the output is JSON, and other for anything not a command word", () => {
    expect(runKind(["check", "a.xlsx"])).toBe("check");
    expect(runKind(["check", "a.xlsx", "--json"])).toBe("check-json");
    expect(runKind(["build", "a.xlsx", "-o", "b.xlsx"])).toBe("build");
    expect(runKind(["--version"])).toBe("other");
    expect(runKind([])).toBe("other");
    expect(runKind(["../../etc/x"])).toBe("other");
    expect(runKind(["a".repeat(21)])).toBe("other");
  });
});

describe("the cache folder", () => {
  it("is the per-user cache folder of each system, or the one named, or none", () => {
    expect(cacheRoot({}, "linux", "/home/ann")).toBe(path.join("/home/ann", ".cache", "board-summary"));
    expect(cacheRoot({ XDG_CACHE_HOME: "/var/cache/ann" }, "linux", "/home/ann")).toBe(path.join("/var/cache/ann", "board-summary"));
    expect(cacheRoot({ XDG_CACHE_HOME: "relative" }, "linux", "/home/ann")).toBe(path.join("/home/ann", ".cache", "board-summary"));
    expect(cacheRoot({}, "darwin", "/Users/ann")).toBe(path.join("/Users/ann", "Library", "Caches", "board-summary"));
    expect(cacheRoot({ LOCALAPPDATA: "C:\\Users\\ann\\AppData\\Local" }, "win32", "C:\\Users\\ann")).toBe(path.join("C:\\Users\\ann\\AppData\\Local", "board-summary", "Cache"));
    expect(cacheRoot({}, "linux", "")).toBeNull();
    expect(cacheRoot({ BOARD_SUMMARY_CODE_CACHE: "/tmp/bs" }, "linux", "/home/ann")).toBe(path.resolve("/tmp/bs"));
    for (const off of ["0", "off", "OFF", "false", "no"]) expect(cacheRoot({ BOARD_SUMMARY_CODE_CACHE: off }, "linux", "/home/ann")).toBeNull();
  });
});

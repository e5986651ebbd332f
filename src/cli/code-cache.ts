/**
 * A V8 code cache for the command line's bundle (lib/bundle). Every run of `board-summary`
 * is a first run for V8: before it reads a byte of the workbook it compiles half a megabyte
 * of minified JavaScript, and again every function the run calls. The cache keeps what V8
 * compiled (after the run, so the functions it called are in it) in a per-user folder, and
 * the next run deserialises that instead of compiling.
 *
 * Node 22.1 and later have this built in (module.enableCompileCache). On older Node the
 * bundle's files are compiled here through vm.Script with cachedData, as the
 * v8-compile-cache package does (docs/decisions.md says why not that package).
 *
 * It can never change what a run does: a missing, unreadable, corrupt or rejected cache
 * means the file is compiled as usual, and a cache that cannot be written is not written,
 * silently. `BOARD_SUMMARY_CODE_CACHE=0` turns it off; a folder there puts it there.
 */
import * as fs from "fs";
import Module from "module";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";

/** Node's loader hook that compiles and runs one CommonJS file (not in @types/node). */
type Compile = (this: Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  enableCompileCache?: (dir: string) => unknown;
}
const internals = Module as unknown as ModuleInternals;

/** zlib.crc32 (Node 20.15, 22.2): without it there is no cheap check of the cache, so no cache. */
const crc32 = (zlib as { crc32?: (data: string | Uint8Array) => number }).crc32;

const OFF = new Set(["0", "off", "false", "no"]);
/** Build folders kept side by side (other checkouts, other Node versions); older ones go. */
const KEEP = 8;
const BUILD_FOLDER = /^[0-9a-f]{8}-\d+-[0-9a-f]{8}$/;

/** The folder the cache lives in, or null where it is turned off (or there is no home folder). */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = safeHome()): string | null {
  const setting = env.BOARD_SUMMARY_CODE_CACHE?.trim();
  if (setting && OFF.has(setting.toLowerCase())) return null;
  if (setting) return path.resolve(setting);
  if (platform === "win32") return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, "board-summary", "Cache") : null;
  if (!home) return null;
  if (platform === "darwin") return path.join(home, "Library", "Caches", "board-summary");
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, ".cache"), "board-summary");
}

function safeHome(): string {
  try {
    return os.homedir();
  } catch {
    return "";
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");

/**
 * The cache file's header: magic, the source's CRC-32 and length, the data's CRC-32 and
 * length. V8 itself checks only the source's length and its own version and flags, and
 * deserialises a corrupt payload as it finds it (on Node 20 a flipped byte can crash the
 * process), so the data's CRC is checked here before V8 sees it.
 */
const MAGIC = 0x42534331; // "BSC1"
export const HEADER = 20;

/** A cache file for `content` holding V8's `data` (exported for the tests, which write rejected and corrupt ones). */
export function pack(content: string, data: Buffer, crc: (d: string | Uint8Array) => number, sourceCrc: number = crc(content)): Buffer {
  const out = Buffer.alloc(HEADER + data.length);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(sourceCrc >>> 0, 4);
  out.writeUInt32LE(content.length, 8);
  out.writeUInt32LE(crc(data) >>> 0, 12);
  out.writeUInt32LE(data.length, 16);
  data.copy(out, HEADER);
  return out;
}

/** The cached data for `content` in `file`, or undefined where there is none that is whole and for this source. */
function unpack(file: string, content: string, sourceCrc: number, crc: (d: string | Uint8Array) => number): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < HEADER || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  if (bytes.readUInt32LE(8) !== content.length || bytes.readUInt32LE(16) !== bytes.length - HEADER) return undefined;
  const data = bytes.subarray(HEADER);
  if (bytes.readUInt32LE(12) !== crc(data) >>> 0 || bytes.readUInt32LE(4) !== sourceCrc >>> 0) return undefined;
  return data;
}

/** A folder that is ours alone: another user's, or one others can write to, could hand us code to run. */
function ours(dir: string): boolean {
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) return false;
  if (typeof process.getuid !== "function") return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/** Writes by a temporary name and a rename, so a run in parallel reads the old file or the new, never half of one. */
function writeAtomic(file: string, bytes: Buffer): void {
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    fs.writeFileSync(temp, bytes, { mode: 0o600, flag: "wx" });
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

/** Removes all but the KEEP most recently made build folders. */
function prune(root: string): void {
  const folders = fs
    .readdirSync(root)
    .filter((n) => BUILD_FOLDER.test(n))
    .map((n) => ({ n, t: fs.statSync(path.join(root, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { n } of folders.slice(KEEP)) fs.rmSync(path.join(root, n), { recursive: true, force: true });
}

/**
 * What kind of run `args` make, as far as the code it calls goes: its command, and whether
 * `--json`. A cache V8 takes is never written again, so it holds what the run that made it
 * compiled: one cache for every command held the first run's functions only, and a `build`
 * after a `check` compiled ~220 functions of the main file and ~170 of a chunk, every run
 * (~25 ms of a small build). Each kind of run keeps its own. Letters only: it names a file.
 */
export function runKind(args: readonly string[]): string {
  const first = args[0] ?? "";
  const command = /^[a-z]{1,20}$/.test(first) ? first : "other";
  return args.includes("--json") ? `${command}-json` : command;
}

interface LoadedBundle {
  exports: unknown;
  /** Writes the cache of every file compiled without one; call when the run is over. Never throws. */
  save: () => void;
}

/**
 * Requires `entry` (the bundle's main file), the files of its folder (its chunks, loaded
 * later by `build`, `template`, `--json`) compiled with the code cache under `root`, the
 * one kept for runs of `kind` (runKind).
 * @public bin/board-summary.js requires it from lib/cli, where knip does not look.
 */
export function requireBundle(file: string, root: string | null = cacheRoot(), kind: string = runKind(process.argv.slice(2))): LoadedBundle {
  // The loader names files by their real paths.
  const entry = realPath(file);
  const requireEntry = () => Module.createRequire(entry)(entry) as unknown;
  if (root === null) return { exports: requireEntry(), save: () => undefined };
  if (typeof internals.enableCompileCache === "function") {
    try {
      // Node's keeps what the first run compiled too.
      internals.enableCompileCache(path.join(root, "node", kind));
    } catch {
      // Loads as usual.
    }
    return { exports: requireEntry(), save: () => undefined };
  }
  const crc = crc32;
  if (!crc) return { exports: requireEntry(), save: () => undefined };

  const bundleDir = path.dirname(entry) + path.sep;
  // Node, its architecture and V8's flags: V8 rejects a cache made under others.
  const runtime = hex(crc(`${process.version} ${process.arch} ${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`));
  let folder: string | null = null;
  /** Read from only where the folder is there and ours. */
  let readable = false;
  const fresh: { script: vm.Script; file: string; content: string; sourceCrc: number }[] = [];
  const original = internals.prototype._compile;

  internals.prototype._compile = function (this: Module, content: string, filename: string): unknown {
    if (!filename.startsWith(bundleDir)) return original.call(this, content, filename);
    let file: string | null = null;
    let cachedData: Buffer | undefined;
    // A CRC of the source, once: half a megabyte of text costs a millisecond or two.
    const sourceCrc = crc(content);
    try {
      // The main file comes first; its content names every chunk (by their content hashes), so it keys the build.
      if (folder === null && filename === entry) {
        folder = path.join(root, `${hex(sourceCrc)}-${content.length}-${runtime}`);
        readable = fs.existsSync(folder) && ours(folder);
      }
      if (folder !== null) {
        file = path.join(folder, `${path.basename(filename)}.${kind}.v8`);
        if (readable) cachedData = unpack(file, content, sourceCrc, crc);
      }
    } catch {
      cachedData = undefined;
    }
    let script: vm.Script;
    try {
      // import() as in any other file (vm.constants: Node 20.12, older than zlib.crc32).
      script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    } catch {
      // Node compiles it again and reports whatever is wrong its own way.
      return original.call(this, content, filename);
    }
    if (file !== null && (cachedData === undefined || script.cachedDataRejected === true)) fresh.push({ script, file, content, sourceCrc });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };

  const save = () => {
    if (folder === null || fresh.length === 0) return;
    try {
      const made = !fs.existsSync(folder);
      if (made) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      if (!ours(folder)) return;
      for (const { script, file, content, sourceCrc } of fresh.splice(0)) writeAtomic(file, pack(content, script.createCachedData(), crc, sourceCrc));
      if (made) prune(root);
    } catch {
      // An unwritable or odd folder: no cache this time.
    }
  };
  return { exports: requireEntry(), save };
}

/**
 * `board-summary`: the engine on .xlsx files. One clear line on failure, never a stack
 * trace; exit status 0 done, 1 errors found (check, build --strict), 2 bad usage or an
 * unreadable file.
 */
import * as fs from "fs";
import * as path from "path";
import { analyse, SettingsError } from "../core/engine";
import { FAULT_OF_OURS, isFaultOfOurs } from "../core/fault";
import { HostError } from "../hosts/host";
import { readWorkbookFile, writeFileAtomic } from "../hosts/xlsx/file";
import { nodeInflater } from "../hosts/xlsx/node-inflate";
import { openWorkbook } from "../hosts/xlsx/open";
import type { CarriedFrom, EarlierSheet } from "../hosts/xlsx/own-sheets";
import { openPackage, type WorkbookPackage } from "../hosts/xlsx/package";
import { loadWorkbook, readSnapshot } from "../hosts/xlsx/read";
import { parseArgs, USAGE, UsageError, type Command } from "./args";
import { alreadyExists, defaultOutput, defaultOutputBeforeAnalysis, extensionFor, isEarlierOutput, requireExtension, wroteFromInput, type SheetsFound } from "./output-path";
import { textReport } from "./text-report";

// Start-up is most of a small `check` (bench/results.md): what only `--json`, `build`,
// `template` and `version` use is loaded by them, when they run, never by `check`.

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines go to standard error only when it is a terminal. */
  progress: (text: string) => void;
  now: () => Date;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

/** The version in package.json, two folders up from both src/cli and lib/cli. */
async function packageVersion(): Promise<string> {
  const text = fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8");
  const { z } = await import("zod");
  return z.object({ version: z.string() }).parse(JSON.parse(text)).version;
}

async function load(file: string, io: Io) {
  io.progress(`Reading ${path.basename(file)}…`);
  const bytes = await readWorkbookFile(file);
  return openWorkbook(bytes, path.basename(file), { inflater: nodeInflater });
}

/** The package of the workbook file at `file`, unread beyond its directory. */
async function openPackageAt(file: string): Promise<WorkbookPackage> {
  return openPackage(await readWorkbookFile(file), { fileName: path.basename(file), inflater: nodeInflater });
}

/**
 * The sheets of the workbook at `file`, and which are ours, by the engine's rule; null where
 * it is no readable workbook. Not analysed: only the marker and the settings sheet's name
 * are asked (own-sheets.ts), and the cells are never held. A sheet carried over unchanged
 * from the input (`from`: a rebuild's) takes the input's answer unread.
 */
async function sheetsIn(file: string, from: CarriedFrom): Promise<SheetsFound | null> {
  try {
    const { ownSheets } = await import("../hosts/xlsx/own-sheets");
    return { sheets: await ownSheets(await openPackageAt(file), from) };
  } catch {
    return null;
  }
}

/**
 * True where the workbook at `file` holds just what `bytes` holds, sheet for sheet and cell
 * for cell (the zip's time stamps aside): a blank template written earlier and untouched.
 */
async function sameSheets(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const name = path.basename(file);
    const [existing, fresh] = await Promise.all([
      loadWorkbook(await readWorkbookFile(file), name, { purpose: "check", inflater: nodeInflater }),
      loadWorkbook(bytes, name, { purpose: "check", inflater: nodeInflater }),
    ]);
    return JSON.stringify(existing.snapshot.sheets) === JSON.stringify(fresh.snapshot.sheets);
  } catch {
    return false;
  }
}

type BuildCommand = Extract<Command, { name: "build" }>;

/**
 * `build`: the workbook read and analysed (analyseForBuild), the summaries planned
 * (planBuild), then written. Each step in a function of its own, so the snapshot is let go
 * once analysed and the analysis once planned: the writer works with neither, and on
 * 100,000 register rows they are ~45 MB of the heap the collector would otherwise carry
 * through the summaries and the write.
 */
async function build(cmd: BuildCommand, io: Io): Promise<number> {
  const { pkg, plan, own, output, totals, invalid } = await planBuild(cmd, io);
  io.progress("Writing the summary sheets…");
  const [{ writeSummaryPieces }, { buildNotes }] = await Promise.all([import("../hosts/xlsx/write"), import("../core/summary/notes")]);
  // The zip's pieces written as they are: its carried-over parts are never copied into one buffer.
  const { zip, result } = await writeSummaryPieces(pkg, plan, own, io.now());
  await writeFileAtomic(output, zip.pieces);
  const lines = [`Wrote ${output} with ${result.written.map((w) => w.name).join(", ")}.`];
  lines.push(...buildNotes(plan, result));
  lines.push(totals);
  io.stdout(lines.join("\n") + "\n");
  return cmd.strict && invalid ? EXIT_FINDINGS : EXIT_OK;
}

/** The summaries planned from the analysis, and what the report needs of it (the analysis itself is not kept). */
async function planBuild(cmd: BuildCommand, io: Io) {
  const { pkg, analysis, ours, output } = await analyseForBuild(cmd, io);
  // The summaries' builders (engine.summarise is planSummaries) and the words: build's own.
  const [{ planSummaries }, { plural }] = await Promise.all([import("../core/summary/plan"), import("../core/words")]);
  const plan = planSummaries(analysis, io.now());
  return {
    pkg,
    plan,
    // ownSheets of the plan's `replace` (each is one of the analysis's summaries).
    own: plan.replace.filter((n) => ours.includes(n)),
    output,
    totals:
      `${plural(analysis.recovery.totals.count, "recovery action")}, ${plural(analysis.directions.totals.count, "direction")}, ` +
      `${plural(analysis.actionPlan.totals.count, "plan action")}, ${plural(analysis.risks.totals.open + analysis.risks.totals.closed, "risk")}; ` +
      `${plural(analysis.stats.error, "error")}, ${plural(analysis.stats.warning, "warning")} (see the Data Checks sheet).`,
    invalid: !analysis.valid,
  };
}

/** The workbook opened and analysed, the output's name checked, and the writer's guard asked of the snapshot, which is not kept. */
async function analyseForBuild(cmd: BuildCommand, io: Io) {
  const name = path.basename(cmd.workbook);
  io.progress(`Reading ${name}…`);
  // openWorkbook's two steps, with the earlier output looked at between them (earlierOutputSheets).
  const pkg = await openPackageAt(cmd.workbook);
  const extension = extensionFor(pkg.contentType(pkg.workbookPart));
  const found = await earlierOutputSheets(cmd, pkg, extension);
  const snapshot = await readSnapshot(pkg);
  if (cmd.output !== null) {
    requireExtension(cmd.output, extension, extension === ".xlsm" ? `: ${name} is a macro-enabled workbook, and it keeps its macros` : "");
  }
  io.progress(`Checking ${snapshot.sheets.length} sheets…`);
  const analysis = analyse(snapshot, { overrides: cmd.overrides, now: io.now() });
  const earlierOutput = isEarlierOutput(cmd.workbook, analysis);
  const output = cmd.output ?? defaultOutput(cmd.workbook, extension, earlierOutput);
  if (path.resolve(output) === path.resolve(cmd.workbook)) {
    // Only an output of ours is built again over itself (by addition: its other sheets stay as they are).
    if (!earlierOutput) throw new UsageError(`The output would overwrite the input ${cmd.workbook}; choose another name with -o.`);
  } else if (!cmd.force && fs.existsSync(output) && !wroteFromInput(output, await existingSheets(output, found, { pkg, sheets: analysis.sheets }), cmd.workbook, extension, analysis)) {
    throw alreadyExists(output, `was not written by board-summary from ${name}`);
  }
  // The writer's last guard (only a sheet carrying our marker is replaced), asked now of the
  // sheets the analysis found to be our summaries (a plan replaces no others).
  const { ownSheets } = await import("../hosts/xlsx/write");
  const summaries = analysis.sheets.filter((s) => s.kind === "summary").map((s) => s.name);
  const ours = ownSheets(snapshot, summaries, pkg.fileName);
  return { pkg, analysis, ours, output };
}

/**
 * The sheets of the earlier output `build` will ask about (an -o naming another file that
 * exists, or the default output where its name is known before the analysis, without --force),
 * found before the input is read: its package is opened and let go while the heap holds only
 * the input's package (own-sheets.ts earlierSheets). Null where it is no readable workbook;
 * undefined where it is not asked now (a `.summary.xlsx` input's default output depends on
 * the analysis). Nothing is said here: the input's own messages come first.
 */
async function earlierOutputSheets(cmd: BuildCommand, input: WorkbookPackage, extension: string): Promise<EarlierSheet[] | null | undefined> {
  if (cmd.force) return undefined;
  // The default output's name is known now unless the input may itself be an earlier output (`extension` is the input package's).
  const output = cmd.output ?? defaultOutputBeforeAnalysis(cmd.workbook, extension);
  if (output === undefined || path.resolve(output) === path.resolve(cmd.workbook) || !fs.existsSync(output)) return undefined;
  try {
    const { earlierSheets } = await import("../hosts/xlsx/own-sheets");
    return await earlierSheets(await openPackageAt(output), input);
  } catch {
    return null;
  }
}

/** sheetsIn of the earlier output, from what earlierOutputSheets found where it was asked; read again only where the analysis leaves a carried sheet's answer open. */
async function existingSheets(output: string, found: EarlierSheet[] | null | undefined, from: CarriedFrom): Promise<SheetsFound | null> {
  if (found === null) return null;
  if (found !== undefined) {
    const { withCarriedKinds } = await import("../hosts/xlsx/own-sheets");
    const sheets = withCarriedKinds(found, from.sheets);
    if (sheets !== null) return { sheets };
  }
  return sheetsIn(output, from);
}

async function run(cmd: Command, io: Io): Promise<number> {
  switch (cmd.name) {
    case "help":
      io.stdout(USAGE + "\n");
      return EXIT_OK;
    case "usage":
      io.stderr(USAGE + "\n");
      return EXIT_BAD_INPUT;
    case "version":
      io.stdout(`${await packageVersion()}\n`);
      return EXIT_OK;
    case "check": {
      const loaded = await load(cmd.workbook, io);
      io.progress(`Checking ${loaded.snapshot.sheets.length} sheets…`);
      const analysis = analyse(loaded.snapshot, { overrides: cmd.overrides, now: io.now() });
      const name = path.basename(cmd.workbook);
      if (cmd.json) {
        const { toReport } = await import("../core/report");
        io.stdout(JSON.stringify(toReport(analysis, name), null, 2) + "\n");
        // Standard output holds the JSON alone; notes (e.g. saved settings ignored) go beside it.
        for (const note of analysis.notes) io.stderr(`board-summary: note: ${note}\n`);
      } else {
        io.stdout(textReport(analysis, name));
      }
      return analysis.valid ? EXIT_OK : EXIT_FINDINGS;
    }
    case "build":
      return build(cmd, io);
    case "template": {
      requireExtension(cmd.output, ".xlsx");
      const { templateWorkbookBytes } = await import("../hosts/xlsx/template");
      const bytes = await templateWorkbookBytes(cmd.kind);
      // Replacing the very same blank template loses nothing; anything else may be someone's work.
      if (!cmd.force && fs.existsSync(cmd.output) && !(await sameSheets(cmd.output, bytes))) throw alreadyExists(cmd.output, "is not this blank template");
      await writeFileAtomic(cmd.output, bytes);
      io.stdout(`Wrote a blank ${cmd.kind} template to ${cmd.output}.\n`);
      return EXIT_OK;
    }
  }
}

/** Runs the command line; resolves to the exit status. Never throws. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(parseArgs(argv), io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof HostError || e instanceof SettingsError) {
      io.stderr(`board-summary: ${e.message}\n`);
      if (e instanceof UsageError && e.showUsage) io.stderr(`\n${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    // Anything else is our fault, not the user's: still one line, and a way to report it.
    if (isFaultOfOurs(e)) {
      io.stderr(`board-summary: ${FAULT_OF_OURS}.\n`);
      return EXIT_BAD_INPUT;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`board-summary: unexpected problem: ${message.split("\n")[0]} (please report this with the workbook if you can)\n`);
    return EXIT_BAD_INPUT;
  }
}

export function processIo(): Io {
  // Undefined where standard error is not a terminal (a pipe or a file), whatever its type says.
  const tty = (process.stderr as { isTTY?: boolean }).isTTY === true;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    progress: (t) => {
      if (tty) process.stderr.write(`${t}\n`);
    },
    now: () => new Date(),
  };
}

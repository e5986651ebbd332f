/**
 * `board-summary`: the engine on .xlsx files. One clear line on failure, never a stack
 * trace; exit status 0 done, 1 errors found (check, build --strict), 2 bad usage or an
 * unreadable file.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { analyse, SettingsError, summarise } from "../core/engine";
import { toReport } from "../core/report";
import { buildNotes } from "../core/summary/notes";
import { plural } from "../core/words";
import { HostError } from "../hosts/host";
import { readWorkbookFile, writeFileAtomic } from "../hosts/xlsx/file";
import { nodeInflater } from "../hosts/xlsx/node-inflate";
import { openWorkbook } from "../hosts/xlsx/open";
import { loadWorkbook } from "../hosts/xlsx/read";
import { parseArgs, USAGE, UsageError, type Command } from "./args";
import { textReport } from "./text-report";

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
function packageVersion(): string {
  const text = fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8");
  return z.object({ version: z.string() }).parse(JSON.parse(text)).version;
}

/**
 * The file extension a package must carry, from its workbook part's content type: Excel
 * refuses a macro-enabled workbook (or a template) saved under another extension.
 */
function extensionFor(contentType: string | undefined): string {
  const t = (contentType ?? "").toLowerCase();
  if (t.includes("template.macroenabled")) return ".xltm";
  if (t.includes("macroenabled")) return ".xlsm";
  if (t.includes("spreadsheetml.template")) return ".xltx";
  return ".xlsx";
}

function defaultOutput(input: string, extension: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xltx|xltm)$/i, "");
  return path.join(dir, `${base}.summary${extension}`);
}

async function load(file: string, io: Io) {
  io.progress(`Reading ${path.basename(file)}…`);
  const bytes = await readWorkbookFile(file);
  return loadWorkbook(bytes, path.basename(file), { purpose: "check", inflater: nodeInflater });
}

async function run(cmd: Command, io: Io): Promise<number> {
  switch (cmd.name) {
    case "help":
      io.stdout(USAGE + "\n");
      return EXIT_OK;
    case "version":
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    case "check": {
      const loaded = await load(cmd.workbook, io);
      io.progress(`Checking ${loaded.snapshot.sheets.length} sheets…`);
      const analysis = analyse(loaded.snapshot, { overrides: cmd.overrides, now: io.now() });
      const name = path.basename(cmd.workbook);
      if (cmd.json) {
        io.stdout(JSON.stringify(toReport(analysis, name), null, 2) + "\n");
        // Standard output holds the JSON alone; notes (e.g. saved settings ignored) go beside it.
        for (const note of analysis.notes) io.stderr(`board-summary: note: ${note}\n`);
      } else {
        io.stdout(textReport(analysis, name));
      }
      return analysis.valid ? EXIT_OK : EXIT_FINDINGS;
    }
    case "build": {
      const name = path.basename(cmd.workbook);
      io.progress(`Reading ${name}…`);
      const opened = await openWorkbook(await readWorkbookFile(cmd.workbook), name, { inflater: nodeInflater });
      const extension = extensionFor(opened.pkg.contentType(opened.pkg.workbookPart));
      if (cmd.output !== null && path.extname(cmd.output).toLowerCase() !== extension) {
        const why = extension === ".xlsm" ? `: ${name} is a macro-enabled workbook, and it keeps its macros` : "";
        throw new UsageError(`The output ${cmd.output} must end in ${extension}${why}.`);
      }
      const output = cmd.output ?? defaultOutput(cmd.workbook, extension);
      if (path.resolve(output) === path.resolve(cmd.workbook)) {
        throw new UsageError(`The output would overwrite the input ${cmd.workbook}; choose another name with -o.`);
      }
      io.progress(`Checking ${opened.snapshot.sheets.length} sheets…`);
      const analysis = analyse(opened.snapshot, { overrides: cmd.overrides, now: io.now() });
      const plan = summarise(analysis, io.now());
      io.progress("Writing the summary sheets…");
      // Loaded only here: `check` never needs the writer.
      const { buildSummaryBytes } = await import("../hosts/xlsx/write");
      const { bytes, result } = await buildSummaryBytes(opened, plan, io.now());
      await writeFileAtomic(output, bytes);
      const lines = [`Wrote ${output} with ${result.written.map((w) => w.name).join(", ")}.`];
      lines.push(...buildNotes(plan, result));
      lines.push(
        `${plural(analysis.recovery.totals.count, "recovery action")}, ${plural(analysis.directions.totals.count, "direction")}, ` +
          `${plural(analysis.actionPlan.totals.count, "plan action")}, ${plural(analysis.risks.totals.open + analysis.risks.totals.closed, "risk")}; ` +
          `${plural(analysis.stats.error, "error")}, ${plural(analysis.stats.warning, "warning")} (see the Data Checks sheet).`,
      );
      io.stdout(lines.join("\n") + "\n");
      return cmd.strict && !analysis.valid ? EXIT_FINDINGS : EXIT_OK;
    }
    case "template": {
      const { templateWorkbookBytes } = await import("../hosts/xlsx/template");
      const bytes = await templateWorkbookBytes(cmd.kind);
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
      return EXIT_BAD_INPUT;
    }
    // Anything else is our fault, not the user's: still one line, and a way to report it.
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

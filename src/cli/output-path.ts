/**
 * Where `build` and `template` write (command-line.md): the right extension, the default
 * name beside the input, and whether a file already there may be replaced. The rules only;
 * main.ts reads the files they are asked about.
 */
import * as path from "path";
import { UsageError } from "./args";

/**
 * The file extension a package must carry, from its workbook part's content type: Excel
 * refuses a macro-enabled workbook (or a template) saved under another extension.
 */
export function extensionFor(contentType: string | undefined): string {
  const t = (contentType ?? "").toLowerCase();
  if (t.includes("template.macroenabled")) return ".xltm";
  if (t.includes("macroenabled")) return ".xlsm";
  if (t.includes("spreadsheetml.template")) return ".xltx";
  return ".xlsx";
}

/** Refuses an output file name without the extension its content needs. */
export function requireExtension(output: string, extension: string, why = ""): void {
  if (path.extname(output).toLowerCase() === extension) return;
  throw new UsageError(`The output ${output} must end in ${extension}${why}; choose another name with -o.`);
}

const WORKBOOK_EXTENSION = /\.(xlsx|xlsm|xltx|xltm)$/i;
const SUMMARY_SUFFIX = /\.summary\.(xlsx|xlsm|xltx|xltm)$/i;

/**
 * `<name>.summary.xlsx` beside the input. An earlier output (`<name>.summary.xlsx`, holding
 * our summary sheets) is built again over itself, never into `<name>.summary.summary.xlsx`.
 */
export function defaultOutput(input: string, extension: string, inputIsEarlierOutput: boolean): string {
  const base = path.basename(input);
  if (inputIsEarlierOutput && SUMMARY_SUFFIX.test(base)) return input;
  return path.join(path.dirname(input), `${base.replace(WORKBOOK_EXTENSION, "")}.summary${extension}`);
}

/**
 * The default output's name where it is known before the input is analysed: an input not
 * named `<name>.summary.xlsx` is never an earlier output, so its output is `defaultOutput`'s
 * whatever the analysis finds. Undefined for such a name (the analysis decides).
 */
export function defaultOutputBeforeAnalysis(input: string, extension: string): string | undefined {
  return SUMMARY_SUFFIX.test(path.basename(input)) ? undefined : defaultOutput(input, extension, false);
}

/** What main.ts found in a workbook: its sheets, and which are ours (summaries) or settings. */
export interface SheetsFound {
  sheets: { name: string; kind: string }[];
}

const hasSummary = (w: SheetsFound) => w.sheets.some((s) => s.kind === "summary");
const sourceSheets = (w: SheetsFound) => w.sheets.filter((s) => s.kind !== "summary" && s.kind !== "settings").map((s) => s.name);

/** True where the input is an output this tool wrote: named `<name>.summary.xlsx` and holding our summaries. */
export function isEarlierOutput(input: string, found: SheetsFound): boolean {
  return SUMMARY_SUFFIX.test(path.basename(input)) && hasSummary(found);
}

/**
 * True where the workbook at `output` is one this tool wrote from this input: it holds our
 * summary sheets and is either this input's default output or a copy of the same sheets.
 * Anything else (the user's workbook, another workbook's summary, not a workbook at all)
 * needs --force.
 */
export function wroteFromInput(output: string, existing: SheetsFound | null, input: string, extension: string, inputFound: SheetsFound): boolean {
  if (existing === null || !hasSummary(existing)) return false;
  if (path.resolve(output) === path.resolve(defaultOutput(input, extension, false))) return true;
  const a = sourceSheets(existing);
  const b = sourceSheets(inputFound);
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

export function alreadyExists(output: string, what: string): UsageError {
  return new UsageError(`${output} already exists and ${what}: choose another name with -o, or add --force to replace it.`);
}

/**
 * Command-line arguments (command-line.md). Parsing never throws anything but a UsageError,
 * whose message is the one line the user sees (exit status 2); where the command itself
 * was not understood, the usage follows it.
 */
import type { Settings } from "../core/settings";
import { TEMPLATE_KINDS, type TemplateKind } from "../core/templates/template-kinds";
import {
  asOfFromText,
  dueSoonFromText,
  NEGATIVE,
  organisationFromText,
  riskScoreFromText,
  targetFromText,
  thresholdFromText,
} from "../core/settings-text";

export class UsageError extends Error {
  /** Print the usage after the message (the command was not understood). */
  readonly showUsage: boolean;
  constructor(message: string, { showUsage = false } = {}) {
    super(message);
    this.name = "UsageError";
    this.showUsage = showUsage;
  }
}

export { TEMPLATE_KINDS };

export type Command =
  | { name: "help" }
  /** No arguments at all: the usage, on standard error, exit 2. */
  | { name: "usage" }
  | { name: "version" }
  | { name: "check"; workbook: string; json: boolean; overrides: Partial<Settings> }
  | { name: "build"; workbook: string; output: string | null; strict: boolean; force: boolean; overrides: Partial<Settings> }
  | { name: "template"; kind: TemplateKind; output: string; force: boolean };

const COMMANDS = ["check", "build", "template"] as const;

export const USAGE = `Usage:
  board-summary check <workbook.xlsx> [--json] [SETTINGS]
  board-summary build <workbook.xlsx> [-o OUT.xlsx] [--force] [--strict] [SETTINGS]
  board-summary template <KIND> -o OUT.xlsx [--force]
  board-summary --help | --version

  check     reports the sheets found, the findings by sheet, the totals and RAG
  build     writes a copy with the summary sheets, by default <name>.summary.xlsx beside it
  template  writes a blank workbook on a standard template; KIND is one of
            ${TEMPLATE_KINDS.join(", ")}

Options:
  -o OUT.xlsx          the file to write (.xlsx, or .xlsm for a macro-enabled workbook)
  --force              replace OUT.xlsx even though board-summary did not write it
  --json               check: print one JSON document (docs/command-line.md)
  --strict             build: exit 1 when a finding of severity error exists

SETTINGS (override the settings saved in the workbook, for this run):
  --as-of DATE         the as-at date, 31/03/2024 or 2024-03-31
                       (default: saved, else today in Europe/London)
  --target AMOUNT      the savings target, e.g. 4.5m or £4,500,000
  --green N            directions green threshold, percent (default 90)
  --amber N            directions amber threshold, percent (default 70)
  --brag, --no-brag    blue for complete
  --organisation TEXT  the organisation's name on the summary pages
  --due-soon DAYS      action plans: due within this many days is due soon (default 30)
  --risk-red N         risk registers: a 5 x 5 score of N or more is red (default 15)
  --risk-amber N       risk registers: a 5 x 5 score of N or more is amber (default 8)

A file name with spaces goes in quotes: board-summary check "Board Pack.xlsx"

Exit status: 0 done; 1 errors found (check, build --strict); 2 bad usage or unreadable file.`;

// Flags read settings text by the same rules as the pane's settings form (core/settings-text.ts).

function percentFlag(flag: string, text: string): number {
  const r = thresholdFromText(text);
  if (!r.ok) throw new UsageError(`${flag} must be a percentage from 0 to 100, e.g. ${flag} 90 (got '${text}').`);
  return r.value;
}

function asOfFlag(text: string): string {
  const r = asOfFromText(text);
  if (!r.ok) throw new UsageError(`--as-of: ${r.problem}.`);
  if (r.value === null) throw new UsageError(`--as-of needs a date, e.g. --as-of 31/03/2024 or --as-of 2024-03-31.`);
  return r.value;
}

function targetFlag(text: string): number {
  const r = targetFromText(text);
  if (r.ok && r.value !== null) return r.value;
  if (!r.ok && r.problem === NEGATIVE) throw new UsageError(`--target cannot be negative (got '${text}').`);
  throw new UsageError(`--target must be an amount of money, e.g. --target 4.5m or --target £4,500,000 (got '${text}').`);
}

function dueSoonFlag(text: string): number {
  const r = dueSoonFromText(text);
  if (!r.ok) throw new UsageError(`--due-soon must be a whole number of days, e.g. --due-soon 30 (got '${text}').`);
  return r.value;
}

function riskFlag(flag: string, text: string): number {
  const r = riskScoreFromText(text);
  if (!r.ok) throw new UsageError(`${flag} must be a whole number from 1 to 25, e.g. ${flag} ${flag === "--risk-red" ? 15 : 8} (got '${text}').`);
  return r.value;
}

function organisationFlag(text: string): string {
  const r = organisationFromText(text);
  if (!r.ok || r.value === null) throw new UsageError(`--organisation needs the organisation's name, e.g. --organisation "Midlothian IJB".`);
  return r.value;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** " Did you mean x or y?" for the candidates `given` begins or nearly spells; "" where none. */
function didYouMean(given: string, candidates: readonly string[]): string {
  const g = given.toLowerCase();
  const near = candidates.filter((c) => (g.length >= 3 && c.startsWith(g)) || distance(g, c) <= 2);
  if (near.length === 0) return "";
  return ` Did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(", ")} or ${near[near.length - 1]}`}?`;
}

/** Quotes a file name for the shell, as the user would retype it. */
const quoted = (words: string[]) => `"${words.join(" ")}"`;

/** A word as typed on the command line, with where it was. */
interface Word {
  text: string;
  at: number;
}

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0) return { name: "usage" };
  if (argv[0] === "help" || argv.includes("--help") || argv.includes("-h")) return { name: "help" };
  if (argv[0] === "--version" || argv[0] === "-v") return { name: "version" };
  const [command, ...rest] = argv;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Unknown command '${command}': the commands are ${COMMANDS.join(", ")}.${didYouMean(command, COMMANDS)}`, {
      showUsage: true,
    });
  }
  const positional: Word[] = [];
  const overrides: Partial<Settings> = {};
  let json = false;
  let strict = false;
  let force = false;
  let output: Word | null = null;

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= rest.length) throw new UsageError(`${flag} needs a value.`);
      const v = rest[i + 1];
      if (v.startsWith("-") && v.length > 1 && !/^-\d/.test(v)) throw new UsageError(`${flag} needs a value.`);
      i++;
      return v;
    };
    switch (flag) {
      case "--json":
        json = true;
        break;
      case "--strict":
        strict = true;
        break;
      case "--force":
        force = true;
        break;
      case "-o":
      case "--output":
        output = { text: value(), at: i };
        break;
      case "--as-of":
        overrides.asOf = asOfFlag(value());
        break;
      case "--target":
        overrides.targetPence = targetFlag(value());
        break;
      case "--green":
        overrides.greenThreshold = percentFlag("--green", value());
        break;
      case "--amber":
        overrides.amberThreshold = percentFlag("--amber", value());
        break;
      case "--organisation":
      case "--organization":
        overrides.organisation = organisationFlag(value());
        break;
      case "--due-soon":
        overrides.dueSoonDays = dueSoonFlag(value());
        break;
      case "--risk-red":
        overrides.riskRed = riskFlag("--risk-red", value());
        break;
      case "--risk-amber":
        overrides.riskAmber = riskFlag("--risk-amber", value());
        break;
      case "--brag":
        overrides.brag = true;
        break;
      case "--no-brag":
        overrides.brag = false;
        break;
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`Unknown option ${arg}. Run board-summary --help for the options.`);
        positional.push({ text: arg, at: i });
    }
  }

  const onlyFor = (allowed: string[]) => {
    if (json && !allowed.includes("--json")) throw new UsageError(`--json goes with check only.`);
    if (strict && !allowed.includes("--strict")) throw new UsageError(`--strict goes with build only.`);
    if (force && !allowed.includes("--force")) throw new UsageError(`--force goes with build and template only.`);
  };

  /**
   * Words after -o's value, where that value has no workbook extension, are the rest of an
   * output name with spaces left unquoted (`-o My Directions.xlsx`).
   */
  const spilledFromOutput = (): Word[] => {
    if (output === null || /\.xls[xm]$/i.test(output.text)) return [];
    const spilled: Word[] = [];
    for (const w of positional) if (w.at === output.at + 1 + spilled.length) spilled.push(w);
    return spilled;
  };
  const outputSpacesHint = (lead: string) => {
    const spilled = spilledFromOutput();
    if (spilled.length === 0 || output === null) return;
    const words = [output.text, ...spilled.map((w) => w.text)];
    throw new UsageError(
      `-o takes one file name but was given ${words.length} words: ${words.join(" ")}. A name with spaces goes in quotes: board-summary ${lead} -o ${quoted(words)}`,
    );
  };
  /** The one workbook a command takes, or a line saying what is wrong (a name with spaces, unquoted, most often). */
  const oneWorkbook = (): string => {
    outputSpacesHint(`${command} ${positional[0]?.text ?? "<workbook.xlsx>"}`);
    if (positional.length === 0) throw new UsageError(`${command} needs a workbook, e.g. board-summary ${command} board-pack.xlsx`);
    if (positional.length > 1) {
      const words = positional.map((w) => w.text);
      throw new UsageError(
        `${command} takes one workbook but was given ${words.length} words: ${words.join(" ")}. A name with spaces goes in quotes: board-summary ${command} ${quoted(words)}`,
      );
    }
    return positional[0].text;
  };

  switch (command) {
    case "check": {
      onlyFor(["--json"]);
      if (output !== null) throw new UsageError(`check writes nothing; -o goes with build and template.`);
      return { name: "check", workbook: oneWorkbook(), json, overrides };
    }
    case "build": {
      onlyFor(["--strict", "--force"]);
      const workbook = oneWorkbook();
      return { name: "build", workbook, output: output?.text ?? null, strict, force, overrides };
    }
    case "template": {
      onlyFor(["--force"]);
      if (Object.keys(overrides).length > 0) throw new UsageError(`template takes no settings.`);
      const kinds = TEMPLATE_KINDS.join(", ");
      if (positional.length === 0) throw new UsageError(`template needs a kind: ${kinds}, e.g. board-summary template directions -o directions.xlsx`);
      const kind = positional[0].text;
      if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`'${kind}' is not a template kind: the kinds are ${kinds}.${didYouMean(kind, TEMPLATE_KINDS)}`);
      }
      outputSpacesHint(`template ${kind}`);
      if (positional.length > 1) throw new UsageError(`template takes one kind, then -o OUT.xlsx (got ${positional.map((w) => w.text).join(" ")}).`);
      if (output === null) throw new UsageError(`template needs -o OUT.xlsx, the file to write.`);
      return { name: "template", kind: kind as TemplateKind, output: output.text, force };
    }
  }
  // Unreachable: the command was checked against COMMANDS above.
  throw new UsageError(`Unknown command '${command}'.`, { showUsage: true });
}

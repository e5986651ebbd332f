/**
 * Command-line arguments (command-line.md). Parsing never throws: a bad argument is a
 * UsageError whose message is the one line the user sees (exit status 2).
 */
import type { Settings } from "../core/settings";
import { TEMPLATE_KINDS, type TemplateKind } from "../core/templates/template-model";
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
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export { TEMPLATE_KINDS };

export type Command =
  | { name: "help" }
  | { name: "version" }
  | { name: "check"; workbook: string; json: boolean; overrides: Partial<Settings> }
  | { name: "build"; workbook: string; output: string | null; strict: boolean; overrides: Partial<Settings> }
  | { name: "template"; kind: TemplateKind; output: string };

export const USAGE = `Usage:
  board-summary check <workbook.xlsx> [--json] [SETTINGS]
  board-summary build <workbook.xlsx> [-o OUT.xlsx] [SETTINGS] [--strict]
  board-summary template <recovery-action|recovery-register|directions|action-plan|risk-register> -o OUT.xlsx

SETTINGS (override the settings saved in the workbook, for this run):
  --as-of YYYY-MM-DD   the as-at date (default: saved, else today in Europe/London)
  --target AMOUNT      the savings target, e.g. 4.5m or £4,500,000
  --green N            directions green threshold, percent (default 90)
  --amber N            directions amber threshold, percent (default 70)
  --brag, --no-brag    blue for complete
  --organisation TEXT  the organisation's name on the summary pages
  --due-soon DAYS      action plans: due within this many days is due soon (default 30)
  --risk-red N         risk registers: a 5 x 5 score of N or more is red (default 15)
  --risk-amber N       risk registers: a 5 x 5 score of N or more is amber (default 8)

Exit status: 0 done; 1 errors found (check, build --strict); 2 bad usage or unreadable file.`;

// Flags read settings text by the same rules as the pane's settings form (core/settings-text.ts).

function percentFlag(flag: string, text: string): number {
  const r = thresholdFromText(text);
  if (!r.ok) throw new UsageError(`${flag} must be a percentage from 0 to 100, e.g. ${flag} 90 (got '${text}').`);
  return r.value;
}

function asOfFlag(text: string): string {
  const r = asOfFromText(text, "iso");
  if (!r.ok || r.value === null) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, e.g. --as-of 2024-03-31 (got '${text}').`);
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

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0 || argv[0] === "help" || argv.includes("--help") || argv.includes("-h")) return { name: "help" };
  if (argv[0] === "--version" || argv[0] === "-v") return { name: "version" };
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const overrides: Partial<Settings> = {};
  let json = false;
  let strict = false;
  let output: string | null = null;

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= rest.length) throw new UsageError(`${flag} needs a value.`);
      const v = rest[i + 1];
      if ((v.startsWith("-") && v.length > 1 && !/^-\d/.test(v))) throw new UsageError(`${flag} needs a value.`);
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
      case "-o":
      case "--output":
        output = value();
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
        positional.push(arg);
    }
  }

  const onlyFor = (allowed: string[]) => {
    if (json && !allowed.includes("--json")) throw new UsageError(`--json goes with check only.`);
    if (strict && !allowed.includes("--strict")) throw new UsageError(`--strict goes with build only.`);
  };

  switch (command) {
    case "check": {
      onlyFor(["--json"]);
      if (output !== null) throw new UsageError(`check writes nothing; -o goes with build and template.`);
      if (positional.length !== 1) throw new UsageError(`check needs one workbook, e.g. board-summary check board-pack.xlsx`);
      return { name: "check", workbook: positional[0], json, overrides };
    }
    case "build": {
      onlyFor(["--strict"]);
      if (positional.length !== 1) throw new UsageError(`build needs one workbook, e.g. board-summary build board-pack.xlsx`);
      return { name: "build", workbook: positional[0], output, strict, overrides };
    }
    case "template": {
      onlyFor([]);
      if (Object.keys(overrides).length > 0) throw new UsageError(`template takes no settings.`);
      const kind = positional[0];
      if (positional.length !== 1 || !(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`template needs a kind: ${TEMPLATE_KINDS.join(", ")}, e.g. board-summary template directions -o directions.xlsx`);
      }
      if (!output) throw new UsageError(`template needs -o OUT.xlsx, the file to write.`);
      return { name: "template", kind: kind as TemplateKind, output };
    }
    default:
      throw new UsageError(`Unknown command '${command}'. Commands: check, build, template. Run board-summary --help.`);
  }
}

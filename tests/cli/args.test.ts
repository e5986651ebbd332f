import { parseArgs, TEMPLATE_KINDS, UsageError } from "../../src/cli/args";
import { TEMPLATE_KINDS as CORE_TEMPLATE_KINDS } from "../../src/core/templates/template-model";

const fails = (argv: string[], message: RegExp) => {
  expect(() => parseArgs(argv)).toThrow(UsageError);
  expect(() => parseArgs(argv)).toThrow(message);
};

describe("command-line arguments", () => {
  it("offers the template kinds core has, in core's order", () => {
    expect(TEMPLATE_KINDS).toEqual(CORE_TEMPLATE_KINDS);
  });

  it("reads check with --json and every setting", () => {
    expect(
      parseArgs(["check", "pack.xlsx", "--json", "--as-of", "2023-09-21", "--target", "4.5m", "--green", "95", "--amber=60", "--brag"]),
    ).toEqual({
      name: "check",
      workbook: "pack.xlsx",
      json: true,
      overrides: { asOf: "2023-09-21", targetPence: 450_000_000, greenThreshold: 95, amberThreshold: 60, brag: true },
    });
  });

  it("reads the action-plan and risk settings and the organisation's name", () => {
    expect(
      parseArgs(["check", "p.xlsx", "--due-soon", "14", "--risk-red=20", "--risk-amber", "10", "--organisation", "  Castle Point  and Rochford CCG "]),
    ).toMatchObject({ overrides: { dueSoonDays: 14, riskRed: 20, riskAmber: 10, organisation: "Castle Point and Rochford CCG" } });
    expect(parseArgs(["check", "p.xlsx", "--due-soon", "0"])).toMatchObject({ overrides: { dueSoonDays: 0 } });
  });

  it("refuses bad action-plan and risk settings with a line that says what would be right", () => {
    fails(["check", "p.xlsx", "--due-soon", "two weeks"], /--due-soon must be a whole number of days, e.g. --due-soon 30/);
    fails(["check", "p.xlsx", "--due-soon", "-3"], /--due-soon needs a value|--due-soon must be a whole number/);
    fails(["check", "p.xlsx", "--due-soon", "7.5"], /--due-soon must be a whole number of days/);
    fails(["check", "p.xlsx", "--risk-red", "26"], /--risk-red must be a whole number from 1 to 25, e.g. --risk-red 15/);
    fails(["check", "p.xlsx", "--risk-amber", "0"], /--risk-amber must be a whole number from 1 to 25, e.g. --risk-amber 8/);
    fails(["check", "p.xlsx", "--organisation", "  "], /--organisation needs the organisation's name/);
  });

  it("reads template action-plan and risk-register", () => {
    expect(parseArgs(["template", "action-plan", "-o", "a.xlsx"])).toEqual({ name: "template", kind: "action-plan", output: "a.xlsx", force: false });
    expect(parseArgs(["template", "risk-register", "-o", "r.xlsx"])).toEqual({ name: "template", kind: "risk-register", output: "r.xlsx", force: false });
  });

  it("reads the target in the money grammar", () => {
    const cmd = parseArgs(["check", "p.xlsx", "--target", "£4,500,000"]);
    expect(cmd).toMatchObject({ overrides: { targetPence: 450_000_000 } });
  });

  it("reads build with -o and --strict, and --no-brag", () => {
    expect(parseArgs(["build", "p.xlsx", "-o", "out.xlsx", "--strict", "--no-brag"])).toEqual({
      name: "build",
      workbook: "p.xlsx",
      output: "out.xlsx",
      strict: true,
      force: false,
      overrides: { brag: false },
    });
  });

  it("reads template", () => {
    expect(parseArgs(["template", "directions", "-o", "d.xlsx"])).toEqual({ name: "template", kind: "directions", output: "d.xlsx", force: false });
  });

  it("refuses bad values with a line that says what would be right", () => {
    fails(["check", "p.xlsx", "--as-of", "09/21/2023"], /--as-of: '09\/21\/2023' is in US month\/day order/);
    fails(["check", "p.xlsx", "--as-of", "2023-02-30"], /--as-of: '2023-02-30' is not a real date/);
    fails(["check", "p.xlsx", "--target", "TBC"], /--target must be an amount of money/);
    fails(["check", "p.xlsx", "--target", "-5"], /--target cannot be negative/);
    fails(["check", "p.xlsx", "--green", "abc"], /--green must be a percentage from 0 to 100/);
    fails(["check", "p.xlsx", "--amber", "101"], /--amber must be a percentage/);
    fails(["check", "p.xlsx", "--green"], /--green needs a value/);
  });

  it("refuses bad usage", () => {
    fails(["check"], /check needs a workbook/);
    fails(["frobnicate"], /Unknown command 'frobnicate'/);
    fails(["check", "p.xlsx", "--colour"], /Unknown option --colour/);
    fails(["template", "budget", "-o", "x.xlsx"], /'budget' is not a template kind/);
    fails(["template", "directions"], /template needs -o/);
    fails(["build", "p.xlsx", "--json"], /--json goes with check only/);
  });

  it("reads UK dates for --as-of, as the settings form does", () => {
    expect(parseArgs(["check", "p.xlsx", "--as-of", "21/09/2023"])).toMatchObject({ overrides: { asOf: "2023-09-21" } });
  });

  it("reads --force with build and template only", () => {
    expect(parseArgs(["build", "p.xlsx", "--force"])).toMatchObject({ name: "build", force: true });
    expect(parseArgs(["template", "directions", "-o", "d.xlsx", "--force"])).toMatchObject({ name: "template", force: true });
    fails(["check", "p.xlsx", "--force"], /--force goes with build and template only/);
  });

  it("shows help with --help, and the usage (as an error) with no arguments", () => {
    expect(parseArgs([])).toEqual({ name: "usage" });
    expect(parseArgs(["check", "--help"])).toEqual({ name: "help" });
  });
});

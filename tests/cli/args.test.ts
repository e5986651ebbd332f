import { parseArgs, UsageError } from "../../src/cli/args";

const fails = (argv: string[], message: RegExp) => {
  expect(() => parseArgs(argv)).toThrow(UsageError);
  expect(() => parseArgs(argv)).toThrow(message);
};

describe("command-line arguments", () => {
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
      overrides: { brag: false },
    });
  });

  it("reads template", () => {
    expect(parseArgs(["template", "directions", "-o", "d.xlsx"])).toEqual({ name: "template", kind: "directions", output: "d.xlsx" });
  });

  it("refuses bad values with a line that says what would be right", () => {
    fails(["check", "p.xlsx", "--as-of", "21/09/2023"], /--as-of must be a real date written YYYY-MM-DD/);
    fails(["check", "p.xlsx", "--as-of", "2023-02-30"], /--as-of must be a real date/);
    fails(["check", "p.xlsx", "--target", "TBC"], /--target must be an amount of money/);
    fails(["check", "p.xlsx", "--target", "-5"], /--target cannot be negative/);
    fails(["check", "p.xlsx", "--green", "abc"], /--green must be a percentage from 0 to 100/);
    fails(["check", "p.xlsx", "--amber", "101"], /--amber must be a percentage/);
    fails(["check", "p.xlsx", "--green"], /--green needs a value/);
  });

  it("refuses bad usage", () => {
    fails(["check"], /check needs one workbook/);
    fails(["frobnicate"], /Unknown command 'frobnicate'/);
    fails(["check", "p.xlsx", "--colour"], /Unknown option --colour/);
    fails(["template", "budget", "-o", "x.xlsx"], /template needs a kind/);
    fails(["template", "directions"], /template needs -o/);
    fails(["build", "p.xlsx", "--json"], /--json goes with check only/);
  });

  it("shows help with no arguments or --help", () => {
    expect(parseArgs([])).toEqual({ name: "help" });
    expect(parseArgs(["check", "--help"])).toEqual({ name: "help" });
  });
});

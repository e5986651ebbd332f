/**
 * What a new user types and what they are told (command-line.md): usage and exit codes,
 * a wrong template kind, a path with spaces left unquoted, UK dates for --as-of. Spawned
 * as a user runs it.
 */
import * as fs from "fs";
import * as path from "path";
import { BOARD_PACK, SAVINGS_REGISTER, tempDir } from "../helpers/workbooks";
import { cli, ensureCliBuilt, oneLine } from "./spawn";

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = tempDir("board-summary-usage-");
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("usage and exit codes", () => {
  it("with no arguments prints the usage on standard error and exits 2", () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Usage:\n {2}board-summary check/);
  });

  it("with --help prints the usage on standard output and exits 0", () => {
    const r = cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Usage:/);
    // Every option a user may need is in it.
    for (const option of ["--json", "--strict", "--force", "-o OUT.xlsx", "--as-of", "--target", "--green", "--amber", "--brag"]) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain("31/03/2024");
  });

  it.each([["frobnicate"], ["chek", "pack.xlsx"], ["--colour"]])("an unknown command %j exits 2 with the reason, then the usage, on standard error", (...args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const [first, ...rest] = r.stderr.split("\n");
    expect(first).toMatch(new RegExp(`^board-summary: Unknown command '${args[0]}'`));
    expect(rest.join("\n")).toMatch(/Usage:\n {2}board-summary check/);
  });

  it("suggests the command meant for a near miss", () => {
    expect(cli(["chek", "pack.xlsx"]).stderr.split("\n")[0]).toMatch(/Did you mean check\?/);
  });
});

describe("template kinds", () => {
  it("names the kinds it knows, and the nearest, when the kind given is not one", () => {
    const r = cli(["template", "recovery", "-o", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).not.toMatch(/needs a kind/);
    expect(line).toMatch(/'recovery' is not a template kind/);
    expect(line).toMatch(/recovery-action, recovery-register, directions/);
    expect(line).toMatch(/Did you mean recovery-action or recovery-register\?/);
  });

  it("says a kind is needed only when none was given", () => {
    expect(oneLine(cli(["template", "-o", path.join(dir, "x.xlsx")]).stderr)).toMatch(/template needs a kind: recovery-action, recovery-register, directions/);
  });
});

describe("a path with spaces, unquoted", () => {
  it.each([
    [["check", "My", "Board", "Pack.xlsx"], /check takes one workbook but was given 3 words: My Board Pack\.xlsx\. A name with spaces goes in quotes: board-summary check "My Board Pack\.xlsx"/],
    [["build", "Board", "Pack.xlsx", "-o", "out.xlsx"], /build takes one workbook but was given 2 words: Board Pack\.xlsx\. A name with spaces goes in quotes: board-summary build "Board Pack\.xlsx"/],
    [["template", "directions", "-o", "My", "Directions.xlsx"], /A name with spaces goes in quotes: board-summary template directions -o "My Directions\.xlsx"/],
  ])("%j hints at quoting", (args, message) => {
    const r = cli(args, dir);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(message);
  });

  it("the quoted name works", () => {
    const spaced = path.join(dir, "My Board Pack.xlsx");
    fs.copyFileSync(SAVINGS_REGISTER, spaced);
    expect(cli(["check", "My Board Pack.xlsx", "--json"], dir).code).toBe(0);
  });
});

describe("--as-of, as people in the UK write dates", () => {
  it.each([
    ["31/03/2024", "2024-03-31"],
    ["2024-03-31", "2024-03-31"],
    ["1/4/2024", "2024-04-01"],
    ["31 March 2024", "2024-03-31"],
  ])("--as-of %s is %s", (text, iso) => {
    const r = cli(["check", BOARD_PACK, "--json", "--as-of", text]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).asOf).toBe(iso);
  });

  it.each([
    ["03/31/2024", /--as-of: '03\/31\/2024' is in US month\/day order.*put the day first \(31\/03\/2024\)/],
    ["31/02/2024", /--as-of: '31\/02\/2024' is not a real date: February 2024 has 29 days/],
    ["soon", /--as-of: 'soon' is not a date: use dd\/mm\/yyyy/],
  ])("--as-of %s is refused with one line saying why", (text, message) => {
    const r = cli(["check", BOARD_PACK, "--as-of", text]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

/**
 * The readable report in a finance officer's words: a total over target says so, and a
 * blank template sheet is not counted as an action (the report says why). Spawned as a
 * user runs it.
 */
import * as fs from "fs";
import * as path from "path";
import { BOARD_PACK, tempDir } from "../helpers/workbooks";
import { cli, ensureCliBuilt } from "./spawn";

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = tempDir("board-summary-words-");
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the target line", () => {
  it("a total over the target reads '£935,000 over target', never a negative gap", () => {
    // £3,935,000 of actions against a £3,000,000 target.
    const r = cli(["check", BOARD_PACK, "--target", "3m"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Target £3,000,000 · £935,000 over target · coverage 131.2%");
    expect(r.stdout).not.toMatch(/-£|gap -/);
  });

  it("a total under the target still gives the gap", () => {
    expect(cli(["check", BOARD_PACK]).stdout).toContain("Target £4,500,000 · gap £565,000 · coverage 87.4%");
  });

  it("a total exactly on target says so", () => {
    expect(cli(["check", BOARD_PACK, "--target", "£3,935,000"]).stdout).toContain("Target £3,935,000 · on target · coverage 100%");
  });
});

describe("a blank recovery-action template", () => {
  it("is not counted as an action: check reports no actions, no errors, and says the sheet is blank", () => {
    const file = path.join(dir, "blank.xlsx");
    expect(cli(["template", "recovery-action", "-o", file]).code).toBe(0);
    const r = cli(["check", file]);
    expect(r.stderr).toBe("");
    // No error: an untouched template is not a broken action.
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Recovery actions: 0, total £0");
    expect(r.stdout).toMatch(/Findings: 0 errors, 0 warnings, 1 info/);
    expect(r.stdout).toMatch(/info +A3 +blank-form: .*blank.*not counted/i);
  });

  it("the JSON report lists the sheet, no action, and the info finding", () => {
    const file = path.join(dir, "blank-json.xlsx");
    expect(cli(["template", "recovery-action", "-o", file]).code).toBe(0);
    const report = JSON.parse(cli(["check", file, "--json", "--as-of", "2024-03-31"]).stdout);
    expect(report.sheets).toEqual([{ name: "Recovery Action", kind: "recovery-action" }]);
    expect(report.recovery.count).toBe(0);
    expect(report.recovery.actions).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({ severity: "info", code: "blank-form", sheet: "Recovery Action", cell: "A3" }),
    ]);
  });
});

/**
 * `build` on real workbooks from other projects (tests/fixtures/real-world, and the
 * by-addition set): each finishes in seconds with exit 0, or exit 2 with one clear line;
 * a built file keeps every original part as it was stored and, in the bookkeeping parts,
 * every original element (sheets with their ids and visibility, defined names, protection,
 * cell styles); building the output again replaces only our own parts; a user's sheet
 * called Recovery Summary is never written over.
 */
import * as fs from "fs";
import * as path from "path";
import { checkKeptByAddition, rebuildAllowance } from "../helpers/kept-by-addition";
import { sheetList } from "../helpers/package-parts";
import { tempDir } from "../helpers/workbooks";
import { runCli } from "../robustness/cli-io";

const FOLDERS = [path.join(__dirname, "..", "fixtures", "real-world"), path.join(__dirname, "..", "fixtures", "by-addition")];
const FILES = FOLDERS.filter((f) => fs.existsSync(f)).flatMap((folder) =>
  fs
    .readdirSync(folder)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort()
    .map((f) => path.join(folder, f)),
);

/** The summaries' own sheet names, as a build writes them. */
const OURS = /^(Recovery Summary|Directions Summary|Data Checks)( \(\d+\))?#/;

let dir: string;
beforeAll(() => (dir = tempDir("board-summary-real-build-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("has real-world workbooks to build", () => {
  expect(FILES.length).toBeGreaterThanOrEqual(8);
});

describe.each(FILES.map((f) => [path.basename(f), f]))("%s", (name, file) => {
  const ext = path.extname(name).toLowerCase();
  const output = () => path.join(dir, `${path.basename(name, path.extname(name))}.summary${ext}`);
  let code = -1;

  it("builds in seconds, keeping every part of the workbook, or says in one line why not", async () => {
    const started = Date.now();
    const r = await runCli(["build", file, "-o", output(), "--as-of", "2023-09-21"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    code = r.code;
    expect([0, 2]).toContain(r.code);
    if (r.code === 2) {
      const lines = r.stderr.split("\n").filter((l) => l !== "");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^board-summary: /);
      expect(lines[0]).not.toMatch(/\bat .*\.(ts|js):\d+|TypeError|ReferenceError|undefined|Cannot read properties|unexpected problem/);
      expect(fs.existsSync(output())).toBe(false);
      return;
    }
    const input = new Uint8Array(fs.readFileSync(file));
    const built = new Uint8Array(fs.readFileSync(output()));
    const report = await checkKeptByAddition(input, built);
    expect(report.problems).toEqual([]);
    expect(report.removed.filter((p) => !/calcchain/i.test(p))).toEqual([]);
    // Every sheet of the input is there, in its place, with its id and visibility.
    const before = await sheetList(input);
    const after = await sheetList(built);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((s) => s.replace(/#.*/, ""))).toEqual(
      after.slice(before.length).map((s) => s.replace(/#.*/, "")).filter((s) => OURS.test(`${s}#`)),
    );
    // Data Checks always, a Recovery or Directions Summary only where the workbook holds that
    // kind of sheet (board-pages.md §9).
    const added = after.slice(before.length).map((s) => s.replace(/#.*/, ""));
    expect(added.length).toBeGreaterThanOrEqual(1);
    expect(added.length).toBeLessThanOrEqual(3);
    expect(added.at(-1)).toBe("Data Checks");
  }, 30_000);

  it("built again from its own output, replaces only its own sheets", async () => {
    if (code !== 0) return; // refused above, with its one line
    const first = new Uint8Array(fs.readFileSync(output()));
    const again = path.join(dir, `again-${path.basename(output())}`);
    const r = await runCli(["build", output(), "-o", again, "--as-of", "2023-09-21"]);
    expect(r.code).toBe(0);
    const second = new Uint8Array(fs.readFileSync(again));
    expect(await sheetList(second)).toEqual(await sheetList(first));
    // What may go is what the first build added, and the elements naming it.
    const firstReport = await checkKeptByAddition(new Uint8Array(fs.readFileSync(file)), first);
    const tabs = (await sheetList(first)).map((s) => s.replace(/#.*/, ""));
    const allowance = rebuildAllowance(firstReport, tabs);
    const report = await checkKeptByAddition(first, second, allowance);
    expect(report.problems).toEqual([]);
    expect(report.removed.every((p) => allowance.mayRemove(p))).toBe(true);
  }, 30_000);
});

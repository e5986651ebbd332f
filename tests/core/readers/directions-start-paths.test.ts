/**
 * A direction starts on one of two paths in readDirections: a No of digits and dots (`1.2`,
 * nearly every row of a long report) is started in the rows' loop itself, written out there
 * so that V8 does not optimise its body twice; any other number (`D1.2`, numberOnRow's loose
 * reading) goes through otherRow to the `startDirection` function. Both must do the same:
 * end the direction above, start the theme's run, report a repeated number at its No cell
 * naming the first, and read the first row's cells. The same generated blocks are read with
 * plain numbers and with `D` numbers: everything but the `D` is the same.
 */
import { prng } from "../../../bench/generate";
import { SheetGrid } from "../../../src/core/grid";
import { readDirections } from "../../../src/core/readers/directions";
import type { Cell } from "../../../src/core/snapshot";

type Row = (string | number | null)[];

/** A block of rows: headings, directions (some numbers repeated), continuations and blank rows; the No numbers given as `prefix` + digits. */
function block(seed: number, prefix: string): Cell[] {
  const next = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const rows: Row[] = [["Theme Zero"], ["No", "Direction", "Measure", "Progress", "Source"]];
  const used: string[] = [];
  const count = 1 + Math.floor(next() * 12);
  for (let i = 0; i < count; i++) {
    const kind = next();
    if (kind < 0.12) rows.push([pick(["Theme One", "Theme Two", "Outcome: people are safe"])]);
    else if (kind < 0.18) rows.push([]);
    const number = used.length > 0 && next() < 0.2 ? pick(used) : `${1 + Math.floor(next() * 3)}.${1 + Math.floor(next() * 9)}`;
    used.push(number);
    const text = pick(["Act by January 2024.", "Review the service by the end of March 2025.", "No date here.", "Agree a plan by 31/05/2024 and report."]);
    const measure = pick([null, "• a", "• a • b", "- first\n- second"]);
    const progress = pick<string | number | null>([null, "40%", 0.55, "narrative text", "120%", "abc", 1]);
    // A loose number needs a direction and one more cell beside it (numberOnRow): a source on every first row.
    const source = pick(["S1", "Source  two", " S3 "]);
    rows.push([`${prefix}${number}`, text, measure, progress ?? "", source]);
    const more = Math.floor(next() * 3);
    for (let k = 0; k < more; k++) rows.push([null, pick([null, "and more words"]), pick([null, "• c"]), pick([null, "60%", "xyz"]), pick([null, "S2", "S1"])]);
  }
  const cells: Cell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === "") return;
      cells.push({ row: i + 1, col: j + 1, value: v });
    }),
  );
  return cells;
}

function read(cells: Cell[]) {
  return readDirections(new SheetGrid({ name: "Directions", visibility: "visible", cells, merges: [] }));
}

/** `D1.2` → `1.2` wherever a number is named. */
const plain = (s: string): string => s.replace(/D(\d)/g, "$1");

describe("readDirections: a direction started in the loop and through otherRow alike", () => {
  test("300 generated blocks read the same with plain and with D numbers", () => {
    let directions = 0;
    let duplicates = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const a = read(block(seed, ""));
      const b = read(block(seed, "D"));
      expect(b.directions.map((d) => ({ ...d, no: plain(d.no) }))).toEqual(a.directions);
      expect(b.findings.map((f) => ({ ...f, message: plain(f.message) }))).toEqual(a.findings);
      directions += a.directions.length;
      duplicates += a.findings.filter((f) => f.code === "duplicate-direction").length;
    }
    // The blocks hold what the two paths must agree on.
    expect(directions).toBeGreaterThan(1000);
    expect(duplicates).toBeGreaterThan(50);
  });

  test("a block of plain numbers: the direction above ended, themes and a repeat's finding", () => {
    const r = read([
      { row: 1, col: 1, value: "Theme One" },
      ...["No", "Direction", "Measure", "Progress"].map((value, i) => ({ row: 2, col: i + 1, value })),
      { row: 3, col: 1, value: "1.1" },
      { row: 3, col: 2, value: "Act by January 2024." },
      { row: 3, col: 4, value: "40%" },
      { row: 4, col: 3, value: "• more" },
      { row: 5, col: 1, value: "Theme Two" },
      { row: 6, col: 1, value: "1.1" },
      { row: 6, col: 2, value: "Act by March 2024." },
      { row: 6, col: 3, value: "• m" },
    ]);
    expect(r.directions.map((d) => [d.no, d.cell, d.theme, d.measures, d.progress])).toEqual([
      ["1.1", "A3", "Theme One", ["more"], 40],
      ["1.1", "A6", "Theme Two", ["m"], null],
    ]);
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["duplicate-direction@A6"]);
    expect(r.findings[0].message).toContain("A3");
  });
});

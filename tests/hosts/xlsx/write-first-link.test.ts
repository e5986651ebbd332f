/**
 * The writer's compiled loop kept when a summary's first link comes far down it, as a
 * register's does (its service areas' block, 10,000 rows, before the lines' block with a
 * link a row): the link's content has a text's shape and runs a text's code
 * (cell-blocks.ts BlockContents, sheet-xml.ts LinksWritten), and a block's end is stored
 * where every cell's place is (BlockCursor.advance). Before, writeRows, blockCell,
 * appendCell and styleOf were thrown out of their optimised code at the first link.
 */
import * as path from "path";
import { deoptimised, tracedRun } from "../../helpers/deopt-trace";
import { ROOT } from "../../helpers/workbooks";

const lib = (...p: string[]) => JSON.stringify(path.join(ROOT, "lib", ...p));

// A register's summary in outline: a block of 10,000 rows without links (its service areas)
// with loose cells beside its first rows (the risk levels' table), then a block with a
// link a row (its lines).
const SCRIPT = `
const { renderSheet, TableNames } = require(${lib("hosts", "xlsx", "sheet-xml.js")});
const { BlockBuilder } = require(${lib("core", "summary", "cell-blocks.js")});
const { StyleBook } = require(${lib("hosts", "xlsx", "styles-edit.js")});
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STYLES = '<styleSheet xmlns="' + MAIN + '"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>';
const N = 10000;
const style = { wrap: true };
const looks = [{ bold: true }, { wrap: true, fill: "DCE6F1" }, { italic: true }, { border: true }, { size: 9 }];
const areas = new BlockBuilder(3, N, [{ col: 1, span: 2 }, { col: 3, span: 1 }]);
for (let r = 0; r < N; r++) {
  areas.put(0, r, { kind: "text", text: "Area " + r }, undefined, style);
  areas.put(1, r, { kind: "number", value: r * 1000 }, "money", style);
}
const lines = new BlockBuilder(N + 5, N, [{ col: 1, span: 1 }, { col: 2, span: 1 }]);
for (let r = 0; r < N; r++) {
  lines.put(0, r, { kind: "text", text: "Line " + r }, undefined, style);
  lines.put(1, r, { kind: "link", text: "Register, cell A" + (r + 2), sheet: "Register", cell: "A" + (r + 2) }, undefined, style);
}
const cells = [{ row: 1, col: 1, content: { kind: "text", text: "Recovery Summary" }, style }];
for (let r = 3; r < 40; r++) {
  cells.push({ row: r, col: 5, content: { kind: "text", text: "Level " + r }, style: looks[r % 5] });
  cells.push({ row: r, col: 6, content: { kind: "number", value: r }, format: "count", style: looks[(r + 1) % 5] });
}
cells.push({ row: N + 4, col: 1, content: { kind: "text", text: "Lines" }, style });
let bytes = 0;
renderSheet(
  { cells, blocks: [areas.block, lines.block], merges: [], columnWidths: [], freezeRows: 0, textAsText: true },
  "Recovery Summary",
  { styles: new StyleBook(STYLES, "s"), date1904: false, tables: new TableNames([], []), mainNs: MAIN, relNs: "r" },
  { push: (c) => (bytes += c.length) },
);
console.log("written " + (bytes > 0));
`;

test("a summary's first link, after 10,000 rows without one, leaves the writer's loop in its optimised code", () => {
  const run = tracedRun(SCRIPT);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("written true");
  expect(deoptimised(run, ["writeRows", "blockCell", "appendCell", "styleOf", "note", "take", "advance"])).toEqual([]);
});

/**
 * fitWidths and rowHeights take a column's last measure again where its next text, width
 * and font are the same (LastByColumn): held to the plain rules (shownWidth, and
 * wrappedLineCount or the line breaks) on random main tables whose texts repeat down their
 * columns, equal texts as separate strings, under other looks (bold, larger, unwrapped),
 * a small table's merged cells above the main table's. A look is one shared object, and so
 * is its font (fontOf), so a font the same as the last holds the wrap too; the widths
 * differ only between a merged cell and an unmerged one, which the layouts never put next
 * to each other in a column with one look: both are kept in the key all the same.
 */
import fc from "fast-check";
import { date, link, money, text, type CellSpec } from "../../../src/core/summary/cells";
import { columnPoints } from "../../../src/core/summary/page-setup";
import type { CellStyle, ModelCell } from "../../../src/core/summary/sheet-model";
import { shownText } from "../../../src/core/summary/cells";
import { shownWidth } from "../../../src/core/summary/shown-widths";
import type { Align } from "../../../src/core/summary/summary-page";
import { recoveryPage } from "./fixture";
import { lineHeight, wrappedLineCount } from "../../../src/core/summary/text-metrics";
import { LastByColumn, TextsByColumn } from "../../../src/core/summary/column-memo";
import { modelCells } from "../../../src/core/summary/model-cells";
import { mergeList } from "../../../src/core/summary/model-merges";

const WIDTHS = [9, 20, 15, 12, 11, 24];
// No column gives room back: the widths are then exactly what the cells need.
const FLEX = WIDTHS.map(() => 0);
const ALIGNS: Align[] = ["left", "left", "left", "right", "right", "left"];
const TEXTS = ["", "Red", "No forecast and no valid risk level", "Savings Register row 9977", "a  b\nc", " lead ", "Planning, Performance, and Programme 9976", "x".repeat(60)];

// A copy made character by character: equal, but not the same string.
const fresh = (t: string) => t.split("").join("");
const OWN: (CellStyle | undefined)[] = [undefined, { bold: true }, { wrap: false }, { size: 18 }, { size: 18, wrap: false }];
const specOf = (texts: string[]): fc.Arbitrary<CellSpec | null> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...texts), fc.constantFrom(...OWN)).map(([t, s]) => text(fresh(t), s)) },
    fc.constantFrom(...texts).map((t) => link("Sheet", fresh(t) || "A1")),
    fc.constantFrom(0, 1234.5, -7).map((v) => money(v * 100)),
    fc.constant(date("2024-03-31")),
    fc.constant(null),
  );
// A few texts a run, in runs of the same row, so texts repeat down the columns under other looks.
const tables = fc.subarray(TEXTS, { minLength: 1, maxLength: 3 }).chain((texts) => {
  const run = (n: number) => fc.array(fc.tuple(fc.array(specOf(texts), { minLength: n, maxLength: n }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 12 });
  return fc.tuple(run(2), run(6));
});
const rowsOfRuns = (runs: [(CellSpec | null)[], number][]) =>
  runs.flatMap(([row, n]) => Array.from({ length: n }, () => row.map((s) => (s && s.content.kind === "text" ? { ...s, content: { kind: "text" as const, text: fresh(s.content.text) } } : s))));

const fontOf = (c: ModelCell) => ({ size: c.style?.size ?? 11, bold: c.style?.bold === true, italic: c.style?.italic === true });

it("sizes columns and rows as the plain rules do, measuring a column's repeated texts once", () => {
  fc.assert(
    fc.property(tables, ([smallRuns, mainRuns]) => {
      const p = recoveryPage(WIDTHS, FLEX);
      // A small table first, its first column two wide (merged), over the main table's first column.
      const [small] = p.smallTables([{ heading: "By area", firstCol: 1, columns: [{ header: "Area", span: 2 }, { header: "Note" }], rows: rowsOfRuns(smallRuns) }]);
      const main = p.mainTable({ heading: "Actions", name: "Actions", columns: WIDTHS.map((_, i) => ({ header: `Column ${i + 1}`, align: ALIGNS[i] })), rows: rowsOfRuns(mainRuns), noneText: "None" });
      const m = p.build();
      const merged = (c: ModelCell) => mergeList(m.merges).some((g) => g.top <= c.row && c.row <= g.bottom && g.left <= c.col && c.col <= g.right);
      const covered = (c: ModelCell) => merged(c) && !mergeList(m.merges).some((g) => g.top === c.row && g.left === c.col);
      const rightOf = (c: ModelCell) => mergeList(m.merges).find((g) => g.top === c.row && g.left === c.col)?.right ?? c.col;
      // Widths: each column as wide as its widest unmerged cell needs (fitWidths' plain rule).
      const need = WIDTHS.map(() => 0);
      for (const c of modelCells(m)) {
        if (merged(c) || c.col > WIDTHS.length) continue;
        need[c.col - 1] = Math.max(need[c.col - 1], (shownWidth(c.content, c.format, fontOf(c), c.style?.wrap === true) + 6) / columnPoints(1));
      }
      const widths = WIDTHS.map((w, i) => Math.max(w, Math.ceil(need[i] * 4) / 4));
      expect(m.columnWidths.map((w) => w.width)).toEqual(widths);
      // Heights of the table's rows: the tallest cell's lines (rowHeights' plain rule).
      const heights = new Map((m.rowHeights ?? []).map((h, i) => [i + 1, h]));
      const tableRows = [small, main].flatMap((t) => Array.from({ length: t.last - t.first + 1 }, (_, i) => t.first + i));
      for (const r of tableRows) {
        let h = 15;
        for (const c of modelCells(m)) {
          if (c.row !== r || covered(c)) continue;
          const shown = shownText(c.content, c.format);
          const width = widths.slice(c.col - 1, rightOf(c)).reduce((a, b) => a + b, 0);
          const lines = c.style?.wrap ? wrappedLineCount(shown, columnPoints(width) - 6, fontOf(c)) : shown.split("\n").length;
          h = Math.max(h, Math.ceil(lines * lineHeight(fontOf(c).size) * 4) / 4, shown === "" ? 0 : 15);
        }
        expect({ row: r, height: heights.get(r) }).toEqual({ row: r, height: Math.min(h, 409) });
      }
    }),
    { numRuns: 200 },
  );
});

test("LastByColumn keeps each column's last measure within its columns, and nothing past them", () => {
  const memo = new LastByColumn(3);
  const font = { size: 11, bold: false, italic: false };
  memo.set(2, "a", 1.5, font, 5.25);
  expect([memo.texts[2], memo.sizes[2], memo.fonts[2], memo.answers[2]]).toEqual(["a", 1.5, font, 5.25]);
  // Past the columns a caller's size never equals the kept one (undefined): measured every time.
  memo.set(3, "a", 1.5, font, 5.25);
  expect([memo.texts[3], memo.sizes[3], memo.fonts[3], memo.answers[3]]).toEqual([undefined, undefined, undefined, undefined]);
});

test("TextsByColumn gives back a column's measures at its first size and font, and drops a memo that misses more than it finds", () => {
  const memo = new TextsByColumn(2);
  const font = { size: 11, bold: false, italic: false };
  const bold = { size: 11, bold: true, italic: false };
  // The first text starts the memo at its size and font; its answer is then kept.
  expect(memo.of(0, "Red", 100, font)).toBe(-1);
  memo.add(0, "Red", 100, font, 1);
  expect(memo.of(0, fresh("Red"), 100, font)).toBe(1);
  // Another size or font is measured as before, and nothing is kept for it.
  expect(memo.of(0, "Red", 50, font)).toBe(-1);
  memo.add(0, "Red", 50, font, 2);
  expect(memo.of(0, "Red", 100, bold)).toBe(-1);
  expect(memo.of(0, "Red", 100, font)).toBe(1);
  // Past the columns: nothing kept.
  expect(memo.of(2, "Red", 100, font)).toBe(-1);
  memo.add(2, "Red", 100, font, 1);
  expect(memo.of(2, "Red", 100, font)).toBe(-1);
  // Distinct texts: kept within the allowance of misses, dropped past it (finding fewer than it missed).
  const measure = (k: number) => {
    if (memo.of(1, `t${k}`, 100, font) === -1) memo.add(1, `t${k}`, 100, font, k);
  };
  memo.of(1, "t0", 100, font);
  for (let k = 0; k < 200; k++) measure(k);
  expect(memo.of(1, "t7", 100, font)).toBe(7);
  for (let k = 200; k < 300; k++) measure(k);
  expect(memo.of(1, "t7", 100, font)).toBe(-1);
  memo.add(1, "v", 100, font, 3);
  expect(memo.of(1, "v", 100, font)).toBe(-1);
});

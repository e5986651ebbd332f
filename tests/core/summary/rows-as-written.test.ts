/**
 * Table rows made as they are written (rowsOf) give the very model that rows given whole
 * give, and each table cell is its spec's content and format under the column's look:
 * the fast path (no copy of a spec a cell, shared blank contents, merges indexed as they
 * come) held to the plain rule on random tables.
 */
import fc from "fast-check";
import { date, link, money, percent, ragCell, text, type CellSpec } from "../../../src/core/summary/cells";
import { cellStyleSchema, sheetModelSchema, type CellStyle, type ModelCell } from "../../../src/core/summary/sheet-model";
import { bodyStyle, styled } from "../../../src/core/summary/style";
import { rowsOf, type Align, type TableRows } from "../../../src/core/summary/summary-page";
import { recoveryPage } from "./fixture";
import { RAGS } from "../../../src/core/records";
import { modelCells } from "../../../src/core/summary/model-cells";
import { mergeList } from "../../../src/core/summary/model-merges";

const WIDTHS = [9, 20, 15, 15, 12, 8, 8, 18, 11, 24];
const FLEX = [0.5, 3, 2, 2, 0, 0, 0, 3, 0, 0];

const words = fc.stringMatching(/^[A-Za-z0-9 ,.£&<>'"-]{0,40}$/);
// Looks made a cell, and looks shared by many cells (as ragCell's are), so a column's look is
// taken again down its rows (TableLooks) and changed as the cells' own looks change.
const SHARED: CellStyle[] = [{ bold: true }, { wrap: false, fill: "DCE6F1" }, styled({ italic: true })];
const ownStyle: fc.Arbitrary<CellStyle | undefined> = fc.oneof(
  fc.option(fc.record({ bold: fc.boolean(), wrap: fc.boolean(), fill: fc.constantFrom("F2F2F2", "DCE6F1") }, { requiredKeys: [] }), { nil: undefined }),
  fc.constantFrom(...SHARED),
);
const spec: fc.Arbitrary<CellSpec | null> = fc.oneof(
  fc.constant(null),
  fc.tuple(words, ownStyle).map(([t, s]) => text(t, s)),
  fc.integer({ min: -1e9, max: 1e9 }).map((p) => money(p)),
  fc.double({ min: 0, max: 2, noNaN: true }).map((f) => percent(f)),
  fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => date(d.toISOString().slice(0, 10))),
  fc.constantFrom(...RAGS).map((r) => ragCell(r)),
  fc.tuple(words, fc.integer({ min: 1, max: 500 })).map(([s, r]) => link(`Sheet ${s}`, `A${r}`)),
);
const smallRows = fc.array(fc.array(spec, { minLength: 4, maxLength: 4 }), { maxLength: 12 });
const mainRows = fc.array(fc.array(spec, { minLength: 10, maxLength: 10 }), { maxLength: 30 });

const SMALL_COLUMNS: { header: string; align?: Align; span?: number }[] = [
  { header: "Area", span: 2 },
  { header: "Actions", align: "right" },
  { header: "Value", align: "right", span: 2 },
  { header: "Share", align: "right" },
];

function page(small: TableRows, main: TableRows) {
  const p = recoveryPage(WIDTHS, FLEX);
  p.titleBlock("As at 21/09/2023");
  const [placed] = p.smallTables([{ heading: "By area", firstCol: 1, columns: SMALL_COLUMNS, rows: small }]);
  const table = p.mainTable({
    heading: "Actions",
    name: "Actions",
    columns: WIDTHS.map((_, i) => ({ header: `Column ${i + 1}`, align: i === 4 ? "right" : "left" })),
    rows: main,
    noneText: "None",
  });
  return { model: p.build(), small: placed, main: table };
}

/** The rule: a table cell is its spec's content and format (blank text where none), under the column's body look and its own. */
function expectTableCell(at: Map<string, ModelCell>, row: number, col: number, s: CellSpec | null, align: Align): void {
  const cell = at.get(`${row},${col}`);
  expect(cell?.content).toEqual(s?.content ?? { kind: "text", text: "" });
  expect(cell?.format).toEqual(s?.format);
  expect(cell?.style).toEqual(cellStyleSchema().parse(styled({ ...bodyStyle(align), ...s?.style })));
}

describe("table rows made as they are written", () => {
  it("give the model rows given whole give, each cell its spec under the column's look", () => {
    fc.assert(
      fc.property(smallRows, mainRows, (small, main) => {
        const whole = page(small, main);
        const asWritten = page(
          rowsOf(small, (r) => r),
          rowsOf(main, (r) => r),
        );
        expect(asWritten.model).toEqual(whole.model);
        expect(sheetModelSchema().safeParse(whole.model).success).toBe(true);

        const at = new Map(modelCells(whole.model).map((c) => [`${c.row},${c.col}`, c]));
        const merges = new Set(mergeList(whole.model.merges).map((m) => `${m.top},${m.left},${m.right}`));
        small.forEach((cells, n) => {
          const row = whole.small.first + n;
          let col = 1;
          SMALL_COLUMNS.forEach((c, i) => {
            const span = c.span ?? 1;
            expectTableCell(at, row, col, cells[i], c.align ?? "left");
            // A spanned column: merged, its covered cells blank in the same look.
            if (span > 1) expect(merges.has(`${row},${col},${col + span - 1}`)).toBe(true);
            for (let k = 1; k < span; k++) {
              expect(at.get(`${row},${col + k}`)?.content).toEqual({ kind: "text", text: "" });
              expect(at.get(`${row},${col + k}`)?.style).toEqual(at.get(`${row},${col}`)?.style);
            }
            col += span;
          });
        });
        main.forEach((cells, n) => cells.forEach((s, i) => expectTableCell(at, whole.main.first + n, i + 1, s, i === 4 ? "right" : "left")));
      }),
      { numRuns: 60 },
    );
  });
});

describe("figures and dates in a table", () => {
  const figure: fc.Arbitrary<CellSpec> = fc.oneof(
    fc.constantFrom(0, -0, 150, 123_456, -99).map((p) => money(p)),
    fc.constantFrom(0, -0, 0.25, 1).map((f) => percent(f)),
    fc.constantFrom("2024-03-31", "2023-09-21").map((d) => date(d)),
  );

  it("are each their spec's content, one shared object a value (-0 apart from 0)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(figure, { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 30 }), (main) => {
        const { model, main: placed } = page([], rowsOf(main, (r) => r));
        const at = new Map(modelCells(model).map((c) => [`${c.row},${c.col}`, c]));
        const byValue = new Map<unknown, Set<object>>();
        main.forEach((cells, n) =>
          cells.forEach((s, i) => {
            const content = at.get(`${placed.first + n},${i + 1}`)?.content;
            expect(content).toEqual(s.content);
            const value = content?.kind === "number" ? content.value : content?.kind === "date" ? content.iso : undefined;
            const given = s.content.kind === "number" ? s.content.value : s.content.kind === "date" ? s.content.iso : undefined;
            // toEqual takes -0 for 0 in places: the sign is asked for itself.
            expect(Object.is(value, given)).toBe(true);
            const key = Object.is(value, -0) ? "-0" : value;
            if (!byValue.has(key)) byValue.set(key, new Set());
            if (content !== undefined) byValue.get(key)?.add(content);
          }),
        );
        // 0 and -0: each its own; any other value: every cell holds the same object.
        for (const [key, objects] of byValue) if (key !== "-0") expect(objects.size).toBe(1);
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * Table bodies held as columns (cell-blocks.ts) against the same tables held a ModelCell a
 * cell: the same page built with every body a block and with none gives the same cells
 * (modelCells), merges, widths, heights and page breaks, and the worksheet written from the
 * blocks through the writer's scratch cell (SheetCells) is the one written from the cells.
 * Random tables of every kind of cell, spans and looks; and a table past the hyperlink limit.
 */
import fc from "fast-check";
import { date, link, money, percent, ragCell, text, type CellSpec } from "../../../src/core/summary/cells";
import { sheetModelSchema, type CellStyle, type SheetModel } from "../../../src/core/summary/sheet-model";
import { styled } from "../../../src/core/summary/style";
import { SummaryPage, subtotal, type Align, type TableRows } from "../../../src/core/summary/summary-page";
import { modelCellParts, modelCells } from "../../../src/core/summary/model-cells";
import { MAX_HYPERLINKS } from "../../../src/core/summary/hyperlink-limit";
import { RAGS } from "../../../src/core/records";
import { renderSheet, TableNames, type SheetDraft } from "../../../src/hosts/xlsx/sheet-xml";
import { summaryDraft } from "../../../src/hosts/xlsx/write";
import { CellsInOrder } from "../../../src/hosts/xlsx/cells-in-order";
import { StyleBook } from "../../../src/hosts/xlsx/styles-edit";

const WIDTHS = [9, 20, 15, 15, 12, 8, 8, 18, 11, 24];
const FLEX = [0.5, 3, 2, 2, 0, 0, 0, 3, 0, 0];
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>`;

const words = fc.stringMatching(/^[A-Za-z0-9 ,.£&<>'"\n-]{0,40}$/);
const SHARED: CellStyle[] = [{ bold: true }, { wrap: true, fill: "DCE6F1" }, styled({ italic: true })];
const ownStyle: fc.Arbitrary<CellStyle | undefined> = fc.oneof(
  fc.option(fc.record({ bold: fc.boolean(), wrap: fc.boolean(), fill: fc.constantFrom("F2F2F2", "DCE6F1") }, { requiredKeys: [] }), { nil: undefined }),
  fc.constantFrom(...SHARED),
);
const spec: fc.Arbitrary<CellSpec | null> = fc.oneof(
  fc.constant(null),
  fc.tuple(words, ownStyle).map(([t, s]) => text(t, s)),
  fc.integer({ min: -1e9, max: 1e9 }).map((p) => money(p)),
  fc.constantFrom(0, -0, 0.25, 1, 1e301, NaN).map((f) => percent(f)),
  fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => date(d.toISOString().slice(0, 10))),
  fc.constantFrom(...RAGS).map((r) => ragCell(r)),
  fc.tuple(words, fc.integer({ min: 1, max: 500 }), fc.option(ownStyle, { nil: undefined })).map(([s, r, st]) => link(`Sheet ${s}`, `A${r}`, st)),
  fc.integer({ min: 1, max: 9 }).map((n) => subtotal(n, 2, 3, n * 10, "count")),
);
const rowsOfWidth = (n: number, max: number) => fc.array(fc.array(spec, { minLength: n, maxLength: n }), { maxLength: max });

const SMALL_COLUMNS: { header: string; align?: Align; span?: number }[] = [
  { header: "Area", span: 2 },
  { header: "Actions", align: "right" },
  { header: "Value", align: "right", span: 2 },
];
const BESIDE_COLUMNS: { header: string; align?: Align; span?: number }[] = [{ header: "Level" }, { header: "Count", align: "right", span: 3 }];

function page(blockRows: number, small: TableRows, beside: TableRows, main: TableRows): SheetModel {
  const p = new SummaryPage({
    id: "recovery-summary",
    name: "Recovery Summary",
    title: "Recovery Summary",
    widths: WIDTHS,
    flex: FLEX,
    print: { title: "Recovery Summary", organisation: null, asOf: "2023-09-21", generated: "21/09/2023 12:00" },
    blockRows,
  });
  p.titleBlock("As at 21/09/2023");
  // Two small tables side by side, rows of one beside the other's (loose cells or blocks in the same rows).
  p.smallTables([
    { heading: "By area", firstCol: 1, columns: SMALL_COLUMNS, rows: small, totals: (first, last, colOf) => [text("Total"), subtotal(colOf(1), first, last, 1, "count"), null] },
    { heading: "By level", firstCol: 7, columns: BESIDE_COLUMNS, rows: beside },
  ]);
  p.mainTable({
    heading: "Actions",
    name: "Actions",
    columns: WIDTHS.map((_, i) => ({ header: `Column ${i + 1}`, align: i === 4 ? "right" : "left" })),
    rows: main,
    totals: (first, last) => [text("Total"), null, null, null, subtotal(5, first, last, 3, "money")],
    noneText: "None",
  });
  return p.build();
}

/** The worksheet renderSheet writes for a draft. */
function worksheet(draft: SheetDraft): string {
  const chunks: Uint8Array[] = [];
  renderSheet(draft, "Recovery Summary", { styles: new StyleBook(STYLES, "s"), date1904: false, tables: new TableNames([], []), mainNs: MAIN, relNs: REL }, { push: (c) => chunks.push(c) });
  return Buffer.concat(chunks).toString("utf8");
}

/** The blocks' model held to the grid's: the same cells and layout, the same worksheet written. */
function expectSame(blocks: SheetModel, grid: SheetModel): void {
  expect(grid.blocks).toBeUndefined();
  const { cells: _c, blocks: _b, plainLinksFrom: _p, ...blocksRest } = blocks;
  const { cells: _gc, plainLinksFrom: _gp, ...gridRest } = grid;
  expect(blocksRest).toEqual(gridRest);
  const expanded = modelCells(blocks);
  expect(expanded).toEqual(modelCells(grid));
  const parts = modelCellParts(blocks);
  const viaBlocks = new CellsInOrder(parts.cells, parts.blocks, parts.plainLinksFrom);
  expect(viaBlocks.list()).toEqual(expanded);
  expect(viaBlocks.bounds()).toEqual(new CellsInOrder(modelCells(grid)).bounds());
  for (const c of expanded.filter((_, i) => i % 7 === 0)) expect(viaBlocks.at(c.row, c.col)).toEqual(c);
  // The writer's scratch walk of the blocks, against the grid's cells.
  expect(worksheet(summaryDraft(blocks))).toBe(worksheet(summaryDraft(grid)));
}

describe("table bodies held as columns", () => {
  it("give the cells, layout and worksheet the same tables give a ModelCell a cell", () => {
    fc.assert(
      fc.property(rowsOfWidth(3, 14), rowsOfWidth(2, 6), rowsOfWidth(10, 30), (small, beside, main) => {
        const blocks = page(1, small, beside, main);
        const grid = page(Infinity, small, beside, main);
        if (main.length > 0) expect(blocks.blocks?.length).toBeGreaterThan(0);
        // Valid where the cells are (a NaN figure is not, either way).
        expect(sheetModelSchema().safeParse(blocks).success).toBe(sheetModelSchema().safeParse(grid).success);
        expectSame(blocks, grid);
      }),
      { numRuns: 80 },
    );
  });

  it("write a body's links past Excel's limit as plain text, as the cells do", () => {
    // Links in the small table and the main table, past 65,530 in all: the limit falls in a block.
    const small = Array.from({ length: 3 }, (_, i) => [link("Register", `A${i + 2}`), text("x"), money(100)]);
    const main = Array.from({ length: MAX_HYPERLINKS + 40 }, (_, i) => [text(`REG-${i}`), link("Register", `B${i + 2}`), null, null, money(i)]);
    const blocks = page(1, small, [], main);
    const grid = page(Infinity, small, [], main);
    expect(blocks.plainLinksFrom).toBeDefined();
    expectSame(blocks, grid);
    const cells = modelCells(blocks);
    const links = cells.filter((c) => c.content.kind === "link");
    expect(links).toHaveLength(MAX_HYPERLINKS);
    // Past the limit, each source keeps its words as plain text, in the link's own look.
    const last = links.at(-1)!;
    const firstRow = links.find((c) => c.content.kind === "link" && c.content.cell === "B2")!.row;
    const past = cells.filter((c) => c.col === last.col && c.row > last.row && c.row < firstRow + main.length);
    expect(past).toHaveLength(3 + main.length - MAX_HYPERLINKS);
    for (const c of past) {
      const source = main[c.row - firstRow][1]!.content;
      expect(source.kind).toBe("link");
      expect(c.content).toEqual({ kind: "text", text: source.kind === "link" ? source.text : "" });
      expect(c.style).toEqual(last.style);
    }
  });
});

/**
 * For random workbooks, `build` (through the .xlsx host) carries every part over as it was
 * stored and only adds to the bookkeeping parts, so every source sheet's values, formulas,
 * number formats and styles stay identical (standard-templates.md §8).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { analyse, summarise } from "../../src/core/engine";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { buildSummaryBytes } from "../../src/hosts/xlsx/write";
import { checkKeptByAddition } from "../helpers/kept-by-addition";
import type { Cell } from "../../src/core/snapshot";
import { workbook } from "./arbitraries";

const NOW = new Date("2023-09-21T12:00:00Z");
// XML cannot hold most control characters; Excel never stores them either.
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "?").replace(/[\ud800-\udfff]/g, "?");

function valueOf(c: Cell): ExcelJS.CellValue {
  if (c.error) return { error: c.error } as ExcelJS.CellErrorValue;
  const v = typeof c.value === "string" ? clean(c.value) : typeof c.value === "number" && !Number.isFinite(c.value) ? null : c.value;
  if (c.formula) return { formula: c.formula, result: v ?? undefined } as ExcelJS.CellFormulaValue;
  return v;
}

const styles: Partial<ExcelJS.Style>[] = [
  {},
  { font: { bold: true, name: "Arial", size: 12 } },
  { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC000" } } },
  { alignment: { wrapText: true, vertical: "top" }, border: { top: { style: "thin" } } },
];

async function xlsxOf(sheets: { name: string; cells: Cell[]; merges: { top: number; left: number; bottom: number; right: number }[] }[], styleSeed: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.cells.forEach((c, i) => {
      const cell = ws.getCell(c.row, c.col);
      cell.value = valueOf(c);
      if (c.format) cell.numFmt = c.format;
      const style = styles[(i + styleSeed) % styles.length];
      if (style.font) cell.font = style.font as ExcelJS.Font;
      if (style.fill) cell.fill = style.fill as ExcelJS.Fill;
      if (style.alignment) cell.alignment = style.alignment as ExcelJS.Alignment;
      if (style.border) cell.border = style.border as ExcelJS.Borders;
    });
    for (const m of s.merges) {
      try {
        ws.mergeCells(m.top, m.left, m.bottom, m.right);
      } catch {
        // Overlapping merges are refused by exceljs, as by Excel: keep the first.
      }
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Every cell of a sheet as exceljs reads it back: value, formula, format and style. */
function dump(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (c, col) => out.push([r, col, JSON.stringify(c.value), c.formula ?? null, c.numFmt ?? null, JSON.stringify(c.style)])),
  );
  return [out, JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort())];
}

describe("build on random workbooks", () => {
  it("leaves every source sheet's values, formulas, formats and styles identical", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbook.filter((wb) => wb.sheets.every((s) => s.name !== "Board Summary Settings")),
        fc.nat(3),
        async (wb, styleSeed) => {
          const input = await xlsxOf(wb.sheets, styleSeed);
          const opened = await openWorkbook(input, "random.xlsx");
          const original = new ExcelJS.Workbook();
          await original.xlsx.load(input as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
          const sources = original.worksheets.map((ws) => ws.name);
          const before = new Map(original.worksheets.map((ws) => [ws.name, dump(ws)]));
          const plan = summarise(analyse(opened.snapshot, { now: NOW }), NOW);
          const { bytes } = await buildSummaryBytes(opened, plan, NOW);
          expect((await checkKeptByAddition(input, bytes)).problems).toEqual([]);
          const out = new ExcelJS.Workbook();
          await out.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
          for (const name of sources) {
            const ws = out.getWorksheet(name);
            if (!ws) throw new Error(`source sheet '${name}' was dropped`);
            expect(dump(ws)).toEqual(before.get(name));
          }
          // The summaries were added after the sources, which keep their order.
          expect(out.worksheets.map((w) => w.name).slice(0, sources.length)).toEqual(sources);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

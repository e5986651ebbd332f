/**
 * Property: whatever cells a workbook holds, the reader gives back what was put in. Random
 * workbooks are written by exceljs (an independent writer) and read by ours; the expected
 * snapshot is worked out from the values themselves, not from another reader.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { dateToSerial, loadWorkbook } from "../../../src/hosts/xlsx/read";
import { toBytes } from "../../fixtures/make-xlsx";

type Written =
  | { kind: "text"; v: string }
  | { kind: "number"; v: number }
  | { kind: "bool"; v: boolean }
  | { kind: "date"; v: Date }
  | { kind: "rich"; v: string[] }
  | { kind: "error"; v: string }
  | { kind: "formula"; formula: string; result: number | string | boolean };

// No literal "_xHHHH_" text: exceljs writes it unescaped, where ECMA-376 wants "_x005F_x…"
// (so it reads back as the character it names); read-xml.test.ts covers the escapes.
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/_x[0-9a-f]{4}_/i.test(s)),
  fc.constantFrom(" padded ", "a & <b> \"c\" 'd'", "line\nbreak", "£1,234", "=not a formula", "Ünïcödé 日本"),
);
const written: fc.Arbitrary<Written> = fc.oneof(
  text.map((v) => ({ kind: "text", v }) as const),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((v) => ({ kind: "number", v: Object.is(v, -0) ? 0 : v }) as const),
  fc.constantFrom(1.2, 0.1, 448000, 0.92, 1e-7).map((v) => ({ kind: "number", v }) as const),
  fc.boolean().map((v) => ({ kind: "bool", v }) as const),
  fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => ({ kind: "date", v: new Date(Math.round(d.getTime() / 1000) * 1000) }) as const),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((v) => ({ kind: "rich", v }) as const),
  fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!").map((v) => ({ kind: "error", v }) as const),
  fc
    .tuple(fc.constantFrom("A1+1", "SUM(A1:B2)", '"x"&"y"'), fc.oneof(fc.integer({ min: -1000, max: 1000 }), text, fc.boolean()))
    .map(([formula, result]) => ({ kind: "formula", formula, result }) as const),
);

/** ExcelJS's value for what is written. */
function exceljsValue(w: Written): ExcelJS.CellValue {
  switch (w.kind) {
    case "rich":
      return { richText: w.v.map((t, i) => ({ text: t, font: i % 2 ? { bold: true } : undefined })) };
    case "error":
      return { error: w.v as ExcelJS.CellErrorValue["error"] };
    case "formula":
      return { formula: w.formula, result: w.result } as ExcelJS.CellFormulaValue;
    default:
      return w.v;
  }
}

/** What the snapshot must hold for it. */
function expected(w: Written): Record<string, unknown> {
  switch (w.kind) {
    case "text":
      return { value: w.v };
    case "number":
      return { value: w.v };
    case "bool":
      return { value: w.v };
    case "date":
      // To a hundred-thousandth of a second: the serial exceljs writes is the date's own, in full.
      return { value: Math.round(dateToSerial(w.v) * 1e9) / 1e9 };
    case "rich":
      return { value: w.v.join("") };
    case "error":
      return { value: null, error: w.v };
    case "formula":
      return { value: w.result, formula: w.formula };
  }
}

const cellArb = fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 10 }), w: written, fill: fc.option(fc.constantFrom("FFC7CE", "C6EFCE", "FFEB9C"), { nil: undefined }) });
const sheetArb = fc.record({
  cells: fc.uniqueArray(cellArb, { selector: (c) => `${c.row},${c.col}`, maxLength: 25 }),
  state: fc.constantFrom("visible", "hidden", "veryHidden") as fc.Arbitrary<"visible" | "hidden" | "veryHidden">,
});

it("random workbooks written by exceljs read back as written, in both date systems", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, date1904) => {
      const wb = new ExcelJS.Workbook();
      if (date1904) wb.properties.date1904 = true;
      sheets.forEach((s, i) => {
        const ws = wb.addWorksheet(i === 1 ? `O'Neil ${i} & "q"` : `Sheet ${i}`, { state: s.state });
        for (const c of s.cells) {
          const cell = ws.getCell(c.row, c.col);
          cell.value = exceljsValue(c.w);
          if (c.w.kind === "date") cell.numFmt = "dd/mm/yyyy hh:mm:ss";
          if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${c.fill}` } };
        }
      });
      const { snapshot } = await loadWorkbook(await toBytes(wb), "random.xlsx", { purpose: "check" });
      expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual(wb.worksheets.map((ws, i) => [ws.name, sheets[i].state]));
      snapshot.sheets.forEach((sheet, i) => {
        const want = [...sheets[i].cells]
          .sort((a, b) => a.row - b.row || a.col - b.col)
          .map((c) => ({ row: c.row, col: c.col, ...expected(c.w), ...(c.fill ? { fill: c.fill } : {}) }));
        const got = sheet.cells.map(({ format, ...rest }) =>
          format && typeof rest.value === "number" ? { ...rest, value: Math.round(rest.value * 1e9) / 1e9 } : rest,
        );
        expect(got).toEqual(want);
      });
    }),
    { numRuns: 100 },
  );
}, 120_000);

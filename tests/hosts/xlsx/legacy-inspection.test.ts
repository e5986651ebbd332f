import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describeUnsupported, inspectPackage } from "../../../src/hosts/xlsx/legacy-inspection";
import { sourceWorkbook, toBytes, withChart, withPart } from "../../fixtures/make-xlsx";

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("inspectPackage", () => {
  it("finds nothing to lose in what exceljs models: sheets, tables, notes, pictures", async () => {
    const wb = sourceWorkbook();
    const ws = wb.getWorksheet("RA-01")!;
    ws.getCell("E2").note = "Checked by finance";
    ws.addTable({ name: "Lines", ref: "G2", columns: [{ name: "Item" }, { name: "Value", totalsRowFunction: "sum" }], rows: [["a", 1]], totalsRow: true });
    const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(image, "F10:G12");
    const bytes = await toBytes(wb);
    const names = Object.keys((await JSZip.loadAsync(bytes)).files);
    // The fixture really holds those parts.
    expect(names).toEqual(expect.arrayContaining(["xl/comments1.xml", "xl/tables/table1.xml", "xl/media/image1.png", "xl/drawings/drawing1.xml"]));
    expect((await inspectPackage(bytes)).unsupportedParts).toEqual([]);
  });

  it("names a chart and the drawing that holds it", async () => {
    const bytes = await withChart(await toBytes(sourceWorkbook()));
    expect((await inspectPackage(bytes)).unsupportedParts).toEqual([
      "a chart (xl/charts/chart1.xml)",
      "a drawing with shapes, text boxes or charts (xl/drawings/drawing1.xml)",
    ]);
  });

  it.each([
    ["xl/vbaProject.bin", "x", "macros (VBA) (xl/vbaProject.bin)"],
    ["xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>", "a pivot table (xl/pivotTables/pivotTable1.xml)"],
    ["xl/pivotCache/pivotCacheDefinition1.xml", "<x/>", "a pivot table cache (xl/pivotCache/pivotCacheDefinition1.xml)"],
    ["xl/slicers/slicer1.xml", "<x/>", "a slicer (xl/slicers/slicer1.xml)"],
    ["xl/timelines/timeline1.xml", "<x/>", "a timeline (xl/timelines/timeline1.xml)"],
    ["xl/externalLinks/externalLink1.xml", "<x/>", "a link to another workbook (xl/externalLinks/externalLink1.xml)"],
    ["customXml/item1.xml", "<x/>", "custom XML data (customXml/item1.xml)"],
    ["docProps/custom.xml", "<Properties/>", "custom document properties (such as a sensitivity label) (docProps/custom.xml)"],
    ["xl/threadedComments/threadedComment1.xml", "<x/>", "threaded comments (xl/threadedComments/threadedComment1.xml)"],
    ["xl/embeddings/oleObject1.bin", "x", "an embedded object (xl/embeddings/oleObject1.bin)"],
    ["xl/metadata.xml", "<metadata/>", "dynamic array formula data (xl/metadata.xml)"],
    ["xl/somethingNew.xml", "<x/>", "a part Board Summary cannot carry over (xl/somethingNew.xml)"],
  ])("names %s", async (path, content, expected) => {
    const bytes = await withPart(await toBytes(sourceWorkbook()), path, content);
    expect((await inspectPackage(bytes)).unsupportedParts).toEqual([expected]);
  });

  it("looks inside allowed parts for features exceljs drops", async () => {
    const base = await toBytes(sourceWorkbook());
    const zip = await JSZip.loadAsync(base);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const sparkline = sheet.replace("</worksheet>", '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups/></ext></extLst></worksheet>');
    expect((await inspectPackage(await withPart(base, "xl/worksheets/sheet1.xml", sparkline))).unsupportedParts).toEqual([
      "sparklines or drop-down lists that refer to another sheet (xl/worksheets/sheet1.xml)",
    ]);
    const vml = '<xml><v:shape><x:ClientData ObjectType="Checkbox"/></v:shape></xml>';
    expect((await inspectPackage(await withPart(base, "xl/drawings/vmlDrawing1.vml", vml))).unsupportedParts).toEqual([
      "form controls or shapes drawn in VML (xl/drawings/vmlDrawing1.vml)",
    ]);
    const notes = '<xml><v:shape><x:ClientData ObjectType="Note"/></v:shape></xml>';
    expect((await inspectPackage(await withPart(base, "xl/drawings/vmlDrawing1.vml", notes))).unsupportedParts).toEqual([]);
    const table = '<table name="T" ref="A1:A2"><tableColumns count="1"><tableColumn id="1" name="A"><calculatedColumnFormula>B1*2</calculatedColumnFormula></tableColumn></tableColumns></table>';
    expect((await inspectPackage(await withPart(base, "xl/tables/table1.xml", table))).unsupportedParts).toEqual([
      "an Excel table with calculated columns, custom totals or a query (xl/tables/table1.xml)",
    ]);
  });

  it("says why in one sentence, naming at most five parts", () => {
    const parts = Array.from({ length: 7 }, (_, i) => `a chart (xl/charts/chart${i + 1}.xml)`);
    const text = describeUnsupported(parts);
    expect(text).toContain("a chart (xl/charts/chart5.xml) and 2 more");
    expect(text).not.toContain("chart6");
    expect(text).toMatch(/your workbook was not changed\.$/);
  });
});

/**
 * Formula cells whose cached result is 0, FALSE or empty text: exceljs's load drops them,
 * so the .xlsx host takes them back from the XML. Both readers (check's fast one and the
 * build's exceljs one) must give the same answer.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyse } from "../../src/core/engine";
import { loadWorkbook } from "../../src/hosts/xlsx/read";

/** A form whose value is `=C6-C6` with the cached result 0 written as Excel writes it. */
async function formWithZeroFormula(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("RA-09");
  ws.getCell("A1").value = "Finance Recovery Action: Agency staffing";
  ws.getCell("B2").value = "Exec Lead";
  ws.getCell("C2").value = "Jane Doe";
  ws.getCell("B3").value = "Description";
  ws.getCell("C3").value = "Reduce agency use";
  ws.getCell("B4").value = "Lead Service Area";
  ws.getCell("C4").value = "Mental Health";
  ws.getCell("B5").value = "Financial Recovery Value";
  ws.getCell("C5").value = { formula: "C6-C6", result: 1 };
  ws.getCell("C6").value = 50_000;
  ws.getCell("B7").value = "Risk Level";
  ws.getCell("C7").value = { formula: "IF(C6>0,\"Low\",\"High\")", result: "Low" };
  ws.getCell("B8").value = "Progress flag";
  ws.getCell("C8").value = { formula: "C6<0", result: true };
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = "xl/worksheets/sheet1.xml";
  let xml = await zip.file(path)!.async("string");
  // Excel writes the true cached results: 0 and FALSE.
  xml = xml.replace(/(<c r="C5"[^>]*><f>C6-C6<\/f>)<v>1<\/v>/, "$1<v>0</v>");
  xml = xml.replace(/(<c r="C8"[^>]*t="b"[^>]*><f>C6&lt;0<\/f>)<v>1<\/v>/, "$1<v>0</v>");
  expect(xml).toContain("<f>C6-C6</f><v>0</v>");
  zip.file(path, xml);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

describe("formula results that are 0 or FALSE", () => {
  it.each(["check", "build"] as const)("are read as 0 and FALSE when loaded to %s", async (purpose) => {
    const loaded = await loadWorkbook(await formWithZeroFormula(), "zero.xlsx", { purpose });
    const cells = loaded.snapshot.sheets[0].cells;
    expect(cells.find((c) => c.row === 5 && c.col === 3)).toMatchObject({ value: 0, formula: "C6-C6" });
    expect(cells.find((c) => c.row === 8 && c.col === 3)?.value).toBe(false);
    const a = analyse(loaded.snapshot, { now: new Date("2024-01-01T12:00:00Z") });
    const codes = a.findings.filter((f) => f.cell === "C5").map((f) => f.code);
    // £0 worked out by a formula is a zero value, not a missing one.
    expect(codes).toEqual(["zero-value"]);
    expect(a.recovery.actions[0].valuePence).toBe(0);
  });
});

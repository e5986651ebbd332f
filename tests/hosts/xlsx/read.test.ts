import ExcelJS from "exceljs";
import JSZip from "jszip";
import { HostError } from "../../../src/hosts/host";
import { dateToSerial, loadWorkbook } from "../../../src/hosts/xlsx/read";
import { fakeCompoundFile, sourceWorkbook, toBytes } from "../../fixtures/make-xlsx";

async function messageFor(bytes: Uint8Array, name = "board.xlsx"): Promise<string> {
  try {
    await loadWorkbook(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return (e as Error).message;
  }
  throw new Error("expected loadWorkbook to fail");
}

describe("loadWorkbook snapshot", () => {
  let snapshot: Awaited<ReturnType<typeof loadWorkbook>>["snapshot"];
  beforeAll(async () => {
    snapshot = (await loadWorkbook(await toBytes(sourceWorkbook()), "pack.xlsx")).snapshot;
  });
  const cell = (sheet: string, row: number, col: number) =>
    snapshot.sheets.find((s) => s.name === sheet)!.cells.find((c) => c.row === row && c.col === col);

  it("lists sheets in tab order with their visibility", () => {
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["RA-01", "visible"],
      ["Lists", "hidden"],
      ["Secret", "veryHidden"],
      ["O'Brien's Actions", "visible"],
    ]);
  });

  it("reads numbers with their formats, dates as 1900 serials and percents as fractions", () => {
    expect(cell("RA-01", 3, 3)).toEqual({ row: 3, col: 3, value: 448000, format: "£#,##0", fill: "FFF2CC" });
    // 21/09/2023 is serial 45190 in Excel's 1900 system.
    expect(cell("RA-01", 4, 3)).toEqual({ row: 4, col: 3, value: 45190, format: "dd/mm/yyyy" });
    expect(cell("RA-01", 5, 3)).toEqual({ row: 5, col: 3, value: 0.92, format: "0%" });
  });

  it("turns rich text and hyperlinks into their plain text", () => {
    expect(cell("RA-01", 6, 2)?.value).toBe("Exec Lead");
    expect(cell("RA-01", 10, 3)?.value).toBe("See lists");
  });

  it("gives formulas without '=' and their cached results, errors as errors", () => {
    expect(cell("RA-01", 6, 3)).toMatchObject({ formula: "C3*2", value: 896000 });
    expect(cell("RA-01", 7, 3)).toEqual({ row: 7, col: 3, value: null, error: "#REF!" });
    expect(cell("RA-01", 8, 3)).toMatchObject({ formula: "1/0", value: null, error: "#DIV/0!" });
    expect(cell("RA-01", 9, 3)?.value).toBe(true);
  });

  it("keeps the error or text a date-formatted formula gives", () => {
    expect(cell("RA-01", 12, 3)).toEqual({ row: 12, col: 3, value: null, error: "#REF!", formula: "DATE(2024,3,#REF!)", format: "dd/mm/yyyy" });
    expect(cell("RA-01", 13, 3)).toMatchObject({ value: "TBC", formula: 'IF(TRUE,"TBC")' });
  });

  it("gives a shared formula's own text for each cell", () => {
    expect(cell("O'Brien's Actions", 4, 1)).toMatchObject({ formula: "A1+A2", value: 3 });
    expect(cell("O'Brien's Actions", 5, 1)).toMatchObject({ formula: "A2+A3", value: 5 });
  });

  it("lists merges 1-based inclusive and leaves out a merge's covered cells", () => {
    const ra = snapshot.sheets[0];
    expect(ra.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 4 }]);
    expect(cell("RA-01", 2, 3)).toBeUndefined();
    expect(ra.usedRange).toEqual({ rows: 13, cols: 4 });
  });
});

describe("loadWorkbook details", () => {
  it("honours the 1904 date system", async () => {
    const bytes = await toBytes(sourceWorkbook({ date1904: true }));
    // The file really is 1904-based, so the stored serial differs from the 1900 one.
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain('date1904="1"');
    const sheet = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<c r="C4"[^>]*><v>43728<\/v>/);
    const { snapshot } = await loadWorkbook(bytes, "1904.xlsx");
    expect(snapshot.sheets[0].cells.find((c) => c.row === 4 && c.col === 3)?.value).toBe(45190);
  });

  it("converts dates with a time of day to fractional serials", () => {
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
  });

  it("marks protected sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.addWorksheet("Locked").protect("", {});
    wb.addWorksheet("Open").getCell("A1").value = 1;
    const { snapshot } = await loadWorkbook(await toBytes(wb), "p.xlsx");
    expect(snapshot.sheets.map((s) => s.protected)).toEqual([true, false]);
  });

  it("keeps a sheet with a value in row 1,048,576 sparse and fast", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tall");
    for (const [r, v] of [[1, "a"], [2, "b"], [500, "c"], [70_000, "d"], [1_048_576, "e"]] as const) {
      ws.getCell(r, 2).value = v;
    }
    const bytes = await toBytes(wb);
    const started = Date.now();
    const { snapshot } = await loadWorkbook(bytes, "tall.xlsx");
    expect(Date.now() - started).toBeLessThan(5000);
    const tall = snapshot.sheets[0];
    expect(tall.cells.map((c) => [c.row, c.value])).toEqual([[1, "a"], [2, "b"], [500, "c"], [70_000, "d"], [1_048_576, "e"]]);
    expect(tall.usedRange).toEqual({ rows: 1_048_576, cols: 2 });
  });
});

describe("loadWorkbook refuses bad files with a clear message", () => {
  it("an empty file", async () => {
    expect(await messageFor(new Uint8Array(0))).toBe("board.xlsx is empty (0 bytes): it is not an Excel workbook.");
  });

  it("a CSV file renamed .xlsx", async () => {
    const csv = new TextEncoder().encode("Ref,Value\nRA-01,448000\n");
    expect(await messageFor(csv)).toMatch(/^board\.xlsx is not an Excel workbook \(\.xlsx\): it looks like a CSV\/text file/);
  });

  it("an old .xls renamed", async () => {
    expect(await messageFor(fakeCompoundFile(["Workbook", "\u0005SummaryInformation"]))).toBe(
      "board.xlsx is an Excel 97-2003 .xls file; open it in Excel and save it as an Excel Workbook (.xlsx), then try again.",
    );
  });

  it("a password-protected .xlsx", async () => {
    expect(await messageFor(fakeCompoundFile(["EncryptionInfo", "EncryptedPackage"]))).toBe(
      "board.xlsx is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again.",
    );
  });

  it("a truncated workbook", async () => {
    const bytes = await toBytes(sourceWorkbook());
    const msg = await messageFor(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(msg).toMatch(/^board\.xlsx is damaged and cannot be read/);
  });

  it("a corrupt workbook (a part's data overwritten)", async () => {
    const bytes = new Uint8Array(await toBytes(sourceWorkbook()));
    for (let i = 200; i < 1200; i++) bytes[i] = 0x41;
    expect(await messageFor(bytes)).toMatch(/^board\.xlsx is damaged and cannot be read/);
  });

  it("a zip that is not a workbook, and a Word document", async () => {
    const zip = new JSZip();
    zip.file("notes.txt", "hello");
    expect(await messageFor(await zip.generateAsync({ type: "uint8array" }))).toBe(
      "board.xlsx is a zip file, not an Excel workbook (.xlsx).",
    );
    zip.file("word/document.xml", "<w:document/>");
    expect(await messageFor(await zip.generateAsync({ type: "uint8array" }))).toBe(
      "board.xlsx is a Word document, not an Excel workbook (.xlsx).",
    );
  });

  it("random binary", async () => {
    const bytes = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect(await messageFor(bytes)).toBe("board.xlsx is not an Excel workbook (.xlsx).");
  });
});

describe("progress while reading", () => {
  it("is told by the sheets' bytes: a large sheet reports as it is read, rising, at most about a hundred times, ending at 1", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Small").getCell("A1").value = "Recovery actions";
    const big = wb.addWorksheet("Ledger");
    for (let r = 1; r <= 20_000; r++) big.addRow([`Supplier ${r % 97}`, r * 3.5, `INV-${100_000 + r}`]);
    const steps: { step: string; fraction?: number }[] = [];
    await loadWorkbook(await toBytes(wb), "ledger.xlsx", { onProgress: (p) => steps.push(p) });
    const fractions = steps.map((s) => s.fraction ?? 0);
    const onLedger = steps.filter((s) => s.step === "Reading Ledger");
    expect(onLedger.length).toBeGreaterThan(10);
    expect(steps.length).toBeLessThanOrEqual(105);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(steps[steps.length - 1]).toEqual({ step: "Read", fraction: 1 });
  });
});

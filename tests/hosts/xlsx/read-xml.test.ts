/**
 * The reader (read.ts and the part readers beside it) on hand-made packages: each test
 * writes the XML a producer writes and checks the snapshot against what ECMA-376 says it
 * means.
 */
import { HostError } from "../../../src/hosts/host";
import { applyTint } from "../../../src/hosts/xlsx/colors";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { shiftFormula } from "../../../src/hosts/xlsx/shared-formula";
import { makePackage, MAIN, OFFICE_THEME, REL_NS, sheetXml, STRICT_MAIN, STRICT_REL_NS, type PackageSpec } from "./packages";

async function read(spec: PackageSpec): Promise<WorkbookSnapshot> {
  return (await loadWorkbook(makePackage(spec), "t.xlsx", { purpose: "check" })).snapshot;
}

async function failure(spec: PackageSpec): Promise<string> {
  try {
    await loadWorkbook(makePackage(spec), "t.xlsx", { purpose: "check" });
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return (e as Error).message;
  }
  throw new Error("expected a HostError");
}

/** One sheet's cells as [address-ish row, col, value, extra] for compact expectations. */
const values = (snap: WorkbookSnapshot, sheet = 0) => snap.sheets[sheet].cells.map((c) => [c.row, c.col, c.value]);

/** cellXfs: 0 General, 1 built-in 14, 2 custom dd/mm/yyyy, 3 0%, 4 unknown id 200, 5 h:mm, 6 [h]:mm:ss, 7 built-in 7 (pounds). */
const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>' +
  '<fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="200"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="7"/></cellXfs>';

describe("any producer's XML", () => {
  it("ClosedXML's x:-prefixed parts everywhere read as Excel's", async () => {
    const ns = `xmlns:x="${MAIN}" xmlns:r="${REL_NS}"`;
    const snap = await read({
      sheets: [{ name: "Data", xml: `<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>45000</x:v></x:c></x:row></x:sheetData></x:worksheet>` }],
      workbookXml: `<?xml version="1.0"?><x:workbook ${ns}><x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      sharedStrings: "",
      styles: "",
      extra: {
        "xl/sharedStrings.xml": new TextEncoder().encode(`<x:sst ${ns}><x:si><x:t>Prefixed</x:t></x:si></x:sst>`),
        "xl/styles.xml": new TextEncoder().encode(`<x:styleSheet ${ns}><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`),
      },
    });
    expect(snap.sheets.map((s) => s.name)).toEqual(["Data"]);
    expect(snap.sheets[0].cells).toEqual([
      { row: 1, col: 1, value: "Prefixed" },
      { row: 1, col: 2, value: 45000, format: "mm-dd-yy" },
    ]);
  });

  it("strict OOXML namespaces read as transitional", async () => {
    const snap = await read({
      strict: true,
      sheets: [{ name: "S", xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1.5</v></c></row>' }],
      sharedStrings: "<si><t>strict</t></si>",
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs>',
    });
    expect(snap.sheets[0].cells).toEqual([
      { row: 1, col: 1, value: "strict" },
      { row: 1, col: 2, value: 1.5, format: "0%" },
    ]);
    expect(STRICT_MAIN).toContain("purl.oclc.org");
  });

  it("the relationship id under any prefix; an empty or unknown id is a note, not a lost sheet without a word", async () => {
    const workbookXml =
      `<workbook xmlns="${MAIN}" xmlns:rel="${REL_NS}" xmlns:s="${STRICT_REL_NS}"><sheets>` +
      '<sheet name="One" sheetId="1" rel:id="rId1"/><sheet name="Two" sheetId="2" s:id="rId2"/><sheet name="Empty" sheetId="3" rel:id=""/><sheet name="Gone" sheetId="4" rel:id="rId9"/>' +
      "</sheets></workbook>";
    const snap = await read({ workbookXml, sheets: [{ name: "One", xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: "Two", xml: '<row r="1"><c r="A1"><v>2</v></c></row>' }] });
    expect(snap.sheets.map((s) => [s.name, s.cells[0].value])).toEqual([
      ["One", 1],
      ["Two", 2],
    ]);
    expect(snap.notes).toEqual([
      "The sheet 'Empty' has no part in the workbook file (its relationship id is empty), so it was not read.",
      "The sheet 'Gone' has no part in the workbook file (its relationship 'rId9' is missing), so it was not read.",
    ]);
  });

  it("hidden and very hidden sheets are read; chart sheets, which hold no cells, are not listed", async () => {
    const snap = await read({
      sheets: [
        { name: "Shown", xml: "" },
        { name: "Hidden", xml: "", state: "hidden" },
        { name: "Secret", xml: '<row r="2"><c r="B2"><v>7</v></c></row>', state: "veryHidden" },
        { name: "Chart", xml: `<chartsheet xmlns="${MAIN}"/>`, chart: true },
      ],
    });
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Shown", "visible"],
      ["Hidden", "hidden"],
      ["Secret", "veryHidden"],
    ]);
    expect(values(snap, 2)).toEqual([[2, 2, 7]]);
  });

  it("cells without a reference follow the one before; lower-case references; rows and cells out of order, the last write standing", async () => {
    const snap = await read({
      sheets: [
        {
          name: "S",
          xml:
            '<row r="3"><c r="b3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>' +
            '<row r="1"><c r="A1"><v>4</v></c><c r="A1"><v>5</v></c></row>',
        },
      ],
    });
    expect(values(snap)).toEqual([
      [1, 1, 5],
      [3, 2, 1],
      [3, 3, 2],
      [4, 1, 3],
    ]);
  });
});

describe("cell values, as ECMA-376 §18.3.1.4 and §18.18.11 define them", () => {
  it("numbers exactly as written, booleans, errors, str results, and empty cells left out", async () => {
    const snap = await read({
      styles: STYLES,
      sheets: [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1"><v>1.2</v></c><c r="B1" s="2"><v>1.2</v></c><c r="C1"><v>0.1</v></c><c r="D1"><v> 1E3 </v></c><c r="E1"><v>-0</v></c>' +
            '<c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="str"><v>text &amp; more</v></c><c r="I1" t="n"><v></v></c><c r="J1" s="2"/><c r="K1"><v>12345678901234567890</v></c></row>',
        },
      ],
    });
    expect(snap.sheets[0].cells).toEqual([
      { row: 1, col: 1, value: 1.2 },
      { row: 1, col: 2, value: 1.2, format: "dd/mm/yyyy" },
      { row: 1, col: 3, value: 0.1 },
      { row: 1, col: 4, value: 1000 },
      { row: 1, col: 5, value: -0 },
      { row: 1, col: 6, value: false },
      { row: 1, col: 7, value: null, error: "#N/A" },
      { row: 1, col: 8, value: "text & more" },
      { row: 1, col: 11, value: 12345678901234567890 },
    ]);
  });

  it("an empty <v/> is an empty cell whatever its type, never shared string 0", async () => {
    const snap = await read({
      sharedStrings: "<si><t>Name</t></si>",
      sheets: [{ name: "S", xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v/></c><c r="C1" t="b"><v/></c><c r="D1"><v/></c><c r="E1" t="e"><v/></c></row>' }],
    });
    expect(values(snap)).toEqual([[1, 1, "Name"]]);
  });

  it("shared strings: plain, rich (runs joined), phonetic runs left out, empty ones empty, _x000D_ and &#13; kept as carriage returns", async () => {
    const snap = await read({
      sharedStrings:
        '<si><t xml:space="preserve"> lead &amp; space </t></si>' +
        '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> tail_x000D_</t></r></si>' +
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
        "<si/><si><t/></si>" +
        "<si><t>line&#13;\nbreak _x005F_x000D_ &#x1F600;</t></si>",
      sheets: [{ name: "S", xml: '<row r="1">' + [0, 1, 2, 3, 4, 5].map((i) => `<c r="${"ABCDEF"[i]}1" t="s"><v>${i}</v></c>`).join("") + "</row>" }],
    });
    expect(snap.sheets[0].cells.map((c) => c.value)).toEqual([" lead & space ", "Bold tail\r", "漢字", "", "", "line\r\nbreak _x000D_ 😀"]);
  });

  it("inline strings, rich and plain, CDATA, and a <v> where a producer put one", async () => {
    const snap = await read({
      sheets: [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c><c r="B1" t="inlineStr"><is><r><t>ri</t></r><r><rPr/><t>ch</t></r><rPh><t>x</t></rPh></is></c>' +
            '<c r="C1" t="inlineStr"><is><t><![CDATA[<b> & "cdata"]]></t></is></c><c r="D1" t="inlineStr"><is><t></t></is></c><c r="E1" t="inlineStr"><v>from v</v></c></row>',
        },
      ],
    });
    expect(snap.sheets[0].cells.map((c) => c.value)).toEqual(["plain", "rich", '<b> & "cdata"', "", "from v"]);
  });

  it("t=\"d\": ISO dates, date-times, times and durations become serials with a date format where the cell has none", async () => {
    const snap = await read({
      styles: STYLES,
      sheets: [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1" t="d"><v>2021-01-01</v></c><c r="B1" t="d" s="2"><v>2024-03-21T00:00:00</v></c><c r="C1" t="d"><v>2024-03-21T18:00:00Z</v></c>' +
            '<c r="D1" t="d"><v>12:30:00</v></c><c r="E1" t="d"><v>PT36H0M0.000S</v></c><c r="F1" t="d"><v>1899-12-31</v></c><c r="G1" t="d"><v>1900-02-28</v></c><c r="H1" t="d"><v>not a date</v></c></row>',
        },
      ],
    });
    expect(snap.sheets[0].cells.map((c) => [c.value, c.format])).toEqual([
      [44197, "yyyy-mm-dd"],
      [45372, "dd/mm/yyyy"],
      [45372.75, "yyyy-mm-dd hh:mm:ss"],
      [0.52083333333, "hh:mm:ss"],
      [1.5, "[h]:mm:ss"],
      [0, "yyyy-mm-dd"],
      [59, "yyyy-mm-dd"],
      ["not a date", undefined],
    ]);
    expect(snap.notes).toEqual(["Sheet 'S': 1 date cell is not an ISO date and was read as text."]);
  });

  it("formulas: text without '=', cached results of every type kept (0, FALSE and empty text too), no result is null", async () => {
    const snap = await read({
      sheets: [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>=A1-2</f><v>0</v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="b"><f>FALSE()</f><v>0</v></c>' +
            '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1"><f>NOW()</f></c><c r="G1" t="str"><f>A1&amp;"x"</f><v>2x</v></c></row>',
        },
      ],
    });
    expect(snap.sheets[0].cells).toEqual([
      { row: 1, col: 1, value: 2, formula: "1+1" },
      { row: 1, col: 2, value: 0, formula: "A1-2" },
      { row: 1, col: 3, value: "", formula: '""' },
      { row: 1, col: 4, value: false, formula: "FALSE()" },
      { row: 1, col: 5, value: null, error: "#DIV/0!", formula: "1/0" },
      { row: 1, col: 6, value: null, formula: "NOW()" },
      { row: 1, col: 7, value: "2x", formula: 'A1&"x"' },
    ]);
  });

  it("shared formulas keep each cell's cached value and give its own formula text; array formulas their master's", async () => {
    const snap = await read({
      sheets: [
        {
          name: "S",
          xml:
            '<row r="2"><c r="A2"><f t="shared" ref="A2:B3" si="0">A1+$B$1+Sheet2!C1+SUM(A1:B1)</f><v>1</v></c><c r="B2"><f t="shared" si="0"/><v>2</v></c></row>' +
            '<row r="3"><c r="B3"><f t="shared" si="0"/><v>0</v></c><c r="D3"><f t="array" ref="D3:D4">ROW()</f><v>3</v></c></row><row r="4"><c r="D4"><v>4</v></c></row>' +
            '<row r="5"><c r="A5"><f t="shared" si="7"/><v>9</v></c></row>',
        },
      ],
    });
    expect(snap.sheets[0].cells).toEqual([
      { row: 2, col: 1, value: 1, formula: "A1+$B$1+Sheet2!C1+SUM(A1:B1)" },
      { row: 2, col: 2, value: 2, formula: "B1+$B$1+Sheet2!D1+SUM(B1:C1)" },
      { row: 3, col: 2, value: 0, formula: "B2+$B$1+Sheet2!D2+SUM(B2:C2)" },
      { row: 3, col: 4, value: 3, formula: "ROW()" },
      { row: 4, col: 4, value: 4 },
      // A dependent whose master is missing: its value stands, without a formula text.
      { row: 5, col: 1, value: 9 },
    ]);
  });

  it("shiftFormula moves relative references only, never text, quoted sheet names, structured references or names", () => {
    expect(shiftFormula('IF(A1="A1",LOG10(B2),\'My Sheet 2\'!C3&Table1[[#This Row],[A1]])+SUM(A:A)+SUM(3:3)+$A1+A$1', 2, 1)).toBe(
      'IF(B3="A1",LOG10(C4),\'My Sheet 2\'!D5&Table1[[#This Row],[A1]])+SUM(B:B)+SUM(5:5)+$A3+B$1',
    );
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });
});

describe("dates and number formats", () => {
  it("built-in, custom and unknown format ids; General has no format", async () => {
    const snap = await read({
      styles: STYLES,
      sheets: [{ name: "S", xml: '<row r="1">' + [0, 1, 2, 3, 4, 5, 6, 7, 9].map((s, i) => `<c r="${"ABCDEFGHI"[i]}1" s="${s}"><v>0.25</v></c>`).join("") + "</row>" }],
    });
    expect(snap.sheets[0].cells.map((c) => c.format)).toEqual([undefined, "mm-dd-yy", "dd/mm/yyyy", "0%", undefined, "h:mm", "[h]:mm:ss", '"£"#,##0.00;\\-"£"#,##0.00', undefined]);
  });

  it("the 1904 date system: dates become 1900 serials, times of day, durations and plain numbers are left as they are", async () => {
    const xml = '<row r="1"><c r="A1" s="1"><v>43728</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="5"><v>0.75</v></c><c r="D1" s="6"><v>1.5</v></c><c r="E1"><v>448000</v></c><c r="F1" s="3"><v>0.92</v></c><c r="G1" t="d"><v>2023-09-21</v></c></row>';
    const s1904 = await read({ date1904: true, styles: STYLES, sheets: [{ name: "S", xml }] });
    const s1900 = await read({ styles: STYLES, sheets: [{ name: "S", xml }] });
    // 21/09/2023 is 43728 in the 1904 system and 45190 in the 1900 system.
    expect(s1904.sheets[0].cells.map((c) => c.value)).toEqual([45190, 1462.5, 0.75, 1.5, 448000, 0.92, 45190]);
    expect(s1900.sheets[0].cells.map((c) => c.value)).toEqual([43728, 0.5, 0.75, 1.5, 448000, 0.92, 45190]);
  });
});

describe("fills", () => {
  const fills =
    '<fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>' +
    '<fill><patternFill patternType="solid"><fgColor indexed="10"/></patternFill></fill>' +
    '<fill><patternFill patternType="solid"><fgColor theme="0" tint="-0.0499893185216834"/></patternFill></fill>' +
    '<fill><patternFill patternType="solid"><fgColor theme="9" tint="0.5"/></patternFill></fill>' +
    '<fill><patternFill patternType="darkGrid"><fgColor rgb="FF00FF00"/></patternFill></fill></fills>';
  const xfs = '<cellXfs count="7"><xf/><xf fillId="2"/><xf fillId="3"/><xf fillId="4"/><xf fillId="5"/><xf fillId="6"/><xf fillId="1"/></cellXfs>';

  it("solid fills by ARGB, indexed and theme colour with tint; a styled empty cell is listed for its fill alone; patterns and no fill are not", async () => {
    const snap = await read({
      styles: fills + xfs,
      theme: OFFICE_THEME,
      sheets: [{ name: "S", xml: '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"/><c r="C1" s="3"/><c r="D1" s="4"/><c r="E1" s="5"/><c r="F1" s="6"/><c r="G1"/><c r="H1" s="0"><v>2</v></c></row>' }],
    });
    expect(snap.sheets[0].cells).toEqual([
      { row: 1, col: 1, value: 1, fill: "FFC7CE" },
      { row: 1, col: 2, value: null, fill: "FF0000" },
      // Excel's "White, Background 1, Darker 5%": lightness 255 × 0.95 = 242.25.
      { row: 1, col: 3, value: null, fill: "F2F2F2" },
      // accent6 70AD47 lightened by half: HLS (95.9°, 0.478, 0.418), lightness to 0.478 × 0.5 + 0.5 = 0.739.
      { row: 1, col: 4, value: null, fill: "B7D8A1" },
      { row: 1, col: 8, value: 2 },
    ]);
    expect(snap.sheets[0].usedRange).toEqual({ rows: 1, cols: 8 });
  });

  it("a workbook's own indexed palette replaces the default one", async () => {
    const snap = await read({
      styles: '<fills count="3"><fill/><fill/><fill><patternFill patternType="solid"><fgColor indexed="2"/></patternFill></fill></fills><cellXfs><xf/><xf fillId="2"/></cellXfs>' +
        '<colors><indexedColors><rgbColor rgb="FF000000"/><rgbColor rgb="FFFFFFFF"/><rgbColor rgb="FF123456"/></indexedColors></colors>',
      sheets: [{ name: "S", xml: '<row r="1"><c r="A1" s="1"/></row>' }],
    });
    expect(snap.sheets[0].cells).toEqual([{ row: 1, col: 1, value: null, fill: "123456" }]);
  });

  it("tints follow ECMA-376's HLS formula: black lightened by half, white darkened by a quarter", () => {
    expect(applyTint("000000", 0.5)).toBe("808080");
    expect(applyTint("FFFFFF", -0.25)).toBe("BFBFBF");
    expect(applyTint("FFFFFF", 0)).toBe("FFFFFF");
    expect(applyTint("808080", -1)).toBe("000000");
    expect(applyTint("808080", 1)).toBe("FFFFFF");
  });
});

describe("merges and protection", () => {
  it("merges in order, corners put right; the cells a merge covers are left out; the used range spans them", async () => {
    const snap = await read({
      sheets: [
        {
          name: "S",
          xml: `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c></row></sheetData><sheetProtection sheet="1"/><mergeCells count="3"><mergeCell ref="B2:A1"/><mergeCell ref="F6:G9"/><mergeCell ref="nonsense"/></mergeCells></worksheet>`,
        },
      ],
    });
    const sheet = snap.sheets[0];
    expect(sheet.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 6, left: 6, bottom: 9, right: 7 },
    ]);
    expect(values(snap)).toEqual([
      [1, 1, 1],
      [4, 3, 3],
    ]);
    expect(sheet.usedRange).toEqual({ rows: 9, cols: 7 });
    expect(sheet.protected).toBe(true);
  });
});

describe("failures are one line naming the file and the part", () => {
  it("a sheet that is not well-formed XML", async () => {
    expect(await failure({ sheets: [{ name: "S", xml: '<row r="1"><c r="A1"><v>1</v></row>' }] })).toBe(
      "t.xlsx is damaged and cannot be read (its part xl/worksheets/sheet1.xml is not well-formed XML). If it opens in Excel, save it again as an Excel Workbook (.xlsx) and try again.",
    );
  });

  it("an undefined entity (as in an entity-expansion bomb's shared strings)", async () => {
    const msg = await failure({ sharedStrings: "<si><t>&lol9;</t></si>", sheets: [{ name: "S", xml: "" }] });
    expect(msg).toMatch(/^t\.xlsx is damaged and cannot be read \(its part xl\/sharedStrings\.xml is not well-formed XML\)/);
  });

  it("a run of 20 million characters without markup stops at the token bound, not in an out-of-memory crash", async () => {
    // Stored, not deflated, so the packing ratio (checked first for deflated parts) does not stop it.
    const xml = new TextEncoder().encode(sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(20_000_000)}</t></is></c></row>`));
    const msg = await failure({ sheets: [{ name: "S", xml: "" }], extra: { "xl/worksheets/sheet1.xml": [xml, { level: 0 }] } });
    expect(msg).toBe(
      "t.xlsx is damaged and cannot be read (its part xl/worksheets/sheet1.xml holds a run of more than 16 million characters without markup). If it opens in Excel, save it again as an Excel Workbook (.xlsx) and try again.",
    );
  });
});

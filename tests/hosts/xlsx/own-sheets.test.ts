/**
 * own-sheets.ts, which tells `build` which sheets of an existing output are ours without
 * reading them into a snapshot, is held to the engine's own rule: the whole workbook read
 * (loadWorkbook) and each sheet recognised (recogniseSheet), summary and settings kept,
 * every other kind a source. On every workbook in the repository, on our own outputs of
 * them, and on random workbooks with markers (valid, padded, unknown, inside other text,
 * split across rich-text runs) anywhere on random sheets.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { analyse } from "../../../src/core/engine";
import { SheetGrid } from "../../../src/core/grid";
import { recogniseSheet } from "../../../src/core/recognise";
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings";
import { planSummaries } from "../../../src/core/summary/plan";
import { MARKER_PREFIX, SUMMARY_IDS } from "../../../src/core/summary/sheet-model";
import { openWorkbook } from "../../../src/hosts/xlsx/open";
import { earlierSheets, ownSheets, withCarriedKinds } from "../../../src/hosts/xlsx/own-sheets";
import { openPackage, type WorkbookPackage } from "../../../src/hosts/xlsx/package";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { buildSummaryBytes } from "../../../src/hosts/xlsx/write";
import { toBytes } from "../../fixtures/make-xlsx";
import { BOARD_PACK, ROOT, SAVINGS_REGISTER } from "../../helpers/workbooks";

const NOW = new Date("2023-09-21T12:00:00Z");

/** The plain rule: the whole workbook read and every sheet recognised by the engine. */
async function byTheEngine(bytes: Uint8Array): Promise<{ name: string; kind: string }[]> {
  const { snapshot } = await loadWorkbook(bytes, "w.xlsx");
  return snapshot.sheets.map((s) => {
    const { kind } = recogniseSheet(new SheetGrid(s));
    return { name: s.name, kind: kind === "summary" || kind === "settings" ? kind : "source" };
  });
}

async function fast(bytes: Uint8Array): Promise<{ name: string; kind: string }[]> {
  return ownSheets(await openPackage(bytes, { fileName: "w.xlsx" }));
}

function workbooksIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return workbooksIn(p);
    return /\.(xlsx|xlsm)$/i.test(e.name) ? [p] : [];
  });
}

describe("the sheets that are ours, found without reading them whole", () => {
  const files = [...workbooksIn(path.join(ROOT, "examples")), ...workbooksIn(path.join(ROOT, "tests", "fixtures"))];

  it("agree with the engine on every workbook in the repository, and on our outputs of them", async () => {
    let compared = 0;
    let outputs = 0;
    for (const file of files) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      let want: { name: string; kind: string }[];
      try {
        want = await byTheEngine(bytes);
      } catch {
        continue; // not a readable workbook: the command line treats it as no output of ours either way
      }
      expect({ file, sheets: await fast(bytes) }).toEqual({ file, sheets: want });
      compared++;
      let built: Uint8Array;
      try {
        const opened = await openWorkbook(bytes, path.basename(file));
        built = (await buildSummaryBytes(opened, planSummaries(analyse(opened.snapshot, { now: NOW }), NOW), NOW)).bytes;
      } catch {
        continue; // a workbook the writer refuses (e.g. a sheet named like ours without the marker)
      }
      const wantBuilt = await byTheEngine(built);
      expect(wantBuilt.some((s) => s.kind === "summary")).toBe(true);
      expect({ file, sheets: await fast(built) }).toEqual({ file, sheets: wantBuilt });
      outputs++;
    }
    // Most of the repository's workbooks are readable, and most can be built.
    expect(compared).toBeGreaterThan(files.length / 2);
    expect(outputs).toBeGreaterThan(compared / 2);
  }, 300_000);

  it("find the marker however far down a summary it has been moved, and only a valid one", async () => {
    const wb = new ExcelJS.Workbook();
    const moved = wb.addWorksheet("Recovery Summary");
    moved.getCell(5000, 12).value = `${MARKER_PREFIX}recovery-summary`;
    const unknown = wb.addWorksheet("Data Checks");
    unknown.getCell(1, 12).value = `${MARKER_PREFIX}something-else`;
    const settings = wb.addWorksheet(SETTINGS_SHEET_NAME);
    settings.getCell(1, 1).value = "{}";
    const bytes = await toBytes(wb);
    expect(await fast(bytes)).toEqual([
      { name: "Recovery Summary", kind: "summary" },
      { name: "Data Checks", kind: "source" },
      { name: SETTINGS_SHEET_NAME, kind: "settings" },
    ]);
    expect(await fast(bytes)).toEqual(await byTheEngine(bytes));
  });
});

type Content = { kind: "text"; v: string } | { kind: "rich"; v: readonly string[] } | { kind: "number"; v: number } | { kind: "formula"; v: string };

const marker = fc.constantFrom(...SUMMARY_IDS).map((id) => MARKER_PREFIX + id);
const markerLike = fc.oneof(
  marker,
  marker.map((m) => `  ${m} `),
  marker.map((m) => `note: ${m}`),
  fc.constantFrom(`${MARKER_PREFIX}unknown`, MARKER_PREFIX, "board-summary:generated", `${MARKER_PREFIX} recovery-summary`),
);
const content: fc.Arbitrary<Content> = fc.oneof(
  fc.string({ maxLength: 12 }).map((v) => ({ kind: "text", v }) as const),
  markerLike.map((v) => ({ kind: "text", v }) as const),
  // Split where a run may end: the reader joins the runs, and so must the search.
  fc.tuple(markerLike, fc.nat()).map(([m, at]) => ({ kind: "rich", v: [m.slice(0, at % (m.length + 1)), m.slice(at % (m.length + 1))] }) as const),
  fc.integer().map((v) => ({ kind: "number", v }) as const),
  // A formula's cached text (t="str"), not a shared string.
  markerLike.map((v) => ({ kind: "formula", v }) as const),
);
const cell = fc.record({ row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 14 }), content });
const sheet = fc.record({
  name: fc.constantFrom("Recovery Summary", "Data Checks", "Savings Register", SETTINGS_SHEET_NAME, "Notes"),
  cells: fc.uniqueArray(cell, { selector: (c) => `${c.row},${c.col}`, maxLength: 12 }),
});

it("agree with the engine on random workbooks with markers anywhere", async () => {
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(sheet, { selector: (s) => s.name, minLength: 1, maxLength: 4 }), async (sheets) => {
      const wb = new ExcelJS.Workbook();
      for (const s of sheets) {
        const ws = wb.addWorksheet(s.name);
        for (const c of s.cells) {
          const x = c.content;
          ws.getCell(c.row, c.col).value =
            x.kind === "rich" ? { richText: x.v.map((text) => ({ text })) } : x.kind === "formula" ? ({ formula: '"x"&"y"', result: x.v } as ExcelJS.CellFormulaValue) : x.v;
        }
      }
      const bytes = await toBytes(wb);
      expect(await fast(bytes)).toEqual(await byTheEngine(bytes));
    }),
    { numRuns: 150 },
  );
}, 120_000);

/**
 * A rebuild's earlier output holds the input's sheets byte for byte (build is by addition):
 * ownSheets takes the input's answer for a sheet whose stored part and shared strings are
 * the input's, without inflating it. Anything else is read as before.
 */
/** The worksheet parts `pkg` inflates from now on, each time it inflates one, in order. */
function inflations(pkg: WorkbookPackage): string[] {
  const inflated: string[] = [];
  const stream = pkg.stream.bind(pkg);
  pkg.stream = (part, onChunk, limit) => {
    if (part.includes("worksheets/")) inflated.push(part);
    return stream(part, onChunk, limit);
  };
  return inflated;
}

describe("an earlier output's sheets carried over from the input", () => {
  /** The pack built once (summaries and sources), each part deflated again by JSZip: the same part, re-zipped, has the same stored bytes. */
  let built: Uint8Array;
  beforeAll(async () => {
    const opened = await openWorkbook(new Uint8Array(fs.readFileSync(BOARD_PACK)), "pack.xlsx");
    built = (await buildSummaryBytes(opened, planSummaries(analyse(opened.snapshot, { now: NOW }), NOW), NOW)).bytes;
  });

  async function rezip(bytes: Uint8Array, change: (zip: JSZip) => Promise<void> = async () => undefined): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(bytes);
    await change(zip);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  /** ownSheets of `output` given the input it was carried from, with the worksheet parts it inflated (a summary once: scanned, then its text read to its marker). */
  async function carried(input: Uint8Array, output: Uint8Array): Promise<{ sheets: { name: string; kind: string }[]; inflated: string[] }> {
    const opened = await openWorkbook(input, "in.xlsx");
    const from = { pkg: opened.pkg, sheets: analyse(opened.snapshot, { now: NOW }).sheets };
    const pkg = await openPackage(output, { fileName: "out.xlsx" });
    const inflated = inflations(pkg);
    const sheets = await ownSheets(pkg, from);
    // `build`'s two steps (cli/main.ts): the earlier output's sheets found from the input's
    // package alone, before the input is read, then the carried ones given the analysis's
    // kinds: the same answer, from the same parts read.
    const unread = await openPackage(input, { fileName: "in.xlsx" });
    const earlier = await openPackage(output, { fileName: "out.xlsx" });
    const inflatedFirst = inflations(earlier);
    const inputInflated = inflations(unread);
    const found = await earlierSheets(earlier, unread);
    expect(withCarriedKinds(found, from.sheets)).toEqual(sheets);
    expect(inflatedFirst).toEqual(inflated);
    expect(inputInflated).toEqual([]);
    return { sheets, inflated };
  }

  const editPart = (part: string, edit: (xml: string) => string) => async (zip: JSZip) => {
    zip.file(part, edit(await zip.file(part)!.async("string")));
  };
  const MARKER = `${MARKER_PREFIX}${SUMMARY_IDS[0]}`;
  const summaries = (sheets: { name: string; kind: string }[]) => sheets.filter((s) => s.kind === "summary").map((s) => s.name);

  it("a rebuild over an unchanged earlier output: the engine's answer, and no worksheet inflated", async () => {
    const input = await rezip(built);
    const output = await rezip(built);
    const { sheets, inflated } = await carried(input, output);
    expect(sheets).toEqual(await byTheEngine(output));
    expect(summaries(sheets).length).toBeGreaterThan(0);
    expect(inflated).toEqual([]);
  });

  it("the writer's own output of a workbook: its source sheets are not inflated, its new summaries are read", async () => {
    const input = new Uint8Array(fs.readFileSync(BOARD_PACK));
    const { sheets, inflated } = await carried(input, built);
    expect(sheets).toEqual(await byTheEngine(built));
    // Only the summaries (not in the input) are read; the pack's nine sheets are taken as they were.
    expect(new Set(inflated).size).toBe(summaries(sheets).length);
    // Each once: the scan's text is what is read to the marker, not the part inflated again.
    expect(inflated.length).toBe(summaries(sheets).length);
  });

  it("a marker added to a carried-over source sheet: that sheet is read, and is ours", async () => {
    const input = await rezip(built);
    const output = await rezip(built, editPart("xl/worksheets/sheet2.xml", (xml) => xml.replace(/<sheetData>/, `<sheetData><row r="1000"><c r="Z1000" t="inlineStr"><is><t>${MARKER}</t></is></c></row>`)));
    const { sheets, inflated } = await carried(input, output);
    expect(sheets).toEqual(await byTheEngine(output));
    expect(sheets.find((s) => s.name === "AFB-01 Reablement")?.kind).toBe("summary");
    expect(inflated).toContain("xl/worksheets/sheet2.xml");
  });

  it("a sheet of the same name with other bytes (names swapped between a summary and a source) is read", async () => {
    const input = await rezip(built);
    const swap = (xml: string) => xml.replace('name="FRA-01 Planning"', 'name="@@"').replace(/name="Recovery Summary"/, 'name="FRA-01 Planning"').replace('name="@@"', 'name="Recovery Summary"');
    const output = await rezip(built, editPart("xl/workbook.xml", swap));
    const { sheets } = await carried(input, output);
    expect(sheets).toEqual(await byTheEngine(output));
    expect(sheets.find((s) => s.name === "FRA-01 Planning")?.kind).toBe("summary");
    expect(sheets.find((s) => s.name === "Recovery Summary")?.kind).toBe("source");
  });

  it("shared strings changed under an unchanged sheet: the sheet is read, and the marker it now shows makes it ours", async () => {
    const input = await rezip(built);
    // FRA-01 Planning's A1 is shared string 0.
    const output = await rezip(built, editPart("xl/sharedStrings.xml", (xml) => xml.replace(/<si>.*?<\/si>/, `<si><t>${MARKER}</t></si>`)));
    const { sheets, inflated } = await carried(input, output);
    expect(sheets).toEqual(await byTheEngine(output));
    expect(sheets.find((s) => s.name === "FRA-01 Planning")?.kind).toBe("summary");
    expect(inflated).toContain("xl/worksheets/sheet1.xml");
  });

  it("a crafted sheet whose marker a merge covers: carried over, it is judged as `check` reads it (docs/decisions.md)", async () => {
    const covered = (xml: string) =>
      xml
        .replace(/(<c r="A1"[^>]*>.*?<\/c>)/, `$1<c r="B1" t="inlineStr"><is><t>${MARKER}</t></is></c>`)
        .replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
    // The Notes sheet, with a marker in B1 that the merge A1:B1 covers (Excel never writes one).
    const input = await rezip(built, editPart("xl/worksheets/sheet8.xml", covered));
    const output = await rezip(input);
    const { sheets, inflated } = await carried(input, output);
    expect(sheets).toEqual(await byTheEngine(output));
    expect(sheets.find((s) => s.name === "Notes")?.kind).toBe("source");
    expect(inflated).toEqual([]);
    // Read, the part holds the marker: the sheet is ours.
    expect((await fast(output)).find((s) => s.name === "Notes")?.kind).toBe("summary");
  });

  it("before the analysis, a carried sheet is left for it; an answer it does not hold once is asked again (null)", async () => {
    const input = await rezip(built);
    const output = await rezip(built);
    const opened = await openWorkbook(input, "in.xlsx");
    const analysed = analyse(opened.snapshot, { now: NOW }).sheets;
    const found = await earlierSheets(await openPackage(output, { fileName: "out.xlsx" }), await openPackage(input, { fileName: "in.xlsx" }));
    expect(found.map((s) => s.name)).toEqual(analysed.map((s) => s.name));
    expect(found.every((s) => s.kind === "carried")).toBe(true);
    expect(withCarriedKinds(found, analysed)).toEqual(await byTheEngine(output));
    // A name missing from the analysis, or held twice: no answer to carry, so none is given.
    expect(withCarriedKinds(found, analysed.slice(1))).toBeNull();
    expect(withCarriedKinds(found, [...analysed, analysed[0]!])).toBeNull();
    // A sheet read (not carried) keeps its own answer whatever the analysis says.
    expect(withCarriedKinds([{ name: "X", kind: "summary" }], [])).toEqual([{ name: "X", kind: "summary" }]);
  });

  it("another workbook's output is read whole, as before", async () => {
    const other = new Uint8Array(fs.readFileSync(SAVINGS_REGISTER));
    const { sheets, inflated } = await carried(other, built);
    expect(sheets).toEqual(await byTheEngine(built));
    expect(new Set(inflated).size).toBe(sheets.length);
  });
});

/**
 * A part the scan finds may hold the marker is read from the text the scan kept, not inflated
 * again; past KEEP_SCANNED_CHARS (8M) of text the scan lets it go and the part is read a
 * second time. The default inflater (fflate) hands a part over in many pieces, as node's does
 * a part past 8 MB.
 */
describe("a summary whose marker comes after many rows", () => {
  /** A summary sheet of `rows` rows of numbers (which cannot hold the marker), then the marker as an inline string. */
  async function summaryAfter(rows: number): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Recovery Summary").getCell(1, 1).value = 1;
    wb.addWorksheet("Notes").getCell(1, 1).value = "notes";
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const part = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(part)!.async("string");
    const body: string[] = [];
    for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r * 7}</v></c></row>`);
    body.push(`<row r="${rows + 1}"><c r="L${rows + 1}" t="inlineStr"><is><t>${MARKER_PREFIX}${SUMMARY_IDS[0]}</t></is></c></row>`);
    const edited = xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${body.join("")}</sheetData>`);
    expect(edited).not.toBe(xml);
    zip.file(part, edited);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  async function streamsOf(bytes: Uint8Array): Promise<{ sheets: { name: string; kind: string }[]; inflated: string[] }> {
    const pkg = await openPackage(bytes, { fileName: "w.xlsx" });
    const inflated = inflations(pkg);
    return { sheets: await ownSheets(pkg), inflated };
  }

  it("a marker after a megabyte of rows: found in the text the scan kept, the part inflated once", async () => {
    const bytes = await summaryAfter(20_000);
    const { sheets, inflated } = await streamsOf(bytes);
    expect(sheets).toEqual([
      { name: "Recovery Summary", kind: "summary" },
      { name: "Notes", kind: "source" },
    ]);
    expect(sheets).toEqual(await byTheEngine(bytes));
    expect(inflated).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  }, 60_000);

  it("a marker after more text than the scan keeps: the part is read again from its start, and found", async () => {
    const bytes = await summaryAfter(160_000);
    const { sheets, inflated } = await streamsOf(bytes);
    expect(sheets).toEqual([
      { name: "Recovery Summary", kind: "summary" },
      { name: "Notes", kind: "source" },
    ]);
    expect(inflated).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  }, 120_000);
});

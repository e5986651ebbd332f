// Issue 5: the Office.js host's sync count must not grow with the workbook, and no request
// may come near Excel on the web's 5 MB limit. Driven by the benchmark's own packs
// (bench/generate.ts), small and large, through the faithful fake Excel.
import { buildPack, type PackSpec } from "../../../bench/generate";
import { analyse, summarise } from "../../../src/core/engine";
import { a1 } from "../../../src/core/grid";
import { ExcelHost } from "../../../src/hosts/excel";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { FakeExcel, type CellInit } from "../../fakes/excel/fake-excel";

const NOW = new Date("2023-09-21T12:00:00Z");
const MB = 1024 * 1024;

interface Measured {
  check: number;
  build: number;
  largestRequest: number;
  largestResponse: number;
  fake: FakeExcel;
  written: string[];
}

/** A pack as the add-in would find it: generated, saved, read back, put into a fake Excel. */
async function measure(spec: PackSpec): Promise<Measured> {
  const { workbook } = buildPack(spec);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const { snapshot } = await loadWorkbook(bytes, "pack.xlsx");
  const fake = new FakeExcel({ apiVersion: "1.13" });
  for (const s of snapshot.sheets) {
    const cells: Record<string, CellInit> = {};
    for (const c of s.cells)
      cells[a1(c.row, c.col)] = { value: c.value, ...(c.format ? { numberFormat: c.format } : {}), ...(c.error ? { error: c.error } : {}) };
    fake.addSheet(s.name, cells, { merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) });
  }
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "SCALE" });
  const read = await host.readSnapshot();
  const check = fake.syncs.length;
  const result = await host.writeSummaries(summarise(analyse(read, { now: NOW }), NOW));
  return {
    check,
    build: fake.syncs.length,
    largestRequest: Math.max(...fake.syncs.map((s) => s.requestBytes)),
    largestResponse: Math.max(...fake.syncs.map((s) => s.responseBytes)),
    fake,
    written: result.written.map((w) => w.name),
  };
}

describe("Office.js syncs do not grow with the workbook", () => {
  it("10 forms and 1,000 forms: the same syncs to check and to build, every request under 4 MB", async () => {
    const small = await measure({ forms: 10, directionRows: 0, registerItems: 0 });
    const large = await measure({ forms: 1000, directionRows: 0, registerItems: 0 });
    expect(large.check).toBe(small.check);
    expect(large.build).toBe(small.build);
    // To check: list the sheets, read their windows, read the templates in full with their
    // merged areas. To build: inspect, write, show.
    expect(small.check).toBe(3);
    expect(small.build).toBe(6);
    expect(large.largestRequest).toBeLessThan(4 * MB);
    expect(large.largestResponse).toBeLessThan(5 * MB);
    // The build really wrote the large summary: a link on its last form's row goes to that form.
    expect(large.written).toContain("Recovery Summary");
    const summary = large.fake.sheet("Recovery Summary")!;
    const links = [...summary.cells.values()].filter((c) => c.hyperlink?.documentReference !== undefined);
    expect(links.length).toBeGreaterThanOrEqual(1000);
    expect(links.some((c) => c.hyperlink?.documentReference === "'RA-1000'!C5")).toBe(true);
  });

  it("100 and 5,000 direction rows: the same syncs, every request under 4 MB", async () => {
    const small = await measure({ forms: 0, directionRows: 100, registerItems: 0 });
    const large = await measure({ forms: 0, directionRows: 5000, registerItems: 0 });
    expect([large.check, large.build]).toEqual([small.check, small.build]);
    expect(large.largestRequest).toBeLessThan(4 * MB);
    expect(large.written).toContain("Directions Summary");
  });

  it("a 10,000-item register checks in the same syncs as 10 forms and builds in at most two more, under 4 MB a request", async () => {
    const small = await measure({ forms: 10, directionRows: 0, registerItems: 0 });
    const large = await measure({ forms: 0, directionRows: 0, registerItems: 10_000 });
    expect(large.check).toBe(small.check);
    // Each link is an operation of its own (Range.hyperlink), and so is each printed page's
    // manual break (HorizontalPageBreaks.add): 10,000 links and some 1,900 pages fill about
    // two 4 MB requests more. The syncs grow with the bytes to send, not with the sheets.
    expect(large.build - large.check).toBeLessThanOrEqual(small.build - small.check + 2);
    expect(large.largestRequest).toBeLessThan(4 * MB);
  });
});

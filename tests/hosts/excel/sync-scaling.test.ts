// Issue 5: the Office.js host's sync count must not grow with the workbook, and no request
// may come near Excel on the web's 5 MB limit. Driven by the benchmark's own packs
// (bench/generate.ts), small and large, through the faithful fake Excel.
import { buildPack, type PackSpec } from "../../../bench/generate";
import { analyse, summarise } from "../../../src/core/engine";
import { a1 } from "../../../src/core/grid";
import type { SummaryPlan } from "../../../src/core/summary/sheet-model";
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

/**
 * A pack as the add-in would find it: generated, saved, read back, put into a fake Excel.
 * `payloadBudget` and `payloadLimit` scale the request budget and Excel's limit down
 * together; `edit` changes the summaries before they are written.
 */
async function measure(
  spec: PackSpec,
  options: { payloadBudget?: number; payloadLimit?: number; edit?: (plan: SummaryPlan) => void } = {},
): Promise<Measured> {
  const { workbook } = buildPack(spec);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const { snapshot } = await loadWorkbook(bytes, "pack.xlsx");
  const fake = new FakeExcel({ apiVersion: "1.13", ...(options.payloadLimit ? { payloadLimit: options.payloadLimit } : {}) });
  for (const s of snapshot.sheets) {
    const cells: Record<string, CellInit> = {};
    for (const c of s.cells)
      cells[a1(c.row, c.col)] = { value: c.value, ...(c.format ? { numberFormat: c.format } : {}), ...(c.error ? { error: c.error } : {}) };
    fake.addSheet(s.name, cells, { merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) });
  }
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "SCALE", payloadBudget: options.payloadBudget });
  const read = await host.readSnapshot();
  const check = fake.syncs.length;
  const plan = summarise(analyse(read, { now: NOW }), NOW);
  options.edit?.(plan);
  const result = await host.writeSummaries(plan);
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

  // The benchmark's shapes (bench/results.md): every one checks in 3 syncs and builds in 3
  // more. What a summary holds by size (links, rows, printed pages and their manual breaks,
  // sections, fonts) is queued into the same requests.
  it("a 10,000-item register and 1,000 forms with 5,000 direction rows: the same syncs as 10 forms, under 4 MB a request", async () => {
    const small = await measure({ forms: 10, directionRows: 0, registerItems: 0 });
    const register = await measure({ forms: 0, directionRows: 0, registerItems: 10_000 });
    const mixed = await measure({ forms: 1000, directionRows: 5000, registerItems: 0 });
    expect([small.check, small.build]).toEqual([3, 6]);
    expect([register.check, register.build]).toEqual([small.check, small.build]);
    expect([mixed.check, mixed.build]).toEqual([small.check, small.build]);
    for (const m of [register, mixed]) expect(m.largestRequest).toBeLessThan(4 * MB);
    // Every link written: the register's first and last items (rows 4 and 10,003) link to their rows.
    const summary = register.fake.sheet("Recovery Summary")!;
    const links = [...summary.cells.values()].filter((c) => c.hyperlink?.documentReference !== undefined);
    expect(links).toHaveLength(10_000);
    const targets = new Set(links.map((c) => c.hyperlink?.documentReference));
    expect([targets.has("'Savings Register'!C4"), targets.has("'Savings Register'!C10003")]).toEqual([true, true]);
    expect(mixed.written).toEqual(expect.arrayContaining(["Recovery Summary", "Directions Summary"]));
  });

  // 1,026: Excel's limit a sheet (the fake refuses the 1,027th, as Excel documents).
  it("1,026 manual page breaks on a small summary cost no sync more", async () => {
    const plain = await measure({ forms: 10, directionRows: 0, registerItems: 0 });
    const broken = await measure(
      { forms: 10, directionRows: 0, registerItems: 0 },
      { edit: (plan) => (plan.models[0].pageBreaks = Array.from({ length: 1026 }, (_, i) => 2 * i + 2)) },
    );
    expect(broken.build).toBe(plain.build);
    expect(broken.fake.sheet("Recovery Summary")!.pageBreaks).toHaveLength(1026);
  });

  it("where a build's content passes the budget, its requests are split by their bytes alone", async () => {
    // Budget and limit a quarter of Excel on the web's: the register's summary no longer
    // fits one request. Each request sent before the last is filled to at least half the
    // budget, so the syncs grow with the bytes to send and nothing else.
    const budget = MB;
    const m = await measure({ forms: 0, directionRows: 0, registerItems: 10_000 }, { payloadBudget: budget, payloadLimit: 1.25 * MB });
    const writes = m.fake.syncs.slice(m.check + 1, -1);
    expect(writes.length).toBeGreaterThan(1);
    for (const w of writes) expect(w.requestBytes).toBeLessThanOrEqual(budget);
    for (const w of writes.slice(0, -1)) expect(w.requestBytes).toBeGreaterThan(budget / 2);
    const total = writes.reduce((n, w) => n + w.requestBytes, 0);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / (budget / 2)));
  });
});

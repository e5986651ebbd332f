/**
 * The print test (board-pages.md, "How it is shown to hold"): the sample board pack, the
 * pack with errors (which holds action plans and a risk register too) and seed 004's
 * programme plan and risks are built, every summary sheet is printed to PDF by LibreOffice with
 * Carlito (Calibri's metrics), one PDF a sheet (scripts/print-summaries.ts), and each PDF is
 * read back with pdftotext and pdfinfo:
 *
 * - every page is A4 landscape;
 * - every word of every cell of the sheet is printed, as often as the sheet holds it
 *   (nothing clipped, no `###`), and no two words are drawn over each other (nothing overlaps);
 * - the first page holds the paragraph and the headline figures;
 * - no page holds only the repeated table header, or only the key;
 * - the banner is there exactly when the workbook has errors;
 * - coverage prints to one decimal place.
 *
 * Needs `soffice` (Debian: libreoffice-calc, with fonts-crosextra-carlito) and poppler-utils;
 * skipped, saying so, where they are absent.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { shownText } from "../../src/core/summary/cells";
import type { SheetModel } from "../../src/core/summary/sheet-model";
import { buildWorkbook, missingPrintTools, pageText, pageWords, pdfPages, printSheets, type BuiltWorkbook } from "../../scripts/print-summaries";
import { BOARD_PACK, BOARD_PACK_WITH_ERRORS, PROGRAMME_PLAN_AND_RISKS } from "../helpers/workbooks";
import { modelCells } from "../../src/core/summary/model-cells";

const missing = missingPrintTools();
if (missing.length) {
  // eslint-disable-next-line no-console
  console.warn(`Print test skipped: ${missing.join(", ")} not found (install libreoffice-calc, fonts-crosextra-carlito and poppler-utils).`);
}
const maybe = missing.length ? describe.skip : describe;

interface Printed {
  pack: string;
  model: SheetModel;
  built: BuiltWorkbook;
  pdf: string;
  pages: { width: number; height: number }[];
  /** Each page's words, header and footer lines left out. */
  body: string[][];
}

const words = (s: string) => s.split(/\s+/).filter((w) => w !== "");
/** Counts of each word. */
function tally(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

maybe("summary sheets printed by LibreOffice", () => {
  let dir: string;
  const printed: Printed[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-print-"));
    const packs: [string, string][] = [
      ["board-pack", BOARD_PACK],
      ["board-pack-with-errors", BOARD_PACK_WITH_ERRORS],
      // Seed 004: a schedule with no progress column, a register rated by one column (no heat map).
      ["programme-plan-and-risks", PROGRAMME_PLAN_AND_RISKS],
    ];
    const jobs: { pack: string; model: SheetModel; built: BuiltWorkbook; name: string }[] = [];
    for (const [pack, file] of packs) {
      const built = await buildWorkbook(file, { organisation: "Midlothian IJB" });
      for (const model of built.plan.models) jobs.push({ pack, model, built, name: `${pack}--${model.id}` });
    }
    const pdfs = await printSheets(
      jobs.map((j) => ({ workbook: j.built.bytes, sheet: j.model.name, name: j.name })),
      dir,
      "print-test",
    );
    jobs.forEach((j, i) => {
      const pdf = pdfs[i];
      const pages = pdfPages(pdf);
      const body = pages.map((_, p) => {
        const lines = pageText(pdf, p + 1).split("\n").filter((l) => l.trim() !== "");
        // The page header is the first line and the footer the last.
        return words(lines.slice(1, -1).join("\n"));
      });
      printed.push({ pack: j.pack, model: j.model, built: j.built, pdf, pages, body });
    });
  }, 300_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints every summary sheet of the three packs", () => {
    expect(printed.map((p) => `${p.pack}: ${p.model.name}`)).toEqual([
      "board-pack: Recovery Summary",
      "board-pack: Directions Summary",
      "board-pack: Data Checks",
      "board-pack-with-errors: Recovery Summary",
      "board-pack-with-errors: Directions Summary",
      "board-pack-with-errors: Action Plan Summary",
      "board-pack-with-errors: Risk Summary",
      "board-pack-with-errors: Data Checks",
      "programme-plan-and-risks: Action Plan Summary",
      "programme-plan-and-risks: Risk Summary",
      "programme-plan-and-risks: Data Checks",
    ]);
  });

  it("prints every page A4 landscape", () => {
    for (const p of printed) {
      expect(p.pages.length).toBeGreaterThan(1);
      for (const page of p.pages) {
        expect(page.width).toBeCloseTo(841.9, 0);
        expect(page.height).toBeCloseTo(595.3, 0);
      }
    }
  });

  it("prints every word of every cell, as often as the sheet holds it: nothing clipped, no ###", () => {
    for (const p of printed) {
      const onPaper = tally(p.body.flat());
      const inCells = tally(modelCells(p.model).flatMap((c) => words(shownText(c.content, c.format))));
      const lost: string[] = [];
      for (const [w, n] of inCells) {
        // LibreOffice may break a hyphenated word at its hyphen: its parts count.
        const parts = w.includes("-") ? w.split(/(?<=-)/) : [w];
        const have = Math.min(...parts.map((x) => (onPaper.get(x) ?? 0) + (parts.length > 1 ? (onPaper.get(w) ?? 0) : 0)));
        if (have < n) lost.push(`${w} (${n} in cells, ${have} printed)`);
      }
      expect({ sheet: `${p.pack}: ${p.model.name}`, lost }).toEqual({ sheet: `${p.pack}: ${p.model.name}`, lost: [] });
      expect(p.body.flat().some((w) => w.includes("###"))).toBe(false);
    }
  });

  it("draws no word over another: nothing overlaps", () => {
    for (const p of printed) {
      p.pages.forEach((_, i) => {
        const boxes = pageWords(p.pdf, i + 1);
        for (let a = 0; a < boxes.length; a++)
          for (let b = a + 1; b < boxes.length; b++) {
            const x = Math.min(boxes[a].xMax, boxes[b].xMax) - Math.max(boxes[a].xMin, boxes[b].xMin);
            const y = Math.min(boxes[a].yMax, boxes[b].yMax) - Math.max(boxes[a].yMin, boxes[b].yMin);
            // Boxes are the font's full height (ascent to descent): lines of different sizes
            // one above the other touch at their edges; a quarter of a line is an overlap.
            const h = Math.min(boxes[a].yMax - boxes[a].yMin, boxes[b].yMax - boxes[b].yMin);
            if (x > 1 && y > h / 4) throw new Error(`${p.pack}: ${p.model.name} page ${i + 1}: '${boxes[a].word}' overlaps '${boxes[b].word}'`);
          }
      });
    }
  });

  it("holds the paragraph and the headline figures on the first page", () => {
    for (const p of printed) {
      const first = tally(p.body[0]);
      const paragraph = modelCells(p.model).find((c) => c.content.kind === "text" && /\.\s/.test(c.content.text) && c.style?.wrap && c.row < 15 && !c.style.fill)!;
      const figures = modelCells(p.model).filter((c) => c.style?.size === 18 && c.content.kind !== "text" && c.row < 15);
      expect(figures.length).toBeGreaterThan(1);
      for (const c of [paragraph, ...figures])
        for (const [w, n] of tally(words(shownText(c.content, c.format)))) expect({ sheet: p.model.name, w, printed: (first.get(w) ?? 0) >= n }).toMatchObject({ printed: true });
    }
  });

  it("has no page of only repeated headers or only the key", () => {
    for (const p of printed) {
      const main = p.model.tables.at(-1)!;
      const headerWords = new Set(main.columns.flatMap(words));
      const keyRow = modelCells(p.model).find((c) => c.content.kind === "text" && c.content.text === "Key")?.row ?? Infinity;
      const keyWords = new Set(modelCells(p.model).filter((c) => c.row >= keyRow).flatMap((c) => words(shownText(c.content, c.format))));
      p.body.forEach((page, i) => {
        const other = page.filter((w) => !headerWords.has(w) && !keyWords.has(w));
        expect({ sheet: p.model.name, page: i + 1, more: other.length > 0 }).toMatchObject({ more: true });
      });
    }
  });

  it("opens every sheet with the banner exactly when the workbook has errors", () => {
    for (const p of printed) {
      const errors = p.built.analysis.findings.filter((f) => f.severity === "error").length;
      const firstPage = pageText(p.pdf, 1);
      if (errors > 0) expect(firstPage).toContain(`Not final: ${errors} errors in the source sheets. See Data Checks.`);
      else expect(firstPage).not.toContain("Not final");
    }
    expect(printed.filter((p) => p.pack === "board-pack-with-errors").length).toBe(5);
  });

  it("prints the risk heat map whole on one page, every cell's count and band word with it, and the exceptions first", () => {
    const risk = printed.find((p) => p.pack === "board-pack-with-errors" && p.model.id === "risk-summary")!;
    const page = risk.body.findIndex((words) => words.includes("Catastrophic"));
    expect(page).toBeGreaterThanOrEqual(0);
    const onPage = tally(risk.body[page]);
    // 25 cells: 2 hold a risk (Red), the rest 0; each band word printed in its cells and the legend.
    const grid = modelCells(risk.model).filter((c) => c.content.kind === "text" && /^\d+\n(Red|Amber|Green)$/.test(c.content.text));
    expect(grid).toHaveLength(25);
    for (const word of ["Red", "Amber", "Green"]) {
      const cells = grid.filter((c) => (c.content as { text: string }).text.endsWith(word)).length;
      expect(onPage.get(word) ?? 0).toBeGreaterThanOrEqual(cells + 1);
    }
    expect(onPage.get("0") ?? 0).toBeGreaterThanOrEqual(23);
    for (const w of ["Impact", "Likelihood", "Rare", "Negligible"]) expect(risk.body[page]).toContain(w);
    // The exceptions on the first page, before the heat map.
    expect(risk.body[0]).toEqual(expect.arrayContaining(["Exceptions:", "R2", "R1", "None", "recorded"]));
    const plan = printed.find((p) => p.pack === "board-pack-with-errors" && p.model.id === "action-plan-summary")!;
    const exceptionsPage = plan.body.findIndex((words) => words.includes("Exceptions:"));
    const sectionPage = plan.body.findIndex((words, i) => words.includes("section") && i >= exceptionsPage);
    expect(exceptionsPage).toBeLessThanOrEqual(sectionPage);
  });

  it("prints coverage to one decimal place, as the report gives it", () => {
    const recovery = printed.find((p) => p.pack === "board-pack" && p.model.id === "recovery-summary")!;
    const coverage = recovery.built.analysis.recovery.totals.coverage!;
    const shown = `${(Math.round(coverage * 1000) / 10).toFixed(1)}%`;
    expect(shown).toBe("87.4%");
    expect(recovery.body[0]).toContain(shown);
    expect(recovery.body.flat()).not.toContain("87%");
  });
});

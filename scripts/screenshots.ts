/**
 * `npm run screenshots`: page images of the first page of each summary sheet of the sample
 * board pack and the pack with errors, as LibreOffice prints them (with Carlito, Calibri's
 * metrics), at 60 dpi, into docs/screenshots/ for the README. Built at a fixed time with the
 * organisation set, so the images change only when the layout does.
 *
 *   npm run screenshots            first pages, 60 dpi, into docs/screenshots/
 *   npm run screenshots -- --all DIR   every page of every summary at 100 dpi into DIR, to look at
 *
 * Needs soffice (libreoffice-calc, fonts-crosextra-carlito) and poppler-utils.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildWorkbook, missingPrintTools, pageImage, pdfPages, printSheets, type PrintJob } from "./print-summaries";

const ROOT = path.join(__dirname, "..");
const PACKS: [string, string][] = [
  ["board-pack", path.join(ROOT, "examples", "board-pack.xlsx")],
  ["board-pack-with-errors", path.join(ROOT, "examples", "board-pack-with-errors.xlsx")],
];

async function main(): Promise<void> {
  const missing = missingPrintTools();
  if (missing.length) {
    console.error(`screenshots: ${missing.join(", ")} not found; install libreoffice-calc, fonts-crosextra-carlito and poppler-utils.`);
    process.exit(2);
  }
  const all = process.argv.includes("--all");
  const out = all ? path.resolve(process.argv[process.argv.indexOf("--all") + 1] ?? "page-images") : path.join(ROOT, "docs", "screenshots");
  fs.mkdirSync(out, { recursive: true });
  const jobs: PrintJob[] = [];
  for (const [pack, file] of PACKS) {
    const built = await buildWorkbook(file, { organisation: "Midlothian IJB" });
    for (const model of built.plan.models) jobs.push({ workbook: built.bytes, sheet: model.name, name: `${pack}--${model.id}` });
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-screenshots-"));
  try {
    const pdfs = await printSheets(jobs, work, "screenshots");
    pdfs.forEach((pdf, i) => {
      const name = jobs[i].name;
      const pages = all ? pdfPages(pdf).length : 1;
      for (let p = 1; p <= pages; p++) {
        const file = path.join(out, all ? `${name}-page-${p}.png` : `${name}.png`);
        pageImage(pdf, p, all ? 100 : 60, file);
        console.log(path.relative(process.cwd(), file));
      }
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`screenshots: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

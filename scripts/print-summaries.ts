/**
 * Prints summary sheets to PDF with LibreOffice, one PDF a sheet, as a board secretary
 * would print each paper: for the print test (tests/print/) and the page images
 * (scripts/screenshots.ts).
 *
 * LibreOffice converts a whole workbook at once, so each sheet is printed from a copy of
 * the built workbook in which every other sheet is hidden (hidden sheets do not print):
 * the copy's pages are exactly that sheet's pages, numbered as that paper's own. All the
 * copies go through one LibreOffice run, with a private profile.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import type { Analysis } from "../src/core/analysis";
import { analyse } from "../src/core/engine";
import type { Settings } from "../src/core/settings";
import type { SummaryPlan } from "../src/core/summary/sheet-model";
import { planSummaries } from "../src/core/summary/plan";
import { nodeInflater } from "../src/hosts/xlsx/node-inflate";
import { openWorkbook } from "../src/hosts/xlsx/open";
import { buildSummaryBytes } from "../src/hosts/xlsx/write";

export interface BuiltWorkbook {
  analysis: Analysis;
  plan: SummaryPlan;
  /** The workbook with its summaries, as the command line's build writes it. */
  bytes: Uint8Array;
}

/** Builds a workbook's summaries in this process, at a fixed time, so pages come out the same each run. */
export async function buildWorkbook(file: string, overrides: Partial<Settings> = {}, generatedAt = new Date("2023-09-21T09:00:00Z")): Promise<BuiltWorkbook> {
  const opened = await openWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file), { inflater: nodeInflater });
  const analysis = analyse(opened.snapshot, { overrides, now: generatedAt });
  const plan = planSummaries(analysis, generatedAt);
  const { bytes } = await buildSummaryBytes(opened, plan, generatedAt);
  return { analysis, plan, bytes };
}

/** Tools the printing needs, missing ones named (Debian: libreoffice-calc, poppler-utils). */
export function missingPrintTools(): string[] {
  return ["soffice", "pdfinfo", "pdftotext", "pdftoppm"].filter((t) => {
    try {
      execFileSync("which", [t], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * A copy of the workbook in which only `sheet` is visible, moved to the front: LibreOffice
 * prints the first sheet even when it is hidden, so the one to print goes first (its
 * print titles follow it; nothing else refers to sheets by position).
 */
export async function onlySheetVisible(bytes: Uint8Array, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error("not a workbook: xl/workbook.xml is missing");
  let xml = await part.async("string");
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const sheetsEl = /<sheets>([\s\S]*?)<\/sheets>/.exec(xml);
  if (!sheetsEl) throw new Error("not a workbook: it lists no sheets");
  const tags = sheetsEl[1].match(/<sheet\b[^>]*\/>/g) ?? [];
  const index = tags.findIndex((tag) => unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "") === sheet);
  if (index < 0) throw new Error(`the workbook has no sheet '${sheet}'`);
  const order = [index, ...tags.map((_, i) => i).filter((i) => i !== index)];
  const shown = order.map((i) => {
    const bare = tags[i].replace(/\s+state="[^"]*"/, "");
    return i === index ? bare : bare.replace(/\/>$/, ' state="hidden"/>');
  });
  xml = xml.replace(sheetsEl[0], `<sheets>${shown.join("")}</sheets>`);
  // Names scoped to a sheet name it by position: follow the move.
  xml = xml.replace(/localSheetId="(\d+)"/g, (_m, id: string) => `localSheetId="${order.indexOf(Number(id))}"`);
  xml = xml.replace(/<workbookView\b[^>]*?(\/?)>/, (tag, close: string) => {
    const bare = tag.replace(/\s+(activeTab|firstSheet)="[^"]*"/g, "").replace(/\s*\/?>$/, "");
    return `${bare} activeTab="0" firstSheet="0"${close ? "/" : ""}>`;
  });
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export interface PrintJob {
  /** The built workbook. */
  workbook: Uint8Array;
  sheet: string;
  /** Base name of the PDF written (no extension). */
  name: string;
}

/**
 * Prints each job's sheet to `<dir>/<name>.pdf` in one LibreOffice run; returns the PDFs' paths.
 */
export async function printSheets(jobs: PrintJob[], dir: string, profileName = "board-summary-print"): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const inputs: string[] = [];
  for (const job of jobs) {
    const file = path.join(dir, `${job.name}.xlsx`);
    fs.writeFileSync(file, await onlySheetVisible(job.workbook, job.sheet));
    inputs.push(file);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `lo-${profileName}-`));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, ...inputs], {
      stdio: "pipe",
      timeout: 240_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return jobs.map((job) => {
    const pdf = path.join(dir, `${job.name}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not print ${job.sheet} (${pdf} is missing)`);
    return pdf;
  });
}

/** The number of pages and each page's size in points. */
export function pdfPages(pdf: string): { width: number; height: number }[] {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? "0");
  const sizes = execFileSync("pdfinfo", ["-f", "1", "-l", String(pages), pdf], { encoding: "utf8" });
  return [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** One page's text as `pdftotext -layout` lays it out. */
export function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
}

/** Every word on a page with its box (points from the top left), from `pdftotext -bbox`. */
export function pageWords(pdf: string, page: number): { word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", pdf, "-"], { encoding: "utf8" });
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    word: unescape(m[5]),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** A page as a PNG at `dpi`, written to `file`. */
export function pageImage(pdf: string, page: number, dpi: number, file: string): void {
  const base = file.replace(/\.png$/, "");
  execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), "-png", "-singlefile", pdf, base]);
}

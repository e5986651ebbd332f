/**
 * How the pane gets a checked workbook: the engine port. Async, so the engine can run where
 * the workbook is held: in the pane for Excel (the default, `localEngine`), in the page's
 * worker for the browser page (protocol.ts), where only the Analysis crosses to the page.
 * Pure: no DOM, Office or exceljs, so the worker can use it too.
 */
import type { Analysis } from "../core/analysis";
import { analyse, summarise, type AnalyseOptions } from "../core/engine";
import type { Finding } from "../core/findings";
import { parseA1 } from "../core/grid";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { SummaryPlan } from "../core/summary/sheet-model";
import { displayText } from "../core/values";
import type { ProgressListener, WorkbookHost } from "../hosts/host";

/** What the cells named by findings show, by sheet then address ("" for a blank cell). */
export type CellTexts = Record<string, Record<string, string>>;

/** A checked workbook: plain data, so it can be posted from a worker. */
export interface Checked {
  analysis: Analysis;
  /** Shown beside each finding where there is no grid to go to (the page). */
  cells: CellTexts;
}

/** Progress while checking: the host's reading steps, then one call as the analysis starts. */
export interface CheckEvents {
  onProgress?: ProgressListener;
  onChecking?(): void;
}

/** The engine's entry points as the pane calls them. */
export interface EnginePort {
  /** Reads the workbook through `host` and analyses it. */
  check(host: WorkbookHost, options: AnalyseOptions, events?: CheckEvents): Promise<Checked>;
  summarise(analysis: Analysis, generatedAt: Date): Promise<SummaryPlan>;
}

/** Reads a snapshot and analyses it on this thread: the Excel task pane and tests. */
export const localEngine: EnginePort = {
  async check(host, options, events = {}) {
    const snapshot = await host.readSnapshot(events.onProgress);
    events.onChecking?.();
    return checkSnapshot(snapshot, options);
  },
  summarise(analysis, generatedAt) {
    return Promise.resolve(summarise(analysis, generatedAt));
  },
};

/** The engine over a snapshot already read, with the findings' cell texts. */
export function checkSnapshot(snapshot: WorkbookSnapshot, options: AnalyseOptions): Checked {
  const analysis = analyse(snapshot, options);
  return { analysis, cells: cellTextsFor(snapshot, analysis.findings) };
}

/**
 * What each finding's cell shows. Only the findings' cells, so a 160,000-cell workbook
 * sends a few hundred strings to the page rather than its whole snapshot.
 */
export function cellTextsFor(snapshot: WorkbookSnapshot, findings: readonly Finding[]): CellTexts {
  const out: CellTexts = {};
  const wanted = new Map<string, Set<string>>();
  for (const f of findings) {
    const set = wanted.get(f.sheet) ?? new Set<string>();
    set.add(f.cell);
    wanted.set(f.sheet, set);
  }
  for (const sheet of snapshot.sheets) {
    const cells = wanted.get(sheet.name);
    if (!cells) continue;
    const byPos = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c]));
    const texts: Record<string, string> = {};
    for (const address of cells) {
      let pos: { row: number; col: number };
      try {
        pos = parseA1(address);
      } catch {
        continue; // a finding about a whole sheet or range has no one cell to show
      }
      // A merged cell's content is held by the merge's top-left cell.
      const m = sheet.merges.find((g) => pos.row >= g.top && pos.row <= g.bottom && pos.col >= g.left && pos.col <= g.right);
      const target = m ? { row: m.top, col: m.left } : pos;
      const c = byPos.get(`${target.row}:${target.col}`);
      texts[address] = c ? displayText(c) : "";
    }
    out[sheet.name] = texts;
  }
  return out;
}

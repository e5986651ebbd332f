/**
 * Loading real .xlsx files for tests: the bundled samples and temporary files.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyse, type AnalyseOptions } from "../../src/core/engine";
import type { Analysis } from "../../src/core/analysis";
import type { Cell } from "../../src/core/snapshot";
import { loadWorkbook } from "../../src/hosts/xlsx/read";

export const ROOT = path.join(__dirname, "..", "..");
export const EXAMPLES = path.join(ROOT, "examples");
export const BOARD_PACK = path.join(EXAMPLES, "board-pack.xlsx");
export const BOARD_PACK_WITH_ERRORS = path.join(EXAMPLES, "board-pack-with-errors.xlsx");
export const SAVINGS_REGISTER = path.join(EXAMPLES, "savings-register.xlsx");
export const OD_ACTION_PLAN = path.join(EXAMPLES, "od-action-plan.xlsx");
export const PROGRAMME_PLAN_AND_RISKS = path.join(EXAMPLES, "programme-plan-and-risks.xlsx");

export async function analyseFile(file: string, options: AnalyseOptions = {}): Promise<Analysis> {
  const loaded = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  return analyse(loaded.snapshot, { now: new Date("2023-09-21T12:00:00Z"), ...options });
}

/**
 * Calls `visit` with every cell of every sample and real-world workbook the .xlsx host reads
 * (a file it refuses is passed over), for tests that hold a fast path to its rule; says how many.
 */
export async function forEverySampleCell(visit: (cell: Cell) => void): Promise<number> {
  const dirs = [EXAMPLES, path.join(ROOT, "tests", "fixtures", "real-world")];
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(d, f)));
  let cells = 0;
  for (const file of files) {
    let loaded;
    try {
      loaded = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
    } catch {
      continue;
    }
    for (const sheet of loaded.snapshot.sheets) {
      for (const c of sheet.cells) {
        cells++;
        visit(c);
      }
    }
  }
  return cells;
}

/**
 * True where the .xlsx host reads cells' fill colours into the snapshot (a stated RAG shown by
 * colour alone needs them): the file holds solid fills, so a host that reads them lists some.
 */
export async function hostReadsFills(file: string): Promise<boolean> {
  const loaded = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  return loaded.snapshot.sheets.some((s) => s.cells.some((c) => c.fill !== undefined));
}

/** A fresh temporary folder, removed by the caller with `fs.rmSync(dir, { recursive: true })`. */
export function tempDir(prefix = "board-summary-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

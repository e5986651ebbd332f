/**
 * The risk register (action-plans-and-risks.md §11; seed 004's register scored H/M/L with
 * mitigations, and NHS registers scoring likelihood × impact on the 5 × 5 matrix). This file
 * walks the rows: rows above the first header as an action plan's (title, section), header
 * repeats skipped, blank rows ignored, section headings, continuation rows (more mitigation,
 * or the risk's text running on) and risks (risk-row.ts).
 */
import { findingsOn, type Finding } from "../../findings";
import { a1, isBlank, type SheetGrid } from "../../grid";
import type { Risk, RiskRegisterSheet } from "../../risks/records";
import type { Cell } from "../../snapshot";
import { continuationText } from "../action-plan/continuation-row";
import { readRowsAbove } from "../action-plan/rows-above-header";
import { sectionHeading } from "../action-plan/section-heading";
import { own, textOf } from "../table-cells";
import { findRiskRegisterHeaders, type RiskRegisterHeader } from "./risk-register-header";
import { mitigationsIn, readRiskRow } from "./risk-row";

export { findRiskRegisterHeader } from "./risk-register-header";

function contentCells(grid: SheetGrid, row: number): Cell[] {
  return grid.cellsOfRow(row).filter((c) => !isBlank(c) && own(grid, row, c.col) === c);
}

/** The score column uses `Extreme` or `Moderate` anywhere: its level words name NPSA bands (§11, rule 4). */
function usesNpsaWords(grid: SheetGrid, headers: readonly RiskRegisterHeader[]): boolean {
  return headers.some((h) => {
    const col = h.scoreCol;
    if (col === null) return false;
    return grid.rows().some((r) => r > h.row && /^(extreme|moderate)\.?$/i.test(textOf(own(grid, r, col))));
  });
}

export interface RiskRegisterReading {
  register: RiskRegisterSheet | null;
  risks: Risk[];
  findings: Finding[];
}

/** Reads every risk on a risk-register sheet. */
export function readRiskRegister(grid: SheetGrid): RiskRegisterReading {
  const sheet = grid.name;
  const { findings, raise } = findingsOn(sheet);
  const risks: Risk[] = [];
  const headers = findRiskRegisterHeaders(grid);
  if (headers.length === 0) return { register: null, risks, findings };
  const first = headers[0];
  const headerRows = new Map(headers.map((h) => [h.row, h]));
  const ctx = { grid, raise, npsaWords: usesNpsaWords(grid, headers), firstRefs: new Map<string, string>() };

  const allRows = grid.rows();
  const above = readRowsAbove(grid, allRows.filter((r) => r < first.row), true);
  let section = above.section;
  let header = first;
  let current: Risk | null = null;

  for (const row of allRows) {
    if (row <= first.row) continue;
    const repeat = headerRows.get(row);
    if (repeat) {
      header = repeat;
      continue;
    }
    const cells = contentCells(grid, row);
    if (cells.length === 0) continue;
    const h = header;
    const ratingCols = [h.likelihoodCol, h.impactCol, h.scoreCol];
    const riskText = textOf(own(grid, row, h.riskCol));

    // Only mitigation text: the risk above has more mitigations.
    if (h.mitigationCol !== null && cells.every((c) => c.col === h.mitigationCol)) {
      current?.mitigations.push(...mitigationsIn(grid, row, h.mitigationCol));
      continue;
    }
    const more = continuationText(cells, [h.riskCol]);
    if (more !== null) {
      if (current) current.risk = `${current.risk} ${more}`;
      continue;
    }
    const heading = sectionHeading(cells, { firstCol: h.firstCol, itemCol: h.riskCol, never: ratingCols });
    if (heading !== null) {
      section = heading;
      current = null;
      continue;
    }
    if (riskText !== "") {
      current = readRiskRow({ ...ctx, header: h }, row, section);
      risks.push(current);
      continue;
    }
    // Ratings with no risk beside them: a risk whose description is missing.
    if (cells.some((c) => ratingCols.includes(c.col))) {
      raise("missing-field", a1(row, h.riskCol), { field: `The risk on row ${row}`, problem: "empty", expected: "a description of the risk" });
    }
  }

  return {
    register: { sheet, title: above.title ?? sheet, headerCell: a1(first.row, first.firstCol), risks: risks.length },
    risks,
    findings,
  };
}

/**
 * One risk (action-plans-and-risks.md §11, Rows): its ref, description, category and owner
 * (`missing-owner`), its ratings (rating-cell.ts, risk-scale.ts) and residual rating
 * (residual-rating.ts), its mitigations (the bullet points of the mitigation cell, as §5's
 * measures), its review date (§1 dates; `invalid-date`) and its status (`Closed` is closed).
 */
import type { RaiseFinding } from "../../findings";
import { a1, type SheetGrid } from "../../grid";
import type { Risk } from "../../risks/records";
import { cellError, parseDate } from "../../values";
import { itemName, leadingRef, rowRef } from "../action-plan/action-ref";
import { splitMeasures } from "../directions/measures";
import { cellAt } from "../labels";
import { own, textOf } from "../table-cells";
import { readRatingCell, type RatingColumn } from "./rating-cell";
import { checkResidual } from "./residual-rating";
import type { RiskRegisterHeader } from "./risk-register-header";
import { riskLevel, type PlacedRating } from "./risk-scale";

export interface RiskRowContext {
  grid: SheetGrid;
  header: RiskRegisterHeader;
  raise: RaiseFinding;
  /** The score column uses `Extreme` or `Moderate` somewhere on the sheet. */
  npsaWords: boolean;
  /** Refs met on this sheet (folded) → the cell of their first use. */
  firstRefs: Map<string, string>;
}

const fold = (t: string): string => t.replace(/\s+/g, " ").trim();

function placed(grid: SheetGrid, row: number, col: number | null, column: RatingColumn): PlacedRating | null {
  if (col === null) return null;
  const at = cellAt(grid, row, col);
  return { column, col, address: a1(row, col), reading: readRatingCell(at.cell, column) };
}

/** Reads the risk on a row (its risk cell holds text). */
export function readRiskRow(ctx: RiskRowContext, row: number, section: string | null): Risk {
  const { grid, header: h, raise, firstRefs } = ctx;
  const sheet = grid.name;
  const riskAddress = a1(row, h.riskCol);
  let text = fold(textOf(own(grid, row, h.riskCol)));

  let ref: string;
  let refCell: string | null;
  const refText = h.refCol === null ? "" : fold(textOf(own(grid, row, h.refCol)));
  const leading = leadingRef(text);
  if (refText && h.refCol !== null) {
    ref = refText;
    refCell = a1(row, h.refCol);
  } else if (leading) {
    ref = leading.ref;
    refCell = riskAddress;
    text = leading.rest;
  } else {
    ref = rowRef(sheet, row);
    refCell = null;
  }
  const name = itemName("risk", ref, refCell === null, row);
  if (refCell !== null) {
    const key = ref.toLowerCase();
    const first = firstRefs.get(key);
    if (first !== undefined) raise("duplicate-ref", refCell, { ref, first: { source: "risk", sheet, cell: first } });
    else firstRefs.set(key, refCell);
  }

  const textAt = (col: number | null): string => (col === null ? "" : fold(textOf(cellAt(grid, row, col).cell)));
  const owner = textAt(h.ownerCol);
  if (h.ownerCol !== null && owner === "") raise("missing-owner", a1(row, h.ownerCol), { risk: name });

  const rating = riskLevel(placed(grid, row, h.likelihoodCol, "likelihood"), placed(grid, row, h.impactCol, "impact"), placed(grid, row, h.scoreCol, "score"), {
    name,
    raise,
    npsaWords: ctx.npsaWords,
  });
  checkResidual(
    {
      likelihood: placed(grid, row, h.residualLikelihoodCol, "likelihood"),
      impact: placed(grid, row, h.residualImpactCol, "impact"),
      score: placed(grid, row, h.residualScoreCol, "score"),
    },
    rating,
    name,
    raise,
  );

  let reviewDate: string | null = null;
  let reviewCell: string | null = null;
  if (h.reviewCol !== null) {
    reviewCell = a1(row, h.reviewCol);
    const r = parseDate(cellAt(grid, row, h.reviewCol).cell);
    if (r.status === "ok") reviewDate = r.value;
    else if (r.status === "invalid") raise("invalid-date", reviewCell, { field: `The review date of ${name}`, reason: r.reason });
    else if (r.status === "error") raise("formula-error", reviewCell, { field: `The review date of ${name}`, error: r.error, expected: "a date" });
  }

  const statusText = textAt(h.statusCol);
  return {
    sheet,
    row,
    cell: riskAddress,
    ref,
    refCell,
    section,
    risk: text,
    category: textAt(h.categoryCol) || null,
    owner: owner || null,
    ...rating,
    mitigations: h.mitigationCol === null ? [] : mitigationsIn(grid, row, h.mitigationCol),
    mitigationCell: h.mitigationCol === null ? null : a1(row, h.mitigationCol),
    reviewDate,
    reviewCell,
    status: /^closed\.?$/i.test(statusText) ? "closed" : "open",
  };
}

/** The bullet points of a mitigation cell (none for a blank cell or an Excel error). */
export function mitigationsIn(grid: SheetGrid, row: number, col: number): string[] {
  const cell = own(grid, row, col);
  return cellError(cell) === null ? splitMeasures(textOf(cell)) : [];
}

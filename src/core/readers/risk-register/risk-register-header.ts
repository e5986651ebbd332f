/**
 * The risk register's header row (action-plans-and-risks.md §11, Recognition): a risk column
 * (a cell beginning `Risk` that is not a rating, ref or owner column, or `Description of
 * Risk`) and at least one rating column (likelihood, impact or score), with the optional
 * columns beside them. A hint in a heading (`Impact H/M/L`, `Likelihood (1-5)`) is ignored.
 */
import type { SheetGrid } from "../../grid";
import { normaliseLabel } from "../../values";
import { cellsByHeads, headsBeginning } from "../label-heads";
import { own, textOf } from "../table-cells";

export interface RiskRegisterHeader {
  row: number;
  /** The header's first non-empty column (section headings sit there or in the risk column). */
  firstCol: number;
  riskCol: number;
  likelihoodCol: number | null;
  impactCol: number | null;
  scoreCol: number | null;
  refCol: number | null;
  categoryCol: number | null;
  ownerCol: number | null;
  mitigationCol: number | null;
  residualLikelihoodCol: number | null;
  residualImpactCol: number | null;
  residualScoreCol: number | null;
  reviewCol: number | null;
  statusCol: number | null;
}

/** A heading without its hints: bracketed ones (§1) and bare ones such as `H/M/L`, `1-5`, `L x I`. */
export function headingKey(text: string): string {
  let t = normaliseLabel(text);
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(/\s+(?:[hml](?:\s*\/\s*[hml]){1,2}|\d+\s*(?:-|–|to)\s*\d+|l\s*[x×*]\s*i|i\s*[x×*]\s*l|\d+\s*[x×*]\s*\d+)$/, "").trim();
    if (t === before) break;
  }
  return t;
}

const set = (labels: string[]) => new Set(labels.map((l) => l.toLowerCase()));

const REF = set(["Ref", "Ref.", "Ref No", "Reference", "Risk Ref", "Risk ID", "ID", "No", "No.", "Risk No", "Risk No."]);
const OWNER = set(["Owner", "Risk Owner", "Lead", "Risk Lead"]);
const CATEGORY = set(["Category", "Risk Category", "Risk Type"]);
const STATUS = set(["Status", "Risk Status"]);
const REVIEW = set(["Review Date", "Next Review", "Next Review Date", "Date of Next Review"]);
const SCORE = set([
  "Score",
  "Rating",
  "Risk Score",
  "Risk Rating",
  "Risk Level",
  "Current Score",
  "Current Rating",
  "Current Risk Score",
  "Current Risk Rating",
  "Current Risk Level",
]);
const TARGET = set(["Target Score", "Target Rating", "Target Risk", "Target Risk Score", "Target Risk Rating"]);
const RISK = set(["Risk", "Risk Description", "Risk Title", "Description of Risk", "Risk Details"]);
const LIKELIHOOD = /^(?:current\s+)?(?:likelihood|probability)\b/;
const IMPACT = /^(?:current\s+)?(?:impact|consequence|severity)\b/;
const RESIDUAL = /^residual\b/;
const MITIGATION = /^(?:mitigat|controls?\b|actions?\b(?!\s+(?:owner|by|due|date)))/;
const RISK_PREFIX = /^risk\b/;

type Role =
  | "ref"
  | "owner"
  | "category"
  | "status"
  | "review"
  | "residualLikelihood"
  | "residualImpact"
  | "residualScore"
  | "score"
  | "likelihood"
  | "impact"
  | "mitigation"
  | "risk"
  | "riskPrefix";

function roleOf(key: string): Role | null {
  if (REF.has(key)) return "ref";
  if (OWNER.has(key)) return "owner";
  if (CATEGORY.has(key)) return "category";
  if (STATUS.has(key)) return "status";
  if (REVIEW.has(key)) return "review";
  if (RESIDUAL.test(key)) {
    const rest = key.replace(RESIDUAL, "").trim();
    if (LIKELIHOOD.test(rest)) return "residualLikelihood";
    if (IMPACT.test(rest)) return "residualImpact";
    return "residualScore";
  }
  if (TARGET.has(key)) return "residualScore";
  if (SCORE.has(key)) return "score";
  if (LIKELIHOOD.test(key)) return "likelihood";
  if (IMPACT.test(key)) return "impact";
  if (MITIGATION.test(key)) return "mitigation";
  if (RISK.has(key)) return "risk";
  // Any other heading beginning `Risk` that is not a rating, ref or owner column.
  if (RISK_PREFIX.test(key)) return "riskPrefix";
  return null;
}

const MAX_HEADING = 200;

/** A heading text's role, or null (none, or too long to be a heading). */
function headingRole(t: string): Role | null {
  return t.length > MAX_HEADING ? null : roleOf(headingKey(t));
}

/** The header on a row, or null where the row has no risk column and rating column. */
export function riskRegisterHeaderAt(grid: SheetGrid, row: number): RiskRegisterHeader | null {
  const cols: Partial<Record<Role, number>> = {};
  let firstCol: number | null = null;
  for (const c of grid.cellsOfRow(row)) {
    if (own(grid, row, c.col) !== c) continue;
    const t = textOf(c);
    if (!t) continue;
    firstCol ??= c.col;
    const role = headingRole(t);
    if (role !== null && cols[role] === undefined) cols[role] = c.col;
  }
  const riskCol = cols.risk ?? cols.riskPrefix;
  const rated = cols.likelihood !== undefined || cols.impact !== undefined || cols.score !== undefined;
  if (riskCol === undefined || !rated || firstCol === null) return null;
  return {
    row,
    firstCol,
    riskCol,
    likelihoodCol: cols.likelihood ?? null,
    impactCol: cols.impact ?? null,
    scoreCol: cols.score ?? null,
    refCol: cols.ref ?? null,
    categoryCol: cols.category ?? null,
    ownerCol: cols.owner ?? null,
    mitigationCol: cols.mitigation ?? null,
    residualLikelihoodCol: cols.residualLikelihood ?? null,
    residualImpactCol: cols.residualImpact ?? null,
    residualScoreCol: cols.residualScore ?? null,
    reviewCol: cols.review ?? null,
    statusCol: cols.status ?? null,
  };
}

/**
 * What a risk column's heading key begins with (roleOf's `risk`, the RISK list, and
 * `riskPrefix`, a key beginning `risk`): the sheet's cells are first sorted by their first
 * two characters (label-heads.ts), so those that cannot begin so are passed over unread.
 */
const RISK_COLUMN_HEADS = headsBeginning([...RISK, "risk"]);

/** True where a cell's text names a risk column (headingRole, as riskRegisterHeaderAt reads it). */
function isRiskColumn(t: string): boolean {
  const role = headingRole(t);
  return role === "risk" || role === "riskPrefix";
}

/**
 * The rows a header may be on, ascending: those with a cell naming a risk column (every
 * header has one), found without testing the sheet row by row (a data tab of 200,000 rows
 * has none). The first characters tested are the text cell's own, which are what it shows.
 */
function rowsMayHoldHeader(grid: SheetGrid): number[] {
  const rows = new Set<number>();
  const candidates = cellsByHeads(grid, RISK_COLUMN_HEADS);
  for (let k = 0; k < candidates.length; k++) {
    const c = grid.cellAt(candidates[k]);
    if (!rows.has(c.row) && isRiskColumn(textOf(c))) rows.add(c.row);
  }
  return [...rows].sort((a, b) => a - b);
}

/** Every header on the sheet, top to bottom (a header may repeat after a page break). */
export function findRiskRegisterHeaders(grid: SheetGrid): RiskRegisterHeader[] {
  const headers: RiskRegisterHeader[] = [];
  for (const row of rowsMayHoldHeader(grid)) {
    const h = riskRegisterHeaderAt(grid, row);
    if (h) headers.push(h);
  }
  return headers;
}

/** §2: the first header row with a risk column and a rating column; null where none. */
export function findRiskRegisterHeader(grid: SheetGrid): RiskRegisterHeader | null {
  for (const row of rowsMayHoldHeader(grid)) {
    const h = riskRegisterHeaderAt(grid, row);
    if (h) return h;
  }
  return null;
}

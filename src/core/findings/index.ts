/**
 * Findings: what is wrong (or worth knowing) about a workbook, cell by cell, as plain data
 * (code, severity, sheet, cell, message), so the same list feeds the pane, a sheet and JSON.
 * What each code means and says is in the catalogue (catalogue.ts).
 */
import { z } from "zod";
import { madeOnce } from "../remembered";
import { parseA1 } from "../grid";
import { CATALOGUE, FINDING_CODES, findingMessage, type FindingCode, type FindingParams, type Severity } from "./catalogue";

export { CATALOGUE, FINDING_CODES, type FindingCode, type FindingParams, type Severity } from "./catalogue";

export const SEVERITIES = ["error", "warning", "info"] as const satisfies readonly Severity[];
const severitySchema = madeOnce(() => z.enum(SEVERITIES));

const findingCodeSchema = madeOnce(() => z.enum(FINDING_CODES));

/** The codes of one severity, in the catalogue's order. */
function codesOf(severity: Severity): FindingCode[] {
  return FINDING_CODES.filter((c) => CATALOGUE[c].severity === severity);
}
export const ERROR_CODES = codesOf("error");
export const WARNING_CODES = codesOf("warning");
export const INFO_CODES = codesOf("info");

export const findingSchema = madeOnce(() => z.object({
  severity: severitySchema(),
  code: findingCodeSchema(),
  sheet: z.string(),
  /** A1 address of the cell at fault, on its own sheet. */
  cell: z.string(),
  /** Says what is wrong and what would be right (from the catalogue). */
  message: z.string(),
}));
export type Finding = z.infer<ReturnType<typeof findingSchema>>;

/** Where a finding points: a sheet and an A1 address on it. */
export interface FindingPlace {
  sheet: string;
  cell: string;
}

/** Makes a finding with the code's own severity and its catalogue message for these values. */
export function finding<C extends FindingCode>(code: C, at: FindingPlace, params: FindingParams<C>): Finding {
  return { severity: CATALOGUE[code].severity, code, sheet: at.sheet, cell: at.cell, message: findingMessage(code, params) };
}

/** How a reader raises findings on its own sheet: the code, the cell, the values. */
export type RaiseFinding = <C extends FindingCode>(code: C, cell: string, params: FindingParams<C>) => void;

/** A list of findings on one sheet and the function that adds to it. */
export function findingsOn(sheet: string): { findings: Finding[]; raise: RaiseFinding } {
  const findings: Finding[] = [];
  const raise: RaiseFinding = (code, cell, params) => {
    findings.push(finding(code, { sheet, cell }, params));
  };
  return { findings, raise };
}

/** Counts by severity (Frictionless's `stats`). */
export const findingStatsSchema = madeOnce(() => z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }));
export type FindingStats = z.infer<ReturnType<typeof findingStatsSchema>>;

export function findingStats(findings: readonly Finding[]): FindingStats {
  const stats: FindingStats = { error: 0, warning: 0, info: 0 };
  for (const f of findings) stats[f.severity]++;
  return stats;
}

/**
 * Sorts findings into the spec's order: sheet (workbook order), then row, then column,
 * then code. `sheetOrder` maps a sheet name to its index.
 */
export function sortFindings(findings: Finding[], sheetOrder: Map<string, number>): Finding[] {
  const keyed = findings.map((f) => {
    const { row, col } = parseA1(f.cell);
    return { f, s: sheetOrder.get(f.sheet) ?? Number.MAX_SAFE_INTEGER, row, col };
  });
  keyed.sort(
    (a, b) =>
      a.s - b.s || a.row - b.row || a.col - b.col || (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : 0),
  );
  return keyed.map((k) => k.f);
}

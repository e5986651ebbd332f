/**
 * Findings: what is wrong (or worth knowing) about a workbook, cell by cell.
 * Codes are stable names (standard-templates.md §9): add, never rename.
 */
import { z } from "zod";
import { parseA1 } from "./grid";

export const ERROR_CODES = [
  "missing-field",
  "invalid-money",
  "negative-value",
  "invalid-date",
  "invalid-risk-level",
  "duplicate-ref",
  "total-mismatch",
  "duplicate-direction",
  "progress-out-of-range",
  "formula-error",
] as const;

export const WARNING_CODES = [
  "zero-value",
  "possible-double-count",
  "invalid-version",
  "achieved-exceeds-value",
  "missing-strategic-aims",
  "unknown-timeframe",
  "missing-triangulation",
  "invalid-frequency",
  "non-numeric-progress",
  "missing-target-date",
  "missing-theme",
] as const;

export const INFO_CODES = ["unrecognised-sheet"] as const;

export const findingCodeSchema = z.enum([...ERROR_CODES, ...WARNING_CODES, ...INFO_CODES]);
export type FindingCode = z.infer<typeof findingCodeSchema>;

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z.object({
  severity: severitySchema,
  code: findingCodeSchema,
  sheet: z.string(),
  /** A1 address of the cell at fault, on its own sheet. */
  cell: z.string(),
  /** Says what is wrong and what would be right. */
  message: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

const SEVERITY_OF = new Map<FindingCode, Severity>([
  ...ERROR_CODES.map((c) => [c, "error"] as const),
  ...WARNING_CODES.map((c) => [c, "warning"] as const),
  ...INFO_CODES.map((c) => [c, "info"] as const),
]);

export function severityOf(code: FindingCode): Severity {
  return SEVERITY_OF.get(code)!;
}

/** Makes a finding with the code's own severity. */
export function finding(code: FindingCode, sheet: string, cell: string, message: string): Finding {
  return { severity: severityOf(code), code, sheet, cell, message };
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

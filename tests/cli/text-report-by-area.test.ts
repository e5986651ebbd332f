/**
 * The text report's by-service-area lines (made as one text, each value, share and count
 * written once for a run of equal ones) read as the plain rule writes each line:
 * `    <area>: <n action(s)>, <money>  <share>`, in the totals' order, one a line.
 */
import fc from "fast-check";
import { textReport } from "../../src/cli/text-report";
import type { Analysis, RecoveryTotals } from "../../src/core/analysis";
import { analyse } from "../../src/core/engine";
import { formatPercent } from "../../src/core/rag";
import { formatMoney } from "../../src/core/values";
import { plural } from "../../src/core/words";

type Group = RecoveryTotals["byServiceArea"][number];

const EMPTY = analyse({ sheets: [] }, { now: new Date("2023-09-21T12:00:00Z") });

/** A report of a register whose totals have these groups. */
function reportOf(groups: Group[]): string {
  const analysis: Analysis = {
    ...EMPTY,
    sheets: [{ name: "Register", kind: "recovery-register", visibility: "visible" }],
    recovery: { ...EMPTY.recovery, totals: { ...EMPTY.recovery.totals, byServiceArea: groups } },
  };
  return textReport(analysis, "register.xlsx");
}

function plainLine(g: Group): string {
  const share = g.share === null ? "" : `  ${formatPercent(g.share * 100)}`;
  return `    ${g.serviceArea}: ${plural(g.count, "action")}, ${formatMoney(g.valuePence)}${share}`;
}

const group: fc.Arbitrary<Group> = fc.record({
  serviceArea: fc.constantFrom("Prescribing", "Care at Home", "Mental Health 3", "(No service area)"),
  count: fc.constantFrom(1, 1, 2, 1250),
  valuePence: fc.constantFrom(0, 100, 7_500_000, 7_500_050, -250_000),
  share: fc.constantFrom(null, 0, 0.0001, 0.25, 0.125, 1),
});

test("each group's line as the plain rule writes it, in order, runs of equal figures included", () => {
  fc.assert(
    fc.property(fc.array(group, { minLength: 1, maxLength: 30 }), (groups) => {
      const report = reportOf(groups);
      const start = report.indexOf("  By lead service area:\n") + "  By lead service area:\n".length;
      const end = report.indexOf("\n\nDirections", start);
      expect(report.slice(start, end)).toBe(groups.map(plainLine).join("\n"));
    }),
    { numRuns: 2_000 },
  );
});

test("no by-area heading where there are no groups", () => {
  expect(reportOf([])).not.toContain("By lead service area");
});

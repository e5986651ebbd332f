import { CATALOGUE, ERROR_CODES, FINDING_CODES, INFO_CODES, WARNING_CODES, finding, findingStats, findingsOn } from "../../src/core/findings";
import { exampleMessage, findingMessage } from "../../src/core/findings/catalogue";

// standard-templates.md §9, then action-plans-and-risks.md "Findings added by §10 and §11", as written there.
const SPEC = {
  error:
    "missing-field invalid-money negative-value invalid-date invalid-risk-level duplicate-ref total-mismatch duplicate-direction progress-out-of-range formula-error " +
    "invalid-rating score-mismatch",
  warning:
    "zero-value possible-double-count invalid-version achieved-exceeds-value missing-strategic-aims unknown-timeframe missing-triangulation invalid-frequency non-numeric-progress missing-target-date missing-theme " +
    "missing-due-date unknown-due-date unclear-progress invalid-rag rag-mismatch missing-rating missing-mitigation missing-owner review-overdue residual-above-current",
  info: "unrecognised-sheet rag-colour-only no-progress-column",
};
// Codes this project added (§9: "more may be added, none renamed"), each in docs/decisions.md.
const ADDED = { error: "", warning: "", info: "blank-form" };
const codes = (severity: keyof typeof SPEC) => `${SPEC[severity]} ${ADDED[severity]}`.trim().split(" ");

describe("the finding catalogue", () => {
  it("holds the spec's codes under the spec's severities", () => {
    expect(ERROR_CODES).toEqual(codes("error"));
    expect(WARNING_CODES).toEqual(codes("warning"));
    expect(INFO_CODES).toEqual(codes("info"));
  });

  it.each(FINDING_CODES)("%s has a title, a description, documented parameters and a message that ends a sentence", (code) => {
    const d = CATALOGUE[code];
    expect(d.title.trim()).not.toBe("");
    expect(d.description.length).toBeGreaterThan(20);
    expect(Object.keys(d.parameters)).toEqual(Object.keys(d.example));
    const message = exampleMessage(code);
    expect(message).toMatch(/^[A-Z'].*[.]$/s);
    // Says what would be right, not only what is wrong.
    expect(message).toMatch(/: |; |\. [A-Z]/);
  });

  it("builds a finding from the values alone, with the code's severity", () => {
    expect(finding("total-mismatch", { sheet: "Register", cell: "C20" }, { statedPence: 68_800_000, sumPence: 68_750_000 })).toEqual({
      severity: "error",
      code: "total-mismatch",
      sheet: "Register",
      cell: "C20",
      message: "The stated total £688,000 does not equal the sum of the items above it, £687,500: it is £500 more. Correct the total or the items.",
    });
  });

  it("gives one wording for every Excel error, whatever the field", () => {
    const risk = findingMessage("formula-error", { field: "Risk Level", error: "#N/A", expected: "High, Medium or Low" });
    const progress = findingMessage("formula-error", { field: "The Progress cell for direction 1.1", error: "#DIV/0!", expected: "a percentage" });
    expect(risk).toBe("Risk Level holds the Excel error #N/A: correct the formula so that it gives High, Medium or Low.");
    expect(progress).toBe("The Progress cell for direction 1.1 holds the Excel error #DIV/0!: correct the formula so that it gives a percentage.");
  });

  it("adds advice only where the grammar's reason gives none", () => {
    expect(findingMessage("invalid-risk-level", { field: "Risk Level", reason: "'Very High' is not a risk level: use High, Medium or Low" })).toBe(
      "Risk Level: 'Very High' is not a risk level: use High, Medium or Low.",
    );
    expect(findingMessage("invalid-money", { field: "The stated total", reason: "'TBC' is not an amount of money", example: "£3,487,000" })).toBe(
      "The stated total: 'TBC' is not an amount of money; write it as e.g. £3,487,000.",
    );
  });

  it("type-checks each code's parameters (tsc refuses the wrong fields)", () => {
    const wrong = () => [
      // @ts-expect-error negative-value takes { field, text }, not a reason
      finding("negative-value", { sheet: "S", cell: "A1" }, { field: "Value", reason: "negative" }),
      // @ts-expect-error total-mismatch takes pence as numbers
      finding("total-mismatch", { sheet: "S", cell: "A1" }, { statedPence: "£5", sumPence: 0 }),
      // @ts-expect-error not a code
      finding("no-such-code", { sheet: "S", cell: "A1" }, {}),
    ];
    expect(typeof wrong).toBe("function");
  });

  it("counts findings by severity", () => {
    const { findings, raise } = findingsOn("S");
    raise("zero-value", "B2", { field: "Financial Recovery Value" });
    raise("missing-target-date", "C3", { no: "1.1" });
    raise("unrecognised-sheet", "A1", { sheet: "S" });
    expect(findingStats(findings)).toEqual({ error: 0, warning: 2, info: 1 });
  });
});

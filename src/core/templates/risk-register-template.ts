/**
 * The blank risk register (action-plans-and-risks.md §11, Templates): likelihood and impact
 * scored 1 to 5 on the NHS 5 × 5 matrix from drop-down lists, the score worked out by a
 * formula, owner and mitigation columns, a residual score, a date rule on review dates and a
 * status list.
 */
import { columnLetters } from "../grid";
import type { ModelCell } from "../summary/sheet-model";
import type { TemplateModel } from "./template-model";
import { blank, cellRange, dateRule, HEADER, INPUT, listRule, text } from "./template-parts";

export const RISK_REGISTER_LAYOUT: { headerRow: number; firstRiskRow: number; lastRiskRow: number; columns: readonly string[] } = {
  headerRow: 3,
  firstRiskRow: 4,
  lastRiskRow: 28,
  columns: [
    "Ref",
    "Risk Description",
    "Category",
    "Risk Owner",
    "Likelihood (1-5)",
    "Impact (1-5)",
    "Score",
    "Mitigation",
    "Residual Score",
    "Review Date",
    "Status",
  ],
};

export const RATING_CHOICES = ["1", "2", "3", "4", "5"] as const;
export const STATUS_CHOICES = ["Open", "Closed"] as const;

export function riskRegisterTemplate(): TemplateModel {
  const { headerRow, firstRiskRow, lastRiskRow, columns } = RISK_REGISTER_LAYOUT;
  const col = (name: string) => columns.indexOf(name) + 1;
  const cells: ModelCell[] = [
    text(1, 1, "Risk Register 20YY/YY", { bold: true, size: 14 }),
    ...columns.map((name, i) => text(headerRow, i + 1, name, HEADER)),
  ];
  const l = columnLetters(col("Likelihood (1-5)"));
  const i = columnLetters(col("Impact (1-5)"));
  for (let row = firstRiskRow; row <= lastRiskRow; row++) {
    for (let c = 1; c <= columns.length; c++) {
      if (c === col("Score")) {
        // Likelihood × impact once both are given, so the score never disagrees with them.
        cells.push({
          row,
          col: c,
          content: { kind: "formula", formula: `IF(COUNT(${l}${row},${i}${row})=2,${l}${row}*${i}${row},"")`, result: null },
          format: "integer",
          style: INPUT,
        });
      } else cells.push(blank(row, c, c === col("Ref") ? "text" : c === col("Review Date") ? "date" : undefined));
    }
  }
  const rows = (c: number) => cellRange(firstRiskRow, c, lastRiskRow, c);
  return {
    kind: "risk-register",
    sheetName: "Risk Register",
    cells,
    merges: [],
    columnWidths: [8, 45, 16, 18, 12, 12, 8, 45, 10, 13, 10].map((width, n) => ({ col: n + 1, width })),
    rowHeights: [],
    validations: [
      listRule(rows(col("Likelihood (1-5)")), "Likelihood", RATING_CHOICES, "1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain."),
      listRule(rows(col("Impact (1-5)")), "Impact", RATING_CHOICES, "1 Negligible, 2 Minor, 3 Moderate, 4 Major, 5 Catastrophic."),
      {
        type: "decimal",
        min: 1,
        max: 25,
        range: rows(col("Residual Score")),
        prompt: { title: "Residual Score", message: "The score expected after mitigation, likelihood x impact from 1 to 25." },
        error: { title: "Not a score", message: "A residual score is a whole number from 1 to 25." },
        errorStyle: "stop",
      },
      dateRule(rows(col("Review Date")), "Review Date"),
      listRule(rows(col("Status")), "Status", STATUS_CHOICES, "Open, or Closed once the risk no longer applies."),
    ],
    freezeRows: headerRow,
  };
}

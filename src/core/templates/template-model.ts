/**
 * Blank standard templates described as data (standard-templates.md §3–§5;
 * action-plans-and-risks.md §10–§11, Templates): the labels and
 * tables the readers look for, laid out exactly as they expect, plus data validation on
 * the fields with a fixed grammar so errors are prevented where they are typed. Each host
 * only renders a TemplateModel (exceljs for files, Office.js in the add-in).
 */
import { z } from "zod";
import { isoDateSchema } from "../iso-date";
import { modelCellSchema, type ModelCell } from "../summary/sheet-model";
import { actionPlanTemplate } from "./action-plan-template";
import { riskRegisterTemplate } from "./risk-register-template";
import { templateKindSchema, type TemplateKind } from "./template-kinds";
import { blank, cellRange, dateRule, GUIDANCE, HEADER, INPUT, LABEL, text } from "./template-parts";

export { TEMPLATE_KINDS, type TemplateKind } from "./template-kinds";

/** A rectangle of cells, 1-based and inclusive. */
const rangeSchema = z
  .object({
    top: z.number().int().min(1),
    left: z.number().int().min(1),
    bottom: z.number().int().min(1),
    right: z.number().int().min(1),
  })
  .refine((r) => r.bottom >= r.top && r.right >= r.left, "a range's bottom-right must not be above or left of its top-left");
export type CellRange = z.infer<typeof rangeSchema>;

const messageSchema = z.object({ title: z.string().max(32), message: z.string().max(255) });

const validationCommon = {
  range: rangeSchema,
  /** Shown when the cell is selected (Excel caps the title at 32 and the text at 255 characters). */
  prompt: messageSchema,
  /** Shown when a value breaks the rule. */
  error: messageSchema,
  /** `stop` refuses the value; `warning` lets the user keep it after a warning. */
  errorStyle: z.enum(["stop", "warning"]).default("stop"),
};

/** Excel data validation on a range: a drop-down list, a real date, or a decimal in bounds. */
const validationSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("list"), values: z.array(z.string().min(1)).min(1), ...validationCommon }),
  z.object({
    type: z.literal("date"),
    /** Earliest accepted date, ISO. */
    from: isoDateSchema(),
    ...validationCommon,
  }),
  z.object({
    type: z.literal("decimal"),
    min: z.number(),
    /** Upper bound; null for none. */
    max: z.number().nullable(),
    ...validationCommon,
  }),
]);
export type Validation = z.infer<typeof validationSchema>;

export const templateModelSchema = z.object({
  kind: templateKindSchema(),
  /** The name the sheet would like; a host adds ` (2)` etc. when a sheet already has it. */
  sheetName: z.string().min(1).max(31),
  cells: z.array(modelCellSchema()),
  merges: z.array(rangeSchema),
  columnWidths: z.array(z.object({ col: z.number().int().min(1), width: z.number().positive() })),
  /** Rows whose height is set (points), for the tall content rows of the form. */
  rowHeights: z.array(z.object({ row: z.number().int().min(1), height: z.number().positive() })),
  validations: z.array(validationSchema),
  /** Rows frozen at the top (0 for none). */
  freezeRows: z.number().int().min(0),
});
export type TemplateModel = z.infer<typeof templateModelSchema>;

// ---- the shared grammar lists (standard-templates.md §1) -------------------------------

const RISK_LEVELS = ["High", "Medium", "Low"] as const;
const REPORTING_FREQUENCIES = [
  "Weekly",
  "Fortnightly",
  "Monthly",
  "Bi-monthly",
  "Quarterly",
  "Six-monthly",
  "Annually",
] as const;

// ---- building helpers (template-parts.ts), and the recovery templates' own rules -----

function riskList(range: CellRange): Validation {
  return {
    type: "list",
    values: [...RISK_LEVELS],
    range,
    prompt: { title: "Risk Level", message: "Choose High, Medium or Low: the risk of not delivering the financial saving." },
    error: { title: "Not a risk level", message: "The risk level must be High, Medium or Low." },
    errorStyle: "stop",
  };
}

function moneyRule(range: CellRange, field: string): Validation {
  return {
    type: "decimal",
    min: 0,
    max: null,
    range,
    prompt: { title: field.slice(0, 32), message: "Enter the amount in pounds, e.g. 448000 for £448K. It must be 0 or more." },
    error: { title: "Not an amount of money", message: `${field} must be an amount in pounds of 0 or more, e.g. 448000.` },
    errorStyle: "stop",
  };
}

function frequencyList(range: CellRange): Validation {
  return {
    type: "list",
    values: [...REPORTING_FREQUENCIES],
    range,
    prompt: { title: "Reporting Frequency", message: "Choose how often progress will be reported, e.g. Quarterly." },
    error: { title: "Not a reporting frequency", message: `Choose one of: ${REPORTING_FREQUENCIES.join(", ")}.` },
    errorStyle: "stop",
  };
}

// ---- the recovery-action form (seed 000's layout) ------------------------------------

/** Where the form template's fields sit; the readers find them by label, tests by address. */
export const FORM_CELLS = {
  title: "A3",
  execLead: "C3",
  ref: "E3",
  description: "A4",
  serviceArea: "C4",
  value: "C5",
  forecast: "E5",
  riskLevel: "C6",
  planDate: "E6",
  achieved: "C7",
  version: "E7",
  planHeaderRow: 9,
  planContentRow: 11,
  triangulationHeaderRow: 13,
  triangulationRows: [15, 16, 17],
} as const;

function recoveryActionTemplate(): TemplateModel {
  const cells: ModelCell[] = [
    text(1, 1, "Organisation name", { bold: true, size: 14 }),
    text(2, 1, "Financial Recovery Actions 20YY/YY", { bold: true, size: 12 }),
    text(3, 1, "Finance Recovery Action: ", { bold: true, wrap: true, verticalAlign: "top" }),
    text(3, 2, "Exec Lead(s):", LABEL),
    blank(3, 3),
    text(3, 4, "Ref", LABEL),
    blank(3, 5),
    text(4, 1, "Description: ", { bold: true, wrap: true, verticalAlign: "top" }),
    text(4, 2, "Lead Service Area(s):", LABEL),
    blank(4, 3),
    text(5, 2, "Financial Recovery Value", LABEL),
    blank(5, 3, "money"),
    text(5, 4, "Forecast Saving", LABEL),
    blank(5, 5, "money"),
    text(6, 2, "Risk Level (of not delivering the financial saving)", LABEL),
    blank(6, 3),
    text(6, 4, "Plan Date", LABEL),
    blank(6, 5, "date"),
    text(7, 2, "Achieved to Date", LABEL),
    blank(7, 3, "money"),
    text(7, 4, "Version", LABEL),
    blank(7, 5),
    // The plan table: header, the guidance questions (each ending in `?`), the content row.
    text(9, 1, "Strategic Aims", HEADER),
    text(9, 2, "Actions", HEADER),
    text(9, 3, "Dependencies", HEADER),
    text(9, 4, "Risk Mitigation", HEADER),
    text(9, 5, "", HEADER),
    text(9, 6, "Delivery Timeframe", HEADER),
    text(10, 1, "Which Strategic Aims are impacted by this recovery action?", GUIDANCE),
    text(10, 2, "What are the high-level actions that you are going to take?", GUIDANCE),
    text(10, 3, "What are the factors that influence this work that are out with your control?", GUIDANCE),
    text(10, 4, "What are the main risks?", GUIDANCE),
    text(10, 5, "How are you mitigating these risks?", GUIDANCE),
    text(10, 6, "When will this be delivered?", GUIDANCE),
    ...[1, 2, 3, 4, 5, 6].map((c) => blank(11, c)),
    // The triangulation table.
    text(13, 1, "Triangulation", HEADER),
    text(13, 2, "", HEADER),
    text(13, 3, "Evidence and Data Sources", HEADER),
    text(13, 4, "Tolerance", HEADER),
    text(13, 5, "", HEADER),
    text(13, 6, "Reporting Frequency", HEADER),
    text(14, 1, "The areas of our triangulated approach to monitoring impact", GUIDANCE),
    text(14, 2, "", GUIDANCE),
    text(14, 3, "What data/information source(s) are you using to monitor change over time?", GUIDANCE),
    text(14, 4, "What would indicate the recovery action is being successfully managed?", GUIDANCE),
    text(14, 5, "What would indicate corrective or additional support is required to deliver this recovery action?", GUIDANCE),
    text(14, 6, "How frequently will you report on progress?", GUIDANCE),
  ];
  for (const [i, name] of ["Population Need", "Finance", "Outcomes"].entries()) {
    const row = FORM_CELLS.triangulationRows[i];
    cells.push(blank(row, 1), text(row, 2, name, { ...INPUT, bold: true }));
    for (const c of [3, 4, 5, 6]) cells.push(blank(row, c));
  }
  return {
    kind: "recovery-action",
    sheetName: "Recovery Action",
    cells,
    merges: [cellRange(9, 4, 9, 5), cellRange(13, 1, 13, 2), cellRange(13, 4, 13, 5), cellRange(14, 1, 14, 2)],
    columnWidths: [
      { col: 1, width: 45 },
      { col: 2, width: 30 },
      { col: 3, width: 32 },
      { col: 4, width: 32 },
      { col: 5, width: 32 },
      { col: 6, width: 22 },
    ],
    rowHeights: [
      { row: 4, height: 60 },
      { row: 11, height: 120 },
      { row: 15, height: 60 },
      { row: 16, height: 60 },
      { row: 17, height: 60 },
    ],
    validations: [
      moneyRule(cellRange(5, 3), "Financial Recovery Value"),
      moneyRule(cellRange(5, 5), "Forecast Saving"),
      moneyRule(cellRange(7, 3), "Achieved to Date"),
      riskList(cellRange(6, 3)),
      dateRule(cellRange(6, 5), "Plan Date"),
      frequencyList(cellRange(15, 6, 17, 6)),
    ],
    freezeRows: 0,
  };
}

// ---- the recovery register (seed 001, with the optional columns) ---------------------

/** Rows are plain numbers (not literal types): the template's loops run over them. */
type Rows<K extends string> = Readonly<Record<K, number>>;

export const REGISTER_LAYOUT: Rows<"headerRow" | "firstItemRow" | "lastItemRow" | "totalRow"> & { columns: readonly string[] } = {
  headerRow: 3,
  firstItemRow: 4,
  lastItemRow: 13,
  totalRow: 14,
  columns: ["Ref", "Service Area", "Description", "Risk Level", "Lead", "Proposed Saving (£)"],
};

function recoveryRegisterTemplate(): TemplateModel {
  const { headerRow, firstItemRow, lastItemRow, totalRow, columns } = REGISTER_LAYOUT;
  const moneyCol = columns.length;
  const cells: ModelCell[] = [
    text(1, 1, "Recovery Register 20YY/YY", { bold: true, size: 14 }),
    text(2, 1, "One saving a row. A description that runs on may continue on the next row with Service Area and saving left empty.", {
      italic: true,
      color: "595959",
    }),
    ...columns.map((name, i) => text(headerRow, i + 1, name, HEADER)),
  ];
  for (let row = firstItemRow; row <= lastItemRow; row++) {
    for (let col = 1; col <= columns.length; col++) cells.push(blank(row, col, col === moneyCol ? "money" : undefined));
  }
  const colLetter = String.fromCharCode(64 + moneyCol);
  cells.push(
    text(totalRow, 1, "Total", { bold: true, border: true }),
    {
      row: totalRow,
      col: moneyCol,
      content: { kind: "formula", formula: `SUM(${colLetter}${firstItemRow}:${colLetter}${lastItemRow})`, result: 0 },
      format: "money",
      style: { bold: true, border: true },
    },
  );
  return {
    kind: "recovery-register",
    sheetName: "Recovery Register",
    cells,
    merges: [],
    columnWidths: [
      { col: 1, width: 10 },
      { col: 2, width: 30 },
      { col: 3, width: 50 },
      { col: 4, width: 12 },
      { col: 5, width: 28 },
      { col: 6, width: 20 },
    ],
    rowHeights: [],
    validations: [
      riskList(cellRange(firstItemRow, 4, lastItemRow, 4)),
      moneyRule(cellRange(firstItemRow, moneyCol, lastItemRow, moneyCol), "Proposed Saving"),
    ],
    freezeRows: headerRow,
  };
}

// ---- the directions report (seed 002) ------------------------------------------------

export const DIRECTIONS_LAYOUT: Rows<"themeRow" | "outcomeRow" | "headerRow" | "subHeaderRow" | "firstDirectionRow" | "lastDirectionRow"> = {
  themeRow: 3,
  outcomeRow: 4,
  headerRow: 5,
  subHeaderRow: 6,
  firstDirectionRow: 7,
  lastDirectionRow: 16,
};

function directionsTemplate(): TemplateModel {
  const { themeRow, outcomeRow, headerRow, subHeaderRow, firstDirectionRow, lastDirectionRow } = DIRECTIONS_LAYOUT;
  const cells: ModelCell[] = [
    text(1, 1, "Directions 20YY/YY", { bold: true, size: 14 }),
    // Heading text: the theme's name (at most 60 characters, no full stop), then its outcome statement.
    text(themeRow, 1, "Theme name", { bold: true, size: 12 }),
    text(outcomeRow, 1, "The outcome people can expect from this theme, ending with a full stop.", { italic: true }),
    text(headerRow, 1, "No", HEADER),
    text(headerRow, 2, "Direction", HEADER),
    text(headerRow, 3, "Performance Measures", HEADER),
    text(headerRow, 4, "", HEADER),
    text(headerRow, 5, "", HEADER),
    text(subHeaderRow, 1, "", HEADER),
    text(subHeaderRow, 2, "", HEADER),
    text(subHeaderRow, 3, "Measure and metric", HEADER),
    text(subHeaderRow, 4, "Progress at half-year", HEADER),
    text(subHeaderRow, 5, "Source", HEADER),
  ];
  for (let row = firstDirectionRow; row <= lastDirectionRow; row++) {
    for (let col = 1; col <= 5; col++) cells.push(blank(row, col, col === 4 ? "percent" : col === 1 ? "text" : undefined));
  }
  return {
    kind: "directions",
    sheetName: "Directions",
    cells,
    merges: [cellRange(headerRow, 1, subHeaderRow, 1), cellRange(headerRow, 2, subHeaderRow, 2), cellRange(headerRow, 3, headerRow, 5)],
    columnWidths: [
      { col: 1, width: 8 },
      { col: 2, width: 55 },
      { col: 3, width: 60 },
      { col: 4, width: 16 },
      { col: 5, width: 30 },
    ],
    rowHeights: [],
    validations: [
      {
        type: "decimal",
        min: 0,
        max: 1,
        range: cellRange(firstDirectionRow, 4, lastDirectionRow, 4),
        prompt: { title: "Progress", message: "Enter progress as a percentage from 0% to 100%, e.g. 92%. Leave it blank if not reported." },
        error: {
          title: "Progress from 0% to 100%",
          message: "Progress is a percentage from 0% to 100%. Text is kept as a narrative update and will not count as progress.",
        },
        // Narrative updates are allowed (they are flagged, not refused), so only warn.
        errorStyle: "warning",
      },
    ],
    freezeRows: 0,
  };
}

const BUILDERS: Record<TemplateKind, () => TemplateModel> = {
  "recovery-action": recoveryActionTemplate,
  "recovery-register": recoveryRegisterTemplate,
  directions: directionsTemplate,
  "action-plan": actionPlanTemplate,
  "risk-register": riskRegisterTemplate,
};

/** The blank template of a kind, checked against the schema. */
export function templateModel(kind: TemplateKind): TemplateModel {
  return templateModelSchema.parse(BUILDERS[kind]());
}

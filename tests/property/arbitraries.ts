/**
 * fast-check arbitraries for sheets: random grids of strings, numbers, dates, booleans,
 * errors and blanks, and the three template layouts with random cells overwritten (pure
 * noise rarely reaches a reader's deeper paths; a damaged template does).
 */
import fc from "fast-check";
import { parseA1 } from "../../src/core/grid";
import { EXCEL_ERRORS, type Cell, type Merge, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";

/** Every label the templates use, with the spellings and hints §1 allows. */
export const LABELS = [
  "Finance Recovery Action: Planning",
  "Financial Recovery Action:",
  "Ref",
  "Reference:",
  "Exec Lead(s):",
  "Exec Lead",
  "Description",
  "Description: A reduction in funding",
  "Lead Service Area(s):",
  "Financial Recovery Value",
  "Financial Recovery Value (£000)",
  "Risk Level (of not delivering the financial saving)",
  "Risk Level",
  "Plan Date",
  "Version",
  "Forecast Saving",
  "Achieved to Date",
  "Strategic Aims",
  "Actions",
  "Dependencies",
  "Risk Mitigation",
  "Risks",
  "Mitigation",
  "Delivery Timeframe",
  "Triangulation",
  "Reporting Frequency",
  "Population Need",
  "Finance",
  "Outcomes",
  "Service Area",
  "Proposed Saving",
  "Proposed Saving (£000)",
  "Saving (£)",
  "Value",
  "Analysis of Issue",
  "Lead",
  "Forecast",
  "Total",
  "No",
  "No.",
  "Direction",
  "Performance Measures",
  "Measure and metric",
  "Progress at half-year 2023/24",
  "Progress (%)",
  "Source?",
  "Health & Wellbeing",
  "What are the main risks?",
];

/** Text a reader might meet: labels, grammar-shaped text, noise, long narrative. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: fc.constantFrom("£448K", "£3,487,000", "TBC", "£44 8K", "(£5,000)", "-£1.2m", "£0.25m", "£448KK", "n/a", "448") },
  { weight: 2, arbitrary: fc.constantFrom("High", "med", "L", "Quarterly", "bimonthly", "No.1 No.3", "v2.1", "Unknown", "92%", "Complete", "150%", "-5") },
  { weight: 2, arbitrary: fc.constantFrom("21/03/2024", "03/21/2024", "31/02/2024", "March 2024", "2024-03-21", "21st March 2024") },
  { weight: 2, arbitrary: fc.constantFrom("1.1", "1.2", "10.2", "3", "1.1.", "• one\n• two", "Reduce waits by January 2024.", "This requires engagement at whole system level.") },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\n", "\u00a0", "#REF!", "x".repeat(400)) },
);

/** One stored cell's content (row and column are added by the caller). */
export const content: fc.Arbitrary<Omit<Cell, "row" | "col">> = fc.oneof(
  { weight: 6, arbitrary: text.map((value) => ({ value })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1e7, max: 1e9 }), fc.double({ noNaN: false })).map((value) => ({ value })) },
  {
    weight: 1,
    // A date cell: a serial with a date format, edges included (60 is the phantom 29/02/1900).
    arbitrary: fc
      .oneof(fc.constantFrom(0, 1, 59, 60, 61, 2958465, 2958466, -3), fc.integer({ min: 1, max: 60000 }))
      .map((value) => ({ value, format: "dd/mm/yyyy" })),
  },
  { weight: 1, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }).map((value) => ({ value, format: "0%" })) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS).map((error) => ({ value: null, error })) },
  { weight: 1, arbitrary: fc.constant({ value: null }) },
  { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom("SUM(A1:A3)", "#REF!+1")).map(([value, formula]) => ({ value, formula })) },
);

const ROWS = 30;
const COLS = 8;

const merge: fc.Arbitrary<Merge> = fc
  .record({ top: fc.integer({ min: 1, max: ROWS }), left: fc.integer({ min: 1, max: COLS }), h: fc.nat(3), w: fc.nat(3) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

function finish(name: string, cells: Map<string, Cell>, merges: Merge[], usedExtra: { rows: number; cols: number } | null): SheetSnapshot {
  const list = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const sheet: SheetSnapshot = { name, visibility: "visible", cells: list, merges };
  if (usedExtra) {
    const rows = list.reduce((m, c) => Math.max(m, c.row), 0) + usedExtra.rows;
    const cols = list.reduce((m, c) => Math.max(m, c.col), 0) + usedExtra.cols;
    sheet.usedRange = { rows, cols };
  }
  return sheet;
}

const usedExtra = fc.option(fc.record({ rows: fc.nat(5), cols: fc.nat(3) }), { nil: null });

/** A sheet of random cells (sparse, any content) and random, possibly overlapping, merges. */
export function randomSheet(name: fc.Arbitrary<string> = fc.constant("Sheet1")): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      name,
      entries: fc.array(fc.tuple(fc.integer({ min: 1, max: ROWS }), fc.integer({ min: 1, max: COLS }), content), { maxLength: 60 }),
      merges: fc.array(merge, { maxLength: 3 }),
      usedExtra,
    })
    .map(({ name: n, entries, merges, usedExtra: extra }) => {
      const cells = new Map<string, Cell>();
      for (const [row, col, c] of entries) cells.set(`${row},${col}`, { ...c, row, col } as Cell);
      return finish(n, cells, merges, extra);
    });
}

type Layout = Record<string, string | number>;

// Seed 000's form (Midlothian HSCP, Financial Recovery Actions 2024/25), abridged.
const FORM: Layout = {
  A3: "Finance Recovery Action: Planning, Performance, and Programme Funding",
  B3: "Exec Lead(s):",
  C3: "Gill Main, Integration Manager",
  A4: "Description: A reduction in funding to the Planning Performance and Programme team.",
  B4: "Lead Service Area(s):",
  C4: "Planning, Performance, and Programme",
  B5: "Financial Recovery Value",
  C5: "£448K",
  B6: "Risk Level (of not delivering the financial saving)",
  C6: "High",
  D6: "Plan Date",
  E6: "21/03/2024",
  D7: "Version",
  E7: "v1",
  A9: "Strategic Aims",
  B9: "Actions",
  C9: "Dependencies",
  D9: "Risk Mitigation",
  F9: "Delivery Timeframe",
  A10: "Which Strategic Aims are impacted by this recovery action?",
  B10: "What are the high-level actions that you are going to take?",
  A11: "No.1 No.2",
  B11: "Commence Organisational Change.",
  C11: "Collaborative working.",
  D11: "Limited return.",
  E11: "Suspend recruitment.",
  F11: "Unknown",
  A13: "Triangulation",
  F13: "Reporting Frequency",
  B15: "Population Need",
  F15: "Quarterly",
  B16: "Finance",
  F16: "Quarterly",
  B17: "Outcomes",
  F17: "Quarterly",
};
// Seed 001's register (Midlothian IJB, Achieving Financial Balance 2018/19), abridged.
const REGISTER: Layout = {
  A3: "Service Area", B3: "Analysis of Issue", C3: "Proposed Saving",
  A4: "Reablement Service", B4: "Significant time spent on travel", C4: "£277,000",
  B5: "resulting in reduced productivity",
  A6: "Prescribing", B6: "Costs are £6 per patient higher", C6: "£940,000",
  A8: "Service Area", B8: "Analysis of Issue", C8: "Proposed Saving",
  A9: "Mental Health", C9: "£50,000",
  C10: "£1,267,000",
};
// Seed 002's directions report (Midlothian IJB Directions 2023/24 half-year), abridged.
const DIRECTIONS: Layout = {
  A1: "Midlothian IJB Directions 2023/24",
  A3: "Health & Wellbeing",
  A4: "People are able to look after and improve their own health and wellbeing.",
  A5: "No", B5: "Direction", C5: "Performance Measures",
  C6: "Measure and metric", D6: "Progress at half-year 2023/24", E6: "Source?",
  A7: "1.1", B7: "Reduce waits by January 2024.", C7: "• Waiting list", D7: "92%", E7: "TRAK",
  A8: "1.2", B8: "Review care packages by March 2024.", D8: "69%",
  C9: "• Second measure", D9: "This requires engagement at whole system level.",
  A10: "1.2", B10: "Repeat", D10: "150%",
};
const LAYOUTS = [FORM, REGISTER, DIRECTIONS];
const LAYOUT_MERGES: Merge[][] = [
  [{ top: 9, left: 4, bottom: 9, right: 5 }, { top: 13, left: 1, bottom: 13, right: 2 }],
  [],
  [{ top: 5, left: 3, bottom: 5, right: 5 }],
];

/** A template layout with random cells overwritten, cleared or added. */
export function damagedTemplate(name: fc.Arbitrary<string> = fc.constant("Sheet1")): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      name,
      which: fc.integer({ min: 0, max: LAYOUTS.length - 1 }),
      edits: fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 7 }), fc.option(content, { nil: null })), { maxLength: 8 }),
      keepMerges: fc.boolean(),
      // A template cut short (a table header on the last row) is where readers point past the end.
      cut: fc.option(fc.integer({ min: 1, max: 16 }), { nil: null }),
      usedExtra,
    })
    .map(({ name: n, which, edits, keepMerges, cut, usedExtra: extra }) => {
      const cells = new Map<string, Cell>();
      for (const [addr, value] of Object.entries(LAYOUTS[which])) {
        const { row, col } = parseA1(addr);
        cells.set(`${row},${col}`, { row, col, value });
      }
      for (const [row, col, c] of edits) {
        if (c === null) cells.delete(`${row},${col}`);
        else cells.set(`${row},${col}`, { ...c, row, col } as Cell);
      }
      if (cut !== null) for (const [k, c] of cells) if (c.row > cut) cells.delete(k);
      return finish(n, cells, keepMerges ? LAYOUT_MERGES[which] : [], extra);
    });
}

/** Sheet names Excel allows (≤ 31 characters, none of []:*?/\), apostrophes and unicode included. */
export const sheetName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("RA-01", "O'Brien's Actions", "Care at Home", "Données £ 2024", "Directions", "Savings", "x".repeat(31), "Board Summary Settings"),
  fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[[\]:*?/\\]/.test(s) && s.trim() !== "" && !s.startsWith("'") && !s.endsWith("'")),
);

/** A workbook of one to four sheets (unique names), each random or a damaged template. */
export const workbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(sheetName, { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase() })
  .chain((names) =>
    fc.tuple(...names.map((n) => fc.oneof(damagedTemplate(fc.constant(n)), randomSheet(fc.constant(n))))).map((sheets) => ({ sheets })),
  );

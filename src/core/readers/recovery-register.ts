/**
 * The recovery (savings) register: many actions on one sheet (standard-templates.md §4;
 * seed 001, Midlothian IJB Achieving Financial Balance 2018/19).
 */
import { finding, type Finding, type FindingCode } from "../findings";
import { a1, isBlank, type SheetGrid } from "../grid";
import type { RecoveryAction } from "../records";
import type { Cell } from "../snapshot";
import { explain } from "./labels";
import { cellError, displayText, formatMoney, isThousandsHint, labelHint, matchesLabel, parseMoney, parseRiskLevel } from "../values";

export const REGISTER_COLUMNS = {
  serviceArea: ["Service Area", "Service Areas", "Lead Service Area", "Lead Service Area(s)"],
  money: ["Proposed Saving", "Proposed Savings", "Saving", "Savings", "Recovery Value", "Value"],
  ref: ["Ref", "Reference"],
  description: ["Analysis of Issue", "Description"],
  riskLevel: ["Risk Level", "Risk"],
  lead: ["Lead", "Exec Lead", "Exec Lead(s)"],
  forecast: ["Forecast", "Forecast Saving"],
} as const;

const TOTAL_LABELS = ["Total", "Totals", "Grand Total", "Total Savings", "Total Saving"];

export interface RegisterHeader {
  /** The header row. */
  row: number;
  serviceAreaCol: number;
  moneyCol: number;
  /** The money column's heading says £000 (448 there is £448,000). */
  thousands: boolean;
  refCol: number | null;
  descriptionCol: number | null;
  riskLevelCol: number | null;
  leadCol: number | null;
  forecastCol: number | null;
  forecastThousands: boolean;
}

type ColumnKey = keyof typeof REGISTER_COLUMNS;

function headerOf(grid: SheetGrid, row: number): RegisterHeader | null {
  const cols: Partial<Record<ColumnKey, Cell>> = {};
  for (const c of grid.rowCells(row)) {
    if (typeof c.value !== "string" || c.error) continue;
    for (const key of Object.keys(REGISTER_COLUMNS) as ColumnKey[]) {
      if (!cols[key] && matchesLabel(c.value, REGISTER_COLUMNS[key])) {
        cols[key] = c;
        break;
      }
    }
  }
  if (!cols.serviceArea || !cols.money) return null;
  return {
    row,
    serviceAreaCol: cols.serviceArea.col,
    moneyCol: cols.money.col,
    thousands: isThousandsHint(labelHint(String(cols.money.value))),
    refCol: cols.ref?.col ?? null,
    descriptionCol: cols.description?.col ?? null,
    riskLevelCol: cols.riskLevel?.col ?? null,
    leadCol: cols.lead?.col ?? null,
    forecastCol: cols.forecast?.col ?? null,
    forecastThousands: cols.forecast ? isThousandsHint(labelHint(String(cols.forecast.value))) : false,
  };
}

/** §2: the first row with a `Service Area` cell and a money column; null when none. */
export function findRegisterHeader(grid: SheetGrid): RegisterHeader | null {
  for (const row of grid.rows()) {
    const h = headerOf(grid, row);
    if (h) return h;
  }
  return null;
}

const quote = (text: string): string => `'${text.length > 80 ? `${text.slice(0, 77)}…` : text}'`;
const money = (pence: number): string => formatMoney(pence, { pence: pence % 100 !== 0 });

export function readRecoveryRegister(
  grid: SheetGrid,
  header: RegisterHeader,
): { actions: RecoveryAction[]; statedTotal: { pence: number; cell: string } | null; findings: Finding[] } {
  const sheet = grid.name;
  const findings: Finding[] = [];
  const add = (code: FindingCode, cell: string, message: string) => findings.push(finding(code, sheet, cell, message));
  const actions: RecoveryAction[] = [];
  let statedTotal: { pence: number; cell: string } | null = null;

  const at = (row: number, col: number | null): Cell | undefined => (col === null ? undefined : grid.get(row, col));
  const text = (row: number, col: number | null): string => {
    const c = at(row, col);
    return c && !isBlank(c) && !cellError(c) ? displayText(c).trim() : "";
  };
  const textCols = [header.descriptionCol, header.leadCol].filter((c): c is number => c !== null);
  const knownTextCols = new Set([header.serviceAreaCol, header.refCol, ...textCols]);

  let lastContentRow = header.row;
  for (const row of grid.rows()) {
    if (row <= header.row) continue;
    const cells = grid.rowCells(row).filter((c) => !isBlank(c));
    if (cells.length === 0) continue;
    // Two consecutive empty rows end the table.
    if (row - lastContentRow > 2) break;
    lastContentRow = row;

    if (headerOf(grid, row)) continue; // the header repeated after a page break

    const moneyCell = at(row, header.moneyCol);
    const moneyAddress = a1(row, header.moneyCol);
    const serviceCell = at(row, header.serviceAreaCol);
    const serviceArea = text(row, header.serviceAreaCol);

    // ---- the stated total -------------------------------------------------------------
    const isTotalLabel = (c: Cell) => typeof c.value === "string" && matchesLabel(c.value, TOTAL_LABELS);
    const labelledTotal = cells.some(isTotalLabel);
    // A row holding only an amount (or only an error in the money column, e.g. a broken SUM).
    const only = cells.length === 1 ? cells[0] : null;
    const onlyStatus = only && !knownTextCols.has(only.col) ? parseMoney(only, { thousands: header.thousands }).status : null;
    const onlyMoney = onlyStatus === "ok" || (onlyStatus === "error" && only!.col === header.moneyCol);
    if (labelledTotal || onlyMoney) {
      const totalCell = labelledTotal
        ? moneyCell && !isBlank(moneyCell) && !isTotalLabel(moneyCell)
          ? moneyCell
          : cells.find((c) => !isTotalLabel(c))
        : only!;
      if (totalCell && !isBlank(totalCell)) {
        const address = a1(totalCell.row, totalCell.col);
        const r = parseMoney(totalCell, { thousands: header.thousands });
        if (r.status === "ok") statedTotal = { pence: r.value, cell: address };
        else if (r.status === "error")
          add("formula-error", address, `The stated total holds the Excel error ${r.error}: correct the formula so it adds up the items above.`);
        else if (r.status === "invalid")
          add("invalid-money", address, explain("The stated total", r.reason, "write it as e.g. £3,487,000"));
      }
      break; // nothing below the stated total is read
    }

    // ---- a continuation of the item above ---------------------------------------------
    if (!serviceArea && !cellError(serviceCell) && isBlank(moneyCell)) {
      const prev = actions[actions.length - 1];
      if (!prev) continue;
      const more = text(row, header.descriptionCol);
      if (more) prev.description = prev.description ? `${prev.description} ${more}` : more;
      const lead = text(row, header.leadCol);
      if (lead) prev.execLead = prev.execLead ? `${prev.execLead} ${lead}` : lead;
      continue;
    }

    // ---- an item ----------------------------------------------------------------------
    const serviceErr = cellError(serviceCell);
    if (serviceErr) {
      add("formula-error", a1(row, header.serviceAreaCol), `Service Area holds the Excel error ${serviceErr}: correct the formula so it names the service area.`);
    } else if (!serviceArea) {
      // Money but no service area: kept as an item so its money is not silently lost.
      add("missing-field", a1(row, header.serviceAreaCol), `Row ${row} has a saving but no Service Area: name the service area it belongs to.`);
    }
    const name = serviceArea ? quote(serviceArea) : `on row ${row}`;

    let valuePence: number | null = null;
    const r = parseMoney(moneyCell, { thousands: header.thousands });
    if (r.status === "ok") {
      if (r.value < 0) {
        add("negative-value", moneyAddress, `The saving for ${name}, ${quote(displayText(moneyCell))}, is negative: a saving must be zero or more, so it has not been used.`);
      } else {
        valuePence = r.value;
        if (r.value === 0) add("zero-value", moneyAddress, `The saving for ${name} is £0: enter the amount it is expected to save.`);
      }
    } else if (r.status === "empty") {
      add("missing-field", moneyAddress, `The item ${name} has no saving: enter the amount, e.g. £75,000.`);
    } else if (r.status === "error") {
      add("formula-error", moneyAddress, `The saving for ${name} holds the Excel error ${r.error}: correct the formula so it gives an amount.`);
    } else {
      add("invalid-money", moneyAddress, explain(`The saving for ${name}:`, r.reason, "write it as e.g. £75,000 or £75K"));
    }

    let riskLevel: RecoveryAction["riskLevel"] = null;
    if (header.riskLevelCol !== null) {
      const rc = at(row, header.riskLevelCol);
      const rr = parseRiskLevel(rc);
      const addr = a1(row, header.riskLevelCol);
      if (rr.status === "ok") riskLevel = rr.value;
      else if (rr.status === "error") add("formula-error", addr, `The risk level for ${name} holds the Excel error ${rr.error}: correct the formula.`);
      else if (rr.status === "invalid") add("invalid-risk-level", addr, explain(`The risk level for ${name}:`, rr.reason, "use High, Medium or Low"));
    }

    let forecastPence: number | null = null;
    if (header.forecastCol !== null) {
      const fc = at(row, header.forecastCol);
      const fr = parseMoney(fc, { thousands: header.forecastThousands });
      const addr = a1(row, header.forecastCol);
      if (fr.status === "ok") {
        if (fr.value < 0) add("negative-value", addr, `The forecast for ${name}, ${quote(displayText(fc))}, is negative: a forecast saving must be zero or more, so it has not been used.`);
        else forecastPence = fr.value;
      } else if (fr.status === "error") add("formula-error", addr, `The forecast for ${name} holds the Excel error ${fr.error}: correct the formula.`);
      else if (fr.status === "invalid") add("invalid-money", addr, explain(`The forecast for ${name}:`, fr.reason, "write it as e.g. £75,000"));
    }

    const givenRef = text(row, header.refCol);
    const ref = givenRef || `${sheet} row ${row}`;
    actions.push({
      source: "register",
      sheet,
      cell: moneyAddress,
      row,
      ref,
      refCell: givenRef && header.refCol !== null ? a1(row, header.refCol) : null,
      title: serviceArea || null,
      execLead: text(row, header.leadCol) || null,
      description: text(row, header.descriptionCol) || null,
      serviceArea: serviceArea || null,
      valuePence,
      riskLevel,
      planDate: null,
      version: null,
      forecastPence,
      achievedPence: null,
      strategicAims: [],
      counted: true,
    });
  }

  if (statedTotal) {
    const sum = actions.reduce((s, a) => s + (a.valuePence ?? 0), 0);
    if (sum !== statedTotal.pence) {
      const diff = statedTotal.pence - sum;
      add(
        "total-mismatch",
        statedTotal.cell,
        `The stated total ${money(statedTotal.pence)} does not equal the sum of the items above it, ${money(sum)}: ` +
          `it is ${money(Math.abs(diff))} ${diff > 0 ? "more" : "less"}. Correct the total or the items.`,
      );
    }
  }
  return { actions, statedTotal, findings };
}

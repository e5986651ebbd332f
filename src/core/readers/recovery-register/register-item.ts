/**
 * One register line (standard-templates.md §4): a row with a service area is an item, its
 * money required; a row with no service area and no money but text in a text column
 * continues the item above (the seed's descriptions wrap).
 */
import { a1, isBlank } from "../../grid";
import type { RatedRecoveryAction, RecoveryAction, RiskLevel } from "../../records";
import type { Cell } from "../../snapshot";
import { cellError, displayText, parseMoney, parseRiskLevel } from "../../values";
import { quote } from "../../values/input";
import { cellIn, textIn, textOfCell, type RegisterSheet } from "./register-sheet";

/** The row's Service Area cell (the reader finds it once a line, for both questions below). */
export function serviceCellOf(register: RegisterSheet, row: number): Cell | undefined {
  return cellIn(register, row, register.header.serviceAreaCol);
}

/** True where the row continues the item above rather than starting one. */
export function isContinuationRow(register: RegisterSheet, row: number, serviceCell: Cell | undefined): boolean {
  return textOfCell(serviceCell) === "" && cellError(serviceCell) === null && isBlank(cellIn(register, row, register.header.moneyCol));
}

/** Adds a continuation row's description and lead to the item above. */
export function continueItem(register: RegisterSheet, row: number, item: RecoveryAction): void {
  const more = textIn(register, row, register.header.descriptionCol);
  if (more) item.description = item.description ? `${item.description} ${more}` : more;
  const lead = textIn(register, row, register.header.leadCol);
  if (lead) item.execLead = item.execLead ? `${item.execLead} ${lead}` : lead;
}

/** A register line's strategic aims: none (a register has no column for them), one frozen list for every line. */
const NO_AIMS: number[] = Object.freeze([]) as unknown as number[];

/**
 * The item on a row, with its findings. Made whole with room for its rating (the engine
 * rates every line in place, engine.ts `withRating`): two fields stored after the literal
 * put a second store a line beside the record. Its ref, where the line gives none, is null:
 * the line is known by its sheet and row (records.ts refOf), no text built and kept a line.
 */
export function readRegisterItem(register: RegisterSheet, row: number, serviceCell: Cell | undefined): RecoveryAction {
  const { grid, header, raise } = register;
  const sheet = grid.name;
  const serviceArea = textOfCell(serviceCell);
  const serviceError = cellError(serviceCell);
  if (serviceError !== null) {
    raise("formula-error", a1(row, header.serviceAreaCol), { field: `Service Area on row ${row}`, error: serviceError, expected: "the service area's name" });
  } else if (!serviceArea) {
    // Money but no service area: kept as an item so its money is not silently lost.
    raise("missing-field", a1(row, header.serviceAreaCol), {
      field: `Service Area on row ${row}`,
      problem: "empty",
      expected: "the service area its saving belongs to",
    });
  }
  const givenRef = textIn(register, row, header.refCol);
  const item: RatedRecoveryAction = {
    source: "register",
    sheet,
    cell: a1(row, header.moneyCol),
    row,
    ref: givenRef || null,
    refCell: givenRef && header.refCol !== null ? a1(row, header.refCol) : null,
    title: serviceArea || null,
    execLead: textIn(register, row, header.leadCol) || null,
    description: textIn(register, row, header.descriptionCol) || null,
    serviceArea: serviceArea || null,
    valuePence: readSaving(register, row, serviceArea),
    riskLevel: readItemRiskLevel(register, row, serviceArea),
    planDate: null,
    version: null,
    forecastPence: readItemForecast(register, row, serviceArea),
    achievedPence: null,
    strategicAims: NO_AIMS,
    counted: true,
    // Set by the rating (engine.ts); until then what an unrated line would be given.
    rag: "grey",
    ragReason: "",
  };
  return item;
}

/** How messages name the item: its service area, else its row (worked out only for a message). */
function itemName(serviceArea: string, row: number): string {
  return serviceArea ? quote(serviceArea) : `row ${row}`;
}

/** parseMoney's options for a column in pounds or in thousands: two objects, not one a cell. */
const IN_THOUSANDS = { thousands: true } as const;
const IN_POUNDS = { thousands: false } as const;
const moneyIn = (thousands: boolean) => (thousands ? IN_THOUSANDS : IN_POUNDS);

/** The item's saving, whole pence; null where it is missing, invalid or negative. */
function readSaving(register: RegisterSheet, row: number, serviceArea: string): number | null {
  const { header, raise } = register;
  const cell = cellIn(register, row, header.moneyCol);
  const r = parseMoney(cell, moneyIn(header.thousands));
  if (r.status === "ok" && r.value > 0) return r.value;
  const address = a1(row, header.moneyCol);
  const field = `The saving for ${itemName(serviceArea, row)}`;
  switch (r.status) {
    case "ok":
      if (r.value < 0) {
        raise("negative-value", address, { field, text: displayText(cell) });
        return null;
      }
      raise("zero-value", address, { field });
      return r.value;
    case "empty":
      raise("missing-field", address, { field, problem: "empty", expected: "the amount, e.g. £75,000" });
      return null;
    case "error":
      raise("formula-error", address, { field, error: r.error, expected: "an amount of money" });
      return null;
    case "invalid":
      raise("invalid-money", address, { field, reason: r.reason, example: "£75,000 or £75K" });
      return null;
  }
}

function readItemRiskLevel(register: RegisterSheet, row: number, serviceArea: string): RiskLevel | null {
  const { header, raise } = register;
  if (header.riskLevelCol === null) return null;
  const r = parseRiskLevel(cellIn(register, row, header.riskLevelCol));
  if (r.status === "ok") return r.value;
  if (r.status === "empty") return null;
  const address = a1(row, header.riskLevelCol);
  const field = `The risk level for ${itemName(serviceArea, row)}`;
  if (r.status === "error") raise("formula-error", address, { field, error: r.error, expected: "High, Medium or Low" });
  else raise("invalid-risk-level", address, { field, reason: r.reason });
  return null;
}

function readItemForecast(register: RegisterSheet, row: number, serviceArea: string): number | null {
  const { header, raise } = register;
  if (header.forecastCol === null) return null;
  const cell = cellIn(register, row, header.forecastCol);
  const r = parseMoney(cell, moneyIn(header.forecastThousands));
  if (r.status === "ok" && r.value >= 0) return r.value;
  if (r.status === "empty") return null;
  const address = a1(row, header.forecastCol);
  const field = `The forecast for ${itemName(serviceArea, row)}`;
  if (r.status === "ok") {
    raise("negative-value", address, { field, text: displayText(cell) });
  } else if (r.status === "error") raise("formula-error", address, { field, error: r.error, expected: "an amount of money" });
  else raise("invalid-money", address, { field, reason: r.reason, example: "£75,000" });
  return null;
}

/**
 * Properties of the readers on any sheet: nothing throws, and every finding points at a
 * cell inside the sheet's used range (a user can only be sent to a cell that exists).
 */
import fc from "fast-check";
import { parseA1, SheetGrid } from "../../src/core/grid";
import { findingSchema, type Finding } from "../../src/core/findings";
import { findDirectionsHeaders, readDirections } from "../../src/core/readers/directions";
import { isRecoveryActionSheet, readRecoveryAction } from "../../src/core/readers/recovery-action";
import { findRegisterHeader, readRecoveryRegister } from "../../src/core/readers/recovery-register";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { damagedTemplate, randomSheet } from "./arbitraries";

/** Runs every reader on a sheet, whatever it looks like, and gathers what they say. */
function readAll(sheet: SheetSnapshot): { grid: SheetGrid; findings: Finding[]; cells: string[] } {
  const grid = new SheetGrid(sheet);
  const findings: Finding[] = [];
  const cells: string[] = [];
  isRecoveryActionSheet(grid);
  const form = readRecoveryAction(grid);
  findings.push(...form.findings);
  cells.push(form.action.cell);
  const header = findRegisterHeader(grid);
  if (header) {
    const reg = readRecoveryRegister(grid, header);
    findings.push(...reg.findings);
    cells.push(...reg.actions.map((a) => a.cell));
  }
  findDirectionsHeaders(grid);
  const dirs = readDirections(grid);
  findings.push(...dirs.findings);
  for (const d of dirs.directions) cells.push(d.cell, d.progressCell);
  return { grid, findings, cells };
}

/** True where an A1 address lies within the sheet's used range (A1 always counts, even on an empty sheet). */
function inside(grid: SheetGrid, address: string): boolean {
  const { row, col } = parseA1(address);
  return row >= 1 && col >= 1 && row <= Math.max(1, grid.maxRow) && col <= Math.max(1, grid.maxCol);
}

const sheets = fc.oneof(randomSheet(), damagedTemplate());

describe("readers on any sheet", () => {
  it("never throw, and give well-formed findings on the sheet read", () => {
    fc.assert(
      fc.property(sheets, (sheet) => {
        const { findings } = readAll(sheet);
        for (const f of findings) {
          expect(findingSchema().safeParse(f).success).toBe(true);
          expect(f.sheet).toBe(sheet.name);
          expect(f.message.trim()).not.toBe("");
        }
      }),
      { numRuns: 400 },
    );
  });

  it("point every finding and every record at a cell inside the used range", () => {
    fc.assert(
      fc.property(sheets, (sheet) => {
        const { grid, findings, cells } = readAll(sheet);
        for (const f of findings) {
          if (!inside(grid, f.cell)) throw new Error(`${f.code} at ${f.cell} lies outside the used range ${grid.maxRow} rows × ${grid.maxCol} columns`);
        }
        for (const c of cells) expect(inside(grid, c)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("reach the deeper paths: the damaged templates still give records and findings", () => {
    // Guards the generators themselves: if the templates stopped being read, the properties above would be empty.
    let directions = 0;
    let registerItems = 0;
    let formFindings = 0;
    fc.assert(
      fc.property(damagedTemplate(), (sheet) => {
        const grid = new SheetGrid(sheet);
        directions += readDirections(grid).directions.length;
        const h = findRegisterHeader(grid);
        if (h) registerItems += readRecoveryRegister(grid, h).actions.length;
        if (isRecoveryActionSheet(grid)) formFindings += readRecoveryAction(grid).findings.length;
      }),
      { numRuns: 150, seed: 42 },
    );
    expect(directions).toBeGreaterThan(0);
    expect(registerItems).toBeGreaterThan(0);
    expect(formFindings).toBeGreaterThan(0);
  });
});

/**
 * A big register's recovery totals step through its lines in code compiled once: the pass
 * over the lines (totals.ts addUpLines) is not thrown out part way through. Run in a child
 * process with V8's deoptimisations traced, on 100,000 lines shaped like the bench's
 * register: each line names its own area, and two of the names ("Bank & Agency (NHS) 39543",
 * "Service Delivery 44026") have the same number in the area table. The old pass compared
 * names only where their numbers were equal, here for the first time at line 44,026, and was
 * thrown out there; with the sort and the shares in the same function, twice more after it.
 */
import * as path from "path";
import { deoptimised, tracedRun } from "../helpers/deopt-trace";
import { ROOT } from "../helpers/workbooks";

const lib = (file: string) => JSON.stringify(path.join(ROOT, "lib", "core", file));

const SCRIPT = `
const { recoveryTotals } = require(${lib("totals.js")});
const { DEFAULT_SETTINGS } = require(${lib("settings.js")});
const AREAS = ["Operational Management", "Reablement Service", "Mental Health", "Planning, Performance, and Programme", "Prescribing", "Bank & Agency (NHS)", "Acute Services", "Service Delivery"];
const actions = [];
for (let i = 1; i <= 100000; i++) {
  const name = i === 39543 ? "Bank & Agency (NHS) 39543" : i === 44026 ? "Service Delivery 44026" : AREAS[(i * 7) % 8] + " " + i;
  actions.push({ source: "register", sheet: "S", cell: "C" + i, row: i, ref: null, refCell: null, title: name, execLead: null, description: null, serviceArea: name, valuePence: ((i * 7919) % 1000) * 100000, riskLevel: null, planDate: null, version: null, forecastPence: null, achievedPence: null, strategicAims: [], counted: true, rag: "grey", ragReason: "" });
}
const t = recoveryTotals(actions, DEFAULT_SETTINGS);
console.log("groups " + t.byServiceArea.length + ", largest " + t.byServiceArea[0].serviceArea);
`;

test("100,000 lines, each its own area, two of one number: the totals' pass over them is thrown out only where it ends", () => {
  const run = tracedRun(SCRIPT);
  expect(run.status).toBe(0);
  // The first line of the largest value (£999,000) is line 321 (7,919 × 321 ends in 999).
  expect(run.stdout).toContain("groups 100000, largest Service Delivery 321");
  // At most the one at the loop's end, where the code after it had not run (the old pass: three).
  expect(deoptimised(run, ["recoveryTotals", "addUpLines", "groupOf"]).length).toBeLessThanOrEqual(1);
});

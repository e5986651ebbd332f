#!/usr/bin/env node
// `npm run demo`: builds the summary of the bundled sample board pack and prints the check report,
// then checks the action-plan sample and builds the programme plan and risks sample (its Action
// Plan Summary and Risk Summary).
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const cli = path.join(root, "bin", "board-summary.js");
const sample = path.join("examples", "board-pack.xlsx");
const output = path.join("examples", "board-pack.summary.xlsx");

function run(args) {
  console.log(`\n$ board-summary ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  return r.status;
}

const checked = run(["check", sample]);
const built = run(["build", sample, "-o", output]);
// Action plans and risk registers: a CCG's OD action plan, an IJB's programme plan and risks.
const plan = run(["check", path.join("examples", "od-action-plan.xlsx")]);
const risks = run(["build", path.join("examples", "programme-plan-and-risks.xlsx"), "-o", path.join("examples", "programme-plan-and-risks.summary.xlsx")]);
// The samples are clean: check exits 0 (no errors); anything else means the demo is broken.
process.exit(checked === 0 && built === 0 && plan === 0 && risks === 0 ? 0 : 1);

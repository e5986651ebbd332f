#!/usr/bin/env node
/**
 * `npm start`: serves the add-in on https://localhost:3000 and, where Excel and Microsoft's
 * office-addin-debugging tool are both present, sideloads it into Excel. Elsewhere it says
 * so plainly and just serves the pane (sideload by hand: docs/addin.md).
 */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const debuggingInstalled = fs.existsSync(path.join(root, "node_modules", "office-addin-debugging", "package.json"));
const excelPossible = process.platform === "win32" || process.platform === "darwin";

const pidFile = path.join(root, ".dev-server.pid");

/** Runs the command in its own process group and records its id, so `npm run stop` can end it. */
function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32", detached: process.platform !== "win32" });
  fs.writeFileSync(pidFile, String(child.pid));
  const forget = () => fs.rmSync(pidFile, { force: true });
  child.on("exit", (code) => {
    forget();
    process.exit(code ?? 0);
  });
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => {
      try {
        process.kill(process.platform === "win32" ? child.pid : -child.pid, signal);
      } catch {
        // already gone
      }
    });
  return child;
}

if (debuggingInstalled && excelPossible) {
  console.log("Board Summary: starting the dev server and sideloading into Excel (office-addin-debugging)…");
  // It runs `npm run dev-server` itself and stops it on `npx office-addin-debugging stop manifest.xml`.
  run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  const why = !excelPossible
    ? "Excel desktop does not run on this system"
    : "office-addin-debugging is not installed (npm install --no-save office-addin-debugging; it is no dependency because its keytar part needs native build tools, docs/addin.md)";
  console.log(`Board Summary: not sideloading into Excel: ${why}.`);
  console.log("Serving the add-in on https://localhost:3000; sideload manifest.xml by hand (docs/addin.md), or open");
  console.log("https://localhost:3000/taskpane.html in a browser to see the pane (it says it runs inside Excel).");
  run(bin("webpack"), ["serve", "--mode", "development"]);
}

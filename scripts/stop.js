#!/usr/bin/env node
/**
 * `npm run stop`: undoes `npm start`. Where Microsoft's office-addin-debugging did the
 * sideloading, it stops the debugging session and unregisters the add-in; otherwise it
 * stops the dev server `npm start` left running (its process id is in .dev-server.pid).
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const pidFile = path.join(root, ".dev-server.pid");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const debuggingInstalled = fs.existsSync(path.join(root, "node_modules", "office-addin-debugging", "package.json"));

if (debuggingInstalled) {
  const r = spawnSync(bin("office-addin-debugging"), ["stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.exitCode = r.status ?? 0;
}

if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  try {
    // The dev server was started in its own process group: stop it and its children.
    process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
    console.log(`Board Summary: stopped the dev server (process ${pid}).`);
  } catch (e) {
    console.log(`Board Summary: the dev server (process ${pid}) was not running (${e.code || e.message}).`);
  }
  fs.rmSync(pidFile, { force: true });
} else if (!debuggingInstalled) {
  console.log("Board Summary: no dev server started by `npm start` is running.");
}
if (!debuggingInstalled)
  console.log("A manifest you sideloaded by hand stays in Excel until you remove it there (docs/addin.md, Develop).");

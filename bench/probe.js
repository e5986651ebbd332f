// Preloaded into every benchmarked child (`node -r ./bench/probe.js …`): on exit, writes the
// process's CPU time (user + system, every thread, milliseconds) and peak resident set size
// (MB) as JSON to the file named by BENCH_PROBE_FILE. With BENCH_GRAPH=1 it adds every
// module file the process loaded (its require graph).
"use strict";
process.on("exit", () => {
  const file = process.env.BENCH_PROBE_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  const out = { cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rssMb: u.maxRSS / 1024 };
  if (process.env.BENCH_GRAPH === "1") out.modules = Object.keys(require.cache);
  require("fs").writeFileSync(file, JSON.stringify(out));
});

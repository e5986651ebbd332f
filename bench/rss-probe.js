// Preloaded into a benchmarked child (`node -r ./bench/rss-probe.js …`): on exit, writes the
// process's peak resident set size (kilobytes) to the file named by BENCH_RSS_FILE.
"use strict";
process.on("exit", () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
});

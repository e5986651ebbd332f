// The second half of `npm run build:cli`: bundles the compiled command line into lib/bundle/
// (webpack.cli.config.js), which starts in about half the time. webpack is a development
// tool: an install for running only (`npm ci --omit=dev`) has none, and there the command
// line runs from what tsc compiled into lib/ (bin/board-summary.js takes whichever is newer).
// `node scripts/bundle-cli.js --profile`: not minified, so a CPU profile names functions.
"use strict";
let webpack;
try {
  webpack = require("webpack");
} catch {
  process.stdout.write("build:cli: webpack is not installed (a running-only install), so the command line runs from lib/ unbundled.\n");
  process.exit(0);
}
const fs = require("fs");
const path = require("path");
const config = require("../webpack.cli.config.js")({ profile: process.argv.includes("--profile") });
webpack(config, (err, stats) => {
  if (err) {
    process.stderr.write(`build:cli: ${err.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (stats.hasErrors() || stats.hasWarnings()) process.stderr.write(stats.toString("errors-warnings") + "\n");
  if (stats.hasErrors()) {
    process.exitCode = 1;
    return;
  }
  // webpack leaves a file it would write unchanged as it was, older than the tsc output just
  // compiled, and bin/board-summary.js would then run the tsc output: the bundle is as new as the build.
  const now = new Date();
  fs.utimesSync(path.join(config.output.path, "board-summary.js"), now, now);
  writeModuleList(stats.compilation, config.output.path);
});

/**
 * lib/bundle/modules.json: each file of the bundle with the source modules in it (paths from
 * the project's root). A run's require graph shows one bundle file, not what is in it; the
 * benchmark (bench/run.ts) reads this to say which packages and which of our modules a
 * `check` loads.
 */
function writeModuleList(compilation, outDir) {
  const root = path.join(__dirname, "..");
  const files = {};
  for (const chunk of compilation.chunks) {
    const sources = new Set();
    const add = (m) => {
      // A concatenated module holds the modules webpack joined into one scope.
      if (m.modules) for (const inner of m.modules) add(inner);
      else if (m.resource) sources.add(path.relative(root, m.resource).split(path.sep).join("/"));
    };
    for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) add(m);
    for (const file of chunk.files) if (file.endsWith(".js")) files[file] = [...sources].sort();
  }
  fs.writeFileSync(path.join(outDir, "modules.json"), JSON.stringify(files, null, 1) + "\n");
}

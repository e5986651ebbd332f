/**
 * The command line as one bundle (lib/bundle/board-summary.js, which bin/board-summary.js
 * runs), made by `npm run build:cli` after tsc (scripts/bundle-cli.js, where webpack is
 * installed). Start-up is most of a small `check`: one minified file, with only the modules and exports `check` uses in it, loads in about half
 * the time of the ~200 files tsc leaves in lib/ (bench/results.md). What only `build`,
 * `template`, `--json` and `version` use is in chunks of its own, loaded when they run.
 */
"use strict";
const path = require("path");

/** `profile` (scripts/bundle-cli.js --profile): not minified, so a CPU profile names the functions. */
module.exports = (env = {}) => ({
  mode: "production",
  target: "node20",
  entry: { "board-summary": "./src/cli/main.ts" },
  output: {
    path: path.join(__dirname, "lib", "bundle"),
    filename: "[name].js",
    chunkFilename: "[name].[contenthash:8].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  // Rebuilds reuse unchanged modules.
  cache: { type: "filesystem", name: env.profile ? "cli-profile" : "cli", buildDependencies: { config: [__filename] } },
  devtool: false,
  resolve: {
    extensions: [".ts", ".js"],
    // fflate's node build requires worker_threads when it loads (a few ms of every `check`, for
    // its async functions, which run in workers); its browser build is the same code but for
    // that. The command line uses only the synchronous functions (Inflate, deflateSync).
    //
    // zip.js's main entry is its whole library: the writer, its filesystem API and its zlib
    // and AES as inline WebAssembly, parsed on every start. The reader takes only ZipReader,
    // the Uint8Array reader and writer and `configure`, all in the core entry with no
    // WebAssembly nor workers (package.ts reads each part's raw data and inflates it itself).
    alias: {
      fflate$: path.join(__dirname, "node_modules", "fflate", "esm", "browser.js"),
      "@zip.js/zip.js$": path.join(__dirname, "node_modules", "@zip.js", "zip.js", "lib", "zip-core-custom.js"),
    },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            // Type checking is tsc's (`npm run typecheck`, `build:cli`); here ES modules out, so
            // unused exports and modules are left out of the bundle.
            transpileOnly: true,
            configFile: path.join(__dirname, "tsconfig.cli.json"),
            compilerOptions: { module: "esnext", moduleResolution: "node" },
          },
        },
        // Our modules do nothing on import but define things: one whose exports are unused is left out.
        sideEffects: false,
      },
    ],
  },
  optimization: {
    minimize: !env.profile,
    // terser's own options as webpack gives them (two compress passes), writing ASCII only:
    // a character past ASCII anywhere in a file (a `£` in a message, saxes's name
    // characters) made node read the whole file as a two-byte string, decoded a character at
    // a time, held at twice the memory, turned back into UTF-8 for the code cache's CRC and
    // scanned in its slower two-byte form by V8. Escapes leave every string and pattern as it was.
    minimizeOptions: { javascript: { compress: { passes: 2 }, format: { ascii_only: true } } },
  },
  performance: { hints: false },
  stats: "errors-warnings",
});

/**
 * Builds the Excel add-in (the task pane and the ribbon commands) and the browser page
 * (dist/index.html, with its worker), as ES modules so Fluent UI tree-shakes.
 * `npm run build` → dist/ (production); `npm run dev-server` serves it on
 * https://localhost:3000 with the Office dev certificates; `npm run serve` serves a built
 * dist/ on http://127.0.0.1:8080 (docs/page.md).
 *
 *   npm run build -- --env url=https://example.org/board-summary
 *
 * writes dist/manifest.xml with that deployment address in place of https://localhost:3000.
 */
"use strict";
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000";
/**
 * office.js comes from Microsoft's CDN, in development as in production: the
 * @microsoft/office-js npm package "is no longer officially supported. Your add-in should
 * get the JavaScript library from the Office content delivery network (CDN)" (its README,
 * version 1.1.110). The browser tests route the CDN address to the package's copy.
 */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * A local copy, served from node_modules, only when asked for (`--env officejs=local`):
 * for development behind a firewall or offline, the one use Microsoft names for it.
 */
const OFFICE_JS_LOCAL = "/office-js/office.js";
const OFFICE_JS_DIR = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");

/** Replaces the development address in the manifest with a deployment one (https only). */
function rewriteManifest(xml, url) {
  const base = String(url || "").replace(/\/+$/, "");
  if (!/^https:\/\/[^\s/"'<>]+(\/[^\s"'<>]*)?$/.test(base))
    throw new Error(`The deployment address must be an https:// URL, e.g. https://example.org/board-summary (got "${url}").`);
  // AppDomain takes an origin only; every other URL takes the full base.
  return xml
    .split(`<AppDomain>${DEV_URL}</AppDomain>`)
    .join(`<AppDomain>${new URL(base).origin}</AppDomain>`)
    .split(DEV_URL)
    .join(base);
}

async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (e) {
    console.warn(
      `Board Summary: could not create or find the Office dev certificates (${e && e.message ? e.message : e}). ` +
        "Serving over plain http on port 3000: Excel will not load the add-in from http; run `npx office-addin-dev-certs install` and start again.",
    );
    return { type: "http" };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const officeJs = !production && env.officejs === "local" ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const deployUrl = env.url;

  return {
    mode: production ? "production" : "development",
    // Rebuilds (and the browser tests' build) reuse unchanged modules: seconds, not a minute.
    cache: { type: "filesystem", buildDependencies: { config: [__filename] } },
    // Not eval-source-map: the page's Content-Security-Policy forbids eval, in development too.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      // The pane's page is also the ribbon's function file (one shared runtime, manifest.xml).
      taskpane: "./src/taskpane/index.tsx",
      // The browser page for .xlsx files. Only its worker (src/page/worker.ts, found by webpack
      // from `new Worker(new URL(...))`) reads and writes packages (src/hosts/xlsx).
      page: "./src/page/index.tsx",
    },
    experiments: { outputModule: true },
    output: {
      path: path.join(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      // The sample board pack the page offers (src/page/sample.ts): dist/assets/board-pack.<hash>.xlsx.
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      module: true,
      chunkFormat: "module",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; here only ES modules out, for tree-shaking.
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        // Read as plain text (no lodash template: its `with` is not allowed in ES module output).
        templateContent: () =>
          fs.readFileSync(path.join(__dirname, "src", "taskpane", "taskpane.html"), "utf8").replace("%OFFICE_JS%", officeJs),
        chunks: ["taskpane"],
        scriptLoading: "module",
      }),
      // The dialog box the ribbon's Build summary shows where Excel has no shared runtime:
      // its title and message come in the address's fragment, shown as text.
      new HtmlWebpackPlugin({
        filename: "build-result.html",
        inject: false,
        templateContent: () =>
          `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Board Summary</title>` +
          `<style>body{font:14px "Segoe UI",Carlito,sans-serif;margin:16px;color:#242424}h1{font-size:18px}p{white-space:pre-line}</style>` +
          `</head><body><main><h1 id="title">Board Summary</h1><p id="message" role="status"></p></main>` +
          `<script>const q=new URLSearchParams(location.hash.slice(1));` +
          `document.getElementById("title").textContent=q.get("title")||"Board Summary";` +
          `document.getElementById("message").textContent=q.get("message")||"";</script></body></html>`,
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        templateContent: () => fs.readFileSync(path.join(__dirname, "src", "page", "page.html"), "utf8"),
        chunks: ["page"],
        scriptLoading: "module",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          // A classic script: it runs where the page is opened as a file and says how to serve it.
          { from: "src/page/served-check.js", to: "served-check.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (deployUrl ? rewriteManifest(content.toString(), deployUrl) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [{ directory: OFFICE_JS_DIR, publicPath: "/office-js", watch: false }],
      server: serving ? await devServerHttps() : "http",
      hot: false,
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_LOCAL = OFFICE_JS_LOCAL;
module.exports.OFFICE_JS_DIR = OFFICE_JS_DIR;

#!/usr/bin/env node
/**
 * `npm run serve`: serves the built dist/ (after `npm run build`) on http://127.0.0.1:8080,
 * so the Board Summary page opens at http://127.0.0.1:8080/ . Local only, no dependencies;
 * the end-to-end tests use the same server (createStaticServer).
 *
 *   node scripts/serve.js [--port 8080] [--host 127.0.0.1] [--dir dist]
 *
 * office.js is also served, from node_modules, at /office-js/ (what a development build of
 * the task pane asks for), so nothing is fetched from another site.
 */
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const OFFICE_JS_DIR = path.join(root, "node_modules", "@microsoft", "office-js", "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file under `dir` that `urlPath` names, or null where it would leave `dir`. */
function within(dir, urlPath) {
  const file = path.resolve(dir, "." + urlPath);
  return file === dir || file.startsWith(dir + path.sep) ? file : null;
}

/**
 * A static file server over `dir` (and office.js at /office-js/). Returns the http.Server,
 * not yet listening. `onRequest(method, url)` is told of every request, and `extraFiles`
 * maps further URL paths to files (both for tests: e.g. axe-core, served from this origin).
 */
function createStaticServer({ dir = path.join(root, "dist"), onRequest, extraFiles = {} } = {}) {
  const base = path.resolve(dir);
  return http.createServer((req, res) => {
    onRequest?.(req.method, req.url);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (urlPath.endsWith("/")) urlPath += "index.html";
    const file = extraFiles[urlPath]
      ? extraFiles[urlPath]
      : urlPath.startsWith("/office-js/")
      ? within(OFFICE_JS_DIR, urlPath.slice("/office-js".length))
      : within(base, urlPath);
    if (!file) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${urlPath}`);
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": stat.size,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 8080, host: "127.0.0.1", dir: path.join(root, "dist") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value.`);
      return argv[++i];
    };
    if (a === "--port") opts.port = Number(next());
    else if (a === "--host") opts.host = next();
    else if (a === "--dir") opts.dir = path.resolve(next());
    else throw new Error(`Unknown option ${a}. Usage: node scripts/serve.js [--port 8080] [--host 127.0.0.1] [--dir dist]`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`--port must be a whole number from 0 to 65535.`);
  return opts;
}

if (require.main === module) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: ${e.message}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(opts.dir, "index.html"))) {
    console.error(`serve: ${path.relative(process.cwd(), opts.dir) || opts.dir} has no index.html: run \`npm run build\` first.`);
    process.exit(2);
  }
  const server = createStaticServer({ dir: opts.dir });
  server.on("error", (e) => {
    console.error(`serve: cannot listen on ${opts.host}:${opts.port} (${e.code === "EADDRINUSE" ? "that port is in use; try --port 8081" : e.message}).`);
    process.exit(1);
  });
  server.listen(opts.port, opts.host, () => {
    const { port } = server.address();
    console.log(`Board Summary page: http://${opts.host}:${port}/  (serving ${opts.dir}; Ctrl+C to stop)`);
  });
}

module.exports = { createStaticServer, parseArgs };

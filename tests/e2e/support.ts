/**
 * What the browser tests share: the build (made when dist/ is missing or older than its
 * sources), a static server on 127.0.0.1 (scripts/serve.js), Chromium, a record of every
 * request and console error, axe-core, and screenshots.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const CHROMIUM = "/usr/bin/chromium";
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const AXE_PATH = "/__test__/axe.min.js";

const { createStaticServer } = require(path.join(ROOT, "scripts", "serve.js")) as {
  createStaticServer(o: { dir?: string; onRequest?: (m: string, u: string) => void; extraFiles?: Record<string, string> }): http.Server;
};
const { OFFICE_JS_DIR, OFFICE_JS_CDN } = require(path.join(ROOT, "webpack.config.js")) as { OFFICE_JS_DIR: string; OFFICE_JS_CDN: string };

/** `describe`, or `describe.skip` with a message saying why, where Chromium is not installed. */
export function describeInChromium(name: string, body: () => void): void {
  if (HAS_CHROMIUM) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it.skip(`skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does this)`, () => undefined);
  });
  // eslint-disable-next-line no-console
  console.warn(`Browser tests "${name}" SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium).`);
}

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** True when dist/ lacks the page or the task pane, or any source is newer than them. */
export function buildIsStale(): boolean {
  const outputs = ["index.html", "taskpane.html"].map((f) => path.join(DIST, f));
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const sources = ["src", "assets", "webpack.config.js", "manifest.xml"].map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f));
  return Math.max(...sources.map(newestMtime)) > built;
}

/** Runs the production build (`npm run build`) when dist/ is missing or stale. */
export function ensureBuilt(): void {
  if (!buildIsStale()) return;
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`The build for the browser tests failed (webpack --mode production):\n${out}`);
  }
}

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves dist/ (and axe-core) on 127.0.0.1 on a free port. */
export async function startServer(): Promise<TestServer> {
  const server = createStaticServer({
    dir: DIST,
    extraFiles: { [AXE_PATH]: path.join(ROOT, "node_modules", "axe-core", "axe.min.js") },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page in a fresh context that records every request and console error. */
export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, whether served or not. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests for Microsoft's office.js CDN, answered here from node_modules. */
  servedLocally: string[];
}

export async function watchedPage(browser: Browser, origin: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, serviceWorkers: "block", locale: "en-GB", timezoneId: "Europe/London" });
  const requests: string[] = [];
  const errors: string[] = [];
  const servedLocally: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  // A safety net: nothing may reach another site, even if a test or the page is wrong.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    return route.abort("blockedbyclient");
  });
  // The production task pane names Microsoft's CDN for office.js; give it the local copy.
  const cdnBase = OFFICE_JS_CDN.replace(/office\.js$/, "");
  await context.route(`${cdnBase}**`, (route) => {
    const url = route.request().url();
    const file = path.join(OFFICE_JS_DIR, new URL(url).pathname.slice(new URL(cdnBase).pathname.length));
    servedLocally.push(url);
    if (file.startsWith(OFFICE_JS_DIR + path.sep) && fs.existsSync(file)) {
      return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
    }
    return route.fulfill({ status: 404, body: "" });
  });
  const page = await context.newPage();
  // Turns on file-chooser interception now: enabled only when a test starts waiting, it can
  // come after the click, and the chooser is then missed.
  page.on("filechooser", () => undefined);
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page, requests, errors, servedLocally };
}

/** The requests that went anywhere but the test server (and in-page blob:/data: URLs). */
export function foreignRequests(w: Watched, origin: string): string[] {
  return w.requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("blob:") && !u.startsWith("data:"));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core over the page as it is now; returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Settled first: mid-transition (a toggle button fading from one fill to the other) axe
  // reads colours no one is left looking at.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  // Served from the page's own origin: its Content-Security-Policy allows no inline script.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: AXE_PATH });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)} ${n.failureSummary ?? ""}`.trim()) }));
  });
}

/** Writes a screenshot to test-artifacts/ (and, with UPDATE_SCREENSHOTS=1, to docs/screenshots/). */
export async function screenshot(page: Page, name: string, { fullPage = true, docs = false } = {}): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
  if (docs && process.env.UPDATE_SCREENSHOTS === "1") {
    const dir = path.join(ROOT, "docs", "screenshots");
    fs.mkdirSync(dir, { recursive: true });
    // The committed one shows the first screen only, to keep the repository small.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
  }
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's accessible text matches `name`;
 * fails where it is not reached, so a control the keyboard cannot reach fails the test.
 */
export async function tabTo(page: Page, name: RegExp, { backwards = false, max = 80 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "";
      const byId = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
      return (el.getAttribute("aria-label") || byId || el.textContent || (el as HTMLInputElement).value || "").trim();
    });
    seen.push(label);
    if (name.test(label)) return;
  }
  throw new Error(`${name} was not reached by ${backwards ? "Shift+Tab" : "Tab"} in ${max} presses; focus went through: ${seen.join(" | ")}`);
}

/** A test file's browser, server and scratch folder, and the pages its tests open. */
export interface PageSession {
  readonly browser: Browser;
  readonly server: TestServer;
  /** The test server's origin (`http://127.0.0.1:port`). */
  readonly origin: string;
  /** A scratch folder for downloads and made workbooks, removed after the file's tests. */
  readonly tmp: string;
  /** A fresh page context `width` px wide, its requests and errors recorded, closed after the test. */
  watch(width?: number): Promise<Watched>;
  /** The page, ready for a workbook ("Choose a workbook" shown). */
  openPage(width?: number): Promise<Watched>;
  /** The page with `file` chosen and its overview shown, nothing still busy. */
  openWorkbook(file: string, width?: number): Promise<Watched>;
  /** Fails the test where the page asked anything of another site or logged an error. */
  expectClean(w: Watched): void;
}

/**
 * Starts the build (where stale), the server and Chromium before a test file's tests, closes
 * each test's pages after it and stops everything after the last. Does nothing where Chromium
 * is missing (the tests are skipped by describeInChromium). `before` runs first (another build).
 */
export function pageSession(tmpPrefix: string, before?: () => void): PageSession {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let tmp: string | undefined;
  const opened: Watched[] = [];
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error("The page session has not started (call pageSession at the top of the test file).");
    return x;
  };
  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    ensureBuilt();
    before?.();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
    server = await startServer();
    browser = await launch();
  }, 240_000);
  afterEach(async () => {
    while (opened.length) await opened.pop()!.context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  const session: PageSession = {
    get browser() {
      return started(browser);
    },
    get server() {
      return started(server);
    },
    get origin() {
      return started(server).origin;
    },
    get tmp() {
      return started(tmp);
    },
    async watch(width = 1280) {
      const w = await watchedPage(session.browser, session.origin, { width, height: 900 });
      opened.push(w);
      return w;
    },
    async openPage(width = 1280) {
      const w = await session.watch(width);
      await w.page.goto(session.origin + "/");
      await w.page.getByRole("button", { name: "Choose a workbook" }).waitFor();
      return w;
    },
    async openWorkbook(file: string, width = 1280) {
      const w = await session.openPage(width);
      await w.page.getByTestId("file-input").setInputFiles(file);
      await w.page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 30_000 });
      await w.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      return w;
    },
    expectClean(w: Watched) {
      expect(foreignRequests(w, session.origin)).toEqual([]);
      expect(w.errors).toEqual([]);
    },
  };
  return session;
}

/**
 * Fails where axe-core finds a serious or critical violation on the page as it is now, with
 * `state` in the message so a failure says which screen broke. Scanned once settled: mid-check,
 * controls are greyed out (disabled, so exempt from the contrast rule), and axe can read a
 * colour and the attribute that exempts it at different moments.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  expect({ state, violations: await seriousAxeViolations(page) }).toEqual({ state, violations: [] });
}

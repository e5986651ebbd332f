/**
 * The page as a new user meets it (issue 13), in Chromium against the production build:
 * one title; an overview whose labels sit by their figures; a findings filter that shows
 * what is pressed; settings before Build, and Build never using settings other than those
 * shown; the sample board pack and the blank templates from the page itself; the page
 * opened as a file saying how to serve it; the task pane outside Excel linking to the page
 * and the command line. Skips without Chromium.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Page } from "playwright-core";
import { analyse } from "../../src/core/engine";
import { loadWorkbook } from "../../src/hosts/xlsx/read";
import { templateWorkbookBytes } from "../../src/hosts/xlsx/template";
import { TEMPLATE_KINDS } from "../../src/core/templates/template-model";
import {
  DIST,
  ROOT,
  describeInChromium,
  expectAccessible,
  foreignRequests,
  pageSession,
  screenshot,
} from "./support";

const BOARD_PACK = path.join(ROOT, "examples", "board-pack.xlsx");

/** The findings filter's buttons as a screen reader meets them: name and pressed state. */
async function filterState(page: Page): Promise<string[]> {
  return page
    .getByRole("group", { name: "Show findings" })
    .getByRole("button")
    .evaluateAll((els) => els.map((e) => `${e.textContent ?? ""}:${e.getAttribute("aria-pressed") ?? "none"}`));
}

async function shownSeverities(page: Page): Promise<string[]> {
  const all = await page.locator("li[data-severity]").evaluateAll((els) => els.map((e) => e.getAttribute("data-severity") ?? ""));
  return [...new Set(all)].sort();
}

async function download(page: Page, act: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), act()]);
  const file = path.join(session.tmp, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename() };
}

/** Every cell's value on every sheet, by sheet name. */
async function cellsOf(bytes: Buffer | Uint8Array): Promise<Record<string, Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, Record<string, string>> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, string> = {};
    ws.eachRow((row) => row.eachCell((c) => void (cells[c.address] = JSON.stringify(c.value))));
    out[ws.name] = cells;
  }
  return out;
}

const session = pageSession("board-summary-start-");

describeInChromium("the page for a new user, in Chromium", () => {
  it("has one title, before and after a workbook is open", async () => {
    const w = await session.openPage();
    const { page } = w;
    expect(await page.getByRole("heading", { level: 1 }).allInnerTexts()).toEqual(["Board Summary"]);
    await page.getByTestId("file-input").setInputFiles(BOARD_PACK);
    await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("heading", { level: 1 }).allInnerTexts()).toEqual(["Board Summary"]);
    expect(await page.getByText("Board Summary for Excel workbooks").count()).toBe(0);
    session.expectClean(w);
  });

  it("at 1280 px lays the overview out in cards, each label beside its figure", async () => {
    const w = await session.openWorkbook(BOARD_PACK, 1280);
    const { page } = w;
    for (const list of ["Recovery action figures", "Direction figures"]) {
      const pairs = await page
        .getByLabel(list)
        .locator("dt")
        .evaluateAll((dts) =>
          dts.map((dt) => {
            // Where the words are, not their boxes: a box can stretch across a column the text does not fill.
            const textRect = (el: Element) => {
              const r = document.createRange();
              r.selectNodeContents(el);
              return r.getBoundingClientRect();
            };
            const a = textRect(dt);
            const b = textRect(dt.nextElementSibling!);
            return { term: dt.textContent, apart: Math.round(b.left - a.right), sameLine: Math.abs(a.top - b.top) < 4 };
          }),
        );
      expect(pairs.length).toBeGreaterThan(0);
      // A label and its figure read as one line: never more than a short gap apart.
      for (const p of pairs) expect({ ...p, apart: p.apart <= 160 }).toEqual({ ...p, apart: true, sameLine: true });
    }
    // The three groups of figures sit side by side at this width, as cards.
    const tops = await page.getByTestId("overview-card").evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(tops.length).toBe(3);
    expect(new Set(tops).size).toBe(1);
    // The headline figure is set large (the type ramp's title sizes, not body text).
    const size = await page.getByTestId("headline-total").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    await screenshot(page, "page-1280", { docs: true });
    session.expectClean(w);
  });

  it("at 320 px stacks the cards and still fits without sideways scrolling", async () => {
    const w = await session.openWorkbook(BOARD_PACK, 320);
    const { page } = w;
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.doc).toBeLessThanOrEqual(320);
    const lefts = await page.getByTestId("overview-card").evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    await expectAccessible(page, "cards at 320 px");
    await screenshot(page, "page-320", { docs: true });
    session.expectClean(w);
  });

  it("the findings filter starts on All, and pressing Warnings shows the warnings only, its state read out", async () => {
    const w = await session.openWorkbook(BOARD_PACK);
    const { page } = w;
    expect(await filterState(page)).toEqual(["All (8):true", "Errors (0):false", "Warnings (7):false", "Info (1):false"]);
    expect(await shownSeverities(page)).toEqual(["info", "warning"]);

    await page.getByRole("button", { name: "Warnings (7)" }).click();
    expect(await filterState(page)).toEqual(["All (8):false", "Errors (0):false", "Warnings (7):true", "Info (1):false"]);
    expect(await shownSeverities(page)).toEqual(["warning"]);
    expect(await page.getByText("Showing 7 of 8 findings: warnings only.").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Info (1)" }).click();
    expect(await shownSeverities(page)).toEqual(["info"]);
    await page.getByRole("button", { name: "Errors (0)" }).click();
    expect(await shownSeverities(page)).toEqual([]);
    expect(await page.getByText("No errors: nothing to show.").isVisible()).toBe(true);
    await expectAccessible(page, "filter on errors, none");

    await page.getByRole("button", { name: "All (8)" }).click();
    expect(await shownSeverities(page)).toEqual(["info", "warning"]);
    expect(await page.getByText("Showing all 8 findings.").isVisible()).toBe(true);
    session.expectClean(w);
  });

  it("puts the settings before Build, and Build waits for typed settings to be saved, saying why", async () => {
    const w = await session.openWorkbook(BOARD_PACK);
    const { page } = w;
    const order = await page.evaluate(() =>
      [...document.querySelectorAll("h2")].map((h) => h.textContent).filter((t) => ["Settings", "Summary sheets", "Findings"].includes(t ?? "")),
    );
    expect(order).toEqual(["Settings", "Summary sheets", "Findings"]);

    const build = page.getByRole("button", { name: "Build summary sheets" });
    expect(await build.getAttribute("aria-disabled")).not.toBe("true");
    // A target typed and not saved: Build does not use the saved £4.5m behind the user's back.
    await page.getByLabel("Savings target").fill("4m");
    await page.getByText(/Save or undo the settings you changed/).waitFor();
    expect(await build.getAttribute("aria-disabled")).toBe("true");
    const describedBy = (await build.getAttribute("aria-describedby")) ?? "";
    const reason = await page.evaluate((ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "), describedBy);
    expect(reason).toMatch(/Save or undo the settings you changed/);
    await screenshot(page, "page-build-waits-for-settings");
    await build.click({ force: true });
    expect(await page.getByRole("button", { name: /^Download/ }).count()).toBe(0);

    // Saved, Build uses what is shown: £4,000,000 − £3,935,000.
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByLabel("Recovery action figures").getByText("£65,000").waitFor();
    await page.getByText(/Save or undo the settings you changed/).waitFor({ state: "detached" });
    expect(await build.getAttribute("aria-disabled")).not.toBe("true");
    await build.click();
    const dl = page.getByRole("button", { name: "Download board-pack.summary.xlsx" });
    await dl.waitFor({ timeout: 30_000 });
    const { file } = await download(page, () => dl.click());
    const built = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), "built.xlsx");
    expect(analyse(built.snapshot).recovery.totals.gapPence).toBe(6_500_000);

    // Undo brings Build back too.
    await page.getByLabel("Savings target").fill("5m");
    await page.getByText(/Save or undo the settings you changed/).waitFor();
    await page.getByRole("button", { name: "Undo changes" }).click();
    await page.getByText(/Save or undo the settings you changed/).waitFor({ state: "detached" });
    expect(await build.getAttribute("aria-disabled")).not.toBe("true");
    session.expectClean(w);
  });

  it("opens the sample board pack from the page itself", async () => {
    const w = await session.openPage();
    const { page } = w;
    await screenshot(page, "page-empty-1280");
    await page.getByRole("button", { name: "Try the sample board pack" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("open-file").innerText()).toMatch(/^Open: board-pack\.xlsx/);
    expect(await page.getByLabel("Recovery action figures").innerText()).toContain("£3,935,000");
    // The sample came from the page's own server, bundled with it.
    expect(w.requests.some((u) => u.startsWith(session.origin + "/") && /board-pack\.[0-9a-f]+\.xlsx$/.test(u))).toBe(true);
    session.expectClean(w);
  });

  it.each([1280, 320])("at %i px, says the server did not answer when the sample cannot be fetched, in words, not as a fault", async (width) => {
    const w = await session.openPage(width);
    const { page } = w;
    // The request fails as a dropped connection does: fetch rejects with a TypeError.
    await page.route(/board-pack\.[0-9a-f]+\.xlsx$/, (route) => route.abort("connectionfailed"));
    await page.getByRole("button", { name: "Try the sample board pack" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "sample board pack" });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toBe("Could not open the sample board pack: this page's server did not answer (is it still running, and is the connection up?)");
    await screenshot(page, `page-sample-unreachable-${width}`);
    // Still fits its width: no sideways scrolling for the message.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(foreignRequests(w, session.origin)).toEqual([]);
  });

  it.each(TEMPLATE_KINDS)("downloads a blank %s template, the same workbook the command line writes", async (kind) => {
    const w = await session.openPage();
    const { page } = w;
    const templates = page.getByRole("region", { name: "Blank templates" });
    const link = templates.getByRole("button", { name: new RegExp(`${kind}\\.xlsx`) });
    const { file, name } = await download(page, () => link.click());
    expect(name).toBe(`${kind}.xlsx`);
    const bytes = fs.readFileSync(file);
    expect(await cellsOf(bytes)).toEqual(await cellsOf(await templateWorkbookBytes(kind)));
    const loaded = await loadWorkbook(new Uint8Array(bytes), name);
    expect(analyse(loaded.snapshot).sheets.map((s) => s.kind)).toEqual([kind]);
    session.expectClean(w);
  });

  it("is accessible before a workbook is opened, with the sample and templates offered", async () => {
    const w = await session.openPage(320);
    await expectAccessible(w.page, "empty, with the sample and templates");
    const widths = await w.page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.doc).toBeLessThanOrEqual(320);
    await screenshot(w.page, "page-empty-320");
    session.expectClean(w);
  });

  it("says how to serve it when dist/index.html is opened as a file", async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(DIST, "index.html")).href);
      const message = page.getByRole("heading", { name: "This page must be served, not opened as a file" });
      await message.waitFor({ timeout: 10_000 });
      const text = await page.locator("body").innerText();
      expect(text).toContain("npm run serve");
      expect(text).toContain("http://127.0.0.1:8080/");
      await screenshot(page, "page-as-file");
    } finally {
      await context.close();
    }
  });

  it("served, never shows the file message", async () => {
    const w = await session.openPage();
    expect(await w.page.getByRole("heading", { name: /must be served/ }).count()).toBe(0);
    expect(await w.page.getByText("This page must be served, not opened as a file").isVisible()).toBe(false);
    session.expectClean(w);
  });
});

describeInChromium("the task pane outside Excel links to the page and the command line", () => {
  it("links to the Board Summary page and to the command line's instructions on it", async () => {
    const w = await session.watch();
    const { page } = w;
    await page.goto(session.origin + "/taskpane.html");
    await page.getByText("Board Summary runs inside Excel.").waitFor({ timeout: 30_000 });
    const pageLink = page.getByRole("link", { name: "the Board Summary page in your web browser" });
    const cliLink = page.getByRole("link", { name: "the board-summary command line" });
    expect(new URL((await pageLink.getAttribute("href"))!, page.url()).href).toBe(`${session.origin}/index.html`);
    expect(new URL((await cliLink.getAttribute("href"))!, page.url()).href).toBe(`${session.origin}/index.html#command-line`);

    // The command line's instructions are on the page, where the link goes.
    const popup = await Promise.all([page.context().waitForEvent("page"), cliLink.click()]).then(([p]) => p);
    await popup.getByRole("heading", { name: "The command line" }).waitFor({ timeout: 30_000 });
    expect(await popup.locator("#command-line").innerText()).toContain("npx board-summary check");
    await expectAccessible(page, "task pane outside Excel, with links");
    await popup.close();
    expect(w.errors).toEqual([]);
  });
});

/**
 * The browser page (dist/index.html) and the add-in's task pane (dist/taskpane.html), used
 * as a person uses them, in Chromium, against the production build served on 127.0.0.1.
 * Builds dist/ first where it is missing or older than its sources; skips without Chromium.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import {
  ROOT,
  describeInChromium,
  expectAccessible,
  foreignRequests,
  pageSession,
  screenshot,
  tabTo,
} from "./support";

const BOARD_PACK = path.join(ROOT, "examples", "board-pack.xlsx");
const SUMMARY_SHEETS = ["Recovery Summary", "Directions Summary", "Data Checks"];

// The sample's figures (examples/README.md, from the Midlothian papers), copied here.
const EXPECTED = {
  asAt: "As at 21/09/2023",
  actions: "12",
  total: "£3,935,000",
  totalPounds: 3_935_000,
  target: "£4,500,000",
  gap: "£565,000",
  gapPounds: 565_000,
  directions: "21",
  period: "half-year 2023/24",
  findingCounts: "0 errors, 7 warnings, 1 for information",
};

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
}

async function waitForOverview(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 30_000 });
}

/** The value shown beside `term` in the overview list called `list`. */
function figure(page: Page, list: string, term: string) {
  return page
    .getByLabel(list)
    .locator("dt")
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** A headline figure: the value under its caption (the summaries' first page, board-pages.md §1). */
function valueBelow(ws: ExcelJS.Worksheet, caption: string): ExcelJS.CellValue | undefined {
  let found: ExcelJS.CellValue | undefined;
  ws.eachRow((row, r) => {
    if (found !== undefined) return;
    row.eachCell((cell, c) => {
      if (found === undefined && cell.value === caption) found = ws.getRow(r + 1).getCell(c).value;
    });
  });
  return found;
}

/** Everything a sheet holds that a change would show: cells, merges and visibility. */
function sheetContent(ws: ExcelJS.Worksheet) {
  const cells: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      cells[c.address] = JSON.stringify(c.value);
    }),
  );
  return { state: ws.state, merges: [...(ws.model.merges ?? [])].sort(), cells };
}

/** The downloaded workbook: summary sheets added, every source sheet as it was. */
async function checkDownload(file: string, expected: { gapPounds: number }): Promise<ExcelJS.Workbook> {
  const input = await readXlsx(BOARD_PACK);
  const output = await readXlsx(file);
  const names = output.worksheets.map((w) => w.name);
  expect(names).toEqual([...input.worksheets.map((w) => w.name), ...SUMMARY_SHEETS]);

  const recovery = output.getWorksheet("Recovery Summary")!;
  expect(valueBelow(recovery, "Total value")).toBe(EXPECTED.totalPounds);
  expect(valueBelow(recovery, "Gap to target")).toBe(expected.gapPounds);
  expect(valueBelow(recovery, "Recovery actions")).toBe(12);
  const directions = output.getWorksheet("Directions Summary")!;
  expect(valueBelow(directions, "Directions")).toBe(21);
  // The period is named in the line under the title.
  const lines: string[] = [];
  directions.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && c.value.startsWith("As at ") && lines.push(c.value))));
  expect(lines[0]).toContain(`period ${EXPECTED.period}`);

  for (const ws of input.worksheets) {
    if (ws.name === "Board Summary Settings") continue; // compared by the caller where settings were not saved
    expect({ sheet: ws.name, ...sheetContent(output.getWorksheet(ws.name)!) }).toEqual({ sheet: ws.name, ...sheetContent(ws) });
  }
  return output;
}

async function download(page: Page, act: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), act()]);
  const file = path.join(session.tmp, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename() };
}

const session = pageSession("board-summary-e2e-");

describeInChromium("the Board Summary page in Chromium", () => {
  it("declares in a Content-Security-Policy that it talks only to its own server, and the browser enforces it", async () => {
    const w = await session.openPage();
    const csp = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).not.toMatch(/unsafe-eval/);
    // A request to another site from the page is refused by the browser itself.
    const outcome = await w.page.evaluate(async () => {
      const violated = new Promise<string>((resolve) =>
        document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true }),
      );
      const sent = fetch("https://example.invalid/upload", { method: "POST", body: "x" }).then(
        () => "sent",
        () => "refused",
      );
      return { sent: await sent, directive: await violated };
    });
    expect(outcome).toEqual({ sent: "refused", directive: "connect-src" });
    expect(foreignRequests(w, session.origin)).toEqual([]);
    // The refusal is logged as a console error, which is the point here; nothing else is.
    expect(w.errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
  });

  it("opens board-pack.xlsx and shows the same figures, RAG and findings as the add-in, with each finding's cell and content", async () => {
    const w = await session.openPage(1280);
    const { page } = w;
    await expectAccessible(page, "empty");
    await chooseFile(page, BOARD_PACK);
    await waitForOverview(page);

    expect(await page.getByText(EXPECTED.asAt).isVisible()).toBe(true);
    expect(await figure(page, "Recovery action figures", "Actions").textContent()).toBe(EXPECTED.actions);
    expect(await figure(page, "Recovery action figures", "Total value").textContent()).toBe(EXPECTED.total);
    expect(await figure(page, "Recovery action figures", "Target").textContent()).toBe(EXPECTED.target);
    expect(await figure(page, "Recovery action figures", "Gap to target").textContent()).toBe(EXPECTED.gap);
    expect(await figure(page, "Direction figures", "Directions").textContent()).toBe(EXPECTED.directions);
    expect(await figure(page, "Direction figures", "Period").textContent()).toBe(EXPECTED.period);
    expect(await page.getByLabel("Directions by RAG").innerText()).toMatch(/Red 3[\s\S]*Amber 2[\s\S]*Green 3[\s\S]*Grey 13/);
    expect(await page.getByTestId("finding-counts").innerText()).toBe(EXPECTED.findingCounts);
    expect(await page.getByTestId("open-file").innerText()).toMatch(/^Open: board-pack\.xlsx \(\d+ KB\)$/);

    // A finding: no grid to jump to, so its address and the cell's content are shown with it.
    const finding = page.locator('li[data-code="non-numeric-progress"]');
    expect(await finding.innerText()).toContain("'Directions 2023-24'!D67");
    expect(await finding.innerText()).toContain("The cell holds: This requires engagement at whole system level.");
    const timeframe = page.locator('li[data-code="unknown-timeframe"]');
    expect(await timeframe.innerText()).toContain("'FRA-01 Planning'!F11");
    expect(await timeframe.innerText()).toContain("The cell holds: Unknown");

    await expectAccessible(page, "loaded, with findings");
    // Filtering the findings by severity works too, and is announced.
    await page.getByRole("button", { name: "Warnings (7)" }).click();
    expect(await page.getByText("Showing 7 of 8 findings: warnings only.").isVisible()).toBe(true);
    await expectAccessible(page, "findings filtered");
    await page.getByRole("button", { name: "All (8)" }).click();

    // The screenshots for the docs are taken in getting-started.test.ts.
    await screenshot(page, "page-1280-findings");
    session.expectClean(w);
  });

  it("fits a 320 px wide window without sideways scrolling", async () => {
    const w = await session.openPage(320);
    const { page } = w;
    await chooseFile(page, BOARD_PACK);
    await waitForOverview(page);
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.view).toBe(320);
    expect(widths.doc).toBeLessThanOrEqual(320);
    // Every settings field fits, the two thresholds side by side included (Fluent's Input
    // keeps a ~200 px minimum unless SettingsForm lets it shrink).
    const inputs = await page
      .getByRole("form", { name: "Settings" })
      .locator("input")
      .evaluateAll((els) => els.map((e) => ({ name: e.getAttribute("id"), right: Math.ceil(e.getBoundingClientRect().right) })));
    expect(inputs.length).toBeGreaterThanOrEqual(5);
    expect(inputs.filter((i) => i.right > 320)).toEqual([]);
    await expectAccessible(page, "loaded at 320 px");
    await screenshot(page, "page-320");
    session.expectClean(w);
  });

  it("recalculates the gap when the savings target is changed in Settings", async () => {
    const w = await session.openPage();
    const { page } = w;
    await chooseFile(page, BOARD_PACK);
    await waitForOverview(page);
    expect(await figure(page, "Recovery action figures", "Gap to target").textContent()).toBe(EXPECTED.gap);

    await page.getByLabel("Savings target").fill("£4,000,000");
    await page.getByRole("button", { name: "Save settings" }).click();
    // £4,000,000 − £3,935,000.
    await figure(page, "Recovery action figures", "Gap to target").filter({ hasText: "£65,000" }).waitFor();
    expect(await figure(page, "Recovery action figures", "Target").textContent()).toBe("£4,000,000");
    // A target below the total shows how far above it the actions are.
    await page.getByLabel("Savings target").fill("3.5m");
    await page.getByRole("button", { name: "Save settings" }).click();
    await figure(page, "Recovery action figures", "Above target by").filter({ hasText: "£435,000" }).waitFor();
    session.expectClean(w);
  });

  it("builds the summary sheets and downloads board-pack.summary.xlsx with the figures, source sheets unchanged", async () => {
    const w = await session.openPage();
    const { page } = w;
    await chooseFile(page, BOARD_PACK);
    await waitForOverview(page);
    expect(await page.getByRole("button", { name: /^Download/ }).count()).toBe(0);

    const buildButton = page.getByRole("button", { name: "Build summary sheets" });
    await buildButton.click();
    const downloadButton = page.getByRole("button", { name: "Download board-pack.summary.xlsx" });
    await downloadButton.waitFor({ timeout: 30_000 });
    // The download sits beside the build button, on the same line at this width.
    const [b, d] = [(await buildButton.boundingBox())!, (await downloadButton.boundingBox())!];
    expect(d.x).toBeGreaterThan(b.x + b.width);
    expect(Math.abs(d.y + d.height / 2 - (b.y + b.height / 2))).toBeLessThan(4);
    expect(await page.getByLabel("Sheets written").innerText()).toMatch(/Recovery Summary[\s\S]*Directions Summary[\s\S]*Data Checks/);
    await expectAccessible(page, "after build");

    const { file, name } = await download(page, () => downloadButton.click());
    expect(name).toBe("board-pack.summary.xlsx");
    const output = await checkDownload(file, { gapPounds: EXPECTED.gapPounds });
    const input = await readXlsx(BOARD_PACK);
    const settings = "Board Summary Settings";
    expect(sheetContent(output.getWorksheet(settings)!)).toEqual(sheetContent(input.getWorksheet(settings)!));
    session.expectClean(w);
  });

  it("says plainly when a file is not a workbook, is password-protected or is broken, and keeps working", async () => {
    const w = await session.openPage();
    const { page } = w;
    const text = path.join(session.tmp, "minutes.xlsx");
    fs.writeFileSync(text, "Minutes of the Integration Joint Board, 21 September 2023\nItem 1, Directions half-year report\n");
    await chooseFile(page, text);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/minutes\.xlsx could not be opened[\s\S]*minutes\.xlsx is not an Excel workbook \(\.xlsx\): it looks like a CSV\/text file/);
    await expectAccessible(page, "file not a workbook");

    // An encrypted workbook: Office's compound file holding an EncryptionInfo stream.
    const encrypted = path.join(session.tmp, "locked.xlsx");
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
    fs.writeFileSync(encrypted, cfb);
    await chooseFile(page, encrypted);
    await alert.filter({ hasText: "locked.xlsx" }).waitFor();
    expect(await alert.innerText()).toMatch(/locked\.xlsx is password-protected/);

    // A workbook cut short (a failed copy or download).
    const truncated = path.join(session.tmp, "cut-short.xlsx");
    const whole = fs.readFileSync(BOARD_PACK);
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    await chooseFile(page, truncated);
    await alert.filter({ hasText: "cut-short.xlsx" }).waitFor();
    expect(await alert.innerText()).toMatch(/cut-short\.xlsx/);
    expect(await page.getByRole("heading", { name: "Overview" }).count()).toBe(0);

    // The page still works: the real workbook opens, and the message goes.
    await chooseFile(page, BOARD_PACK);
    await waitForOverview(page);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await figure(page, "Recovery action figures", "Total value").textContent()).toBe(EXPECTED.total);
    session.expectClean(w);
  });

  it("opens a workbook dropped on the page", async () => {
    const w = await session.openPage();
    const { page } = w;
    const bytes = fs.readFileSync(BOARD_PACK).toString("base64");
    const dataTransfer = await page.evaluateHandle((b64) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([raw], "board-pack.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      return dt;
    }, bytes);
    await page.getByTestId("drop-zone").dispatchEvent("dragover", { dataTransfer });
    await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
    await waitForOverview(page);
    expect(await figure(page, "Direction figures", "Directions").textContent()).toBe(EXPECTED.directions);
    session.expectClean(w);
  });

  it("does it all by keyboard alone: open, change a setting, reach the findings, build, download", async () => {
    const w = await session.openPage();
    const { page } = w;

    await tabTo(page, /^Choose a workbook$/);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
    await chooser.setFiles(BOARD_PACK);
    await waitForOverview(page);

    // A setting: the savings target, saved with Enter (the settings come before Build and the findings).
    await tabTo(page, /^Savings target/);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("5m");
    await tabTo(page, /^Save settings$/);
    await page.keyboard.press("Enter");
    await figure(page, "Recovery action figures", "Gap to target").filter({ hasText: "£1,065,000" }).waitFor();

    // The findings: the severity filter is reached and worked by keyboard.
    await tabTo(page, /^Warnings \(7\)$/);
    await page.keyboard.press("Space");
    await page.getByText("Showing 7 of 8 findings: warnings only.").waitFor();
    await tabTo(page, /^All \(8\)$/, { backwards: true });
    await page.keyboard.press("Space");
    await page.getByText("Showing all 8 findings.").waitFor();

    // A single finding takes the focus, named with its severity, sheet, cell and message, and
    // described by what its cell holds (there is no grid on the page to go to).
    await tabTo(page, /^Warning, sheet Directions 2023-24, cell D67: /);
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const described = (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
      return { tag: el.tagName, name: el.getAttribute("aria-label"), described };
    });
    expect(focused.tag).toBe("LI");
    expect(focused.name).toMatch(/^Warning, sheet Directions 2023-24, cell D67: .+/);
    expect(focused.described).toBe("The cell holds: This requires engagement at whole system level.");
    // The next Tab reaches the next finding, not a control hidden inside this one.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).toMatch(/^(Error|Warning|Info), sheet .+, cell .+: /);

    // Build, back up the page; the download button then has the focus.
    await tabTo(page, /^Build summary sheets$/, { backwards: true });
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Download board-pack.summary.xlsx" }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Download board-pack.summary.xlsx");
    const { file } = await download(page, () => page.keyboard.press("Enter"));
    // £5,000,000 − £3,935,000: the download carries the setting changed on the page.
    await checkDownload(file, { gapPounds: 1_065_000 });
    session.expectClean(w);
  });

  it("reads a large workbook in the background, keeping the page responsive", async () => {
    // board-pack.xlsx plus a 20,000-row ledger sheet.
    const wb = await readXlsx(BOARD_PACK);
    const ledger = wb.addWorksheet("Ledger");
    ledger.addRow(["Date", "Cost centre", "Description", "Amount", "VAT", "Total", "Budget", "Variance"]);
    for (let i = 1; i <= 20_000; i++) {
      ledger.addRow([45000 + (i % 365), `CC${1000 + (i % 97)}`, `Invoice ${i} for care home placements`, i * 3.17, i * 0.63, i * 3.8, 5000, 5000 - i * 3.8]);
    }
    const big = path.join(session.tmp, "large-board-pack.xlsx");
    await wb.xlsx.writeFile(big);

    const w = await session.openPage();
    const { page } = w;
    // The longest gap between animation frames from the moment the file is being opened until
    // its overview shows: reading and checking both run in the worker, so the page keeps painting.
    await page.evaluate(() => {
      const g = window as unknown as { probe: { gap: number; frames: number; done: boolean } };
      g.probe = { gap: 0, frames: 0, done: false };
      let started = false;
      let last = performance.now();
      const tick = (t: number) => {
        started ||= [...document.querySelectorAll("label")].some((l) => l.textContent?.startsWith("Opening large-board-pack.xlsx ("));
        if (started) {
          g.probe.gap = Math.max(g.probe.gap, t - last);
          g.probe.frames++;
        }
        last = t;
        const overview = [...document.querySelectorAll("h2")].some((h) => h.textContent === "Overview");
        if (started && overview) g.probe.done = true;
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await chooseFile(page, big);
    const opening = page.getByText(/^Opening large-board-pack\.xlsx \(/);
    await opening.waitFor();
    await opening.waitFor({ state: "detached", timeout: 60_000 });
    await waitForOverview(page);
    await page.waitForFunction(() => (window as unknown as { probe: { done: boolean } }).probe.done);
    const probe = await page.evaluate(() => (window as unknown as { probe: { gap: number; frames: number } }).probe);
    // Reading and checking take seconds; the page still paints several times a second throughout.
    expect(probe.frames).toBeGreaterThan(5);
    expect(probe.gap).toBeLessThan(300);
    expect(await figure(page, "Recovery action figures", "Total value").textContent()).toBe(EXPECTED.total);
    session.expectClean(w);
  });
});

describeInChromium("the add-in's task pane outside Excel, in Chromium", () => {
  it("says it runs inside Excel, with office.js served locally and no console error", async () => {
    const w = await session.watch();
    await w.page.goto(session.origin + "/taskpane.html");
    await w.page.getByText("Board Summary runs inside Excel.").waitFor({ timeout: 30_000 });
    expect(await w.page.getByRole("heading", { level: 1 }).innerText()).toBe("Board Summary");
    // office.js (and any file it loads) came from node_modules, not from Microsoft's CDN.
    expect(w.servedLocally.some((u) => u.endsWith("/office.js"))).toBe(true);
    const foreign = foreignRequests(w, session.origin).filter((u) => !w.servedLocally.includes(u));
    expect(foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await expectAccessible(w.page, "task pane outside Excel");
  });
});

/**
 * The page with the action-plan and risk samples (issue 11), in Chromium against the
 * production build: the overview's action-plan and risk figures are the command line's
 * (`board-summary check X --json`, run on the same file), the findings are the same list,
 * the heat map fits a 320 px window, every state is axe clean, and a settings change saved
 * and built on the page keeps the settings the workbook already had. Skips without Chromium.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { cli, ensureCliBuilt } from "../cli/spawn";
import {
  ROOT,
  describeInChromium,
  expectAccessible,
  pageSession,
  screenshot,
} from "./support";

const OD_ACTION_PLAN = path.join(ROOT, "examples", "od-action-plan.xlsx");
const PROGRAMME_PLAN_AND_RISKS = path.join(ROOT, "examples", "programme-plan-and-risks.xlsx");
const WITH_ERRORS = path.join(ROOT, "examples", "board-pack-with-errors.xlsx");

type RagCounts = Record<"red" | "amber" | "green" | "blue" | "grey", number>;
/** The parts of `check --json` the overview shows (command-line.md; action-plans-and-risks.md, JSON report). */
interface Report {
  asOf: string;
  findings: { severity: string; code: string; sheet: string; cell: string; message: string }[];
  actionPlan: {
    count: number;
    overdue: number;
    dueSoon: number;
    completion: number | null;
    byRag: RagCounts;
    byStatus: Record<string, number>;
  };
  risks: {
    open: number;
    closed: number;
    byRag: RagCounts;
    heatMap: { grid5: number[][]; grid3: number[][]; singleRating: number };
    items: { rag: string; status: string; mitigations: string[]; reviewDate: string | null }[];
  };
}

const RAG_WORDS = { red: "Red", amber: "Amber", green: "Green", blue: "Blue", grey: "Grey" } as const;

function report(file: string, ...args: string[]): Report {
  const r = cli(["check", file, "--json", ...args]);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Report;
}

/** The RAG ratings that occur, as the overview's badges say them ("Red 2"). */
function ragWords(c: RagCounts): string[] {
  return (Object.keys(RAG_WORDS) as (keyof RagCounts)[]).filter((k) => c[k] > 0).map((k) => `${RAG_WORDS[k]} ${c[k]}`);
}

/** A fraction as the overview writes it, one decimal place half up: 0.7115 → "71.2%", 0.2 → "20.0%". */
function percent(fraction: number): string {
  const tenths = Math.round(fraction * 1000 + 1e-9);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** Each term and its figure in the overview list called `list`. */
async function figures(page: Page, list: string): Promise<Record<string, string>> {
  return page
    .getByLabel(list, { exact: true })
    .evaluate((dl) =>
      Object.fromEntries(Array.from(dl.querySelectorAll("dt")).map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""])),
    );
}

async function badges(page: Page, list: string): Promise<string[]> {
  return page.getByRole("list", { name: list, exact: true }).getByRole("listitem").allInnerTexts();
}

async function cardTitles(page: Page): Promise<string[]> {
  return page.getByRole("region", { name: "Overview" }).getByRole("heading", { level: 3 }).allInnerTexts();
}

/** The findings the page lists, in order, as the JSON report names them. */
async function shownFindings(page: Page): Promise<string[]> {
  return page.locator("li[data-code]").evaluateAll((els) =>
    els.map((e) => {
      const section = e.closest("section[aria-label]")?.getAttribute("aria-label")?.replace(/^Findings on sheet /, "") ?? "";
      return `${section} ${e.getAttribute("data-cell") ?? ""} ${e.getAttribute("data-code") ?? ""}`;
    }),
  );
}

const session = pageSession("board-summary-plans-", ensureCliBuilt);

describeInChromium("action plans and risk registers on the page, in Chromium", () => {
  it("opens od-action-plan.xlsx and shows the command line's action-plan figures and findings", async () => {
    const json = report(OD_ACTION_PLAN);
    const w = await session.openWorkbook(OD_ACTION_PLAN);
    const { page } = w;
    expect(await cardTitles(page)).toEqual(["Action plans", "Data checks"]);
    const a = json.actionPlan;
    expect(await figures(page, "Action plan figures")).toEqual({
      Actions: String(a.count),
      Complete: String(a.byStatus.complete),
      Completion: a.completion === null ? "Not reported" : percent(a.completion),
      Overdue: String(a.overdue),
      "Due within 30 days": String(a.dueSoon),
      "RAG mismatches": String(json.findings.filter((f) => f.code === "rag-mismatch").length),
    });
    // The seed's own figures, so the comparison cannot pass on two empty reports.
    expect([a.count, a.byStatus.complete, a.overdue, a.dueSoon]).toEqual([52, 37, 2, 11]);
    expect(await badges(page, "Actions by RAG")).toEqual(ragWords(a.byRag));
    expect(await shownFindings(page)).toEqual(json.findings.map((f) => `${f.sheet} ${f.cell} ${f.code}`));
    expect(await page.getByText("Stated RAG differs from the facts").count()).toBe(1);
    await expectAccessible(page, "od-action-plan at 1280 px");
    await screenshot(page, "page-action-plan-1280", { docs: true });
    session.expectClean(w);
  });

  it("opens programme-plan-and-risks.xlsx and shows the command line's plan and risk figures", async () => {
    const json = report(PROGRAMME_PLAN_AND_RISKS);
    const w = await session.openWorkbook(PROGRAMME_PLAN_AND_RISKS);
    const { page } = w;
    expect(await cardTitles(page)).toEqual(["Action plans", "Risks", "Data checks"]);
    const a = json.actionPlan;
    expect(await figures(page, "Action plan figures")).toMatchObject({
      Actions: String(a.count),
      Complete: String(a.byStatus.complete),
      Completion: "Not reported",
      Overdue: String(a.overdue),
      "Due within 30 days": String(a.dueSoon),
    });
    expect(a.completion).toBeNull();
    const r = json.risks;
    const open = r.items.filter((i) => i.status === "open");
    expect(await figures(page, "Risk figures")).toEqual({
      Open: String(r.open),
      Closed: String(r.closed),
      "Red or amber without mitigation": String(open.filter((i) => (i.rag === "red" || i.rag === "amber") && i.mitigations.length === 0).length),
      "Reviews overdue": String(open.filter((i) => i.reviewDate !== null && i.reviewDate < json.asOf).length),
      "Rated by one column": String(r.heatMap.singleRating),
    });
    expect([r.open, r.closed, r.heatMap.singleRating]).toEqual([5, 0, 5]);
    expect(await badges(page, "Open risks by RAG")).toEqual(ragWords(r.byRag));
    expect(await shownFindings(page)).toEqual(json.findings.map((f) => `${f.sheet} ${f.cell} ${f.code}`));
    await expectAccessible(page, "programme-plan-and-risks at 1280 px");
    await screenshot(page, "page-plan-and-risks-1280");
    session.expectClean(w);
  });

  it("opens board-pack-with-errors.xlsx: every kind's card, risk figures that are not all zero, and the heat map", async () => {
    const json = report(WITH_ERRORS);
    const w = await session.openWorkbook(WITH_ERRORS);
    const { page } = w;
    expect(await cardTitles(page)).toEqual(["Recovery actions", "Directions", "Action plans", "Risks", "Data checks"]);
    const r = json.risks;
    const open = r.items.filter((i) => i.status === "open");
    const unmitigated = open.filter((i) => (i.rag === "red" || i.rag === "amber") && i.mitigations.length === 0).length;
    const reviewsOverdue = open.filter((i) => i.reviewDate !== null && i.reviewDate < json.asOf).length;
    expect(await figures(page, "Risk figures")).toEqual({
      Open: String(r.open),
      Closed: String(r.closed),
      "Red or amber without mitigation": String(unmitigated),
      "Reviews overdue": String(reviewsOverdue),
    });
    expect([r.open, r.closed, unmitigated, reviewsOverdue]).toEqual([4, 1, 1, 1]);
    expect(await badges(page, "Open risks by RAG")).toEqual(ragWords(r.byRag));
    const a = json.actionPlan;
    expect(await figures(page, "Action plan figures")).toMatchObject({
      Actions: String(a.count),
      Complete: String(a.byStatus.complete),
      Completion: a.completion === null ? "Not reported" : percent(a.completion),
      Overdue: String(a.overdue),
    });
    const table = page.getByRole("table", { name: "Open risks: impact by likelihood (1 to 5)" });
    expect(await table.isVisible()).toBe(true);
    // The heat map is on the first screen at this width, beside the other cards.
    expect((await table.boundingBox())!.y + (await table.boundingBox())!.height).toBeLessThan(900);
    await expectAccessible(page, "board-pack-with-errors at 1280 px, heat map shown");
    await screenshot(page, "page-risks-1280", { docs: true });
    session.expectClean(w);
  });

  it("at 320 px stacks the cards, fits the heat map without sideways scrolling, and stays accessible", async () => {
    const json = report(WITH_ERRORS);
    const w = await session.openWorkbook(WITH_ERRORS, 320);
    const { page } = w;
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.doc).toBeLessThanOrEqual(320);
    const table = page.getByRole("table", { name: "Open risks: impact by likelihood (1 to 5)" });
    const box = (await table.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    // Every cell's count, read as the page shows it, is the command line's grid.
    const grid = await table
      .locator("tr")
      .evaluateAll((rows) =>
        rows.slice(0, 5).map((r) => Array.from(r.querySelectorAll("td[data-band]")).map((c) => Number(c.firstChild?.textContent))),
      );
    expect(grid).toEqual(json.risks.heatMap.grid5);
    // Each count cell is big enough to read and tap: no cell narrower than its text.
    const cells = await table.locator("td[data-band]").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(Math.min(...cells)).toBeGreaterThanOrEqual(24);
    const lefts = await page.getByTestId("overview-card").evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    await expectAccessible(page, "board-pack-with-errors at 320 px, heat map shown");
    await screenshot(page, "page-heat-map-320");
    session.expectClean(w);
  });

  it("shows od-action-plan.xlsx at 320 px, for the docs", async () => {
    const w = await session.openWorkbook(OD_ACTION_PLAN, 320);
    const { page } = w;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page, "od-action-plan at 320 px");
    await screenshot(page, "page-action-plan-320", { docs: true });
    session.expectClean(w);
  });

  it("keeps the workbook's saved settings when a new target is saved and built, into the download", async () => {
    const w = await session.openWorkbook(OD_ACTION_PLAN);
    const { page } = w;
    // The sample saves its organisation and as-at date; the form shows them.
    expect(await page.getByLabel("Organisation").inputValue()).toBe("Castle Point and Rochford CCG and Southend CCG");
    await page.getByLabel("Due soon (days)").fill("120");
    await page.getByLabel("Savings target").fill("4.5m");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved in this workbook.").waitFor();
    expect((await figures(page, "Action plan figures"))["Due within 120 days"]).toBe("13");

    await page.getByRole("button", { name: "Build summary sheets" }).click();
    const button = page.getByRole("button", { name: "Download od-action-plan.summary.xlsx" });
    await button.waitFor({ timeout: 30_000 });
    const [dl] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const file = path.join(session.tmp, dl.suggestedFilename());
    await dl.saveAs(file);

    // The command line reads the download's saved settings: the new ones and the sample's own.
    const text = cli(["check", file]).stdout;
    expect(text).toContain("target £4,500,000; as at 31/03/2020");
    expect(text).toContain("due soon within 120 days");
    expect(text).toContain("organisation Castle Point and Rochford CCG and Southend CCG");
    expect(report(file).actionPlan.dueSoon).toBe(13);
    session.expectClean(w);
  });
});

/** @jest-environment jsdom */
/**
 * The task pane (and the page, which renders the same App) over the action-plan and risk
 * samples, read from the real .xlsx files by the .xlsx host: the overview's action-plan and
 * risk cards, the heat map, the new finding codes by sheet with their catalogue titles and
 * links, the settings that action plans and risks use (and that saving keeps every saved
 * setting), and the new templates in Insert template and the page's downloads.
 */
import "./web-streams";
import "@testing-library/jest-dom";
import * as fs from "fs";
import * as path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CATALOGUE } from "../../src/core/findings";
import { analyse } from "../../src/core/engine";
import { SETTINGS_SHEET_NAME, settingsToJson, DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { loadWorkbook } from "../../src/hosts/xlsx/read";
import { BlankTemplates } from "../../src/page/BlankTemplates";
import { App } from "../../src/taskpane/App";
import { FakeHost, type FakeHostOptions } from "../fakes/fake-host";
import { BOARD_PACK, BOARD_PACK_WITH_ERRORS, OD_ACTION_PLAN, PROGRAMME_PLAN_AND_RISKS } from "../helpers/workbooks";

// The samples save their own as-at dates; this clock is only "generated at".
const NOW = () => new Date("2024-05-01T12:00:00Z");

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return (await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file))).snapshot;
}

async function setup(file: string, options: FakeHostOptions = {}, mode: "excel" | "page" = "excel", edit?: (s: WorkbookSnapshot) => void) {
  const snapshot = await snapshotOf(file);
  edit?.(snapshot);
  const host = new FakeHost(snapshot, options);
  const user = userEvent.setup({ delay: null });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} mode={mode} options={{ now: NOW, debounceMs: 30 }} />
    </FluentProvider>,
  );
  await screen.findByRole("heading", { name: "Overview" });
  return { host, user, view, snapshot };
}

// Found by its heading's id, not by role: a role query walks the whole pane, slow in jsdom with many findings.
const overview = () => document.querySelector<HTMLElement>('section[aria-labelledby="overview-heading"]')!;
const findingsRegion = () => document.querySelector<HTMLElement>('section[aria-labelledby="findings-heading"]')!;
const sheetFindings = (sheet: string) => findingsRegion().querySelector<HTMLElement>(`section[aria-label="Findings on sheet ${sheet}"]`)!;
const filter = () => document.querySelector<HTMLElement>('[role="group"][aria-label="Show findings"]')!;
const cardTitles = () => within(overview()).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);

/** Each term and its figure in the overview list called `list`. */
function figures(list: string): Record<string, string> {
  const dl = within(overview()).getByLabelText(list);
  const out: Record<string, string> = {};
  for (const dt of Array.from(dl.querySelectorAll("dt"))) out[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
  return out;
}
const badges = (list: string) =>
  within(within(overview()).getByRole("list", { name: list }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

/** The heat map's key, band by band, in words. */
const heatMapKey = () =>
  within(within(overview()).getByRole("list", { name: /^Key: / }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

/** The workbook's saved settings replaced by `settings`. */
function withSettings(settings: Settings) {
  return (s: WorkbookSnapshot) => {
    const sheet = s.sheets.find((x) => x.name === SETTINGS_SHEET_NAME)!;
    sheet.cells = [{ row: 1, col: 1, value: settingsToJson(settings) }];
  };
}

describe("the overview of an action plan (examples/od-action-plan.xlsx, seed 003)", () => {
  it("shows the action-plan card only, with the plan's figures and its RAG spread in words", async () => {
    await setup(OD_ACTION_PLAN);
    expect(cardTitles()).toEqual(["Action plans", "Data checks"]);
    // The sample's figures as the command line reports them (examples/README.md).
    expect(figures("Action plan figures")).toEqual({
      Actions: "52",
      Complete: "37",
      Completion: "71.2%",
      Overdue: "2",
      "Due within 30 days": "11",
      "RAG mismatches": "1",
    });
    expect(screen.getByTestId("action-plan-count")).toHaveTextContent("52");
    expect(badges("Actions by RAG")).toEqual(["Red 2", "Green 48", "Grey 2"]);
    // Each badge says its word; the colour is beside it, never alone.
    for (const b of within(overview()).getByRole("list", { name: "Actions by RAG" }).querySelectorAll("[data-rag]")) {
      expect(b.textContent).toMatch(/^(Red|Amber|Green|Blue|Grey) \d+$/);
    }
  });

  it("agrees with the engine's totals figure for figure", async () => {
    const { snapshot } = await setup(OD_ACTION_PLAN);
    const t = analyse(snapshot, { now: NOW() }).actionPlan.totals;
    const f = figures("Action plan figures");
    expect([f.Actions, f.Complete, f.Overdue, f["Due within 30 days"], f["RAG mismatches"]]).toEqual(
      [t.count, t.byStatus.complete, t.overdue, t.dueSoon, t.ragMismatches].map(String),
    );
  });

  it("names the due-soon window it counts with, and counts again when it is changed and saved", async () => {
    const { user, host } = await setup(OD_ACTION_PLAN);
    const days = screen.getByRole("textbox", { name: /Due soon \(days\)/ });
    expect(days).toHaveValue("30");
    await user.clear(days);
    await user.type(days, "120");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in this workbook.");
    expect(host.savedSettings.at(-1)?.dueSoonDays).toBe(120);
    const f = figures("Action plan figures");
    expect(f["Due within 30 days"]).toBeUndefined();
    // Eleven actions are due on the as-at date (31/03/2020) itself; two more by the end of July.
    expect(f["Due within 120 days"]).toBe("13");
    expect(analyse(host.snapshot, { now: NOW() }).actionPlan.totals.dueSoon).toBe(13);
  });
});

describe("the overview of a programme plan and risk register (examples/programme-plan-and-risks.xlsx, seed 004)", () => {
  it("shows a schedule's actions without a completion rate, and the risks rated by one column", async () => {
    await setup(PROGRAMME_PLAN_AND_RISKS);
    expect(cardTitles()).toEqual(["Action plans", "Risks", "Data checks"]);
    expect(figures("Action plan figures")).toMatchObject({ Actions: "28", Complete: "0", Completion: "Not reported", Overdue: "2" });
    expect(within(overview()).getByText(/No progress or RAG column: add one/)).toBeInTheDocument();
    expect(figures("Risk figures")).toEqual({
      Open: "5",
      Closed: "0",
      "Red or amber without mitigation": "0",
      "Reviews overdue": "0",
      "Rated by one column": "5",
    });
    expect(badges("Open risks by RAG")).toEqual(["Red 4", "Amber 1"]);
    // Rated High/Medium/Low by impact alone: no grid to draw.
    expect(within(overview()).queryByRole("table")).not.toBeInTheDocument();
  });
});

describe("the heat map (examples/board-pack-with-errors.xlsx)", () => {
  it("counts open risks by impact and likelihood in every cell, with headers and each band in words", async () => {
    const { snapshot } = await setup(BOARD_PACK_WITH_ERRORS);
    expect(cardTitles()).toEqual(["Recovery actions", "Directions", "Action plans", "Risks", "Data checks"]);
    const risks = analyse(snapshot, { now: NOW() }).risks.totals;
    const table = within(overview()).getByRole("table", { name: "Open risks: impact by likelihood (1 to 5)" });
    const rows = within(table).getAllByRole("row");
    // Five impact rows (5 at the top), then the likelihood headers along the bottom.
    const counts = rows.slice(0, 5).map((r) => within(r).getAllByRole("cell").map((c) => Number(c.firstChild?.textContent)));
    expect(counts).toEqual(risks.heatMap.grid5);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(2);
    expect(rows.slice(0, 5).map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["Impact 5", "Impact 4", "Impact 3", "Impact 2", "Impact 1"]);
    expect(within(rows[5]).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Likelihood ${n}`),
    );
    // Impact 4 × likelihood 4 = 16: red under the default thresholds, its band said in words.
    const cell = within(rows[1]).getAllByRole("cell")[3];
    expect(cell).toHaveTextContent("1 risk, Red");
    expect(cell).toHaveAttribute("data-band", "red");
    const [row, col] = cell.getAttribute("headers")!.split(" ").map((id) => document.getElementById(id)!.textContent);
    expect([row, col]).toEqual(["Impact 4", "Likelihood 4"]);
    // Every cell holds its count, zeros too, and its band.
    for (const c of within(table).getAllByRole("cell").filter((x) => x.hasAttribute("data-band"))) {
      expect(c.textContent).toMatch(/^\d+ risks?, (Red|Amber|Green)$/);
    }
    expect(heatMapKey()).toEqual(["Red: score 15 or more", "Amber: score 8 to 14", "Green: score 1 to 7"]);
    expect(figures("Risk figures")).toMatchObject({ Open: String(risks.open), Closed: String(risks.closed) });
  });

  it("draws the bands from the saved risk thresholds", async () => {
    await setup(BOARD_PACK_WITH_ERRORS, {}, "excel", withSettings({ ...DEFAULT_SETTINGS, asOf: "2024-03-31", riskRed: 20, riskAmber: 12 }));
    const table = within(overview()).getByRole("table", { name: /impact by likelihood/ });
    const impact4 = within(table).getAllByRole("row")[1];
    // 4 × 4 = 16 is amber from 12 to 19.
    expect(within(impact4).getAllByRole("cell")[3]).toHaveAttribute("data-band", "amber");
    expect(heatMapKey()).toEqual(["Red: score 20 or more", "Amber: score 12 to 19", "Green: score 1 to 11"]);
  });
});

describe("the overview shows only the kinds a workbook holds", () => {
  it("keeps recovery actions and directions, without empty action-plan or risk cards (examples/board-pack.xlsx)", async () => {
    await setup(BOARD_PACK);
    expect(cardTitles()).toEqual(["Recovery actions", "Directions", "Data checks"]);
  });

  it("says so where no sheet is a template", async () => {
    await setup(BOARD_PACK, {}, "excel", (s) => {
      s.sheets = [{ name: "Notes", visibility: "visible", cells: [{ row: 1, col: 1, value: "Minutes of the last meeting" }], merges: [] }];
    });
    expect(cardTitles()).toEqual(["Template sheets", "Data checks"]);
    expect(within(overview()).getByText("None found")).toBeInTheDocument();
  });
});

describe("the new findings, by sheet (examples/board-pack-with-errors.xlsx)", () => {
  const NEW_CODES = [
    "rag-mismatch",
    "missing-due-date",
    "unknown-due-date",
    "rag-colour-only",
    "unclear-progress",
    "invalid-rag",
    "no-progress-column",
    "score-mismatch",
    "residual-above-current",
    "review-overdue",
    "missing-owner",
    "missing-mitigation",
    "invalid-rating",
    "missing-rating",
  ] as const;

  it("lists each under its sheet, titled from the catalogue, linking to its cell", async () => {
    const { host, user, snapshot } = await setup(BOARD_PACK_WITH_ERRORS);
    const findings = analyse(snapshot, { now: NOW() }).findings;
    const region = findingsRegion();
    for (const sheet of ["Action Plan", "Programme Plan", "Risk Register"]) {
      const group = sheetFindings(sheet);
      expect(within(group).getByRole("heading", { level: 3 })).toHaveTextContent(sheet);
      const shown = within(group)
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("data-code"));
      expect(shown).toEqual(findings.filter((f) => f.sheet === sheet).map((f) => f.code));
    }
    const shownCodes = new Set(Array.from(region.querySelectorAll("li[data-code]")).map((li) => li.getAttribute("data-code")));
    for (const code of NEW_CODES) expect({ code, shown: shownCodes.has(code) }).toEqual({ code, shown: true });

    // The stated RAG that the facts contradict: its title, message and link to its cell.
    const mismatch = sheetFindings("Action Plan").querySelector('li[data-code="rag-mismatch"]') as HTMLElement;
    expect(within(mismatch).getByText(CATALOGUE["rag-mismatch"].title)).toBeInTheDocument();
    expect(CATALOGUE["rag-mismatch"].title).toBe("Stated RAG differs from the facts");
    const f = findings.find((x) => x.code === "rag-mismatch" && x.sheet === "Action Plan")!;
    expect(within(mismatch).getByText(f.message)).toBeInTheDocument();
    const link = within(mismatch).getByRole("button", { name: `Go to cell ${f.cell} on sheet Action Plan` });
    expect(link).toHaveAccessibleDescription(`Warning Stated RAG differs from the facts ${f.message}`);
    await user.click(link);
    expect(host.goToCalls).toEqual([{ sheet: "Action Plan", cell: f.cell }]);

    // Every finding shows its own code's title.
    for (const li of Array.from(region.querySelectorAll("li[data-code]"))) {
      const code = li.getAttribute("data-code") as keyof typeof CATALOGUE;
      expect(within(li as HTMLElement).getByText(CATALOGUE[code].title)).toBeInTheDocument();
    }
  });

  it("filters them by severity like the others", async () => {
    const { user, snapshot } = await setup(BOARD_PACK_WITH_ERRORS);
    const findings = analyse(snapshot, { now: NOW() }).findings;
    const info = findings.filter((f) => f.severity === "info");
    await user.click(within(filter()).getByRole("button", { name: `Info (${info.length})` }));
    const region = findingsRegion();
    const shown = Array.from(region.querySelectorAll("li[data-code]")).map((li) => li.getAttribute("data-code"));
    expect(shown).toEqual(info.map((f) => f.code));
    expect(shown).toEqual(expect.arrayContaining(["rag-colour-only", "no-progress-column"]));
    await user.click(within(filter()).getByRole("button", { name: /^Errors \(/ }));
    const errors = Array.from(region.querySelectorAll("li[data-code]")).map((li) => li.getAttribute("data-code"));
    expect(errors).toEqual(expect.arrayContaining(["score-mismatch", "invalid-rating"]));
    expect(errors).not.toContain("rag-mismatch");
  });

  it("on the page, reads each out with its title and shows what its cell holds", async () => {
    const { snapshot } = await setup(BOARD_PACK_WITH_ERRORS, { goToCell: false, insertTemplate: false }, "page");
    const f = analyse(snapshot, { now: NOW() }).findings.find((x) => x.code === "score-mismatch")!;
    const item = within(sheetFindings("Risk Register")).getByRole("listitem", {
      name: `Error, sheet Risk Register, cell ${f.cell}: Score is not likelihood × impact. ${f.message}`,
    });
    expect(within(item).getByText(`'Risk Register'!${f.cell}`)).toBeInTheDocument();
    expect(item).toHaveAccessibleDescription(/^The cell holds: /);
    // A RAG shown by colour alone: the cell has a fill but no text, and is not called empty.
    const colourOnly = sheetFindings("Action Plan").querySelector<HTMLElement>('li[data-code="rag-colour-only"]')!;
    expect(colourOnly).toHaveAccessibleDescription("The cell holds no text.");
  });
});

describe("the settings action plans and risks use", () => {
  // Saved in the workbook by a colleague (or the command line's sample maker): every one of them set.
  const SAVED: Settings = {
    ...DEFAULT_SETTINGS,
    asOf: "2020-03-31",
    organisation: "Castle Point and Rochford CCG and Southend CCG",
    dueSoonDays: 14,
    riskRed: 16,
    riskAmber: 9,
  };

  it("shows them as saved, and saving a new target keeps every other saved setting", async () => {
    const { host, user } = await setup(OD_ACTION_PLAN, {}, "excel", withSettings(SAVED));
    expect(screen.getByRole("textbox", { name: /Organisation/ })).toHaveValue(SAVED.organisation);
    expect(screen.getByRole("textbox", { name: /Due soon \(days\)/ })).toHaveValue("14");
    expect(screen.getByRole("textbox", { name: /Risk red score/ })).toHaveValue("16");
    expect(screen.getByRole("textbox", { name: /Risk amber score/ })).toHaveValue("9");
    expect(figures("Action plan figures")["Due within 14 days"]).toBeDefined();

    await user.type(screen.getByRole("textbox", { name: /Savings target/ }), "4.5m");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in this workbook.");
    expect(host.savedSettings).toEqual([{ ...SAVED, targetPence: 450_000_000 }]);
    // And the workbook, read again, holds them all.
    expect(analyse(host.snapshot, { now: NOW() }).settings).toEqual({ ...SAVED, targetPence: 450_000_000 });
  });

  it("refuses a risk amber score not below red on its own field, with the shared message, and does not save", async () => {
    const { host, user } = await setup(PROGRAMME_PLAN_AND_RISKS);
    const red = screen.getByRole("textbox", { name: /Risk red score/ });
    await user.clear(red);
    await user.type(red, "8");
    const message = "Invalid setting: the risk amber score must be below the risk red score.";
    expect(screen.getByRole("textbox", { name: /Risk amber score/ })).toHaveAccessibleDescription(expect.stringContaining(message));
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(host.savedSettings).toHaveLength(0);
    expect(screen.getByRole("textbox", { name: /Risk amber score/ })).toHaveFocus();
  });

  it("says what a due-soon window must be, at the field", async () => {
    const { host, user } = await setup(OD_ACTION_PLAN);
    const days = screen.getByRole("textbox", { name: /Due soon \(days\)/ });
    await user.clear(days);
    await user.type(days, "a month");
    expect(days).toHaveAccessibleDescription(
      expect.stringContaining("The due-soon window 'a month' is not a whole number: enter a whole number of days from 0 to 365, such as 30."),
    );
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(days).toHaveFocus());
    expect(host.savedSettings).toHaveLength(0);
  });
});

describe("the new templates", () => {
  it("can be inserted from the pane, in plain words", async () => {
    const { host, user } = await setup(OD_ACTION_PLAN);
    const panel = screen.getByRole("region", { name: "Insert template sheet" });
    expect(within(panel).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "Insert recovery action form",
      "Insert savings register",
      "Insert directions report",
      "Insert action plan",
      "Insert risk register",
    ]);
    await user.click(within(panel).getByRole("button", { name: "Insert action plan" }));
    await user.click(await within(panel).findByRole("button", { name: "Action Plan" }));
    await user.click(within(panel).getByRole("button", { name: "Insert risk register" }));
    await within(panel).findByRole("button", { name: "Risk Register" });
    expect(host.templates).toEqual(["action-plan", "risk-register"]);
  });

  it("are offered as downloads on the page, in plain words, each made by the template writer", async () => {
    const made: string[] = [];
    const createObjectURL = jest.fn(() => "blob:template");
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const user = userEvent.setup({ delay: null });
    render(
      <FluentProvider theme={webLightTheme}>
        <BlankTemplates
          makeTemplate={async (kind) => {
            made.push(kind);
            return new Uint8Array([1]);
          }}
        />
      </FluentProvider>,
    );
    const region = screen.getByRole("region", { name: "Blank templates" });
    const names = within(region).getAllByRole("button").map((b) => b.textContent);
    expect(names).toEqual(expect.arrayContaining(["Action plan (action-plan.xlsx)", "Risk register (risk-register.xlsx)"]));
    await user.click(within(region).getByRole("button", { name: "Action plan (action-plan.xlsx)" }));
    await user.click(within(region).getByRole("button", { name: "Risk register (risk-register.xlsx)" }));
    await waitFor(() => expect(made).toEqual(["action-plan", "risk-register"]));
    expect(click).toHaveBeenCalledTimes(2);
    click.mockRestore();
  });
});

describe("accessibility of the new cards", () => {
  // Its own time limit: axe walks every node of the pane in jsdom, minutes on a loaded machine.
  it("has no axe violations with action plans, risks and the heat map shown", async () => {
    const axe = (await import("axe-core")).default;
    const canvas = jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
    const { view } = await setup(BOARD_PACK_WITH_ERRORS);
    const result = await axe.run(view.container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    canvas.mockRestore();
  }, 300_000);
});

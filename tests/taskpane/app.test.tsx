/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { summarise, type AnalyseOptions } from "../../src/core/engine";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { HostError } from "../../src/hosts/host";
import { App } from "../../src/taskpane/App";
import { checkSnapshot, type EnginePort } from "../../src/taskpane/checking";
import { FakeHost, type FakeHostOptions } from "../fakes/fake-host";
import { sheet, type TestCell } from "../helpers/grid";

// Seed 000's recovery-action form (Midlothian HSCP 2024/25), every required field filled.
const FORM: Record<string, TestCell> = {
  A1: "Midlothian Health and Social Care",
  A3: "Finance Recovery Action: Planning, Performance, and Programme Funding",
  B3: "Exec Lead(s):",
  C3: "Gill Main, Integration Manager",
  A4: "Description: A reduction in funding to the Planning Performance and Programme team.",
  B4: "Lead Service Area(s):",
  C4: "Planning, Performance, and Programme",
  B5: "Financial Recovery Value",
  C5: "£448K",
  B6: "Risk Level (of not delivering the financial saving)",
  C6: "Medium",
  D6: "Plan Date",
  E6: "21/03/2024",
  D7: "Version",
  E7: "v1",
  A9: "Strategic Aims",
  B9: "Actions",
  C9: "Dependencies",
  D9: "Risk Mitigation",
  F9: "Delivery Timeframe",
  A10: "No.1 No.2",
  B10: "Commence Organisational Change with partners.",
  C10: "Collaborative working across organisations.",
  D10: "Limited return while change is under way.",
  E10: "Suspend recruitment to posts which become vacant.",
  F10: "March 2024",
  A13: "Triangulation",
  F13: "Reporting Frequency",
  B15: "Population Need",
  F15: "Quarterly",
  B16: "Finance",
  F16: "Quarterly",
  B17: "Outcomes",
  F17: "Quarterly",
};
const MERGES = ["D9:E9"];

// Seed 002's directions layout (Midlothian IJB half-year 2023/24): 92%, 69% and narrative progress.
const DIRECTIONS: TestCell[][] = [
  ["Health & Wellbeing"],
  ["No", "Direction", "Measure and metric", "Progress at half-year 2023/24", "Source"],
  ["1.1", "Reduce falls admissions by 10% by January 2024", "• Falls admissions", { value: 0.92, format: "0%" }, "Falls dashboard"],
  ["1.2", "Complete reviews of care packages by March 2024", "• Reviews completed", { value: 0.69, format: "0%" }, "Review log"],
  ["1.3", "Open the new day centre by December 2023", "• Centre open", "This requires engagement at whole system level.", "Project board"],
];

function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      sheet({ ...FORM, C5: "TBC", C3: "Morag Barrow", A3: "Finance Recovery Action: Care at Home review" }, { name: "Care at Home", merges: MERGES }),
      sheet(FORM, { name: "PPP Funding", merges: MERGES }),
      sheet(DIRECTIONS, { name: "Directions" }),
    ],
  };
}

// The as-at date is the board meeting's, so the RAG spread does not move with the clock.
const NOW = () => new Date("2023-09-21T12:00:00Z");

function setup(options: FakeHostOptions = {}, mode: "excel" | "page" = "excel", book: WorkbookSnapshot = workbook()) {
  const host = new FakeHost(book, options);
  const user = userEvent.setup({ delay: null });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} mode={mode} options={{ now: NOW, debounceMs: 30 }} />
    </FluentProvider>,
  );
  return { host, user, view };
}

const overview = () => screen.getByRole("region", { name: "Overview" });
const findingsRegion = () => screen.getByRole("region", { name: "Findings" });
/** The figure beside a term in the overview's definition lists. */
function figure(term: string): string {
  const dt = within(overview()).getByText(term, { selector: "dt" });
  return dt.nextElementSibling?.textContent ?? "";
}
async function checked() {
  await screen.findByRole("heading", { name: "Overview" });
}

describe("the task pane over a workbook", () => {
  it("checks the workbook on open and shows the totals, the RAG spread and the findings", async () => {
    const { host } = setup();
    await checked();
    expect(host.reads.length).toBe(1);
    expect(figure("Actions")).toBe("2");
    expect(figure("Total value")).toBe("£448,000");
    expect(figure("Target")).toBe("Not set");
    expect(figure("Directions")).toBe("3");
    expect(figure("Period")).toMatch(/half-year 2023\/24/);

    const spread = within(overview()).getByRole("list", { name: "Directions by RAG" });
    expect(within(spread).getByText("Green 1")).toBeInTheDocument();
    expect(within(spread).getByText("Red 1")).toBeInTheDocument();
    expect(within(spread).getByText("Grey 1")).toBeInTheDocument();
    expect(screen.getByTestId("finding-counts")).toHaveTextContent(/^1 error, 1 warning/);

    // Grouped by sheet: the TBC value is an error on Care at Home, the narrative a warning on Directions.
    const care = within(findingsRegion()).getByRole("region", { name: "Findings on sheet Care at Home" });
    expect(within(care).getByText(/TBC/)).toBeInTheDocument();
    expect(within(care).getByText("Error")).toBeInTheDocument();
    const dirs = within(findingsRegion()).getByRole("region", { name: "Findings on sheet Directions" });
    expect(within(dirs).getByText("Warning")).toBeInTheDocument();
  });

  it("takes the user to a finding's cell", async () => {
    const { host, user } = setup();
    await checked();
    await user.click(screen.getByRole("button", { name: "Go to cell C5 on sheet Care at Home" }));
    expect(host.goToCalls).toEqual([{ sheet: "Care at Home", cell: "C5" }]);
  });

  it("shows all findings, or one severity at a time, with the choice pressed", async () => {
    const { user } = setup();
    await checked();
    const all = screen.getByRole("button", { name: "All (2)" });
    const errors = screen.getByRole("button", { name: "Errors (1)" });
    expect(all).toHaveAttribute("aria-pressed", "true");
    expect(errors).toHaveAttribute("aria-pressed", "false");
    // Pressing Errors shows the errors (it never hides them).
    await user.click(errors);
    expect(errors).toHaveAttribute("aria-pressed", "true");
    expect(all).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("region", { name: "Findings on sheet Care at Home" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Findings on sheet Directions" })).not.toBeInTheDocument();
    expect(screen.getByText("Showing 1 of 2 findings: errors only.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Warnings (1)" }));
    expect(screen.queryByRole("region", { name: "Findings on sheet Care at Home" })).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Findings on sheet Directions" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Info (0)" }));
    expect(screen.getByText("No info findings: nothing to show.")).toBeInTheDocument();
    await user.click(all);
    expect(screen.getByText("Showing all 2 findings.")).toBeInTheDocument();
  });

  it("puts the settings before Build, and Build waits for typed settings to be saved", async () => {
    const { host, user } = setup();
    await checked();
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf("Settings")).toBeLessThan(headings.indexOf("Summary sheets"));
    expect(headings.indexOf("Summary sheets")).toBeLessThan(headings.indexOf("Findings"));
    const build = screen.getByRole("button", { name: "Build summary sheets" });
    await user.type(screen.getByRole("textbox", { name: /Savings target/ }), "4m");
    expect(build).toHaveAttribute("aria-disabled", "true");
    expect(build).toHaveAccessibleDescription(/Save or undo the settings you changed first/);
    await user.click(build);
    expect(host.writes).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(build).not.toHaveAttribute("aria-disabled", "true"));
  });

  it("saves a new target in the workbook and shows the new gap", async () => {
    const { host, user } = setup();
    await checked();
    const target = screen.getByRole("textbox", { name: /Savings target/ });
    await user.type(target, "4.5m");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in this workbook.");
    expect(host.savedSettings).toHaveLength(1);
    expect(host.savedSettings[0]).toMatchObject({ targetPence: 450_000_000, greenThreshold: 90, amberThreshold: 70 });
    expect(figure("Target")).toBe("£4,500,000");
    expect(figure("Gap to target")).toBe("£4,052,000");
    // Shown back in UK money format, as saved.
    expect(target).toHaveValue("£4,500,000");

    // A later check reads the saved settings from the workbook itself.
    await user.click(screen.getByRole("button", { name: "Check again" }));
    await waitFor(() => expect(host.reads.length).toBeGreaterThanOrEqual(3));
    expect(figure("Gap to target")).toBe("£4,052,000");
  });

  it("refuses an amber threshold above green with an inline message, and does not save", async () => {
    const { host, user } = setup();
    await checked();
    const green = screen.getByRole("textbox", { name: /Green threshold/ });
    await user.clear(green);
    await user.type(green, "60");
    const message = "Invalid setting: the amber threshold cannot be above the green threshold.";
    expect(screen.getByText(message)).toBeInTheDocument();
    // The message belongs to the amber field, so a screen reader hears it there.
    const amber = screen.getByRole("textbox", { name: /Amber threshold/ });
    expect(amber).toHaveAccessibleDescription(expect.stringContaining(message));
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(host.savedSettings).toHaveLength(0);
    expect(amber).toHaveFocus();
  });

  it("builds the summary sheets step by step and links to them", async () => {
    const { host, user } = setup({ writeNotes: ["A sheet of yours is already called Data Checks: the summary was written to Data Checks (2)."] });
    await checked();
    const release = host.holdWrites();
    await user.click(screen.getByRole("button", { name: "Build summary sheets" }));

    // Held mid-write: the steps show where it is, and the live region says so.
    const steps = await screen.findByRole("list", { name: "Build progress" });
    await waitFor(() => expect(within(steps).getByText(/Writing the summary sheets - in progress/)).toBeInTheDocument());
    expect(within(steps).getByText(/Reading the workbook - done/)).toBeInTheDocument();
    expect(within(steps).getByText(/Checking the sheets - done/)).toBeInTheDocument();
    expect(screen.getByText(/^Step 3 of 3: Writing the summary sheets/)).toBeInTheDocument();

    await act(async () => release());
    // The workbook has an error: the result says the figures are not final, as the sheets do.
    await screen.findByText("Summary sheets built: not final");
    expect(within(screen.getByTestId("build-result")).getByText("Not final: 1 error in the source sheets. See Data Checks.")).toBeInTheDocument();
    expect(host.writes).toHaveLength(1);
    const names = host.writes[0].models.map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    const written = screen.getByRole("list", { name: "Sheets written" });
    for (const name of names) expect(within(written).getByRole("button", { name })).toBeInTheDocument();
    expect(screen.getByText(/written to Data Checks \(2\)/)).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Build progress" })).not.toBeInTheDocument();

    await user.click(within(written).getByRole("button", { name: names[0] }));
    expect(host.goToCalls).toEqual([{ sheet: names[0], cell: "A1" }]);
  });

  it("says the figures are not final beside the build button before a build, as the sheets' banner will", async () => {
    setup();
    await checked();
    expect(screen.getByTestId("not-final")).toHaveTextContent("Not final: 1 error in the source sheets. See Data Checks.");
  });

  it("shows a clean build as a success, with no word of 'not final'", async () => {
    const clean: WorkbookSnapshot = { sheets: [sheet(FORM, { name: "PPP Funding", merges: MERGES })] };
    const { user } = setup({}, "excel", clean);
    await checked();
    expect(screen.queryByTestId("not-final")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Build summary sheets" }));
    await screen.findByText("Summary sheets built");
    expect(screen.queryByText(/Not final/)).not.toBeInTheDocument();
  });

  it("inserts a template sheet through the host", async () => {
    const { host, user } = setup();
    await checked();
    await user.click(screen.getByRole("button", { name: "Insert directions report" }));
    expect(host.templates).toEqual(["directions"]);
    // The fixture already has a sheet called Directions, so the host gives the new one another name.
    const link = await screen.findByRole("button", { name: "Directions (2)" });
    await user.click(link);
    expect(host.goToCalls).toEqual([{ sheet: "Directions (2)", cell: "A1" }]);
  });

  it("shows a host error as a message, without a stack trace, and keeps what was typed", async () => {
    const { host, user } = setup();
    await checked();
    host.failNext("saveSettings", new HostError("The workbook is read-only: save a copy to change its settings."));
    const target = screen.getByRole("textbox", { name: /Savings target/ });
    await user.type(target, "£4,500,000");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("The workbook is read-only: save a copy to change its settings.")).toBeInTheDocument();
    expect(screen.getByText("The settings were not saved")).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\bat .*\.tsx?:\d+/);
    expect(target).toHaveValue("£4,500,000");
    expect(host.savedSettings).toHaveLength(0);
  });

  it("shows a fault of ours in plain words, never JavaScript's error text", async () => {
    const { host, user } = setup();
    await checked();
    const fault = new TypeError("Cannot read properties of undefined");
    host.failNext("writeSummaries", fault);
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await user.click(screen.getByRole("button", { name: "Build summary sheets" }));
      expect(
        await screen.findByText(
          "Could not build the summary sheets: an unexpected problem in Board Summary, not in your workbook. Try again; if it happens again, please report it with the workbook.",
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/Cannot read properties/)).toBeNull();
      // The details are kept for whoever is asked to look, in the console.
      expect(consoleError).toHaveBeenCalledWith("Board Summary could not build the summary sheets:", fault);
    } finally {
      consoleError.mockRestore();
    }
    // The overview from the last good check is still there.
    expect(figure("Total value")).toBe("£448,000");
  });

  it("rechecks once after a burst of changes", async () => {
    const { host } = setup();
    await checked();
    expect(host.listenerCount).toBe(1);
    const edited = workbook().sheets[1];
    edited.cells = edited.cells.map((c) => (c.row === 5 && c.col === 3 ? { ...c, value: "£500K" } : c));
    act(() => {
      host.editSheet("PPP Funding", edited);
      host.editSheet("PPP Funding", edited);
      host.editSheet("PPP Funding", edited);
    });
    // The recheck waits out its debounce first: given time for a loaded machine (CI's two cores).
    await waitFor(() => expect(figure("Total value")).toBe("£500,000"), { timeout: 15_000 });
    expect(host.reads.length).toBe(2);
  });

  it("works by keyboard alone", async () => {
    const { host, user } = setup();
    await checked();
    // Tab from the top reaches the first finding's link; Enter follows it.
    const link = screen.getByRole("button", { name: "Go to cell C5 on sheet Care at Home" });
    for (let i = 0; i < 60 && document.activeElement !== link; i++) await user.tab();
    expect(link).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(host.goToCalls).toEqual([{ sheet: "Care at Home", cell: "C5" }]);

    // The severity filter is chosen with Space.
    const errors = screen.getByRole("button", { name: "Errors (1)" });
    for (let i = 0; i < 30 && document.activeElement !== errors; i++) await user.tab({ shift: true });
    expect(errors).toHaveFocus();
    await user.keyboard(" ");
    expect(errors).toHaveAttribute("aria-pressed", "true");

    // Settings: type a target, submit with Enter in the field.
    const target = screen.getByRole("textbox", { name: /Savings target/ });
    for (let i = 0; i < 40 && document.activeElement !== target; i++) await user.tab({ shift: true });
    expect(target).toHaveFocus();
    await user.keyboard("4.5m{Enter}");
    await waitFor(() => expect(host.savedSettings).toHaveLength(1));
    expect(host.savedSettings[0].targetPence).toBe(450_000_000);

    // Build by keyboard.
    const build = screen.getByRole("button", { name: "Build summary sheets" });
    for (let i = 0; i < 40 && document.activeElement !== build; i++) await user.tab();
    expect(build).toHaveFocus();
    await user.keyboard("{Enter}");
    await screen.findByText(/^Summary sheets built/);
    expect(host.writes).toHaveLength(1);
  });
});

describe("the page (no Excel grid)", () => {
  it("shows each finding's address and the cell's content instead of a link", async () => {
    setup({ goToCell: false, insertTemplate: false }, "page");
    await checked();
    expect(screen.queryByRole("button", { name: /Go to cell/ })).not.toBeInTheDocument();
    const care = screen.getByRole("region", { name: "Findings on sheet Care at Home" });
    expect(within(care).getByText("'Care at Home'!C5")).toBeInTheDocument();
    expect(within(care).getByText("The cell holds: TBC")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Insert template sheet" })).not.toBeInTheDocument();
  });
});

describe("outside Excel", () => {
  it("says plainly that it runs inside Excel, and what else does the same", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={null} />
      </FluentProvider>,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Board Summary" })).toBeInTheDocument();
    expect(screen.getByText(/runs inside Excel/)).toBeInTheDocument();
    // Where else it runs, as links: the page (served beside the pane) and the command line's instructions on it.
    expect(screen.getByRole("link", { name: "the Board Summary page in your web browser" })).toHaveAttribute("href", "index.html");
    expect(screen.getByRole("link", { name: "the board-summary command line" })).toHaveAttribute("href", "index.html#command-line");
    expect(screen.queryByRole("button", { name: "Build summary sheets" })).not.toBeInTheDocument();
  });
});

describe("accessibility", () => {
  // Its own time limit: axe walks every node of the pane in jsdom, minutes on a loaded machine.
  it("has no axe violations once checked, in the pane and on the page", async () => {
    // axe-core over jsdom: colour contrast needs real layout, so it is left to the browser checks.
    const axe = (await import("axe-core")).default;
    // jsdom has no canvas; axe only uses it to spot icon fonts, which the pane does not use.
    const canvas = jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
    for (const [options, mode] of [[{}, "excel"], [{ goToCell: false }, "page"]] as const) {
      const { view } = setup(options, mode);
      await checked();
      const result = await axe.run(view.container, { rules: { "color-contrast": { enabled: false } } });
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      view.unmount();
    }
    canvas.mockRestore();
  }, 300_000);
});

describe("findings reached by keyboard", () => {
  it("on the page, makes each finding a tab stop named with its severity, sheet, cell and message", async () => {
    const { user } = setup({ goToCell: false, insertTemplate: false }, "page");
    await checked();
    const region = findingsRegion();
    const first = within(region).getByRole("listitem", { name: /^Error, sheet Care at Home, cell C5: .*TBC/ });
    // What the cell holds is its description: there is no grid to go and look.
    expect(first).toHaveAccessibleDescription("The cell holds: TBC");
    const second = within(region).getByRole("listitem", { name: /^Warning, sheet Directions, cell D5: .+/ });
    expect(second).toHaveAccessibleDescription("The cell holds: This requires engagement at whole system level.");

    for (let i = 0; i < 60 && document.activeElement !== first; i++) await user.tab();
    expect(first).toHaveFocus();
    await user.tab();
    expect(second).toHaveFocus();
  });

  it("in Excel, keeps the link to the cell as the tab stop, described by the severity and message", async () => {
    setup();
    await checked();
    const link = screen.getByRole("button", { name: "Go to cell C5 on sheet Care at Home" });
    expect(link).toHaveAccessibleDescription(/^Error .*TBC/);
    // The finding itself is not a second tab stop beside its link.
    expect(link.closest("li")).not.toHaveAttribute("tabindex");
  });
});

describe("with another engine (the page's worker)", () => {
  it("waits for it, shows its analysis and cell texts, and builds with its plan, never reading the host itself", async () => {
    const host = new FakeHost(workbook(), { goToCell: false, insertTemplate: false });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const checks: AnalyseOptions[] = [];
    let plans = 0;
    // As in the worker: the workbook is read and checked elsewhere; the pane gets plain data.
    const elsewhere = workbook();
    const engine: EnginePort = {
      async check(_host, options, events) {
        checks.push(options);
        await gate;
        events?.onChecking?.();
        const result = checkSnapshot(elsewhere, options);
        return { ...result, cells: { ...result.cells, "Care at Home": { C5: "TBC (as the worker read it)" } } };
      },
      async summarise(analysis, at) {
        plans++;
        return summarise(analysis, at);
      },
    };
    const user = userEvent.setup({ delay: null });
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} mode="page" options={{ engine, now: NOW }} />
      </FluentProvider>,
    );
    expect(await screen.findByText("Reading the workbook...")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Overview" })).not.toBeInTheDocument();
    await act(async () => release());
    await checked();
    expect(figure("Total value")).toBe("£448,000");
    expect(screen.getByText("The cell holds: TBC (as the worker read it)")).toBeInTheDocument();
    expect(checks).toEqual([{ now: NOW() }]);

    await user.click(screen.getByRole("button", { name: "Build summary sheets" }));
    await screen.findByText(/^Summary sheets built/);
    expect(plans).toBe(1);
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].models.map((m) => m.name)).toContain("Data Checks");
    // Reading went through the engine every time; the host was only written to.
    expect(host.reads).toHaveLength(0);
  });

  it("shows the engine's settings error as it stands", async () => {
    const host = new FakeHost(workbook());
    const engine: EnginePort = {
      check: async () => {
        throw Object.assign(new Error("Invalid setting: the amber threshold cannot be above the green threshold."), { name: "SettingsError" });
      },
      summarise: async (a, at) => summarise(a, at),
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} mode="page" options={{ engine, now: NOW }} />
      </FluentProvider>,
    );
    expect(await screen.findByText("Invalid setting: the amber threshold cannot be above the green threshold.")).toBeInTheDocument();
    expect(screen.getByText("The workbook could not be checked")).toBeInTheDocument();
  });
});

describe("the build panel's slot", () => {
  it("shows what the page puts beside the build button, inside the summary sheets section", async () => {
    const host = new FakeHost(workbook(), { goToCell: false });
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} mode="page" options={{ now: NOW }} buildExtra={<button type="button">Download pack.summary.xlsx</button>} />
      </FluentProvider>,
    );
    await checked();
    const section = screen.getByRole("region", { name: "Summary sheets" });
    const build = within(section).getByRole("button", { name: "Build summary sheets" });
    const extra = within(section).getByRole("button", { name: "Download pack.summary.xlsx" });
    // Side by side: the same row container.
    expect(extra.parentElement).toBe(build.parentElement);
  });
});

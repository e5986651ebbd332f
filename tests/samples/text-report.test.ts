/**
 * `board-summary check` on the action-plan and risk samples: the readable report shows the
 * kinds found, the findings, the action-plan and risk overview and the settings in force,
 * and says in one line that a kind is absent.
 */
import { main, type Io } from "../../src/cli/main";
import { OD_ACTION_PLAN, PROGRAMME_PLAN_AND_RISKS } from "../helpers/workbooks";

async function check(file: string, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    progress: () => undefined,
    now: () => new Date("2024-01-01T12:00:00Z"),
  };
  const code = await main(["check", file, ...args], io);
  return { code, out, err };
}

describe("the readable report of an action plan", () => {
  it("gives the overview, the exceptions with their action text, and the settings in force", async () => {
    const r = await check(OD_ACTION_PLAN);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines).toContain("  OD Action Plan          action plan");
    expect(lines).toContain("Recovery actions: none found");
    expect(lines).toContain("Directions: none found");
    expect(lines).toContain("Action plans: 52 actions on 1 sheet (71.2% complete)");
    expect(lines).toContain("  Overdue 2 · due soon 11 · RAG mismatches 1");
    expect(lines).toContain("  RAG: Red 2 · Amber 0 · Green 48 · Blue 0 · Grey 2");
    expect(lines).toContain("  Status: Complete 37 · At risk 0 · Not started 0 · In progress 13 · Not reported 2");
    expect(lines).toContain("    CCG Staff: 30 actions, 15 complete, 2 overdue");
    expect(lines).toContain("    6.26  Red (stated Green): Overdue: due 31/01/2020, progress 'In progress – applications received'");
    expect(lines).toContain("      Appoint ten 'Speak Up Champions' across the CCGs for all staff groups (NEW)");
    expect(lines).toContain("Risk registers: none found");
    expect(lines).toContain(
      "  action plans: due soon within 30 days; risk scores red from 15, amber from 8; organisation Castle Point and Rochford CCG and Southend CCG",
    );
  });

  it("shows the settings a flag changes", async () => {
    const r = await check(OD_ACTION_PLAN, ["--due-soon", "7", "--risk-red", "20", "--risk-amber", "10"]);
    expect(r.out).toContain("  action plans: due soon within 7 days; risk scores red from 20, amber from 10;");
    // The 11 actions due soon are all due on 31/03/2020, the as-at date itself: within 7 days too.
    expect(r.out).toContain("  Overdue 2 · due soon 11 · RAG mismatches 1");
  });
});

describe("the readable report of a schedule and a risk register", () => {
  it("names overdue schedule actions and the top risks with their reasons", async () => {
    const r = await check(PROGRAMME_PLAN_AND_RISKS);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines).toContain("Action plans: 28 actions on 1 sheet (no progress column)");
    expect(lines).toContain("    Programme Plan row 16  Grey: No progress column: delivery not reported (overdue: due 31/12/2017)");
    expect(lines).toContain("Risks: 5 open, 0 closed, on 1 sheet");
    expect(lines).toContain("  Open by RAG: Red 4 · Amber 1 · Green 0 · Blue 0 · Grey 0");
    expect(lines).toContain("  Heat maps: 0 on the 5 × 5 grid, 0 on the 3 × 3 grid, 5 rated by one column");
    expect(lines).toContain("    Risks row 7  Amber, Medium: Impact Medium: medium");
    // Long text is cut to the line.
    const text = lines.find((l) => l.startsWith("      Reputational risk during the transition"));
    expect(text).toMatch(/\.\.\.$/);
    expect(text?.trim()).toHaveLength(100);
  });
});

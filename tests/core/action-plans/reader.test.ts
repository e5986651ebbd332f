/**
 * The action-plan reader (action-plans-and-risks.md §10) on seed 003's and seed 004's own
 * layouts: recognition, title, sections (above a header, headings below it, a header with
 * other text), goals written once, continuation rows, refs, due dates and their findings.
 */
import { analyse } from "../../../src/core/engine";
import { fillsNeeded } from "../../../src/core/fills-needed";
import { readActionPlan } from "../../../src/core/readers/action-plan";
import { recogniseSheet } from "../../../src/core/recognise";
import { grid, sheet, type TestCell } from "../../helpers/grid";

const HEADER = ["OD Goal", "Action to deliver", "SRO", "OP Lead", "By When", "Measure/Evidence", "Progress", "RAG"];

// Seed 003 (Castle Point and Rochford CCGs, OD action plan 2018-21), pages of section 6 and 7.
const SEED_003: TestCell[][] = [
  ["Organisational Development Strategy and Action Plan 2018-21"], // 1: the title
  ["Leadership, Structure and Behaviours"], // 2
  ["Aim: To reset the CCGs leadership, management structures and organisational behaviours / culture."], // 3
  ["Lead: Accountable Officer"], // 4
  HEADER, // 5
  ["Governing Body"], // 6
  ["High performing and effective Governing Body", "6.1 Commission external OD resource to develop a robust training programme for the CCGs' Executive team, Governing Body members and staff where necessary.", "AO/DSP", "ADA", "Dec 2018", "Skills and competencies in place across the Executive Team to effectively contribute at an Executive level.", "Completed"], // 7
  [null, "6.2 Establish a joint management structure across the two CCGs", "AO", "ADA", "Oct 2018", "Revised structure in place", "Completed"], // 8
  ["Robust succession plan for GP GB members to ensure pipeline of future clinical leaders", "6.6 Review of GP GB portfolios to focus on delivery of clinical transformation.", "AO/ DIP (CPR)", "ID", "Oct 2018", null, "Completed"], // 9
  [null, "6.8 Develop CCG and primary care leaders through use of national schemes.", "AO/ DIP (CPR)", "ADA", "Mar 2019", null, "Completed - ongoing"], // 10
  [], // 11
  HEADER, // 12: repeated per page
  ["Member Practices"], // 13
  ["Support clinical leadership development", "6.9 Develop clinical leaders in primary care through national leadership schemes such as General Practice Improvement Leaders.", "DIP (CPR)", "ADA", "Jan 2019", "Training needs identified and training offered", "Completed and ongoing"], // 14
  ["CCG Staff"], // 15
  ["To complete recruitment to all current vacancies", "6.20 Implement Trac recruitment system across both CCGs (NEW)", "DSP", "ADA", "Mar 2020"], // 16
  ["Workforce development and resilience", "6.26 Appoint ten 'Speak Up Champions' across the CCGs for all staff groups (NEW)", "DSP", "ADO", "Jan 2020", "10 speak up champions in place", "In progress – applications received"], // 17
  [null, "6.30 Raise awareness re 'Move out' – supporting a healthy workforce sessions", "DSP", "ETO", "Mar 2020", "Information circulated.", "In progress"], // 18
  [], // 19
  ["for staff (NEW)"], // 20: wrapped over the page break into the goal column
  [null, "6.31 Provide mindfulness training, getting staff active and general wellbeing (NEW)", "DSP", "ETO", "Mar 2020", "Training completed.", "In progress"], // 21
  [], // 22
  ["7. Financial Management"], // 23
  ["Aim: Develop a clearly defined Financial Recovery Plan and ensure appropriate capacity and capability is in place to deliver the plan."], // 24
  ["Lead: Chief Finance Officer"], // 25
  HEADER, // 26
  ["A clearly defined FRP should be urgently developed", "7.1 Review of SOs and SFIs undertaken and training provided to 100% of staff.", "CFO", "DCFO", "Oct 2018", "SOs and SFIs reviewed", "Completed"], // 27
  ["Ensure that there are sufficient resources available", "7.2 Training budget identified for 2018/19.", "CFO", "DCFO", "March 2018", "£30k training budget set aside for 2018/19 both CCGs.", "Completed"], // 28
  [null, "7.5 Recommendations from 2017/18 QIPP audit implemented.", "CFO/DSP", "ADQ/ADA", "March 2019", "Audit recommendations fully implemented", "Completed"], // 29
];

describe("seed 003's action plan", () => {
  const g = grid(SEED_003, { name: "OD Plan" });
  const read = readActionPlan(g);
  const by = (ref: string) => {
    const a = read.actions.find((x) => x.ref === ref);
    if (!a) throw new Error(`no action ${ref}`);
    return a;
  };

  it("is recognised as an action plan, with its title", () => {
    expect(recogniseSheet(g).kind).toBe("action-plan");
    expect(read.plan).toEqual({ sheet: "OD Plan", title: "Organisational Development Strategy and Action Plan 2018-21", headerCell: "A5", schedule: false, actions: 12 });
  });

  it("reads every action with its ref from the text, its SRO, lead and due date", () => {
    expect(read.actions.map((a) => [a.ref, a.row, a.sro, a.lead, a.due])).toEqual([
      ["6.1", 7, "AO/DSP", "ADA", "2018-12-31"],
      ["6.2", 8, "AO", "ADA", "2018-10-31"],
      ["6.6", 9, "AO/ DIP (CPR)", "ID", "2018-10-31"],
      ["6.8", 10, "AO/ DIP (CPR)", "ADA", "2019-03-31"],
      ["6.9", 14, "DIP (CPR)", "ADA", "2019-01-31"],
      ["6.20", 16, "DSP", "ADA", "2020-03-31"],
      ["6.26", 17, "DSP", "ADO", "2020-01-31"],
      ["6.30", 18, "DSP", "ETO", "2020-03-31"],
      ["6.31", 21, "DSP", "ETO", "2020-03-31"],
      ["7.1", 27, "CFO", "DCFO", "2018-10-31"],
      ["7.2", 28, "CFO", "DCFO", "2018-03-31"],
      ["7.5", 29, "CFO/DSP", "ADQ/ADA", "2019-03-31"],
    ]);
  });

  it("names sections by headings, keeps them over a repeated header, and by the line above a later header", () => {
    expect(read.actions.map((a) => `${a.ref}:${a.section}`)).toEqual([
      "6.1:Governing Body",
      "6.2:Governing Body",
      "6.6:Governing Body",
      "6.8:Governing Body",
      "6.9:Member Practices",
      "6.20:CCG Staff",
      "6.26:CCG Staff",
      "6.30:CCG Staff",
      "6.31:CCG Staff",
      "7.1:7. Financial Management",
      "7.2:7. Financial Management",
      "7.5:7. Financial Management",
    ]);
  });

  it("applies each goal, written once, to the actions below it until the next goal or heading", () => {
    expect(by("6.2").goal).toBe("High performing and effective Governing Body");
    expect(by("6.8").goal).toBe("Robust succession plan for GP GB members to ensure pipeline of future clinical leaders");
    expect(by("6.9").goal).toBe("Support clinical leadership development");
    expect(by("6.30").goal).toBe("Workforce development and resilience");
    expect(by("6.31").goal).toBe("Workforce development and resilience");
    expect(by("7.5").goal).toBe("Ensure that there are sufficient resources available");
  });

  it("continues 6.30 with the lower-case row wrapped into the goal column", () => {
    expect(by("6.30").action).toBe("Raise awareness re 'Move out' – supporting a healthy workforce sessions for staff (NEW)");
    expect(by("6.1").action).toMatch(/^Commission external OD resource/);
  });

  it("reads progress words into a status, keeping the words as written", () => {
    expect([by("6.8").status, by("6.8").progress]).toEqual(["complete", "Completed - ongoing"]);
    expect([by("6.26").status, by("6.26").progress]).toEqual(["in-progress", "In progress – applications received"]);
    expect([by("6.20").status, by("6.20").progress]).toEqual(["not-reported", null]);
  });

  it("raises nothing on the seed's clean rows", () => {
    expect(read.findings).toEqual([]);
  });
});

// Seed 004 (North Lanarkshire IJB, ISRB programme plan): phase plans with bold workstream rows.
const SEED_004: TestCell[][] = [
  ["Action plan phase 1 February 2018 – September 2018", "Planned delivery date"], // 1
  ["Cross Cutting Work (All care groups)"], // 2
  ["Expand the remit of the Addictions, Learning Disability and Mental Health Partnership Board to include Justice services", "February 2018"], // 3
  ["Finance plan", "March 2018 (and ongoing)"], // 4
  ["Roll out of new Home Support Model"], // 5
  ["Action plan to be finalised following outputs of Feb 18 IJB meeting", "TBC"], // 6
  ["Roll out of new Rehabilitation Model"], // 7
  ["New Home Support referrals to Integrated Rehab Team", "December 2017"], // 8
  [], // 9
  ["Action plan phase 2 April 2018 – March 2019", "Planned delivery date"], // 10
  ["Formation of Area Wide Service Implementation Groups", "April 2018"], // 11
  [], // 12
  ["Action plan phase 3 April 2018 – March 2019", "Planned delivery date"], // 13
  ["Formation of integrated locality Add, CJ, LD & MH teams", "By March 2019"], // 14
  ["Formation of integrated locality C&F teams", "By March 2019"], // 15
];

describe("seed 004's phase plans", () => {
  const g = grid(SEED_004, { name: "Programme Plan" });
  const read = readActionPlan(g);

  it("is an action plan whose title is the sheet name (no text above its first header)", () => {
    expect(recogniseSheet(g).kind).toBe("action-plan");
    expect(read.plan).toMatchObject({ title: "Programme Plan", schedule: true, headerCell: "A1" });
  });

  it("names sections by bold workstream rows, and by each phase header's own text", () => {
    expect(read.actions.map((a) => [a.row, a.section, a.due, a.dueNote])).toEqual([
      [3, "Cross Cutting Work (All care groups)", "2018-02-28", null],
      [4, "Cross Cutting Work (All care groups)", "2018-03-31", "and ongoing"],
      [6, "Roll out of new Home Support Model", null, null],
      [8, "Roll out of new Rehabilitation Model", "2017-12-31", null],
      [11, "Action plan phase 2 April 2018 – March 2019", "2018-04-30", null],
      [14, "Action plan phase 3 April 2018 – March 2019", "2019-03-31", null],
      [15, "Action plan phase 3 April 2018 – March 2019", "2019-03-31", null],
    ]);
  });

  it("gives refs from the sheet and row where the plan has none", () => {
    expect(read.actions[0].ref).toBe("Programme Plan row 3");
    expect(read.actions[0].refCell).toBeNull();
  });

  it("notes once that the plan has no progress column, and that TBC is no due date", () => {
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["no-progress-column@A1", "unknown-due-date@B6"]);
    expect(read.findings[1].message).toBe(
      "The due date of the action on row 6 is 'TBC', so it cannot be shown as overdue or due soon: enter the date once it is known, such as 31/03/2025, March 2025 or Q4 2024/25.",
    );
  });
});

describe("rows of other layouts (§10)", () => {
  it("takes Milestone/Deadline columns, a Ref column, Status as progress and a RAG Status column", () => {
    const read = readActionPlan(
      grid(
        [
          ["Ref", "Milestone", "Owner", "Deadline", "Status", "RAG Status"],
          ["M1", "Business case approved", "Finance", "31/03/2024", "Complete", "G"],
          ["M2", "12 month review", "Finance", "Q1 2024/25", "On track", "A"],
        ],
        { name: "Milestones" },
      ),
    );
    expect(read.actions.map((a) => [a.ref, a.action, a.lead, a.due, a.status, a.statedRag])).toEqual([
      ["M1", "Business case approved", "Finance", "2024-03-31", "complete", "green"],
      ["M2", "12 month review", "Finance", "2024-06-30", "in-progress", "amber"],
    ]);
  });

  it("takes the first Action… cell as the action column and Action Owner as the lead", () => {
    const read = readActionPlan(grid([["Action Owner", "Actions", "Due Date"], ["Head of Finance", "Agree budgets", "Apr 2024"]]));
    expect(read.actions.map((a) => [a.action, a.lead])).toEqual([["Agree budgets", "Head of Finance"]]);
  });

  it("raises duplicate-ref at the later ref cell, the action cell where the ref came from the text; both are kept", () => {
    const read = readActionPlan(
      grid([
        ["Ref", "Action", "Due", "Progress"],
        ["A1", "First", "Mar 2024", "Done"],
        ["a1", "Second", "Mar 2024", "Done"],
        [null, "2.1 Third", "Mar 2024", "Done"],
        [null, "2.1 Fourth", "Mar 2024", "Done"],
      ]),
    );
    expect(read.actions).toHaveLength(4);
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["duplicate-ref@A3", "duplicate-ref@B5"]);
    expect(read.findings[0].message).toBe("Ref 'a1' is also used by the action at A2: give each one its own ref. Both are counted until this is corrected.");
  });

  it("raises missing-due-date, invalid-date and formula-error at the due cell", () => {
    const read = readActionPlan(
      grid([
        ["Action", "Due Date", "Progress"],
        ["No date", null, "In progress"],
        ["A quarter without its year", "Q3", "In progress"],
        ["Broken", { value: null, error: "#REF!" }, "In progress"],
      ]),
    );
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["missing-due-date@B2", "invalid-date@B3", "formula-error@B4"]);
    expect(read.findings[0].message).toBe(
      "The action on row 2 has no due date, so it cannot be shown as overdue or due soon: enter the date it is due, such as 31/03/2025, March 2025 or Q4 2024/25.",
    );
    expect(read.findings[1].message).toBe("The due date of the action on row 3: 'Q3' is a quarter without its year: write it with its financial year, e.g. Q3 2024/25.");
  });

  it("raises unclear-progress and progress-out-of-range at the progress cell", () => {
    const read = readActionPlan(
      grid([
        ["Ref", "Action", "Due Date", "Progress"],
        ["1", "Waits", "Mar 2024", "Awaiting sign-off"],
        ["2", "Overshoots", "Mar 2024", "120%"],
      ]),
    );
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["unclear-progress@D2", "progress-out-of-range@D3"]);
    expect(read.findings[0].message).toMatch(/^Progress for action 1 is 'Awaiting sign-off', which does not say how the action stands, so it counts as not reported: begin the cell with one of Complete, /);
    expect(read.findings[1].message).toBe("Progress for action 2 is 120%, outside 0% to 100%, so it is not used. Enter a figure from 0% to 100%.");
  });

  it("raises missing-field where a row has a due date but no action", () => {
    const read = readActionPlan(grid([["Action", "Due Date", "Progress"], ["One", "Mar 2024", "Done"], [null, "Apr 2024", "In progress"]]));
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["missing-field@A3"]);
  });

  it("reads one due cell merged down over several actions for each of them, with one finding", () => {
    const read = readActionPlan(
      grid(
        [
          ["Action", "Due Date", "Progress"],
          ["One", "TBC", "In progress"],
          ["Two", null, "In progress"],
        ],
        { merges: ["B2:B3"] },
      ),
    );
    expect(read.actions.map((a) => a.dueCell)).toEqual(["B2", "B2"]);
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["unknown-due-date@B2"]);
  });

  it("is never a recovery form's Actions / Delivery Timeframe table, nor a register with an actions column", () => {
    const form = grid({
      A1: "Finance Recovery Action: Test",
      B3: "Financial Recovery Value",
      C3: "£1,000",
      B4: "Risk Level",
      C4: "High",
      A9: "Actions",
      B9: "Delivery Timeframe",
    });
    expect(recogniseSheet(form).kind).toBe("recovery-action");
    const register = grid([["Risk", "Likelihood", "Impact", "Actions", "Due Date"], ["Staff shortages", 4, 4, "Recruit", "Mar 2024"]]);
    expect(recogniseSheet(register).kind).toBe("risk-register");
  });
});

describe("the fills a host must read (fillsNeeded)", () => {
  it("asks for the stated-RAG cells with no text of each action plan's actions, as ranges", () => {
    const plan = sheet(
      [
        ["Action", "Due Date", "Progress", "RAG"],
        ["One", "Mar 2024", "In progress"],
        ["Two", "Mar 2024", "In progress"],
        ["Three", "Mar 2024", "In progress", "Green"],
        ["Four", "Mar 2024", "In progress"],
        ["Heading"],
        ["Five", "Mar 2024", "In progress"],
      ],
      { name: "Plan" },
    );
    const notes = sheet([["Just notes"]], { name: "Notes" });
    expect(fillsNeeded({ sheets: [notes, plan] })).toEqual([{ sheet: "Plan", ranges: ["D2:D3", "D5", "D7"] }]);
  });

  it("asks for nothing on a plan without a RAG column", () => {
    expect(fillsNeeded({ sheets: [sheet([["Action", "Due Date"], ["One", "Mar 2024"]])] })).toEqual([]);
  });

  it("gives the engine what it needs: a fill read into the snapshot becomes the stated RAG", () => {
    const plan = sheet([["Action", "Due Date", "Progress", "RAG"], ["One", "Mar 2099", "In progress", { value: null, fill: "92D050" }]], { name: "Plan" });
    const a = analyse({ sheets: [plan] }, { overrides: { asOf: "2024-01-01" } });
    expect(a.actionPlan.items[0]).toMatchObject({ statedRag: "green", statedRagBy: "fill", rag: "green", ragMismatch: false });
    expect(a.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["rag-colour-only@D2"]);
  });
});

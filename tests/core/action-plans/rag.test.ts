/**
 * RAG for actions (action-plans-and-risks.md §10): the schedule case, then rules 1–7 in
 * order, each at and either side of its boundary; overdue and due soon; the stated RAG
 * against the computed one; and the totals.
 */
import { rateAction } from "../../../src/core/actions/action-rag";
import { actionPlanTotals } from "../../../src/core/actions/action-totals";
import { isDueSoon, isOverdue } from "../../../src/core/actions/overdue";
import { isRagMismatch, ragMismatchFinding } from "../../../src/core/actions/rag-mismatch";
import type { Action, RatedAction } from "../../../src/core/actions/records";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";

const AS_OF = "2019-03-31";
const S: Settings = { ...DEFAULT_SETTINGS, asOf: AS_OF };

function action(over: Partial<Action> = {}): Action {
  return {
    sheet: "OD Plan",
    row: 7,
    cell: "B7",
    ref: "6.1",
    refCell: "B7",
    section: "Governing Body",
    goal: null,
    action: "Commission external OD resource",
    sro: "AO/DSP",
    lead: "ADA",
    measure: null,
    due: "2018-12-31",
    dueNote: null,
    dueCell: "E7",
    progress: "In progress",
    progressCell: "G7",
    status: "in-progress",
    statedRag: null,
    statedRagCell: "H7",
    statedRagBy: null,
    schedule: false,
    ...over,
  };
}

const rate = (over: Partial<Action>, settings: Settings = S) => rateAction(action(over), settings, AS_OF);
const short = (over: Partial<Action>, settings: Settings = S) => {
  const r = rate(over, settings);
  return [r.rag, r.ragReason];
};

describe("a plan with neither progress nor stated RAG: a schedule", () => {
  it("is grey whatever its dates, and its overdue actions still count as overdue", () => {
    const r = rate({ schedule: true, status: "not-reported", progress: null, due: "2018-12-31" });
    expect([r.rag, r.ragReason, r.overdue]).toEqual(["grey", "No progress column: delivery not reported", true]);
  });

  it("does not count an action due in the past 'and ongoing' as overdue", () => {
    expect(rate({ schedule: true, status: "not-reported", progress: null, due: "2018-03-31", dueNote: "and ongoing" }).overdue).toBe(false);
  });
});

describe("rule 1: complete", () => {
  it("is green with BRAG off and blue with BRAG on, even when past due", () => {
    expect(short({ status: "complete", progress: "Completed" })).toEqual(["green", "Complete"]);
    expect(short({ status: "complete", progress: "Completed" }, { ...S, brag: true })).toEqual(["blue", "Complete"]);
    expect(rate({ status: "complete", progress: "Completed" }).overdue).toBe(false);
  });
});

describe("rule 2: overdue", () => {
  it("is red when due the day before the as-at date, naming the progress words as written", () => {
    expect(short({ due: "2019-03-30" })).toEqual(["red", "Overdue: due 30/03/2019, progress 'In progress'"]);
  });

  it("is not overdue when due exactly on the as-at date, nor the day after", () => {
    expect(short({ due: "2019-03-31" })).toEqual(["green", "In progress, due 31/03/2019"]);
    expect(rate({ due: "2019-03-31" }).overdue).toBe(false);
    expect(rate({ due: "2019-04-01" }).overdue).toBe(false);
  });

  it("says 'not reported' where no progress is written, and overrides at risk and not started", () => {
    expect(short({ status: "not-reported", progress: null })).toEqual(["red", "Overdue: due 31/12/2018, progress not reported"]);
    expect(short({ status: "at-risk", progress: "Delayed" })).toEqual(["red", "Overdue: due 31/12/2018, progress 'Delayed'"]);
    expect(short({ status: "not-started", progress: "Not started" })).toEqual(["red", "Overdue: due 31/12/2018, progress 'Not started'"]);
  });

  it("spares an action in progress whose due note says ongoing: green, 'Ongoing since'", () => {
    const r = rate({ due: "2018-03-31", dueNote: "and ongoing" });
    expect([r.rag, r.ragReason, r.overdue]).toEqual(["green", "Ongoing since 31/03/2018", false]);
  });

  it("does not spare an ongoing note on an action not in progress", () => {
    expect(short({ due: "2018-03-31", dueNote: "and ongoing", status: "not-started", progress: "Not started" })[0]).toBe("red");
    expect(short({ due: "2018-03-31", dueNote: "and ongoing", status: "not-reported", progress: null })[0]).toBe("red");
  });
});

describe("rules 3 to 7", () => {
  it("rule 3: at risk is amber, in the words as written", () => {
    expect(short({ status: "at-risk", progress: "Delayed", due: "2019-06-30" })).toEqual(["amber", "Reported as 'Delayed'"]);
    expect(short({ status: "at-risk", progress: "On hold", due: null })).toEqual(["amber", "Reported as 'On hold'"]);
  });

  it("rule 4: not reported is grey", () => {
    expect(short({ status: "not-reported", progress: null, due: "2019-06-30" })).toEqual(["grey", "No progress reported"]);
    expect(short({ status: "not-reported", progress: "Awaiting", due: null })).toEqual(["grey", "No progress reported"]);
  });

  it("rule 5: not started with no due date is grey", () => {
    expect(short({ status: "not-started", progress: "Not started", due: null })).toEqual(["grey", "Not started and no due date"]);
  });

  it("rule 6: not started and due within dueSoonDays (on the as-at date up to exactly 30 days after) is amber", () => {
    const ns = { status: "not-started" as const, progress: "Not started" };
    expect(short({ ...ns, due: "2019-03-31" })).toEqual(["amber", "Due 31/03/2019 and not started"]);
    expect(short({ ...ns, due: "2019-04-30" })).toEqual(["amber", "Due 30/04/2019 and not started"]);
    expect(short({ ...ns, due: "2019-05-01" })).toEqual(["green", "Not started, due 01/05/2019"]);
    // A window of 0 days: only due on the as-at date itself.
    expect(short({ ...ns, due: "2019-04-01" }, { ...S, dueSoonDays: 0 })).toEqual(["green", "Not started, due 01/04/2019"]);
    expect(short({ ...ns, due: "2019-03-31" }, { ...S, dueSoonDays: 0 })).toEqual(["amber", "Due 31/03/2019 and not started"]);
  });

  it("rule 7: otherwise green, saying why", () => {
    expect(short({ due: "2025-03-31" })).toEqual(["green", "In progress, due 31/03/2025"]);
    expect(short({ due: null })).toEqual(["green", "In progress, no due date"]);
    expect(short({ status: "not-started", progress: "Not started", due: "2025-03-31" })).toEqual(["green", "Not started, due 31/03/2025"]);
  });
});

describe("overdue and due soon", () => {
  it("counts as due soon anything not complete due from the as-at date to dueSoonDays after it, never an overdue one", () => {
    const a = (due: string, over: Partial<Action> = {}) => action({ due, ...over });
    expect(isDueSoon(a("2019-03-30"), AS_OF, 30)).toBe(false);
    expect(isOverdue(a("2019-03-30"), AS_OF)).toBe(true);
    expect(isDueSoon(a("2019-03-31"), AS_OF, 30)).toBe(true);
    expect(isDueSoon(a("2019-04-30"), AS_OF, 30)).toBe(true);
    expect(isDueSoon(a("2019-05-01"), AS_OF, 30)).toBe(false);
    expect(isDueSoon(a("2019-04-01", { status: "complete" }), AS_OF, 30)).toBe(false);
    expect(isDueSoon(a("2019-04-01", { schedule: true, status: "not-reported" }), AS_OF, 30)).toBe(true);
  });

  it("counts across month and year ends and leap days", () => {
    expect(isDueSoon(action({ due: "2020-03-30" }), "2020-02-29", 30)).toBe(true);
    expect(isDueSoon(action({ due: "2020-03-31" }), "2020-02-29", 30)).toBe(false);
    expect(isDueSoon(action({ due: "2020-01-30" }), "2019-12-31", 30)).toBe(true);
  });
});

describe("the stated RAG against the computed one", () => {
  it("raises rag-mismatch at the stated cell, saying both and why", () => {
    const a = action({ statedRag: "green", statedRagBy: "word" });
    const f = ragMismatchFinding(a, rateAction(a, S, AS_OF));
    expect(f).toEqual({
      severity: "warning",
      code: "rag-mismatch",
      sheet: "OD Plan",
      cell: "H7",
      message:
        "Stated Green, but due 31/12/2018 and still in progress at 31/03/2019: Red. Change the RAG cell to Red, or bring the progress and due date up to date.",
    });
  });

  it("treats blue and green as the same for a complete action, whatever BRAG is", () => {
    for (const brag of [false, true]) {
      for (const stated of ["blue", "green"] as const) {
        const a = action({ status: "complete", progress: "Completed", statedRag: stated });
        expect(isRagMismatch(a, rateAction(a, { ...S, brag }, AS_OF))).toBe(false);
      }
    }
  });

  it("does not treat blue as green for an action not complete", () => {
    const a = action({ due: "2025-03-31", statedRag: "blue" });
    expect(isRagMismatch(a, rateAction(a, S, AS_OF))).toBe(true);
  });

  it("agrees when they match, and when nothing is stated", () => {
    const a = action({ statedRag: "red" });
    expect(isRagMismatch(a, rateAction(a, S, AS_OF))).toBe(false);
    expect(isRagMismatch(action(), rateAction(action(), S, AS_OF))).toBe(false);
  });
});

function rated(over: Partial<Action>): RatedAction {
  const a = action(over);
  const r = rateAction(a, S, AS_OF);
  return { ...a, rag: r.rag, ragReason: r.ragReason, overdue: r.overdue, dueSoon: r.dueSoon, ragMismatch: isRagMismatch(a, r) };
}

describe("totals", () => {
  const items = [
    rated({ ref: "1", section: "Governing Body", lead: "ADA", status: "complete", progress: "Completed" }),
    rated({ ref: "2", section: "governing  body", lead: null, sro: "DIP (CPR)", due: "2019-01-31" }),
    rated({ ref: "3", section: "Member Practices", lead: null, sro: "DIP (SE)", status: "at-risk", progress: "Delayed", due: "2019-06-30" }),
    rated({ ref: "4", section: null, lead: "ada", due: "2019-04-15", status: "not-started", progress: "Not started", statedRag: "green" }),
    rated({ ref: "5", section: null, lead: null, sro: null, schedule: true, status: "not-reported", progress: null, due: "2019-12-31" }),
  ];
  const t = actionPlanTotals(items);

  it("counts by RAG, by status, overdue, due soon and mismatches", () => {
    expect(t).toMatchObject({
      count: 5,
      overdue: 1,
      dueSoon: 1,
      ragMismatches: 1,
      byRag: { red: 1, amber: 2, green: 1, blue: 0, grey: 1 },
      byStatus: { complete: 1, "at-risk": 1, "not-started": 1, "in-progress": 1, "not-reported": 1 },
    });
  });

  it("works out completion over the actions of tracked sheets, four places half up", () => {
    // 1 complete of 4 on sheets with progress: 0.25 (the schedule's action is left out).
    expect(t.completion).toBe(0.25);
    expect(actionPlanTotals([items[0], items[1], items[2]]).completion).toBe(0.3333);
    expect(actionPlanTotals([items[0], items[0], items[1]]).completion).toBe(0.6667);
    expect(actionPlanTotals([items[4]]).completion).toBeNull();
    expect(actionPlanTotals([]).completion).toBeNull();
  });

  it("groups sections case-insensitively after folding white space, first spelling, order of appearance, null apart", () => {
    expect(t.bySection.map((s) => [s.section, s.count, s.complete, s.overdue])).toEqual([
      ["Governing Body", 2, 1, 1],
      ["Member Practices", 1, 0, 0],
      [null, 2, 0, 0],
    ]);
    expect(t.bySection[0].byRag).toEqual({ red: 1, amber: 0, green: 1, blue: 0, grey: 0 });
  });

  it("groups by the lead, else the SRO, keeping bracketed text apart", () => {
    expect(t.byLead.map((l) => [l.lead, l.count, l.complete, l.overdue])).toEqual([
      ["ADA", 2, 1, 0],
      ["DIP (CPR)", 1, 0, 1],
      ["DIP (SE)", 1, 0, 0],
      [null, 1, 0, 0],
    ]);
  });

  it("lists the overdue, at-risk and mismatched actions, worst first", () => {
    expect(t.exceptions.map((i) => items[i].ref)).toEqual(["2", "4", "3"]);
  });
});

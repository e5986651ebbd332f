import fc from "fast-check";
import { directionRater, rateDirection, rateRecoveryAction } from "../../src/core/rag";
import type { Direction, RecoveryAction } from "../../src/core/records";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../../src/core/settings";

function direction(over: Partial<Direction>): Direction {
  return {
    sheet: "Directions",
    row: 7,
    cell: "A7",
    no: "1.1",
    theme: "Health & Wellbeing",
    text: "All services …, by January 2024.",
    measures: [],
    progress: null,
    narrative: false,
    progressCell: "D7",
    source: null,
    dueDate: "2024-01-31",
    ...over,
  };
}

function action(over: Partial<RecoveryAction>): RecoveryAction {
  return {
    source: "form",
    sheet: "RA-01",
    cell: "C5",
    row: 5,
    ref: "RA-01",
    refCell: null,
    title: "Planning, Performance, and Programme Funding",
    execLead: "Gill Main, Integration Manager",
    description: null,
    serviceArea: "Planning, Performance, and Programme",
    valuePence: 44_800_000,
    riskLevel: "high",
    planDate: "2024-03-21",
    version: "v1",
    forecastPence: null,
    achievedPence: null,
    strategicAims: [1, 2],
    counted: true,
    ...over,
  };
}

const settings = (over: Partial<Settings> = {}): Settings => {
  const r = parseSettings({ ...DEFAULT_SETTINGS, ...over });
  if (!r.ok) throw new Error(r.message);
  return r.settings;
};

const AS_OF = "2023-09-21";

describe("directions RAG (§6)", () => {
  it("rates as rateDirection does when each distinct rating is remembered", () => {
    const progress = fc.oneof(fc.constant(null), fc.constantFrom(0, -0, 69.9, 70, 89.9, 90, 92, 100), fc.double({ min: -10, max: 110, noNaN: true }));
    const dueDate = fc.constantFrom(null, "2023-09-20", "2023-09-21", "2023-09-22", "2024-01-31", "");
    const one = fc.record({ progress, dueDate, narrative: fc.boolean() }).map((over) => direction(over));
    fc.assert(
      fc.property(
        fc.array(one, { maxLength: 40 }),
        fc.constantFrom(settings(), settings({ brag: true }), settings({ greenThreshold: 95, amberThreshold: 60 })),
        fc.constantFrom(AS_OF, "2024-02-01"),
        (directions, s, asOf) => {
          const rate = directionRater(s, asOf);
          // Each list twice: the second time every rating is a remembered one.
          for (const d of [...directions, ...directions]) expect(rate(d)).toEqual(rateDirection(d, s, asOf));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it.each([
    [90, "green"],
    [90.1, "green"],
    [89.9, "amber"],
    [70, "amber"],
    [70.1, "amber"],
    [69.9, "red"],
    [0, "red"],
    [100, "green"],
  ])("progress %s%% is %s at the default thresholds", (progress, rag) => {
    expect(rateDirection(direction({ progress }), settings(), AS_OF).rag).toBe(rag);
  });

  it("gives the board a readable reason", () => {
    expect(rateDirection(direction({ progress: 69 }), settings(), AS_OF).ragReason).toBe(
      "Progress 69% is below the amber threshold of 70%",
    );
    expect(rateDirection(direction({ progress: 92 }), settings(), AS_OF).ragReason).toBe(
      "Progress 92% meets the green threshold of 90%",
    );
  });

  it("follows the thresholds in the settings", () => {
    const s = settings({ greenThreshold: 95, amberThreshold: 60 });
    expect(rateDirection(direction({ progress: 92 }), s, AS_OF).rag).toBe("amber");
    expect(rateDirection(direction({ progress: 60 }), s, AS_OF).rag).toBe("amber");
    expect(rateDirection(direction({ progress: 59.9 }), s, AS_OF).rag).toBe("red");
  });

  it("is red and overdue when the target date has passed, whatever the progress short of 100", () => {
    const late = "2024-02-01";
    for (const d of [direction({ progress: 92 }), direction({ progress: null }), direction({ narrative: true })]) {
      const r = rateDirection(d, settings(), late);
      expect(r.rag).toBe("red");
      expect(r.ragReason).toMatch(/^Overdue/);
    }
    expect(rateDirection(direction({ progress: 100 }), settings(), late).rag).toBe("green");
  });

  it("is not overdue on the target date itself", () => {
    expect(rateDirection(direction({ progress: 92 }), settings(), "2024-01-31").rag).toBe("green");
  });

  it("is grey with no progress or only narrative", () => {
    expect(rateDirection(direction({ progress: null }), settings(), AS_OF)).toEqual({ rag: "grey", ragReason: "No progress reported" });
    expect(rateDirection(direction({ narrative: true }), settings(), AS_OF).ragReason).toMatch(/narrative/);
  });

  it("is blue at 100% only when BRAG is on", () => {
    expect(rateDirection(direction({ progress: 100 }), settings({ brag: true }), AS_OF).rag).toBe("blue");
    expect(rateDirection(direction({ progress: 99.9 }), settings({ brag: true }), AS_OF).rag).toBe("green");
  });
});

describe("recovery action RAG (§6)", () => {
  it("is grey without a valid value above zero", () => {
    expect(rateRecoveryAction(action({ valuePence: null }), settings()).rag).toBe("grey");
    expect(rateRecoveryAction(action({ valuePence: 0 }), settings()).rag).toBe("grey");
  });

  it("is delivered when achieved reaches the value: green, or blue with BRAG", () => {
    const a = action({ achievedPence: 44_800_000 });
    expect(rateRecoveryAction(a, settings()).rag).toBe("green");
    expect(rateRecoveryAction(a, settings({ brag: true })).rag).toBe("blue");
    expect(rateRecoveryAction(a, settings()).ragReason).toMatch(/^Delivered/);
    expect(rateRecoveryAction(action({ achievedPence: 44_799_999 }), settings()).rag).toBe("red");
  });

  it.each([
    [95_000, "green"],
    [96_000, "green"],
    [94_000, "amber"],
    [75_000, "amber"],
    [74_000, "red"],
    [0, "red"],
  ])("forecast £%s of £100,000 is %s", (pounds, rag) => {
    const a = action({ valuePence: 10_000_000, forecastPence: pounds * 100, riskLevel: "high" });
    expect(rateRecoveryAction(a, settings()).rag).toBe(rag);
  });

  it.each([
    ["low", "green", "Low risk of not delivering"],
    ["medium", "amber", "Medium risk of not delivering"],
    ["high", "red", "High risk of not delivering"],
    [null, "grey", "No forecast and no valid risk level"],
  ] as const)("without a forecast, risk %s is %s", (riskLevel, rag, reason) => {
    expect(rateRecoveryAction(action({ riskLevel }), settings())).toEqual({ rag, ragReason: reason });
  });
});

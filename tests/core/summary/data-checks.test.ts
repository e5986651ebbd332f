import { buildDataChecks } from "../../../src/core/summary/data-checks";
import { parseA1 } from "../../../src/core/grid";
import { FINDINGS, GENERATED, OBRIEN, at, find, makeAnalysis, shown, texts } from "./fixture";
import { expectSoundLayout, pageOf } from "./sound-layout";

const build = (over: Parameters<typeof makeAnalysis>[0] = {}) => buildDataChecks(makeAnalysis(over), { generatedAt: GENERATED });

describe("Data Checks", () => {
  const m = build({ notes: ["Saved settings ignored: they are not readable JSON."] });

  it("opens with the banner, the counts by severity and a paragraph", () => {
    expect(shown(m, "A1")).toBe("Not final: 1 error in the source sheets. See Data Checks.");
    expect(texts(m)).toContain("1 error and 1 warning were found in the 4 source sheets. Until the errors are put right, the figures on the summary sheets are not final. 1 sheet is not on a standard template and was not read.");
    expect(texts(m)).toContain("Saved settings ignored: they are not readable JSON.");
  });

  it("holds the reconciliation notes for the finance team", () => {
    const row = parseA1(find(m, "Reconciliation notes (for the finance team)")).row;
    expect(at(m, `A${row + 2}`)?.content).toEqual({ kind: "link", text: "Register, cell C7", sheet: "Register", cell: "C7" });
    expect(texts(m)).toContain(`Repeats the ref of the form on '${OBRIEN}': the same action, listed and counted once, from the form.`);
  });

  it("lists every finding on a page of its own, with a link to its cell, and has no key", () => {
    const t = m.tables.find((x) => x.name === "DataChecksFindings")!;
    expect(t.columns).toEqual(["Severity", "Sheet", "Cell", "Code", "Message"]);
    expect(t.dataRows).toBe(FINDINGS.length);
    expect(pageOf(m, t.headerRow)).toBe(2);
    expect(at(m, `C${t.headerRow + 1}`)?.content).toEqual({ kind: "link", text: "B9", sheet: OBRIEN, cell: "B9" });
    expect(texts(m)).not.toContain("Key");
  });

  it("says when nothing was found", () => {
    const clean = build({ findings: [] });
    expect(texts(clean)).toContain("No problems found.");
    expect(texts(clean)).toContain("No errors or warnings were found in the 4 source sheets.");
    expectSoundLayout(clean);
  });

  it("is laid out soundly with many findings", () => {
    expectSoundLayout(m);
    const many = Array.from({ length: 300 }, (_, i) => ({ ...FINDINGS[i % 3], cell: `B${i + 2}` }));
    expectSoundLayout(build({ findings: many }));
  });
});

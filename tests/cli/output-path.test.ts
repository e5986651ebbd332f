/**
 * The default output's name known before the analysis (output-path.ts
 * defaultOutputBeforeAnalysis): `build` looks at the earlier output there before reading the
 * input, so it must be the very name defaultOutput gives after the analysis, whatever the
 * analysis finds, and undefined wherever the analysis could change it.
 */
import * as path from "path";
import { defaultOutput, defaultOutputBeforeAnalysis } from "../../src/cli/output-path";

const NAMES = [
  "pack.xlsx",
  "Board Pack.XLSX",
  "macros.xlsm",
  "template.xltx",
  "pack",
  "pack.zip",
  "pack.summary.xlsx",
  "pack.SUMMARY.xlsx",
  "pack.summary.xlsm",
  "pack.summary.summary.xlsx",
  "pack.summary",
  "pack.summary.xlsx.xlsx",
  "summary.xlsx",
  ".summary.xlsx",
  "pack.summary.zip",
];
const DIRS = ["", "papers", path.join("a.summary.xlsx", "b")];
const EXTENSIONS = [".xlsx", ".xlsm", ".xltx", ".xltm"];

describe("defaultOutputBeforeAnalysis", () => {
  it.each(NAMES.flatMap((n) => DIRS.map((d) => path.join(d, n))))("%s: known only where the analysis cannot change it, and then defaultOutput's name", (input) => {
    for (const extension of EXTENSIONS) {
      const early = defaultOutputBeforeAnalysis(input, extension);
      const after = [true, false].map((isEarlier) => defaultOutput(input, extension, isEarlier));
      if (after[0] === after[1]) {
        expect(early).toBe(after[0]);
        expect(early).not.toBe(input);
      } else {
        expect(early).toBeUndefined();
      }
    }
  });

  it("is undefined for an input named like an output, which may be rebuilt over itself", () => {
    expect(defaultOutputBeforeAnalysis("pack.summary.xlsx", ".xlsx")).toBeUndefined();
    expect(defaultOutputBeforeAnalysis("pack.xlsm", ".xlsm")).toBe("pack.summary.xlsm");
  });
});

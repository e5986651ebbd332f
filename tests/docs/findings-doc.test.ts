// docs/findings.md is generated from the finding catalogue; a change to the catalogue
// without `npm run docs:findings` fails here, so the docs cannot drift from the code.
import * as fs from "fs";
import { FINDINGS_DOC, findingsMarkdown } from "../../scripts/findings-doc";
import { CATALOGUE, FINDING_CODES } from "../../src/core/findings";

describe("docs/findings.md", () => {
  it("is what `npm run docs:findings` writes from the catalogue", () => {
    expect(fs.readFileSync(FINDINGS_DOC, "utf8")).toBe(findingsMarkdown());
  });

  it("documents every code with its severity, parameters and an example message", () => {
    const doc = findingsMarkdown();
    for (const code of FINDING_CODES) {
      expect([code, doc.includes(`## ${code}\n`)]).toEqual([code, true]);
      for (const name of Object.keys(CATALOGUE[code].parameters)) expect([code, doc.includes(`| \`${name}\` |`)]).toEqual([code, true]);
    }
  });
});

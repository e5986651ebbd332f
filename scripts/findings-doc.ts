/**
 * Writes docs/findings.md from the finding catalogue (src/core/findings/catalogue.ts), so
 * the codes users filter by are documented from the table that raises them and cannot
 * drift. `npm run docs:findings`; tests/docs/findings-doc.test.ts fails when the committed
 * file differs from what this would write.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOGUE, FINDING_CODES } from "../src/core/findings";
import { exampleMessage } from "../src/core/findings/catalogue";
import { SEVERITY_WORDS } from "../src/core/words";

export const FINDINGS_DOC = path.join(__dirname, "..", "docs", "findings.md");

/** `|` would end a table cell. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function findingsMarkdown(): string {
  const out: string[] = [
    "# Finding codes",
    "",
    "<!-- Generated from src/core/findings/catalogue.ts by `npm run docs:findings`: edit the catalogue, not this file. -->",
    "",
    "Every finding has a severity, a code, a sheet, a cell (an A1 address on that sheet) and a message",
    "that says what is wrong and what would be right (standard-templates.md §9). Findings are listed in",
    "sheet order, then row, then column, then code. Codes are stable names: more may be added, none renamed.",
    "An analysis is `valid` when it has no error; `stats` counts its findings by severity.",
    "",
    "| code | severity | title |",
    "| --- | --- | --- |",
    ...FINDING_CODES.map((code) => `| [\`${code}\`](#${code}) | ${SEVERITY_WORDS[CATALOGUE[code].severity]} | ${cell(CATALOGUE[code].title)} |`),
  ];
  for (const code of FINDING_CODES) {
    const d = CATALOGUE[code];
    out.push("", `## ${code}`, "", `**${SEVERITY_WORDS[d.severity]}**: ${d.title}.`, "", d.description, "", "| parameter | holds |", "| --- | --- |");
    for (const [name, holds] of Object.entries<string>(d.parameters)) out.push(`| \`${name}\` | ${cell(holds)} |`);
    out.push("", `Example: ${exampleMessage(code)}`);
  }
  return out.join("\n") + "\n";
}

if (require.main === module) {
  fs.writeFileSync(FINDINGS_DOC, findingsMarkdown());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), FINDINGS_DOC)} (${FINDING_CODES.length} codes).\n`);
}

/**
 * saxes's `write` stays optimised across a workbook's many parts (xml.ts warmUp): one large
 * part, then many small ones, as a workbook of forms is read, in a child process with V8's
 * deoptimisations traced. Without the warm-up every small part's `write` was deoptimised at
 * its end (200 of 200 here). And plain-saxes's sAttribValueQuoted is not thrown out the first
 * time it leaves a value to saxes (here a value cut where one piece of text ends), having met
 * such a value in the warm-up's document.
 */
import * as path from "path";
import { deoptimised, tracedRun } from "../../helpers/deopt-trace";
import { ROOT } from "../../helpers/workbooks";

const SCRIPT = `
const { parseXml } = require(${JSON.stringify(path.join(ROOT, "lib", "hosts", "xlsx", "xml.js"))});
const cells = (n) => Array.from({ length: n }, (_, i) => '<row r="' + (i + 1) + '"><c r="A' + (i + 1) + '" t="s"><v>' + i + '</v></c></row>').join("");
const doc = (n) => '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + cells(n) + '</sheetData></worksheet>';
let opened = 0;
parseXml(doc(5000), { open: () => opened++ });
for (let i = 0; i < 200; i++) parseXml(doc(40), { open: () => opened++ });
`;

test("a large part and then 200 small ones leave saxes's write deoptimised a few times, not once a part", () => {
  const run = tracedRun(SCRIPT, { singleThreaded: false });
  expect(run.status).toBe(0);
  const writes = deoptimised(run, ["write"]);
  // 200 without the warm-up, 1 with it; the margin is for V8 versions that deoptimise a few more times for other reasons.
  expect(writes.length).toBeLessThan(50);
});

const CUT_VALUE_SCRIPT = `
const { XmlStream } = require(${JSON.stringify(path.join(ROOT, "lib", "hosts", "xlsx", "xml.js"))});
const rows = (from, n) => Array.from({ length: n }, (_, i) => '<row r="' + (from + i) + '" spans="1:3"><c r="A' + (from + i) + '" s="1"><v>1</v></c></row>').join("");
let opened = 0;
const stream = new XmlStream({ open: () => opened++ });
stream.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
for (let k = 0; k < 20; k++) stream.write(rows(1 + k * 2000, 2000));
stream.write('<row r="40001" spans="1:');
stream.write('3"></row>');
stream.write(rows(40002, 2000) + '</sheetData></worksheet>');
stream.close();
console.log("opened " + opened);
`;

test("a value cut between two pieces of text, after 40,000 rows, does not throw sAttribValueQuoted out of its optimised code", () => {
  const run = tracedRun(CUT_VALUE_SCRIPT, { singleThreaded: false });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("opened 126003");
  // One without a value left to saxes in the warm-up's document (xml.ts WARM_UP_DOCUMENT).
  expect(deoptimised(run, ["sAttribValueQuoted"])).toEqual([]);
});

const TEXT_SCRIPT = `
const { XmlStream } = require(${JSON.stringify(path.join(ROOT, "lib", "hosts", "xlsx", "xml.js"))});
const rows = (from, n) => Array.from({ length: n }, (_, i) => '<row r="' + (from + i) + '"><c r="A' + (from + i) + '" t="inlineStr"><is><t>text &amp; ' + i + '</t></is></c></row>').join("");
const part = (handlers) => {
  const stream = new XmlStream(handlers);
  stream.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  for (let k = 0; k < 20; k++) stream.write(rows(1 + k * 1000, 1000));
  // The root's end tag cut inside its name, where one piece of text ends.
  stream.write(rows(20001, 10) + '</sheetData></worksheet');
  stream.write('>');
  stream.close();
};
let chars = 0;
part({ text: (t) => { chars += t.length; } });
part({ text: (t) => { chars += t.length; } });
part({});
console.log("chars " + chars);
`;

test("parts with text handlers of their own, and one with none, leave saxes's text scan and end tags compiled once", () => {
  const run = tracedRun(TEXT_SCRIPT);
  expect(run.status).toBe(0);
  // Each of the two parts with a handler: 20,010 texts "text & n", 197,880 characters.
  expect(run.stdout).toContain("chars 395760");
  // Were each stream's text handler not made by one expression (xml.ts XmlStream), handleTextInRoot
  // and sText were thrown out at each new handler; without an end tag cut in the warm-up, captureNameChars.
  expect(deoptimised(run, ["handleTextInRoot", "sText", "captureNameChars"])).toEqual([]);
});

const CLOSE_SCRIPT = `
const { XmlStream } = require(${JSON.stringify(path.join(ROOT, "lib", "hosts", "xlsx", "xml.js"))});
const rows = (from, n) => Array.from({ length: n }, (_, i) => '<row r="' + (from + i) + '"><c r="A' + (from + i) + '" t="s"><v>' + i + '</v></c></row>').join("");
let opened = 0;
for (let p = 0; p < 2; p++) {
  const stream = new XmlStream({ open: () => opened++ });
  stream.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  for (let k = 0; k < 20; k++) stream.write(rows(1 + k * 2000, 2000));
  stream.write('</sheetData></worksheet>');
  stream.close();
}
console.log("opened " + opened);
`;

test("closing a large part does not throw saxes's write out of its optimised code", () => {
  const run = tracedRun(CLOSE_SCRIPT);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("opened 240004");
  // saxes's close is write(null), which read its empty chunk's character at -1 (plain-saxes.ts close).
  expect(deoptimised(run, ["write"])).toEqual([]);
});

/**
 * marker-scan.ts lets `build` skip tokenising a sheet that cannot hold our marker. It must
 * never say "cannot" of a part in which the sheet reader finds a value holding the marker's
 * text, however that text is spelt: plainly, by character references or `_xHHHH_` escapes,
 * split across runs, `<t>`s, CDATA, comments or processing instructions, under a prefix,
 * in pieces of any size. And it must say "cannot" of the plain parts that make a rebuild slow.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { analyse } from "../../../src/core/engine";
import { planSummaries } from "../../../src/core/summary/plan";
import { MARKER_PREFIX, SUMMARY_IDS } from "../../../src/core/summary/sheet-model";
import { MarkerScan } from "../../../src/hosts/xlsx/marker-scan";
import { openWorkbook } from "../../../src/hosts/xlsx/open";
import { openPackage, streamText } from "../../../src/hosts/xlsx/package";
import { worksheetParts } from "../../../src/hosts/xlsx/read";
import { sheetReader } from "../../../src/hosts/xlsx/sheet";
import { readStyles } from "../../../src/hosts/xlsx/styles";
import { buildSummaryBytes } from "../../../src/hosts/xlsx/write";
import { XmlStream } from "../../../src/hosts/xlsx/xml";
import { cutText } from "../../helpers/cut-text";
import { ROOT } from "../../helpers/workbooks";

const NOW = new Date("2023-09-21T12:00:00Z");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The plain rule: every value the sheet reader reads from the part, and whether one holds the marker's text. */
function readerFindsMarker(xml: string): boolean {
  let found = false;
  const reader = sheetReader({
    strings: [],
    styles: readStyles(null),
    date1904: false,
    note: () => undefined,
    keep: (value) => {
      if (typeof value === "string" && value.includes(MARKER_PREFIX)) found = true;
      return false;
    },
  });
  const stream = new XmlStream(reader.handlers);
  stream.write(xml);
  stream.close();
  return found;
}

function scan(pieces: readonly string[]): boolean {
  const s = new MarkerScan();
  for (const p of pieces) s.push(p);
  return s.mayHoldMarker;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One character spelt as the part may spell it: itself, a character reference, or OOXML's escape. */
const spelt = (ch: string, how: number): string => {
  const code = ch.charCodeAt(0);
  if (how === 1) return `&#${code};`;
  if (how === 2) return `&#x${code.toString(16)};`;
  if (how === 3) return `_x${code.toString(16).padStart(4, "0")}_`;
  return escapeXml(ch);
};

/** A text written as a value's XML: characters spelt, and split by markup the reader joins across. */
const textXml = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...SUMMARY_IDS).map((id) => MARKER_PREFIX + id),
      fc.constantFrom(MARKER_PREFIX, `  ${MARKER_PREFIX}recovery-summary `, "board-summary:generated"),
      fc.string({ maxLength: 10 }),
    ),
    fc.array(fc.nat(12), { maxLength: 40 }),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom("<![CDATA[", "<!-- note -->", "<?pi data?>"))),
  )
  .map(([text, hows, split]) => {
    const chars = [...text];
    const written = chars.map((ch, i) => spelt(ch, hows[i] ?? 0));
    if (!split) return written.join("");
    const at = split[0] % (chars.length + 1);
    const head = written.slice(0, at).join("");
    // CDATA holds its text as it stands; a comment or instruction just sits between two pieces.
    if (split[1] === "<![CDATA[") return `${head}<![CDATA[${chars.slice(at).join("").replace(/]]>/g, "")}]]>`;
    return `${head}${split[1]}${written.slice(at).join("")}`;
  });

/** A cell holding a text, in one of the ways a worksheet holds one (p is the element prefix). */
const cellXml = fc
  .tuple(fc.constantFrom("inline", "runs", "several-t", "str", "number", "date"), textXml, fc.nat(), fc.nat())
  .map(([how, t, at, col]) => (p: string) => {
    const r = `A${(col % 9) + 1}`;
    const half = at % (t.length + 1);
    switch (how) {
      case "inline":
        return `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t>${t}</${p}t></${p}is></${p}c>`;
      case "runs":
        return `<${p}c r="${r}" t="inlineStr"><${p}is><${p}r><${p}t>${t.slice(0, half)}</${p}t></${p}r><${p}r><${p}t>${t.slice(half)}</${p}t></${p}r></${p}is></${p}c>`;
      case "several-t":
        return `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t>${t.slice(0, half)}</${p}t><${p}t>${t.slice(half)}</${p}t></${p}is></${p}c>`;
      case "str":
        return `<${p}c r="${r}" t="str"><${p}f>"x"</${p}f><${p}v>${t}</${p}v></${p}c>`;
      case "number":
        return `<${p}c r="${r}"><${p}v>${t}</${p}v></${p}c>`;
      default:
        return `<${p}c r="${r}" t="d"><${p}v>${t}</${p}v></${p}c>`;
    }
  });

const partXml = fc.tuple(fc.array(cellXml, { maxLength: 4 }), fc.boolean()).map(([cells, prefixed]) => {
  const p = prefixed ? "x:" : "";
  const ns = prefixed ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}><${p}sheetData><${p}row r="1">${cells.map((c) => c(p)).join("")}</${p}row></${p}sheetData></${p}worksheet>`;
});

describe("a part that could hold our marker", () => {
  it("is never passed over where the sheet reader finds the marker's text, however it is spelt or cut", () => {
    let withMarker = 0;
    fc.assert(
      fc.property(partXml, fc.array(fc.nat(), { maxLength: 6 }), (xml, at) => {
        let finds: boolean;
        try {
          finds = readerFindsMarker(xml);
        } catch {
          return; // not well-formed (a CDATA cut inside a reference): the full read refuses it
        }
        if (finds) withMarker++;
        if (finds) expect(scan(cutText(xml, at))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // The property is about parts with the marker: enough of them must have been made.
    expect(withMarker).toBeGreaterThan(300);
  });

  it("is told from a plain one: only the declaration's `<?`, and only text spelt plainly, pass", () => {
    const plain = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row></sheetData></worksheet>`;
    for (let size = 1; size <= plain.length; size += 7) {
      const pieces = cutText(plain, Array.from({ length: Math.ceil(plain.length / size) }, (_, i) => (i + 1) * size));
      expect(scan(pieces)).toBe(false);
    }
    expect(scan([plain.replace("<row", "<?pi?><row")])).toBe(true);
    expect(scan([plain.replace("12.5", `${MARKER_PREFIX}x`)])).toBe(true);
    expect(scan([plain.replace("<c r", "<!-- c --><c r")])).toBe(true);
  });

  it("is passed over for every sheet of the sample board pack, and found in each of our summaries built from it", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, "examples", "board-pack.xlsx")));
    const opened = await openWorkbook(bytes, "board-pack.xlsx");
    const built = (await buildSummaryBytes(opened, planSummaries(analyse(opened.snapshot, { now: NOW }), NOW), NOW)).bytes;
    const scanned = async (file: Uint8Array) => {
      const pkg = await openPackage(file, { fileName: "board-pack.xlsx" });
      const out: { name: string; may: boolean }[] = [];
      for (const { name, part } of await worksheetParts(pkg)) {
        const s = new MarkerScan();
        await streamText(pkg, part, (text) => s.push(text));
        out.push({ name, may: s.mayHoldMarker });
      }
      return out;
    };
    const sources = await scanned(bytes);
    expect(sources.length).toBeGreaterThan(3);
    expect(sources.filter((s) => s.may)).toEqual([]);
    const after = await scanned(built);
    const added = after.filter((s) => !sources.some((t) => t.name === s.name));
    expect(added.length).toBeGreaterThan(1);
    expect(added.filter((s) => !s.may)).toEqual([]);
    expect(after.filter((s) => s.may)).toEqual(added);
  });
});

/**
 * A text's head (readers/label-heads.ts) never rules out a label form the rules give it: for
 * any text, each of its label forms (normaliseLabel of the whole trimmed text, labelPartKey
 * of it) that is not empty passes the heads table of that form, and of any beginning of it.
 */
import fc from "fast-check";
import { SheetGrid } from "../../../src/core/grid";
import { PackedCellsBuilder } from "../../../src/core/pack-cells";
import { cellsByHeads, headOf, headsBeginning, headsFor, leadOf, NO_HEAD, SPECIAL_HEAD, type Heads } from "../../../src/core/readers/label-heads";
import type { Cell } from "../../../src/core/snapshot";
import { labelPartKey } from "../../../src/core/readers/labels";
import { normaliseLabel } from "../../../src/core/values";

const LABELS = ["Risk Level", "risk  LEVEL", "No.", "No", "Ref", "Exec Lead(s)", "Service Area", "Due", "Description of Risk", "a", "1st", "K"];
const PIECES = ["", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", ":", ": ", "：", "?", "(£000)", " (s)", "(s)", "[note]", "(", "[", "İ", "\u212a", "ß", "é", "-", ".", "x", "Q", "7"];
const text = fc.oneof(
  fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...PIECES), fc.constantFrom(...LABELS), fc.constantFrom(...PIECES), fc.constantFrom(...LABELS, ...PIECES)).map((p) => p.join("")),
  fc.array(fc.constantFrom(...PIECES, ...LABELS), { maxLength: 8 }).map((p) => p.join("")),
  fc.string({ unit: "binary", maxLength: 12 }),
);

/** The label forms the label search finds a text under (labels.ts keysOfInfo, before it drops long prose). */
function formsOf(v: string): string[] {
  const t = v.trim();
  return [normaliseLabel(t), labelPartKey(t)].filter((k) => k !== "");
}

/** True where a search's heads and leads let a text through (as cellsByHeads does). */
const lets = (heads: Heads, v: string) => heads.table[headOf(v)] === 1 && (heads.leads === null || heads.leads.has(leadOf(v)));

test("a text's head and lead pass every label form it has, and every beginning of one", () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 6 }), (v, cut) => {
      if (v === "") return true;
      if (headOf(v) === NO_HEAD) return false;
      for (const form of formsOf(v)) {
        if (!lets(headsFor([form]), v)) return false;
        if (!lets(headsBeginning([form.slice(0, cut)]), v)) return false;
      }
      return true;
    }),
    { numRuns: 30_000 },
  );
});

test("heads and leads rule out text that begins otherwise, and nothing that is not a letter or digit first", () => {
  const heads = headsFor(["risk level", "no.", "due"]);
  expect(lets(headsBeginning(["ri"]), "Riskier")).toBe(true);
  expect(lets(headsBeginning(["risk"]), "Riskier")).toBe(true);
  expect(lets(headsBeginning(["risk"]), "Rising")).toBe(false);
  for (const v of ["Risk Level", "RISK", "R\u200bisk Level", "Risk: High", "No.", "N", "No", "Due", "DUE (by)", " Risky", "(£000) Value"]) expect([v, lets(heads, v)]).toEqual([v, true]);
  for (const v of ["INV-100234", "Rent", "Nov invoice 12", "November", "Dues", "Rising", "Rise"]) expect([v, lets(heads, v)]).toEqual([v, false]);
  expect(headOf(" Risk")).toBe(SPECIAL_HEAD);
  expect(headOf("(£000) Value")).toBe(SPECIAL_HEAD);
  expect(heads.table[SPECIAL_HEAD]).toBe(1);
  expect(heads.table[NO_HEAD]).toBe(0);
});

describe.each([
  ["a small sheet (scanned)", 1, 300],
  ["a large sheet, few cells let through (groups sorted)", 5, 40],
  ["a large sheet, many cells let through (one pass)", 5, 40],
])("cellsByHeads on %s", (name, scale, numRuns) => {
  it("gives every text cell whose head is let through, in stored order", () => {
    const many = name.includes("many");
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 60 }), fc.array(fc.constantFrom(...LABELS, "n", "zz", "(x)"), { maxLength: 4 }), (values, begins) => {
        const cells: Cell[] = [];
        // Large sheets: the values spread through ~1,000 times as many cells of other text.
        const n = scale === 1 ? values.length : 5_000;
        for (let i = 0; i < n; i++) {
          // Two groups interleaved (`Risk` and SPECIAL text) among the values, so order is tested.
          const interleaved = i % 89 === 0 ? (i % 2 ? "Risk" : "\u200bRisk") : many ? `Risk ${i}` : `Zed ${i}`;
          const v = scale === 1 ? values[i] : i % 97 === 0 ? values[(i / 97) % values.length] : interleaved;
          cells.push(i % 13 === 5 && typeof v === "string" ? { row: 1 + i, col: 1, value: v, error: "#N/A" } : { row: 1 + i, col: 1, value: v });
        }
        const grid = new SheetGrid({ name: "S", visibility: "visible", cells, merges: [] });
        const allowed = headsFor([...begins.map((b) => b.toLowerCase()), ...(scale > 1 ? ["risk"] : [])]);
        const plain = cells.flatMap((c, i) => (typeof c.value === "string" && c.value !== "" && !c.error && lets(allowed, c.value) ? [i] : []));
        expect([...cellsByHeads(grid, allowed)]).toEqual(plain);
        // Packed as the .xlsx reader packs them, each text a shared string (a text used again
        // is the same string, whose head is worked out once): the same cells.
        const shared: string[] = [];
        const indexOf = new Map<string, number>();
        const b = new PackedCellsBuilder(shared);
        for (const c of cells) {
          const extras = c.error ? { error: c.error } : undefined;
          if (typeof c.value !== "string") b.add(c.row, c.col, c.value, undefined, extras);
          else {
            let k = indexOf.get(c.value);
            if (k === undefined) indexOf.set(c.value, (k = shared.push(c.value) - 1));
            b.addShared(c.row, c.col, k, undefined, extras);
          }
        }
        const packed = new SheetGrid({ name: "S", visibility: "visible", cells: b.finish(), merges: [] });
        expect([...cellsByHeads(packed, allowed)]).toEqual(plain);
      }),
      { numRuns },
    );
  });
});

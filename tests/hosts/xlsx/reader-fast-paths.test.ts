/**
 * The reader's fast paths against the plain rules they stand for: part names' keys,
 * relationship targets resolved against one source, merge ranges, and the cells a sheet's
 * merges cover (looked through one by one for a few merges, by row for many).
 */
import fc from "fast-check";
import { partKey, resolveTarget, targetResolver } from "../../../src/hosts/xlsx/package";
import { parseRange, sheetReader } from "../../../src/hosts/xlsx/sheet";
import { readStyles } from "../../../src/hosts/xlsx/styles";
import { parseXml } from "../../../src/hosts/xlsx/xml";
import type { Cell, Merge } from "../../../src/core/snapshot";

const segment = fc.oneof(
  fc.constantFrom("", ".", "..", "xl", "XL", "worksheets", "sheet1.xml", "Sheet2.XML", ".hidden", "..x", "a%20b", "é", "a?b", "a#b", "a\\b", "_rels", "/"),
  fc.string({ unit: fc.constantFrom("a", "B", ".", "/", "\\", "%", "?", "#", "1", "_", "É"), maxLength: 8 }),
);
const path = fc.array(segment, { maxLength: 5 }).map((parts) => parts.join("/"));
const name = fc.tuple(fc.constantFrom("", "/", "//", "\\"), path).map(([lead, p]) => lead + p);

/** The rule as written before the one-pass look. */
function plainKey(n: string): string {
  return n.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

describe("part names and targets", () => {
  it("a part name's key is the plain rule's, whatever its case, slashes or characters", () => {
    fc.assert(fc.property(name, (n) => partKey(n) === plainKey(n)), { numRuns: 3000 });
    for (const n of ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "//a", "XL\\Styles.xml", "[Content_Types].xml", "ÄB/c", ""]) expect(partKey(n)).toBe(plainKey(n));
  });

  it("targets resolved against one source are resolveTarget's, plain or not", () => {
    fc.assert(fc.property(name, name, (source, target) => targetResolver(source)(target) === resolveTarget(source, target)), { numRuns: 3000 });
    const fromWorkbook = targetResolver("xl/workbook.xml");
    expect(fromWorkbook("worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(fromWorkbook("../docProps/app.xml")).toBe("docProps/app.xml");
    expect(targetResolver("")("xl/workbook.xml")).toBe("xl/workbook.xml");
  });
});

/** parseRange as written before it read the corners without objects. */
function plainRange(ref: string): Merge | null {
  const cell = (r: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(r);
    if (!m) return null;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(m[2]);
    return row >= 1 && row <= 1_048_576 && col <= 16_384 ? { row, col } : null;
  };
  const [a, b = a] = ref.trim().split(":");
  const p = cell(a);
  const q = cell(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const colName = (c: number) => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

describe("merges", () => {
  it("a merge's range is the plain rule's", () => {
    const ref = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1_048_577 })).map(([c, r]) => `${colName(c)}${r}`);
    const text = fc.oneof(
      fc.tuple(ref, ref).map(([a, b]) => `${a}:${b}`),
      ref,
      fc.tuple(ref, ref, ref).map(([a, b, c]) => `${a}:${b}:${c}`),
      fc.tuple(fc.constantFrom(" ", "", "\t"), ref, fc.constantFrom(":", ": ", "", " :"), fc.constantFrom("", "b2", "AAAA1", "A0", "XFE1")).map((p) => p.join("")),
      fc.string({ unit: fc.constantFrom("A", "b", "1", "0", ":", " ", "$"), maxLength: 10 }),
    );
    fc.assert(fc.property(text, (t) => JSON.stringify(parseRange(t)) === JSON.stringify(plainRange(t))), { numRuns: 5000 });
  });

  it("a sheet's merges are its refs' ranges in order, each sheet's its own objects (the ranges are remembered by text)", () => {
    const styles = readStyles(null);
    const refs = fc.array(fc.constantFrom("D9:E9", "A13:B13", "D13:E13", "b2", "C3:A1", "A0:B2", " E5:F6 ", "XFE1:A1"), { maxLength: 6 });
    const read = (list: string[]) => {
      const reader = sheetReader({ strings: [], styles, date1904: false, note: () => undefined });
      parseXml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><mergeCells>${list.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells></worksheet>`, reader.handlers);
      return reader.result().merges;
    };
    fc.assert(
      fc.property(refs, (list) => {
        const want = list.map(parseRange).filter((m): m is Merge => m !== null).sort((a, b) => a.top - b.top || a.left - b.left);
        const first = read(list);
        expect(first).toEqual(want);
        for (const m of first) m.top = m.bottom = -1;
        const again = read(list);
        expect(again).toEqual(want);
        for (const m of again) expect(first).not.toContain(m);
      }),
      { numRuns: 300 },
    );
  });

  it("a sheet's cells under a merge (not its top-left) are left out, with few merges or many, tall ones or none, cells in order or not", () => {
    const styles = readStyles(null);
    const position = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }) });
    // Now and then a merge over 1,000 rows tall: with many merges, those are looked through apart from the rest.
    const height = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 19 }, { arbitrary: fc.integer({ min: 1001, max: 1003 }), weight: 1 });
    const merge = fc.tuple(position, height, fc.integer({ min: 0, max: 3 })).map(([p, h, w]) => ({ top: p.row, left: p.col, bottom: p.row + h, right: p.col + w }));
    const sheet = fc.record({
      cells: fc.array(position, { maxLength: 60 }),
      merges: fc.oneof(fc.array(merge, { maxLength: 4 }), fc.array(merge, { minLength: 17, maxLength: 40 })),
      sorted: fc.boolean(),
    });
    fc.assert(
      fc.property(sheet, ({ cells, merges, sorted }) => {
        // Unique positions (a repeated one is the later-write rule, tested elsewhere); in order or as generated.
        const unique = [...new Map(cells.map((c) => [`${c.row},${c.col}`, c])).values()];
        if (sorted) unique.sort((a, b) => a.row - b.row || a.col - b.col);
        const xml =
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
          unique.map((c) => `<row r="${c.row}"><c r="${colName(c.col)}${c.row}"><v>${c.row * 100 + c.col}</v></c></row>`).join("") +
          `</sheetData><mergeCells>${merges.map((m) => `<mergeCell ref="${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}"/>`).join("")}</mergeCells></worksheet>`;
        const reader = sheetReader({ strings: [], styles, date1904: false, note: () => undefined });
        parseXml(xml, reader.handlers);
        const got = reader.result();
        const covered = (r: number, c: number) => merges.some((m) => (m.bottom > m.top || m.right > m.left) && r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
        const want = [...unique].sort((a, b) => a.row - b.row || a.col - b.col).filter((c) => !covered(c.row, c.col));
        expect((got.cells as Cell[]).map((c) => [c.row, c.col, c.value])).toEqual(want.map((c) => [c.row, c.col, c.row * 100 + c.col]));
        let rows = 0;
        let cols = 0;
        for (const c of want) [rows, cols] = [Math.max(rows, c.row), Math.max(cols, c.col)];
        for (const m of merges) if (m.bottom > m.top || m.right > m.left) [rows, cols] = [Math.max(rows, m.bottom), Math.max(cols, m.right)];
        expect(got.usedRange).toEqual({ rows, cols });
      }),
      { numRuns: 1500 },
    );
  });
});

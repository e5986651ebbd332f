/**
 * The direction totals' by-theme rows (one pass, counted as met, progress summed beside
 * each row) are what the plain rule gives: directions grouped by theme in order of first
 * appearance, each theme's reported progress listed and its mean taken half-up to one place.
 */
import fc from "fast-check";
import type { RagCounts } from "../../src/core/analysis";
import { RAGS, type Rag, type RatedDirection } from "../../src/core/records";
import { directionTotals } from "../../src/core/totals";
import { roundHalfUp } from "../../src/core/values";

const THEMES = [null, "Positive Experiences", "positive experiences", "Safe Care", ""];

function direction(no: string, theme: string | null, progress: number | null, rag: Rag): RatedDirection {
  return { sheet: "Directions", row: 1, cell: "A1", no, theme, text: "", measures: [], progress, narrative: false, progressCell: "D1", source: null, dueDate: null, rag, ragReason: "" };
}

const counts = (): RagCounts => ({ red: 0, amber: 0, green: 0, blue: 0, grey: 0 });

function plainByTheme(items: RatedDirection[]) {
  const themes = new Map<string | null, RatedDirection[]>();
  for (const d of items) themes.set(d.theme, [...(themes.get(d.theme) ?? []), d]);
  return [...themes.entries()].map(([theme, ds]) => {
    const reported = ds.filter((d) => d.progress !== null).map((d) => d.progress as number);
    const byRag = counts();
    for (const d of ds) byRag[d.rag]++;
    const averageProgress = reported.length === 0 ? null : roundHalfUp(reported.reduce((a, b) => a + b, 0) / reported.length, 1);
    return { theme, count: ds.length, reported: reported.length, averageProgress, byRag };
  });
}

test("by theme as the plain rule groups, counts and averages", () => {
  const progress = fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1000 }).map((k) => k / 10), fc.double({ min: 0, max: 100, noNaN: true })));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...THEMES), progress, fc.constantFrom(...RAGS)), { maxLength: 60 }), (rows) => {
      const items = rows.map(([theme, p, rag], i) => direction(String(i + 1), theme, p, rag));
      const t = directionTotals(items, null);
      const byRag = counts();
      for (const d of items) byRag[d.rag]++;
      expect(t).toEqual({ count: items.length, period: null, byRag, byTheme: plainByTheme(items) });
    }),
    { numRuns: 5_000 },
  );
});

import { paginate, type PageBlock } from "../../../src/core/summary/paginate";
import { MAX_PAGE_BREAKS, withinPageBreakLimit } from "../../../src/core/summary/page-break-limit";
import { buildRecoverySummary } from "../../../src/core/summary/recovery-summary";
import { sheetModelSchema } from "../../../src/core/summary/sheet-model";
import { GENERATED, action, makeAnalysis } from "./fixture";

/** Rows of 10 points, a page of 100: ten rows a page. */
const ten = () => 10;

describe("paginate: where pages break", () => {
  it("lets a small table fit where it falls, else start a new page rather than split", () => {
    const fits: PageBlock[] = [{ first: 1, last: 4, policy: { kind: "flow" } }, { first: 5, last: 9, policy: { kind: "keep" } }];
    expect(paginate(ten, fits, 100)).toEqual([]);
    const over: PageBlock[] = [{ first: 1, last: 6, policy: { kind: "flow" } }, { first: 7, last: 11, policy: { kind: "keep" } }];
    expect(paginate(ten, over, 100)).toEqual([7]);
  });

  it("starts the main table on its own page and never leaves its header last on a page", () => {
    const blocks: PageBlock[] = [
      { first: 1, last: 3, policy: { kind: "flow" } },
      { first: 4, last: 30, policy: { kind: "own-page", headerRow: 5 } },
    ];
    const breaks = paginate(ten, blocks, 100);
    expect(breaks[0]).toBe(4);
    // From the second page of the table on, the repeated header takes a row's room: nine rows a page.
    expect(breaks.slice(1)).toEqual([14, 23]);
    for (const b of breaks) expect(b - 1).not.toBe(5);
  });

  it("never leaves the last row (the totals row) alone on a page", () => {
    const blocks: PageBlock[] = [{ first: 1, last: 11, policy: { kind: "own-page", headerRow: 2 } }];
    // Rows 1-10 fill the page; row 11 alone would start the next: rows 10 and 11 go together.
    expect(paginate(ten, blocks, 100)).toEqual([10]);
  });

  it("never leaves the key alone on a page: the table's last rows go over with it", () => {
    const blocks: PageBlock[] = [
      { first: 1, last: 9, policy: { kind: "own-page", headerRow: 2 } },
      { first: 10, last: 14, policy: { kind: "keep-with-previous", rows: 3 } },
    ];
    const breaks = paginate(ten, blocks, 100);
    // Rows 3-9 are data on page 1; the key (5 rows) does not fit after them: half the
    // data rows on the page (3) go over with it.
    expect(breaks).toEqual([7]);
  });
});

describe("page breaks within Excel's limit of 1,026 a sheet", () => {
  it("keeps the first 1,026 of a long table's breaks, in row order, and leaves shorter lists alone", () => {
    // 20,000 rows of 10 points on pages of 100: some 2,200 breaks.
    const blocks: PageBlock[] = [{ first: 1, last: 20_000, policy: { kind: "own-page", headerRow: 2 } }];
    const all = paginate(ten, blocks, 100);
    expect(all.length).toBeGreaterThan(MAX_PAGE_BREAKS);
    const kept = withinPageBreakLimit(all);
    expect(kept).toHaveLength(MAX_PAGE_BREAKS);
    expect(kept).toEqual(all.slice(0, MAX_PAGE_BREAKS));
    const few = paginate(ten, [{ first: 1, last: 300, policy: { kind: "own-page", headerRow: 2 } }], 100);
    expect(withinPageBreakLimit(few)).toEqual(few);
  });

  it("holds on a Recovery Summary of 4,000 long register lines, which the model's schema checks", () => {
    const long = "Reduce agency spend across the partnership by recruiting to vacant posts, ".repeat(6);
    const actions = Array.from({ length: 4_000 }, (_, i) =>
      action({ sheet: "Register", cell: `A${i + 2}`, ref: `REG-${i + 1}`, description: long, valuePence: 100_000 + i }),
    );
    const model = buildRecoverySummary(makeAnalysis({ actions }), { generatedAt: GENERATED });
    expect(model.pageBreaks).toHaveLength(MAX_PAGE_BREAKS);
    expect(() => sheetModelSchema().parse(model)).not.toThrow();
    expect(() => sheetModelSchema().parse({ ...model, pageBreaks: [...model.pageBreaks, 999_999] })).toThrow();
  });
});

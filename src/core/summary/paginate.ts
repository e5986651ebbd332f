/**
 * Where a summary sheet's pages break (board-pages.md §4), from its row heights: small
 * tables never split (each fits where it falls or starts a new page), the main table
 * starts a page of its own with its header repeated on every page it runs onto, a header
 * row is never the last row of a page, and the key is never alone on a page: where it does
 * not fit after the main table, the table's last rows go over with it.
 */

export type BlockPolicy =
  /** Rows go where they fall. */
  | { kind: "flow" }
  /** All on one page: a new page rather than a split (split only where it is taller than a page). */
  | { kind: "keep" }
  /** Starts a page of its own; `headerRow` repeats at the top of every later page. */
  | { kind: "own-page"; headerRow: number }
  /** Kept together, and with at least `rows` rows of the block before it. */
  | { kind: "keep-with-previous"; rows: number };

export interface PageBlock {
  first: number;
  last: number;
  policy: BlockPolicy;
}

/**
 * The rows that start a new page, given each row's height (points), the blocks in row
 * order and the height a page holds.
 */
export function paginate(heightOf: (row: number) => number, blocks: PageBlock[], pageHeight: number): number[] {
  const breaks: number[] = [];
  const sum = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += heightOf(r);
    return h;
  };
  /** Height the repeated header takes at the top of a page, once the main table has begun. */
  let repeat = 0;
  let used = 0;
  /** First row of the current page. */
  let pageFirst = 1;
  const newPage = (row: number) => {
    breaks.push(row);
    pageFirst = row;
    used = repeat;
  };
  /** True where the page holds something besides the repeated header. */
  const pageHasContent = () => used > repeat + 0.01;
  const flow = (from: number, to: number) => {
    for (let r = from; r <= to; r++) {
      const h = heightOf(r);
      if (pageHasContent() && used + h > pageHeight) newPage(r);
      used += h;
    }
  };

  blocks.forEach((block, i) => {
    const height = sum(block.first, block.last);
    const policy = block.policy;
    switch (policy.kind) {
      case "flow":
        flow(block.first, block.last);
        break;
      case "keep":
        if (pageHasContent() && used + height > pageHeight) newPage(block.first);
        if (used + height <= pageHeight) used += height;
        else flow(block.first, block.last);
        break;
      case "own-page": {
        if (pageHasContent()) newPage(block.first);
        // The heading, the header row and the first data row stay together.
        const lead = Math.min(block.last, policy.headerRow + 1);
        used += sum(block.first, lead);
        // From the next page on, the header repeats above the rows.
        repeat = heightOf(policy.headerRow);
        for (let r = lead + 1; r <= block.last; r++) {
          const h = heightOf(r);
          if (used + h > pageHeight) {
            // No last row (the totals row, say) alone on a page: two go over where one can be spared.
            const at = block.last - r + 1 < 2 && r - 1 > lead ? r - 1 : r;
            newPage(at);
            used += sum(at, r - 1);
          }
          used += h;
        }
        break;
      }
      case "keep-with-previous": {
        if (!pageHasContent() || used + height <= pageHeight) {
          used += height;
          break;
        }
        const previous = blocks.at(i - 1);
        // Take some of the previous block's last rows over (half those on this page, up to
        // `rows`), leaving at least one here, below its header where the table starts here.
        let firstHere = Math.max(pageFirst, previous?.first ?? block.first);
        if (previous?.policy.kind === "own-page" && firstHere <= previous.policy.headerRow) firstHere = previous.policy.headerRow + 1;
        const here = previous ? previous.last - firstHere + 1 : 0;
        const take = Math.min(policy.rows, Math.max(1, Math.floor(here / 2)));
        const pull = previous && here >= 2 ? previous.last - take + 1 : block.first;
        const moved = previous && pull <= previous.last ? sum(pull, previous.last) : 0;
        if (previous && pull <= previous.last && repeat + moved + height <= pageHeight) {
          newPage(pull);
          used += moved + height;
        } else {
          newPage(block.first);
          if (used + height <= pageHeight) used += height;
          else flow(block.first, block.last);
        }
        break;
      }
    }
  });
  return breaks;
}

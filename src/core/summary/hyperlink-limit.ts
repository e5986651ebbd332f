import { positionKey } from "../grid";

/**
 * Excel holds at most 65,530 hyperlinks a worksheet (Microsoft's "Excel specifications and
 * limits"; some editions of that page say 66,530: the lower is kept). A summary of more
 * source lines than that (a register of 100,000 lines) links its first 65,530 sources in
 * row order; the rest keep the same words (`REG-70000 Register, cell A70001`) as plain
 * text, so the page reads the same on paper (docs/decisions.md).
 */
export const MAX_HYPERLINKS = 65_530;

/**
 * Where the limit falls, given every link's position key (grid.ts positionKey; any
 * order): the key of the first link past the limit in sheet order, which with every link
 * after it is plain text; undefined where the links are within it. The summary page
 * (linkLimit) counts its cells' links and its blocks' in one list of keys, so the limit falls
 * in sheet order wherever those links are held.
 */
export function firstPlainLinkKey(keys: Float64Array): number | undefined {
  if (keys.length <= MAX_HYPERLINKS) return undefined;
  return keys.slice().sort()[MAX_HYPERLINKS];
}

/** Whether a link at (row, col) is written as plain text, given firstPlainLinkKey's answer. */
export const pastLinkLimit = (row: number, col: number, plainKey: number): boolean => positionKey(row, col) >= plainKey;

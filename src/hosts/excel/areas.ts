/**
 * Address lists for Worksheet.getRanges (ExcelApi 1.9): many areas in one operation, each
 * list kept under the length Excel takes.
 */
import { boundsAddress, rowAddress, type Bounds } from "./address";

/**
 * The longest address list given to one Worksheet.getRanges. Excel refuses lists from
 * about 8,200 characters (office-js #5198); well under that, a list still carries hundreds of areas.
 */
const MAX_AREAS_ADDRESS = 4000;

/** Areas as address lists for Worksheet.getRanges, each within `max` characters. */
export function areaLists(areas: Bounds[], max = MAX_AREAS_ADDRESS): string[] {
  return chunkAddresses(areas.map(boundsAddress), max);
}

/** Whole-row blocks (`5:9`) as address lists for Worksheet.getRanges. */
export function rowLists(rows: Bounds[]): string[] {
  return chunkAddresses(
    rows.map((b) => (b.top === b.bottom ? rowAddress(b.top) : `${b.top}:${b.bottom}`)),
    MAX_AREAS_ADDRESS,
  );
}

function chunkAddresses(addresses: string[], max: number): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 2 + address.length > max) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current}, ${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/**
 * What `\s` matches in a regular expression (ECMAScript's WhiteSpace and LineTerminator),
 * as a test of one UTF-16 unit, for scans that replace an expression over every cell or
 * every character of a long text.
 */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Every code unit isSpace is true for, in order: for a table marking them once (text-metrics'
 * word tables), where a call a character costs a bundle's cross-chunk look-up (see there).
 */
export const SPACE_UNITS: readonly number[] = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];

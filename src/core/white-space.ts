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

/**
 * Text cut at the given places (taken modulo its length + 1, repeats dropped), as a part's
 * decoder hands it over in pieces: for the suites that check a reader gives the same answer
 * however its input is cut.
 */
export function cutText(text: string, at: readonly number[]): string[] {
  const places = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const place of places) {
    pieces.push(text.slice(from, place));
    from = place;
  }
  pieces.push(text.slice(from));
  return pieces;
}

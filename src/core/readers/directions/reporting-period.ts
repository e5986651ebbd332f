/** The reporting period (§5): the text after `Progress` in its heading, less a leading `at`. */

/** `Progress at half-year 2023/24` → `half-year 2023/24`; null when the heading names none. */
export function periodOf(heading: string): string | null {
  let t = heading.replace(/\s+/g, " ").trim();
  t = t.replace(/^progress\b/i, "").replace(/^[\s:–—-]+/, "");
  // A bracket holding only symbols (`(%)`) is a unit hint, not a period.
  t = t.replace(/[([]\s*[^\p{L}\p{N}()[\]]*\s*[)\]]/gu, " ").replace(/\s+/g, " ").trim();
  const wrapped = /^[([](.*)[)\]]$/.exec(t);
  if (wrapped) t = wrapped[1].trim();
  t = t.replace(/^(?:as\s+)?at\s+/i, "").replace(/[:\s]+$/, "").trim();
  return t === "" ? null : t;
}

/**
 * A fault of ours, as against a problem with the workbook: an error of JavaScript's own
 * kinds (`TypeError`, `RangeError`…) comes from our code, never from a workbook, and its
 * text ("Cannot read properties of undefined") means nothing to a board secretary. The
 * pane, the page and the command line say such a fault in plain words instead.
 */
const JAVASCRIPT_ERROR_KINDS: ReadonlySet<string> = new Set(["TypeError", "ReferenceError", "RangeError", "SyntaxError", "EvalError", "URIError", "InternalError"]);

/** By name, not `instanceof`: an error from a worker or another realm is still one. */
export function isFaultOfOurs(err: unknown): boolean {
  const name = typeof err === "object" && err !== null ? (err as { name?: unknown }).name : undefined;
  return typeof name === "string" && JAVASCRIPT_ERROR_KINDS.has(name);
}

/** The plain words for one, after "Could not … :" or the command's name. */
export const FAULT_OF_OURS = "an unexpected problem in Board Summary, not in your workbook. Try again; if it happens again, please report it with the workbook";

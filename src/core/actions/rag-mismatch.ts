/**
 * `rag-mismatch` (action-plans-and-risks.md §10, The stated RAG): a stated RAG that differs
 * from the computed one, saying both and why. Blue and green are the same for a complete
 * action, whatever BRAG is.
 */
import type { Finding } from "../findings";
import { finding } from "../findings";
import type { ActionRating } from "./action-rag";
import type { Action } from "./records";

const SAME_WHEN_COMPLETE = new Set(["blue", "green"]);

/** True where the plan states a RAG other than the facts give. */
export function isRagMismatch(a: Action, rating: ActionRating): boolean {
  if (a.statedRag === null || a.statedRag === rating.rag) return false;
  return !(a.status === "complete" && SAME_WHEN_COMPLETE.has(a.statedRag) && SAME_WHEN_COMPLETE.has(rating.rag));
}

/** The finding for a mismatched action, at its stated-RAG cell; null where they agree. */
export function ragMismatchFinding(a: Action, rating: ActionRating): Finding | null {
  if (!isRagMismatch(a, rating) || a.statedRag === null || a.statedRagCell === null) return null;
  return finding("rag-mismatch", { sheet: a.sheet, cell: a.statedRagCell }, { stated: a.statedRag, computed: rating.rag, why: rating.why });
}

/**
 * Findings on risks that follow from their RAG and the as-at date (action-plans-and-risks.md
 * §11): an open red or amber risk with no mitigation (`missing-mitigation`, at its
 * mitigation cell, or the risk cell where the register has no mitigation column); a review
 * date before the as-at date on an open risk (`review-overdue`). The others are raised as
 * the register is read.
 */
import { finding, type Finding } from "../findings";
import { itemName } from "../readers/action-plan/action-ref";
import type { RatedRisk } from "./records";

const nameOf = (r: RatedRisk): string => itemName("risk", r.ref, r.refCell === null, r.row);

export function riskFindings(risks: readonly RatedRisk[], asOf: string): Finding[] {
  const out: Finding[] = [];
  for (const r of risks) {
    if (r.status !== "open") continue;
    if ((r.rag === "red" || r.rag === "amber") && r.mitigations.length === 0) {
      out.push(finding("missing-mitigation", { sheet: r.sheet, cell: r.mitigationCell ?? r.cell }, { risk: nameOf(r), rag: r.rag }));
    }
    if (r.reviewDate !== null && r.reviewCell !== null && r.reviewDate < asOf) {
      out.push(finding("review-overdue", { sheet: r.sheet, cell: r.reviewCell }, { risk: nameOf(r), reviewDate: r.reviewDate, asOf }));
    }
  }
  return out;
}

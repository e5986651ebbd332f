/**
 * One action, counted once (standard-templates.md §4): refs met twice, forms repeated on a
 * register, and register lines that look like a form under another ref.
 */
import { finding, type Finding } from "../findings";
import { refOf, type RecoveryAction } from "../records";
import { foldName } from "../names";
import { RefIndex } from "./ref-index";

/** Refs compare case-insensitively after trimming and folding white space. */
export function refKey(ref: string): string {
  return foldName(ref);
}

/**
 * Input in workbook order (sheet order, then row). Returns the same actions in the same
 * order (the objects themselves; a copy of each register line that repeats a form's ref,
 * marked `counted: false`) in a list of its own (the engine rates them in it), and findings.
 */
export function reconcileRecoveryActions(actions: RecoveryAction[]): { actions: RecoveryAction[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const forms = new RefIndex();
  const lines = new RefIndex();
  // Indexed, not for…of: a command line's one run steps through 100,000 lines before the
  // loop is optimised, and each step of an array iterator there makes a result object.
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    const first = (a.source === "form" ? forms : lines).firstOrAdd(a);
    if (first) {
      findings.push(
        finding("duplicate-ref", { sheet: a.sheet, cell: a.refCell ?? a.cell }, { ref: refOf(a), first: { source: first.source, sheet: first.sheet, cell: first.cell } }),
      );
    }
  }

  // With no form (registers only), no line repeats or twins one: the list is copied as it
  // is, and a 100,000-line register is not stepped through again (every form is in `forms`).
  if (forms.size === 0) return { actions: actions.slice(), findings };

  // A copy only where something changes: the caller's records are never changed (engine.ts, withRating).
  const out = actions.map((a) => (a.source === "register" && forms.has(a) ? Object.assign({}, a, { counted: false }) : a));

  // Forms by service area and value, first one kept: one look-up a register line, so a
  // 10,000-line register costs no more than its lines.
  const formsByAreaAndValue = new Map<string, RecoveryAction>();
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (f.source !== "form" || f.valuePence === null || f.serviceArea === null) continue;
    const key = `${foldName(f.serviceArea)}\u0000${f.valuePence}`;
    if (!formsByAreaAndValue.has(key)) formsByAreaAndValue.set(key, f);
  }
  // With no form to be a twin of, no register line is folded again.
  const candidates = formsByAreaAndValue.size > 0 ? out : [];
  for (let i = 0; i < candidates.length; i++) {
    const line = candidates[i];
    if (line.source !== "register" || !line.counted || line.valuePence === null || !line.serviceArea) continue;
    const twin = formsByAreaAndValue.get(`${foldName(line.serviceArea)}\u0000${line.valuePence}`);
    if (!twin) continue;
    findings.push(
      finding(
        "possible-double-count",
        { sheet: line.sheet, cell: line.cell },
        { serviceArea: line.serviceArea, valuePence: line.valuePence, form: { sheet: twin.sheet, ref: refOf(twin) } },
      ),
    );
  }
  return { actions: out, findings };
}

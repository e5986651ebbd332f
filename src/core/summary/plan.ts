/**
 * Which sheets to write, under which names: the product's own earlier summaries are
 * replaced (their names reused), and a user's sheet is never overwritten, whatever its
 * name: the summary goes to `Recovery Summary (2)` (or the next free name) and a note
 * says so.
 */
import type { Analysis } from "../analysis";
import { ACTION_PLAN_SUMMARY_NAME, buildActionPlanSummary } from "./action-plan-summary";
import { buildDataChecks } from "./data-checks";
import { buildDirectionsSummary, DIRECTIONS_SUMMARY_NAME } from "./directions-summary";
import type { SummaryContext } from "./context";
import { buildRecoverySummary, RECOVERY_SUMMARY_NAME } from "./recovery-summary";
import { buildRiskSummary, RISK_SUMMARY_NAME } from "./risk-summary";
import { DATA_CHECKS_NAME } from "./data-checks";
import { SUMMARY_IDS, type SheetModel, type SummaryId, type SummaryPlan } from "./sheet-model";

/** The name each summary would like. */
const SUMMARY_NAMES: Record<SummaryId, string> = {
  "recovery-summary": RECOVERY_SUMMARY_NAME,
  "directions-summary": DIRECTIONS_SUMMARY_NAME,
  "action-plan-summary": ACTION_PLAN_SUMMARY_NAME,
  "risk-summary": RISK_SUMMARY_NAME,
  "data-checks": DATA_CHECKS_NAME,
};

const BUILDERS: Record<SummaryId, (analysis: Analysis, ctx: SummaryContext) => SheetModel> = {
  "recovery-summary": buildRecoverySummary,
  "directions-summary": buildDirectionsSummary,
  "action-plan-summary": buildActionPlanSummary,
  "risk-summary": buildRiskSummary,
  "data-checks": buildDataChecks,
};

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/** `Recovery Summary (2)`; the base is shortened where the whole would pass 31 characters. */
export function numberedName(base: string, n: number): string {
  const clean = base.replace(/[[\]:*?/\\]/g, " ").trim();
  if (n <= 1) return clean.slice(0, MAX_SHEET_NAME);
  const suffix = ` (${n})`;
  return clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}

/** Excel compares sheet names without regard to case. */
const key = (name: string) => name.toLocaleLowerCase("en-GB");

/**
 * The summaries a workbook gets (board-pages.md §9): one for each kind of source sheet it
 * holds, and Data Checks always. A register-only workbook gets no empty Directions Summary.
 */
function summariesWanted(analysis: Analysis): SummaryId[] {
  const kinds = new Set(analysis.sheets.map((s) => s.kind));
  return SUMMARY_IDS.filter((id) => {
    if (id === "recovery-summary") return kinds.has("recovery-action") || kinds.has("recovery-register");
    if (id === "directions-summary") return kinds.has("directions");
    if (id === "action-plan-summary") return kinds.has("action-plan");
    if (id === "risk-summary") return kinds.has("risk-register");
    return true;
  });
}

export function planSummaries(analysis: Analysis, generatedAt: Date): SummaryPlan {
  const wanted = summariesWanted(analysis);
  const sheets = analysis.sheets;
  const taken = new Set(sheets.map((s) => key(s.name)));
  const names = new Map<SummaryId, string>();
  const replace: string[] = [];
  const notes: string[] = [];

  // Our own earlier summary of each kind is replaced in place (the one under the wanted
  // name where there are several copies; other copies are left alone).
  for (const id of SUMMARY_IDS) {
    const ours = sheets.filter((s) => s.kind === "summary" && s.summaryId === id);
    if (ours.length === 0) continue;
    const pick = ours.find((s) => key(s.name) === key(SUMMARY_NAMES[id])) ?? ours[0];
    names.set(id, pick.name);
    replace.push(pick.name);
  }

  // The rest get the wanted name, or the first free numbered one.
  for (const id of wanted) {
    if (names.has(id)) continue;
    let n = 1;
    while (taken.has(key(numberedName(SUMMARY_NAMES[id], n)))) n++;
    const name = numberedName(SUMMARY_NAMES[id], n);
    taken.add(key(name));
    names.set(id, name);
  }

  // Every id has its name by now; the wanted name stands in for the type's sake.
  const nameOf = (id: SummaryId): string => names.get(id) ?? SUMMARY_NAMES[id];
  for (const id of wanted) {
    const want = SUMMARY_NAMES[id];
    const name = nameOf(id);
    if (key(name) === key(want)) continue;
    const holder = sheets.find((s) => key(s.name) === key(want));
    if (!holder) continue;
    notes.push(
      holder.kind === "summary"
        ? `Another Board Summary sheet is already called '${holder.name}', so the summary was written to '${name}'.`
        : `A sheet of yours is already called '${holder.name}', so the summary was written to '${name}'.`,
    );
  }

  return {
    // An earlier summary of a kind no longer present is in `replace` and written over by
    // nothing: the hosts remove it.
    models: wanted.map((id) => BUILDERS[id](analysis, { generatedAt, sheetName: nameOf(id) })),
    replace,
    notes,
  };
}

/**
 * Each summary's own key (standard-templates.md §8, board-pages.md §5): the RAG rules and
 * thresholds in force for that sheet's items, BRAG on or off, the target and the as-at
 * date, so a reader knows what the colours mean. The Recovery Summary explains recovery
 * rules only, the Directions Summary directions rules only; Data Checks has none.
 */
import { FORECAST_AMBER_WORDS, FORECAST_GREEN_WORDS, formatPercent } from "../rag";
import type { Settings } from "../settings";
import { formatDateUk, formatMoney } from "../values";
import { plural } from "../words";
import type { KeyRule } from "./summary-page";

export interface Key {
  lines: string[];
  rules: KeyRule[];
}

const ORDER = "Each RAG cell shows its colour and its word. The rules are applied in the order listed: the first that fits gives the colour.";

export function recoveryKey(s: Settings, asOf: string): Key {
  const g = FORECAST_GREEN_WORDS;
  const a = FORECAST_AMBER_WORDS;
  return {
    lines: [
      ORDER,
      `As at ${formatDateUk(asOf)}. ${s.targetPence === null ? "No savings target is set." : `Savings target ${formatMoney(s.targetPence)}.`} ` +
        (s.brag ? "BRAG on: a delivered action shows Blue." : "BRAG off: a delivered action shows Green; Blue is not used."),
    ],
    rules: [
      { rag: "grey", text: "No data: no valid recovery value above zero" },
      { rag: s.brag ? "blue" : "green", text: "Delivered: achieved to date is at or above the recovery value" },
      { rag: "green", text: `Forecast at or above ${g} of the recovery value` },
      { rag: "amber", text: `Forecast at or above ${a} and below ${g} of the recovery value` },
      { rag: "red", text: `Forecast below ${a} of the recovery value` },
      { rag: "green", text: "No forecast: low risk of not delivering the saving" },
      { rag: "amber", text: "No forecast: medium risk of not delivering the saving" },
      { rag: "red", text: "No forecast: high risk of not delivering the saving" },
      { rag: "grey", text: "No forecast and no valid risk level" },
    ],
  };
}

export function directionsKey(s: Settings, asOf: string): Key {
  const pct = formatPercent;
  const rules: KeyRule[] = [
    { rag: "red", text: `Overdue: the target date is before ${formatDateUk(asOf)} and progress is not 100%` },
    { rag: "grey", text: "No data: no progress reported, or progress given only as narrative" },
  ];
  if (s.brag) rules.push({ rag: "blue", text: "Complete: progress is 100%" });
  rules.push({ rag: "green", text: `Progress at or above ${pct(s.greenThreshold)}` });
  rules.push(
    s.amberThreshold < s.greenThreshold
      ? { rag: "amber", text: `Progress at or above ${pct(s.amberThreshold)} and below ${pct(s.greenThreshold)}` }
      : { rag: "amber", text: `Not used: the amber and green thresholds are both ${pct(s.greenThreshold)}` },
  );
  rules.push({ rag: "red", text: `Progress below ${pct(s.amberThreshold)}` });
  return {
    lines: [
      ORDER,
      `As at ${formatDateUk(asOf)}: a target date before it is overdue. Green from ${pct(s.greenThreshold)}, amber from ${pct(s.amberThreshold)}. ` +
        (s.brag ? "BRAG on: a complete direction shows Blue." : "BRAG off: a complete direction shows Green; Blue is not used."),
    ],
    rules,
  };
}

/** The action RAG rules (action-plans-and-risks.md §10), in the order they are applied, with the due-soon window. */
export function actionPlanKey(s: Settings, asOf: string): Key {
  const at = formatDateUk(asOf);
  const soon = plural(s.dueSoonDays, "day");
  return {
    lines: [
      ORDER,
      `As at ${at}: an action due before it and not complete is overdue; one due on or up to ${soon} after it is due soon. ` +
        (s.brag ? "BRAG on: a complete action shows Blue." : "BRAG off: a complete action shows Green; Blue is not used."),
      "The RAG is worked out from the due date and the progress words; the Stated RAG is the plan's own, shown beside it, and where the two differ the action is listed with the exceptions.",
    ],
    rules: [
      { rag: "grey", text: "No progress column: the plan is a schedule of dates, so delivery is not reported" },
      { rag: s.brag ? "blue" : "green", text: "Complete: the progress says Complete, Completed, Done, Achieved, Delivered or Closed, or 100%" },
      { rag: "red", text: `Overdue: due before ${at} and not complete (unless due '… (and ongoing)' and in progress)` },
      { rag: "amber", text: "At risk: the progress says Delayed, Behind, At risk, Slipped, On hold, Paused, Stalled or Off track" },
      { rag: "grey", text: "No progress reported" },
      { rag: "grey", text: "Not started and no due date" },
      { rag: "amber", text: `Not started and due within ${soon}` },
      { rag: "green", text: "In progress, or not started and due later" },
    ],
  };
}

/** The risk score bands (§11) and the riskRed and riskAmber thresholds in force. */
export function riskKey(s: Settings): Key {
  return {
    lines: [
      "Each RAG cell shows its colour and its word.",
      "Likelihood and impact are scored 1 to 5 and multiplied (the NPSA 5 × 5 matrix): 15 to 25 Extreme, 8 to 14 High, 4 to 7 Moderate, 1 to 3 Low. " +
        "On the 3-point scale (Low 1, Medium 2, High 3): 6 to 9 High, 3 to 4 Medium, 1 to 2 Low.",
      `Red from a score of ${s.riskRed}, amber from ${s.riskAmber} (the settings in force). A level or a single 1 to 5 rating given on its own counts by its band. ` +
        (s.brag ? "BRAG on: a closed risk shows Blue." : "BRAG off: a closed risk shows Green; Blue is not used."),
    ],
    rules: [
      { rag: "red", text: `Score ${s.riskRed} to 25; High on the 3-point scale; Extreme, or a single rating of 5, given on its own` },
      { rag: "amber", text: `Score ${s.riskAmber} to ${s.riskRed - 1}; Medium on the 3-point scale; High or Moderate (NPSA), or a single rating of 3 or 4, given on its own` },
      { rag: "green", text: `${s.riskAmber > 1 ? `Score 1 to ${s.riskAmber - 1}; ` : ""}Low; a single rating of 1 or 2 given on its own` },
      { rag: "grey", text: "Not rated: a rating is missing or not usable" },
      { rag: s.brag ? "blue" : "green", text: "Closed (counted apart from the open risks)" },
    ],
  };
}

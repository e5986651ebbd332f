/**
 * Each summary's own key (standard-templates.md §8, board-pages.md §5): the RAG rules and
 * thresholds in force for that sheet's items, BRAG on or off, the target and the as-at
 * date, so a reader knows what the colours mean. The Recovery Summary explains recovery
 * rules only, the Directions Summary directions rules only; Data Checks has none.
 */
import { FORECAST_AMBER_WORDS, FORECAST_GREEN_WORDS, formatPercent } from "../rag";
import type { Settings } from "../settings";
import { formatDateUk, formatMoney } from "../values";
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

/**
 * RAG rules (standard-templates.md §6). Each rating comes with a one-line reason a board
 * member can read. Thresholds are compared with the rounded figures, inclusively (≥).
 */
import type { Direction, RagResult, RecoveryAction } from "./records";
import type { Settings } from "./settings";
import { formatDateUk, formatMoney, roundHalfUp } from "./values";

/** 92 → "92%", 62.5 → "62.5%". */
export function formatPercent(points: number): string {
  return `${roundHalfUp(points, 1)}%`;
}

/** Forecast ÷ value thresholds for recovery actions (§6); reasons and the key are worded from these. */
const FORECAST_GREEN = 0.95;
const FORECAST_AMBER = 0.75;
/** The forecast thresholds as the reasons and the key write them: "95%", "75%". */
export const FORECAST_GREEN_WORDS = formatPercent(FORECAST_GREEN * 100);
export const FORECAST_AMBER_WORDS = formatPercent(FORECAST_AMBER * 100);

export function rateDirection(d: Direction, settings: Settings, asOf: string): RagResult {
  const progressWords =
    d.progress !== null ? `progress is ${formatPercent(d.progress)}` : d.narrative ? "progress is reported only as narrative" : "no progress is reported";
  if (d.dueDate !== null && d.dueDate < asOf && d.progress !== 100) {
    return {
      rag: "red",
      ragReason: `Overdue: the target date ${formatDateUk(d.dueDate)} has passed and ${progressWords}`,
    };
  }
  if (d.progress === null) {
    return {
      rag: "grey",
      ragReason: d.narrative ? "Progress is reported as narrative, not a percentage" : "No progress reported",
    };
  }
  const p = d.progress;
  if (settings.brag && p === 100) return { rag: "blue", ragReason: "Complete: progress is 100%" };
  if (p >= settings.greenThreshold) {
    return { rag: "green", ragReason: `Progress ${formatPercent(p)} meets the green threshold of ${formatPercent(settings.greenThreshold)}` };
  }
  if (p >= settings.amberThreshold) {
    return {
      rag: "amber",
      ragReason: `Progress ${formatPercent(p)} is below the green threshold of ${formatPercent(settings.greenThreshold)} but meets the amber threshold of ${formatPercent(settings.amberThreshold)}`,
    };
  }
  return { rag: "red", ragReason: `Progress ${formatPercent(p)} is below the amber threshold of ${formatPercent(settings.amberThreshold)}` };
}

/**
 * rateDirection for one analysis's settings and as-at date, each distinct rating worked out
 * once: a rating reads only a direction's target date, progress and whether it is narrative,
 * and a long report repeats those (a generated 50,000 held 2,472 distinct), where each
 * rating built its reason's text afresh and every direction kept its own copy.
 * tests/core/rag.test.ts holds it to rateDirection.
 */
export function directionRater(settings: Settings, asOf: string): (d: Direction) => RagResult {
  const byDate = new Map<string | null, Map<number | string, RagResult>>();
  return (d) => {
    let byProgress = byDate.get(d.dueDate);
    if (byProgress === undefined) {
      byProgress = new Map();
      byDate.set(d.dueDate, byProgress);
    }
    // Where there is no figure, whether progress is narrative is the rest of what is read.
    const key = d.progress ?? (d.narrative ? "narrative" : "none");
    let rating = byProgress.get(key);
    if (rating === undefined) {
      rating = rateDirection(d, settings, asOf);
      byProgress.set(key, rating);
    }
    return rating;
  };
}

/**
 * The ratings whose reason names no figure, one object each for every action rated so (as
 * directionRater shares a direction's): a register's 100,000 lines are rated with no object
 * made a line. The engine copies a rating's two fields onto the action; none is changed.
 */
const NO_VALUE: RagResult = { rag: "grey", ragReason: "No valid recovery value above zero" };
const LOW_RISK: RagResult = { rag: "green", ragReason: "Low risk of not delivering" };
const MEDIUM_RISK: RagResult = { rag: "amber", ragReason: "Medium risk of not delivering" };
const HIGH_RISK: RagResult = { rag: "red", ragReason: "High risk of not delivering" };
const NO_FORECAST_OR_RISK: RagResult = { rag: "grey", ragReason: "No forecast and no valid risk level" };

export function rateRecoveryAction(a: RecoveryAction, settings: Settings): RagResult {
  const value = a.valuePence;
  if (value === null || value <= 0) return NO_VALUE;
  if (a.achievedPence !== null && a.achievedPence >= value) {
    return {
      rag: settings.brag ? "blue" : "green",
      ragReason: `Delivered: ${formatMoney(a.achievedPence)} achieved to date against a value of ${formatMoney(value)}`,
    };
  }
  if (a.forecastPence !== null) {
    // The ratio is rounded to four places (§7) before it meets the thresholds (§6).
    const ratio = roundHalfUp(a.forecastPence / value, 4);
    const share = `Forecast ${formatMoney(a.forecastPence)} is ${formatPercent(ratio * 100)} of the ${formatMoney(value)} value`;
    if (ratio >= FORECAST_GREEN) return { rag: "green", ragReason: `${share} (green at ${FORECAST_GREEN_WORDS} or more)` };
    if (ratio >= FORECAST_AMBER) {
      return { rag: "amber", ragReason: `${share} (amber from ${FORECAST_AMBER_WORDS} to below ${FORECAST_GREEN_WORDS})` };
    }
    return { rag: "red", ragReason: `${share} (red below ${FORECAST_AMBER_WORDS})` };
  }
  switch (a.riskLevel) {
    case "low":
      return LOW_RISK;
    case "medium":
      return MEDIUM_RISK;
    case "high":
      return HIGH_RISK;
    default:
      return NO_FORECAST_OR_RISK;
  }
}

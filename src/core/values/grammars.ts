/** The small grammars: risk level, reporting frequency, strategic aims, version. */
import type { RiskLevel } from "../records";
import type { ValueResult } from "./result";
import { EMPTY, excelError, invalid, ok } from "./result";
import { displayNumber } from "./cells";
import type { Input, RawValue } from "./input";
import { quote, toInput } from "./input";
import { remembered } from "../remembered";

/** The text a non-text input shows, for grammars that only accept words. */
function asText(input: Input): string {
  if (input.kind === "text") return input.text;
  if (input.kind === "number") return input.text?.trim() || displayNumber(input.value, input.format);
  if (input.kind === "boolean") return input.display;
  return "";
}

type Pre = { done: ValueResult<never> } | { text: string };

function pre(raw: RawValue): Pre {
  const input = toInput(raw);
  if (input.kind === "empty") return { done: EMPTY };
  if (input.kind === "error") return { done: excelError(input.error) };
  return { text: asText(input).replace(/\s+/g, " ").trim() };
}

const RISK: Readonly<Partial<Record<string, RiskLevel>>> = {
  high: "high", h: "high", medium: "medium", med: "medium", m: "medium", low: "low", l: "low",
};

export function riskLevelRule(raw: RawValue): ValueResult<RiskLevel> {
  const p = pre(raw);
  if ("done" in p) return p.done;
  const level = RISK[p.text.toLowerCase().replace(/\.$/, "")];
  return level ? ok(level) : invalid(p.text, `${quote(p.text)} is not a risk level: use High, Medium or Low`);
}

/** Each accepted spelling, squashed (lower case, no spaces or hyphens), to its canonical name. */
const FREQUENCY: Readonly<Partial<Record<string, string>>> = {
  weekly: "Weekly",
  fortnightly: "Fortnightly",
  monthly: "Monthly",
  bimonthly: "Bi-monthly",
  quarterly: "Quarterly",
  sixmonthly: "Six-monthly",
  halfyearly: "Half-yearly",
  annually: "Annually",
  annual: "Annual",
  yearly: "Yearly",
};

export function frequencyRule(raw: RawValue): ValueResult<string> {
  const p = pre(raw);
  if ("done" in p) return p.done;
  const key = p.text.toLowerCase().replace(/\.$/, "").replace(/[\s\-\u2010-\u2013]+/g, "");
  const name = FREQUENCY[key];
  return name
    ? ok(name)
    : invalid(p.text, `${quote(p.text)} is not a reporting frequency: use Weekly, Fortnightly, Monthly, Bi-monthly, Quarterly, Six-monthly, Half-yearly or Annually`);
}

export function strategicAimsRule(raw: RawValue): ValueResult<readonly number[]> {
  const p = pre(raw);
  if ("done" in p) return p.done;
  // `No.1`, `No. 1`, `No 1`, `No1` all become `1`; spaces, commas, semicolons, line breaks, `&`, `and` separate.
  const bare = p.text.replace(/(?<![a-z])no\.?\s*(?=\d)/gi, " ");
  const tokens = bare.split(/[\s,;&/]+|\band\b/i).map((t) => t.trim()).filter((t) => t !== "");
  if (tokens.length === 0) return invalid(p.text, `${quote(p.text)} names no strategic aim: use No.1 to No.6`);
  const aims = new Set<number>();
  for (const token of tokens) {
    const n = /^\d+$/.test(token) ? Number(token) : NaN;
    if (!(n >= 1 && n <= 6)) {
      return invalid(p.text, `${quote(p.text)} is not a list of strategic aims: '${token}' is not one of No.1 to No.6`);
    }
    aims.add(n);
  }
  return ok([...aims].sort((a, b) => a - b));
}

export function versionRule(raw: RawValue): ValueResult<string> {
  const p = pre(raw);
  if ("done" in p) return p.done;
  return /^v?\d+(\.\d+)*$/i.test(p.text)
    ? ok(p.text)
    : invalid(p.text, `${quote(p.text)} is not a version number: use v1, v2.1 or 1.0`);
}

/**
 * The text a grammar reads where the input is text: a string, or a cell holding text and no
 * error (toInput reads both alike); null for anything else.
 */
function textOf(raw: RawValue): string | null {
  if (typeof raw === "string") return raw;
  if (raw === null || typeof raw !== "object") return null;
  const error = raw.error;
  if (typeof error === "string" && error.trim() !== "") return null;
  return typeof raw.value === "string" ? raw.value : null;
}

/**
 * A small grammar read once a distinct text: a form's risk level, version, aims and three
 * frequencies, and a register's risk level on every line, come from a few words said over
 * and over. The answer (read only) is the grammar's on the same text.
 */
function byText<T>(grammar: (raw: RawValue) => ValueResult<T>): (raw: RawValue) => ValueResult<T> {
  const ofText = remembered((text: string) => grammar(text), 1_024);
  return (raw) => {
    const text = textOf(raw);
    return text === null ? grammar(raw) : ofText(text);
  };
}

export const parseRiskLevel = byText(riskLevelRule);
export const parseFrequency = byText(frequencyRule);
/** The aims (sorted, unique) are shared between cells of the same text: read only. */
export const parseStrategicAims = byText(strategicAimsRule);
export const parseVersion = byText(versionRule);

/**
 * Words the pane shows: user-facing error text, RAG and severity labels, counts.
 * Kept apart from components so the page and the pane say the same things.
 */
import type { Severity } from "../core/findings";
import type { Rag } from "../core/records";

/**
 * Turns anything thrown into text fit to show. A HostError (or the engine's SettingsError)
 * already says what is wrong and where; anything else gets a plain lead-in. Never a stack.
 */
export function errorText(err: unknown, doing: string): string {
  if (err instanceof Error) {
    if (err.name === "HostError" || err.name === "SettingsError") return err.message;
    const msg = err.message.trim();
    return msg ? `Could not ${doing}: ${msg}` : `Could not ${doing}.`;
  }
  if (typeof err === "string" && err.trim()) return `Could not ${doing}: ${err.trim()}`;
  return `Could not ${doing}.`;
}

export const RAG_WORD: Record<Rag, string> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  blue: "Blue",
  grey: "Grey",
};

export const SEVERITY_WORD: Record<Severity, string> = {
  error: "Error",
  warning: "Warning",
  info: "Info",
};

/** "1 error", "2 errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export const TEMPLATE_KINDS = ["recovery-action", "recovery-register", "directions"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_LABEL: Record<TemplateKind, string> = {
  "recovery-action": "Recovery action form",
  "recovery-register": "Savings register",
  directions: "Directions report",
};

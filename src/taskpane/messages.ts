/**
 * Words the pane shows: user-facing error text and template names. RAG and severity words
 * and counts are the engine's own (core/words.ts), so every surface says the same things.
 */
import { FAULT_OF_OURS, isFaultOfOurs } from "../core/fault";
import type { TemplateKind } from "../core/templates/template-model";

/**
 * Turns anything thrown into text fit to show. A HostError (or the engine's SettingsError)
 * already says what is wrong and where; Excel's own errors and other messages get a plain
 * lead-in; a fault of ours gets plain words, its details going to the console for whoever
 * is asked to look. Never a stack, never JavaScript's error text.
 */
export function errorText(err: unknown, doing: string): string {
  if (err instanceof Error) {
    if (err.name === "HostError" || err.name === "SettingsError") return err.message;
    if (isFaultOfOurs(err)) {
      console.error(`Board Summary could not ${doing}:`, err);
      return `Could not ${doing}: ${FAULT_OF_OURS}.`;
    }
    const msg = err.message.trim();
    return msg ? `Could not ${doing}: ${msg}` : `Could not ${doing}.`;
  }
  if (typeof err === "string" && err.trim()) return `Could not ${doing}: ${err.trim()}`;
  return `Could not ${doing}.`;
}


export const TEMPLATE_LABEL: Record<TemplateKind, string> = {
  "recovery-action": "Recovery action form",
  "recovery-register": "Savings register",
  directions: "Directions report",
  "action-plan": "Action plan",
  "risk-register": "Risk register",
};

/**
 * The standard templates a blank can be asked for by name (the command line's KIND, the
 * pane's and the page's buttons). Apart from the template models (template-model.ts) so
 * that naming them, as the command line's arguments do on every run, builds none of the
 * models' schemas.
 */
import { z } from "zod";
import { madeOnce } from "../remembered";

export const TEMPLATE_KINDS = ["recovery-action", "recovery-register", "directions", "action-plan", "risk-register"] as const;
export const templateKindSchema = madeOnce(() => z.enum(TEMPLATE_KINDS));
export type TemplateKind = z.infer<ReturnType<typeof templateKindSchema>>;

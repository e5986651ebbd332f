/**
 * The standard templates a blank can be asked for by name (the command line's KIND, the
 * pane's and the page's buttons). Apart from the template models (template-model.ts) so
 * that naming them, as the command line's arguments do on every run, builds none of the
 * models' schemas.
 */
import { z } from "zod";

export const templateKindSchema = z.enum(["recovery-action", "recovery-register", "directions", "action-plan", "risk-register"]);
export type TemplateKind = z.infer<typeof templateKindSchema>;
export const TEMPLATE_KINDS = templateKindSchema.options;

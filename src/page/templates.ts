/**
 * Blank templates from the page: made in a worker by the command line's own template
 * writer (`board-summary template`), then saved as a download named `<kind>.xlsx`.
 */
import type { TemplateKind } from "../core/templates/template-model";
import { downloadBytes } from "./download";
import type { MakeTemplate } from "./protocol";

/** The file name a template downloads as, as the README's `board-summary template` examples write it. */
export function templateFileName(kind: TemplateKind): string {
  return `${kind}.xlsx`;
}

export async function downloadTemplate(makeTemplate: MakeTemplate, kind: TemplateKind): Promise<void> {
  downloadBytes(await makeTemplate(kind), templateFileName(kind));
}

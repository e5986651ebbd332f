/**
 * A finding's severity as a word with its colour (the word is what counts: colour alone
 * fails colour-blind readers), the same in the findings list and the overview.
 */
import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { Severity } from "../../core/findings";
import { SEVERITY_WORDS } from "../../core/words";

const COLOUR: Record<Severity, BadgeProps["color"]> = { error: "danger", warning: "warning", info: "informative" };
/** Beside a count: "Errors 0", "Warnings 7", "Info 1" (the findings filter's words too). */
export const COUNTED: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

export function SeverityBadge({ severity, count, id }: { severity: Severity; count?: number; id?: string }) {
  return (
    <Badge appearance="tint" color={COLOUR[severity]} shape="rounded" id={id}>
      {count === undefined ? SEVERITY_WORDS[severity] : `${COUNTED[severity]} ${count.toLocaleString("en-GB")}`}
    </Badge>
  );
}

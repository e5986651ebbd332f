/**
 * A RAG rating as a word with its colour: colour alone fails colour-blind readers.
 */
import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { Rag } from "../../core/records";
import { RAG_WORDS } from "../../core/words";

const COLOUR: Record<Rag, BadgeProps["color"]> = {
  red: "danger",
  amber: "warning",
  green: "success",
  blue: "brand",
  grey: "informative",
};

export function RagBadge({ rag, count }: { rag: Rag; count?: number }) {
  return (
    <Badge appearance="filled" color={COLOUR[rag]} shape="rounded" data-rag={rag}>
      {count === undefined ? RAG_WORDS[rag] : `${RAG_WORDS[rag]} ${count.toLocaleString("en-GB")}`}
    </Badge>
  );
}

/**
 * The stated RAG (action-plans-and-risks.md §10): the stated-RAG cell read as a word (`Red`,
 * `Amber`, `Green`, `Blue`, `Grey`/`Gray`, `R`, `A`, `G`, `B`, `Complete` = blue), or, where
 * it holds no text, as its fill colour (fill-colour.ts), with `rag-colour-only`. Text that is
 * not a RAG word: `invalid-rag`, and no stated RAG.
 */
import type { RaiseFinding } from "../../findings";
import type { Rag } from "../../records";
import type { Cell } from "../../snapshot";
import { cellError, displayText } from "../../values";
import { ragOfFill } from "./fill-colour";

const WORDS: Readonly<Record<string, Rag>> = {
  red: "red",
  r: "red",
  amber: "amber",
  a: "amber",
  green: "green",
  g: "green",
  blue: "blue",
  b: "blue",
  grey: "grey",
  gray: "grey",
  complete: "blue",
  completed: "blue",
};

export interface StatedRag {
  rag: Rag;
  by: "word" | "fill";
}

/** The RAG a word states; null where the text is not a RAG word. */
export function ragOfWord(text: string): Rag | null {
  return WORDS[text.trim().toLowerCase().replace(/\.$/, "")] ?? null;
}

/** Reads a stated-RAG cell; findings where it cannot be read or shows colour alone. */
export function readStatedRag(cell: Cell | undefined, address: string, raise: RaiseFinding): StatedRag | null {
  const error = cellError(cell);
  if (error !== null) {
    raise("formula-error", address, { field: "The RAG cell", error, expected: "Red, Amber, Green, Blue or Grey" });
    return null;
  }
  const text = displayText(cell).trim();
  if (text !== "") {
    const rag = ragOfWord(text);
    if (rag === null) raise("invalid-rag", address, { text });
    return rag === null ? null : { rag, by: "word" };
  }
  const rag = ragOfFill(cell?.fill);
  if (rag === null) return null;
  raise("rag-colour-only", address, { colour: rag });
  return { rag, by: "fill" };
}

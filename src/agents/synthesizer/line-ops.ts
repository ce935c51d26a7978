/**
 * A text handled line by line (round 24): "every line gets '> ' in front of it", "the number of the
 * longest line", "drop blank lines". The search had no notion of lines: a lambda over the elements
 * of an array never reaches the lines of a text. `lines` splits a text at "\n" and drops a "\r"
 * right before it (the usual "Lines are separated by \n (a \r before it is dropped)"), and the lines
 * of each text field are a source the search's lambdas range over, as windows are (window-ops.ts):
 * map, filter, count, find, argmax over lines. Offered where some example's text holds a line break
 * or the description speaks of lines: for every text of every spec, lambdas over one-line texts
 * would fit a yes/no question by accident more often than they are meant.
 */
import { code, method } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef } from "./ops.ts";

/** Descriptions that speak of a text's lines (not of an invoice's "line items"). */
export const LINE_WORDS = /\b(lines? (are |is )?(separated|split|broken|joined)|(each|every|per|the first|the last|blank|empty|non-empty|non-blank) lines?|lines? of (a|the|its|each|every) (text|message|poem|file|code|input|string)|line by line)\b/i;

/** The lines of a text: split at "\n", a "\r" right before it dropped (what `split(/\r?\n/)` does). */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

export const LINES: OpDef = {
  name: "lines",
  arity: 1,
  // Never built by the bank's enumeration: the lines of a text are a source's terminal.
  accepts: () => false,
  apply: (a) => (typeof a === "string" ? linesOf(a) : FAIL),
  emit: ([a]) => method(a as Code, "split", code("/\\r?\\n/")),
};

export const LINE_OPS: readonly OpDef[] = [LINES];

/** Whether the description speaks of the lines of a text. */
export function speaksOfLines(description: string): boolean {
  return LINE_WORDS.test(description);
}

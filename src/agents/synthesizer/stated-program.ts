/**
 * A program the description states number by number (round 22). "331.3 m/s at 0 °C, plus 0.606
 * m/s for every degree", "width times height divided by one million": every constant the
 * description writes is in the program, no constant in it was fitted to the examples or comes from
 * nowhere, and every example fits. Then the examples did not have to teach the constants, only to
 * check how they are arranged, and the leave-one-out test (leave-one-out.ts), which asks whether
 * one example could be foreseen from the others alone, asks the wrong question: one example of
 * two can never foresee a constant the description gives and it does not show. Such a program is
 * not held back as "unstable"; every other check (rival readings that disagree, a field it does
 * not read, a stated edge) still runs before it.
 */
import { walk } from "./rank.ts";
import { numberWords } from "./number-words.ts";
import type { Expr } from "./types.ts";

/** Numbers that state no constant: a count of decimals ("to 2 decimals"), halves. */
const NOT_CONSTANTS = /\b\d+\s*(decimals?|decimal places?|places?|significant (digits|figures))\b/gi;
const PLAIN = new Set([0, 1, -1]);

/** The constants the description writes (digits and number words), but 0, ±1 and counts of decimals. */
export function writtenConstants(description: string): number[] {
  const text = description.replace(NOT_CONSTANTS, " ");
  // Digits standing alone: not the 2 of "H2O" or "e4", nor a version's "1.2.3".
  const digits = (text.match(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g) ?? []).map(Number);
  return [...new Set([...digits, ...numberWords(text)])].filter((n) => Number.isFinite(n) && !PLAIN.has(n));
}

/**
 * Whether `expr` writes every constant the description writes, and no number that is neither
 * written there nor one of `known` (0, 1, the factors between the units it names), nor fitted.
 */
export function statesEveryConstant(expr: Expr, description: string, known: readonly number[]): boolean {
  const written = writtenConstants(description);
  if (written.length === 0) return false;
  const used = new Set<number>();
  let foreign = false;
  let reads = false;
  walk(expr, (n) => {
    if (n.k === "in" || n.k === "x") reads = true;
    if (n.k !== "const" || typeof n.value !== "number") return;
    if (n.solved) foreign = true;
    else if (written.includes(n.value)) used.add(n.value);
    else if (!PLAIN.has(n.value) && !known.includes(n.value)) foreign = true;
  });
  return reads && !foreign && written.every((w) => used.has(w));
}

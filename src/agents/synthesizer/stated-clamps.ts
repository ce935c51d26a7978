/**
 * Fields the description holds between two numbers (round 26): "the percentages are first held
 * between 0 and 100" is read through `Math.min(Math.max(field, 0), 100)`, where every example's
 * value lies there. A bound written in a doubtful format ("1.000", round 29a) holds nothing.
 * And numbers it counts as nothing when negative (stop 51): "a negative stock figure counts as
 * nothing" is read through `Math.max(stock, 0)`, of the input or of each entry of its lists, where no
 * example's value is negative (the examples cannot show the rule; where one is, the search has
 * fitted it already).
 */
import { fieldsNamed } from "./described-formula/bind.ts";
import { konst, op } from "./expr.ts";
import { numericFields } from "./described-formula/index.ts";
import { isObj } from "./probes.ts";
import { subjectWords } from "./range-subjects.ts";
import { mapChildren } from "./rank.ts";
import { plainTexts, wordsOf } from "./stated-range.ts";
import type { Expr, Json } from "./types.ts";

/** A field the description holds between two numbers ("the percentages are first held between 0 and 100"). */
export interface StatedClamp {
  readonly field: string;
  readonly low: number;
  /** None where only a floor is stated ("a negative stock counts as nothing"). */
  readonly high?: number;
  /** A field of each entry of the input's lists (`x.stock` in a map over them), not of the input. */
  readonly element?: true;
}

const NUMBER = "(-?\\d+(?:\\.\\d+)?)";
/** "A negative stock figure means units on back-order and counts as nothing", "negative hours are treated as 0". */
const NEGATIVE_AS_ZERO = /\bnegative ((?:(?!(?:means?|counts?|is|are|and|that|which)\b)[a-z]+ ){1,3})(?:[^.;|()]*?\band\s+)?(?:counts?|is counted|are counted|is treated|are treated|is taken|are taken|is read|are read)\s+as\s+(?:nothing|zero|0|none)\b/g;
const HELD = new RegExp(`\\b((?:[a-z]+ ){1,5}?)(are |is )?(?:first |always )?(?:held|kept|clamped|limited|capped) (?:between|to|within) ${NUMBER} (?:and|to) ${NUMBER}\\b`, "g");

/**
 * The fields the description holds between two numbers, where every example's value lies there
 * (round 26): the program reads each through `Math.min(Math.max(field, low), high)`.
 */
export function statedClamps(description: string, inputs: readonly Json[]): StatedClamp[] {
  const fields = numericFields(inputs);
  const out: StatedClamp[] = [];
  // A doubtful number is no bound of a clamp: only what both readings hold.
  const { first, second } = plainTexts(description);
  const both = (m: RegExpMatchArray): boolean => second === undefined || second.includes(m[0]);
  for (const m of [...first.matchAll(HELD)].filter(both)) {
    const [low, high] = [Number(m[3]), Number(m[4])];
    if (!(low < high)) continue;
    for (const field of fieldsNamed(subjectWords(wordsOf(m[1] as string), m[2] === "are "), fields)) {
      const inside = inputs.every((i) => isObj(i) && typeof i[field] === "number" && (i[field] as number) >= low && (i[field] as number) <= high);
      if (inside && !out.some((c) => c.field === field)) out.push({ field, low, high });
    }
  }
  return [...out, ...negativeAsZero(first, inputs)];
}

/**
 * The numeric fields of the entries of the input's lists, with their values in every example; a
 * field the entries of two lists both have is left out (which list's "stock" the words mean is not
 * known: stop 51b's attacker floored goods sent out with the stock on hand).
 */
function entryNumbers(inputs: readonly Json[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  const listsOf = new Map<string, Set<string>>();
  for (const input of inputs) {
    if (!isObj(input)) continue;
    for (const [name, list] of Object.entries(input)) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        if (!isObj(entry)) continue;
        for (const [k, v] of Object.entries(entry)) {
          if (typeof v !== "number") continue;
          seen.set(k, [...(seen.get(k) ?? []), v]);
          listsOf.set(k, (listsOf.get(k) ?? new Set()).add(name));
        }
      }
    }
  }
  for (const [k, lists] of listsOf) if (lists.size > 1) seen.delete(k);
  return seen;
}

/** The fields the description counts as nothing when negative, where no example's value is negative. */
function negativeAsZero(text: string, inputs: readonly Json[]): StatedClamp[] {
  const out: StatedClamp[] = [];
  const top = numericFields(inputs);
  const entries = entryNumbers(inputs);
  for (const m of text.matchAll(NEGATIVE_AS_ZERO)) {
    const words = wordsOf(m[1] as string);
    for (const field of fieldsNamed(words, top)) {
      if (inputs.every((i) => isObj(i) && (i[field] as number) >= 0) && !out.some((c) => c.field === field && !c.element)) out.push({ field, low: 0 });
    }
    for (const field of fieldsNamed(words, [...entries.keys()])) {
      if ((entries.get(field) ?? []).every((v) => v >= 0) && !out.some((c) => c.field === field && c.element)) out.push({ field, low: 0, element: true });
    }
  }
  return out;
}

/** `e` reading each clamped field through its clamp. */
export function clampedAsStated(e: Expr, clamps: readonly StatedClamp[]): Expr {
  if (clamps.length === 0) return e;
  const clamp = (c: StatedClamp, x: Expr): Expr => {
    const floor = op("max2", x, konst(c.low));
    return c.high === undefined ? floor : op("min2", floor, konst(c.high));
  };
  const at = (x: Expr): Expr => {
    const c = (x.k === "in" || x.k === "x") && x.path.length === 1 ? clamps.find((k) => k.field === x.path[0] && Boolean(k.element) === (x.k === "x")) : undefined;
    return c ? clamp(c, x) : mapChildren(x, at);
  };
  return at(e);
}

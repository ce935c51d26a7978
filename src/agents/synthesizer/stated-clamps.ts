/**
 * Fields the description holds between two numbers (round 26): "the percentages are first held
 * between 0 and 100" is read through `Math.min(Math.max(field, 0), 100)`, where every example's
 * value lies there. A bound written in a doubtful format ("1.000", round 29a) holds nothing.
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
  readonly high: number;
}

const NUMBER = "(-?\\d+(?:\\.\\d+)?)";
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
  return out;
}

/** `e` reading each clamped field through its clamp. */
export function clampedAsStated(e: Expr, clamps: readonly StatedClamp[]): Expr {
  if (clamps.length === 0) return e;
  const clamp = (c: StatedClamp): Expr => op("min2", op("max2", { k: "in", path: [c.field] }, konst(c.low)), konst(c.high));
  const at = (x: Expr): Expr => {
    const c = x.k === "in" && x.path.length === 1 ? clamps.find((k) => k.field === x.path[0]) : undefined;
    return c ? clamp(c) : mapChildren(x, at);
  };
  return at(e);
}

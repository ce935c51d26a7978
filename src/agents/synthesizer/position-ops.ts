/**
 * Positions in a list of numbers (round 21): "the position (counting from 0) of the largest", "the
 * last day the lowest temperature was measured". `values.indexOf(Math.max(...values))` gives the
 * first position of the largest, -1 for an empty list; `lastIndexOf` the last. Built only where the
 * description's words speak of a position (as formula-ops.ts builds roots and powers): built for
 * every spec, a position compared with 0 fits a yes/no question's examples by accident ("some id
 * occurs more than once" as "the last smallest id is not the first").
 */
import { code, method } from "./code.ts";
import type { Code, Scope } from "./code.ts";
import type { OpDef } from "./ops.ts";
import type { Entry, Json } from "./types.ts";

const POSITION_WORDS = /\b(position|positions|index|indices|counting from|numbered from)\b/i;

const numArr = (e: Entry): boolean => e.kind === "arr" && (e.elem === "num" || e.elem === "null");

/** The first (or last) position of the largest (or smallest) number: `values.indexOf(Math.max(...values))`. */
function position(name: string, find: "indexOf" | "lastIndexOf", pick: "max" | "min"): OpDef {
  const at = (a: Json): number => {
    const values = a as number[];
    return values[find](pick === "max" ? Math.max(...values) : Math.min(...values));
  };
  return {
    name,
    arity: 1,
    accepts: (a) => numArr(a),
    apply: (a) => at(a),
    emit: ([a], s: Scope) => {
      const v = s.bind("values", a as Code);
      return method(v, find, code(`Math.${pick}(...${v.text})`));
    },
  };
}

export const POSITION_OPS: readonly OpDef[] = [
  position("indexOfMax", "indexOf", "max"),
  position("indexOfMin", "indexOf", "min"),
  // Their last position on ties: the twins the examples cannot tell apart when no value repeats.
  position("lastIndexOfMax", "lastIndexOf", "max"),
  position("lastIndexOfMin", "lastIndexOf", "min"),
];

/** The position operations, where the description speaks of a position. */
export function positionOps(description: string): OpDef[] {
  return POSITION_WORDS.test(description) ? [...POSITION_OPS] : [];
}

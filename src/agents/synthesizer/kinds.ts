import type { Json, Kind } from "./types.ts";

export function kindOfValue(v: Json): Kind {
  if (v === null) return "null";
  if (typeof v === "number") return "num";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "arr";
  return "obj";
}

/** Joins two kinds: equal kinds stay, "null" (no evidence) yields to the other, else "mixed". */
export function joinKind(a: Kind, b: Kind): Kind {
  if (a === b) return a;
  if (a === "null") return b;
  if (b === "null") return a;
  return "mixed";
}

/** The kind of a value vector and, for arrays, of all their elements. */
export function kindOf(vals: readonly Json[]): { kind: Kind; elem?: Kind } {
  let kind: Kind | undefined;
  for (const v of vals) {
    const k = kindOfValue(v);
    kind = kind === undefined ? k : kind === k ? kind : "mixed";
  }
  if (kind !== "arr") return { kind: kind ?? "null" };
  let elem: Kind = "null";
  for (const v of vals) for (const e of v as Json[]) elem = joinKind(elem, kindOfValue(e));
  return { kind, elem };
}

export function isPrimitiveKind(k: Kind | undefined): boolean {
  return k === "num" || k === "str" || k === "bool" || k === "null";
}

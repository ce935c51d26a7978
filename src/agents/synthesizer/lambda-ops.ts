/**
 * Array operations that take a lambda over the elements: what each computes on one row, and the
 * JavaScript it is written as. Semantics match the emitted code exactly (stable sorts, first wins).
 */
import { PREC, code, method, w } from "./code.ts";
import type { Code, LambdaCode, Scope } from "./code.ts";
import { emitGroupList, groupListOf } from "./group-ops.ts";
import { FAIL } from "./ops.ts";
import type { Out } from "./ops.ts";
import type { Aggregate, Json, LambdaOp } from "./types.ts";

export type Fn = (x: Json) => Out;

function keyCompare(p: Json, q: Json): number {
  return (p as number) < (q as number) ? -1 : (p as number) > (q as number) ? 1 : 0;
}

function mapAll(arr: readonly Json[], f: Fn): Json[] | typeof FAIL {
  const out: Json[] = [];
  for (const x of arr) {
    const v = f(x);
    if (v === FAIL) return FAIL;
    out.push(v);
  }
  return out;
}

function bools(arr: readonly Json[], f: Fn): boolean[] | typeof FAIL {
  const out = mapAll(arr, f);
  if (out === FAIL || out.some((v) => typeof v !== "boolean")) return FAIL;
  return out as boolean[];
}

function sortKeys(arr: readonly Json[], f: Fn): (number | string)[] | typeof FAIL {
  const keys = mapAll(arr, f);
  if (keys === FAIL || keys.length === 0) return keys === FAIL ? FAIL : [];
  const t = typeof keys[0];
  if ((t !== "number" && t !== "string") || keys.some((k) => typeof k !== t)) return FAIL;
  return keys as (number | string)[];
}

function aggregate(agg: Aggregate, values: number[]): number {
  switch (agg) {
    case "sum":
      return values.reduce((s, v) => s + v, 0);
    case "count":
      return values.length;
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "mean":
      return values.reduce((s, v) => s + v, 0) / values.length;
  }
}

/** An object with the same keys, each value through `f` (`mapValues`). */
export function mapValuesOf(obj: Json, f: Fn): Out {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return FAIL;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj)) {
    const got = f(v);
    if (got === FAIL) return FAIL;
    out[k] = got;
  }
  return out;
}

/** Applies a lambda op to one array (an object for `mapValues`); `f2` is the value lambda of group-by and from-pairs. */
export function applyLambdaOp(op: LambdaOp, arr: Json, f: Fn, f2?: Fn, agg?: Aggregate): Out {
  if (op === "mapValues") return mapValuesOf(arr, f);
  if (!Array.isArray(arr)) return FAIL;
  switch (op) {
    case "map":
      return mapAll(arr, f);
    case "flatMap": {
      const parts = mapAll(arr, f);
      if (parts === FAIL || !parts.every((p) => Array.isArray(p))) return FAIL;
      return (parts as Json[][]).flat();
    }
    case "filter": {
      const keep = bools(arr, f);
      return keep === FAIL ? FAIL : arr.filter((_, i) => keep[i]);
    }
    case "find": {
      const keep = bools(arr, f);
      return keep === FAIL ? FAIL : (arr.find((_, i) => keep[i]) ?? null);
    }
    case "some":
    case "every":
    case "count": {
      const keep = bools(arr, f);
      if (keep === FAIL) return FAIL;
      return op === "some" ? keep.some(Boolean) : op === "every" ? keep.every(Boolean) : keep.filter(Boolean).length;
    }
    case "sortAsc":
    case "sortDesc": {
      const keys = sortKeys(arr, f);
      if (keys === FAIL) return FAIL;
      const idx = arr.map((_, i) => i);
      idx.sort((i, j) => (op === "sortAsc" ? keyCompare(keys[i] as Json, keys[j] as Json) : keyCompare(keys[j] as Json, keys[i] as Json)));
      return idx.map((i) => arr[i] as Json);
    }
    case "argmax":
    case "argmin": {
      const keys = mapAll(arr, f);
      if (keys === FAIL || keys.length === 0 || keys.some((k) => typeof k !== "number")) return FAIL;
      let best = 0;
      for (let i = 1; i < keys.length; i++) {
        const better = op === "argmax" ? (keys[i] as number) > (keys[best] as number) : (keys[i] as number) < (keys[best] as number);
        if (better) best = i;
      }
      return arr[best] as Json;
    }
    case "groupBy": {
      const keys = mapAll(arr, f);
      const vals = agg === "count" ? arr.map(() => 1) : f2 ? mapAll(arr, f2) : FAIL;
      if (keys === FAIL || vals === FAIL || !agg) return FAIL;
      const groups = new Map<string, number[]>();
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const v = vals[i];
        if ((typeof k !== "string" && typeof k !== "number") || typeof v !== "number") return FAIL;
        const list = groups.get(String(k)) ?? [];
        list.push(v);
        groups.set(String(k), list);
      }
      const out: Record<string, Json> = {};
      for (const [k, list] of groups) out[k] = aggregate(agg, list);
      return out;
    }
    case "groupList":
      return f2 ? groupListOf(arr, f, f2) : FAIL;
    case "fromPairs": {
      const keys = mapAll(arr, f);
      const vals = f2 ? mapAll(arr, f2) : FAIL;
      if (keys === FAIL || vals === FAIL) return FAIL;
      const out: Record<string, Json> = {};
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (typeof k !== "string" && typeof k !== "number") return FAIL;
        out[String(k)] = vals[i] as Json;
      }
      return out;
    }
  }
}

/** Applies a key lambda to a parameter: inline when simple, else through a hoisted `key` function. */
function keyOf(l: LambdaCode, scope: Scope): (param: string) => Code {
  const probe = l.inline("x");
  if (probe && probe.text.length <= 40) return (p) => l.inline(p) as Code;
  const key = scope.bind("key", code(l.arrow("x"), PREC.cond));
  return (p) => code(`${key.text}(${p})`);
}

const GROUP_UPDATE: Record<Aggregate, (cur: string, v: string) => string> = {
  sum: (cur, v) => `(${cur} ?? 0) + ${v}`,
  count: (cur) => `(${cur} ?? 0) + 1`,
  min: (cur, v) => `${cur} === undefined ? ${v} : Math.min(${cur}, ${v})`,
  max: (cur, v) => `${cur} === undefined ? ${v} : Math.max(${cur}, ${v})`,
  mean: (cur, v) => `[(${cur}?.[0] ?? 0) + ${v}, (${cur}?.[1] ?? 0) + 1]`,
};

export function emitLambdaOp(op: LambdaOp, arr: Code, l: LambdaCode, l2: LambdaCode | undefined, agg: Aggregate | undefined, scope: Scope): Code {
  switch (op) {
    case "map":
    case "flatMap":
    case "filter":
    case "some":
    case "every":
      return method(arr, op, code(l.arrow("x")));
    case "find":
      return code(`${method(arr, "find", code(l.arrow("x"))).text} ?? null`, PREC.cond);
    case "count":
      return code(`${method(arr, "filter", code(l.arrow("x"))).text}.length`);
    case "sortAsc":
    case "sortDesc": {
      const key = keyOf(l, scope);
      const [p, q] = op === "sortAsc" ? ["a", "b"] : ["b", "a"];
      const kp = key(p);
      const kq = key(q);
      return method(code(`[...${arr.text}]`), "sort", code(`(a, b) => (${kp.text} < ${kq.text} ? -1 : ${kp.text} > ${kq.text} ? 1 : 0)`));
    }
    case "argmax":
    case "argmin": {
      const key = keyOf(l, scope);
      const rel = op === "argmax" ? ">" : "<";
      return method(arr, "reduce", code(`(best, x) => (${key("x").text} ${rel} ${key("best").text} ? x : best)`));
    }
    case "groupBy": {
      const groups = scope.fresh("groups");
      const k = l.inline("x");
      const v = agg === "count" ? "1" : (l2?.inline("x")?.text ?? `(${l2?.arrow("x")})(x)`);
      const kText = k ? k.text : `(${l.arrow("x")})(x)`;
      scope.stmt(`const ${groups} = {};`);
      scope.stmt(`for (const x of ${arr.text}) {\n  const k = ${kText};\n  ${groups}[k] = ${GROUP_UPDATE[agg ?? "sum"](`${groups}[k]`, v)};\n}`);
      if (agg !== "mean") return code(groups);
      return code(`Object.fromEntries(Object.entries(${groups}).map(([k, [sum, n]]) => [k, sum / n]))`);
    }
    case "groupList":
      return emitGroupList(arr, l, l2, scope);
    case "fromPairs": {
      const k = l.inline("x")?.text ?? `(${l.arrow("x")})(x)`;
      const v = l2?.inline("x")?.text ?? `(${l2?.arrow("x")})(x)`;
      return code(`Object.fromEntries(${w(arr, PREC.member)}.map((x) => [${k}, ${v}]))`);
    }
    case "mapValues":
      return code(`Object.fromEntries(Object.entries(${arr.text}).map(([k, x]) => [k, ${l.inline("x")?.text ?? `(${l.arrow("x")})(x)`}]))`);
  }
}

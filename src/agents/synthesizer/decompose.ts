/**
 * Decompositions of a problem into smaller ones, tried by the search driver (search.ts): an object
 * target by key, an array target element-wise over an array of the input (`map`), an object target
 * over the values of an object the search built (`mapValues`). Each takes the driver's `solve` for its
 * sub-problems, so the recursion shows in the signature instead of an import cycle.
 */
import type { Bank } from "./bank.ts";
import { within } from "./budget.ts";
import { groupsFirst } from "./group-ops.ts";
import { isObj } from "./probes.ts";
import { MAX_ALTS, readsElement } from "./rank.ts";
import type { Found, SearchContext, SearchOptions } from "./search.ts";
import type { Expr, Json } from "./types.ts";

export type Schema = Record<string, unknown> | undefined;
export type Solve = (ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number) => Found | undefined;

/** Decompositions nest at most this deep. */
const MAX_DEPTH = 3;

/**
 * Object targets with the same keys on every row (or the keys the schema fixes): one sub-problem per
 * key, each on its share of the budget; none when a key's sub-problem has none. The alternatives are
 * each field's, the other fields as chosen.
 */
export function solveByKeys(ctx: SearchContext, keys: readonly string[], targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number, solve: Solve): Found | undefined {
  const fields: [string, Expr][] = [];
  const subs: Found[] = [];
  let size = 1;
  for (const [i, key] of keys.entries()) {
    const budget = opts.budget.slice(1 / (keys.length - i));
    const sub = within(() => solve(ctx, targets.map((t) => (t as Record<string, Json>)[key] as Json), subSchema(schema, key), { ...opts, budget }, depth + 1));
    if (!sub) return undefined;
    fields.push([key, sub.expr]);
    subs.push(sub);
    size += sub.size;
  }
  // Each field's alternatives, the other fields as chosen.
  const alts: Found[] = [];
  subs.forEach((sub, i) => {
    for (const alt of sub.alts ?? []) {
      const altFields = fields.map(([k, v], j) => [k, j === i ? alt.expr : v] as [string, Expr]);
      alts.push({ expr: { k: "obj", fields: altFields }, size: size - sub.size + alt.size });
    }
  });
  return { expr: { k: "obj", fields }, size, alts: alts.slice(0, MAX_ALTS) };
}

/** The keys to decompose object targets by, if they are objects keyed alike (and not nested too deep). */
export function objectKeys(targets: readonly Json[], schema: Schema, depth: number): string[] | undefined {
  if (depth >= MAX_DEPTH || targets.length === 0 || !targets.every(isObj)) return undefined;
  const props = schema?.["properties"];
  if (props && typeof props === "object" && !schema?.["additionalProperties"]) {
    const keys = Object.keys(props);
    return targets.every((t) => Object.keys(t).every((k) => keys.includes(k)) && keys.every((k) => Object.hasOwn(t, k))) ? keys : undefined;
  }
  if (schema?.["additionalProperties"] !== undefined || targets.length < 2) return undefined;
  const keys = Object.keys(targets[0] as object);
  const same = targets.every((t) => Object.keys(t).length === keys.length && keys.every((k) => Object.hasOwn(t, k)));
  return same && keys.length > 0 ? keys : undefined;
}

function subSchema(schema: Schema, key: "items" | string, isItems = false): Schema {
  const s = isItems ? schema?.["items"] : (schema?.["properties"] as Record<string, unknown> | undefined)?.[key];
  return s && typeof s === "object" ? (s as Record<string, unknown>) : undefined;
}

export function tryMap(ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number, solve: Solve): Found | undefined {
  if (depth >= MAX_DEPTH || !ctx.mappable || !targets.every((t) => Array.isArray(t))) return undefined;
  const total = targets.reduce((n, t) => n + (t as Json[]).length, 0);
  if (total < 2) return undefined;
  for (const { array, element } of ctx.mappable()) {
    if (!array.vals.every((a, r) => Array.isArray(a) && a.length === (targets[r] as Json[]).length)) continue;
    const elementCtx = element();
    const flat = (targets as Json[][]).flat();
    if (elementCtx.plausible && !elementCtx.plausible(flat)) continue;
    const budget = opts.budget.slice(0.5);
    const sub = within(() => solve(elementCtx, flat, subSchema(schema, "items", true), { ...withoutClosest(opts), budget }, depth + 1));
    const mapOf = (body: Found): Found => ({ expr: { k: "lam", op: "map", arr: array.expr, body: body.expr }, size: 1 + array.size + body.size });
    if (sub) return { ...mapOf(sub), alts: (sub.alts ?? []).map(mapOf) };
    if (opts.budget.expired()) return undefined;
  }
  return undefined;
}

/** Objects (a group-by's, an input's dictionary) whose values a lambda is tried over, smallest first. */
const MAX_VALUE_OBJECTS = 4;
const MAP_VALUES_SHARE = 0.3;

function sameKeys(a: Json, b: Json): boolean {
  if (!isObj(a) || !isObj(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k));
}

/**
 * Targets that are objects keyed like an object the search built (a group-by's totals per diner, an
 * input's stock per SKU), with other values: the values as a sub-problem, one row per key, `x` the
 * built object's value there (round 15). The driver tries it only after small plain programs failed.
 */
export function tryMapValues(ctx: SearchContext, bank: Bank, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number, solve: Solve): Found | undefined {
  if (depth >= MAX_DEPTH || !ctx.valuesContext || !targets.every(isObj)) return undefined;
  const total = targets.reduce((n, t) => n + Object.keys(t as object).length, 0);
  if (total < 2) return undefined;
  const built = bank.levels.flat().filter((e) => e.kind === "obj" && !e.isConst && e.vals.every((v, r) => sameKeys(v, targets[r] as Json)));
  const objects = groupsFirst(built, targets).slice(0, MAX_VALUE_OBJECTS);
  const valueSchema = schema?.["additionalProperties"];
  for (const o of objects) {
    const flat = o.vals.flatMap((v, r) => Object.keys(v as object).map((k) => (targets[r] as Record<string, Json>)[k] as Json));
    const valuesCtx = ctx.valuesContext(o.vals);
    if (valuesCtx.plausible && !valuesCtx.plausible(flat)) continue;
    const budget = opts.budget.slice(MAP_VALUES_SHARE);
    const sub = within(() => solve(valuesCtx, flat, valueSchema && typeof valueSchema === "object" ? (valueSchema as Record<string, unknown>) : undefined, { ...withoutClosest(opts), budget }, depth + 1));
    const of = (body: Found): Found => ({ expr: { k: "lam", op: "mapValues", arr: o.expr, body: body.expr }, size: 1 + o.size + body.size });
    if (sub && readsElement(sub.expr)) return { ...of(sub), alts: (sub.alts ?? []).filter((a) => readsElement(a.expr)).map(of) };
    if (opts.budget.expired()) return undefined;
  }
  return undefined;
}

export function withoutClosest(opts: SearchOptions): SearchOptions {
  const { onClosest: _, ...rest } = opts;
  return rest;
}

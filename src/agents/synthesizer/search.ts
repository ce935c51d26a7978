/**
 * The search driver for one problem (a context and the target value on each of its rows):
 * decompose objects by key and arrays element-wise when the shapes allow, else enumerate bottom-up
 * by size, checking every new expression and, after each level, if/else chains.
 */
import { jsonEqual } from "../../spec/index.ts";
import { createBank } from "./bank.ts";
import type { Bank } from "./bank.ts";
import type { LambdaSource } from "./bank.ts";
import { OutOfBudget } from "./budget.ts";
import type { Budget } from "./budget.ts";
import { createCoverTracker } from "./conditionals.ts";
import { kindOf, valueKey } from "./kinds.ts";
import { programScore } from "./rank.ts";
import type { OpDef } from "./ops.ts";
import type { Entry, Expr, Json } from "./types.ts";

export interface Found {
  readonly expr: Expr;
  readonly size: number;
}

/** A context to search in, able to derive element-wise sub-contexts for map decomposition. */
export interface SearchContext {
  readonly inputs: readonly Json[];
  /** Terminals for these targets (inputs, fields, constants). */
  terminals(targets: readonly Json[]): Entry[];
  readonly sources?: ReadonlyMap<string, LambdaSource>;
  readonly binaryOps: readonly OpDef[];
  /** Arrays this context could map over element-wise: the array entry and the element context. */
  mappable?(): readonly { array: Entry; element: () => SearchContext }[];
  /** A quick necessary condition: could these targets be computed from these rows at all? */
  plausible?(targets: readonly Json[]): boolean;
}

export interface SearchOptions {
  /** Numbers the spec mentions (not "magic" when a program uses them). */
  readonly mentioned: readonly number[];
  readonly budget: Budget;
  readonly maxSize: number;
  readonly maxEntries: number;
  /** Called with the largest size fully explored, for the give-up report. */
  readonly onLevel?: (size: number) => void;
}

type Schema = Record<string, unknown> | undefined;

const MAX_DEPTH = 3;
/** The level after which element-wise map decomposition is tried (small programs first). */
const DECOMPOSE_AFTER = 3;

function objectKeys(targets: readonly Json[], schema: Schema): string[] | undefined {
  const isObj = (v: Json): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);
  if (targets.length === 0 || !targets.every(isObj)) return undefined;
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

/** Runs a sub-search on a slice of the budget: running out of the slice is a miss, not the end. */
function within<T>(run: () => T | undefined): T | undefined {
  try {
    return run();
  } catch (err) {
    if (err instanceof OutOfBudget) return undefined;
    throw err;
  }
}

function subSchema(schema: Schema, key: "items" | string, isItems = false): Schema {
  const s = isItems ? schema?.["items"] : (schema?.["properties"] as Record<string, unknown> | undefined)?.[key];
  return s && typeof s === "object" ? (s as Record<string, unknown>) : undefined;
}

/** Is this a constant that merely copies the example outputs? */
function copiesOutput(e: Entry, targets: readonly Json[]): boolean {
  return e.expr.k === "const" && !(targets.length >= 2 && targets.every((t) => jsonEqual(t, targets[0])));
}

export function solve(ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth = 0): Found | undefined {
  const keys = depth < MAX_DEPTH ? objectKeys(targets, schema) : undefined;
  if (keys) {
    const fields: [string, Expr][] = [];
    let size = 1;
    for (const [i, key] of keys.entries()) {
      const budget = opts.budget.slice(1 / (keys.length - i));
      const sub = within(() => solve(ctx, targets.map((t) => (t as Record<string, Json>)[key] as Json), subSchema(schema, key), { ...opts, budget }, depth + 1));
      if (!sub) return undefined;
      fields.push([key, sub.expr]);
      size += sub.size;
    }
    return { expr: { k: "obj", fields }, size };
  }
  return enumerate(ctx, targets, schema, opts, depth);
}

function tryMap(ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number): Found | undefined {
  if (depth >= MAX_DEPTH || !ctx.mappable || !targets.every((t) => Array.isArray(t))) return undefined;
  const total = targets.reduce((n, t) => n + (t as Json[]).length, 0);
  if (total < 2) return undefined;
  for (const { array, element } of ctx.mappable()) {
    if (!array.vals.every((a, r) => Array.isArray(a) && a.length === (targets[r] as Json[]).length)) continue;
    const elementCtx = element();
    const flat = (targets as Json[][]).flat();
    if (elementCtx.plausible && !elementCtx.plausible(flat)) continue;
    const budget = opts.budget.slice(0.5);
    const sub = within(() => solve(elementCtx, flat, subSchema(schema, "items", true), { ...opts, budget }, depth + 1));
    if (sub) return { expr: { k: "lam", op: "map", arr: array.expr, body: sub.expr }, size: 1 + array.size + sub.size };
    if (opts.budget.expired()) return undefined;
  }
  return undefined;
}

/** Levels searched past the first fit when a chance fit is likely, and the budget share for it. */
const RANK_LEVELS = 2;
const RANK_SHARE = 0.3;
/** An if/else chain is taken once plain programs up to its size minus this are ruled out. */
const COND_SLACK = 4;
const COND_SHARE = 0.5;

function enumerate(ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number): Found | undefined {
  const want = kindOf(targets).kind;
  const cover = createCoverTracker(targets);
  let found: Entry | undefined;
  // A yes/no answer on a few rows is easy to fit by accident: rank all fits over a few more levels.
  // So is a small count: rank those too.
  const smallCounts = want === "num" && targets.every((t) => Number.isInteger(t) && (t as number) >= 0 && (t as number) <= 10);
  const rank = (want === "bool" || smallCounts) && targets.length <= 12;
  const targetKey = valueKey(targets);
  const fits: Found[] = [];
  const bank = createBank({
    inputs: ctx.inputs,
    terminals: ctx.terminals(targets),
    binaryOps: ctx.binaryOps,
    ...(ctx.sources ? { sources: ctx.sources } : {}),
    budget: opts.budget,
    maxEntries: opts.maxEntries,
    buildObjects: want === "obj" || want === "mixed",
    onEntry: (e) => {
      cover.observe(e);
      if ((e.kind !== want && want !== "mixed" && want !== "null") || copiesOutput(e, targets)) return false;
      for (let r = 0; r < targets.length; r++) if (!jsonEqual(e.vals[r], targets[r])) return false;
      found = e;
      fits.push({ expr: e.expr, size: e.size });
      return !rank;
    },
    onDuplicate: (expr, size, key) => {
      if (rank && found && key === targetKey) fits.push({ expr, size });
    },
  });
  let mapTried = false;
  let cond: Found | undefined;
  const run = (): Found | undefined => {
    for (let s = bank.level + 1; s <= opts.maxSize && !bank.full; s++) {
      bank.grow();
      if (found && rank) return bestFit(bank, s, fits, opts);
      if (found) return { expr: found.expr, size: found.size };
      opts.onLevel?.(s);
      // If/else chains compete with plain programs: one is taken once plain programs up to
      // nearly its size have been ruled out (or the budget slice for that runs out).
      if (s >= 3 && want !== "bool" && !cond) {
        cond = cover.solve();
        if (cond) bank.setBudget(opts.budget.slice(COND_SHARE));
      }
      if (cond && s >= cond.size - COND_SLACK) return cond;
      if (s >= DECOMPOSE_AFTER && !mapTried) {
        mapTried = true;
        const mapped = tryMap(ctx, targets, schema, opts, depth);
        if (mapped) return mapped;
      }
    }
    return cond;
  };
  try {
    return run();
  } catch (err) {
    if (err instanceof OutOfBudget && cond && !opts.budget.expired()) return cond;
    throw err;
  }
}

/** Searches a few more levels on a slice of the budget, then keeps the best-ranked fit. */
function bestFit(bank: Bank, level: number, fits: Found[], opts: SearchOptions): Found {
  const more = opts.budget.slice(RANK_SHARE);
  bank.setBudget(more);
  within(() => {
    for (let s = level + 1; s <= Math.min(opts.maxSize, level + RANK_LEVELS) && !bank.full && !more.expired(); s++) bank.grow();
    return undefined;
  });
  let best = fits[0] as Found;
  let bestScore = programScore(best.expr, best.size, opts.mentioned);
  for (const f of fits.slice(1)) {
    const score = programScore(f.expr, f.size, opts.mentioned);
    if (score < bestScore) [best, bestScore] = [f, score];
  }
  return best;
}

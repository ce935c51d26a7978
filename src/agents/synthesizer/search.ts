/**
 * The search driver for one problem (a context and the target value on each of its rows):
 * decompose objects by key and arrays element-wise when the shapes allow, else enumerate bottom-up
 * by size, checking every new expression and, after each level, if/else chains.
 */
import { jsonEqual } from "../../spec/index.ts";
import { createBank, reorders } from "./bank.ts";
import type { Bank } from "./bank.ts";
import type { LambdaSource } from "./bank.ts";
import { OutOfBudget, within } from "./budget.ts";
import type { Budget } from "./budget.ts";
import { createCoverTracker } from "./conditionals.ts";
import { kindOf } from "./kinds.ts";
import { sameValues } from "./value-index.ts";
import { objectKeys, solveByKeys, tryMap, tryMapValues } from "./decompose.ts";
import type { Schema } from "./decompose.ts";
import { tryLines } from "./line-decompose.ts";
import type { LineSplit } from "./line-decompose.ts";
import { MAX_ALTS, exprSize, foundScore, leavesWordsUnused, programScore, rankFits, walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import { linearFit, linearFit2, numericTargets, residualCandidates } from "./relations.ts";
import { statedScaleFits } from "./stated-scale.ts";
import type { StatedScales } from "./stated-scale.ts";
import { MAX_SORTED_ARRAY, sortFits } from "./sorting.ts";
import type { OpDef } from "./ops.ts";
import type { Entry, Expr, Json } from "./types.ts";
import { sameExpr } from "./expr.ts";

export interface Found {
  readonly expr: Expr;
  readonly size: number;
  /** Other programs that fit the same rows (for the ambiguity check), best first. */
  readonly alts?: readonly Found[];
  /** Found by another part of the search (the string sub-language vs plain programs): a rival reading whatever its rank. */
  readonly otherFamily?: true;
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
  /** The lines of the input's texts, for a text answer written line by line (line-decompose.ts). */
  lineSplits?(): readonly LineSplit[];
  /** The values of one object per row as elements, for a lambda over them (`mapValues`). */
  valuesContext?(objs: readonly Json[]): SearchContext;
  /** A quick necessary condition: could these targets be computed from these rows at all? */
  plausible?(targets: readonly Json[]): boolean;
  /** The factors the description's numbers make and its rounding (stated-scale.ts), at the top level. */
  readonly statedScales?: StatedScales;
}

export interface SearchOptions {
  /** The ranking prior: numbers the spec mentions, operations its words speak for. */
  readonly prior: Prior;
  readonly budget: Budget;
  readonly maxSize: number;
  readonly maxEntries: number;
  /** Called with the largest size fully explored, for the give-up report. */
  readonly onLevel?: (size: number) => void;
  /** Called at the top level with the expression right on the most examples, for the give-up report. */
  readonly onClosest?: (closest: { expr: Expr; size: number; right: number[] }) => void;
  /** Called when a bank reached its cap on kept expressions (so "not found" is not "exhausted"). */
  readonly onFull?: () => void;
  /** Tried before plain enumeration when every target is a string (the FlashFill-style sub-language). */
  readonly strings?: (ctx: SearchContext, targets: readonly string[], budget: Budget) => Found | undefined;
}

/** The level after which element-wise map decomposition is tried (small programs first). */
const DECOMPOSE_AFTER = 3;
/** The level after which a lambda over an object's values is tried (after element-wise decomposition). */
const MAP_VALUES_AFTER = 5;

export function solve(ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth = 0): Found | undefined {
  const keys = objectKeys(targets, schema, depth);
  if (keys) return solveByKeys(ctx, keys, targets, schema, opts, depth, solve);
  if (targets.length > 0 && targets.every((t) => typeof t === "string")) {
    // A text answer written line by line (one row per line) before the whole text is cut up.
    const byLines = within(() => tryLines(ctx, targets, schema, opts, depth, solve));
    if (byLines) return withPlainRival(ctx, targets, schema, opts, depth, byLines);
    const str = opts.strings ? within(() => opts.strings?.(ctx, targets as string[], opts.budget.slice(STRING_SHARE))) : undefined;
    if (str) return withPlainRival(ctx, targets, schema, opts, depth, str);
  }
  return enumerate(ctx, targets, schema, opts, depth);
}

/**
 * A program found by another part of the search (the string sub-language, lines) competes with
 * plain programs of about its size (a split or a case change is often simpler); the loser is a
 * rival reading whatever its rank.
 */
function withPlainRival(ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number, found: Found): Found {
  const plain = within(() => enumerate(ctx, targets, schema, { ...opts, maxSize: Math.min(opts.maxSize, PLAIN_WITH_STRINGS), budget: opts.budget.slice(0.3) }, depth));
  const other = (f: Found): Found => ({ expr: f.expr, size: f.size, otherFamily: true });
  if (plain && programScore(plain.expr, plain.size, opts.prior) <= programScore(found.expr, found.size, opts.prior)) return { ...plain, alts: [other(found), ...(plain.alts ?? [])] };
  return { ...found, alts: [...(plain ? [other(plain)] : []), ...(found.alts ?? [])] };
}

/** Rounds of re-ranking the chosen program against itself with one part swapped. */
const SUBSTITUTION_ROUNDS = 2;
const STRING_SHARE = 0.4;
/** Plain programs up to this size are compared with a string program. */
const PLAIN_WITH_STRINGS = 6;

/**
 * Levels searched past the first fit (to rank the fits and find competing ones), counted from its
 * score where that is above its size (round 27): `values[2]` fits "the value closest to the
 * target" at size 3 but scores 5 (a constant no one stated), and the likelier argmin by distance
 * is of size 6. A fit that scores well by accident can still end it early: see UNUSED_WORDS_LEVELS.
 */
const RANK_LEVELS = 2;
/**
 * One level more where the best fit leaves some of the description's words for operations unused
 * (round 28b): "the value with the smallest distance to `target`" is fitted at size 5 by
 * `Math.min(middle, last)` (its "smallest" only), and the argmin by distance, which uses "distance"
 * too, is of size 6.
 */
const UNUSED_WORDS_LEVELS = 1;

/** The last level grown to rank the fits found so far. */
function rankDepth(firstFit: number, bestScore: number, best: Found | undefined, prior: Prior): number {
  const extra = best && leavesWordsUnused(best.expr, prior) ? UNUSED_WORDS_LEVELS : 0;
  return Math.max(firstFit, Math.ceil(bestScore)) + RANK_LEVELS + extra;
}

/** Candidates for that, relative to those tried so far (with a floor; and a share of the time as a cap). */
const RANK_FACTOR = 1.5;
const RANK_MIN_CANDIDATES = 20_000;
const RANK_MAX_CANDIDATES = 200_000;
const RANK_SHARE = 0.25;
/** An if/else chain is taken once plain programs up to its size minus this are ruled out. */
const COND_SLACK = 4;
const COND_SHARE = 0.5;
/** A solved relation (residual, linear fit) is taken once plain programs up to its size minus this are ruled out. */
const DERIVED_SLACK = 0;
/** ...and at least plain programs of its size, up to this size (past it, levels get expensive). */
const DERIVED_WAIT = 5;
const DERIVED_SHARE = 0.15;
/** Plain levels searched before an order solved top-down is taken. */
const SORT_WAIT = 4;
/** Largest entry a relation is solved for (bigger ones are reached by the plain search, or not at all). */
const MAX_DERIVED_PART = 7;

/** A program that reads nothing of its input. */
function isConstant(e: Expr): boolean {
  let reads = false;
  walk(e, (n) => (reads ||= n.k === "in" || n.k === "x"));
  return !reads;
}

function enumerate(ctx: SearchContext, targets: readonly Json[], schema: Schema, opts: SearchOptions, depth: number): Found | undefined {
  const want = kindOf(targets).kind;
  const cover = createCoverTracker(targets);
  const nums = numericTargets(targets);
  /** The kept entry whose key is the targets' own: a duplicate of it fits too. */
  let targetsKept: Entry | undefined;
  const fits: Found[] = [];
  const derived: Found[] = [];
  const sorted: Found[] = [];
  let firstFit = 0;
  let bestFitScore = Number.POSITIVE_INFINITY;
  let bestFit: Found | undefined;
  let level = 0;
  // A program that ignores its input fits only when every target is the same (and stays suspect).
  const accepts = (expr: Expr): boolean => allSame(targets) || !isConstant(expr);
  const onFit = (f: Found): void => {
    if (!accepts(f.expr)) return;
    fits.push(f);
    const score = foundScore(f, opts.prior);
    if (score < bestFitScore) {
      bestFitScore = score;
      bestFit = f;
    }
    if (!firstFit) {
      firstFit = level;
      // Rank the fits over a few more levels, on a slice of time in proportion to what was spent.
      bank.setBudget(opts.budget.slice(RANK_SHARE).sliceCandidates(Math.max(RANK_MIN_CANDIDATES, Math.min(RANK_MAX_CANDIDATES, RANK_FACTOR * opts.budget.candidates))));
    }
  };
  const bank: Bank = createBank({
    inputs: ctx.inputs,
    terminals: ctx.terminals(targets),
    binaryOps: ctx.binaryOps,
    ...(ctx.sources ? { sources: ctx.sources } : {}),
    budget: opts.budget,
    maxEntries: opts.maxEntries,
    buildObjects: want === "obj" || want === "mixed",
    onEntry: (e) => {
      if (!targetsKept && !e.src && sameValues(e.vals, targets)) targetsKept = e;
      cover.observe(e);
      if (nums && e.size <= MAX_DERIVED_PART && e.kind === "num") {
        // Each number's residuals and fits: keys of its rows looked up, work no candidate's tick counts.
        opts.budget.charge(targets.length, "numberFit");
        for (const c of residualCandidates(e, nums, (vals) => bank.byValues(vals))) derived.push(c);
        const lin = linearFit(e, nums);
        if (lin) derived.push(lin);
        if (ctx.statedScales) for (const c of statedScaleFits(e, nums, ctx.statedScales)) derived.push(c);
      }
      if (e.kind !== want && want !== "mixed" && want !== "null") return false;
      for (let r = 0; r < targets.length; r++) if (!jsonEqual(e.vals[r], targets[r])) return false;
      onFit({ expr: e.expr, size: e.size });
      return false;
    },
    onDuplicate: (expr, size, kept) => {
      if (kept === targetsKept) onFit({ expr, size });
    },
  });
  let mapTried = false;
  let valuesTried = false;
  let derivedSliced = false;
  let sortWait = Number.POSITIVE_INFINITY;
  let cond: Found | undefined;
  let valued: Found | undefined;
  const bestDerived = (): Found | undefined => derived.reduce<Found | undefined>((b, d) => (!b || d.size < b.size ? d : b), undefined);
  const run = (): void => {
    for (let s = bank.level + 1; s <= opts.maxSize && !bank.full; s++) {
      level = s;
      bank.grow();
      if (firstFit) {
        if (s >= rankDepth(firstFit, bestFitScore, bestFit, opts.prior)) return;
        continue;
      }
      opts.onLevel?.(s);
      if (s === 1 && nums) for (const c of pairFits(bank, nums, opts.budget)) derived.push(c);
      // An input's array, or one filtered from it, put in order top-down (not one already reordered).
      if (s <= MAX_SORTED_ARRAY && want === "arr" && ctx.sources) {
        const found = sortFits((bank.levels[s] ?? []).filter((e) => e.src && !reorders(e.expr)), ctx.sources, targets, opts.budget);
        sorted.push(...found);
        // An order of a filtered array waits for every smaller plain program (the filter alone may
        // fit: the examples' lists were already in that order); an input's own, as before.
        for (const f of found) sortWait = Math.min(sortWait, s === 1 ? Math.min(f.size - 1, SORT_WAIT) : f.size - 1);
      }
      // Orders solved top-down are taken once smaller plain programs have had their chance.
      if (sorted.length > 0 && s >= sortWait) return;
      // A solved relation waits until plain programs ranked as likely have been tried.
      const d = bestDerived();
      if (d) {
        if (s >= Math.max(d.size, Math.ceil(programScore(d.expr, d.size, opts.prior)) - DERIVED_SLACK)) return;
        // Past the cheap levels, look for a likelier plain program on a small slice only.
        if (s >= DERIVED_WAIT && !derivedSliced) {
          derivedSliced = true;
          bank.setBudget(opts.budget.slice(DERIVED_SHARE));
        }
      }
      // If/else chains compete with plain programs: one is taken once plain programs up to
      // nearly its size have been ruled out (or the budget slice for that runs out).
      if (s >= 3 && want !== "bool" && !cond) {
        cond = cover.solve();
        if (cond) bank.setBudget(opts.budget.slice(COND_SHARE));
      }
      if (cond && s >= cond.size - COND_SLACK) return;
      if (s >= DECOMPOSE_AFTER && !mapTried) {
        mapTried = true;
        const mapped = tryMap(ctx, targets, schema, opts, depth, solve);
        if (mapped) {
          fits.push(mapped);
          for (const a of mapped.alts ?? []) fits.push(a);
          return;
        }
      }
      if (s >= MAP_VALUES_AFTER && !valuesTried && want === "obj") {
        valuesTried = true;
        valued = tryMapValues(ctx, bank, targets, schema, opts, depth, solve);
        // A lambda over a built object's values can be large (a body found by accident on a
        // fromPairs' texts): like an if/else chain, it waits for the plain programs up to nearly
        // its size (round 19b: a group-by of a computed value is one of them).
        if (valued && valued.size - COND_SLACK > s) bank.setBudget(opts.budget.slice(COND_SHARE));
      }
      if (valued && s >= valued.size - COND_SLACK) return;
    }
  };
  try {
    run();
    if (bank.full) opts.onFull?.();
  } catch (err) {
    if (!(err instanceof OutOfBudget)) throw err;
    if (fits.length === 0 && derived.length === 0 && sorted.length === 0 && !valued && !(cond && !opts.budget.expired())) {
      if (depth === 0) reportClosest(cover, opts);
      throw err;
    }
  }
  if (valued) fits.push(valued, ...(valued.alts ?? []));
  const all = [...fits, ...sorted, ...derived.filter((d) => accepts(d.expr)), ...(cond ? [cond] : [])];
  if (all.length === 0) {
    if (depth === 0) reportClosest(cover, opts);
    return undefined;
  }
  // The chosen program with one part swapped for an equivalent on the examples is ranked with it:
  // observational equivalence kept whichever part came first (`max` for `last` when every example
  // rises), not the one the prior prefers. Twice, so two parts can be swapped (`last - first`).
  let best = rankFits(all, opts.prior);
  for (let round = 0; round < SUBSTITUTION_ROUNDS; round++) {
    const subs = substitutions(best, bank);
    const next = rankFits([best, ...subs, ...(best.alts ?? [])], opts.prior);
    if (sameExpr(next.expr, best.expr)) break;
    best = next;
  }
  // The substitutions first: they are the likeliest rivals (the same program with one part read
  // another way), and a long list of other fits must not crowd them out.
  // Room for both: the other fits are rivals too.
  return { ...best, alts: [...substitutions(best, bank), ...(best.alts ?? [])].slice(0, 2 * MAX_ALTS) };
}

/**
 * The chosen program with one part swapped for an equivalent on the examples (`sort by qty` for
 * `sort by price` when both order the examples alike): observational equivalence keeps one of them,
 * but they are different readings of the examples.
 */
function substitutions(found: Found, bank: Bank): Found[] {
  const out: Found[] = [];
  const visit = (e: Expr, rebuild: (sub: Expr, subSize: number, oldSize: number) => void, size: number): void => {
    // A constant's "equivalents" are constants in disguise (`Math.ceil(rate)` for 1 when every rate is below 1).
    // An input field's "equivalents" are coincidences of the examples (they happen to be sorted by city).
    if (e.k !== "const" && e.k !== "in" && e.k !== "x") for (const eq of bank.equivalents(e)) rebuild(eq.expr, eq.size, size);
    switch (e.k) {
      case "op":
        // A formula the description writes is one term: its parts are the description's, not the examples'.
        if (e.stated) return;
        e.args.forEach((a, i) => visit(a, (sub, ss, os) => rebuild({ ...e, args: e.args.map((x, j) => (j === i ? sub : x)) }, size - os + ss, size), exprSize(a)));
        return;
      case "lam":
        visit(e.arr, (sub, ss, os) => rebuild({ ...e, arr: sub }, size - os + ss, size), exprSize(e.arr));
        return;
      case "get":
        visit(e.obj, (sub, ss, os) => rebuild({ ...e, obj: sub }, size - os + ss, size), exprSize(e.obj));
        return;
      default:
        return;
    }
  };
  visit(found.expr, (expr, size) => {
    if (out.length < MAX_ALTS) out.push({ expr, size });
  }, found.size);
  return out;
}

function allSame(targets: readonly Json[]): boolean {
  return targets.length >= 2 && targets.every((t) => jsonEqual(t, targets[0]));
}

function reportClosest(cover: ReturnType<typeof createCoverTracker>, opts: SearchOptions): void {
  const closest = cover.closest();
  if (closest) opts.onClosest?.(closest);
}

/** `a * e1 + b * e2` over the numeric terminals: every pair counted, one row each (most pairs end at the first two examples; a record of 1,000 numbers is 500,000 pairs). */
function pairFits(bank: Bank, nums: readonly number[], budget: Budget): Found[] {
  const terms = (bank.levels[1] ?? []).filter((e) => e.kind === "num" && !e.isConst && !e.threshold);
  const out: Found[] = [];
  for (let i = 0; i < terms.length; i++) {
    budget.charge(terms.length - i - 1, "opRow");
    for (let j = i + 1; j < terms.length; j++) {
      const fit = linearFit2(terms[i] as Entry, terms[j] as Entry, nums);
      if (fit) out.push(fit);
    }
  }
  return out;
}

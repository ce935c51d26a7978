/**
 * A second, small search for the readings the examples leave open. The first search keeps one
 * expression per distinct value vector on the examples (observational equivalence), so every part
 * that agrees with another on the examples is dropped before it can be built into a different
 * program: the version space the ambiguity check sees is the chosen program and a few hand-made
 * neighbours. Here the same enumeration runs again on the examples AND on plausible inputs the
 * examples did not show (probes.ts), so parts that agree on the examples but not elsewhere stay
 * apart; every program that reproduces the examples but answers a probe differently from the
 * chosen one is a rival reading. The work is bounded by counts (candidates, sizes, probes), so the
 * same examples give the same rivals on any machine; a time guard (`RivalSearch.time`) ends it only
 * where each candidate costs much (inputs of thousands of items), which the counts alone let run
 * many times past the search's budget.
 */
import { jsonEqual } from "../../spec/index.ts";
import { createBank } from "./bank.ts";
import { OutOfBudget, createBudget } from "./budget.ts";
import { runOn } from "./evaluate.ts";
import { kindOf } from "./kinds.ts";
import { topContext } from "./problem.ts";
import type { ProblemLimits, SpecText } from "./problem.ts";
import { boundaryProbes, probeInputs, spread } from "./probes.ts";
import { edgeInputs, edgesApply } from "./edge-probes.ts";
import { exprSize, programScore, walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import { numbersIn } from "./rival-readings.ts";
import type { Found } from "./search.ts";
import type { Expr, Json } from "./types.ts";

/** Probe inputs the rivals are told apart on: changed examples, and values at the chosen program's constants. */
const CHANGED_PROBES = 6;
const BOUNDARY_PROBES = 3;
/** And at edge values of their types (edge-probes.ts): an empty text, one of punctuation only… */
const EDGE_PROBES = 4;
/** Programs up to the chosen one's size plus this are enumerated (a rival may be a little bigger). */
const SIZE_SLACK = 1;
/** Largest program size enumerated at all: past it, levels cost more than the check is worth. */
const MAX_SIZE = 8;
/** Candidates tried in all (the bound on the check's cost), and expressions kept. */
const MAX_CANDIDATES = 30_000;
const MAX_ENTRIES = 20_000;
/** Most rivals handed on, likeliest first. */
const MAX_RIVALS = 20;

export interface RivalSearch {
  readonly spec: SpecText;
  readonly limits: ProblemLimits;
  readonly prior: Prior;
  /** The chosen program's key probes, when the caller has them already (`keyProbes(chosen, inputs)`). */
  readonly probes?: readonly Json[];
  /**
   * A guard on the search's time: past `end` on the `now` clock (the budget's) it stops and hands on the rivals
   * found so far. On inputs of ordinary size the counts end it long before.
   */
  readonly time?: { readonly now: () => number; readonly end: number };
}

/** The probes the search keys on: ones the chosen program answers (a failing row would rule out every candidate). */
export function keyProbes(chosen: Expr, inputs: readonly Json[]): Json[] {
  const answered = (p: Json): boolean => runOn(chosen, p) !== undefined;
  const seen = new Set(inputs.map((i) => JSON.stringify(i)));
  const fresh = (p: Json): boolean => !seen.has(JSON.stringify(p)) && answered(p);
  const changed = spread(probeInputs(inputs).filter(fresh), CHANGED_PROBES);
  const boundary = spread(boundaryProbes(inputs, [...new Set(numbersIn(chosen))]).filter(fresh), BOUNDARY_PROBES);
  // Parts alike on every clean text may part on "" or "@#!": kept apart there, they are built.
  const edges = edgesApply(inputs.map((i) => runOn(chosen, i))) ? edgeInputs(inputs).filter(fresh).slice(0, EDGE_PROBES) : [];
  const out: Json[] = [];
  for (const p of [...changed, ...boundary, ...edges]) {
    const k = JSON.stringify(p);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

const ROUNDERS = new Set(["round", "roundTo", "floor", "ceil", "toFixed", "grouped"]);

/** Roundings in `e` that no word of the description asks for. */
function unaskedRoundings(e: Expr, prior: Prior): number {
  let n = 0;
  walk(e, (x) => (n += x.k === "op" && ROUNDERS.has(x.op) && !prior.evidence.has(x.op) ? 1 : 0));
  return n;
}

function readsInput(e: Expr): boolean {
  let reads = false;
  walk(e, (n) => (reads ||= n.k === "in" || n.k === "x"));
  return reads;
}

/**
 * Programs that reproduce `outputs` on `inputs` and answer some probe unlike `chosen`, likeliest
 * first. An object answer is searched field by field (the other fields as chosen).
 */
export function searchRivals(chosen: Found, inputs: readonly Json[], outputs: readonly Json[], opts: RivalSearch): Found[] {
  const e = chosen.expr;
  if (e.k === "obj") {
    const out: Found[] = [];
    for (const [i, [key, field]] of e.fields.entries()) {
      const targets = outputs.map((o) => (o !== null && typeof o === "object" && !Array.isArray(o) ? (o[key] ?? null) : null));
      const size = exprSize(field);
      for (const r of searchRivals({ expr: field, size }, inputs, targets, { ...opts, probes: undefined })) {
        out.push({ expr: { k: "obj", fields: e.fields.map((f, j) => (j === i ? ([key, r.expr] as const) : f)) }, size: chosen.size - size + r.size });
      }
    }
    return out.slice(0, MAX_RIVALS);
  }
  // A rounding nobody asked for is no rival reading (a mean of whole examples is not asked about).
  const rounds = unaskedRoundings(e, opts.prior);
  const probes = opts.probes ?? keyProbes(e, inputs);
  if (probes.length === 0) return [];
  const mine = probes.map((p) => runOn(e, p) as Json);
  const rows = [...inputs, ...probes];
  const n = inputs.length;
  const budget = (opts.time ? createBudget(opts.time.now, opts.time.end) : createBudget(() => 0, Number.POSITIVE_INFINITY)).sliceCandidates(MAX_CANDIDATES);
  const want = kindOf(outputs).kind;
  const found: Found[] = [];
  const top = Math.min(MAX_SIZE, chosen.size + SIZE_SLACK);
  try {
    // Inside the guard: on inputs of thousands of items building the contexts is most of the work.
    const ctx = topContext(opts.spec, rows, outputs, budget, opts.limits, n);
    const bank = createBank({
      inputs: rows,
      terminals: ctx.terminals(outputs),
      binaryOps: ctx.binaryOps,
      ...(ctx.sources ? { sources: ctx.sources } : {}),
      budget,
      maxEntries: MAX_ENTRIES,
      buildObjects: want === "obj" || want === "mixed",
      onEntry: (entry) => {
        for (let r = 0; r < n; r++) if (!jsonEqual(entry.vals[r] as Json, outputs[r] as Json)) return false;
        // Alike on every probe: the same reading as far as these inputs can tell.
        if (probes.every((_, i) => jsonEqual(entry.vals[n + i] as Json, mine[i] as Json))) return false;
        if (readsInput(entry.expr) && unaskedRoundings(entry.expr, opts.prior) <= rounds) found.push({ expr: entry.expr, size: entry.size });
        return false;
      },
    });
    while (bank.level < top && !bank.full) bank.grow();
  } catch (err) {
    if (!(err instanceof OutOfBudget)) throw err;
  }
  return found
    .map((f) => ({ f, score: programScore(f.expr, f.size, opts.prior) }))
    .sort((a, b) => a.score - b.score || a.f.size - b.f.size)
    .slice(0, MAX_RIVALS)
    .map(({ f }) => f);
}

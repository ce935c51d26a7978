/**
 * The FlashFill-style string sub-language: an output is a concatenation of pieces, each literal
 * text or a slice of a source string (a field, a number as text, a rewrite) between two positions
 * described by token classes or offsets, possibly re-cased. All examples are solved at once: a
 * search over tuples of positions (one per example's output) whose edges are the pieces that are
 * right on every example at once (the product of FlashFill's per-example graphs), cheapest path
 * first. When no single program fits, the examples are split by what a source contains.
 */
import type { Budget } from "../budget.ts";
import { fillExpr, padExpr, runOf } from "../fill-ops.ts";
import { exprSize } from "../rank.ts";
import type { Found, SearchContext } from "../search.ts";
import type { Expr, Json } from "../types.ts";
import { cheapest, descriptorCost, descriptors, resolve, tokenOf } from "./positions.ts";
import type { Descriptor } from "./positions.ts";
import { stringSources } from "./sources.ts";
import type { Source } from "./sources.ts";
import { konst, op } from "../expr.ts";

type Case = "id" | "upper" | "lower" | "proper";
const CASES: readonly Case[] = ["id", "upper", "lower", "proper"];

type Piece =
  | { readonly kind: "const"; readonly text: string }
  | { readonly kind: "sub"; readonly src: number; readonly tf: Case; readonly d1: readonly Descriptor[]; readonly d2: readonly Descriptor[] }
  /** One character repeated as many times as a source is long, less `less` (fill-ops.ts). */
  | { readonly kind: "fill"; readonly src: number; readonly ch: string; readonly less: number }
  /** A source padded to a width with one character, on one side (fill-ops.ts, round 18d). */
  | { readonly kind: "pad"; readonly src: number; readonly ch: string; readonly width: number; readonly side: "end" | "start" };

interface Edge {
  readonly to: readonly number[];
  readonly piece: Piece;
  readonly cost: number;
}

const MAX_PIECES = 8;
const MAX_STATES = 20_000;

function recase(s: string, tf: Case): string {
  switch (tf) {
    case "id":
      return s;
    case "upper":
      return s.toUpperCase();
    case "lower":
      return s.toLowerCase();
    case "proper":
      return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  }
}

function constCost(text: string): number {
  return /^[^A-Za-z0-9]+$/.test(text) ? 1 + 0.05 * text.length : 2.5 + 0.3 * text.length;
}

function subCost(src: Source, tf: Case, d1: readonly Descriptor[], d2: readonly Descriptor[]): number {
  return 1 + src.cost + (tf === "id" ? 0 : 0.3) + 0.2 * (descriptorCost(cheapest(d1)) + descriptorCost(cheapest(d2)));
}

/** Start offsets where `piece` occurs in `text` as recased by `tf`. */
function occurrences(text: string, piece: string, tf: Case): number[] {
  const out: number[] = [];
  const hay = tf === "proper" ? text.toLowerCase() : recase(text, tf);
  const needle = tf === "proper" ? piece.toLowerCase() : piece;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (tf !== "proper" || recase(text.slice(i, i + piece.length), "proper") === piece) out.push(i);
  }
  return out;
}

/** The pieces leaving `state`, right on every example at once. */
function edges(state: readonly number[], outs: readonly string[], sources: readonly Source[], budget: Budget): Edge[] {
  const out: Edge[] = [];
  const o0 = outs[0] as string;
  const i0 = state[0] as number;
  for (let j0 = i0 + 1; j0 <= o0.length; j0++) {
    const piece = o0.slice(i0, j0);
    budget.tick(outs.length, "textPosition");
    // Literal text: the same on every example.
    const to = outs.map((o, k) => ((state[k] as number) + piece.length <= o.length && o.startsWith(piece, state[k] as number) ? (state[k] as number) + piece.length : -1));
    if (to.every((t) => t >= 0)) out.push({ to, piece: { kind: "const", text: piece }, cost: constCost(piece) });
    const fill = fillEdge(state, outs, sources, piece);
    if (fill) out.push(fill);
    out.push(...padEdges(state, outs, sources, piece));
    sources.forEach((src, si) => {
      const text0 = src.vals[0] as string;
      for (const tf of CASES) {
        if (tf !== "id" && recase(piece, tf) !== piece) continue;
        if (tf !== "id" && piece === recase(piece, "id") && /^[^A-Za-z]*$/.test(piece)) continue;
        const at = occurrences(text0, piece, tf);
        // A scan of the text, and each place the piece stands: work the candidates' ticks do not see.
        budget.charge(1, "textScan");
        budget.charge(at.length, "textPosition");
        for (const a of at) {
          const d = descriptors(text0);
          extend(1, [j0], d.get(a) ?? [], d.get(a + piece.length) ?? [], si, tf, src);
        }
      }
    });
  }
  return out;

  function extend(k: number, to: number[], d1: readonly Descriptor[], d2: readonly Descriptor[], si: number, tf: Case, src: Source): void {
    if (d1.length === 0 || d2.length === 0) return;
    if (k === outs.length) {
      out.push({ to: [...to], piece: { kind: "sub", src: si, tf, d1, d2 }, cost: subCost(src, tf, d1, d2) });
      return;
    }
    const text = src.vals[k] as string;
    const o = outs[k] as string;
    // Each position resolved on this example, and each pair of them tried.
    budget.charge(d1.length + d2.length, "textPosition");
    const starts = new Map<number, Descriptor[]>();
    for (const d of d1) {
      const p = resolve(d, text);
      if (p !== undefined) starts.set(p, [...(starts.get(p) ?? []), d]);
    }
    const ends = new Map<number, Descriptor[]>();
    for (const d of d2) {
      const p = resolve(d, text);
      if (p !== undefined) ends.set(p, [...(ends.get(p) ?? []), d]);
    }
    budget.charge(starts.size * ends.size, "textPosition");
    for (const [a, da] of starts) {
      for (const [b, db] of ends) {
        if (b <= a) continue;
        const got = recase(text.slice(a, b), tf);
        if (!o.startsWith(got, state[k] as number)) continue;
        extend(k + 1, [...to, (state[k] as number) + got.length], da, db, si, tf, src);
      }
    }
  }
}

/**
 * A run of one character (`piece`, from `state` on the first example) as long as a plain source
 * less a fixed count on every example, where every answer is as long as that source plus a fixed
 * count (the run stands for its characters one for one: a masked card, bracketed or not, round
 * 18d). It costs a little more than the same run as a constant, so it is taken only where the
 * examples' lengths differ; where they are all alike, the constant is kept and this is its rival
 * reading (fill-readings.ts).
 */
function fillEdge(state: readonly number[], outs: readonly string[], sources: readonly Source[], piece: string): Edge | undefined {
  const ch = piece.length === 1 ? piece : runOf(piece);
  if (ch === undefined) return undefined;
  for (const [si, src] of sources.entries()) {
    const extra = (outs[0] as string).length - (src.vals[0] as string).length;
    if (src.cost > 0 || src.expr.k === "op" || !src.vals.every((v, k) => (outs[k] as string).length - v.length === extra)) continue;
    const less = (src.vals[0] as string).length - piece.length;
    if (less < 0) continue;
    const to = outs.map((o, k) => {
      const n = (src.vals[k] as string).length - less;
      const at = state[k] as number;
      return n >= 1 && o.startsWith(ch.repeat(n), at) ? at + n : -1;
    });
    if (to.every((t) => t >= 0)) return { to, piece: { kind: "fill", src: si, ch, less }, cost: constCost(piece) + 0.5 };
  }
  return undefined;
}

/**
 * A plain source padded with one character to a width (`piece` on the first example: the source
 * then a run, or a run then the source), right on every example (round 18d). It costs more than
 * the source beside a constant run, so it is taken only where the examples' lengths differ.
 */
function padEdges(state: readonly number[], outs: readonly string[], sources: readonly Source[], piece: string): Edge[] {
  const out: Edge[] = [];
  for (const [si, src] of sources.entries()) {
    if (src.cost > 0 || !(src.expr.k === "in" || (src.expr.k === "op" && src.expr.op === "toString"))) continue;
    const text0 = src.vals[0] as string;
    if (piece.length <= text0.length) continue;
    for (const side of ["end", "start"] as const) {
      const run = side === "end" ? piece.slice(text0.length) : piece.slice(0, piece.length - text0.length);
      const ch = run.charAt(0);
      if (run !== ch.repeat(run.length) || (side === "end" ? !piece.startsWith(text0) : !piece.endsWith(text0))) continue;
      const to = outs.map((o, k) => {
        const v = src.vals[k] as string;
        const padded = side === "end" ? v.padEnd(piece.length, ch) : v.padStart(piece.length, ch);
        const at = state[k] as number;
        return o.startsWith(padded, at) ? at + padded.length : -1;
      });
      if (to.every((t) => t >= 0)) out.push({ to, piece: { kind: "pad", src: si, ch, width: piece.length, side }, cost: 1 + constCost(run) + 0.5 });
    }
  }
  return out;
}

/** Cheapest path from all-zero to all-ends (Dijkstra over tuples of positions). */
function cheapestPath(outs: readonly string[], sources: readonly Source[], budget: Budget): Piece[] | undefined {
  const goal = outs.map((o) => o.length).join(",");
  const start = outs.map(() => 0);
  const best = new Map<string, { cost: number; pieces: Piece[] }>([[start.join(","), { cost: 0, pieces: [] }]]);
  const queue: { state: number[]; cost: number; pieces: Piece[] }[] = [{ state: start, cost: 0, pieces: [] }];
  const done = new Set<string>();
  while (queue.length > 0) {
    let m = 0;
    for (let i = 1; i < queue.length; i++) if ((queue[i] as { cost: number }).cost < (queue[m] as { cost: number }).cost) m = i;
    const cur = queue.splice(m, 1)[0] as { state: number[]; cost: number; pieces: Piece[] };
    const key = cur.state.join(",");
    if (done.has(key)) continue;
    done.add(key);
    if (key === goal) return cur.pieces;
    if (cur.pieces.length >= MAX_PIECES || done.size > MAX_STATES) continue;
    for (const e of edges(cur.state, outs, sources, budget)) {
      const k = e.to.join(",");
      const cost = cur.cost + e.cost;
      const seen = best.get(k);
      if (seen && seen.cost <= cost) continue;
      const next = { state: [...e.to], cost, pieces: [...cur.pieces, e.piece] };
      best.set(k, next);
      queue.push(next);
    }
  }
  return undefined;
}


function position(d: Descriptor, src: Expr): Expr {
  if (d.startsWith("a:")) return konst(Number(d.slice(2)));
  if (d.startsWith("r:")) return konst(-Number(d.slice(2)));
  return op("tokPos", src, konst(tokenOf(d) as unknown as Json));
}

function pieceExpr(p: Piece, sources: readonly Source[]): Expr {
  if (p.kind === "const") return konst(p.text);
  if (p.kind === "fill") return fillExpr(p.ch, (sources[p.src] as Source).expr, p.less);
  if (p.kind === "pad") return padExpr((sources[p.src] as Source).expr, p.width, p.ch, p.side);
  const src = (sources[p.src] as Source).expr;
  const d1 = cheapest(p.d1);
  const d2 = cheapest(p.d2);
  let e: Expr;
  if (d1 === "a:0" && d2 === "r:0") e = src;
  else if (d2 === "r:0") e = op("sliceFrom", src, position(d1, src));
  else if (d1 === "a:0") e = op("sliceTo", src, position(d2, src));
  else e = op("slice2", src, position(d1, src), position(d2, src));
  return p.tf === "id" ? e : op(p.tf, e);
}

function program(pieces: readonly Piece[], sources: readonly Source[]): Found {
  let expr: Expr | undefined;
  for (const p of pieces) {
    const e = pieceExpr(p, sources);
    expr = expr ? op("concat", expr, e) : e;
  }
  const e = expr ?? konst("");
  return { expr: e, size: exprSize(e) };
}

function solveRows(outs: readonly string[], sources: readonly Source[], budget: Budget): Found | undefined {
  const pieces = cheapestPath(outs, sources, budget);
  if (!pieces) return undefined;
  // A program that is one literal ignores its input: not an answer here.
  if (pieces.every((p) => p.kind === "const") && outs.length > 0) return undefined;
  return program(pieces, sources);
}

/** Splits the examples by whether a source contains a character or word, and solves each side. */
function conditional(outs: readonly string[], sources: readonly Source[], budget: Budget): Found | undefined {
  if (outs.length < 2) return undefined;
  let best: Found | undefined;
  for (const src of sources.slice(0, 6)) {
    // Only what a text field contains: digits of a number are no condition.
    if (src.cost > 0 || src.expr.k === "op") continue;
    const probes = new Set<string>();
    for (const v of src.vals) for (const t of v.match(/[^A-Za-z0-9]|[A-Za-z]+|[0-9]+/g) ?? []) probes.add(t);
    for (const t of probes) {
      const mask = src.vals.map((v) => v.includes(t));
      if (mask.every(Boolean) || !mask.some(Boolean)) continue;
      const pick = (want: boolean): [string[], Source[]] => {
        const rows = mask.flatMap((m, r) => (m === want ? [r] : []));
        return [rows.map((r) => outs[r] as string), sources.map((s) => ({ ...s, vals: rows.map((r) => s.vals[r] as string) }))];
      };
      const [yo, ys] = pick(true);
      const [no, ns] = pick(false);
      const yes = cheapestPath(yo, ys, budget);
      const notYes = yes && cheapestPath(no, ns, budget);
      if (!yes || !notYes || (yes.every((p) => p.kind === "const") && notYes.every((p) => p.kind === "const"))) continue;
      const then = program(yes, sources);
      const other = program(notYes, sources);
      const size = 2 + then.size + other.size + exprSize(src.expr);
      if (!best || size < best.size) best = { expr: { k: "if", cond: op("includes", src.expr, konst(t)), then: then.expr, else: other.expr }, size };
    }
  }
  return best;
}

export function solveStrings(ctx: SearchContext, targets: readonly string[], budget: Budget): Found | undefined {
  const sources = stringSources(ctx.terminals(targets), targets);
  if (sources.length === 0) return undefined;
  return solveRows(targets, sources, budget) ?? conditional(targets, sources, budget);
}

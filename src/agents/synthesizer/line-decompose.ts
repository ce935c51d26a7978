/**
 * A text answer written line by line (round 24), as decompose.ts `tryMap` writes an array answer
 * element by element: where every example's answer has as many lines as an input text, one
 * sub-problem with one row per line (`x` the line) finds what each line becomes, and the program is
 * `lines(text).map((x) => …).join("\n")`. Where the answer keeps only some of the lines (blank lines
 * dropped, quoted lines removed), the lines kept are matched to the answer's lines in order, and two
 * sub-problems find which lines are kept and what each kept line becomes. Two examples of three
 * lines give six rows: enough for the string sub-language and if/else chains to see a pattern that
 * two whole texts never show.
 */
import { within } from "./budget.ts";
import { runOn } from "./evaluate.ts";
import type { Schema, Solve } from "./decompose.ts";
import { withoutClosest } from "./decompose.ts";
import { MAX_ALTS, readsElement, walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Found, SearchContext, SearchOptions } from "./search.ts";
import type { Entry, Expr, Json } from "./types.ts";

/** The lines of one text field, and a context with one row per line of the given lines. */
export interface LineSplit {
  readonly term: Entry;
  /** The texts an answer's lines may be joined with ("\n", and what the description states). */
  readonly separators: readonly string[];
  readonly context: (perExample: readonly (readonly string[])[]) => SearchContext;
}

/** Share of the budget for the sub-problems of one split. */
const LINES_SHARE = 0.5;

const isIdentity = (e: Expr): boolean => e.k === "x" && e.path.length === 0;
const tidy = (s: string): string => s.trim().toLowerCase();

/** A line and an answer's line are the same line (one holds the other, case and spaces aside). */
function related(line: string, piece: string): boolean {
  const a = tidy(line);
  const b = tidy(piece);
  if (a === "" || b === "") return a === b;
  return a.includes(b) || b.includes(a);
}

/** Which lines the answer's lines come from, matched in order (earliest first); undefined when some has none. */
function keptLines(lines: readonly string[], pieces: readonly string[]): boolean[] | undefined {
  const kept = lines.map(() => false);
  let i = 0;
  for (const piece of pieces) {
    while (i < lines.length && !related(lines[i] as string, piece)) i++;
    if (i >= lines.length) return undefined;
    kept[i++] = true;
  }
  return kept;
}

function joined(arr: Expr, body: Expr, sep: string): Expr {
  const mapped: Expr = isIdentity(body) ? arr : { k: "lam", op: "map", arr, body };
  return { k: "op", op: "join", args: [mapped, { k: "const", value: sep }] };
}

/** Every line mapped: `lines.map(body).join(sep)`. */
function mapLines(split: LineSplit, lines: readonly string[][], pieces: readonly string[][], sep: string, opts: SearchOptions, depth: number, solve: Solve): Found | undefined {
  const sub = within(() => solve(split.context(lines), pieces.flat(), undefined, { ...withoutClosest(opts), budget: opts.budget.slice(LINES_SHARE) }, depth + 1));
  if (!sub || !readsElement(sub.expr) || isIdentity(sub.expr)) return undefined;
  const of = (body: Found): Found => ({ expr: joined(split.term.expr, body.expr, sep), size: 3 + split.term.size + body.size });
  return { ...of(sub), alts: (sub.alts ?? []).filter((a) => readsElement(a.expr)).map(of) };
}

/** Some lines kept, each mapped: `lines.filter(keep).map(body).join(sep)`. */
function filterLines(split: LineSplit, lines: readonly string[][], pieces: readonly string[][], sep: string, opts: SearchOptions, depth: number, solve: Solve): Found | undefined {
  const kept = lines.map((l, r) => keptLines(l, pieces[r] as string[]));
  if (kept.some((k) => k === undefined)) return undefined;
  const keepOpts = { ...withoutClosest(opts), budget: opts.budget.slice(LINES_SHARE / 2) };
  const keep = within(() => solve(split.context(lines), (kept as boolean[][]).flat(), undefined, keepOpts, depth + 1));
  if (!keep || !readsElement(keep.expr)) return undefined;
  const keptPerExample = lines.map((l, r) => l.filter((_, i) => (kept[r] as boolean[])[i]));
  const bodyOpts = { ...withoutClosest(opts), budget: opts.budget.slice(LINES_SHARE) };
  const body = within(() => solve(split.context(keptPerExample), pieces.flat(), undefined, bodyOpts, depth + 1));
  if (!body || !readsElement(body.expr)) return undefined;
  const of = (k: Found, b: Found): Found => ({
    expr: joined({ k: "lam", op: "filter", arr: split.term.expr, body: k.expr }, b.expr, sep),
    size: 4 + split.term.size + k.size + b.size,
  });
  const alts = [
    ...(keep.alts ?? []).filter((a) => readsElement(a.expr)).map((a) => of(a, body)),
    ...(body.alts ?? []).filter((a) => readsElement(a.expr)).map((a) => of(keep, a)),
  ];
  return { ...of(keep, body), alts: alts.slice(0, 2 * MAX_ALTS) };
}

/** The first input with an empty or blank line added to the text `term` splits on which `e` fails on. */
function blankLineProbe(e: Expr, term: Expr, inputs: readonly Json[], allowed: (input: Json) => boolean): Json | undefined {
  const field = term.k === "op" ? term.args[0] : undefined;
  if (!field || field.k !== "in" || field.path.length !== 1) return undefined;
  const key = field.path[0] as string;
  for (const input of inputs) {
    const text = (input as Record<string, Json>)[key];
    if (typeof text !== "string") continue;
    for (const t of [`${text}\n`, `\n${text}`, `${text}\n  \n${text}`]) {
      const probe = { ...(input as Record<string, Json>), [key]: t };
      if (allowed(probe) && runOn(e, probe) === undefined) return probe;
    }
  }
  return undefined;
}

/**
 * A program over a text's lines that fails where a line is empty or blank (the last word of each
 * line, from examples with none empty): asked about there, never published (round 24).
 */
export function blankLineDoubt(e: Expr, inputs: readonly Json[], allowed: (input: Json) => boolean = () => true): Ambiguity | undefined {
  const terms: Expr[] = [];
  walk(e, (n) => {
    if (n.k === "op" && n.op === "lines") terms.push(n);
  });
  for (const term of terms) {
    const probe = blankLineProbe(e, term, inputs, allowed);
    if (probe !== undefined) return toldInWords(e, probe, null, "an answer for the empty line: the program has none");
  }
  return undefined;
}

/**
 * Text targets written line by line from a text of the input: each line mapped where every answer
 * has as many lines as the text, else only some lines kept. Tried only where some example's text
 * has two lines or more and some answer is joined from two pieces or more: where one example alone
 * shows lines, a search on the others never reads it line by line, and the program is asked about
 * (leave-one-out.ts) instead of published on the strength of one example (round 24: "every line
 * gets '> '" published from one text of three lines missed the exceptions the description states).
 */
export function tryLines(ctx: SearchContext, targets: readonly Json[], _schema: Schema, opts: SearchOptions, depth: number, solve: Solve): Found | undefined {
  if (depth > 0 || !ctx.lineSplits || targets.length === 0 || !targets.every((t) => typeof t === "string")) return undefined;
  for (const split of ctx.lineSplits()) {
    const lines = split.term.vals as string[][];
    if (lines.length !== targets.length || !lines.some((l) => l.length >= 2)) continue;
    for (const sep of split.separators) {
      const pieces = (targets as string[]).map((t) => t.split(sep));
      if (!pieces.some((p) => p.length >= 2)) continue;
      if (pieces.every((p, r) => p.length === (lines[r] as string[]).length)) {
        const found = mapLines(split, lines, pieces, sep, opts, depth, solve);
        if (found) return found;
      }
      // An empty answer keeps no line.
      const keptPieces = pieces.map((p) => (p.length === 1 && p[0] === "" ? [] : p));
      if (keptPieces.every((p, r) => p.length <= (lines[r] as string[]).length) && keptPieces.some((p, r) => p.length < (lines[r] as string[]).length)) {
        const found = filterLines(split, lines, keptPieces, sep, opts, depth, solve);
        if (found) return found;
      }
      if (opts.budget.expired()) return undefined;
    }
  }
  return undefined;
}

/**
 * Rival readings of a program: programs one step from it that the examples may not tell apart — a
 * constant off by one, a comparison flipped, a field read as its sibling, `some` for `every`, a
 * rounding for another, an element counted from the other end. ambiguity.ts runs them on probe
 * inputs; the example backend ranks them beside the chosen program.
 */
import { CALENDAR_TWINS } from "./calendar-ops.ts";
import { CHAR_TWINS } from "./char-ops.ts";
import { PATH_TWINS } from "./path-ops.ts";
import { CASE_STYLES } from "./case-styles.ts";
import { runOn } from "./evaluate.ts";
import { mapChildren, readsElement, walk } from "./rank.ts";
import type { Expr, Json } from "./types.ts";
import { sameExpr } from "./expr.ts";

/** The numeric constants a program holds. */
export function numbersIn(e: Expr): number[] {
  const out: number[] = [];
  walk(e, (n) => {
    if (n.k === "const" && typeof n.value === "number") out.push(n.value);
    // A number written with its minus sign (a stated formula's `-0.05`) is that number too.
    if (n.k === "op" && n.op === "neg" && n.args[0]?.k === "const" && typeof n.args[0].value === "number") out.push(-n.args[0].value);
  });
  return out;
}

const POWERS_OF_TEN = new Set([10, 100, 1000, 10_000]);
const FLIP: Readonly<Record<string, string>> = { le: "lt", lt: "le", ge: "gt", gt: "ge" };
const TOKEN_RES = ["[0-9]+", "[A-Za-z]+", "[A-Za-z0-9]+", "\\S+", "\\s+"];
/** A class of single letters ("[A-Z]"), not of runs. */
const ONE_LETTER = /^\[[A-Za-z-]+\]$/;
const tokenCost = (n: number): number => (n === 0 || n === -1 ? 1 : 2.5);

/**
 * Most sibling fields kept for a field, the first met: a record of 1,400 numbers gave each of them
 * every other (two million pairs, stop 49's attacker). The fixtures' records have 21 fields at most.
 */
const MAX_SIBLINGS = 64;

/**
 * For each field name, the other fields of the same kind of value beside it in some object of the
 * inputs (`width` → `length` in a room): a program that reads one where the examples cannot tell
 * it from the other (every room a square) has that other reading too.
 */
export function siblingFields(inputs: readonly Json[]): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, Set<string>>();
  const kind = (v: Json): string => (Array.isArray(v) ? "arr" : v === null ? "null" : typeof v);
  const visit = (v: Json): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v === null || typeof v !== "object") return;
    const entries = Object.entries(v);
    for (const [a, va] of entries) {
      const siblings = out.get(a) ?? new Set<string>();
      for (const [b, vb] of entries) {
        if (siblings.size >= MAX_SIBLINGS) break;
        if (a !== b && kind(va) === kind(vb) && kind(va) !== "obj") siblings.add(b);
      }
      if (siblings.size > 0) out.set(a, siblings);
      visit(va);
    }
  };
  inputs.forEach(visit);
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

/** Programs one step from `e`: each differs in one place (with `fields`, a field read as a sibling field too). */
export function mutants(e: Expr, fields?: ReadonlyMap<string, readonly string[]>, stated: readonly number[] = []): Expr[] {
  const out: Expr[] = [];
  const visit = (n: Expr, rebuild: (m: Expr) => void): void => {
    switch (n.k) {
      case "in":
      case "x": {
        const last = n.path.at(-1);
        for (const other of last === undefined ? [] : (fields?.get(last) ?? [])) rebuild({ ...n, path: [...n.path.slice(0, -1), other] });
        return;
      }
      case "const":
        // 0 and ±1 are where thresholds naturally sit; a constant off by one from them is no likelier reading.
        // Nor is one off a power of ten (a scale: per cent, per mille, cents), which rounding can hide.
        if (typeof n.value === "number" && Number.isInteger(n.value) && !n.solved && Math.abs(n.value) > 1 && !POWERS_OF_TEN.has(Math.abs(n.value))) for (const d of [-1, 1]) rebuild({ k: "const", value: n.value + d });
        return;
      case "op": {
        // A comparison the description states word for word (a rung of a stated ladder, "A from
        // 90": stated-ladder.ts) has no other reading of its bound or its side.
        if (n.stated === true && FLIP[n.op]) return;
        // `>= 1` and `> 0` are one reading on whole numbers: no rival is made of a threshold at 0 or ±1.
        const flip = FLIP[n.op];
        const natural = n.args.some((a) => a.k === "const" && typeof a.value === "number" && Math.abs(a.value) <= 1);
        if (flip && !natural) rebuild({ ...n, op: flip });
        // A threshold the examples set (`order <= 30`, the largest order shown below it) has the
        // description's own number as a rival where it fits too ("free for orders of 50 or more").
        const bound = flip ? n.args.findIndex((a) => a.k === "const" && typeof a.value === "number" && !stated.includes(a.value)) : -1;
        if (flip && bound >= 0) {
          for (const v of stated) for (const o of [n.op, flip]) rebuild({ ...n, op: o, args: n.args.map((a, j) => (j === bound ? { k: "const", value: v } : a)) });
        }
        const pos = n.op === "tokPos" ? n.args[1] : undefined;
        if (pos?.k === "const" && pos.value !== null && typeof pos.value === "object" && !Array.isArray(pos.value)) {
          const t = pos.value as { re: string; n: number; side: string };
          const res = new Set([...TOKEN_RES, t.re]);
          for (const re of res) for (const k of [0, -1, 1, -2]) for (const side of ["start", "end"]) {
            // A count of single letters (capitals) from the other end is a rival at any cost (round
            // 29b): a capital stands for the word it starts, and "the second capital" and "the
            // last" are one position on names of two words, parting on "Ada King Lovelace". Runs
            // (words, digits) counted from the end are read as such: "the last word" is a reading.
            const otherEnd = ONE_LETTER.test(t.re) && k >= 0 !== t.n >= 0;
            if ((tokenCost(k) > tokenCost(t.n) && !otherEnd) || (re === t.re && k === t.n && side === t.side)) continue;
            rebuild({ ...n, args: [n.args[0] as Expr, { k: "const", value: { re, n: k, side } }] });
          }
          return;
        }
        n.args.forEach((a, i) => visit(a, (m) => rebuild({ ...n, args: n.args.map((x, j) => (j === i ? m : x)) })));
        return;
      }
      case "get":
        visit(n.obj, (m) => rebuild({ ...n, obj: m }));
        return;
      case "lam":
        visit(n.arr, (m) => rebuild({ ...n, arr: m }));
        visit(n.body, (m) => rebuild({ ...n, body: m }));
        if (n.body2) visit(n.body2, (m) => rebuild({ ...n, body2: m }));
        return;
      case "if":
        visit(n.cond, (m) => rebuild({ ...n, cond: m }));
        visit(n.then, (m) => rebuild({ ...n, then: m }));
        visit(n.else, (m) => rebuild({ ...n, else: m }));
        return;
      case "obj":
        n.fields.forEach(([k, v], i) => visit(v, (m) => rebuild({ ...n, fields: n.fields.map((f, j) => (j === i ? ([k, m] as const) : f)) })));
        return;
      default:
        return;
    }
  };
  visit(e, (m) => {
    if (out.length < 200) out.push(m);
  });
  for (const m of twins(e)) if (out.length < 200) out.push(m);
  return out;
}

const ARITHMETIC = new Set(["add", "sub", "mul", "div", "mean", "median", "sum"]);
const ROUNDERS = new Set(["round", "roundTo", "floor", "ceil"]);
const WHOLE_ROUNDERS = ["round", "floor", "ceil"];
const QUANTIFIER: Readonly<Record<string, "some" | "every">> = { some: "every", every: "some" };

/** `e` rebuilt at each place where `f` has something to offer (one place at a time). */
export function everywhere(e: Expr, f: (n: Expr) => readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  const visit = (n: Expr, rebuild: (m: Expr) => void): void => {
    for (const m of f(n)) rebuild(m);
    if (n.k === "op") n.args.forEach((a, i) => visit(a, (m) => rebuild({ ...n, args: n.args.map((x, j) => (j === i ? m : x)) })));
    if (n.k === "lam") {
      visit(n.arr, (m) => rebuild({ ...n, arr: m }));
      visit(n.body, (m) => rebuild({ ...n, body: m }));
    }
    if (n.k === "if") {
      visit(n.cond, (m) => rebuild({ ...n, cond: m }));
      visit(n.then, (m) => rebuild({ ...n, then: m }));
      visit(n.else, (m) => rebuild({ ...n, else: m }));
    }
  };
  visit(e, (m) => out.push(m));
  return out;
}

/**
 * Readings the examples cannot tell apart by their shape: `some` for `every` when each example's
 * array holds one element or all alike; "has a repeat" for "all the same" when each holds two;
 * `Math.round` for `Math.ceil` or `Math.floor` when no example's quotient falls between.
 * Observational equivalence keeps one of each pair; both are readings.
 */
function twins(e: Expr): Expr[] {
  return everywhere(e, (n) => {
    if (n.k === "lam" && QUANTIFIER[n.op]) return [{ ...n, op: QUANTIFIER[n.op] as "some" | "every" }];
    // Rounded, floored or ceiled alike on examples whose quotients fall the same way (a month / 3).
    if (n.k === "op" && WHOLE_ROUNDERS.includes(n.op)) return WHOLE_ROUNDERS.filter((o) => o !== n.op).map((op) => ({ ...n, op }));
    // A time of day's twin (equal times a day or none apart), a weekday counted from Sunday or
    // Monday, a case style for another: alike on examples that never show where they part (round 12).
    if (n.k === "op" && CALENDAR_TWINS[n.op]) return [{ ...n, op: CALENDAR_TWINS[n.op] as string }];
    // A URL's host with or without "www.", a file's last or first dot, vowels with or without
    // "y", punctuation dropped with its spaces closed up or not (round 13).
    const twin = n.k === "op" ? (PATH_TWINS[n.op] ?? CHAR_TWINS[n.op]) : undefined;
    if (n.k === "op" && twin) return [{ ...n, op: twin }];
    if (n.k === "op" && CASE_STYLES.includes(n.op)) return CASE_STYLES.filter((o) => o !== n.op).map((op) => ({ ...n, op }));
    // Divisible by c and by 2c: alike where every multiple of c shown is a multiple of 2c (years
    // 0, 4 and 2024: "even" or "a leap year"), parted by a number that is c mod 2c (round 16).
    if (n.k === "op" && n.op === "mod" && n.args[1]?.k === "const" && isWhole(n.args[1].value) && n.args[1].value > 1) return [{ ...n, args: [n.args[0] as Expr, { k: "const", value: 2 * n.args[1].value }] }];
    // A text key compared as typed or ignoring case: alike on examples all in one case (round 16).
    if (n.k === "lam" && (n.op === "sortAsc" || n.op === "sortDesc") && !(n.body.k === "op" && (n.body.op === "lower" || n.body.op === "upper"))) return [{ ...n, body: { k: "op", op: "lower", args: [n.body] } }];
    if (n.k === "op" && n.op === "hasDuplicates") return [{ k: "op", op: "eq", args: [{ k: "op", op: "len", args: [{ k: "op", op: "distinct", args: [n.args[0] as Expr] }] }, { k: "const", value: 1 }] }];
    return [];
  });
}

const isWhole = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/**
 * The median read as the element at the middle position of the list as it comes (the later of the
 * two middles of an even-length list): alike where every example's list is sorted and of odd
 * length (round 16). "Middle" speaks for either, so it competes whatever the rank.
 */
export function middleTwins(e: Expr): Expr[] {
  return everywhere(e, (n) => (n.k === "op" && n.op === "median" ? [{ k: "op", op: "middle", args: [n.args[0] as Expr] }] : []));
}

/** Cuts of an array at a position: `xs.slice(k)` and `xs.slice(0, k)`. */
const SLICES = new Set(["sliceFrom", "sliceTo"]);

/**
 * An element picked by position from arrays that are all as long on every example (the pieces of
 * "report.pdf" split on "."): the k-th from the start is the (L-k)-th from the end there, and
 * which one was meant shows only on a longer array. The last element is picked this way too, and
 * an array cut at a position (round 17): on three-item lists `xs.slice(1)` ("all but the first")
 * is `xs.slice(-2)` ("the last two"), parted by a list of four.
 */
export function positionTwins(e: Expr, inputs: readonly Json[]): { expr: Expr; words: boolean; natural: boolean }[] {
  const lengthOf = (arr: Expr): number | undefined => {
    if (readsElement(arr)) return undefined;
    const lens = new Set(inputs.map((input) => {
      const v = runOn(arr, input);
      return Array.isArray(v) ? v.length : -1;
    }));
    const [len] = [...lens];
    return lens.size === 1 && len !== undefined && len > 1 ? len : undefined;
  };
  return everywhere(e, (n) => {
    if (n.k !== "op") return [];
    const arr = n.args[0] as Expr;
    const index = n.op === "last" ? -1 : (n.op === "at" || SLICES.has(n.op)) && n.args[1]?.k === "const" && typeof n.args[1].value === "number" ? n.args[1].value : undefined;
    if (index === undefined || (SLICES.has(n.op) && index === 0)) return [];
    const len = lengthOf(arr);
    if (len === undefined) return [];
    return [{ k: "op", op: SLICES.has(n.op) ? n.op : "at", args: [arr, { k: "const", value: index >= 0 ? index - len : index + len }] }];
  }).map((expr) => {
    let words = false;
    let natural = true;
    walk(expr, (n) => {
      if (n.k !== "op") return;
      if (n.op === "words" || (n.op === "split" && n.args[1]?.k === "const" && n.args[1].value === " ")) words = true;
      if (n.op === "at" && n.args[1]?.k === "const" && n.args[1].value !== 0 && n.args[1].value !== -1) natural = false;
    });
    return { expr, words, natural };
  });
}

/**
 * The answer (or a number written into text) rounded or not: alike on examples whose answers are
 * round (a 15% tip on 100). Not rival readings of each other — the description decides by rank
 * ("rounded to cents", "whole percentage"), and a rounding nobody asked for is no likelier reading —
 * but the search kept whichever came first, so both are ranked. Sizes as the rounding adds or takes.
 */
export function roundings(e: Expr, size: number): { expr: Expr; size: number }[] {
  const numeric = (n: Expr): boolean => n.k === "op" && (ARITHMETIC.has(n.op) || ROUNDERS.has(n.op));
  const rounded = (n: Expr, base: number): { expr: Expr; size: number }[] => [
    { expr: { k: "op", op: "round", args: [n] }, size: base + 1 },
    ...[1, 2].map((d) => ({ expr: { k: "op", op: "roundTo", args: [n, { k: "const", value: d }] } as Expr, size: base + 2 })),
  ];
  // A rounding is a rival of the same value unrounded and of the other roundings (whole, 1 or 2
  // decimals): whole numbers on the examples cannot say which the description asks for.
  const wrap = (n: Expr): { expr: Expr; size: number }[] => {
    if (!(n.k === "op" && ROUNDERS.has(n.op))) return rounded(n, size);
    const inner = n.args[0] as Expr;
    const base = size - (n.op === "roundTo" ? 2 : 1);
    const others = n.op === "round" || n.op === "roundTo" ? rounded(inner, base).filter((r) => !sameExpr(r.expr, n)) : [];
    return [{ expr: inner, size: base }, ...others];
  };
  const out = numeric(e) ? wrap(e) : [];
  if (e.k === "op" && (e.op === "concat" || e.op === "toFixed" || e.op === "grouped")) {
    e.args.forEach((a, i) => {
      for (const m of numeric(a) ? wrap(a) : []) out.push({ expr: { ...e, args: e.args.map((x, j) => (j === i ? m.expr : x)) }, size: m.size });
      for (const m of roundings(a, size)) if (a.k === "op" && a.op === "concat") out.push({ expr: { ...e, args: e.args.map((x, j) => (j === i ? m.expr : x)) }, size: m.size });
    });
  }
  return out;
}

/** `e` with every constant `c` replaced by `by`. */
export function replaceConstant(e: Expr, c: number, by: Expr): Expr {
  if (e.k === "const") return e.value === c ? by : e;
  return mapChildren(e, (x) => replaceConstant(x, c, by));
}


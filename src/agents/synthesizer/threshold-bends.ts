/**
 * Where a rule changes (round 33). A description that states the threshold of an excess ("a bag
 * beyond 23 kg pays a 50 euro fee plus 10 euros for each kg beyond 23") says where the answer bends.
 * A program of that one number can fit every example and bend elsewhere: max(10 × kg − 180, 0) is
 * 0 up to 18 kg and charges 20 euros at 20 kg, where the bag flies free. Examples and answers that
 * fall on either side of both bends never tell the two apart, so whether such a program is found
 * first hung on how much search the CPU-time budget bought (stop 46's CI). The input between the
 * program's bend and the stated threshold, next to the threshold, is asked about; where the program
 * jumps at the threshold itself ("up to 30 kg pay none", 20 euros from 30 kg on), the threshold;
 * where it is a line and every example lies on one side, the other side; and a bend past every
 * example that no stated number explains, just past it. The numbers a rule changes at are read in
 * more words than an excess's thresholds ("above", "under", "short of", …: `ruleNumbers`).
 */
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** The widest range of whole numbers scanned for bends. */
const MAX_SCAN = 4000;
/** More bends than this is a staircase (a rounding), not a rule that changes at a threshold. */
const MAX_BENDS = 4;

/**
 * The input next to a stated threshold on the side of the program's nearest bend, where the program
 * reads one number of its input and bends 2 or more away from the threshold with no example in
 * between; else, where it jumps at the threshold and no example sits on it, the threshold itself
 * (which side holds it). Undefined where it bends only at the threshold and continuously, nowhere,
 * or too often, where the examples settle each bend, or where no such input is `allowed`.
 */
export function bendOffThreshold(e: Expr, inputs: readonly Json[], thresholds: readonly number[], allowed: (input: Json) => boolean): Ambiguity | undefined {
  const field = onlyNumberField(e, inputs);
  if (field === undefined || thresholds.length === 0) return undefined;
  const shown = inputs.map((i) => (i as Record<string, number>)[field] as number);
  const sided = statedSides(e);
  for (const input of inputs) {
    if (!isObj(input)) continue;
    const at = valueAt(e, input, field);
    for (const t of thresholds) {
      // A comparison the description states word for word ("under 10 kg: 5", a rung of a stated
      // ladder) says which side holds its threshold.
      if (sided.has(t)) continue;
      // From 0 (or the least number shown) to past the threshold and the example: below what any
      // example shows, a program's bends (a negative weight) say nothing about the rule.
      const bends = bendsOf(at, Math.floor(Math.min(0, t, ...shown)), Math.ceil(Math.max(t, input[field] as number)) + 2);
      if (bends === undefined || bends.length > MAX_BENDS) continue;
      // A line with every example on one side of the number the rule changes at ("each degree
      // below 15", "bags heavier than 23 kg"): asked just on the other side.
      const side = Math.sign((shown[0] as number) - t);
      if (bends.length === 0 && side !== 0 && shown.every((v) => Math.sign(v - t) === side)) {
        const probe: Json = { ...input, [field]: t - side };
        const out = at(t - side);
        if (out !== undefined && allowed(probe)) return toldInWords(e, probe, out, `the rule the description states from ${t} on`);
        continue;
      }
      // A bend the examples already settle (one of them lies between it and the threshold) is theirs.
      const open = bends.filter((b) => Math.abs(b - t) > 1 && !shown.some((v) => (v - b) * (v - t) < 0));
      if (open.length === 0) {
        const jump = shown.includes(t) ? undefined : sideOfJump(at, t);
        const probe: Json = { ...input, [field]: t };
        if (jump && allowed(probe)) return toldInWords(e, probe, jump.own, `the answer just on the other side of the stated ${t}`, jump.other);
        continue;
      }
      const nearest = open.reduce((a, b) => (Math.abs(b - t) < Math.abs(a - t) ? b : a));
      const probe: Json = { ...input, [field]: nearest < t ? t - 1 : t + 1 };
      const out = at(probe[field] as number);
      if (out === undefined || !allowed(probe)) continue;
      return toldInWords(e, probe, out, `the answer changes at the stated ${t}, where the program changes at ${nearest}`);
    }
  }
  return pastEveryExample(e, field, inputs, thresholds, allowed);
}

/**
 * A bend past the largest number any example shows that no stated number explains ("2% of the
 * whole sale above 1000", fitted as sale × ceil(sale / 1000) / 100, which steps up again past
 * 2000): asked just past it.
 */
function pastEveryExample(e: Expr, field: string, inputs: readonly Json[], thresholds: readonly number[], allowed: (input: Json) => boolean): Ambiguity | undefined {
  const shown = inputs.map((i) => (i as Record<string, number>)[field] as number);
  const most = Math.max(...shown);
  for (const input of inputs) {
    if (!isObj(input)) continue;
    const at = valueAt(e, input, field);
    const bends = bendsOf(at, Math.floor(Math.min(0, ...shown, ...thresholds)), Math.ceil(Math.max(most, ...thresholds)) + 2);
    if (bends === undefined || bends.length > MAX_BENDS) continue;
    const past = bends.find((b) => b > most && thresholds.every((t) => Math.abs(b - t) > 1));
    if (past === undefined) continue;
    const probe: Json = { ...input, [field]: past + 1 };
    const out = at(past + 1);
    if (out !== undefined && allowed(probe)) return toldInWords(e, probe, out, `a change at ${past} that the description does not state`);
  }
  return undefined;
}

/** The program's answer on `input` with `field` set to x, where it is a finite number. */
function valueAt(e: Expr, input: Record<string, Json>, field: string): (x: number) => number | undefined {
  return (x) => {
    const out = runOn(e, { ...input, [field]: x });
    return typeof out === "number" && Number.isFinite(out) ? out : undefined;
  };
}

/**
 * Where the description speaks of a rule that changes: "above", "over", "more than", "heavier
 * than", "exceeding", "later than", "under", "below", "short of", "less than", "up to" a number, with
 * the thresholds of an excess (`readStatedEdges`).
 */
const RULE_NUMBER = /\b(?:above|over|more than|heavier than|longer than|exceeding|later than|under|below|short of|less than|fewer than|up to)\s+(?:the\s+)?(\d+(?:\.\d+)?)(?![\d.]*%)/g;

/** The numbers a description says a rule changes at (lower-cased or not), the excess thresholds first. */
export function ruleNumbers(description: string, thresholds: readonly number[]): number[] {
  return [...new Set([...thresholds, ...[...description.toLowerCase().matchAll(RULE_NUMBER)].map((m) => Number(m[1]))])];
}

/**
 * Where `at` jumps at `t` (the lines on either side, carried to `t`, part there) and takes one
 * side's value at `t`: that value and the other side's, for "up to 30 kg pay none" against "from
 * 30 kg on"; undefined where it does not jump there.
 */
function sideOfJump(at: (x: number) => number | undefined, t: number): { own: number; other: number } | undefined {
  const [l2, l1, own, r1, r2] = [t - 2, t - 1, t, t + 1, t + 2].map(at);
  if (l2 === undefined || l1 === undefined || own === undefined || r1 === undefined || r2 === undefined) return undefined;
  const [left, right] = [2 * l1 - l2, 2 * r1 - r2];
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (same(left, right)) return undefined;
  if (same(own, left)) return { own, other: right };
  if (same(own, right)) return { own, other: left };
  return undefined;
}

/** The one top-level input field `e` reads, where it is a number in every input (else undefined). */
function onlyNumberField(e: Expr, inputs: readonly Json[]): string | undefined {
  const paths = new Set<string>();
  let overItems = false;
  walk(e, (n) => {
    if (n.k === "in") paths.add(JSON.stringify(n.path));
    if (n.k === "lam" || n.k === "x") overItems = true;
  });
  if (overItems || paths.size !== 1) return undefined;
  const path = JSON.parse([...paths][0] as string) as string[];
  if (path.length !== 1) return undefined;
  const field = path[0] as string;
  return inputs.every((i) => isObj(i) && typeof i[field] === "number") ? field : undefined;
}

/**
 * The whole numbers in [lo, hi] where `at` bends (its second difference is not 0), or undefined
 * where the range is too wide or `at` has no value somewhere in it.
 */
function bendsOf(at: (x: number) => number | undefined, lo: number, hi: number): number[] | undefined {
  if (hi - lo > MAX_SCAN) return undefined;
  const values: number[] = [];
  for (let x = lo; x <= hi; x++) {
    const v = at(x);
    if (v === undefined) return undefined;
    values.push(v);
  }
  const bends: number[] = [];
  for (let i = 1; i + 1 < values.length; i++) {
    const [a, b, c] = [values[i - 1] as number, values[i] as number, values[i + 1] as number];
    if (Math.abs(a - 2 * b + c) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b), Math.abs(c))) bends.push(lo + i);
  }
  return bends;
}

/** The bounds of the comparisons `e` holds as the description states them (`stated`: stated-ladder.ts). */
function statedSides(e: Expr): Set<number> {
  const out = new Set<number>();
  walk(e, (n) => {
    if (n.k === "op" && n.stated === true) for (const a of n.args) if (a.k === "const" && typeof a.value === "number") out.add(a.value);
  });
  return out;
}

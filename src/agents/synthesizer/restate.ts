/**
 * Round 21: the program the search chose, restated as the description states it, where the
 * examples cannot tell the two apart.
 *
 * - **A rounding of the answer.** "The part of income not spent, as a percentage, rounded to 1
 *   decimal" from 3000/2400 → 20 and 2750/2750 → 0 fits `(income - expenses) / round(income / 100)`:
 *   a rounding inside the arithmetic that round examples cannot show, where the description rounds
 *   the answer. The program with its inner roundings taken out and the answer rounded as stated
 *   takes its place when it fits every example too. Only where the description speaks of rounding
 *   once and of no rounding of each part ("each price rounded to cents"): there an inner rounding
 *   may be meant, and the two stay rival readings, asked about where they part.
 *   A program that rounds nothing is rounded as stated, for the same reason.
 * - **A factor the description states.** "1 acre = 0.40468564224 hectares" and examples whose
 *   answers are rounded fit the solved factor 2.47 as well as the stated 1 / 0.40468564224: the
 *   stated number, or one made of two stated numbers, within a percent of the solved one and
 *   fitting every example, takes its place. A solved constant is a guess where the description
 *   gives the number.
 * - **An order among ties named by a field.** "Fullest first; bins equally full in id order" where
 *   no example has two bins equally full: the sort by fullness alone keeps ties in list order, and
 *   the sentence about ties names the elements' `id`; the sort with `id` as its second key takes its
 *   place (the rivals of tie-breaks.ts are still asked about where a tie shows them apart).
 * - **A rounding to a stated step** (round 26b). "Rounded to the nearest half size" from answers
 *   that are whole, or that the search reached with a rounding of its own (`round(x * 2) / 2`, or
 *   a coincidence with a rounding inside): the program's rounding (or the program, rounding
 *   nothing) rounded to the stated step takes its place when it fits every example too.
 *
 * Nothing here names a task: the description's rounding words and its numbers decide.
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import type { Prior } from "./rank.ts";
import { konst, op, sameExpr } from "./expr.ts";
import { mapChildren, walk } from "./rank.ts";
import { namedTieBreak } from "./tie-breaks.ts";
import { fieldWords, keyWords } from "./described-formula/bind.ts";
import { STEP_OP_NAMES, roundedToStep, roundsToStatedStep } from "./stated-step.ts";
import type { StatedStep } from "./stated-step.ts";
import type { Found } from "./search.ts";
import type { Expr, Json } from "./types.ts";

const ROUNDINGS = new Set(["round", "roundTo", ...STEP_OP_NAMES]);
/** Decimals a description may state, most first (as outer-rounding.ts reads them). */
const DECIMALS = [3, 2, 1];
/** How far a stated factor may lie from the solved one: rounding hides about this much. */
const FACTOR_SLACK = 0.01;

/** The program as the description states it, or the program itself. */
export function restate(found: Found, inputs: readonly Json[], outputs: readonly Json[], prior: Prior, description: string): Found {
  const fits = (e: Expr): boolean => inputs.every((inp, r) => {
    const v = runOn(e, inp);
    return v !== undefined && jsonEqual(v, outputs[r] as Json);
  });
  found = statedRoundedFirst(found, fits);
  let expr = found.expr;
  const stepped = outputs.every((o) => typeof o === "number") && !roundsParts(description) ? toStatedStep(expr, prior.steps ?? [], fits) : undefined;
  if (stepped) expr = stepped;
  const lifted = liftedRounding(expr, prior, description);
  const liftedFits = lifted !== undefined && fits(lifted);
  // Where more arithmetic follows the rounding ("rounded to cents, times the quantity"), the
  // rounding is of a part: the program as found stays the chosen reading, the lifted one its rival.
  const liftedFirst = liftedFits && !roundsParts(description);
  if (liftedFirst) expr = lifted;
  const rounded = outputs.every((o) => typeof o === "number") ? roundedAsStated(expr, prior, description) : undefined;
  // Where the description rounds a part ("each line's amount is rounded, and the rounded amounts
  // are added"), the answer rounded is a rival reading, not the program (stop 51's attacker).
  const partsRounded = roundsParts(description);
  const roundedFits = rounded !== undefined && fits(rounded);
  if (roundedFits && !partsRounded) expr = rounded;
  const outer = outputs.every((o) => typeof o === "number") && !partsRounded ? outerAsStated(expr, prior, description) : undefined;
  if (outer && fits(outer)) expr = outer;
  const each = eachRoundedAsStated(expr, outputs, prior, description);
  if (each && fits(each)) expr = each;
  const addends = addendsRoundedAsStated(expr, prior, description);
  if (addends && fits(addends)) expr = addends;
  const factored = statedFactor(expr, prior.mentioned, fits);
  if (factored) expr = factored;
  const doubled = doubledAsStated(expr, prior.mentioned, inputs);
  if (fits(doubled)) expr = doubled;
  const tied = namedTieBreak(expr, inputs, description);
  if (tied && fits(tied)) expr = tied;
  // The other of the program as found and the one with its rounding lifted stays a reading of its
  // own: the words only choose which is asked about first.
  const other = liftedFits ? (liftedFirst ? found.expr : lifted) : roundedFits && partsRounded ? rounded : undefined;
  // Where the program taken rounds to the step the description states, a reading rounded to
  // something else contradicts the description: no question about it. Round 29b: at its outside
  // or under an `abs` (`Math.abs(roundTo(x, 1))` beside a stated cut to one decimal).
  const statedOrNone = rivalOfStatedStep(expr, prior);
  const kept = (found.alts ?? []).filter((a) => statedOrNone(a.expr));
  if (expr === found.expr && other === undefined && kept.length === (found.alts ?? []).length) return found;
  const alts = [...(other ? [{ expr: other, size: found.size, otherFamily: true as const }] : []), ...kept];
  return { ...found, expr, ...(alts.length > 0 ? { alts } : {}) };
}

/** The rounding the description states for the answer, as an expression around `e`. */
function statedRounding(e: Expr, prior: Prior, description: string): Expr | undefined {
  // A stated step is the rounding: the first one stated ("the nearest 1/4 star"; a step of 1 or
  // 0.1 to the nearest is `round` or `roundTo`). Before round 27a a step meant no rounding here,
  // so where one was read the rounding of a part was never lifted to the answer.
  const step = prior.steps?.[0];
  if (step) return roundedToStep(e, step);
  // A direction ("rounded up", "rounded down") is a rounding of its own, not to the nearest; and
  // only the word itself states one ("tenths of a degree", "a price in cents" are units).
  if (prior.edges?.has("ceil") || prior.edges?.has("floor") || !ROUNDING_WORD.test(sayings(description))) return undefined;
  const d = DECIMALS.find((n) => prior.evidence.has(`roundTo:${n}`));
  if (d !== undefined) return { k: "op", op: "roundTo", args: [e, { k: "const", value: d }] };
  // "Rounded to a whole number": the word itself, with no decimals stated.
  return { k: "op", op: "round", args: [e] };
}

/** "Rounded", "rounding", "round to": not "around", "a round trip", "per round", "the best round". */
const ROUNDING_WORD = /\bround(ed|ing)?\b(?! trip\b)(?!-trip\b)(?! of\b)/;
/** The description in lower case, with rounds of a game ("per round", "the first round") taken out. */
const sayings = (description: string): string => description.toLowerCase().replace(/\b(per|each|every|a|the|which|first|last|best|final|next|one|this|that) round\b/g, " ");

/** `e` with every rounding of `ops` taken out. */
function unroundedBy(e: Expr, ops: ReadonlySet<string>): Expr {
  if (e.k === "op" && ops.has(e.op)) return unroundedBy(e.args[0] as Expr, ops);
  return mapChildren(e, (x) => unroundedBy(x, ops));
}

/** Roundings (of `ops`) of a number inside `e`, not counting one at its outside. */
function innerRoundings(e: Expr, ops: ReadonlySet<string>): number {
  const inside = e.k === "op" && ROUNDINGS.has(e.op) ? (e.args[0] as Expr) : e;
  let n = 0;
  walk(inside, (x) => {
    if (x.k === "op" && ops.has(x.op)) n++;
  });
  return n;
}

/**
 * The roundings inside a program that a rounding of the answer takes the place of: to the nearest,
 * and up or down too where no word speaks of either ("rounded to the nearest whole centimetre" fits
 * `round(inches × 2.54 + ceil(feet × 30.48))` by chance; "pages needed", "rounded down" keep theirs).
 */
const liftable = (prior: Prior): ReadonlySet<string> => (prior.evidence.has("ceil") || prior.evidence.has("floor") ? ROUNDINGS : new Set([...ROUNDINGS, "ceil", "floor"]));

/**
 * The program with its roundings inside taken out and its answer rounded as the description
 * states; undefined when it rounds nothing inside, the description states no rounding, or the
 * program works on lists or texts (a rounding per element is a rounding of parts).
 */
export function liftedRounding(e: Expr, prior: Prior, description: string): Expr | undefined {
  const ops = liftable(prior);
  if (innerRoundings(e, ops) === 0 || roundsInsideStatedFormula(e)) return undefined;
  let plain = true;
  walk(e, (x) => (plain &&= x.k === "in" || x.k === "const" || (x.k === "op" && x.op !== "len" && x.op !== "toFixed")));
  if (!plain) return undefined;
  return statedRounding(unroundedBy(e, ops), prior, description);
}

/**
 * Whether a formula the description writes rounds inside itself: its words round the part they
 * define ("the unit price …, rounded to 2 decimal places; the answer is the unit price times the
 * quantity"), which no rounding of the answer takes the place of (stop 53).
 */
function roundsInsideStatedFormula(e: Expr): boolean {
  let found = false;
  walk(e, (x) => {
    if (x.k === "op" && x.stated === true) walk(x, (y) => (found ||= y !== x && y.k === "op" && ROUNDINGS.has(y.op)));
  });
  return found;
}

const ANY_ROUNDING = new Set(["round", "roundTo", "floor", "ceil", "toFixed", "grouped", ...STEP_OP_NAMES]);
/**
 * Whether a rival may be asked about beside `chosen`: always, unless `chosen` rounds to a stated
 * step and the rival rounds otherwise (rival searches after the restatement are held to it too).
 */
export function rivalOfStatedStep(chosen: Expr, prior: Prior): (rival: Expr) => boolean {
  const steps = prior.steps ?? [];
  // Where every rounding of `chosen` to decimals is to decimals the description states, a reading
  // rounding to others contradicts it ("rounded to 2 decimal places", a rival to 1: stop 53's attacker).
  const stated = new Set(DECIMALS.filter((d) => prior.evidence.has(`roundTo:${d}`)));
  const otherDecimals = (e: Expr): boolean => placesRounded(e).some((d) => !stated.has(d));
  const decimals = placesRounded(chosen).length > 0 && !otherDecimals(chosen) ? (rival: Expr) => !otherDecimals(rival) : () => true;
  // A written formula that rounds the part it defines (stop 53) states where the rounding is: a
  // reading that rounds its answer otherwise contradicts it as a stated step at the outside would.
  if (roundsInsideStatedFormula(chosen) && !roundsOtherwise(chosen)) return (rival) => !roundsOtherwise(rival) && decimals(rival);
  if (!roundsToStatedStep(chosen, steps)) return decimals;
  return (rival) => (!roundsOtherwise(rival) || roundsToStatedStep(rival, steps)) && decimals(rival);
}

/** The decimal places of each `roundTo` in `e`. */
function placesRounded(e: Expr): number[] {
  const out: number[] = [];
  walk(e, (x) => {
    if (x.k === "op" && x.op === "roundTo" && x.args[1]?.k === "const" && typeof x.args[1].value === "number") out.push(x.args[1].value);
  });
  return out;
}

/**
 * Among the programs found, one built on a written formula that rounds the part it defines (stop
 * 53): the words say where the rounding is, so it is chosen before one the search rounded elsewhere.
 */
function statedRoundedFirst(found: Found, fits: (e: Expr) => boolean): Found {
  if (roundsInsideStatedFormula(found.expr)) return found;
  const stated = (found.alts ?? []).find((a) => roundsInsideStatedFormula(a.expr) && fits(a.expr));
  if (stated === undefined) return found;
  return { ...found, expr: stated.expr, alts: [{ expr: found.expr, size: found.size }, ...(found.alts ?? []).filter((a) => a !== stated)] };
}

/** Whether `e` rounds its answer: at its outside, or under an `abs`, which keeps its rounding. */
function roundsOtherwise(e: Expr): boolean {
  if (e.k !== "op") return false;
  if (OUTER_ROUNDINGS.has(e.op)) return true;
  return e.op === "abs" && roundsOtherwise(e.args[0] as Expr);
}

/** Roundings at a program's outside that a stated step takes the place of. */
const OUTER_ROUNDINGS = new Set(["round", "roundTo", "floor", "ceil", ...STEP_OP_NAMES]);

/**
 * The program rounded to a step the description states, in place of its own rounding at the
 * outside, of every rounding inside it (where it is plain arithmetic: `round(a + b, 0.25) / 2` for
 * "the mean, to the nearest quarter" rounds a part), or around it where it rounds nothing: the
 * first of those that fits every example, each step in the order stated. Undefined where the
 * description states no step, the program rounds to one at its outside already or writes a text,
 * or nothing fits.
 */
export function toStatedStep(e: Expr, steps: readonly StatedStep[], fits: (e: Expr) => boolean): Expr | undefined {
  if (steps.length === 0 || roundsToStatedStep(e, steps)) return undefined;
  let texts = false;
  walk(e, (x) => (texts ||= x.k === "op" && (x.op === "toFixed" || x.op === "grouped")));
  if (texts) return undefined;
  const outer = e.k === "op" && OUTER_ROUNDINGS.has(e.op) ? (e.args[0] as Expr) : e;
  let plain = true;
  walk(e, (x) => (plain &&= x.k === "in" || x.k === "const" || (x.k === "op" && x.op !== "len")));
  for (const s of steps) {
    // Every rounding to the nearest (or in the stated direction) taken out first: `10 * round(x / 10)`
    // is `10 * (x / 10)` to the nearest 10, `0.25 * ceil(minutes / 15)` is `0.25 * (minutes / 15)` up to the next 0.25.
    const drop = new Set([...ROUNDINGS, ...(s.direction === "up" ? ["ceil"] : s.direction === "down" ? ["floor"] : [])]);
    // From inside the outer rounding, whichever way it rounds: `floor(cents × 0.9)` to the nearest
    // 5 cents is `cents × 0.9` rounded so (round 27a: floor's whole cents fit 0.05 and 5 alike).
    const inside = plain ? unroundedBy(outer, drop) : outer;
    const bases = sameExpr(inside, outer) ? [outer] : [inside, outer];
    for (const base of bases) {
      const candidate = roundedToStep(base, s);
      if (fits(candidate)) return candidate;
    }
  }
  return undefined;
}

/** "Each rounded to 2 decimal places", "all rounded", "rounding every value". */
const EACH_ROUNDED = /\b(each|every|all)\b[^.;]{0,40}\bround|\bround\w*\b[^.;]{0,30}\b(each|every|all)\b/;

/** Whether every output is a list of numbers, or an object whose values are numbers (and some output holds one). */
function numbersWithin(outputs: readonly Json[], list: boolean): boolean {
  const values = outputs.map((o) => (list ? (Array.isArray(o) ? o : undefined) : o !== null && typeof o === "object" && !Array.isArray(o) ? Object.values(o) : undefined));
  return values.every((v) => v !== undefined && v.every((x) => typeof x === "number")) && values.some((v) => (v?.length ?? 0) > 0);
}

/**
 * A program whose answer is a list of numbers or an object of numbers ("revenue per region, each
 * rounded to 2 decimal places") with each number rounded as the description states: sums of whole cents fit with or without it, and floating point writes 59.970000000000006.
 */
export function eachRoundedAsStated(e: Expr, outputs: readonly Json[], prior: Prior, description: string): Expr | undefined {
  const op = numbersWithin(outputs, true) ? "map" : numbersWithin(outputs, false) ? "mapValues" : undefined;
  // Only where the words round each of them, not one ("the total, rounded, and the share as is").
  if (op === undefined || !EACH_ROUNDED.test(sayings(description))) return undefined;
  // A number rounded already is rounded again to the same: only those left unrounded change ("the total and the average, each rounded").
  const body = statedRounding({ k: "x", path: [] }, prior, description);
  if (body === undefined || (e.k === "lam" && e.op === op && sameExpr(e.body, body))) return undefined;
  return { k: "lam", op, arr: e, body };
}

/**
 * "The rounded amounts are added up", "the sum of the rounded line totals": the words add what
 * they rounded, many of it ("the rounded total is then added to the bill" rounds one total; "not
 * the sum of the rounded prices" says the opposite).
 */
const ROUNDED_ADDED = /\brounded (?:\w+ ){0,2}(?<noun>\w+) are (?:then )?(?:added|summed|totall?ed)\b|\b(?<!(?:not|rather than|instead of) )(?<!(?:not|rather than|instead of) the )(?:sum|total|adding|add up|adds up|added up) (?:of |up )?(?:all )?the rounded (?:\w+ ){0,2}(?<plural>\w+s)\b/;
/** Words saying a thing is added as it is: "the tip is then added as it is, not rounded". */
const NOT_ROUNDED = /\b(?:not rounded|unrounded|as it is|as they are)\b/;

/**
 * A sum or mean of a list's amounts where the description rounds each amount and adds the rounded
 * ones ("every line's amount is rounded to 2 decimal places, and the rounded amounts are added up";
 * "each score is rounded to the nearest whole number, and the rounded scores are added up and
 * divided by the number of scores"), with each amount rounded as stated (stop 53: it was published
 * rounding the total, which parts from the words on 0.375 + 0.375). The rounding is the program's
 * own at its outside, else the one the words state. That outer rounding stays only where it rounds
 * the sum itself (it takes floating point's 0.30000000000000004 away and changes nothing else) or
 * the words round a third time; around more arithmetic ("the sum of the rounded amounts is
 * multiplied by 1.1") it was the search's, not the words'. Undefined where the words do not say so,
 * the amounts are rounded already, or no sum or mean of a list, nor an addition of fields, is there.
 */
export function addendsRoundedAsStated(e: Expr, prior: Prior, description: string): Expr | undefined {
  const text = sayings(description);
  const added = ROUNDED_ADDED.exec(text);
  if (!added || !roundsParts(description)) return undefined;
  const noun = keyWords([added.groups?.["noun"] ?? added.groups?.["plural"] ?? ""])[0];
  const outer = e.k === "op" && ROUNDINGS.has(e.op) ? e : undefined;
  const inside = outer ? (outer.args[0] as Expr) : e;
  const rounding = (x: Expr): Expr | undefined => (outer ? { ...outer, args: [x, ...outer.args.slice(1)] } : statedRounding(x, prior, description));
  let changed: Expr | undefined;
  let someLeft = false;
  const visit = (x: Expr): Expr => {
    if (changed !== undefined) return x;
    // Fields of the input added one by one ("each of the three fees is rounded …, and the rounded
    // fees are added up", stop 53's attacker): the fields the rounded things name rounded (`feeA`,
    // `feeB`, not `tip`), or every field where none is named and no word leaves one unrounded.
    const fields = addedFields(x);
    if (fields !== undefined) {
      const named = fields.filter((f) => f.k === "in" && noun !== undefined && fieldWords(f.path.at(-1) ?? "").includes(noun));
      if (named.length === 0 && NOT_ROUNDED.test(text)) return x;
      const rounded = fields.map((f) => (named.length === 0 || named.includes(f) ? rounding(f) : f));
      if (rounded.some((r) => r === undefined)) return x;
      changed = (rounded as Expr[]).reduce((a, b) => op("add", a, b));
      // A field added as it is is no rounded amount: a rounding of the total would round it too.
      if (named.length > 0 && named.length < fields.length) someLeft = true;
      return changed;
    }
    if (x.k === "op" && (x.op === "sum" || x.op === "mean") && x.args[0] !== undefined) {
      const list = x.args[0];
      const each = list.k === "lam" && list.op === "map" ? list.body : ({ k: "x", path: [] } as Expr);
      if (each.k === "op" && ANY_ROUNDING.has(each.op)) return x;
      const rounded = rounding(each);
      if (rounded === undefined) return x;
      const mapped: Expr = list.k === "lam" && list.op === "map" ? { ...list, body: rounded } : { k: "lam", op: "map", arr: list, body: rounded };
      changed = { ...x, args: [mapped] };
      return changed;
    }
    return mapChildren(x, visit);
  };
  const body = visit(inside);
  if (changed === undefined) return undefined;
  const mentions = (text.replace(/\b(?:the|not) rounded\b/g, " ").match(/\bround(s|ed|ing)?\b/g) ?? []).length;
  const roundsTheSum = body === changed && changed.k === "op" && (changed.op === "sum" || (changed.op === "add" && !someLeft));
  const keepOuter = outer !== undefined && (roundsTheSum || mentions >= 2);
  return keepOuter && outer ? { ...outer, args: [body, ...outer.args.slice(1)] } : body;
}

/** The fields an addition of two or more of the input's fields reads, in order; undefined where `e` is no such addition. */
function addedFields(e: Expr): Expr[] | undefined {
  if (e.k !== "op" || e.op !== "add") return undefined;
  const leaves = (x: Expr): Expr[] => (x.k === "op" && x.op === "add" ? x.args.flatMap(leaves) : [x]);
  const read = leaves(e);
  return read.every((x) => x.k === "in") ? read : undefined;
}

/**
 * A program rounded at its outside otherwise than the description states, rounded as stated:
 * "round to 2 decimal places" from answers that are whole fits `Math.round(total)` as well as the
 * total to cents, and only the words tell them apart. Undefined where it rounds so already, or
 * rounds in a direction (a floor or a ceiling is a rounding of its own).
 */
export function outerAsStated(e: Expr, prior: Prior, description: string): Expr | undefined {
  if (e.k !== "op" || (e.op !== "round" && e.op !== "roundTo")) return undefined;
  const stated = statedRounding(e.args[0] as Expr, prior, description);
  return stated === undefined || sameExpr(stated, e) ? undefined : stated;
}

/**
 * A program that rounds nothing, rounded as the description states: examples whose answers are
 * round already cannot ask for it ("the largest fall, rounded to 2 decimals" from falls of 4 and
 * 1.25), and prices typed with one more digit give 1.2510000000000048.
 */
export function roundedAsStated(e: Expr, prior: Prior, description: string): Expr | undefined {
  let rounds = false;
  walk(e, (x) => (rounds ||= x.k === "op" && ANY_ROUNDING.has(x.op)));
  return rounds ? undefined : statedRounding(e, prior, description);
}

/**
 * Whether the description may round a part of the answer: rounding spoken of twice, of each part,
 * or followed by more arithmetic in its sentence ("rounded to cents, times the quantity").
 */
function roundsParts(description: string): boolean {
  const text = sayings(description);
  const mentions = text.match(/\bround(s|ed|ing)?\b/g) ?? [];
  // "per 500 g" is a rate, not a rounding of each part (round 26: "20 minutes per 500 g …, rounded to the nearest 5 minutes").
  if (mentions.length > 1 || /\b(each|every|per(?! \d))\b[^.;]{0,40}\bround|\bround\w*\b[^.;]{0,30}\b(each|every|per(?! \d))\b/.test(text)) return true;
  // "…, rounded to 2 decimal places; the answer is the unit price times the quantity": the clause after a semicolon goes on.
  return /\bround\w*\b[^.]*\b(times|multiplied|plus|minus|divided|added|subtracted|then|less|x)\b/.test(text);
}

/** The first solved constant of `e` with a stated number (or one made of two) near it that fits: `e` with it. */
export function statedFactor(e: Expr, mentioned: readonly number[], fits: (e: Expr) => boolean): Expr | undefined {
  const solved: number[] = [];
  walk(e, (n) => {
    if (n.k === "const" && n.solved === true && typeof n.value === "number" && n.value !== 0) solved.push(n.value);
  });
  if (solved.length === 0) return undefined;
  const stated = [...new Set(mentioned.filter((m) => m !== 0 && Number.isFinite(m)))];
  const made = new Set<number>();
  for (const m of stated) {
    made.add(m).add(1 / m);
    for (const k of stated) made.add(m * k).add(m / k);
  }
  for (const c of solved) {
    // A stated number says the solved one more precisely, never less (0.62 of "62 runners" and
    // "100 euros" is no statement of a solved 0.6214).
    const near = [...made].filter((v) => v !== c && Math.abs(v - c) <= FACTOR_SLACK * Math.abs(c) && digits(v) > digits(c)).sort((a, b) => Math.abs(a - c) - Math.abs(b - c));
    for (const v of near) {
      const replaced = replaceSolved(e, c, v);
      if (fits(replaced)) return replaced;
    }
  }
  return undefined;
}

/**
 * `x + x` as `2 × x` where the description writes a 2 (round 28a): "2 per km" is the search's
 * `km + km` as much as `2 * km`, the same value everywhere, and read as found the program "uses no
 * 2", a question no answer settles. A term twice in a longer sum too (round 29a): `km + (km + 4)` is
 * `2 × km + 4`. Only a sum of numbers (on every example's input): `s + s` of a text is a repetition.
 */
export function doubledAsStated(e: Expr, mentioned: readonly number[], inputs: readonly Json[]): Expr {
  if (!mentioned.includes(2)) return e;
  const numeric = (x: Expr): boolean => inputs.every((i) => typeof runOn(x, i) === "number");
  const terms = (x: Expr): Expr[] => (x.k === "op" && x.op === "add" ? x.args.flatMap(terms) : [x]);
  const at = (x: Expr): Expr => {
    if (x.k !== "op" || x.op !== "add" || !numeric(x)) return mapChildren(x, at);
    const all = terms(x);
    const keys = all.map((t) => JSON.stringify(t));
    const k = keys.findIndex((key, i) => keys.indexOf(key) !== i);
    if (k < 0) return mapChildren(x, at);
    const twice = all[k] as Expr;
    const rest = all.filter((_, i) => i !== k && i !== keys.indexOf(keys[k] as string));
    return [op("mul", konst(2), at(twice)), ...rest.map(at)].reduce((sum, t) => op("add", sum, t));
  };
  return at(e);
}

/** Significant digits of a number as written. */
const digits = (v: number): number => Number(v).toPrecision(15).replace(/^-?0\.0*|\.|e.*$/g, "").replace(/0+$/, "").length;

/** `e` with the solved constant `c` replaced by the stated number `by`. */
function replaceSolved(e: Expr, c: number, by: number): Expr {
  if (e.k === "const") return e.solved === true && e.value === c ? { k: "const", value: by } : e;
  return mapChildren(e, (x) => replaceSolved(x, c, by));
}

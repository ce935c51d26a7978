/**
 * An answer the description states for inputs at or below a bound (round 26): "a length of 0 or
 * less gives 0", "Return null when the rate is 0 or negative", "null when either distance is 0 or
 * less", "null when the pressure is below 0.5". A person's examples are of the ordinary case, and a
 * formula that fits them has no value there (a root or a logarithm of a negative number) or the
 * wrong one. The description says what the answer is and for which inputs, so the program is
 * guarded as written: `length <= 0 ? 0 : program`. This is no search: the examples only have to
 * agree (an example inside the range must give the stated answer, or the guard is not taken). Fields
 * the description holds between two numbers ("first held between 0 and 100") are read through the
 * clamp the same way.
 */
import { fieldsNamed, keyWords } from "./described-formula/bind.ts";
import { numericFields } from "./described-formula/index.ts";
import { LOGARITHMS } from "./formula-ops.ts";
import { mapChildren, walk } from "./rank.ts";
import { isObj } from "./probes.ts";
import { body } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** One statement: the answer, the words that say for which inputs, and the range: at or below `bound` (`inclusive`), or below it. */
export interface StatedRange {
  readonly answer: Json;
  readonly words: readonly string[];
  readonly bound: number;
  readonly inclusive: boolean;
}

const NUM = "(?:-?\\d+(?:\\.\\d+)?|zero)";
/** "0 or less", "at most 0.2", "below 0.5", "negative": longer phrases first, a bound's number whole ("at most 0.2" is no "at most 0"). */
const RANGE = `${NUM} or (?:less|below|lower|under|negative)|negative or (?:zero|0)|not positive|(?:at or below|at most|not above|not more than|no more than|less than or equal to|less than|below|under) ${NUM}|negative`;
const ANSWER = "null|-?\\d+(?:\\.\\d+)?|zero";
/** "<answer> for/when <phrase> (is/of) <range>": "null for a length of 0 or less". */
const ANSWER_FIRST = new RegExp(`(?<![a-z0-9-])(?<!(?:times|over|plus|minus|by) )(${ANSWER}) (?:for|when|if|where|whenever) ((?:[a-z]+ ){0,6}?)(?:is |are |of |gets |becomes )?(${RANGE})(?![.\\d])`, "g");
/** "<phrase> (of/is) <range> gives <answer>": "a length of 0 or less gives 0". */
const RANGE_FIRST = new RegExp(`\\b((?:[a-z]+ ){1,6}?)(?:is |are |of )(${RANGE}) (?:gives|returns|yields|answers|means|is) (${ANSWER})(?![.\\d])`, "g");

const answerOf = (word: string): Json => (word === "null" ? null : word === "zero" ? 0 : Number(word));
/** The bound a range's words state, and whether it is in the range. */
function boundOf(range: string): { bound: number; inclusive: boolean } {
  const n = /-?\d+(?:\.\d+)?/.exec(range);
  const bound = n ? Number(n[0]) : 0;
  if (range === "negative") return { bound: 0, inclusive: false };
  return { bound, inclusive: !/^(less than|below|under) /.test(range) };
}
/** Signs written as words, so that "× 0.05 when …" keeps its operator before the number (no answer of its own). */
const signsInWords = (text: string): string => text.replace(/[×*·]/g, " times ").replace(/[÷/]/g, " over ").replace(/\+/g, " plus ");

/** A text in lower case with every mark but a number's sign and point a clause break ("|"). */
const plainText = (text: string): string => text.toLowerCase().replace(/[−–]/g, "-").replace(/\.(?!\d)|[^a-z0-9.\- ]+/g, " | ").replace(/\s+/g, " ");

/** The ranges the description states an answer for. */
export function statedRanges(description: string): StatedRange[] {
  // One clause at a time: signs and brackets are breaks, a minus before a number is kept.
  const text = plainText(signsInWords(description));
  const out: StatedRange[] = [];
  for (const clause of text.split("|").map((c) => c.trim())) {
    for (const m of clause.matchAll(ANSWER_FIRST)) out.push({ answer: answerOf(m[1] as string), words: (m[2] as string).split(" ").filter(Boolean), ...boundOf(m[3] as string) });
    for (const m of clause.matchAll(RANGE_FIRST)) out.push({ answer: answerOf(m[3] as string), words: (m[1] as string).split(" ").filter(Boolean), ...boundOf(m[2] as string) });
  }
  return out;
}


/** The top-level fields read where a number has no value: under a root or a logarithm, or as a divisor. */
function criticalFields(e: Expr): string[] {
  const out = new Set<string>();
  walk(e, (n) => {
    if (n.k !== "op") return;
    const at = n.op === "sqrt" || LOGARITHMS.has(n.op) ? n.args[0] : n.op === "div" ? n.args[1] : undefined;
    if (at) walk(at, (r) => r.k === "in" && r.path.length === 1 && out.add(r.path[0] as string));
  });
  return [...out];
}

const QUANTIFIER = new Set(["any", "either", "all", "every", "each", "one"]);
/** "any of the three", "either of them", "any input": every number field. */
const EVERY_ONE = /\b(of (them|these|those)|of the (two|three|four|five|inputs|numbers|values)|inputs?|numbers?|values?)\b/;

/**
 * The fields a statement's words are about: those they name; every number where they say "any of
 * the three"; for "either distance" that names none, the fields the program needs positive; for a
 * singular phrase that names none, the only number field there is. A phrase that negates ("no
 * voltage is left") or names nothing that fits is about no field: no guard.
 */
function fieldsOf(words: readonly string[], fields: readonly string[], program: Expr): string[] {
  // "both readings are 0 or less" holds of the two together, which a guard per field does not say.
  if (words.includes("no") || words.includes("not") || words.includes("both")) return [];
  const named = fieldsNamed(words, fields);
  if (named.length > 0) return named;
  if (words.some((w) => QUANTIFIER.has(w))) {
    if (EVERY_ONE.test(words.join(" "))) return [...fields];
    const critical = criticalFields(program).filter((f) => fields.includes(f));
    return critical.length >= 2 ? critical : [];
  }
  return fields.length === 1 && keyWords(words).length > 0 ? [...fields] : [];
}

const guard = (field: string, range: StatedRange, inner: Expr): Expr => ({
  k: "if",
  cond: { k: "op", op: range.inclusive ? "le" : "lt", args: [{ k: "in", path: [field] }, { k: "const", value: range.bound }] },
  then: { k: "const", value: range.answer },
  else: inner,
});

/** A field and the stated range it is guarded on. */
export interface StatedGuard {
  readonly field: string;
  readonly range: StatedRange;
}

/**
 * The guards the description states for `program`: each range it states an answer for, on the fields
 * its words are about, where the examples agree (none lies in the range, or each that does gives the
 * stated answer) and the answer fits the output (`fitsOutput`).
 */
export function statedGuards(program: Expr, description: string, examples: { inputs: readonly Json[]; outputs: readonly Json[] }, fitsOutput: (v: Json) => boolean): StatedGuard[] {
  const fields = numericFields(examples.inputs);
  const out: StatedGuard[] = [];
  for (const range of statedRanges(description)) {
    if (!fitsOutput(range.answer)) continue;
    for (const field of fieldsOf(range.words, fields, program)) {
      const inRange = (i: Json): boolean => isObj(i) && typeof i[field] === "number" && (range.inclusive ? (i[field] as number) <= range.bound : (i[field] as number) < range.bound);
      const agree = examples.inputs.every((input, k) => !inRange(input) || JSON.stringify(examples.outputs[k]) === JSON.stringify(range.answer));
      if (agree && !out.some((g) => g.field === field && g.range.bound === range.bound && g.range.inclusive === range.inclusive)) out.push({ field, range });
    }
  }
  // "0 when the rate is 0 or less, -1 when it is negative": the narrower range is tried first.
  return out.sort((a, b) => a.range.bound - b.range.bound || Number(a.range.inclusive) - Number(b.range.inclusive));
}

/** `program` behind its guards, the first stated outermost. */
export function guardedAsStated(program: Expr, guards: readonly StatedGuard[]): Expr {
  return guards.reduceRight((inner, g) => guard(g.field, g.range, inner), program);
}

/** A field the description holds between two numbers ("the percentages are first held between 0 and 100"). */
export interface StatedClamp {
  readonly field: string;
  readonly low: number;
  readonly high: number;
}

const NUMBER = "(-?\\d+(?:\\.\\d+)?)";
const HELD = new RegExp(`\\b((?:[a-z]+ ){1,5}?)(?:are |is )?(?:first |always )?(?:held|kept|clamped|limited|capped) (?:between|to|within) ${NUMBER} (?:and|to) ${NUMBER}\\b`, "g");

/**
 * The fields the description holds between two numbers, where every example's value lies there
 * (round 26): the program reads each through `Math.min(Math.max(field, low), high)`.
 */
export function statedClamps(description: string, inputs: readonly Json[]): StatedClamp[] {
  const fields = numericFields(inputs);
  const out: StatedClamp[] = [];
  for (const m of plainText(description).matchAll(HELD)) {
    const [low, high] = [Number(m[2]), Number(m[3])];
    if (!(low < high)) continue;
    for (const field of fieldsNamed((m[1] as string).split(" ").filter(Boolean), fields)) {
      const inside = inputs.every((i) => isObj(i) && typeof i[field] === "number" && (i[field] as number) >= low && (i[field] as number) <= high);
      if (inside && !out.some((c) => c.field === field)) out.push({ field, low, high });
    }
  }
  return out;
}

/** `e` reading each clamped field through its clamp. */
export function clampedAsStated(e: Expr, clamps: readonly StatedClamp[]): Expr {
  if (clamps.length === 0) return e;
  const clamp = (c: StatedClamp): Expr => ({ k: "op", op: "min2", args: [{ k: "op", op: "max2", args: [{ k: "in", path: [c.field] }, { k: "const", value: c.low }] }, { k: "const", value: c.high }] });
  const at = (x: Expr): Expr => {
    const c = x.k === "in" && x.path.length === 1 ? clamps.find((k) => k.field === x.path[0]) : undefined;
    return c ? clamp(c) : mapChildren(x, at);
  };
  return at(e);
}

/**
 * The input schema less the inputs the description settles: its answer below or at 0, a field
 * outside the range it is held to. No question is asked there (a reading that answers −69 years
 * for a negative rate is no rival of one that answers null as stated).
 */
export function unsettled(inputSchema: unknown, guards: readonly StatedGuard[], clamps: readonly StatedClamp[] = []): unknown {
  const field = (name: string, schema: object): object => ({ type: "object", required: [name], properties: { [name]: schema } });
  const settled = [
    ...guards.map((g) => field(g.field, g.range.inclusive ? { maximum: g.range.bound } : { exclusiveMaximum: g.range.bound })),
    ...clamps.flatMap((c) => [field(c.field, { exclusiveMaximum: c.low }), field(c.field, { exclusiveMinimum: c.high })]),
  ];
  return settled.length === 0 ? inputSchema : { allOf: [inputSchema, { not: { anyOf: settled } }] };
}

/**
 * An ambiguity's programs as stated too (guarded, clamped), and their readings' text with them: the
 * question is outside what the description settles (`unsettled`), so no reading's answer changes.
 */
export function guardedReadings(ambiguity: Ambiguity, asStated: (e: Expr) => Expr): Ambiguity {
  const programs = ambiguity.programs.map(asStated);
  const readings = ambiguity.readings.map((r, i) => {
    const was = ambiguity.programs[i];
    return was !== undefined && r.program === body(was) ? { ...r, program: body(programs[i] as Expr) } : r;
  });
  return { ...ambiguity, programs, readings };
}

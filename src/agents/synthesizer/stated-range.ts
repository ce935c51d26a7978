/**
 * An answer the description states for inputs at or below a bound (round 26): "a length of 0 or
 * less gives 0", "Return null when the rate is 0 or negative", "null when either distance is 0 or
 * less", "null when the pressure is below 0.5"; at or above one (round 27): "0 when the balance is
 * not negative"; or an amount it adds there (round 27): "minus 1 for a goal difference that is
 * negative"; or a rate on how far past a bound (round 28a): "plus 3.5 for each kg above 20". A person's examples are of the ordinary case, and a formula that fits them has no value
 * there (a root or a logarithm of a negative number) or the wrong one. The description says what the
 * answer is and for which inputs, so the program is guarded as written: `length <= 0 ? 0 : program`.
 * This is no search: the examples only have to agree (an example inside the range must give the
 * stated answer, or the guard is not taken). What the words are about is range-subjects.ts's to say.
 * Fields the description holds between two numbers ("first held between 0 and 100") are read
 * through the clamp the same way (stated-clamps.ts).
 */
import { numericFields } from "./described-formula/index.ts";
import { evaluate } from "./evaluate.ts";
import { close } from "./relations.ts";
import { derivedQuantity, fieldsOf, namesAnswer, subjectWords } from "./range-subjects.ts";
import { walk } from "./rank.ts";
import { body } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";
import { konst, op } from "./expr.ts";
import type { StatedClamp } from "./stated-clamps.ts";
import { writtenPattern, writtenReadings } from "./written-numbers.ts";

/**
 * One statement: the answer, the words that say for which inputs, and the range: at or below
 * `bound` (`inclusive`), or below it; at or above it, or above it, where `above`. Where `adds`, the
 * answer is a number added to the program's ("minus 1 for …" adds -1).
 */
export interface StatedRange {
  readonly answer: Json;
  readonly words: readonly string[];
  readonly bound: number;
  readonly inclusive: boolean;
  readonly above?: true;
  readonly adds?: true;
  /** "plus 3.5 for each kg above 20": the amount is added once per unit past the bound, `answer × (kg − 20)`. */
  readonly per?: true;
}

const NUM = "(?:-?\\d+(?:\\.\\d+)?|zero)";
/** A unit between a bound and "or more" / "or less": "30 kg or more", "10 items or more" (attack-round28 unitOrMoreNull). */
const UNIT = "(?: (?!or\\b|and\\b)[a-z]+)?";
/** "0 or less", "at most 0.2", "below 0.5", "negative": longer phrases first, a bound's number whole ("at most 0.2" is no "at most 0"). */
const BELOW = `${NUM}${UNIT} or (?:less|below|lower|under|negative)|negative or (?:zero|0)|not positive|(?:at or below|at most|not above|not more than|no more than|less than or equal to|less than|below|under) ${NUM}|negative`;
/**
 * "not negative", "0 or more", "at least 3", "over 2.5", "positive" ("÷" is read "divided-by", so
 * "over" is a range's word, round 28a). Before BELOW, so that "not negative" is not "negative" with
 * a "not" in its phrase.
 */
const ABOVE = `not negative|non-?negative|${NUM}${UNIT} or (?:more|above|greater|higher)|(?:at or above|at least|not below|not less than|no less than|greater than or equal to|more than|greater than|in excess of|exceeding|above|over|beyond|past) ${NUM}|positive`;
const RANGE = `${ABOVE}|${BELOW}`;
const ANSWER = "null|-?\\d+(?:\\.\\d+)?|zero";
/** "<answer> for/when <phrase> (is/of) <range>": "null for a length of 0 or less". */
const ANSWER_FIRST = new RegExp(`(?<![a-z0-9.-])(?<!(?:times|over|divided-by|plus|minus|by|less|off|-|discount of|deduction of|reduction of|surcharge of|fee of|charge of) )(${ANSWER}) (?:for (?!each |every )|when |if |where |whenever )((?:[a-z][a-z-]* ){0,6}?)(?:is |are |of |gets |becomes )?(${RANGE})(?![.\\d])`, "g");
/** "<phrase> (of/is) <range> gives <answer>": "a length of 0 or less gives 0" (a phrase's word may be hyphenated: "a take-home pay"). */
const RANGE_FIRST = new RegExp(`\\b((?:[a-z][a-z-]* ){1,6}?)(?:is |are |of )(${RANGE}) (?:gives|returns|yields|answers|means|is) (${ANSWER})(?![.\\d])`, "g");
/** The verbs that add or take off an amount ("plus 5", "deduct 2"). */
const AMOUNT_VERB = "plus|minus|add|adds|subtract|subtracts|deduct|deducts";
/** "plus/minus <amount> for/when <phrase> (that) is <range>": "minus 1 for a goal difference that is negative". */
const AMOUNT_FIRST = new RegExp(`\\b(${AMOUNT_VERB}) (\\d+(?:\\.\\d+)?) (?:for|when|if|where|whenever) (?!each |every )((?:[a-z][a-z-]* ){0,6}?)(?:that |which )?(?:is |are |of |gets |becomes )?(${RANGE})(?![.\\d])`, "g");

/**
 * "plus 3.5 for each kg above 20", "minus 2 for every degree below 15", "10 per day beyond 14": a rate
 * on how far a quantity is past a bound (round 28a), the words between naming its unit or field:
 * a unit that ends in digits is read alone ("for each m3 above 50", round 30a; "for each whole m3"
 * is no plain rate, and stays unread as before).
 */
const RATE = new RegExp(`\\b(?:(${AMOUNT_VERB}|and) )?(\\d+(?:\\.\\d+)?) (?:for each|for every|per|each|every) ((?:[a-z]+ ){1,3}?|[a-z]+\\d+ )(above|over|beyond|past|in excess of|exceeding|more than|below|under|less than) (-?\\d+(?:\\.\\d+)?|zero)(?![.\\d])`, "g");
/**
 * "2 per kg up to 20 kg", "15 per hour for the first 8": the rate below a bound. A rate above the
 * same bound then replaces it there (a tier): "… and 3 per kg above 20" adds 3 − 2 per kg past 20 to
 * the program the examples below it show, not 3 (attack-round28 marginalReplaces).
 */
const TIER_BELOW = new RegExp(`\\b(\\d+(?:\\.\\d+)?) (?:for each|for every|per|each|every) (?:[a-z]+ ){1,3}?(?:up to|for the first|until) (-?\\d+(?:\\.\\d+)?)(?![.\\d])`, "g");

/** The words that put a second rate past a tier's bound. */
const THEN = "then|after that|thereafter|beyond that|above that";
/**
 * "2 per km for the first 10 km, then 1 per km", "0.2 per kWh up to 100 kWh, and after that 0.3 per
 * kWh", "… and 0.25 per page thereafter": the rate past the tier's bound, stated with no bound of its
 * own. Read as a rate above that bound that replaces the first (attack-round30 twoRates); the clause
 * break between is kept ("| ").
 */
const TIER_THEN = new RegExp(`\\b(\\d+(?:\\.\\d+)?) (?:for each|for every|per|each|every) (?:[a-z]+ ){1,3}?(?:up to|for the first|until) (-?\\d+(?:\\.\\d+)?)(?![.\\d])(?: [a-z]+)? (?:\\| )?(?:and )?(?:(${THEN}) )?(\\d+(?:\\.\\d+)?) (?:for each|for every|per|each|every) ([a-z]+\\d*)\\b(?: (${THEN})\\b)?`, "g");

/** A rate less another, in the decimals they are written with (0.3 − 0.2 is 0.1, not 0.09999999999999998). */
const rateLess = (a: number, b: number): number => Number((a - b).toFixed(12));

const answerOf = (word: string): Json => (word === "null" ? null : word === "zero" ? 0 : Number(word));
/** The bound a range's words state, whether it is in the range, and whether the range is above it. */
function boundOf(range: string): { bound: number; inclusive: boolean; above?: true } {
  const n = /-?\d+(?:\.\d+)?/.exec(range);
  const bound = n ? Number(n[0]) : 0;
  if (range === "negative") return { bound: 0, inclusive: false };
  if (range === "positive") return { bound: 0, inclusive: false, above: true };
  if (new RegExp(`^(?:${ABOVE})$`).test(range)) return { bound, inclusive: !/^(more than|greater than|in excess of|exceeding|above|over|beyond|past) /.test(range), above: true };
  return { bound, inclusive: !/^(less than|below|under) /.test(range) };
}
/** Signs written as words, so that "× 0.05 when …" keeps its operator before the number (no answer of its own). */
const signsInWords = (text: string): string => text.replace(/[×*·]/g, " times ").replace(/[÷/]/g, " divided-by ").replace(/\+/g, " plus ");

/** A text in lower case, its numbers in plain digits, with every mark but a number's sign and point a clause break ("|"). */
const plainMarks = (text: string): string => text.toLowerCase().replace(/[−–]/g, "-").replace(/\.(?!\d)|[^a-z0-9.\- ]+/g, " | ").replace(/\s+/g, " ");
/** The plain text as its doubtful numbers read first ("1.000" a thousand), and the other way where any is doubtful (written-numbers.ts). */
export function plainTexts(text: string): { first: string; second?: string } {
  const { first, second } = writtenReadings(text);
  return second === undefined ? { first: plainMarks(first) } : { first: plainMarks(first), second: plainMarks(second) };
}

export const wordsOf = (phrase: string): string[] => phrase.split(" ").filter(Boolean);
/** The sign of an amount its verb gives ("minus 2", "deduct 5"; "plus", "and" or none: added). */
const signOf = (verb: string | undefined): number => (/^(minus|subtract|deduct)/.test(verb ?? "") ? -1 : 1);

/** One statement of a range: the range, and its words in the plain text; `other`, the range a doubtful number's other reading states. */
interface RangeStatement {
  readonly range: StatedRange;
  readonly text: string;
  readonly other?: StatedRange | "unpaired";
}

/**
 * The statements, each with its other reading where a number of it is doubtful ("above 1.000": a
 * thousand, or 1). Where the two readings state a different number of statements, one the other
 * does not state alike is "unpaired": no reading of it is taken.
 */
function rangeStatements(description: string): RangeStatement[] {
  const { first, second } = plainTexts(signsInWords(description));
  const out = statementsOf(first);
  if (second === undefined) return out;
  const others = statementsOf(second);
  const same = (a: StatedRange, b: StatedRange): boolean => JSON.stringify(a) === JSON.stringify(b);
  return out.map((s, k) => {
    const o = others.length === out.length ? (others[k] as RangeStatement).range : others.find((x) => same(x.range, s.range))?.range;
    if (o !== undefined && same(o, s.range)) return s;
    return { ...s, other: o ?? "unpaired" };
  });
}

function statementsOf(text: string): RangeStatement[] {
  // One clause at a time: signs and brackets are breaks, a minus before a number is kept.
  const out: RangeStatement[] = [];
  const tiers = new Map([...text.matchAll(TIER_BELOW)].map((m) => [Number(m[2]), Number(m[1])]));
  for (const m of text.matchAll(TIER_THEN)) {
    if (m[3] === undefined && m[6] === undefined) continue;
    const range: StatedRange = { answer: rateLess(Number(m[4]), Number(m[1])), words: [m[5] as string], bound: Number(m[2]), inclusive: false, above: true, adds: true, per: true };
    out.push({ range, text: m[0].replace(/\| /g, "") });
  }
  for (const clause of text.split("|").map((c) => c.trim())) {
    for (const m of clause.matchAll(ANSWER_FIRST)) out.push({ range: { answer: answerOf(m[1] as string), words: wordsOf(m[2] as string), ...boundOf(m[3] as string) }, text: m[0] });
    for (const m of clause.matchAll(RANGE_FIRST)) {
      const words = subjectWords(wordsOf(m[1] as string));
      out.push({ range: { answer: answerOf(m[3] as string), words, ...boundOf(m[2] as string) }, text: `${words.join(" ")} ${m[0].slice((m[1] as string).length)}` });
    }
    for (const m of clause.matchAll(RATE)) {
      const bounds = boundOf(`${m[4]} ${m[5]}`);
      const below = bounds.above ? tiers.get(bounds.bound) : undefined;
      out.push({ range: { answer: rateLess(signOf(m[1]) * Number(m[2]), below ?? 0), words: wordsOf(m[3] as string), ...bounds, inclusive: false, adds: true, per: true }, text: m[0] });
    }
    for (const m of clause.matchAll(AMOUNT_FIRST)) {
      out.push({ range: { answer: signOf(m[1]) * Number(m[2]), words: wordsOf(m[3] as string), ...boundOf(m[4] as string), adds: true }, text: m[0] });
    }
  }
  return out;
}

/** The ranges the description states an answer for. */
export function statedRanges(description: string): StatedRange[] {
  return rangeStatements(description).map((s) => s.range);
}

/** A word of the plain text as the description may write it ("plus" is "+"). */
const WRITTEN: Readonly<Record<string, string>> = { plus: "(?:plus|\\+)", times: "(?:times|[×*·])", "divided-by": "(?:divided-by|[÷/])" };
/** A number may be written "1,000", "1.000", "1 000", "1'000", "1,00,000", "1k", "$1,000" or "1,5" (written-numbers.ts). */
const writtenAs = (word: string): string => WRITTEN[word] ?? word.replace(/-/g, "[-−–]").replace(/\d+(?:\.\d+)?/g, writtenPattern);

/**
 * The description less the statements its guards come from ("minus 10 when the member years are at
 * least 5"): what the rest says of the ordinary case, for the ranking. Read with them, "at least 5"
 * is a floor of the answer and the 10 a number the program should use, where both are the guard's.
 */
export function withoutGuarded(description: string, guards: readonly StatedGuard[]): string {
  const key = (r: StatedRange): string => JSON.stringify([r.answer, r.words, r.adds]);
  const guarded = new Set(guards.map((g) => key(g.range)));
  return withoutStatements(description, (r) => guarded.has(key(r)));
}

/** The description less the statements `picked` names, each where its words are written. */
function withoutStatements(description: string, picked: (r: StatedRange) => boolean): string {
  let out = description;
  for (const s of rangeStatements(description)) {
    if (!picked(s.range)) continue;
    out = out.replace(new RegExp(wordsOf(s.text).map(writtenAs).join("[^a-z0-9]+"), "i"), " ");
  }
  return out;
}

/** What may stay of a clause once the rates are read: nothing, or the ordinary case's answer alone ("20", "else 7"). */
const LEFT_ALONE = /^(?:(?:else|otherwise)\s+)?(?:-?\d+(?:\.\d+)?|zero)?(?:\s+(?:otherwise|else))?$/i;

/**
 * Whether the description's rates past a bound are all it says besides a label and the ordinary
 * case's answer ("Data charge: 20, plus 4 per GB in excess of 10"; "Fare: 2 per km for the first
 * 10 km, then 1 per km"): only then is an example past a bound the ordinary answer plus the rate's
 * amount (round 31). "up to 50 in all", "never below 0", "(the weight is given in grams)" say more,
 * and such an example is the search's to fit, the rate not taken there.
 */
export function ratesAlone(description: string): boolean {
  const rest = withoutStatements(description, (r) => r.per === true);
  if (rest === description) return false;
  const colon = rest.indexOf(":");
  if (/\d/.test(rest.slice(0, Math.max(colon, 0)))) return false;
  return rest.slice(colon + 1).split(/[;,]|\.(?!\d)/).every((c) => LEFT_ALONE.test(c.trim()));
}

/** A quantity the program is guarded on, and the stated range; `field` where the quantity is one (the question's schema leaves its range out). */
export interface StatedGuard {
  readonly at: Expr;
  readonly field?: string;
  /** The quantity is the answer itself ("Net bonus: … A net bonus of 0 or less gives 0"): each program guards its own. */
  readonly onAnswer?: true;
  readonly range: StatedRange;
}

const inField = (field: string): Expr => ({ k: "in", path: [field] });
const cmpOp = (r: StatedRange): string => (r.above ? (r.inclusive ? "ge" : "gt") : r.inclusive ? "le" : "lt");

/** What a range adds: its amount, or its rate times how far `at` is past the bound ("3.5 for each kg above 20"). */
function added(range: StatedRange, at: Expr): Expr {
  if (!range.per) return konst(range.answer);
  const past = range.above ? op("sub", at, konst(range.bound)) : op("sub", konst(range.bound), at);
  return op("mul", konst(range.answer), past);
}

function guard(g: StatedGuard, inner: Expr): Expr {
  const { range } = g;
  // A guard on the answer ("a net bonus of 0 or less gives 0") reads the program it guards.
  const at = g.onAnswer ? inner : g.at;
  const then: Expr = range.adds ? op("add", inner, added(range, at)) : konst(range.answer);
  return { k: "if", cond: op(cmpOp(range), at, konst(range.bound)), then, else: inner };
}

/** Whether a quantity's value on an input lies in a range. */
export function inRange(at: Expr, range: StatedRange, input: Json): boolean {
  const v = evaluate(at, { input });
  if (typeof v !== "number") return false;
  if (range.above) return range.inclusive ? v >= range.bound : v > range.bound;
  return range.inclusive ? v <= range.bound : v < range.bound;
}

/**
 * The guards of one statement: on the derived quantity its words name ("an excess" beside "weight −
 * 23": a field less a number is that field against the bound moved), else on each field they name.
 */
function guardsOf(range: StatedRange, fields: readonly string[], program: Expr, description: string): StatedGuard[] {
  if (!range.adds && namesAnswer(range.words, fields, description)) return [{ at: program, range, onAnswer: true }];
  const derived = derivedQuantity(range.words, fields, description);
  if (derived?.k === "op") {
    const [a, b] = derived.args;
    if (a?.k === "in" && b?.k === "const" && typeof b.value === "number") return [{ at: a, field: a.path[0] as string, range: { ...range, bound: range.bound + b.value } }];
    return [{ at: derived, range }];
  }
  return fieldsOf(range.words, fields, program).map((field) => ({ at: inField(field), field, range }));
}

/** The examples a program has to fit, inputs and outputs. */
interface Examples {
  readonly inputs: readonly Json[];
  readonly outputs: readonly Json[];
}

/**
 * Whether the examples agree with a guard: none lies in its range, or each that does gives the
 * stated answer (none, for an amount added). A rate past a bound ("then 1 per km", "2 per day past
 * 30") is the program's answer plus the rate times the excess there: an example past the bound agrees
 * where the guarded program gives its answer; before the search, where the rates are all the
 * description says (`ratesAlone`: the search then fits such an example less the rate's amount,
 * `lessStatedRates`).
 */
function agrees(g: StatedGuard, examples: Examples, program: Expr, alone: boolean): boolean {
  return examples.inputs.every((input, k) => {
    if (!inRange(g.at, g.range, input)) return true;
    if (!g.range.adds) return JSON.stringify(examples.outputs[k]) === JSON.stringify(g.range.answer);
    if (!g.range.per) return false;
    if (program === BEFORE_SEARCH) return alone;
    // Alike but for the last bits a formula computed in another order may change.
    const [got, want] = [evaluate(guard(g, program), { input }), examples.outputs[k]];
    return typeof got === "number" && typeof want === "number" && close(got, want);
  });
}

/**
 * Of two readings of a doubtful bound's guard ("below 1.000": a thousand, or 1), the one the
 * examples settle. An example between the two bounds lies in the wider range only: an answer there
 * other than the stated one refutes the wider reading; the stated answer supports it only where the
 * program itself answers otherwise (4 × (weight − 2) is 0 at 2 under either reading: no evidence),
 * or before the search (`BEFORE_SEARCH`).
 * "undecided" where nothing settles it (or the amount is added: the program fits an example however
 * it is read, unless it is the formula the description states) and both agree; undefined where none is left.
 */
function settledReading(a: StatedGuard, b: StatedGuard, examples: Examples, program: Expr, alone: boolean): StatedGuard | "undecided" | undefined {
  const open = [a, b].filter((g) => agrees(g, examples, program, alone));
  if (open.length === 0) return undefined;
  // An amount added: an example in one reading's range that the description's own formula fits
  // without the amount refutes that reading (round 30a: "3 × pallets, plus 50 when the pallets are
  // over 1,000" with 400 → 1200 is not over 1); a formula the search wrote may have taken the amount in.
  if (a.range.adds) return open.length === 1 && program.k === "op" && program.stated === true ? open[0] : "undecided";
  let refuted: StatedGuard | undefined;
  let supported: StatedGuard | undefined;
  examples.inputs.forEach((input, k) => {
    const [inA, inB] = [inRange(a.at, a.range, input), inRange(b.at, b.range, input)];
    if (inA === inB) return;
    const wider = inA ? a : b;
    const answer = JSON.stringify(wider.range.answer);
    if (JSON.stringify(examples.outputs[k]) !== answer) refuted = wider;
    else if (program === BEFORE_SEARCH || JSON.stringify(evaluate(program, { input }) ?? null) !== answer) supported = wider;
  });
  // A refuted wider reading leaves the narrower, even beside an example that seemed to support it.
  const settled = refuted ? (refuted === a ? b : a) : supported;
  if (settled === undefined) return open.length === 2 ? "undecided" : undefined;
  return agrees(settled, examples, program, alone) ? settled : undefined;
}

/** A description's guards for a program, and the pairs of readings of a doubtful bound no example settles (a question, doubtful-bounds.ts). */
export interface ReadGuards {
  readonly guards: StatedGuard[];
  readonly doubts: [StatedGuard, StatedGuard][];
}

/**
 * The guards the description states for `program`: each range it states an answer for, on what its
 * words are about, where the examples agree (none lies in the range, or each that does gives the
 * stated answer; none, for an amount added) and the answer fits the output (`fitsOutput`). A bound
 * written in a doubtful format is taken only as the examples settle it; the two readings of one
 * they leave open are `doubts`.
 */
export function readGuards(program: Expr, description: string, examples: Examples, fitsOutput: (v: Json) => boolean): ReadGuards {
  const fields = numericFields(examples.inputs);
  const out: StatedGuard[] = [];
  const doubts: [StatedGuard, StatedGuard][] = [];
  const same = (a: StatedGuard, b: StatedGuard): boolean => JSON.stringify([a.at, a.range.bound, a.range.inclusive, a.range.above, a.range.adds]) === JSON.stringify([b.at, b.range.bound, b.range.inclusive, b.range.above, b.range.adds]);
  const fits = (range: StatedRange): boolean => fitsOutput(range.adds ? 0 : range.answer);
  // Whether the rates are all the description says, read once for every guard (`ratesAlone`).
  const alone = ratesAlone(description);
  for (const { range, other } of rangeStatements(description)) {
    // An amount added is no answer of its own: "plus 3.5 for each kg" beside whole examples still adds 3.5.
    if (other === "unpaired" || !fits(range) || (other && !fits(other))) continue;
    const mine = guardsOf(range, fields, program, description);
    const theirs = other ? guardsOf(other, fields, program, description) : [];
    mine.forEach((g, k) => {
      const o = theirs[k];
      // The program fits every example already: one in the range with an amount added would be off by it.
      const taken = o === undefined ? (agrees(g, examples, program, alone) ? g : undefined) : settledReading(g, o, examples, program, alone);
      if (taken === "undecided") doubts.push([g, o as StatedGuard]);
      else if (taken && !out.some((x) => same(x, taken))) out.push(taken);
    });
  }
  return { guards: out.sort(narrowerFirst), doubts };
}

/** The guards alone (`readGuards`). */
export function statedGuards(program: Expr, description: string, examples: Examples, fitsOutput: (v: Json) => boolean): StatedGuard[] {
  return readGuards(program, description, examples, fitsOutput).guards;
}

/**
 * The program the guards are read for before the search has found one (a constant): an example's
 * stated answer then supports the wider reading of a doubtful bound, and the search fits the rest;
 * the guards are read again for the program found, which may give that answer itself.
 */
export const BEFORE_SEARCH: Expr = { k: "const", value: 0 };

/**
 * "0 when the rate is 0 or less, -1 when it is negative": the narrower range is tried first (the
 * lower bound below, the higher above), and an amount added last, inside every stated answer.
 */
function narrowerFirst(a: StatedGuard, b: StatedGuard): number {
  const rank = (g: StatedGuard): number => (g.range.adds ? 2 : g.range.above ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const dir = a.range.above ? -1 : 1;
  return dir * (a.range.bound - b.range.bound) || dir * (Number(a.range.inclusive) - Number(b.range.inclusive));
}
/**
 * The examples a field's guard answers as stated ("null for an income over 100 000" and an income
 * of 125000 → null): the guard's, not the ordinary case's, where any example is left beside them.
 */
export function answeredByGuards<E extends { readonly input: unknown; readonly output: unknown }>(guards: readonly StatedGuard[], examples: readonly E[]): E[] {
  const answered = examples.filter((e) => guards.some((g) => g.field !== undefined && !g.range.adds && inRange(g.at, g.range, e.input as Json)));
  return answered.length < examples.length ? answered : [];
}

/**
 * The examples as the search is to fit them: one past the bound of a stated rate ("2 per day past
 * 30") less the rate's amount there, the ordinary case's answer, where the rates are all the
 * description says (`ratesAlone`); `shifted`, the examples changed.
 */
export function lessStatedRates<E extends { readonly input: unknown; readonly output: unknown }>(guards: readonly StatedGuard[], examples: readonly E[], description: string): { examples: E[]; shifted: E[] } {
  const rates = ratesAlone(description) ? guards.filter((g) => g.range.per) : [];
  const shifted: E[] = [];
  const out = examples.map((e) => {
    let output = e.output;
    for (const g of rates) {
      const amount = inRange(g.at, g.range, e.input as Json) ? evaluate(added(g.range, g.at), { input: e.input as Json }) : undefined;
      if (typeof amount === "number" && typeof output === "number") output = output - amount;
    }
    if (output === e.output) return e;
    shifted.push(e);
    return { ...e, output };
  });
  return { examples: out, shifted };
}

/** The fields the guards read. */
export function guardedFields(guards: readonly StatedGuard[]): Set<string> {
  const out = new Set<string>();
  for (const g of guards) if (!g.onAnswer) walk(g.at, (n) => n.k === "in" && n.path.length === 1 && out.add(n.path[0] as string));
  return out;
}

/** `program` behind its guards, the first stated outermost. */
export function guardedAsStated(program: Expr, guards: readonly StatedGuard[]): Expr {
  return guards.reduceRight((inner, g) => guard(g, inner), program);
}

/** The schema of a number in a range. */
function rangeSchema(r: StatedRange): object {
  if (r.above) return r.inclusive ? { minimum: r.bound } : { exclusiveMinimum: r.bound };
  return r.inclusive ? { maximum: r.bound } : { exclusiveMaximum: r.bound };
}

/**
 * The input schema less the inputs the description settles: its answer below or at 0, a field
 * outside the range it is held to. No question is asked there (a reading that answers −69 years
 * for a negative rate is no rival of one that answers null as stated).
 */
export function unsettled(inputSchema: unknown, guards: readonly StatedGuard[], clamps: readonly StatedClamp[] = []): unknown {
  const field = (name: string, schema: object): object => ({ type: "object", required: [name], properties: { [name]: schema } });
  const settled = [
    // An amount added settles no answer: the program still answers there, plus it ("30, plus 12 for
    // each kg above 23" is no licence for `max(kg, 30)` where only a kg above 23 shows it).
    ...guards.flatMap((g) => (g.field === undefined || g.range.adds ? [] : [field(g.field, rangeSchema(g.range))])),
    ...clamps.flatMap((c) => (c.element ? [] : [field(c.field, { exclusiveMaximum: c.low }), ...(c.high === undefined ? [] : [field(c.field, { exclusiveMinimum: c.high })])])),
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

/**
 * A ladder of answers the description states by thresholds: "A from 90, B from 80, C from 70,
 * otherwise F", "\"high\" above 30, \"medium\" above 10, else \"low\"", "under 10: small; under 50:
 * medium; otherwise large". Each rung is an answer and a bound on one number; the default is the
 * answer "otherwise". The bottom-up search would need every rung's constant and answer at once (a
 * program of size 13 for three rungs), which four examples cannot pay for; read from the words, the
 * whole ladder is one term (as a written formula is: described-formula/), tried on the numeric field
 * the words name and kept only where it gives every example's answer. The ranking and every check
 * of ambiguity apply to it as to any other program: the words are evidence, never a licence.
 *
 * A ladder is read only where its sentence says nothing more about numbers: every number in it is a
 * rung's bound, a rung's answer or the default. A number left over is a rule the ladder would drop
 * ("(orders under 20 euros pay 2 more)", "between 10 and 20", "from 5,5"), and a dropped rung the
 * examples never reach would be published silently, its side `stated` and so never asked about.
 */
import { jsonEqual } from "../../spec/index.ts";
import { evaluate } from "./evaluate.ts";
import { konst, op } from "./expr.ts";
import { kindOf } from "./kinds.ts";
import { FAIL } from "./ops.ts";
import { numericFields } from "./described-formula/index.ts";
import { fieldWords, fieldsNamed, keyWords } from "./described-formula/bind.ts";
import type { Entry, Expr, Json } from "./types.ts";

type Cmp = "ge" | "gt" | "le" | "lt";

interface Rung {
  readonly answer: string;
  readonly cmp: Cmp;
  readonly bound: number;
}

export interface Ladder {
  readonly rungs: readonly Rung[];
  readonly otherwise: string;
  /** The sentence that states it: the words that may name its field. */
  readonly sentence: string;
}

/** An answer as written: quoted text, a number, or one short word (a grade, a size). */
const ANSWER = String.raw`"([^"]{1,40})"|'([^']{1,40})'|(-?\d+(?:\.\d+)?(?!\d|\.\d)|[A-Za-z][\w+-]{0,11})`;
const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
/** Where a rung or the default ends: a mark, the end, or the next clause (one unit word may come first: "10 kg,"). */
const END = String.raw`(?:\s*[A-Za-z%°€$£]{1,12}\b)?(?=\s*(?:[,;.:)]|$|(?:and|or|otherwise|else|then)\b))`;
/** Words of a bound before its number, each with its comparison. */
const BEFORE: ReadonlyArray<readonly [string, Cmp]> = [
  ["from", "ge"], ["at least", "ge"], ["starting at", "ge"], ["above", "gt"], ["over", "gt"], ["more than", "gt"], ["greater than", "gt"],
  ["below", "lt"], ["under", "lt"], ["less than", "lt"], ["at most", "le"], ["up to", "le"],
  [">=", "ge"], ["≥", "ge"], [">", "gt"], ["<=", "le"], ["≤", "le"], ["<", "lt"],
];
/** Words of a bound after its number ("90 or more"), each with its comparison. */
const AFTER: ReadonlyArray<readonly [string, Cmp]> = [
  ["or more", "ge"], ["or above", "ge"], ["and above", "ge"], ["and up", "ge"], ["and over", "ge"], ["or higher", "ge"], ["and higher", "ge"], ["or greater", "ge"], ["+", "ge"],
  ["or less", "le"], ["or below", "le"], ["and below", "le"], ["and under", "le"], ["or lower", "le"], ["and lower", "le"], ["or fewer", "le"],
];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
const BEFORE_WORDS = BEFORE.map(([w]) => escape(w)).join("|");
const AFTER_WORDS = AFTER.map(([w]) => escape(w)).join("|");
/** What may stand between an answer and its bound: "when the score is", "for a weight", "if", a colon. */
const BETWEEN = String.raw`(?:\s*:|\s+(?:(?:when|if|for|with)(?:\s+(?:the|a|an|its|it|is|are|of))*(?:\s+[a-z_]+){0,2}?(?:\s+(?:is|are))?))?`;
/** "A from 90", "\"high\" when the reading is above 30", "B for 80 or more", "A: 90 and above". */
const ANSWER_FIRST = new RegExp(String.raw`(?<![\w"'])(?:${ANSWER})${BETWEEN}\s*(?:(${BEFORE_WORDS})\s*${NUMBER}|(?:for\s+|at\s+)?${NUMBER}\s*(${AFTER_WORDS}))${END}`, "gid");
/** "under 10: small", "above 30 → high", "90 or more gives A". */
const BOUND_FIRST = new RegExp(String.raw`(?:(${BEFORE_WORDS})\s*${NUMBER}|${NUMBER}\s*(${AFTER_WORDS}))(?:\s+[a-z]+){0,1}\s*(?::|→|->|=>|=|\bgives\b|\bis\b|\bmeans\b)\s*(?:${ANSWER})${END}`, "gid");
/** "otherwise F", "else \"low\"", "anything else is C". */
const DEFAULT_AFTER = new RegExp(String.raw`\b(?:otherwise|else|anything else|everything else|all others?)\b[,:]?\s*(?:(?:it\s+is|is|gives|get|gets)\s+)?(?:${ANSWER})${END}`, "gid");
/** "F otherwise", "12 for anything else", "12 for heavier parcels". */
const DEFAULT_BEFORE = new RegExp(String.raw`(?<![\w"'])(?:${ANSWER})\s+(?:otherwise|for (?:anything|everything) else|for all others?|for (?:heavier|larger|longer|bigger|higher|older|more)(?:\s+[a-z]+)?)${END}`, "gid");
/** Numbers written with a mark or a space between groups of digits: a thousand or a fraction, which the words alone do not say. */
const DOUBTFUL = /\d[.,]\d{3}(?!\d)|\d,\d|\d \d{3}(?!\d)/;
/** Every number written in a sentence (a decimal comma's digits are two numbers: nothing reads "5,5" as 5). */
const ANY_NUMBER = /-?\d+(?:\.\d+)?/g;

/** Most ladders tried per spec (fields × readings). */
const MAX_LADDERS = 4;
/** Words a bare answer never is: they begin the clause, not answer it. */
const NOT_ANSWERS = new Set(["and", "or", "the", "a", "an", "is", "it", "be", "then", "to", "of", "if", "when", "for", "with", "from", "at", "by", "in", "on", "score", "value", "number", "otherwise", "else"]);

const cmpOf = (words: string, table: ReadonlyArray<readonly [string, Cmp]>): Cmp | undefined => {
  const said = words.trim().replace(/\s+/g, " ").toLowerCase();
  return table.find(([w]) => w === said)?.[1];
};

const answerOf = (m: RegExpMatchArray, from: number): string | undefined => {
  const text = m[from] ?? m[from + 1] ?? m[from + 2];
  if (text === undefined) return undefined;
  // "a" is an article and "A" a grade; "The" or "If" begin a sentence.
  const word = text.length > 1 ? text.toLowerCase() : text;
  return m[from + 2] !== undefined && NOT_ANSWERS.has(word) ? undefined : text;
};

/** The ladders the description states, one per sentence that states one. */
export function statedLadders(description: string): Ladder[] {
  // The minus sign as typeset ("under −2") is a minus.
  const text = description.replace(/\u2212/g, "-");
  return text.split(/(?<=[.!?])\s+|\n+/).flatMap((sentence) => {
    const ladder = ladderIn(sentence);
    return ladder ? [ladder] : [];
  });
}

/** The first ladder the description states, or undefined. */
export function statedLadder(description: string): Ladder | undefined {
  return statedLadders(description)[0];
}

function ladderIn(sentence: string): Ladder | undefined {
  // A number in a doubtful format ("2.000", "1,5", "100 000": a thousand or a fraction) is no
  // bound to state; doubtful-bounds.ts asks about it.
  if (DOUBTFUL.test(sentence)) return undefined;
  return ladderAs(sentence, ANSWER_FIRST, 1, [4, 7], [5, 6]) ?? ladderAs(sentence, BOUND_FIRST, 5, [1, 4], [2, 3]);
}

/** Words of a condition no rung states ("if the weight is negative, …"): a rule the ladder would drop. */
const CONDITION = /\b(?:if|when|unless|except|negative|positive|zero|empty|missing|none|null)\b/gi;

/** The ladder of one form (the answer first, or the bound first), given where its groups stand. */
function ladderAs(sentence: string, form: RegExp, answerAt: number, cmpAt: readonly [number, number], boundAt: readonly [number, number]): Ladder | undefined {
  const rungs: Rung[] = [];
  /** Where each number the ladder reads starts, and the spans of its rungs and default. */
  const read = new Set<number>();
  const spans: [number, number][] = [];
  const note = (m: RegExpMatchArray, groups: readonly number[]): void => {
    for (const g of groups) {
      const at = m.indices?.[g];
      if (at) read.add(at[0]);
    }
    spans.push([m.index as number, (m.index as number) + m[0].length]);
  };
  for (const m of sentence.matchAll(form)) {
    const answer = answerOf(m, answerAt);
    const cmp = m[cmpAt[0]] !== undefined ? cmpOf(m[cmpAt[0]] as string, BEFORE) : cmpOf(m[cmpAt[1]] ?? "", AFTER);
    const bound = Number(m[boundAt[0]] ?? m[boundAt[1]]);
    if (answer === undefined || cmp === undefined || !Number.isFinite(bound)) continue;
    rungs.push({ answer, cmp, bound });
    note(m, [answerAt + 2, ...boundAt]);
  }
  if (rungs.length === 0) return undefined;
  let otherwise: string | undefined;
  for (const re of [DEFAULT_AFTER, DEFAULT_BEFORE]) {
    for (const m of sentence.matchAll(re)) {
      const answer = answerOf(m, 1);
      if (answer === undefined || otherwise !== undefined) continue;
      otherwise = answer;
      note(m, [3]);
    }
  }
  // A number the ladder does not read, or a condition outside its rungs, is a rule it would drop.
  const inside = (at: number): boolean => spans.some(([a, b]) => at >= a && at < b);
  for (const m of sentence.matchAll(ANY_NUMBER)) if (!read.has(m.index) && !read.has(m.index + 1)) return undefined;
  for (const m of sentence.matchAll(CONDITION)) if (!inside(m.index)) return undefined;
  return ordered(rungs, otherwise, sentence);
}

/** The comparison that holds exactly where another fails, at the same bound. */
const COMPLEMENT: Readonly<Record<Cmp, Cmp>> = { ge: "lt", lt: "ge", gt: "le", le: "gt" };
const isLower = (r: Rung): boolean => r.cmp === "ge" || r.cmp === "gt";

/**
 * Rungs in the order they are tried: lower bounds from the highest down, upper bounds from the
 * lowest up (as the person means "C from 70, B from 80, A from 90"). Where both kinds are stated
 * they must not overlap ("A from 90, F under 40"); with no default, a rung of one kind alone that
 * is the others' complement ("F: below 70" beside "C: 70 and above") is the default.
 */
function ordered(rungs: readonly Rung[], otherwise: string | undefined, sentence: string): Ladder | undefined {
  const lower = rungs.filter(isLower).sort((a, b) => b.bound - a.bound);
  const upper = rungs.filter((r) => !isLower(r)).sort((a, b) => a.bound - b.bound);
  if (otherwise === undefined) {
    const complement = (rest: readonly Rung[], lone: readonly Rung[]): Ladder | undefined => {
      const last = rest.at(-1);
      const one = lone[0];
      if (lone.length !== 1 || !last || !one || last.bound !== one.bound || COMPLEMENT[last.cmp] !== one.cmp) return undefined;
      return { rungs: rest, otherwise: one.answer, sentence };
    };
    return complement(lower, upper) ?? complement(upper, lower);
  }
  const top = upper.at(-1);
  const bottom = lower.at(-1);
  if (top && bottom && (top.bound > bottom.bound || (top.bound === bottom.bound && top.cmp === "le" && bottom.cmp === "ge"))) return undefined;
  return { rungs: [...lower, ...upper], otherwise, sentence };
}

/** The answer as the examples write theirs: a number where they are numbers, else the text. */
function written(answer: string, outputs: readonly Json[]): Json {
  return outputs.every((o) => typeof o === "number") && /^-?\d+(?:\.\d+)?$/.test(answer) ? Number(answer) : answer;
}

function ladderExpr(subject: Expr, ladder: Ladder, outputs: readonly Json[]): Expr {
  // Each rung's comparison is `stated`: the words fix its bound and its side (rival-readings.ts).
  const stated = (r: Rung): Expr => ({ k: "op", op: r.cmp, args: [subject, konst(r.bound)], stated: true });
  return ladder.rungs.reduceRight<Expr>((rest, r) => ({ k: "if", cond: stated(r), then: konst(written(r.answer, outputs)), else: rest }), konst(written(ladder.otherwise, outputs)));
}

const wordsOf = (text: string): string[] => text.match(/[A-Za-z]+/g) ?? [];

/** A number the words name of a list or a text: "the number of items", "the sum of the amounts", "the length of the code". */
const MEASURE = /\b(number|count|how many|length|sum|total|average|mean)\s+(?:of\s+)?(?:(?:the|its|their|his|her|our|all|an?)\s+)*([A-Za-z]+)/gi;
const MEASURES: Record<string, { op: string; fits: (v: Json) => boolean }> = {
  number: { op: "len", fits: Array.isArray },
  count: { op: "len", fits: Array.isArray },
  "how many": { op: "len", fits: Array.isArray },
  length: { op: "len", fits: (v) => Array.isArray(v) || typeof v === "string" },
  sum: { op: "sum", fits: (v) => Array.isArray(v) && v.every((x) => typeof x === "number") },
  total: { op: "sum", fits: (v) => Array.isArray(v) && v.every((x) => typeof x === "number") },
  average: { op: "mean", fits: (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number") },
  mean: { op: "mean", fits: (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number") },
};

/** A count of a text's words: "the length of the message in words", "the number of words in the message". */
const IN_WORDS = /^\s+in\s+words\b/i;
const WORDS_OF = /\b(?:number|count) of words (?:in|of) (?:the |its |their )?([A-Za-z]+)/gi;

/** The number of a field that is no number which the words name ("by the number of items": `items.length`), where every example has it. */
function measureOf(text: string, field: string, inputs: readonly Json[]): Expr | undefined {
  const own = new Set(fieldWords(field));
  const names = (word: string): boolean => keyWords([word]).some((w) => own.has(w));
  const texts = inputs.every((row) => typeof (row as Record<string, Json>)[field] === "string");
  const words = (): Expr => op("len", op("words", { k: "in", path: [field] }));
  for (const m of text.matchAll(WORDS_OF)) if (texts && names(m[1]!)) return words();
  for (const m of text.matchAll(MEASURE)) {
    const measure = MEASURES[m[1]!.toLowerCase().replace(/\s+/g, " ")];
    if (!measure || !names(m[2]!)) continue;
    if (texts && IN_WORDS.test(text.slice(m.index + m[0].length))) return measure.op === "len" ? words() : undefined;
    if (inputs.every((row) => measure.fits((row as Record<string, Json>)[field] as Json))) return op(measure.op, { k: "in", path: [field] });
  }
  return undefined;
}

/**
 * The number a ladder speaks of: the numeric field its sentence names, else the one the whole
 * description names, else the input's only field; a named field that is no number only through
 * the measure the words give of it ("by the number of items": `items.length`, "the sum of the
 * amounts"). None where the words name a field and no number of it: a number that fits the
 * examples by chance is no reading of them.
 */
function subjectsOf(ladder: Ladder, description: string, inputs: readonly Json[]): Expr[] {
  const input = inputs[0];
  if (input === null || typeof input !== "object" || Array.isArray(input)) return [];
  const fields = Object.keys(input);
  const numeric = new Set(numericFields(inputs));
  for (const text of [ladder.sentence, description]) {
    const named = fieldsNamed(wordsOf(text), fields);
    if (named.length > 0) {
      return named.flatMap((f) => {
        const subject = numeric.has(f) ? ({ k: "in", path: [f] } as Expr) : measureOf(text, f, inputs);
        return subject ? [subject] : [];
      });
    }
  }
  return fields.length === 1 && numeric.has(fields[0]!) ? [{ k: "in", path: [fields[0]!] }] : [];
}

/**
 * The stated ladders on the numeric fields their words name where they give every example's answer
 * (the first `exampleRows` rows), as terms of the top-level search with their values on every row.
 */
export function ladderTerminals(description: string, inputs: readonly Json[], outputs: readonly Json[], exampleRows = inputs.length): Entry[] {
  if (outputs.length === 0) return [];
  const out: Entry[] = [];
  for (const ladder of statedLadders(description)) {
    for (const subject of subjectsOf(ladder, description, inputs.slice(0, exampleRows))) {
      const expr = ladderExpr(subject, ladder, outputs);
      const vals = inputs.map((input) => {
        const v = evaluate(expr, { input });
        return v === FAIL ? null : v;
      });
      if (!outputs.every((o, i) => i >= exampleRows || jsonEqual(vals[i] as Json, o))) continue;
      out.push({ expr, size: 1, vals, kind: kindOf(vals).kind });
      if (out.length >= MAX_LADDERS) return out;
    }
  }
  return out;
}

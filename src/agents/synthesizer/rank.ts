/**
 * The ranking prior among programs that all fit the examples: smaller is likelier; a "magic" number
 * the spec never mentions costs extra; reading more of the input counts in a program's favour (one
 * that ignores most of its input fits by accident more often); and the description's words are
 * evidence for operations ("average" for a mean or a division, "rounded" for rounding, "more than
 * once" for distinct values), never for whole programs. Lower scores are better.
 */
import { LINE_WORDS } from "./line-ops.ts";
import { END_WORDS, START_WORDS } from "./affix-ops.ts";
import { readStatedEdges } from "./stated-edges.ts";
import { statesTieBreak } from "./tie-break-words.ts";
import { noneOf, statedBoundForms } from "./bound-words.ts";
import { statedEmptyAnswers } from "./stated-empty.ts";
import { STEP_OPS, STEP_OP_NAMES, statedSteps } from "./stated-step.ts";
import type { StatedStep } from "./stated-step.ts";
import type { StatedBound } from "./bound-words.ts";
import type { StatedEdge } from "./stated-edges.ts";
import type { Found } from "./search.ts";
import type { Expr } from "./types.ts";

export function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.k) {
    case "op":
      for (const a of e.args) walk(a, visit);
      return;
    case "get":
      walk(e.obj, visit);
      return;
    case "lam":
      walk(e.arr, visit);
      walk(e.body, visit);
      if (e.body2) walk(e.body2, visit);
      return;
    case "if":
      walk(e.cond, visit);
      walk(e.then, visit);
      walk(e.else, visit);
      return;
    case "obj":
      for (const [, v] of e.fields) walk(v, visit);
      return;
    default:
      return;
  }
}

/** `e` with each direct child replaced by `f(child)`: the one rebuild every rewrite of a program shares. */
export function mapChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  switch (e.k) {
    case "op":
      return { ...e, args: e.args.map(f) };
    case "get":
      return { ...e, obj: f(e.obj) };
    case "lam":
      return { ...e, arr: f(e.arr), body: f(e.body), ...(e.body2 ? { body2: f(e.body2) } : {}) };
    case "if":
      return { ...e, cond: f(e.cond), then: f(e.then), else: f(e.else) };
    case "obj":
      return { ...e, fields: e.fields.map(([k, v]) => [k, f(v)] as const) };
    default:
      return e;
  }
}

/** Whether an expression reads the element `x` of a lambda (anywhere in it). */
export function readsElement(e: Expr): boolean {
  let reads = false;
  walk(e, (n) => (reads ||= n.k === "x"));
  return reads;
}

/**
 * The constants inside formulas the description writes (`stated`, round 24): the description's own
 * numbers, written as it writes them (`-0.05` as a minus before 0.05), never magic nor fitted.
 */
export function statedConstants(e: Expr): Set<Expr> {
  const out = new Set<Expr>();
  walk(e, (n) => {
    if (n.k === "op" && n.stated) walk(n, (c) => (c.k === "const" ? out.add(c) : undefined));
  });
  return out;
}

/** Nodes in a program; a formula the description writes (`stated`) counts as one, as the search built it. */
export function exprSize(e: Expr): number {
  if (e.k === "op" && e.stated) return 1;
  let n = 0;
  walk(e, () => n++);
  walk(e, (x) => {
    if (x !== e && x.k === "op" && x.stated) n -= exprSize({ ...x, stated: undefined } as Expr) - 1;
  });
  return n;
}

/** Which words are evidence for which operations (op names, lambda ops, or `agg:NAME`). */
/** Comparisons, in this order; a phrase used by one ("not exceed") is not read again by the next ("exceed"). */
const COMPARISONS: readonly [RegExp, readonly string[]][] = [
  [/\b(at most|or less|or fewer|or under|or below|or younger|or cheaper|or earlier|not exceed|does not exceed|do not exceed|no more than|up to|within)\b/g, ["le"]],
  [/\b(at least|or more|or older|or greater|or over|or above|or higher|or later|or longer|no less than)\b/g, ["ge"]],
  [/\b(before|less than|below|under|fewer than|earlier than|smaller than|shorter than|cheaper than|younger than|lighter than|colder than|cooler than|lower than|slower than)\b/g, ["lt"]],
  [/\b(after|more than|greater than|above|over|exceeds?|later than|larger than|past|longer than|older than|higher than|heavier than|warmer than|hotter than|bigger than|taller than|faster than)\b/g, ["gt"]],
];

const EVIDENCE: readonly [RegExp, readonly string[]][] = [
  [/\b(sum|total|summed|add(ed)?|plus|altogether)\b/, ["sum", "add", "agg:sum"]],
  [/\b(mean|average|avg|per)\b/, ["mean", "div", "agg:mean"]],
  [/\b(median|middle)\b/, ["median"]],
  [/\bmiddle\b/, ["middle"]],
  [/\b(position|index|place)\b/, ["indexOfMax", "indexOfMin", "lastIndexOfMax", "lastIndexOfMin"]],
  [/\b(last|latest|final)\b/, ["lastIndexOfMax", "lastIndexOfMin"]],
  [/\b(days?|nights?|dates?|iso|weeks?|overdue|late|early)\b/, ["dayNumber"]],
  [/\b(words?|tokens?)\b/, ["words"]],
  // Round 24: the lines of a text (line-ops.ts).
  [LINE_WORDS, ["lines"]],
  // Round 12: equal times a whole day apart ("at or before": its "before" was read as a comparison
  // above and is gone from the text); capitals of every word kept or lowered.
  [/\b(at or(?= )|same time|full day|24 hours)/, ["minutesUntilNext"]],
  [/\b(title case|each word capitali[sz]ed)\b/, ["titleCase", "capitalizeWords"]],
  // Round 16: the first letter of the text (not of each word) capitalized, and an alphabetical
  // order, which ignores case ("apple" before "Cherry").
  [/\bfirst (letter|character)\b(?!s? of (each|every|all)\b)/, ["capitalizeFirst"]],
  [/\balphabetical\w*\b/, ["lower"]],
  // Round 13: URLs and paths, character classes.
  [/\b(host(name)?|domain|site|website)\b/, ["urlHost", "urlHostBare"]],
  [/\b(without|no|drop(ping|ped)?|strip(ping|ped)?) (the |a |any )?["'`]?www\b/, ["urlHostBare"]],
  [/\b(extensions?|file types?|suffix(es)?)\b/, ["extension", "fullExtension"]],
  [/\b(file ?names?|base ?names?|last (segment|part|piece|component))\b/, ["lastSegment"]],
  [/\b(parent|folders?|director(y|ies))\b/, ["parentSegment", "parentPath"]],
  [/\b(stem|without (its |the )?extension)\b/, ["stem", "stemFirstDot"]],
  [/\b(query|param(eter)?s?)\b/, ["queryParam", "queryParamOrEmpty"]],
  [/\b(null|missing|absent)\b/, ["queryParam"]],
  [/\b(empty( string| text)?|blank)\b/, ["queryParamOrEmpty"]],
  [/\bvowels?\b/, ["countVowels", "countVowelsY"]],
  [/\bconsonants?\b/, ["countConsonants"]],
  [/\bdigits?\b/, ["countDigits"]],
  [/\bletters?\b/, ["countLetters"]],
  [/\b(capitals?|upper-?case|capital letters)\b/, ["countUpper"]],
  [/\bpunctuation\b/, ["stripPunctuation", "stripPunctuationSpaced"]],
  // Round 13: formulas (formula-ops.ts builds these only where such words are).
  [/\b(square roots?|roots?|sqrt|standard deviation|geometric mean)\b/, ["sqrt"]],
  [/\b(hypotenuse|diagonals?|pythagor\w*|straight[- ]line|as the crow flies|euclid\w*|between (the )?two points)\b/, ["hypot"]],
  [/\b(compound(ed|ing)?|to the power|powers of|exponent\w*|raised to|squared|cubed)\b/, ["pow"]],
  [/\b(fraction|ratio|share|proportion|divided|percent(age)?|rate)\b/, ["div", "mul"]],
  [/\b(round(ed|ing)?|nearest|cents?|decimals?)\b/, ["round", "roundTo", "toFixed", "grouped", ...Object.values(STEP_OPS)]],
  [/\b(whole|integer)\b/, ["round"]],
  [/\b(same|alike|identical|equal)\b/, ["eq"]],
  [/\b(cents?|hundredths?|(two|2) (decimals|decimal places?|decimal digits|places|dp))\b/, ["roundTo:2", "toFixed:2", "grouped:2"]],
  [/\b(thousandths?|(three|3) (decimals|decimal places?|decimal digits|places|dp))\b/, ["roundTo:3", "toFixed:3", "grouped:3"]],
  [/\b(one decimal|1 decimal|tenths?)\b/, ["roundTo:1", "toFixed:1", "grouped:1"]],
  [/\b(floor|rounded down|truncat\w*|cut)\b/, ["floor"]],
  [/\b(ceil\w*|pages?|needed|at least enough)\b/, ["ceil"]],
  [/\b(times|product|multipl\w*|square|per cent)\b/, ["mul"]],
  [/\b(minus|difference|spread|less|subtract\w*|after)\b/, ["sub"]],
  [/\b(count|how many|number of)\b/, ["count", "len", "agg:count"]],
  [/\bwords?\s+(?:that\s+|which\s+)?(?:start|begin)\w*\s+with\b/, ["countWordsStarting"]],
  [/\b(distinct|unique|different|repeats?|more than once|duplicates?|twice)\b/, ["distinct"]],
  [/\b(sort(ed|s)?|ordered by|order by|alphabetical\w*|ascending|descending|ranked)\b|\w+est first\b/, ["sortAsc", "sortDesc", "sortNatural"]],
  [/\b(more than once|duplicated?|repeated|twice)\b/, ["hasDuplicates"]],
  [/\b(natural (order|sort)|runs of digits|by (their|the) numbers?|numbers? of any length|then by)\b/, ["sortNatural"]],
  [/\b(highest|largest|most|max(imum|imal)?|best|biggest|longest|oldest|top|latest)\b/, ["max", "argmax", "sortDesc", "agg:max", "max2", "indexOfMax"]],
  [/\b(lowest|smallest|least|min(imum|imal)?|earliest|shortest|youngest|cheapest)\b/, ["min", "argmin", "sortAsc", "agg:min", "min2", "indexOfMin"]],
  [/\b(upper|capital\w*|caps)\b/, ["upper"]],
  [/\b(lower)\b/, ["lower"]],
  [/\b(join(ed)?|joined|concat\w*|comma|separated)\b/, ["join", "concat"]],
  [/\b(thousands? separat\w*|commas? between|groups? of three|digit grouping|accounting style)\b/, ["grouped"]],
  [/\b(every|all|each)\b/, ["every"]],
  [/\b(some|any|occurs?|contains?|exists?)\b/, ["some", "includes"]],
  [START_WORDS, ["startsWith"]],
  [END_WORDS, ["endsWith"]],
  [/\b(last|final|most recent)\b/, ["last"]],
  [/\b(pad(ded)?|zeros?|digits)\b/, ["padStart"]],
  [/\b(abs\w*|distance)\b/, ["abs"]],
  [/\b(remainders?|modulo|mod|left over|leftover)\b/, ["mod"]],
  [/\b(cap(ped)?|limit|never above)\b/, ["min2"]],
  [/\b(floor of|never below)\b/, ["max2"]],
  [/\b(group(ed)?|per|by|each|keyed)\b/, ["groupBy", "groupList", "agg:sum", "agg:count", "agg:max", "agg:min", "agg:mean"]],
  [/\b(only|those|whose|that|which|filter\w*|where)\b/, ["filter"]],
];

export interface Prior {
  /** Numbers the spec mentions (not "magic"). */
  readonly mentioned: readonly number[];
  /** The description's words, lower-cased: a literal or a field it names is evidence too. */
  readonly words?: ReadonlySet<string>;
  /** Operations the description's words speak for, by the group of words that does (a group counts once). */
  readonly evidence: ReadonlyMap<string, readonly number[]>;
  /** A rounding direction or a zero floor the description states (stated-edges.ts). */
  readonly edges?: ReadonlySet<StatedEdge>;
  /** The thresholds an excess is stated over ("beyond the first 5 GB": 5; stated-edges.ts). */
  readonly thresholds?: readonly number[];
  /** The bounds a comparison in the description is written beside ("at most 0", "under 5": bound-words.ts), each with its side and clause. */
  readonly bounds?: readonly StatedBound[];
  /** The nouns the description's main clause has none of ("has zero stock": "stock"; bound-words.ts). */
  readonly none?: readonly string[];
  /** The answers the description states for an empty list or text ("-1 for an empty list"; stated-empty.ts). */
  readonly emptyAnswers?: readonly string[];
  /** Whether a program is the formula the description states constant by constant (stated-program.ts). */
  readonly formula?: (e: Expr) => boolean;
  /** The description as written: its capitals and phrases (alike-items.ts reads "ERROR", "how many of"). */
  readonly description?: string;
  /** The steps the description rounds its answer to ("to the nearest half size": stated-step.ts). */
  readonly steps?: readonly StatedStep[];
}

/**
 * "Closest to" / "nearest to" a value is the smallest distance to it, "farthest from" the largest:
 * two groups of words (a least or greatest one, and a distance), read as such. "To the nearest 5"
 * (a rounding) is left alone: "nearest" there is not followed by "to".
 */
export function asDistance(text: string): string {
  return text.replace(/\b(closest|nearest) to\b/g, "smallest distance to").replace(/\b(farthest|furthest) (from|to)\b/g, "largest distance from");
}

export function priorFor(description: string, mentioned: readonly number[]): Prior {
  // "cut (not rounded)" speaks against rounding, not for it.
  let text = description.toLowerCase().replace(/\bnot round(ed|ing)?\b/g, " ");
  const evidence = new Map<string, number[]>();
  const note = (ops: readonly string[], group: number): void => {
    for (const o of ops) evidence.set(o, [...(evidence.get(o) ?? []), group]);
  };
  // "Rounded up to" speaks for `Math.ceil`, not for rounding to the nearest nor for "up to":
  // read before the comparisons and "rounded".
  const stated = readStatedEdges(text);
  stated.evidence.forEach((ops, i) => note(ops, -10 - i));
  text = stated.text;
  COMPARISONS.forEach(([re, ops], i) => {
    if (!re.test(text)) return;
    note(ops, -1 - i);
    text = text.replace(re, " ");
  });
  text = asDistance(text);
  EVIDENCE.forEach(([re, ops], i) => {
    if (re.test(text)) note(ops, i);
  });
  // An order among ties the description states speaks for a sort with a second key (round 11).
  if (statesTieBreak(description)) note(["tieBreak"], -100);
  // A step the description rounds to speaks for the op rounding to it in its direction (round 26b).
  const steps = statedSteps(description);
  if (steps.length > 0) note([...new Set(steps.map((s) => STEP_OPS[s.direction]))], -101);
  const words = new Set(description.toLowerCase().match(/[a-z0-9_]+/g) ?? []);
  return { mentioned, evidence, words, edges: stated.edges, thresholds: stated.thresholds, bounds: statedBoundForms(description), none: noneOf(description), emptyAnswers: statedEmptyAnswers(description), description, steps };
}

/** Half a group's weight for each field the description names (fields are named often). */
const FIELD_WEIGHT = 0.5;

/** What one supported group of words takes off a program's score. */
const EVIDENCE_WEIGHT = 1.5;

/** Numbers that state nothing by themselves (0, ±1): no magic number, no stated constant, no factor. */
export const NEUTRAL_NUMBERS: ReadonlySet<number> = new Set([0, 1, -1]);
const SORTS = new Set(["sortAsc", "sortDesc"]);
export const DECIMALS_OPS = new Set(["roundTo", "toFixed", "grouped"]);

/** The groups of the description's words that speak for an operation `e` uses. */
export function supportedGroups(e: Expr, p: Prior): Set<number> {
  const supported = new Set<number>();
  const support = (name: string): void => {
    for (const g of p.evidence.get(name) ?? []) supported.add(g);
  };
  walk(e, (n) => {
    const name = n.k === "op" ? n.op : n.k === "lam" ? n.op : undefined;
    if (name) support(name);
    // How many decimals, where the description says ("to cents" is two).
    if (n.k === "op" && DECIMALS_OPS.has(n.op) && n.args[1]?.k === "const") support(`${n.op}:${String(n.args[1].value)}`);
    if (n.k === "lam" && n.agg) support(`agg:${n.agg}`);
    if (n.k === "lam" && SORTS.has(n.op) && n.arr.k === "lam" && SORTS.has(n.arr.op)) support("tieBreak");
  });
  return supported;
}

/**
 * Whether the description has a group of words for operations `e` does not use: a likelier
 * program may use it too, at a size past where `e`'s score alone would end the ranking.
 */
export function leavesWordsUnused(e: Expr, p: Prior): boolean {
  const used = supportedGroups(e, p);
  for (const groups of p.evidence.values()) if (groups.some((g) => !used.has(g))) return true;
  return false;
}

export function programScore(e: Expr, size: number, prior: Prior | readonly number[]): number {
  const p: Prior = Array.isArray(prior) ? { mentioned: prior, evidence: new Map() } : (prior as Prior);
  const paths = new Set<string>();
  let magic = 0;
  const named = new Set<string>();
  const fields = new Set<string>();
  // A count of decimals (`roundTo(x, 2)`, `toFixed(2)`) is a format, not a magic number; nor is a
  // number of a formula the description writes.
  const digits = statedConstants(e);
  walk(e, (n) => {
    if (n.k === "op" && DECIMALS_OPS.has(n.op) && n.args[1]) digits.add(n.args[1]);
  });
  walk(e, (n) => {
    if (p.words && n.k === "const" && typeof n.value === "string" && p.words.has(n.value.toLowerCase())) named.add(n.value);
    if (p.words && (n.k === "in" || n.k === "x") && n.path.length > 0 && p.words.has((n.path.at(-1) as string).toLowerCase())) fields.add(n.path.join("."));
    // Reading another field counts; the element or input itself (`x`) is no new information.
    if ((n.k === "in" || n.k === "x") && n.path.length > 0) paths.add(`${n.k}:${n.path.join(".")}`);
    // Constants solved from the examples already pay for that in their program's size.
    if (n.k === "const" && !n.solved && !digits.has(n) && typeof n.value === "number" && !NEUTRAL_NUMBERS.has(n.value) && !p.mentioned.includes(n.value)) magic++;
  });
  const supported = supportedGroups(e, p);
  // A formula that writes every constant the description writes, once, is one more group of words for it.
  const stated = p.formula?.(e) ? 1 : 0;
  return size + 2 * magic - Math.max(0, paths.size - 1) - EVIDENCE_WEIGHT * (supported.size + named.size + stated) - FIELD_WEIGHT * fields.size;
}

/** The rounding ops; the step ops come from stated-step.ts so a new one cannot be missed. */
const ROUNDING_OPS: ReadonlySet<string> = new Set(["round", "roundTo", "toFixed", "grouped", "floor", "ceil", ...STEP_OP_NAMES]);

/**
 * How many groups of the description's words speak for the rounding `e` does ("rounded" for any,
 * "to cents" for two decimals). A reading that rounds less than the description asks is no reading.
 */
export function roundingSupport(e: Expr, prior: Prior): number {
  const groups = new Set<number>();
  walk(e, (n) => {
    if (n.k !== "op" || !ROUNDING_OPS.has(n.op)) return;
    const names = [n.op, ...(DECIMALS_OPS.has(n.op) && n.args[1]?.k === "const" ? [`${n.op}:${String(n.args[1].value)}`] : [])];
    for (const name of names) for (const g of prior.evidence.get(name) ?? []) groups.add(g);
  });
  return groups.size;
}

/** Each fit's score, kept once for the prior it was scored under (the search and the ranking ask for it alike). */
const scores = new WeakMap<Found, { prior: Prior; score: number }>();

/** `programScore` of a found program, computed once per fit and prior. */
export function foundScore(f: Found, prior: Prior): number {
  const kept = scores.get(f);
  if (kept && kept.prior === prior) return kept.score;
  const score = programScore(f.expr, f.size, prior);
  scores.set(f, { prior, score });
  return score;
}

/** Most alternatives kept per problem for the ambiguity check. */
export const MAX_ALTS = 40;

/** The best-ranked fit, with the others (distinct programs) as its alternatives. */
export function rankFits(all: readonly Found[], prior: Prior): Found {
  const scored = all.map((f) => ({ f, score: foundScore(f, prior) })).sort((a, b) => a.score - b.score || a.f.size - b.f.size);
  const best = (scored[0] as { f: Found }).f;
  const seen = new Set([JSON.stringify(best.expr)]);
  const alts: Found[] = [];
  for (const { f } of scored.slice(1)) {
    const key = JSON.stringify(f.expr);
    if (seen.has(key)) continue;
    seen.add(key);
    alts.push({ expr: f.expr, size: f.size, ...(f.otherFamily ? { otherFamily: true as const } : {}) });
    for (const a of f.alts ?? []) alts.push(a);
    if (alts.length >= MAX_ALTS) break;
  }
  return { expr: best.expr, size: best.size, alts };
}

/**
 * Round 31a: shapes of input the description's words make matter and the examples never show.
 * People type clean examples, so a program can fit every one by coincidence and no rival that
 * parts from it is ever built: "holds any text besides spaces" read as "has no space at its ends",
 * "comma-separated fields" cut at every space, "how many lines have something on them" read as the
 * distinct lines after the first. The words name the case that tells such readings apart:
 *
 * - "blank", "besides / other than / only spaces", "whitespace": an empty text, a text of spaces
 *   as long as a filled one, and a filled text with spaces at its ends;
 * - a separator it names ("comma-separated", "split at each \"|\""), or blankness, where the
 *   program cuts at spaces: a field, line or item with a space inside; so too where the program
 *   cuts items into words and no word of the description speaks of words or pieces (round 32:
 *   "the names that are not empty, each in upper case" published as every name's words, since no
 *   example's name had two);
 * - a program that drops repeated items where no word asks for that: an item given twice;
 * - and the converse: a program that keeps every repeat where the words say a repeat counts once or
 *   only distinct values count ("a tag listed twice on one post counts once for that post"): an item
 *   given twice, in a list of the input or in a list each of its entries holds (stop 54).
 *
 * Where no example shows the shape, the program is asked about on an example changed into it (its
 * own answer offered); once one does, the shape is settled. Nothing here names a task.
 */
import { runOn } from "./evaluate.ts";
import { namedSeparators } from "./field-sources.ts";
import { walk } from "./rank.ts";
import { isObj } from "./probes.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/**
 * Words saying a text of spaces only counts as nothing. Not "empty": an empty text is "" (round 24's
 * "remove the empty lines" keeps a line of spaces), and that reading is published as the words say.
 */
const BLANK_WORDS = /\b(blank|whitespace|(?:besides|other than|only|just) spaces|anything on|something on)\b/i;
/**
 * Words by which a description speaks of a text's words or pieces: a program that cuts at spaces may
 * then mean to. Not "parts", "surnames" or "spaces" alone, which name the things listed (round 32's
 * attacker: "the part names", "the labels of the parking spaces").
 */
const WORD_WORDS = /\b(words?|tokens?|terms?|split\w*|(?:at|by|on) (?:spaces?|blanks?|whitespace)|separat\w*|initials?|acronyms?|sentences?)\b/i;
/** Words asking for each value once: a repeat is then no case of its own. */
const DISTINCT_WORDS = /\b(different|distinct|unique|repeat\w*|duplicat\w*|once)\b/i;

/**
 * Words saying a repeated value counts once: then a repeat is a case of its own, which a program that
 * keeps every repeat may get wrong. Not "once" or "twice" alone ("once a week", "twice the price",
 * "a visitor who came twice counts twice"), nor "duplicates" or "repeats" alone ("duplicates
 * included", "every repeat counts"), nor "a unique id" (stop 54's attacker: each asked a question the
 * words settle); "more than once" is a selection of the repeats, which round 25's questions ask about.
 */
const ONCE_WORDS = /\b(?:(?:counts?|counted|only|just|taken|listed|included) once|once (?:each|per|for|only)|distinct|unique(?! (?:ids?|keys?|codes?|identifiers?|numbers?|references?)\b)|no matter how (?:often|many times)|however (?:often|many times)|(?:without|ignoring|dropping|removing|skipping) (?:the )?(?:duplicates?|repeats?|repetitions?))\b/i;

/** A list of texts in an input (a list field, a text's lines, a text's fields at a mark), with the input rebuilt from changed items. */
interface Pieces {
  readonly items: readonly string[];
  readonly set: (items: readonly string[]) => Json;
}

/**
 * The texts of an input as lists: each text field alone, its lines where it has several, its fields
 * at each mark the description names; and each list field of texts.
 */
function piecesOf(input: Json, marks: readonly string[]): Pieces[] {
  if (!isObj(input)) return [];
  const out: Pieces[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (typeof v === "string") {
      out.push({ items: [v], set: (xs) => ({ ...input, [k]: xs[0] ?? "" }) });
      for (const mark of [...marks, "\n"]) if (v.includes(mark)) out.push({ items: v.split(mark), set: (xs) => ({ ...input, [k]: xs.join(mark) }) });
    } else if (textList(v)) out.push({ items: v, set: (xs) => ({ ...input, [k]: [...xs] }) });
  }
  return out;
}

const textList = (v: Json | undefined): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string");

/** The lists of texts the entries of an input's lists hold (each post's tags), with the input rebuilt from one changed. */
function innerPieces(input: Json): Pieces[] {
  if (!isObj(input)) return [];
  return Object.entries(input).flatMap(([k, list]) =>
    Array.isArray(list)
      ? list.flatMap((entry, i) =>
          isObj(entry)
            ? Object.entries(entry).flatMap(([f, v]) => (textList(v) ? [{ items: v, set: (xs: readonly string[]) => ({ ...input, [k]: list.map((x, j) => (j === i ? { ...entry, [f]: [...xs] } : x)) }) }] : []))
            : [],
        )
      : [],
  );
}

const filled = (s: string): boolean => s.trim() !== "";
const padded = (s: string): boolean => filled(s) && s !== s.trim();
const spaced = (s: string): boolean => /\S\s+\S/.test(s);

/** A shape of an item: whether a list's items show it, and the list changed into it (undefined where it cannot be). */
interface Shape {
  readonly why: string;
  /** Whether the shape is of several items (a whole text alone cannot show it). */
  readonly inList: boolean;
  readonly shows: (items: readonly string[]) => boolean;
  readonly make: (items: readonly string[]) => string[] | undefined;
}

const at = (items: readonly string[], i: number, v: string): string[] => items.map((x, j) => (j === i ? v : x));
const firstFilled = (items: readonly string[]): number => items.findIndex(filled);

const EMPTY: Shape = { why: "an empty text, which no example shows", inList: false, shows: (xs) => xs.includes(""), make: (xs) => (firstFilled(xs) < 0 ? undefined : at(xs, firstFilled(xs), "")) };
/** A blank as long as some filled text (a test of length then cannot stand in for one of blankness). */
const SPACES: Shape = {
  why: "a text of spaces as long as a filled one, which no example shows",
  inList: false,
  shows: (xs) => xs.some((x) => x !== "" && !filled(x) && xs.some((y) => filled(y) && y.length <= x.length)),
  make: (xs) => (firstFilled(xs) < 0 ? undefined : at(xs, firstFilled(xs), " ".repeat((xs[firstFilled(xs)] as string).length))),
};
const PADDED: Shape = { why: "a text with spaces at its ends, which no example shows", inList: false, shows: (xs) => xs.some(padded), make: (xs) => (firstFilled(xs) < 0 ? undefined : at(xs, firstFilled(xs), `  ${xs[firstFilled(xs)] as string} `)) };
/** The first two filled items joined by a space: ["a", "", "b", "c"] → ["a b", "", "c"]. */
const INNER: Shape = {
  why: "an item with a space inside it, which no example shows",
  inList: true,
  shows: (xs) => xs.some((x) => spaced(x.trim())),
  make: (xs) => {
    const [i, j] = xs.flatMap((x, k) => (filled(x) ? [k] : []));
    if (i === undefined || j === undefined) return undefined;
    return xs.flatMap((x, k) => (k === i ? [`${x.trimEnd()} ${(xs[j] as string).trimStart()}`] : k === j ? [] : [x]));
  },
};
/** The last filled item given twice in a row. */
const REPEATED: Shape = {
  why: "an item given twice in a row, which no example shows",
  inList: true,
  shows: (xs) => xs.some((x, j) => filled(x) && xs[j + 1] === x),
  make: (xs) => {
    const last = [...xs].reverse().find(filled);
    return last === undefined ? undefined : [...xs, last];
  },
};

/**
 * Some filled item given twice: the first filled item again right after it. Not at the end, where a
 * program that takes the items past the distinct ones' count fits the answer too (round 25's
 * duplicate usernames).
 */
const TWICE: Shape = {
  why: "an item given twice, of which the description speaks and no example shows",
  inList: true,
  shows: (xs) => new Set(xs.filter(filled)).size < xs.filter(filled).length,
  make: (xs) => {
    const i = firstFilled(xs);
    return i < 0 ? undefined : [...xs.slice(0, i + 1), xs[i] as string, ...xs.slice(i + 1)];
  },
};

/** Whether `e` uses an operation `named` accepts anywhere. */
function usesOp(e: Expr, named: (op: string, args: readonly Expr[]) => boolean): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && named(n.op, n.args)));
  return found;
}

/** A cut of a text at its spaces: into words, or split at " ". */
const cutsAtSpaces = (op: string, args: readonly Expr[]): boolean => /word/i.test(op) || (op === "split" && args[1]?.k === "const" && args[1].value === " ");

/**
 * The shapes `description` makes matter for program `e`: a blank text's, where it speaks of
 * blankness; an item with a space inside, where `e` cuts at spaces and the description speaks of
 * blankness, names a separator, or says nothing of words; an item given twice, where `e` drops
 * repeats and no word asks for that.
 */
function shapesFor(e: Expr, description: string): Shape[] {
  const blank = BLANK_WORDS.test(description);
  const pieces = blank || namedSeparators(description).length > 0 || !WORD_WORDS.test(description);
  return [
    ...(blank ? [EMPTY, SPACES, PADDED] : []),
    ...(pieces && usesOp(e, cutsAtSpaces) ? [INNER] : []),
    ...(usesOp(e, (op) => op === "distinct") && !DISTINCT_WORDS.test(description) ? [REPEATED] : []),
    ...(!usesOp(e, (op) => /distinct|duplicate/i.test(op)) && ONCE_WORDS.test(description) ? [TWICE] : []),
  ];
}

/** The first shape the description makes matter that no example shows, asked about on an example changed into it. */
export function unshownShape(e: Expr, inputs: readonly Json[], description: string, allowed: (input: Json) => boolean): Ambiguity | undefined {
  const seen = new Set(inputs.map((i) => JSON.stringify(i)));
  const marks = namedSeparators(description);
  for (const shape of shapesFor(e, description)) {
    // A repeat the words count once may be in a list each entry holds (each post's tags).
    const lists = inputs.map((i) => [...piecesOf(i, marks), ...(shape === TWICE ? innerPieces(i) : [])]);
    const usable = (p: Pieces): boolean => !shape.inList || p.items.length > 1;
    // A shape of one text is shown by any text of any example; one of several items, by one list.
    const shown = shape.inList ? lists.some((ps) => ps.some((p) => usable(p) && shape.shows(p.items))) : shape.shows(lists.flat().flatMap((p) => p.items));
    if (shown) continue;
    // A line or field changed says more than a whole text: those first.
    const changeable = lists.flat().filter(usable).map((p, i) => [p.items.length > 1 ? 0 : 1, i, p] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , p]) => p);
    for (const p of changeable) {
      const items = shape.make(p.items);
      const probe = items === undefined ? undefined : p.set(items);
      if (probe === undefined || seen.has(JSON.stringify(probe)) || !allowed(probe)) continue;
      return toldInWords(e, probe, runOn(e, probe) ?? null, shape.why);
    }
  }
  return undefined;
}

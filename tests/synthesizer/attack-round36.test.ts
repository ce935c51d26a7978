/**
 * Attack round 36 on 26fd7df: unasked-order.ts (SUPERLATIVES list, "in ... order"), key-questions.ts
 * ("contains" asks a key inside a longer text first), affix-ops.ts (START_WORDS/END_WORDS in more
 * words), field-sources.ts (quoted marks with spaces, "a comma and a space"). Specs invented here.
 * A36_TRACE=1 prints what the backend asked and published; A36_ONLY=key,key runs a few.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import { P, csvUpper, prefixShown, sortedShown } from "./lookup-specs.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
/** Plain tasks: publishing nothing within six answers is a break too. */
const MUST = new Set([
  "topLevel", "bestBefore", "rankNoun", "inOrderTo", "mostRecent", "alphabetised", "lowToHigh",
  "firstLetters", "headedBy", "lastChars", "containsOpens", "exactStarts",
  "andSeparated", "commaFollowed", "tripleDot", "joinedOut", "dashSpaced", "hasInIt", "containsAside", "atLeast",
]);
const keeps = (a: StatedAttack, mustPublish: boolean): Promise<void> => keepsStatedPromise(backend, a, { mustPublish, traceVar: "A36_TRACE", answers: 6 });

const ATTACKS: Record<string, StatedAttack> = {
  // 1. Listed words of order used for something else: the question is silenced, the sort that drops the empty first name fits.
  topLevel: csvUpper("top_level_upper", "The top-level folder names (comma-separated) that are not empty, each in upper case.", ","),
  bestBefore: csvUpper("best_before_upper", "The names of the goods (comma-separated) that are not empty, each in upper case, as printed above the best-before date.", ","),
  rankNoun: csvUpper("officer_rank_upper", "The names of the officers (comma-separated) that are not empty, each in upper case, whatever their rank.", ","),
  inOrderTo: csvUpper("in_order_to_upper", "The names (comma-separated) that are not empty, each in upper case, in order to print the badges.", ","),
  mostRecent: csvUpper("most_recent_tags", "The tags of the most recent post (comma-separated) that are not empty, each in upper case.", ","),
  reverseSide: csvUpper("reverse_side_upper", "The names printed on the reverse side of the card (comma-separated) that are not empty, each in upper case.", ","),
  // A sort asked for in words the list lacks, examples already in order: only a question or a sort keeps the promise.
  alphabetised: sortedShown("names_alphabetised", "The comma-separated names, alphabetised."),
  lowToHigh: {
    name: "prices_low_to_high",
    description: "The prices of the products, from low to high.",
    examples: [
      [{ products: [{ price: 2 }, { price: 5 }, { price: 9 }] }, [2, 5, 9]],
      [{ products: [{ price: 4 }, { price: 30 }] }, [4, 30]],
    ],
    person: P((i) => (i.products as In[]).map((p) => p.price as number).sort((a, b) => a - b)),
    probes: [{ products: [{ price: 100 }, { price: 25 }, { price: 7 }] }, { products: [] }],
  },
  // 2. A prefix in words START_WORDS lacks: includes fits the examples as well.
  firstLetters: prefixShown("price_first_letters", "Price of the first product whose code's first letters are the given ones."),
  headedBy: prefixShown("price_headed_by", "Price of the first product whose code is headed by the given letters."),
  lastChars: {
    name: "files_last_chars",
    description: "The names of the files whose last characters are the given extension, in the order given.",
    examples: [
      [{ ext: ".txt", files: ["a.txt", "b.png", "c.txt"] }, ["a.txt", "c.txt"]],
      [{ ext: ".png", files: ["x.png", "y.txt"] }, ["x.png"]],
    ],
    person: P((i) => (i.files as string[]).filter((f) => f.endsWith(i.ext as string))),
    probes: [{ ext: ".txt", files: ["a.txt.bak", "b.txt"] }, { ext: ".c", files: ["a.cpp", "b.c"] }],
  },
  // Affix words about the list, "contains" meant (round 35's containsStarts in the new words).
  containsOpens: {
    name: "year_contains_opens",
    description: "Year of the first book whose title contains the given word; the shelf list opens with the newest book.",
    examples: [
      [{ word: "dune", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1965],
      [{ word: "ulysses", books: [{ title: "beloved", year: 1987 }, { title: "ulysses", year: 1922 }] }, 1922],
      [{ word: "emma", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1815],
    ],
    person: P((i) => (i.books as In[]).find((e) => (e.title as string).includes(i.word as string))?.year),
    probes: [
      { word: "sea", books: [{ title: "the sea wolf", year: 1904 }, { title: "sea", year: 2000 }] },
      { word: "war", books: [{ title: "peace", year: 1 }, { title: "war and peace", year: 1869 }] },
    ],
  },
  // Equality meant, a start word about something else: startsWith and includes fit the examples too.
  exactStarts: {
    name: "price_exact_code",
    description: "Price of the product whose code is exactly the given code; codes never start with a zero.",
    examples: [
      [{ code: "AB12", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 5],
      [{ code: "EF56", products: [{ code: "GH78", price: 3 }, { code: "EF56", price: 11 }] }, 11],
      [{ code: "CD34", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 8],
    ],
    person: P((i) => (i.products as In[]).find((e) => e.code === i.code)?.price ?? null),
    outputSchema: { type: ["number", "null"] },
    probes: [
      { code: "AB", products: [{ code: "AB12", price: 5 }, { code: "AB", price: 2 }] },
      { code: "C1", products: [{ code: "C12", price: 8 }, { code: "C1", price: 4 }] },
    ],
  },
  // "trailing" about the list, "contains" meant.
  containsTrailing: {
    name: "year_contains_trailing",
    description: "Year of the first book whose title includes the given word (ignore the trailing notes of the list).",
    examples: [
      [{ word: "dune", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1965],
      [{ word: "ulysses", books: [{ title: "beloved", year: 1987 }, { title: "ulysses", year: 1922 }] }, 1922],
      [{ word: "emma", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1815],
    ],
    person: P((i) => (i.books as In[]).find((e) => (e.title as string).includes(i.word as string))?.year),
    probes: [
      { word: "sea", books: [{ title: "the sea wolf", year: 1904 }, { title: "sea", year: 2000 }] },
      { word: "war", books: [{ title: "peace", year: 1 }, { title: "war and peace", year: 1869 }] },
    ],
  },
  // 3. Separators the regex lacks or reads wrong.
  andSeparated: csvUpper("and_separated_upper", "The names separated by \" and \" that are not empty, each in upper case.", " and "),
  commaFollowed: csvUpper("comma_followed_upper", "The names separated by a comma followed by a space that are not empty, each in upper case.", ", "),
  tripleDot: csvUpper("triple_dot_upper", "The names separated by \"...\" that are not empty, each in upper case.", "..."),
  dashSpaced: csvUpper("dash_spaced_upper", "The names separated by \" - \" that are not empty, each in upper case.", " - "),
  // A separator named for the output, the input cut by commas.
  joinedOut: {
    name: "names_joined_pipe",
    description: "The comma-separated names that are not empty, in upper case, joined by \" | \".",
    examples: [
      [{ names: "ana,,bo" }, "ANA | BO"],
      [{ names: ",cy,dee" }, "CY | DEE"],
    ],
    person: P((i) => (i.names as string).split(",").filter((x) => x !== "").map((x) => x.toUpperCase()).join(" | ")),
    probes: [{ names: "mary ann,,jo" }, { names: "li" }, { names: "zed,amy" }],
  },
  // "contains" in other words: equality and startsWith fit the examples (titles equal the words).
  hasInIt: {
    name: "year_has_in_it",
    description: "Year of the first book whose title has the given word somewhere in it.",
    examples: [
      [{ word: "dune", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1965],
      [{ word: "ulysses", books: [{ title: "beloved", year: 1987 }, { title: "ulysses", year: 1922 }] }, 1922],
      [{ word: "emma", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1815],
    ],
    person: P((i) => (i.books as In[]).find((e) => (e.title as string).includes(i.word as string))?.year ?? null),
    outputSchema: { type: ["number", "null"] },
    probes: [
      { word: "sea", books: [{ title: "the sea wolf", year: 1904 }, { title: "sea", year: 2000 }] },
      { word: "peace", books: [{ title: "peace talks", year: 5 }, { title: "war and peace", year: 1869 }] },
    ],
  },
  // "contains" about something else, equality meant: the key asked inside a longer text is answered "none".
  containsAside: {
    name: "price_code_contains_aside",
    description: "Price of the product whose code is the given code (every code contains letters and digits).",
    examples: [
      [{ code: "AB12", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 5],
      [{ code: "EF56", products: [{ code: "GH78", price: 3 }, { code: "EF56", price: 11 }] }, 11],
      [{ code: "CD34", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 8],
    ],
    person: P((i) => (i.products as In[]).find((e) => e.code === i.code)?.price ?? null),
    outputSchema: { type: ["number", "null"] },
    probes: [
      { code: "AB", products: [{ code: "AB12", price: 5 }, { code: "AB", price: 2 }] },
      { code: "C1", products: [{ code: "XC1", price: 8 }, { code: "C1", price: 4 }] },
    ],
  },
  // "at least" is no order: the question must still come.
  atLeast: { ...csvUpper("at_least_upper", "The comma-separated names with at least one letter, each in upper case.", ","), probes: [{ names: "mary ann,,jo" }, { names: "li" }, { names: ",,,jo" }] },
};

/**
 * What broke on 26fd7df (it.fails until mended):
 * - topLevel, bestBefore, rankNoun, inOrderTo, mostRecent, reverseSide (published wrong): "top-level",
 *   "best-before", "rank" (a noun), "in order to", "most recent", "reverse side" are read as words of
 *   order by ORDER_WORDS (unasked-order.ts); the reversed-example question is never asked and the names
 *   sorted with the first dropped are published ("li" → [], "mary ann,,jo" → ["JO","MARY ANN"]).
 *   FIXED_36B: topLevel, bestBefore, inOrderTo publish the filter after four answers.
 * - lowToHigh (published wrong, no question): "from low to high", examples already in order; the
 *   prices in input order are published ([100,25,7] for [7,25,100]). Nothing checks an order the words ask for.
 * - firstLetters, headedBy (published wrong): "first letters", "headed by" are no START_WORDS (affix-ops.ts):
 *   `code.includes(prefix)` published ("XAB1" for "AB").
 * - lastChars (published wrong): "last characters" is no END_WORDS: `f.includes(ext)` ("a.txt.bak" kept).
 * - hasInIt (published wrong): "has the given word somewhere in it" is no contains word (key-questions.ts):
 *   `title === word` published after three answers ("the sea wolf" not found for "sea").
 * - exactStarts, containsAside (gave up, plain task): the key is asked inside a longer code ("AB12-1",
 *   "1-AB12-1", from "start with"/"contains" said about something else); answered null (no such code),
 *   the search finds no equality lookup giving null and gives up.
 * - andSeparated (gave up, no question): separated by " and " (a quoted mark of letters) is no source (field-sources.ts).
 * - commaFollowed (gave up): "a comma followed by a space" is no source.
 * - tripleDot (published wrong, no question): separated by "..." (three marks, the regex takes 1-2):
 *   published the words of the text ("mary ann......jo" → ["MARY","ANN","JO"]).
 * - joinedOut (asked forever): comma-separated in, joined by " | " out: 7 questions, never published.
 * - atLeast (published wrong): after six answers `split(",").slice(0, count of letters)` is published
 *   (",,,jo" → [] for ["JO"]).
 */
/** Held since the lead's mend after the attack: no word of order as the first half of a compound ("top-level", "best-before"), nor "in order to". */
const FIXED_36B = new Set(["topLevel", "bestBefore", "inOrderTo"]);
/**
 * Held since stop 49: "first letters"/"first characters"/"headed by" are START_WORDS and "last
 * characters"/"last letters" END_WORDS (affix-ops.ts); a quoted separator may be up to three marks
 * ("...") or a short word (" and "), and "a comma followed by a space" is a comma and a space
 * (field-sources.ts). Only words that ask for the answer sorted silence the unasked-order question
 * ("sorted", "alphabetical order", "from low to high"), not a superlative, "rank", "reverse", "top"
 * or "bottom" alone; and where those words ask for a sort the program lacks, with every example's
 * answer already in order, the question is asked the other way (unasked-order.ts). "Has the given
 * word somewhere in it" and "anywhere in" are words of containing (key-questions.ts).
 */
const FIXED_49 = new Set(["firstLetters", "headedBy", "lastChars", "andSeparated", "commaFollowed", "tripleDot", "rankNoun", "mostRecent", "reverseSide", "lowToHigh", "hasInIt"]);
/**
 * Held since stop 50: a list cut at a count of letters is a text measured by accident, and its
 * probes now include each word cut to its first letter ("a,,b": fewer letters than parts), where the
 * cut loses a name the plain filter keeps (suspect-arithmetic.ts, measureProbes).
 */
const FIXED_50 = new Set(["atLeast"]);
const BREAKS = new Set<string>(["exactStarts", "containsAside", "joinedOut"]);
const ONLY = (process.env.A36_ONLY ?? "").split(",").filter(Boolean);
describe("round 36 attack", () => {
  for (const [key, a] of Object.entries(ATTACKS)) {
    const label = BREAKS.has(key) ? "BREAK" : FIXED_36B.has(key) ? "FIXED (round 36, lead; broke before)" : FIXED_49.has(key) ? "FIXED (stop 49; broke before)" : FIXED_50.has(key) ? "FIXED (stop 50; broke before)" : "held";
    (ONLY.length && !ONLY.includes(key) ? it.skip : BREAKS.has(key) ? it.fails : it)(`${label}: ${key} — ${a.description}`, () => keeps(a, MUST.has(key)), ANSWERED_MS);
  }
});

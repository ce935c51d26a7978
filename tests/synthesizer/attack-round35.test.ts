/**
 * Attack round 35 on f128cbe: affix-ops.ts (startsWith/endsWith where words speak of a prefix or
 * suffix) and unasked-order.ts (a sort no word asks for is asked about). Specs invented here.
 * A35_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import { P, csvUpper, prefixShown } from "./lookup-specs.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
/** Plain tasks: publishing nothing within six answers is a break too. */
const MUST = new Set(["prefixAnyCase", "numberSuffix", "semicolon", "aToZ", "cheapestToDearest", "byDate", "demandedSort", "suffixFilter", "firstTwo", "objectsKept", "newline", "commaSpace", "containsStarts", "containsEnds", "containsPrefix", "nestedNames", "longWords", "longWordsUnsorted"]);
const keeps = (a: StatedAttack, mustPublish: boolean): Promise<void> => keepsStatedPromise(backend, a, { mustPublish, traceVar: "A35_TRACE", answers: 6 });

const containsWord = (name: string, description: string): StatedAttack => ({
  name, description,
  examples: [
    [{ word: "dune", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1965],
    [{ word: "ulysses", books: [{ title: "beloved", year: 1987 }, { title: "ulysses", year: 1922 }] }, 1922],
    [{ word: "emma", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1815],
  ],
  person: P((i) => (i.books as In[]).find((e) => (e.title as string).includes(i.word as string))?.year),
  probes: [
    { word: "sea", books: [{ title: "the sea wolf", year: 1904 }, { title: "sea", year: 2000 }] },
    { word: "war", books: [{ title: "peace", year: 1 }, { title: "war and peace", year: 1869 }] },
    { word: "peace", books: [{ title: "peace talks", year: 5 }, { title: "war and peace", year: 1869 }] },
  ],
});

const ATTACKS: Record<string, StatedAttack> = {
  // ORDER_WORDS' `order\w*` matches a shop order: the check is silenced.
  orderWord: csvUpper("order_items_upper", "The item names on the order (comma-separated) that are not empty, each in upper case.", ","),
  // ORDER_WORDS' `\w+est` matches "guest", "request", "interest".
  guestWord: csvUpper("guest_names_upper", "The names on the guest list (comma-separated) that are not empty, each in upper case.", ","),
  requestWord: csvUpper("request_names_upper", "The names in the request (comma-separated) that are not empty, each in upper case.", ","),
  // Another separator, no word of order: the check must ask.
  semicolon: csvUpper("semi_names_upper", "The semicolon-separated names that are not empty, each in upper case.", ";"),
  pipe: csvUpper("pipe_names_upper", "The names separated by \" | \" that are not empty, each in upper case.", " | "),
  // A start in words the regex lacks.
  opensWith: prefixShown("price_opens_with", "Price of the first product whose code opens with the given letters."),
  leadingLetters: prefixShown("price_leading", "Price of the first product whose code's leading letters are the given ones."),
  beginsIn: prefixShown("price_begins_in", "Price of the first product whose code begins in the given letters."),
  // Within promise 1's words: a prefix given in another case, the description says case does not matter.
  prefixAnyCase: {
    name: "price_prefix_any_case",
    description: "Price of the first product whose code starts with the given prefix, in any case.",
    examples: [
      [{ prefix: "ab", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 5],
      [{ prefix: "EF", products: [{ code: "GH78", price: 3 }, { code: "ef56", price: 11 }] }, 11],
      [{ prefix: "cd", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 8],
    ],
    person: P((i) => (i.products as In[]).find((e) => (e.code as string).toLowerCase().startsWith((i.prefix as string).toLowerCase()))?.price),
    probes: [
      { prefix: "ab", products: [{ code: "XAB1", price: 1 }, { code: "Ab9", price: 2 }] },
      { prefix: "C", products: [{ code: "xc", price: 8 }, { code: "c1", price: 4 }] },
    ],
  },
  // Suffix of a number: "ends with" the given digits, numbers in and digits as text.
  numberSuffix: {
    name: "invoice_ends_with",
    description: "Amount of the first invoice whose number ends with the given digits.",
    examples: [
      [{ digits: "34", invoices: [{ number: 1234, amount: 5 }, { number: 5678, amount: 8 }] }, 5],
      [{ digits: "78", invoices: [{ number: 1234, amount: 5 }, { number: 5678, amount: 8 }] }, 8],
      [{ digits: "11", invoices: [{ number: 9900, amount: 2 }, { number: 4411, amount: 7 }] }, 7],
    ],
    person: P((i) => (i.invoices as In[]).find((e) => String(e.number).endsWith(i.digits as string))?.amount),
    probes: [
      { digits: "12", invoices: [{ number: 1234, amount: 5 }, { number: 9912, amount: 6 }] },
      { digits: "5", invoices: [{ number: 505, amount: 1 }, { number: 55, amount: 3 }] },
    ],
  },
  // Filter by a suffix: the names whose extension is the given one; a name that has the suffix in its middle.
  suffixFilter: {
    name: "files_with_suffix",
    description: "The names of the files that end with the given suffix, in the order given.",
    examples: [
      [{ suffix: ".txt", files: ["a.txt", "b.png", "c.txt"] }, ["a.txt", "c.txt"]],
      [{ suffix: ".png", files: ["x.png", "y.txt"] }, ["x.png"]],
    ],
    person: P((i) => (i.files as string[]).filter((f) => f.endsWith(i.suffix as string))),
    probes: [{ suffix: ".txt", files: ["a.txt.bak", "b.txt"] }, { suffix: ".png", files: [] }, { suffix: ".c", files: ["a.cpp", "b.c"] }],
  },
  // A sort asked for in words ORDER_WORDS lacks: "A to Z".
  aToZ: {
    name: "names_a_to_z",
    description: "The comma-separated names, A to Z.",
    examples: [
      [{ names: "cy,ana,bo" }, ["ana", "bo", "cy"]],
      [{ names: "dee,al" }, ["al", "dee"]],
    ],
    person: P((i) => (i.names as string).split(",").sort()),
    probes: [{ names: "zed,amy,max" }, { names: "li" }],
  },
  cheapestToDearest: {
    name: "prices_cheap_to_dear",
    description: "The prices of the products, cheapest to dearest.",
    examples: [
      [{ products: [{ price: 5 }, { price: 2 }, { price: 9 }] }, [2, 5, 9]],
      [{ products: [{ price: 30 }, { price: 4 }] }, [4, 30]],
    ],
    person: P((i) => (i.products as In[]).map((p) => p.price as number).sort((a, b) => a - b)),
    probes: [{ products: [{ price: 100 }, { price: 25 }, { price: 7 }] }, { products: [] }],
  },
  byDate: {
    name: "events_by_date",
    description: "The names of the events by date.",
    examples: [
      [{ events: [{ name: "b", date: "2024-03-01" }, { name: "a", date: "2024-01-05" }] }, ["a", "b"]],
      [{ events: [{ name: "x", date: "2023-12-31" }, { name: "y", date: "2023-06-01" }, { name: "z", date: "2024-02-02" }] }, ["y", "x", "z"]],
    ],
    person: P((i) => [...(i.events as In[])].sort((a, b) => (a.date < b.date ? -1 : 1)).map((e) => e.name)),
    probes: [{ events: [{ name: "q", date: "2025-01-01" }, { name: "p", date: "2020-01-01" }] }, { events: [] }],
  },
  // A sort the examples demand with no word of order at all ("the names, neatly"): the person means sorted.
  demandedSort: {
    name: "tidy_names",
    description: "The comma-separated names, tidied for the printed list.",
    examples: [
      [{ names: "cy,ana,bo" }, ["ana", "bo", "cy"]],
      [{ names: "dee,al" }, ["al", "dee"]],
    ],
    person: P((i) => (i.names as string).split(",").sort()),
    probes: [{ names: "zed,amy,max" }, { names: "li" }],
  },
  // The list answered as a text: unasked-order.ts looks only at array outputs.
  joinedText: {
    name: "csv_names_joined",
    description: "The comma-separated names that are not empty, each in upper case, joined again by commas.",
    examples: [
      [{ names: "ana,,bo" }, "ANA,BO"],
      [{ names: ",cy,dee" }, "CY,DEE"],
    ],
    person: P((i) => (i.names as string).split(",").filter((x) => x !== "").map((x) => x.toUpperCase()).join(",")),
    probes: [{ names: "mary ann,,jo" }, { names: "li" }, { names: "zed,amy" }],
  },
  // A sort under a slice: the examples' lists happen to be in order.
  firstTwo: {
    name: "first_two_names",
    description: "The first two of the comma-separated names.",
    examples: [
      [{ names: "ana,bo,cy" }, ["ana", "bo"]],
      [{ names: "al,dee,eve,fay" }, ["al", "dee"]],
    ],
    person: P((i) => (i.names as string).split(",").slice(0, 2)),
    probes: [{ names: "zed,amy,max" }, { names: "li" }],
  },
  // Objects with an empty name, the answer a list of objects.
  objectsKept: {
    name: "people_named",
    description: "The people that have a name.",
    examples: [
      [{ people: [{ name: "", age: 3 }, { name: "ana", age: 30 }, { name: "bo", age: 20 }] }, [{ name: "ana", age: 30 }, { name: "bo", age: 20 }]],
      [{ people: [{ name: "", age: 9 }, { name: "cy", age: 41 }, { name: "dee", age: 5 }] }, [{ name: "cy", age: 41 }, { name: "dee", age: 5 }]],
    ],
    person: P((i) => (i.people as In[]).filter((p) => p.name !== "")),
    probes: [{ people: [{ name: "zed", age: 1 }, { name: "", age: 2 }, { name: "amy", age: 3 }] }, { people: [{ name: "li", age: 4 }] }],
  },
  newline: csvUpper("line_names_upper", "The names, one a line, that are not empty, each in upper case.", "\n"),
  commaSpace: csvUpper("comma_space_upper", "The names separated by a comma and a space that are not empty, each in upper case.", ", "),
  // "rest": `\w+est` again.
  restWord: csvUpper("rest_names_upper", "The names (comma-separated) that are not empty, each in upper case; the rest are dropped.", ","),
  // "starts with"/"ends with" about something else, `includes` meant: the affix ops come first.
  containsStarts: containsWord("year_contains_starts", "Year of the first book whose title contains the given word (the shelf list starts with the oldest book)."),
  containsEnds: containsWord("year_contains_ends", "Year of the first book whose title contains the given word; the list ends with the newest book."),
  containsPrefix: containsWord("year_contains_prefix", "Year of the first book whose title contains the given word (titles carry no prefix like \"The\")."),
  // The sorted array is a flatMap of texts: reverser() finds no way to reverse it, the check is silent.
  nestedNames: {
    name: "team_members_upper",
    description: "The members of the teams (each team lists its members with commas), those not empty, in upper case.",
    examples: [
      [{ teams: ["ana,,bo"] }, ["ANA", "BO"]],
      [{ teams: [",cy,dee"] }, ["CY", "DEE"]],
    ],
    person: P((i) => (i.teams as string[]).flatMap((t) => t.split(",")).filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ teams: ["mary ann,,jo"] }, { teams: ["li"] }, { teams: ["zed,amy", "bo"] }],
  },
  // Words of a sentence, the examples' words in alphabetical order by chance.
  longWords: {
    name: "long_words",
    description: "The words of the sentence with more than two letters.",
    examples: [
      [{ text: "ant is bee cat" }, ["ant", "bee", "cat"]],
      [{ text: "dog of eel" }, ["dog", "eel"]],
    ],
    person: P((i) => (i.text as string).split(/\s+/).filter((w) => w.length > 2)),
    probes: [{ text: "zebra and ape" }, { text: "to be" }],
  },
  // Repeated items, every example the same reversed: unasked-order.ts skips them all.
  palindromes: {
    name: "csv_repeat_upper",
    description: "The comma-separated names that are not empty, each in upper case (a name may repeat).",
    examples: [
      [{ names: "ana,,ana" }, ["ANA", "ANA"]],
      [{ names: "bo,,bo" }, ["BO", "BO"]],
      [{ names: "cy,,cy" }, ["CY", "CY"]],
    ],
    person: P((i) => (i.names as string).split(",").filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ names: "mary ann,,jo" }, { names: "li" }, { names: "zed,amy" }],
  },
  // longWords with examples out of order from the start (is the give-up the question's doing?).
  longWordsUnsorted: {
    name: "long_words_unsorted",
    description: "The words of the sentence with more than two letters.",
    examples: [
      [{ text: "cat is bee ant" }, ["cat", "bee", "ant"]],
      [{ text: "eel of dog" }, ["eel", "dog"]],
    ],
    person: P((i) => (i.text as string).split(/\s+/).filter((w) => w.length > 2)),
    probes: [{ text: "zebra and ape" }, { text: "to be" }],
  },
};

/**
 * What broke on f128cbe (it.fails until mended):
 * - orderWord, guestWord, requestWord, restWord (published wrong, promise 2): ORDER_WORDS' `order\w*`
 *   and `\w+est` match "order", "guest", "request", "rest"; unasked-order.ts stays silent and the
 *   names sorted with the first dropped are published ("li" → [], "mary ann,,jo" → ["JO","MARY ANN"]).
 *   FIXED_36: the filter is published after four answers.
 * - containsStarts, containsEnds, containsPrefix (published wrong, promise 1 backfiring): "starts
 *   with"/"ends with"/"prefix" speak of the list or the titles, yet the affix ops come before
 *   `includes`: published `title.startsWith(word)` / `title.endsWith(word)` ("the sea wolf" not found for "sea").
 *   FIXED_36: containsEnds and containsPrefix publish `includes` after four answers; containsStarts
 *   asks on past six (the first book is also "the oldest": it no longer publishes wrong).
 * - opensWith, leadingLetters, beginsIn (published wrong): "opens with", "leading letters", "begins
 *   in" are no words of START_WORDS: published `code.includes(prefix)` ("XAB1" for "AB"). FIXED_36.
 * - pipe (published wrong): items separated by " | " published as the words of the text ("mary ann" split).
 *   FIXED_36, with commaSpace (gave up): the fields at " | " and ", " are sources; both publish the split after three answers.
 * - numberSuffix (asked forever): "ends with the given digits" of a number; asked 6+ times, never published.
 *   FIXED_36 on the work budget (which buys this spec more search than CPU time did): published after five
 *   answers as `${digits}${number}`.endsWith(digits), right on the probes; it differs from
 *   String(number).endsWith(digits) only for digits longer than the number that repeat it ("3434" and 34).
 * - prefixAnyCase, commaSpace, nestedNames (never published): gave up after 2, 1, 2 answers.
 * - longWords, longWordsUnsorted (never published): the reversed example is asked, then the search
 *   gives up (filter of words by length not found; not the new rule's doing: the unsorted one too).
 * - numberSuffix asks forever again since stop 49 (e410726): the fields read for each element context are
 *   counted as work now, and the program round 36 met near its budget's end after five answers
 *   (`${digits}${number}`.endsWith(digits), itself wrong for long repeating digits) is no longer reached;
 *   it asks on rather than publish. Open: a number's digits as a text's suffix.
 */
/**
 * Held since round 36: unasked-order.ts reads superlatives from a list and "order" only as "in ...
 * order" or "ordered by"; key-questions.ts moves a key on both sides of its entry's text first where
 * the words say "contains"; affix-ops.ts's words take "opens with", "begins in", "leading letters";
 * field-sources.ts cuts at a quoted mark with spaces (" | ") and at "a comma and a space".
 */
const FIXED_36 = new Set(["orderWord", "guestWord", "requestWord", "restWord", "containsEnds", "containsPrefix", "opensWith", "leadingLetters", "beginsIn", "pipe", "commaSpace"]);
const BREAKS = new Set(["containsStarts", "prefixAnyCase", "nestedNames", "longWords", "longWordsUnsorted", "numberSuffix"]);
const ONLY = (process.env.A35_ONLY ?? "").split(",").filter(Boolean);
describe("round 35 attack", () => {
  for (const [key, a] of Object.entries(ATTACKS)) {
    const label = BREAKS.has(key) ? "BREAK" : FIXED_36.has(key) ? "FIXED (round 36; broke before)" : "held";
    (ONLY.length && !ONLY.includes(key) ? it.skip : BREAKS.has(key) ? it.fails : it)(`${label}: ${key} — ${a.description}`, () => keeps(a, MUST.has(key)), ANSWERED_MS);
  }
});

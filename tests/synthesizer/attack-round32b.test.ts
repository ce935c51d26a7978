/**
 * Attack round 32b (issue 17) on 29dc485: the questions round 32 added about a lookup's key
 * (key-questions.ts `keyApproached`, `keyMissing`), the stated answer for a missing key
 * (missing-keys.ts, lookup-program.ts `missingAsStated`), `firstAskable` skipping a check whose
 * question is not `allowed` (example-backend.ts), and the item with a space inside asked where no
 * word speaks of words (described-shapes.ts). Specs invented here. A32B_TRACE=1 prints what the
 * backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import { absent, lookup, P, prefixShown, SKU_EXAMPLES, SKU_PROBES, STOCK_EXAMPLES, STOCK_PROBES } from "./lookup-specs.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const keeps = (a: StatedAttack, mustPublish: boolean): Promise<void> => keepsStatedPromise(backend, a, { mustPublish, traceVar: "A32B_TRACE", answers: 8 });


const skuZero = (description: string, name: string): StatedAttack => ({
  name, description, examples: SKU_EXAMPLES, person: P(lookup("catalog", "sku", "price", 0)), settled: absent("catalog", "sku"), probes: SKU_PROBES,
});

/** Plain tasks that must be published right. */
const CONTROLS: Record<string, StatedAttack> = {
  notListed: skuZero("Price of the sku in the catalog; 0 if the sku is not listed.", "price_not_listed"),
  emptyOrMissing: {
    name: "stock_or_zero",
    description: "Stock of the item in the inventory; an empty inventory or a missing item gives 0.",
    examples: STOCK_EXAMPLES,
    person: P(lookup("inventory", "item", "stock", 0)), settled: absent("inventory", "item"),
    probes: STOCK_PROBES,
  },
  namesUpper: {
    name: "names_upper",
    description: "The names that are not empty, each in upper case.",
    examples: [
      [{ names: ["ana", "", "bo"] }, ["ANA", "BO"]],
      [{ names: ["", "cy", "dee"] }, ["CY", "DEE"]],
    ],
    person: P((i) => (i.names as string[]).filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ names: ["mary ann", "", "jo"] }, { names: [] }, { names: ["li"] }],
  },
  tagsSplit: {
    name: "post_tags",
    description: "The tags of the posts, in lower case, in order (a post lists its tags with spaces between them).",
    examples: [
      [{ posts: ["News Tech", "Sport"] }, ["news", "tech", "sport"]],
      [{ posts: ["Art", "Food Travel Art"] }, ["art", "food", "travel", "art"]],
    ],
    person: P((i) => (i.posts as string[]).flatMap((x) => x.toLowerCase().split(/\s+/).filter((w) => w !== ""))),
    probes: [{ posts: ["A B C"] }, { posts: [] }, { posts: ["Solo"] }],
  },
  // A plain lookup by a number key with its stated answer -1 ("rank" beside small numbers).
  unknownBib: {
    name: "rank_by_id",
    description: "Rank of the runner with the given bib in the results; unknown bibs get rank -1.",
    examples: [
      [{ bib: 17, results: [{ bib: 17, rank: 2 }, { bib: 4, rank: 1 }] }, 2],
      [{ bib: 8, results: [{ bib: 31, rank: 1 }, { bib: 8, rank: 2 }] }, 2],
      [{ bib: 4, results: [{ bib: 17, rank: 2 }, { bib: 4, rank: 1 }] }, 1],
    ],
    person: P(lookup("results", "bib", "rank", -1)), settled: absent("results", "bib"),
    probes: [{ bib: 99, results: [{ bib: 17, rank: 5 }] }, { bib: 17, results: [] }, { bib: 31, results: [{ bib: 8, rank: 1 }, { bib: 31, rank: 3 }] }],
  },
  poemLines: {
    name: "poem_lines_upper",
    description: "The lines of the poem, each in upper case.",
    examples: [
      [{ poem: "roses\nviolets" }, ["ROSES", "VIOLETS"]],
      [{ poem: "sugar\nhoney\nyou" }, ["SUGAR", "HONEY", "YOU"]],
    ],
    person: P((i) => (i.poem as string).split("\n").map((x) => x.toUpperCase())),
    probes: [{ poem: "roses are red\nviolets" }, { poem: "one line only" }],
  },
};

/** Attacks on keyApproached: a key the words bring near an entry, or words that only look so. */
const APPROACHED: Record<string, StatedAttack> = {
  // Starts with: after the question on "AB12-1", starts-with and contains, first and last part on other probes.
  prefixFirst: {
    name: "price_by_prefix",
    description: "Price of the first product whose code starts with the given prefix.",
    examples: [
      [{ prefix: "AB12", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 5],
      [{ prefix: "EF56", products: [{ code: "GH78", price: 3 }, { code: "EF56", price: 11 }] }, 11],
      [{ prefix: "CD34", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 8],
    ],
    person: P((i) => (i.products as In[]).find((e) => (e.code as string).startsWith(i.prefix as string))?.price),
    probes: [
      { prefix: "AB", products: [{ code: "XAB1", price: 1 }, { code: "AB9", price: 2 }, { code: "AB7", price: 3 }] },
      { prefix: "C", products: [{ code: "CD34", price: 8 }, { code: "C1", price: 4 }] },
      { prefix: "GH", products: [{ code: "EF56", price: 3 }, { code: "GH78-x", price: 6 }] },
    ],
  },
  // Ends with: the question's "1-name" fits ends-with and contains alike.
  suffixFile: {
    name: "size_by_suffix",
    description: "Size of the first file whose name ends with the given suffix.",
    examples: [
      [{ suffix: "notes.txt", files: [{ name: "notes.txt", size: 120 }, { name: "cat.png", size: 900 }] }, 120],
      [{ suffix: "a.csv", files: [{ name: "b.json", size: 40 }, { name: "a.csv", size: 75 }] }, 75],
      [{ suffix: "cat.png", files: [{ name: "notes.txt", size: 120 }, { name: "cat.png", size: 900 }] }, 900],
    ],
    person: P((i) => (i.files as In[]).find((e) => (e.name as string).endsWith(i.suffix as string))?.size),
    probes: [
      { suffix: ".txt", files: [{ name: "x.txt.bak", size: 1 }, { name: "y.txt", size: 2 }] },
      { suffix: ".csv", files: [{ name: "a.csv", size: 5 }, { name: "b.csv", size: 6 }] },
    ],
  },
  // Starts with, an example already showing a prefix-only key: keyApproached stays silent.
  prefixShown: prefixShown("price_by_shown_prefix", "Price of the first product whose code starts with the given prefix."),
  // Contains, meant: the moved title is "1-dune-1".
  containsTitle: {
    name: "year_by_word",
    description: "Year of the first book whose title contains the given word.",
    examples: [
      [{ word: "dune", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1965],
      [{ word: "ulysses", books: [{ title: "beloved", year: 1987 }, { title: "ulysses", year: 1922 }] }, 1922],
      [{ word: "emma", books: [{ title: "dune", year: 1965 }, { title: "emma", year: 1815 }] }, 1815],
    ],
    person: P((i) => (i.books as In[]).find((e) => (e.title as string).includes(i.word as string))?.year),
    probes: [
      { word: "sea", books: [{ title: "the old man and the sea", year: 1952 }, { title: "sea", year: 2000 }] },
      { word: "war", books: [{ title: "peace", year: 1 }, { title: "war and peace", year: 1869 }] },
    ],
  },
  // "contains" speaks of the catalog, not the key: a missing sku (answer stated 0) is asked.
  containsCents: skuZero("Price of the sku in the catalog (the catalog contains prices in cents); 0 if the sku is not listed.", "price_cents"),
  // "includes" speaks of the price.
  includesTax: skuZero("Price of the sku in the catalog, which includes tax; 0 for a sku that is not listed.", "price_with_tax"),
  // "starts with" speaks of the catalog's order.
  startsWithCheapest: skuZero("Price of the sku in the catalog (the catalog starts with the cheapest sku); 0 if the sku is not listed.", "price_sorted_catalog"),
  // Nearest with ties: the smaller bracket wins.
  nearestTies: {
    name: "fee_nearest_bracket",
    description: "Fee of the bracket whose size is nearest the given size; on a tie, the smaller bracket's fee.",
    examples: [
      [{ size: 10, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] }, 3],
      [{ size: 40, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] }, 9],
      [{ size: 20, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] }, 5],
    ],
    person: P((i) => [...(i.brackets as In[])].sort((a, b) => Math.abs(a.size - i.size) - Math.abs(b.size - i.size) || a.size - b.size)[0]?.fee),
    probes: [
      { size: 15, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] },
      { size: 30, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] },
      { size: 100, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] },
      { size: 0, brackets: [{ size: 40, fee: 9 }, { size: 10, fee: 3 }] },
    ],
  },
  // Nearest without ties: moved a quarter of the way up, the next lower bracket and the nearest agree.
  nearestUp: {
    name: "fee_nearest_plain",
    description: "Fee of the bracket whose size is nearest the given size.",
    examples: [
      [{ size: 10, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] }, 3],
      [{ size: 40, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] }, 9],
      [{ size: 20, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] }, 5],
    ],
    person: P((i) => [...(i.brackets as In[])].sort((a, b) => Math.abs(a.size - i.size) - Math.abs(b.size - i.size))[0]?.fee),
    probes: [
      { size: 19, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] },
      { size: 36, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] },
      { size: 1, brackets: [{ size: 10, fee: 3 }, { size: 20, fee: 5 }, { size: 40, fee: 9 }] },
    ],
  },
  // The smallest class that can carry the weight, in words neither APPROACHED nor NUMBER_APPROACH hold.
  lightestClass: {
    name: "postage_class",
    description: "Postage of the lightest class that can carry the letter's weight (each class lists the most it carries).",
    examples: [
      [{ weight: 20, classes: [{ max: 20, fee: 1 }, { max: 100, fee: 2 }, { max: 500, fee: 4 }] }, 1],
      [{ weight: 100, classes: [{ max: 20, fee: 1 }, { max: 100, fee: 2 }, { max: 500, fee: 4 }] }, 2],
      [{ weight: 500, classes: [{ max: 20, fee: 1 }, { max: 100, fee: 2 }, { max: 500, fee: 4 }] }, 4],
    ],
    person: P((i) => (i.classes as In[]).filter((c) => c.max >= i.weight).sort((a, b) => a.max - b.max)[0]?.fee),
    probes: [
      { weight: 30, classes: [{ max: 20, fee: 1 }, { max: 100, fee: 2 }, { max: 500, fee: 4 }] },
      { weight: 5, classes: [{ max: 20, fee: 1 }, { max: 100, fee: 2 }, { max: 500, fee: 4 }] },
    ],
  },
  // "up to": a tier that holds the order's size.
  upToTier: {
    name: "tier_discount",
    description: "Discount of the tier the order's quantity falls in; a tier covers quantities up to its cap, and tiers are listed by cap.",
    examples: [
      [{ qty: 10, tiers: [{ cap: 10, off: 0 }, { cap: 50, off: 5 }, { cap: 1000, off: 12 }] }, 0],
      [{ qty: 50, tiers: [{ cap: 10, off: 0 }, { cap: 50, off: 5 }, { cap: 1000, off: 12 }] }, 5],
      [{ qty: 1000, tiers: [{ cap: 10, off: 0 }, { cap: 50, off: 5 }, { cap: 1000, off: 12 }] }, 12],
    ],
    person: P((i) => (i.tiers as In[]).find((t) => i.qty <= t.cap)?.off),
    probes: [
      { qty: 30, tiers: [{ cap: 10, off: 0 }, { cap: 50, off: 5 }, { cap: 1000, off: 12 }] },
      { qty: 3, tiers: [{ cap: 10, off: 0 }, { cap: 50, off: 5 }, { cap: 1000, off: 12 }] },
    ],
  },
};

/** Attacks on keyMissing and the stated answer for a missing key. */
const MISSING: Record<string, StatedAttack> = {
  // The condition before its answer: "If …, the answer is 0".
  ifFirst: skuZero("If the catalog lacks the sku, the answer is 0; otherwise the sku's price in the catalog.", "price_if_lacks"),
  // The answer after a comma: "for a sku the catalog lacks, 0".
  forCommaZero: skuZero("Price of the sku in the catalog; for a sku the catalog lacks, 0.", "price_for_lacks"),
  // A "not" that is no missing key's ("not counting tax") beside the stated 0.
  notCountingTax: skuZero("Price of the sku in the catalog, not counting tax; 0 if the sku is not listed.", "price_before_tax"),
  // A "defaults" that is about the currency.
  currencyDefaults: skuZero("Price of the sku in the catalog (the currency defaults to euros); 0 for a sku not in the catalog.", "price_euros"),
  // A number beside the key ("plus 2"): no lookup key, and keyMissing asks a settled missing sku.
  plusShipping: {
    name: "price_plus_shipping",
    description: "Price of the sku in the catalog plus 2 for shipping; 0 if the sku is not listed.",
    examples: [
      [{ sku: "K7", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 16],
      [{ sku: "P4", catalog: [{ sku: "R8", price: 3 }, { sku: "P4", price: 21 }] }, 23],
      [{ sku: "M2", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 11],
    ],
    person: P((i) => { const e = (i.catalog as In[]).find((x) => x.sku === i.sku); return e ? e.price + 2 : 0; }),
    settled: absent("catalog", "sku"),
    probes: SKU_PROBES,
  },
  // The answer stated as a spelled word with a unit ("zero euros").
  zeroEuros: skuZero("Price of the sku in the catalog; skus the catalog omits cost zero euros.", "price_zero_euros"),
  // The answer after the condition: "… if the catalog lists it, else 0".
  elseZero: skuZero("The catalog price of the sku if the catalog lists it, else 0.", "price_else"),
  // "0 otherwise" after the condition: held if read.
  hasItOtherwise: skuZero("Price of the sku when the catalog has it; 0 otherwise.", "price_otherwise"),
  // "otherwise 0" after an "if" clause.
  listsOtherwise: skuZero("Price of the sku if the catalog lists it, otherwise 0.", "price_lists_otherwise"),
  // A field the lookup never reads in the examples (all standard orders): asked, or published wrong.
  expressDoubled: {
    name: "price_express",
    description: "Price of the sku in the catalog, doubled for express orders; 0 if the sku is not listed.",
    examples: [
      [{ sku: "K7", express: false, catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 14],
      [{ sku: "P4", express: false, catalog: [{ sku: "R8", price: 3 }, { sku: "P4", price: 21 }] }, 21],
      [{ sku: "M2", express: false, catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 9],
    ],
    person: P((i) => { const e = (i.catalog as In[]).find((x) => x.sku === i.sku); return e ? e.price * (i.express ? 2 : 1) : 0; }),
    settled: absent("catalog", "sku"),
    probes: [{ sku: "K7", express: true, catalog: [{ sku: "K7", price: 14 }] }, { sku: "Z1", express: true, catalog: [{ sku: "K7", price: 4 }] }, { sku: "R8", express: false, catalog: [{ sku: "R8", price: 30 }] }],
  },
  // A text answer for an unknown user, quoted with single quotes.
  singleQuoted: {
    name: "team_of_user",
    description: "Team of the user in the roster; 'none' for a user the roster lacks.",
    examples: [
      [{ user: "ana", roster: [{ user: "ana", team: "red" }, { user: "bo", team: "blue" }] }, "red"],
      [{ user: "cy", roster: [{ user: "dee", team: "green" }, { user: "cy", team: "gold" }] }, "gold"],
      [{ user: "bo", roster: [{ user: "ana", team: "red" }, { user: "bo", team: "blue" }] }, "blue"],
    ],
    person: P(lookup("roster", "user", "team", "none")), settled: absent("roster", "user"),
    probes: [{ user: "eli", roster: [{ user: "ana", team: "red" }] }, { user: "ana", roster: [] }, { user: "dee", roster: [{ user: "dee", team: "x" }] }],
  },
};

/** Attacks on the item with a space inside (described-shapes.ts) and words WORD_WORDS holds in another sense. */
const SHAPES: Record<string, StatedAttack> = {
  // "part" names the things, not a text's parts: no question, every name's words published.
  partNames: {
    name: "part_names_upper",
    description: "The part names that are not empty, each in upper case.",
    examples: [
      [{ parts: ["gear", "", "axle"] }, ["GEAR", "AXLE"]],
      [{ parts: ["", "cam", "pin"] }, ["CAM", "PIN"]],
    ],
    person: P((i) => (i.parts as string[]).filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ parts: ["ball bearing", "", "nut"] }, { parts: [] }],
  },
  // "surnames": a surname may hold a space ("van dijk").
  surnames: {
    name: "surnames_upper",
    description: "The surnames that are not empty, each in upper case.",
    examples: [
      [{ surnames: ["smith", "", "lee"] }, ["SMITH", "LEE"]],
      [{ surnames: ["", "kim", "ng"] }, ["KIM", "NG"]],
    ],
    person: P((i) => (i.surnames as string[]).filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ surnames: ["van dijk", "", "o"] }, { surnames: [] }],
  },
  // "spaces" in another sense (parking spaces).
  parkingSpaces: {
    name: "space_labels",
    description: "The labels of the parking spaces that are not empty, each in upper case.",
    examples: [
      [{ labels: ["a1", "", "b2"] }, ["A1", "B2"]],
      [{ labels: ["", "c3", "d4"] }, ["C3", "D4"]],
    ],
    person: P((i) => (i.labels as string[]).filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ labels: ["visitor 1", "", "e5"] }, { labels: [] }],
  },
  // Lines of a text, where a per-word program also fits: "lines" is no word of WORD_WORDS, so asked.
  nonEmptyLines: {
    name: "nonempty_lines_upper",
    description: "The lines of the note that are not empty, each in upper case.",
    examples: [
      [{ note: "milk\n\neggs" }, ["MILK", "EGGS"]],
      [{ note: "\nbread\ntea" }, ["BREAD", "TEA"]],
    ],
    person: P((i) => (i.note as string).split("\n").filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ note: "oat milk\n\neggs" }, { note: "tea" }],
  },
  // "separated" speaks of the list's items, not of their words.
  separatedItems: {
    name: "csv_names_upper",
    description: "The comma-separated names that are not empty, each in upper case.",
    examples: [
      [{ names: "ana,,bo" }, ["ANA", "BO"]],
      [{ names: ",cy,dee" }, ["CY", "DEE"]],
    ],
    person: P((i) => (i.names as string).split(",").filter((x) => x !== "").map((x) => x.toUpperCase())),
    probes: [{ names: "mary ann,,jo" }, { names: "li" }],
  },
};

/**
 * The attacks that broke the promise on 29dc485 (what the backend did; those in FIXED hold now):
 * - unknownBib (control): a plain lookup by bib, "unknown bibs get rank -1": still asks after 8
 *   answers (duplicate bibs, one-entry lists, ranks 0), never published.
 * - prefixFirst: asked once about "AB12-1" (keyApproached), then published a program of the codes'
 *   digits, sorted, the highest price (throws on prefix "AB").
 * - prefixShown: an example shows a prefix-only key, so keyApproached is silent: published
 *   `code.includes(prefix)` ("XAB1" taken for prefix "AB").
 * - suffixFile: the question's "1-notes.txt" fits ends-with and contains alike: published
 *   `name.includes(suffix)` ("x.txt.bak" taken for ".txt").
 * - containsCents, includesTax, startsWithCheapest: "contains", "includes", "starts with" speak of the
 *   catalog or the price, yet keyApproached asks about "1-K7-1" / "K7-1" (a sku the catalog lacks,
 *   answer stated 0); APPROACHED in lookup-keys.ts drops the lookup, so the 0 is never read.
 * - ifFirst, forCommaZero: the condition before its answer ("If the catalog lacks the sku, the
 *   answer is 0"; "for a sku the catalog lacks, 0"): the clause cut at "," states no answer, so
 *   missingAnswer is undefined and keyMissing asks a missing sku ("K70").
 * - notCountingTax, currencyDefaults: a clause with a missing word about something else ("not
 *   counting tax", "the currency defaults to euros") states no answer: missingAnswer undefined,
 *   keyMissing asks "K70".
 * - plusShipping: "plus 2 for shipping" is a number beside the key (then numberBesideKey, now
 *   readsAmongCount, which reads only a count of entries): no lookup,
 *   keyMissing asks "K70" whose answer (0) is stated; then gave up.
 * - singleQuoted: "'none' for a user the roster lacks": the single-quoted text is read as the word
 *   none (0), not of the answers' kind, so no lookup; keyMissing asks "ana0".
 * - elseZero, listsOtherwise: "… if the catalog lists it, else/otherwise 0": the "if" clause states
 *   no answer, so no missing answer, no lookup, no missingAsStated, and KEY_MISSING has no "else" /
 *   "otherwise" / "lists": published `find(sku).price`, which gives nothing for a missing sku.
 * - partNames, surnames, parkingSpaces: WORD_WORDS holds "part", "surnames", "spaces" in other senses
 *   (the things listed), so no item with a space inside is asked: published every item's words
 *   ("ball bearing" → BALL, BEARING).
 * - separatedItems: "comma-separated names that are not empty": published the items sorted, the
 *   first dropped (every example had one empty item); "li" → [], "mary ann,,jo" reordered.
 */
const BREAKS: ReadonlySet<string> = new Set<string>([
  "unknownBib", "containsCents", "includesTax", "startsWithCheapest",
]);

/**
 * Broke 29dc485, mended by the lead before round 32 landed:
 * - missing-keys.ts: a clause that is only a condition speaks for the next (ifFirst, forCommaZero);
 *   a clause with no answer and no word of a missing key is about something else (notCountingTax,
 *   elseZero, listsOtherwise: now the lookup with its stated 0); "defaults" is no word of a missing
 *   key for keyMissing (currencyDefaults); single quotes hold a text answer (singleQuoted).
 * - lookup-keys.ts: only a count of entries ("the first 3 entries") turns the lookup off, not any
 *   number (plusShipping).
 * - described-shapes.ts: "parts", "surnames", "spaces" alone name the things listed, not words
 *   (partNames, surnames, parkingSpaces: the item with a space inside is asked about).
 */
const FIXED = new Set<string>(["ifFirst", "forCommaZero", "notCountingTax", "currencyDefaults", "plusShipping", "singleQuoted", "elseZero", "listsOtherwise", "partNames", "surnames", "parkingSpaces"]);
/**
 * Broke until round 35: affix-ops.ts builds `startsWith` and `endsWith` where the description speaks
 * of a prefix or a suffix, ahead of the equality and `includes` they agree with on examples whose
 * pattern stands at the start (prefixFirst, prefixShown, suffixFile: published `includes` before);
 * unasked-order.ts asks about a sort no word asks for on an example with its items reversed
 * (separatedItems: published sorted with the first, empty, item dropped; now the filter).
 */
const FIXED_35 = new Set<string>(["prefixFirst", "prefixShown", "suffixFile", "separatedItems"]);
const ONLY = (process.env.A32B_ONLY ?? "").split(",").filter(Boolean);
const pick = (key: string) => (ONLY.length && !ONLY.includes(key) ? it.skip : BREAKS.has(key) ? it.fails : it);
const standing = (key: string, held: string): string => (BREAKS.has(key) ? "BREAK" : FIXED.has(key) ? "FIXED (round 32, lead)" : FIXED_35.has(key) ? "FIXED (round 35)" : held);

describe("round 32b attack: keys only near an entry, missing keys, skipped questions, spaces inside items", () => {
  for (const [key, a] of Object.entries(CONTROLS)) {
    pick(key)(`${standing(key, "control")}: ${key} — ${a.description}`, () => keeps(a, true), ANSWERED_MS);
  }
  for (const [key, a] of Object.entries({ ...APPROACHED, ...MISSING, ...SHAPES })) {
    pick(key)(`${standing(key, "held")}: ${key} — ${a.description}`, () => keeps(a, false), ANSWERED_MS);
  }
});

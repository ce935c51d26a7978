/**
 * Round 25b attack: answers alike item by item, seen through a list or a count (alike-items.ts,
 * item-probes.ts, selection-words.ts). Specs invented here (plausible user requests, none from
 * tests/fixtures/specs/): selections whose every example keeps every item, counts of every item,
 * selections whose every example keeps none, maps that keep everything, and descriptions that take
 * the whole list. A person answers every question consistently (answered.ts `holds`): a program
 * published wrong on a plausible probe breaks the promise. `it.fails("BROKE: …")` asserts the
 * promise and fails while it is broken; `it("held: …")` is an attempt that held.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS, holds } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

type Ex = [unknown, unknown][];
/** Examples whose answer is the input's one list, whole. */
const same = (xs: Record<string, unknown>[]): Ex => xs.map((x) => [x, x[Object.keys(x)[0] as string]]);
/** Examples whose answer is the length of the input's one list. */
const lengths = (xs: Record<string, unknown[]>[]): Ex => xs.map((x) => [x, (x[Object.keys(x)[0] as string] as unknown[]).length]);
const person = <T>(f: (i: T) => unknown): Person => f as Person;

type Order = { id: number; paid?: boolean; cancelled?: boolean; day?: number };
const order = (id: number, paid: boolean): Order => ({ id, paid, day: id });
const product = (name: string, price: number) => ({ name, price });
const ticket = (id: number, status: string) => ({ id, status });
type Member = { name: string; age: number; verified: boolean };
const member = (name: string, age: number): Member => ({ name, age, verified: true });
type Task = { title: string; done: boolean };
type Parcel = { ref: string; shipped: boolean };
type Item = { sku: string; stock: number };
type User = { name: string; active: boolean };
const user = (name: string, active: boolean): User => ({ name, active });
const words = (s: string): string[] => s.split(" ").filter((w) => w !== "");
const capitalCounts: Ex = [[{ words: ["Ana", "Bo"] }, 2], [{ words: ["Lisbon"] }, 1], [{ words: ["Oslo", "Rome", "Lima"] }, 3]];
const weekday = (d: string): boolean => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

/** Promise 1 (every item kept, published as the whole list) and 2 (every item counted, published as the length): [attack, what it did]. */
const KEPT_OR_COUNTED: [Attack, string][] = [
  [{
    name: "shop_paid_orders", description: "The orders of the shop that have been paid.",
    examples: [[{ shop: { orders: [{ id: 1, paid: true }, { id: 2, paid: true }] } }, [{ id: 1, paid: true }, { id: 2, paid: true }]], [{ shop: { orders: [{ id: 7, paid: true }] } }, [{ id: 7, paid: true }]]],
    person: person((i: { shop: { orders: Order[] } }) => i.shop.orders.filter((o) => o.paid)),
    probes: [{ shop: { orders: [{ id: 3, paid: false }, { id: 4, paid: true }] } }],
  }, "published `input.shop.orders` with no question, which keeps an unpaid order: the list is one field deeper than the input's own fields, and listPaths (alike-items.ts:20-25) looks only at the input itself and its top-level fields"],
  [{
    name: "keep_unshipped", description: "Keep the parcels not yet shipped.",
    examples: same([{ items: [{ ref: "a", shipped: false }, { ref: "b", shipped: false }] }, { items: [{ ref: "c", shipped: false }] }]),
    person: person((i: { items: Parcel[] }) => i.items.filter((p) => !p.shipped)),
    probes: [{ items: [{ ref: "d", shipped: true }, { ref: "e", shipped: false }] }],
  }, "published `input.items` with no question: 'keep' and 'not yet' are no filter words (rank.ts:153 knows only only/those/whose/that/which/filter/where), and the description's noun 'parcels' is not the field's 'items', so speaksOfSelection (selection-words.ts:35-37) is false"],
  [{
    name: "drop_cancelled", description: "From the orders, drop any cancelled ones.",
    examples: same([{ orders: [{ id: 1, cancelled: false }, { id: 2, cancelled: false }] }, { orders: [{ id: 3, cancelled: false }] }]),
    person: person((i: { orders: Order[] }) => i.orders.filter((o) => !o.cancelled)),
    probes: [{ orders: [{ id: 4, cancelled: true }, { id: 5, cancelled: false }] }],
  }, "published `input.orders` with no question: a selection said with 'drop' and 'ones' is not read as one (no filter word, the qualifier stands before 'ones', not 'orders': selection-words.ts:29-32)"],
  [{
    name: "tasks_not_done", description: "Keep the tasks not done yet.",
    examples: same([{ tasks: [{ title: "buy milk", done: false }, { title: "call mum", done: false }] }, { tasks: [{ title: "pay rent", done: false }] }]),
    person: person((i: { tasks: Task[] }) => i.tasks.filter((t) => !t.done)),
    probes: [{ tasks: [{ title: "x", done: true }, { title: "y", done: false }] }],
  }, "published `input.tasks` with no question: a qualifier written after the noun ('the tasks not done') is no selection to selection-words.ts, which reads only the word before the noun"],
  [{
    name: "remove_empty_tags", description: "Remove the empty strings from the list of tags.",
    examples: same([{ tags: ["news", "tech"] }, { tags: ["art"] }, { tags: ["go", "js", "ts"] }]),
    person: person((i: { tags: string[] }) => i.tags.filter((t) => t !== "")),
    probes: [{ tags: ["", "a"] }, { tags: [""] }],
  }, "published `input.tags` with no question: 'remove the empty strings' qualifies 'strings', not the field's noun 'tags', and 'remove' is no filter word"],
  [{
    name: "com_emails", description: "Keep the email addresses ending in .com.",
    examples: same([{ emails: ["ana@x.com", "bo@y.com"] }, { emails: ["cy@z.com"] }, { emails: ["d@a.com", "e@b.com", "f@c.com"] }]),
    person: person((i: { emails: string[] }) => i.emails.filter((e) => e.endsWith(".com"))),
    probes: [{ emails: ["g@h.org", "i@j.com"] }, { emails: ["k@l.net"] }],
  }, "published `input.emails` with no question: the noun of 'email addresses' is 'addresses' ('the email' is read as unqualified), and 'ending in' is no filter word"],
  [{
    name: "positive_numbers_list", description: "Keep the positive numbers.",
    examples: [[[3, 5, 1], [3, 5, 1]], [[8], [8]], [[2, 9], [2, 9]]],
    person: person((xs: number[]) => xs.filter((x) => x > 0)),
    probes: [[-2, 4], [-1]],
  }, "published `input` with no question: the input is the list itself, whose path [] gives no noun (nounsOf(\"\") is [], alike-items.ts:67), so 'positive numbers' qualifies nothing the check knows"],
  [{
    name: "capital_words_of_sentence", description: "The words of the sentence that start with a capital letter.",
    examples: [[{ s: "Ana Bo" }, ["Ana", "Bo"]], [{ s: "Lisbon" }, ["Lisbon"]], [{ s: "Oslo Rome Lima" }, ["Oslo", "Rome", "Lima"]]],
    person: person((i: { s: string }) => words(i.s).filter((w) => /^[A-Z]/.test(w))),
    probes: [{ s: "ana Bo" }, { s: "the end" }],
  }, "published `input.s.split(/\\s+/).filter((t) => t !== \"\")` with no question: the items are the words of a text, not a list of the input, so allKept (alike-items.ts:66) finds no list path equal to the answer"],
  [{
    name: "negative_temperature_count", description: "The number of negative temperatures.",
    examples: lengths([{ temps: [-3, -5] }, { temps: [-1] }, { temps: [-8, -2, -4] }]),
    person: person((i: { temps: number[] }) => i.temps.filter((x) => x < 0).length),
    probes: [{ temps: [3, -2] }, { temps: [0] }],
  }, "published `input.temps.length` with no question: the field 'temps' gives the nouns temps/temp, the description says 'temperatures', so 'negative temperatures' is not read as a qualified count (selection-words.ts:21-26, 29-32)"],
  [{
    name: "weekday_date_count", description: "Count how many dates fall on a weekday.",
    examples: lengths([{ dates: ["2024-03-04", "2024-03-05"] }, { dates: ["2024-03-06"] }, { dates: ["2024-03-07", "2024-03-08", "2024-03-11"] }]),
    person: person((i: { dates: string[] }) => i.dates.filter(weekday).length),
    probes: [{ dates: ["2024-03-09", "2024-03-04"] }],
  }, "published `input.dates.length` with no question: 'how many dates fall on' is not 'how many of' (selection-words.ts:10), 'many' is no qualifier, and no filter word is written"],
  [{
    name: "items_in_stock_count", description: "Number of items in stock.",
    examples: lengths([{ items: [{ sku: "a", stock: 3 }, { sku: "b", stock: 1 }] }, { items: [{ sku: "c", stock: 8 }] }, { items: [{ sku: "d", stock: 2 }, { sku: "e", stock: 5 }, { sku: "f", stock: 9 }] }]),
    person: person((i: { items: Item[] }) => i.items.filter((x) => x.stock > 0).length),
    probes: [{ items: [{ sku: "g", stock: 0 }, { sku: "h", stock: 4 }] }],
  }, "after one answer (an example with its stocks changed to 6 and 2: 2, asked by a rival with no reading) published `input.items.length`, 2 for an item with stock 0: 'items in stock' qualifies after the noun, so the count of every item is never asked about"],
  [{
    name: "capital_word_count_of_sentence", description: "How many of the words in the sentence start with a capital letter?",
    examples: [[{ s: "Ana Bo" }, 2], [{ s: "Lisbon" }, 1], [{ s: "Oslo Rome Lima" }, 3]],
    person: person((i: { s: string }) => words(i.s).filter((w) => /^[A-Z]/.test(w)).length),
    probes: [{ s: "ana Bo" }, { s: "the end" }],
  }, "published `input.s.toUpperCase().split(/\\s+/).filter((t) => t !== \"\").length` with no question, 2 for \"the end\": 'how many of' is written, but the words are a text's, not a list of the input, so allCounted (alike-items.ts:83) finds no list whose length is the answer"],
  [{
    name: "words_with_a_capital_count", description: "Number of words with a capital letter.",
    examples: capitalCounts,
    person: person((i: { words: string[] }) => i.words.filter((w) => /^[A-Z]/.test(w)).length),
    probes: [{ words: ["ana", "Bo"] }, { words: ["the", "end"] }],
  }, "published `input.words.length` with no question, 2 for [\"the\", \"end\"]: round 25's own spec said without 'how many of' — WITH_CLAUSE (selection-words.ts:9) wants 'the/those/any' before the noun, and 'of' before 'words' is no qualifier"],
  [{
    name: "count_words_starting_capital", description: "Count words starting with a capital letter.",
    examples: capitalCounts,
    person: person((i: { words: string[] }) => i.words.filter((w) => /^[A-Z]/.test(w)).length),
    probes: [{ words: ["ana", "Bo"] }, { words: ["the", "end"] }],
  }, "published `input.words.length` with no question: a participle after the noun ('words starting with') is no selection, and 'count' before 'words' is in NOT_QUALIFIERS"],
  [{
    name: "keep_words_with_capital", description: "Keep words with a capital first letter.",
    examples: same([{ words: ["Ana", "Bo"] }, { words: ["Lisbon"] }, { words: ["Oslo", "Rome", "Lima"] }]),
    person: person((i: { words: string[] }) => i.words.filter((w) => /^[A-Z]/.test(w))),
    probes: [{ words: ["ana", "Bo"] }, { words: ["the", "end"] }],
  }, "published `input.words` with no question: 'keep words with' has no determiner for WITH_CLAUSE and 'keep' is in NOT_QUALIFIERS"],
  [{
    name: "adult_users", description: "The users who are adults.",
    examples: same([{ users: [member("ana", 30), member("bo", 41)] }, { users: [member("cy", 22)] }, { users: [member("dee", 65), member("eli", 19)] }]),
    person: person((i: { users: Member[] }) => i.users.filter((u) => u.age >= 18)),
    probes: [{ users: [member("kid", 10), member("mum", 40)] }, { users: [member("teen", 17)] }],
  }, "published `input.users` with no question: 'who' is no filter word (rank.ts:153 has 'that', 'which', 'whose', not 'who'), and 'adults' is no qualifier before 'users'"],
  [{
    name: "comment_line_count", description: "How many of the lines of the file are comments, starting with #?",
    examples: [[{ file: "# a\n# b" }, 2], [{ file: "# only" }, 1], [{ file: "# x\n# y\n# z" }, 3]],
    person: person((i: { file: string }) => i.file.split("\n").filter((l) => l.startsWith("#")).length),
    probes: [{ file: "code\n# c" }, { file: "x = 1" }],
  }, "published `input.file.split(/\\r?\\n/).length` with no question, 2 for \"code\\n# c\": the lines of a text, like the words of a sentence, are no list of the input (alike-items.ts:83)"],
  [{
    name: "remove_negatives_each_row", description: "Remove the negative numbers from each row.",
    examples: same([{ rows: [[1, 2], [3, 4]] }, { rows: [[5]] }, { rows: [[6, 7, 8], [9]] }]),
    person: person((i: { rows: number[][] }) => i.rows.map((r) => r.filter((x) => x >= 0))),
    probes: [{ rows: [[1, -2], [3]] }, { rows: [[-1]] }],
  }, "published `input.rows` with no question: the selection is inside each row, the description's noun ('numbers') is not the field's ('rows') and 'remove' is no filter word, so allKept never runs"],
  [{
    name: "paid_orders_newest_first", description: "The paid orders, newest day first.",
    examples: [
      [{ orders: [order(1, true), order(2, true)] }, [order(2, true), order(1, true)]], [{ orders: [order(3, true)] }, [order(3, true)]],
      [{ orders: [order(5, true), order(9, true), order(4, true)] }, [order(9, true), order(5, true), order(4, true)]],
    ],
    person: person((i: { orders: Order[] }) => i.orders.filter((o) => o.paid).sort((a, b) => (b.day ?? 0) - (a.day ?? 0))),
    probes: [{ orders: [order(7, false), order(8, true)] }],
  }, "asked three questions about ties of the day, then published `[...input.orders].sort(…day…)`, which keeps an unpaid order: every order is kept, but sorted, so the answer is no input list and allKept (alike-items.ts:66) never sees a selection"],
];

/** Promise 1 after consistent answers: the probe's changed item stays a member, or the answer teaches a weaker rule: [attack, what it did]. */
const AFTER_ANSWERS: [Attack, string][] = [
  [{
    name: "words_with_a", description: "The words that contain the letter a.",
    examples: same([{ words: ["cat", "bag"] }, { words: ["map"] }, { words: ["ant", "hat", "jam"] }]),
    person: person((i: { words: string[] }) => i.words.filter((w) => w.includes("a"))),
    probes: [{ words: ["dog", "cat"] }, { words: ["sun"] }, { words: ["Apple", "pear"] }],
  }, "asked \"Cat\" (re-cased: still contains a, kept) then \"\" (dropped), and after a third answer published `input.words.flatMap((x) => x.split(/\\s+/).filter((t) => t !== \"\"))`, which keeps \"dog\": the only change that drops an item is the emptied text (item-probes.ts:102), so the answers teach 'not empty', never 'contains a'"],
  [{
    name: "j_names", description: "The names that start with J.",
    examples: same([{ names: ["Jack", "Jill"] }, { names: ["June"] }, { names: ["Joe", "Jan", "Jo"] }]),
    person: person((i: { names: string[] }) => i.names.filter((n) => n.startsWith("J"))),
    probes: [{ names: ["Anna", "Jack"] }, { names: ["Bob"] }],
  }, "asked \"jack\" (re-cased, dropped), then published a filter for capitalized names, which keeps \"Anna\" and \"Bob\": 'J' is one capital letter, not a word of two (item-probes.ts:43 wants [A-Z][A-Z0-9_]+), so no name with another first letter is ever asked"],
  [{
    name: "readings_over_ten", description: "Only the readings over ten.",
    examples: same([{ readings: [12, 30] }, { readings: [15] }, { readings: [11, 50, 22] }]),
    person: person((i: { readings: number[] }) => i.readings.filter((x) => x > 10)),
    probes: [{ readings: [5, 20] }, { readings: [10] }, { readings: [3] }],
  }, "asked -12 (sign, dropped) and 1 (dropped), then published `input.readings.filter((x) => x > 1)`, which keeps 5 and 10: a limit written in words ('ten') is no stated number, so no reading just under it is asked"],
  [{
    name: "long_titles", description: "The titles that are longer than ten characters.",
    examples: same([{ titles: ["The Long Walk", "Great Expectations"] }, { titles: ["Moby Dick Again"] }, { titles: ["War and Peace", "Little Women Two"] }]),
    person: person((i: { titles: string[] }) => i.titles.filter((t) => t.length > 10)),
    probes: [{ titles: ["Emma", "Middlemarch"] }, { titles: ["Dune"] }],
  }, "asked \"the Long Walk\" (kept) and \"\" (dropped), then published `input.titles.filter((x) => x !== \"\")`, which keeps \"Emma\": 'ten characters' in words is no stated length, so no title cut short is asked"],
  [{
    name: "only_positive_each_row", description: "Keep only the positive numbers in each row.",
    examples: same([{ rows: [[1, 2], [3, 4]] }, { rows: [[5]] }, { rows: [[6, 7, 8], [9]] }]),
    person: person((i: { rows: number[][] }) => i.rows.map((r) => r.filter((x) => x > 0))),
    probes: [{ rows: [[1, -2], [3]] }, { rows: [[-1]] }],
  }, "asked [[-1,2],[3,4]] offering the whole row left out ([[3,4]], alike-items.ts:72: the changed item is the row, not the number), then after five answers published `input.rows.map((x) => Math.min(...x) >= 0 ? x : x.slice(1))`, [[-2],[3]] for [[1,-2],[3]]"],
  [{
    name: "words_with_e_count", description: "How many of the words contain the letter e?",
    examples: [[{ words: ["tree", "bee"] }, 2], [{ words: ["sea"] }, 1], [{ words: ["red", "pen", "net"] }, 3]],
    person: person((i: { words: string[] }) => i.words.filter((w) => w.includes("e")).length),
    probes: [{ words: ["dog", "cat"] }, { words: ["sun", "tea"] }],
  }, "asked \"Tree\" (still has an e: 2) and \"\" (1), then published the count of non-empty words, 2 for [\"dog\", \"cat\"]: as for words_with_a, through a count"],
  [{
    name: "eco_products", description: "The products whose name contains 'eco'.",
    examples: same([{ products: [product("eco soap", 3), product("ecobag", 5)] }, { products: [product("deco lamp", 20)] }, { products: [product("eco cup", 4), product("eco mug", 6)] }]),
    person: person((i: { products: { name: string }[] }) => i.products.filter((p) => p.name.includes("eco"))),
    probes: [{ products: [product("soap", 2), product("eco pen", 1)] }],
  }, "asked \"Eco soap\" (re-cased, dropped), then published `input.products.filter((x) => x.name === x.name.toLowerCase())`, which keeps \"soap\": the quoted 'eco' is in the inputs already, so it is no named change (item-probes.ts:45), and the one change asked teaches 'lower case'"],
  [{
    name: "senior_member_count", description: "How many of the members are seniors?",
    examples: [[{ members: [member("ana", 70), member("bo", 81)] }, 2], [{ members: [member("cy", 66)] }, 1], [{ members: [member("dee", 90), member("eli", 75), member("fay", 68)] }, 3]],
    person: person((i: { members: Member[] }) => i.members.filter((u) => u.age >= 65).length),
    probes: [{ members: [member("x", 30), member("y", 70)] }, { members: [member("z", 64)] }],
  }, "asked a member unverified (still a senior: counted), a name re-cased (counted), ages -70, 0 and -1 (not counted), then published `input.members.filter((x) => x.age >= 1).length`, 2 for ages 30 and 70: the changes that keep a member a senior spend the questions, and the only age changes are a sign and 0, so the answers teach 'a positive age'"],
  [{
    name: "todo_lines", description: "The lines that start with TODO.",
    examples: same([{ lines: ["TODO fix login", "TODO add tests"] }, { lines: ["TODO write docs"] }, { lines: ["TODO a", "TODO b", "TODO c"] }]),
    person: person((i: { lines: string[] }) => i.lines.filter((l) => l.startsWith("TODO"))),
    probes: [{ lines: ["Done: x", "TODO y"] }, { lines: ["Fix it"] }],
  }, "asked \"tODO fix login\" (dropped), then published a filter for lines starting with a capital, which keeps \"Fix it\": 'TODO' is in every input, so it is no named word (item-probes.ts:45), and no line without the prefix is ever asked"],
  [{
    name: "refund_messages", description: "The messages that mention the word refund, in any case.",
    examples: same([{ messages: ["I want a refund", "refund please"] }, { messages: ["where is my refund"] }, { messages: ["refund now", "no refund?", "a refund"] }]),
    person: person((i: { messages: string[] }) => i.messages.filter((m) => /\brefund\b/i.test(m))),
    probes: [{ messages: ["hello there", "Refund me"] }, { messages: ["thanks"] }],
  }, "asked only \"\" (dropped; the texts are of both cases, so no re-casing), then published `input.messages.filter((x) => x !== \"\")`, which keeps \"thanks\": no change takes the word out of a message"],
];

/** Promise 3 (every answer [] never published as a program that keeps nothing): [attack, what it did]. */
const NONE_KEPT: [Attack, string][] = [
  [{
    name: "words_in_capitals", description: "The words of the sentence written in all capitals.",
    examples: [[{ s: "hello there" }, []], [{ s: "good morning" }, []], [{ s: "see you soon" }, []], [{ s: "ok" }, []]],
    person: person((i: { s: string }) => words(i.s).filter((w) => w === w.toUpperCase() && /[A-Z]/.test(w))),
    probes: [{ s: "call NASA now" }, { s: "BIG deal" }],
  }, "asked \"\" and \"Hello there\" (both [] rightly), then published `input.s.toUpperCase().split(/\\s+/).filter((t) => t !== \"\").slice(0, 0)`, the constant []: the input is one text, its 'seen' changes are other examples' own inputs (dropped, item-probes.ts:110, 161), and once a case and an empty text are shown no change is left, so noneKept falls through (alike-items.ts:50-56) and six alike answers pass the constant (ambiguity.ts:189, CONSTANT_EXAMPLES)"],
  [{
    name: "hashtags", description: "The hashtags in the tweet, the words starting with #.",
    examples: [[{ tweet: "nice day" }, []], [{ tweet: "going home now" }, []], [{ tweet: "lunch" }, []]],
    person: person((i: { tweet: string }) => words(i.tweet).filter((w) => w.startsWith("#"))),
    probes: [{ tweet: "love #sun" }, { tweet: "#a #b" }],
  }, "asked \"\" and \"Nice day\" (both []), then published `input.tweet.split(/\\s+/).filter((t) => t !== \"\").slice(0, 0)`: as above, the changes of a lone text run out after two answers and the fifth alike [] lets the constant through; '#' is never put into a word"],
  [{
    name: "digits_in_code", description: "The digits that appear in the code, in order.",
    examples: [[{ code: "abc" }, []], [{ code: "xyz" }, []], [{ code: "hello" }, []], [{ code: "q" }, []]],
    person: person((i: { code: string }) => [...i.code].filter((c) => /\d/.test(c))),
    probes: [{ code: "a1b2" }, { code: "7" }],
  }, "asked \"\" and \"Abc\" (both []), then published `input.code.split(/\\s+/).filter((t) => t !== \"\").slice(1)`, [] for \"a1b2\": a program that keeps nothing on every one-word code, once a lone text's changes ran out"],
  [{
    name: "space_positions", description: "The positions (from 0) of the spaces in the text.",
    examples: [[{ s: "hello" }, []], [{ s: "abc" }, []], [{ s: "x" }, []], [{ s: "word" }, []]],
    person: person((i: { s: string }) => [...i.s].flatMap((c, k) => (c === " " ? [k] : []))),
    probes: [{ s: "a b" }, { s: "hi there you" }],
  }, "asked \"\" and \"Hello\", then published `input.s.split(/\\s+/).filter((t) => t !== \"\").slice(1)`, [\"b\"] for \"a b\": no change puts a space in a text"],
];

/** Descriptions that take every item (promise 4): a question is a false alarm: [name, description, examples, what it did]. */
const orders = same([{ orders: [{ id: 1, paid: true }, { id: 2, paid: true }] }, { orders: [{ id: 7, paid: true }] }]);
const team = same([{ users: [user("ana", true), user("bo", true)] }, { users: [user("cy", true)] }]);
const wordCounts: Ex = [[{ words: ["Ana", "Bo"] }, 2], [{ words: ["Lisbon"] }, 1], [{ words: ["Oslo", "Rome", "Lima"] }, 3]];
const FALSE_ALARMS: [string, string, Ex, string][] = [
  ["orders_received", "Return all the orders that the shop received.", orders, "asks whether an unpaid order is left out: 'that' is a filter word to rank.ts:153, whatever 'all the orders' says"],
  ["orders_with_fields", "Return all the orders with their ids and flags unchanged.", orders, "asks: 'the orders with' matches WITH_CLAUSE (selection-words.ts:9), a clause that here describes the orders, not selects them"],
  ["customer_orders", "Return the customer orders, all of them.", orders, "asks: 'customer' before 'orders' is read as a qualifier (selection-words.ts:29-32) though it names whose orders they are"],
  ["users_with_names", "Return all the users with their names and flags.", team, "asks: WITH_CLAUSE again ('the users with their names')"],
  ["every_word_that_appears", "Count every word that appears in the list.", wordCounts, "asks whether a lower-case word counts: 'that' makes it a filter, though 'every word' takes them all"],
  ["words_in_total", "How many of the words are there in total? Count them all.", wordCounts, "asks: 'how many of' is a selection to HOW_MANY_OF (selection-words.ts:10) whatever follows"],
  ["words_including_capitals", "Total number of words, including those in capitals.", wordCounts, "asks: 'those' is a filter word (rank.ts:153) though it includes more, not fewer"],
];

/** Attempts that held: asked first, then right after a person's answers (or still asking after six). */
const HELD: Attack[] = [
  { name: "paid_order_ids", description: "Ids of the orders that have been paid.",
    examples: [[{ orders: [{ id: 1, paid: true }, { id: 2, paid: true }] }, [1, 2]], [{ orders: [{ id: 7, paid: true }] }, [7]]],
    person: person((i: { orders: Order[] }) => i.orders.filter((o) => o.paid).map((o) => o.id)), probes: [{ orders: [{ id: 3, paid: false }, { id: 4, paid: true }] }] },
  { name: "readings_over_10", description: "Only the readings over 10.", examples: same([{ readings: [12, 30] }, { readings: [15] }, { readings: [11, 50, 22] }]),
    person: person((i: { readings: number[] }) => i.readings.filter((x) => x > 10)), probes: [{ readings: [5, 20] }, { readings: [10] }, { readings: [-3, 11] }] },
  { name: "passing_score_count", description: "How many of the scores are at least 50?", examples: lengths([{ scores: [70, 90] }, { scores: [55] }, { scores: [60, 80, 100] }]),
    person: person((i: { scores: number[] }) => i.scores.filter((x) => x >= 50).length), probes: [{ scores: [49, 50] }, { scores: [10] }, { scores: [0, 99] }] },
  { name: "vip_customer_count", description: "Number of customers who are VIP members.",
    examples: lengths([{ customers: [{ name: "ana", vip: true }, { name: "bo", vip: true }] }, { customers: [{ name: "cy", vip: true }] }, { customers: [{ name: "dee", vip: true }, { name: "eli", vip: true }, { name: "fay", vip: true }] }]),
    person: person((i: { customers: { vip: boolean }[] }) => i.customers.filter((c) => c.vip).length), probes: [{ customers: [{ name: "x", vip: false }, { name: "y", vip: true }] }] },
  { name: "unpaid_count", description: "How many orders are unpaid?",
    examples: lengths([{ orders: [{ id: 1, paid: false }, { id: 2, paid: false }] }, { orders: [{ id: 3, paid: false }] }, { orders: [{ id: 4, paid: false }, { id: 5, paid: false }, { id: 6, paid: false }] }]),
    person: person((i: { orders: Order[] }) => i.orders.filter((o) => !o.paid).length), probes: [{ orders: [{ id: 7, paid: true }, { id: 8, paid: false }] }] },
  { name: "even_numbers", description: "Keep only the even numbers.", examples: same([{ nums: [2, 4] }, { nums: [6] }, { nums: [8, 10, 12] }]),
    person: person((i: { nums: number[] }) => i.nums.filter((x) => x % 2 === 0)), probes: [{ nums: [3, 4] }, { nums: [7] }] },
  { name: "positive_rows", description: "The rows whose numbers are all positive.", examples: same([{ rows: [[1, 2], [3, 4]] }, { rows: [[5]] }, { rows: [[6, 7, 8], [9]] }]),
    person: person((i: { rows: number[][] }) => i.rows.filter((r) => r.every((x) => x > 0))), probes: [{ rows: [[1, -2], [3]] }, { rows: [[0]] }] },
  { name: "non_empty_row_count", description: "How many of the rows are not empty?", examples: lengths([{ rows: [[1, 2], [3, 4]] }, { rows: [[5]] }, { rows: [[6, 7, 8], [9], [1]] }]),
    person: person((i: { rows: number[][] }) => i.rows.filter((r) => r.length > 0).length), probes: [{ rows: [[], [3]] }, { rows: [[]] }] },
  { name: "adult_names", description: "The names of people aged 18 or over.",
    examples: [[{ people: [{ name: "ana", age: 30 }, { name: "bo", age: 41 }] }, ["ana", "bo"]], [{ people: [{ name: "cy", age: 22 }] }, ["cy"]]],
    person: person((i: { people: { name: string; age: number }[] }) => i.people.filter((p) => p.age >= 18).map((p) => p.name)), probes: [{ people: [{ name: "x", age: 10 }, { name: "y", age: 30 }] }] },
  { name: "boxes_over_a_dozen", description: "How many of the boxes hold more than a dozen eggs?", examples: lengths([{ boxes: [20, 30] }, { boxes: [15] }, { boxes: [13, 24, 40] }]),
    person: person((i: { boxes: number[] }) => i.boxes.filter((x) => x > 12).length), probes: [{ boxes: [6, 20] }, { boxes: [12] }] },
  // Every answer [] from inputs with items: asked, and never published as keeping nothing.
  { name: "negative_balance_ids", description: "Ids of the accounts whose balance is negative.",
    examples: [[{ accounts: [{ id: "a", balance: 10 }, { id: "b", balance: 5 }] }, []], [{ accounts: [{ id: "c", balance: 3 }] }, []], [{ accounts: [{ id: "d", balance: 40 }] }, []], [{ accounts: [{ id: "e", balance: 1 }, { id: "f", balance: 2 }] }, []]],
    person: person((i: { accounts: { id: string; balance: number }[] }) => i.accounts.filter((a) => a.balance < 0).map((a) => a.id)), probes: [{ accounts: [{ id: "x", balance: -4 }, { id: "y", balance: 4 }] }] },
  { name: "palindromes", description: "Which of the words are palindromes?",
    examples: [[{ words: ["cat", "dog"] }, []], [{ words: ["sun"] }, []], [{ words: ["tree", "house", "car"] }, []], [{ words: ["milk"] }, []]],
    person: person((i: { words: string[] }) => i.words.filter((w) => w.length > 0 && w === [...w].reverse().join(""))), probes: [{ words: ["level", "dog"] }, { words: ["noon"] }] },
  { name: "numbers_above_100", description: "The numbers above 100.", examples: [[[1, 2], []], [[3], []], [[50, 60], []], [[99], []]],
    person: person((xs: number[]) => xs.filter((x) => x > 100)), probes: [[150, 3], [100], [101, 200]] },
  { name: "memberless_groups", description: "The names of the groups that have no members.",
    examples: [
      [{ groups: [{ name: "a", members: ["x"] }, { name: "b", members: ["y", "z"] }] }, []], [{ groups: [{ name: "c", members: ["w"] }] }, []],
      [{ groups: [{ name: "d", members: ["v", "u"] }] }, []], [{ groups: [{ name: "e", members: ["t"] }] }, []],
    ],
    person: person((i: { groups: { name: string; members: string[] }[] }) => i.groups.filter((g) => g.members.length === 0).map((g) => g.name)), probes: [{ groups: [{ name: "p", members: [] }, { name: "q", members: ["r"] }] }] },
];

/** More attempts that held; some by asking on and on (every question answered 'kept' or 'counted'), which the promise allows. */
const HELD_MORE: Attack[] = [
  { name: "paid_and_total", description: "The number of paid orders and the total number of orders, as {paid, total}.",
    examples: [[{ orders: [order(1, true), order(2, true)] }, { paid: 2, total: 2 }], [{ orders: [order(3, true)] }, { paid: 1, total: 1 }], [{ orders: [order(4, true), order(5, true), order(6, true)] }, { paid: 3, total: 3 }]],
    person: person((i: { orders: Order[] }) => ({ paid: i.orders.filter((o) => o.paid).length, total: i.orders.length })), probes: [{ orders: [order(7, false), order(8, true)] }] },
  { name: "split_paid", description: "Split the orders into the paid ones and the unpaid ones, as {paid, unpaid}.",
    examples: [[{ orders: [order(1, true), order(2, true)] }, { paid: [order(1, true), order(2, true)], unpaid: [] }], [{ orders: [order(3, true)] }, { paid: [order(3, true)], unpaid: [] }]],
    person: person((i: { orders: Order[] }) => ({ paid: i.orders.filter((o) => o.paid), unpaid: i.orders.filter((o) => !o.paid) })), probes: [{ orders: [order(7, false), order(8, true)] }] },
  { name: "paid_some_none", description: "The orders that have been paid.",
    examples: [[{ orders: [order(1, true), order(2, true)] }, [order(1, true), order(2, true)]], [{ orders: [order(3, false)] }, []], [{ orders: [order(4, true)] }, [order(4, true)]]],
    person: person((i: { orders: Order[] }) => i.orders.filter((o) => o.paid)), probes: [{ orders: [order(1, false), order(8, true)] }, { orders: [order(5, true), order(2, false)] }] },
  { name: "shipped_line_count", description: "How many of the order's lines have shipped?",
    examples: [
      [{ order: { ref: "a", lines: [{ sku: "x", shipped: true }, { sku: "y", shipped: true }] } }, 2], [{ order: { ref: "b", lines: [{ sku: "z", shipped: true }] } }, 1],
      [{ order: { ref: "c", lines: [{ sku: "u", shipped: true }, { sku: "v", shipped: true }, { sku: "w", shipped: true }] } }, 3],
    ],
    person: person((i: { order: { lines: { shipped: boolean }[] } }) => i.order.lines.filter((l) => l.shipped).length), probes: [{ order: { ref: "d", lines: [{ sku: "p", shipped: false }, { sku: "q", shipped: true }] } }] },
  { name: "multiples_of_three_count", description: "How many of the numbers are multiples of 3?", examples: lengths([{ nums: [3, 6] }, { nums: [9] }, { nums: [12, 15, 18] }]),
    person: person((i: { nums: number[] }) => i.nums.filter((x) => x % 3 === 0).length), probes: [{ nums: [4, 6] }, { nums: [1] }] },
  { name: "gmail_users", description: "Only the users with a gmail address.",
    examples: same([{ users: [{ name: "ana", email: "ana@gmail.com" }, { name: "bo", email: "bo@gmail.com" }] }, { users: [{ name: "cy", email: "cy@gmail.com" }] }]),
    person: person((i: { users: { email: string }[] }) => i.users.filter((u) => u.email.endsWith("@gmail.com"))), probes: [{ users: [{ name: "x", email: "x@yahoo.com" }, { name: "y", email: "y@gmail.com" }] }] },
  { name: "paid_summary", description: "Say how many of the orders are paid, as \"N paid\".",
    examples: [[{ orders: [order(1, true), order(2, true)] }, "2 paid"], [{ orders: [order(3, true)] }, "1 paid"], [{ orders: [order(4, true), order(5, true), order(6, true)] }, "3 paid"]],
    person: person((i: { orders: Order[] }) => `${i.orders.filter((o) => o.paid).length} paid`), probes: [{ orders: [order(7, false), order(8, true)] }] },
  { name: "paid_ids_joined", description: "The ids of the paid orders, joined with commas.",
    examples: [[{ orders: [order(1, true), order(2, true)] }, "1,2"], [{ orders: [order(3, true)] }, "3"], [{ orders: [order(4, true), order(5, true), order(6, true)] }, "4,5,6"]],
    person: person((i: { orders: Order[] }) => i.orders.filter((o) => o.paid).map((o) => o.id).join(",")), probes: [{ orders: [order(7, false), order(8, true)] }] },
  { name: "open_tickets", description: "Only the open tickets.", examples: same([{ tickets: [ticket(1, "open"), ticket(2, "open")] }, { tickets: [ticket(3, "open")] }, { tickets: [ticket(4, "open"), ticket(5, "open"), ticket(6, "open")] }]),
    person: person((i: { tickets: { status: string }[] }) => i.tickets.filter((t) => t.status === "open")), probes: [{ tickets: [ticket(7, "closed"), ticket(8, "open")] }, { tickets: [ticket(9, "wip")] }] },
  { name: "open_ticket_count", description: "How many of the tickets are open?", examples: lengths([{ tickets: [ticket(1, "open"), ticket(2, "open")] }, { tickets: [ticket(3, "open")] }, { tickets: [ticket(4, "open"), ticket(5, "open"), ticket(6, "open")] }]),
    person: person((i: { tickets: { status: string }[] }) => i.tickets.filter((t) => t.status === "open").length), probes: [{ tickets: [ticket(7, "closed"), ticket(8, "open")] }, { tickets: [ticket(9, "wip")] }] },
  { name: "readings_over_limit", description: "The readings over the limit.",
    examples: [[{ limit: 10, readings: [12, 30] }, [12, 30]], [{ limit: 5, readings: [8] }, [8]], [{ limit: 20, readings: [21, 50, 22] }, [21, 50, 22]]],
    person: person((i: { limit: number; readings: number[] }) => i.readings.filter((x) => x > i.limit)), probes: [{ limit: 10, readings: [5, 20] }, { limit: 50, readings: [30] }] },
  { name: "passed_students", description: "The names of the students who passed (a score of 50 or more).",
    examples: [[{ scores: { ana: 90, bo: 80 } }, ["ana", "bo"]], [{ scores: { cy: 70 } }, ["cy"]], [{ scores: { dee: 55, eli: 60, fay: 99 } }, ["dee", "eli", "fay"]]],
    person: person((i: { scores: Record<string, number> }) => Object.entries(i.scores).filter(([, v]) => v >= 50).map(([k]) => k)), probes: [{ scores: { x: 10, y: 60 } }] },
  { name: "big_orders", description: "The orders over 100 euros.",
    examples: same([{ orders: [{ id: 1, paid: true, total: 150 }, { id: 2, paid: true, total: 300 }] }, { orders: [{ id: 3, paid: true, total: 120 }] }]),
    person: person((i: { orders: { total: number }[] }) => i.orders.filter((o) => o.total > 100)),
    probes: [{ orders: [{ id: 4, paid: true, total: 50 }, { id: 5, paid: false, total: 101 }] }, { orders: [{ id: 6, paid: true, total: 100 }] }] },
  { name: "only_positive_numbers_list", description: "Only the positive numbers.", examples: [[[3, 5, 1], [3, 5, 1]], [[8], [8]], [[2, 9], [2, 9]]],
    person: person((xs: number[]) => xs.filter((x) => x > 0)), probes: [[-2, 4], [-1]] },
  { name: "short_word_count", description: "How many of the words have at most 4 letters?", examples: [[{ words: ["cat", "dog"] }, 2], [{ words: ["sun"] }, 1], [{ words: ["a", "tree", "bus"] }, 3]],
    person: person((i: { words: string[] }) => i.words.filter((w) => w.length <= 4).length), probes: [{ words: ["house", "cat"] }, { words: ["garden"] }] },
];

/** Maps and whole lists the description asks for: published with no question (held). */
const PUBLISHED: [string, string, Ex][] = [
  ["user_names", "The name of each user.", [[{ users: [user("ana", true), user("bo", true)] }, ["ana", "bo"]], [{ users: [user("cy", true)] }, ["cy"]]]],
  ["upper_tags", "Upper-case every tag.", [[{ tags: ["news", "tech"] }, ["NEWS", "TECH"]], [{ tags: ["art"] }, ["ART"]], [{ tags: ["go", "js", "ts"] }, ["GO", "JS", "TS"]]]],
  ["doubled_prices", "Every price doubled.", [[{ prices: [3, 5] }, [6, 10]], [{ prices: [8] }, [16]], [{ prices: [1, 2, 4] }, [2, 4, 8]]]],
  ["list_as_is", "Return the list of numbers exactly as it is.", [[[3, 5, 1], [3, 5, 1]], [[8], [8]], [[2, 9], [2, 9]]]],
  ["team_active_or_not", "All the users in the team, active or not.", team],
];

describe("round 25b attack: answers alike item by item, through a list or a count", () => {
  // Mended (round 25, lead): a whole list passed through unchanged is asked about by default; only
  // "all", "every", "as it is" and the like, with no word of a selection, let it through.
  const mended = new Set(["keep_unshipped", "drop_cancelled", "tasks_not_done", "remove_empty_tags", "positive_numbers_list", "keep_words_with_capital"]);
  for (const [attack, why] of [...KEPT_OR_COUNTED, ...AFTER_ANSWERS, ...NONE_KEPT]) {
    if (mended.has(attack.name)) it(`FIXED (broke before): ${attack.name}: ${why}`, () => holds(backend, attack), ANSWERED_MS);
    else it.fails(`BROKE: ${attack.name}: ${why}`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const [name, description, examples, why] of FALSE_ALARMS) {
    it.fails(`BROKE (false alarm): ${name}: ${why}`, async () => {
      const result = await backend.synthesize(makeSpec(name, description, examples));
      expect(result.ambiguity, JSON.stringify(result.ambiguity)).toBeUndefined();
    }, ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`held: ${attack.name}: asked first`, async () => {
      const result = await backend.synthesize(makeSpec(attack.name, attack.description, attack.examples));
      expect(result.ambiguity, result.code).toBeDefined();
    }, ANSWERED_MS);
    it(`held: ${attack.name}: never published wrong after a person's answers`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD_MORE) it(`held: ${attack.name}: never published wrong after a person's answers`, () => holds(backend, attack), ANSWERED_MS);
  it.each(PUBLISHED)("held: %s: a map or the whole list the description asks for is published with no question", async (name, description, examples) => {
    const result = await backend.synthesize(makeSpec(name, description, examples));
    expect(result.ambiguity, JSON.stringify(result.ambiguity)).toBeUndefined();
  }, ANSWERED_MS);
});

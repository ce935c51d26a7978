/**
 * Round 24 attack: "examples that all answer alike are never published as the rule in silence".
 * Specs invented here (plausible user requests, none from tests/fixtures/specs/), whose examples all
 * give one answer: booleans (fewer than 4 and more), numbers, texts, lists, null, objects, and
 * yes/no written as text or as 1. Each first synthesis must ask; each person's answers
 * (tests/synthesizer/answered.ts `holds`) must not end in a wrong program. `it.fails("BROKE: …")`
 * asserts the promise and fails while it is broken; `it("held: …")` is an attempt that held.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS, holds, text } from "./answered.ts";
import type { Attack } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

/** The first synthesis of the spec asks (any reason): nothing is published from the alike examples alone. */
async function asksFirst(name: string, description: string, examples: [unknown, unknown][]): Promise<void> {
  const result = await backend.synthesize(makeSpec(name, description, examples));
  expect(result.ambiguity, result.code).toBeDefined();
}

/** Examples that all answer alike, of every kind of answer: the first synthesis must ask. */
const ALIKE: [string, string, [unknown, unknown][]][] = [
  ["weekend_day", "Is the day number a weekend day? Days are numbered 1 (Monday) to 7 (Sunday).", [[{ day: 6 }, true], [{ day: 7 }, true]]],
  ["password_has_digit", "Does the password contain at least one digit?", [[{ s: "secret" }, false], [{ s: "hello" }, false], [{ s: "abc" }, false], [{ s: "qwerty" }, false], [{ s: "letmein" }, false]]],
  ["basket_in_stock", "Is every item in the basket in stock?", [
    [{ items: [{ stock: 3 }] }, true], [{ items: [{ stock: 1 }, { stock: 4 }] }, true], [{ items: [{ stock: 9 }] }, true],
    [{ items: [{ stock: 2 }, { stock: 2 }] }, true], [{ items: [{ stock: 7 }] }, true], [{ items: [{ stock: 5 }, { stock: 8 }] }, true],
  ]],
  ["vowel_count", "How many vowels (a, e, i, o, u) are in the word?", [[{ s: "cat" }, 1], [{ s: "dog" }, 1], [{ s: "sun" }, 1]]],
  ["late_fee", "Late fee: 2 euros for each day past 30 days.", [[{ days: 10 }, 0], [{ days: 25 }, 0], [{ days: 30 }, 0]]],
  ["season_of_month", "Name the season of a month number in the northern hemisphere: winter, spring, summer or autumn.", [[{ month: 12 }, "winter"], [{ month: 1 }, "winter"]]],
  ["grade_letter", "Letter grade: A for 90 and above, B for 80 to 89, C below 80.", [[{ score: 95 }, "A"], [{ score: 91 }, "A"], [{ score: 99 }, "A"]]],
  ["overdue_ids", "Ids of the invoices whose due day is before today's day number.", [[{ today: 5, invoices: [{ id: "a", due: 9 }, { id: "b", due: 7 }] }, []], [{ today: 1, invoices: [{ id: "c", due: 3 }] }, []]]],
  ["first_negative", "The first negative number in the list, or null when there is none.", [[{ xs: [3, 4, 5] }, null], [{ xs: [0, 8] }, null]]],
  ["bounds", "The smallest and largest number of the list as {min, max}.", [[{ xs: [1, 5, 3] }, { min: 1, max: 5 }], [{ xs: [5, 1] }, { min: 1, max: 5 }]]],
  // yes/no not written as a boolean, four alike: the boolean rule does not cover them, leave-one-out asks.
  ["email_has_at", "Answer \"yes\" when the email address has an @ sign, \"no\" otherwise.", [[{ email: "ana@mail.com" }, "yes"], [{ email: "bo@site.org" }, "yes"], [{ email: "cy@x.net" }, "yes"], [{ email: "dee@corp.io" }, "yes"]]],
  ["vip_flag", "1 when the customer is a VIP member, 0 otherwise.", [[{ tier: "vip", name: "ana" }, 1], [{ tier: "vip", name: "bo" }, 1], [{ tier: "vip", name: "cy" }, 1], [{ tier: "vip", name: "dee" }, 1]]],
];

/** All-`true` predicates a person answers, from which the backend published a wrong rule: [attack, what it did]. */
const BROKEN: [Attack, string][] = [
  [{
    name: "zip_code",
    description: "Is the text a US ZIP code: exactly five digits?",
    examples: [[{ s: "12345" }, true], [{ s: "90210" }, true]],
    person: text((s) => /^\d{5}$/.test(s)),
    probes: [{ s: "1234" }, { s: "123456" }, { s: "55555" }],
  }, "after two answers (\"\" and \" \", both false) published `(input.s.match(/\\p{N}/gu) ?? []).length >= 1`, true for \"1234\" and \"123456\": the questions only ever part texts with and without a digit; the count 'five' (a number word) is never asked about, as no example has another length"],
  [{
    name: "starts_with_capital",
    description: "Does the sentence start with a capital letter?",
    examples: [[{ s: "Hello there" }, true], [{ s: "The end" }, true]],
    person: text((s) => /^[A-Z]/.test(s)),
    probes: [{ s: "hello" }, { s: "a B" }, { s: "xY" }, { s: "Zebra" }],
  }, "after five answers (\"The Hello end\" true, \"\", \"@#!\", \" \" false, \"Hello there.\" true) published `capitals < letters` (fewer capitals than letters), true for \"hello\": every question was a text that starts with a capital or has no letter, none one starting in lower case"],
  [{
    name: "is_vowel",
    description: "Is the letter a vowel (a, e, i, o or u)?",
    examples: [[{ c: "a" }, true], [{ c: "e" }, true]],
    person: text((c) => c.length === 1 && "aeiou".includes(c)),
    probes: [{ c: "b" }, { c: "z" }, { c: "o" }],
  }, "after five answers (\"aaa\", \"ay\", \"\", \"Zoë\", \".\", all false) published `exactly one letter`, true for \"b\": every question varied the count of letters, none asked a single consonant, though the rival `one of [aeiouy]` stood beside it"],
  [{
    name: "is_pdf_by_name",
    description: "Is the file a PDF, judged by its name ending in .pdf?",
    examples: [[{ name: "report.pdf" }, true], [{ name: "cv_2025.pdf" }, true]],
    person: ((i: { name: string }) => i.name.endsWith(".pdf")) as Attack["person"],
    probes: [{ name: "photo.jpg" }, { name: "notes.txt" }, { name: "a.pdf" }],
  }, "after three answers (\"\", \"@#!\", \"Zoë\", all false) published `input.name.includes(\".\")`, true for \"photo.jpg\": the questions were edge texts without a dot; no name with another extension was asked, though \".pdf\" is written in the description"],
  [{
    name: "digits_only_code",
    description: "Does the code consist of digits only?",
    examples: [[{ s: "978014" }, true], [{ s: "12" }, true], [{ s: "5550001" }, true]],
    person: text((s) => /^\d+$/.test(s)),
    probes: [{ s: "12a" }, { s: "1-2" }, { s: "42" }],
  }, "after two answers (\"\" and \" \", both false) published `(input.s.match(/\\p{N}/gu) ?? []).length >= 1` (has a digit), true for \"12a\": 'only' is never asked about, no question mixes digits with other characters"],
  [{
    name: "hex_colour",
    description: "Is the text a hex colour code: # followed by six hex digits?",
    examples: [[{ s: "#ff0000" }, true], [{ s: "#00aa11" }, true]],
    person: text((s) => /^#[0-9a-fA-F]{6}$/.test(s)),
    probes: [{ s: "#fff" }, { s: "#gg0000" }, { s: "#123456" }],
  }, "after six answers published `input.s === \"#\" + camelCase(input.s)`, true for \"#fff\" and \"#gg0000\": no question about a length other than six hex digits or a non-hex letter"],
  [{
    name: "empty_required_fields",
    description: "Names of the required fields that are empty in the form.",
    examples: [[{ form: { name: "ana", email: "a@b.c" } }, []], [{ form: { name: "bo", email: "b@c.d" } }, []]],
    person: ((i: { form: Record<string, string> }) => Object.entries(i.form).filter(([, v]) => v === "").map(([k]) => k)) as Attack["person"],
    probes: [{ form: { name: "", email: "x@y.z" } }, { form: { name: "cy", email: "" } }],
  }, "after two answers, both [] again (name \"booooo\", then name \"bo\" with ana's email), published `input.form.name.split(/\\s+/).filter((t) => t !== \"\").slice(1)`, [] for a form with an empty name: the backend's own questions stayed where the answer is [], the person's answers brought the alike examples to 4, and from 4 the alike rule (ambiguity.ts:183, `outputs.length < CONSTANT_EXAMPLES`) no longer holds a non-boolean answer back"],
  [{
    name: "error_lines",
    description: "The lines of the log that start with ERROR.",
    examples: [[{ lines: ["INFO start", "INFO ok"] }, []], [{ lines: ["DEBUG x"] }, []], [{ lines: ["INFO a", "WARN b", "INFO c"] }, []]],
    person: ((i: { lines: string[] }) => i.lines.filter((l) => l.startsWith("ERROR"))) as Attack["person"],
    probes: [{ lines: ["ERROR disk", "INFO ok"] }, { lines: ["ERROR x"] }],
  }, "after one answer ([\"INFO a INFO\"] -> [], no ERROR line in it either) published `input.lines.slice(0, 0)`, the constant [] in disguise: the backend's question stayed where the answer is [], and the fourth alike example lets a constant through (CONSTANT_EXAMPLES, ambiguity.ts:183)"],
  [{
    name: "repeated_emails",
    description: "The email addresses that appear more than once in the list.",
    examples: [[{ emails: ["a@x.io", "b@x.io"] }, []], [{ emails: ["c@x.io"] }, []], [{ emails: ["d@x.io", "e@x.io", "f@x.io"] }, []]],
    person: ((i: { emails: string[] }) => [...new Set(i.emails.filter((e, k) => i.emails.indexOf(e) !== k))]) as Attack["person"],
    probes: [{ emails: ["a@x.io", "a@x.io"] }, { emails: ["b@x.io", "c@x.io", "b@x.io"] }],
  }, "after one answer published `input.emails.slice(0, 0)`, [] for a list with a repeat: the one question ('ignores its input', on probes[0]) was the EMPTY list, whose answer can only be [], and that fourth alike answer let the constant through (CONSTANT_EXAMPLES, ambiguity.ts:183)"],
];

/** Per-item yes/no answers all alike (every item `true`): published at once, with no question: [name, description, examples, what it did]. */
const SILENT: [string, string, [unknown, unknown][], string][] = [
  ["word_is_capitalized", "For each word, does it start with a capital letter?", [[{ words: ["Ana", "Bo"] }, [true, true]], [{ words: ["Lisbon"] }, [true]], [{ words: ["Oslo", "Rome", "Lima"] }, [true, true, true]]],
    "published `words.map((x) => no word of x.toUpperCase() repeated)`, true for every single word (\"ana\" too): the answers are lists of different lengths, so `same` (ambiguity.ts:180) is false and neither the constant check nor round 24's applies, though every item answers true"],
  ["order_is_shipped", "Mark each order as shipped or not: a list of booleans, true when its status is shipped.", [[{ orders: [{ status: "shipped" }, { status: "shipped" }] }, [true, true]], [{ orders: [{ status: "shipped" }] }, [true]]],
    "published `orders.map((x) => x.status !== \"\")`, true for status \"pending\": every item answers true, yet the lists differ in length, so the alike rule (ambiguity.ts:180) never sees them as one answer"],
  ["tag_is_valid", "For each tag, is it valid: lower-case letters only?", [[{ tags: ["news", "tech"] }, [true, true]], [{ tags: ["art"] }, [true]], [{ tags: ["go", "js", "ts"] }, [true, true, true]]],
    "published `tags.map((x) => x !== \"\")`, true for \"News\" and \"c++\": every item answers true"],
  // Every item passes the filter, every item counts: the same alike answer seen through a list or a count.
  ["paid_orders", "The orders that have been paid.", [[{ orders: [{ id: 1, paid: true }, { id: 2, paid: true }] }, [{ id: 1, paid: true }, { id: 2, paid: true }]], [{ orders: [{ id: 7, paid: true }] }, [{ id: 7, paid: true }]]],
    "published `input.orders`, which keeps an unpaid order: every order of the examples is paid, so the filter's test answered true for each and the whole list came out unchanged; the 'came out as its input' doubt (ambiguity.ts:174) covers only a text or number field"],
  ["capitalized_word_count", "How many of the words start with a capital letter?", [[{ words: ["Ana", "Bo"] }, 2], [{ words: ["Lisbon"] }, 1], [{ words: ["Oslo", "Rome", "Lima"] }, 3]],
    "published `input.words.length`, 2 for [\"ana\", \"bo\"]: every word of the examples is capitalized, so counting them is counting all"],
];

/** Asks about an input the examples already answer, and keeps asking it: [name, description, examples, what it did]. */
const REPEATS: [string, string, [unknown, unknown][], string][] = [
  ["price_to_tens", "Round the price to the nearest ten.", [[{ price: 40 }, 40], [{ price: 40.2 }, 40], [{ price: 38 }, 40]],
    "(on r23 too) chooses the constant `Math.round(40)` and asks 'price 38?' (example 3, answered 40), six times over as the answer changes nothing: its rival `Math.round(input.price)` gives 38 there, a reading that does not fit the examples it is asked beside, yet is kept (findAmbiguity checks only its `near` rivals with fitsAll, not `found.alts`)"],
];

/** All-alike specs that held after a person's answers (asks still, or right on the probes). */
const HELD: Attack[] = [
  { name: "password_long_enough", description: "Is the password long enough, at least 8 characters?", examples: [[{ s: "correcthorse" }, true], [{ s: "password1" }, true]],
    person: text((s) => s.length >= 8), probes: [{ s: "abc" }, { s: "abcdefg" }, { s: "abcdefgh" }] },
  { name: "list_has_repeats", description: "Does the list have any number twice?", examples: [[{ xs: [1, 2, 1] }, true], [{ xs: [3, 3] }, true]],
    person: ((i: { xs: number[] }) => new Set(i.xs).size !== i.xs.length) as Attack["person"], probes: [{ xs: [1, 2, 3] }, { xs: [5] }, { xs: [4, 5, 4] }] },
  { name: "ships_free", description: "Does the order ship for free? Orders of 50 euros or more do.", examples: [[{ total: 60 }, true], [{ total: 85 }, true], [{ total: 120 }, true]],
    person: ((i: { total: number }) => i.total >= 50) as Attack["person"], probes: [{ total: 49 }, { total: 50 }, { total: 10 }] },
  { name: "ticket_class", description: "Ticket class for an age: \"child\" under 12, \"adult\" from 12 to 64, \"senior\" from 65.", examples: [[{ age: 30 }, "adult"], [{ age: 41 }, "adult"], [{ age: 25 }, "adult"]],
    person: ((i: { age: number }) => (i.age < 12 ? "child" : i.age < 65 ? "adult" : "senior")) as Attack["person"], probes: [{ age: 5 }, { age: 70 }, { age: 12 }, { age: 65 }] },
  { name: "unread_messages", description: "How many of the messages are still unread?",
    examples: [[{ messages: [{ read: true }, { read: true }] }, 0], [{ messages: [{ read: true }] }, 0], [{ messages: [{ read: true }, { read: true }, { read: true }] }, 0]],
    person: ((i: { messages: { read: boolean }[] }) => i.messages.filter((m) => !m.read).length) as Attack["person"], probes: [{ messages: [{ read: false }] }, { messages: [{ read: false }, { read: true }, { read: false }] }] },
  { name: "first_negative", description: "The first negative number in the list, or null when there is none.", examples: [[{ xs: [3, 4, 5] }, null], [{ xs: [0, 8] }, null]],
    person: ((i: { xs: number[] }) => i.xs.find((x) => x < 0) ?? null) as Attack["person"], probes: [{ xs: [3, -2, -5] }, { xs: [-1] }, { xs: [1, 2] }] },
  { name: "season_of_month", description: "Name the season of a month number in the northern hemisphere: winter (December to February), spring (March to May), summer (June to August) or autumn.",
    examples: [[{ month: 12 }, "winter"], [{ month: 1 }, "winter"]],
    person: ((i: { month: number }) => (i.month === 12 || i.month <= 2 ? "winter" : i.month <= 5 ? "spring" : i.month <= 8 ? "summer" : "autumn")) as Attack["person"],
    probes: [{ month: 4 }, { month: 7 }, { month: 10 }, { month: 2 }] },
  { name: "min_and_max", description: "The smallest and largest number of the list as {min, max}.", examples: [[{ xs: [1, 5, 3] }, { min: 1, max: 5 }], [{ xs: [5, 1] }, { min: 1, max: 5 }]],
    person: ((i: { xs: number[] }) => ({ min: Math.min(...i.xs), max: Math.max(...i.xs) })) as Attack["person"], probes: [{ xs: [2, 9] }, { xs: [7] }, { xs: [-3, 4, 0] }] },
  { name: "password_has_digit", description: "Does the password contain at least one digit?",
    examples: [[{ s: "secret" }, false], [{ s: "hello" }, false], [{ s: "abc" }, false], [{ s: "qwerty" }, false], [{ s: "letmein" }, false]],
    person: text((s) => /\d/.test(s)), probes: [{ s: "abc1" }, { s: "7" }, { s: "xyz" }] },
  { name: "fever_each_reading", description: "For each temperature reading, is it a fever (38 degrees or more)?",
    examples: [[{ xs: [36.5, 37] }, [false, false]], [{ xs: [36.9] }, [false]], [{ xs: [37.2, 36.1, 36.8] }, [false, false, false]], [{ xs: [35.9, 37.5] }, [false, false]]],
    person: ((i: { xs: number[] }) => i.xs.map((x) => x >= 38)) as Attack["person"], probes: [{ xs: [39, 36] }, { xs: [38] }, { xs: [40.1, 41] }] },
  { name: "short_tweet", description: "Is the tweet short enough: at most 3 words?", examples: [[{ s: "hello world" }, true], [{ s: "good morning all" }, true]],
    person: text((s) => s.split(/\s+/).filter(Boolean).length <= 3), probes: [{ s: "a b c d" }, { s: "one" }, { s: "this is too long now" }] },
];

describe("round 24 attack: examples that all answer alike", () => {
  it.each(ALIKE.map((s) => [s[0], s] as const))("held: %s: the first synthesis asks", async (_, [name, description, examples]) => {
    await asksFirst(name, description, examples);
  }, ANSWERED_MS);

  // Mended (round 25b, alike-items.ts): an answer of [] from inputs with items is "no" for every
  // item, so no count of such examples lets the constant [] pass, and the question is an input with
  // one item changed towards being kept ("ERROR start", an email repeated, a field emptied).
  const mendedBroken = new Set(["empty_required_fields", "error_lines", "repeated_emails"]);
  for (const [attack, why] of BROKEN) {
    if (mendedBroken.has(attack.name)) it(`FIXED (broke before): ${attack.name}: ${why}`, () => holds(backend, attack), ANSWERED_MS);
    else it.fails(`BROKE: ${attack.name}: ${why}`, () => holds(backend, attack), ANSWERED_MS);
  }
  // Mended (round 24, lead): yes/no answers alike item by item are asked about like alike answers,
  // a program alike on every item of every probe too.
  // Mended (round 25b, alike-items.ts): the whole input list where the description selects, and the
  // count of every item where it asks how many of them qualify, are asked on one item changed.
  const mended = new Set(["word_is_capitalized", "order_is_shipped", "tag_is_valid", "paid_orders", "capitalized_word_count"]);
  for (const [name, description, examples, why] of SILENT) {
    if (mended.has(name)) it(`FIXED (broke before): ${name}: ${why}`, () => asksFirst(name, description, examples), ANSWERED_MS);
    else it.fails(`BROKE: ${name}: ${why}`, () => asksFirst(name, description, examples), ANSWERED_MS);
  }
  // Mended (round 24, lead): a constant's rival field is probed at no example's own input.
  for (const [name, description, examples, why] of REPEATS) {
    it(`FIXED (broke before; asked what an example answers): ${name}: ${why}`, async () => {
      const spec = makeSpec(name, description, examples);
      const q = (await backend.synthesize(spec)).ambiguity;
      expect(spec.examples.some((e) => JSON.stringify(e.input) === JSON.stringify(q?.input)), JSON.stringify(q)).toBe(false);
    }, ANSWERED_MS);
  }
  for (const attack of HELD) it(`held: ${attack.name}: never published wrong after a person's answers`, () => holds(backend, attack), ANSWERED_MS);

  it("held: examples that show both answers publish, with no 'what every example answers' question", async () => {
    const spec = makeSpec("list_has_repeats", "Does the list have any number twice?", [
      [{ xs: [1, 2, 1] }, true], [{ xs: [3, 3] }, true], [{ xs: [] }, false], [{ xs: [2, 1, 13] }, false],
    ]);
    const result = await backend.synthesize(spec);
    expect(result.ambiguity, JSON.stringify(result.ambiguity)).toBeUndefined();
  }, ANSWERED_MS);
});

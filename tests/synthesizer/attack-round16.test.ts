/**
 * Round 16 attack: small specs a user would write (records, lists, strings, numbers, dates) whose
 * two or three examples other programs also fit, checked against the synthesizer's promise (issue
 * #17, docs/synthesis.md "When the examples leave it open"): it never publishes an ambiguous
 * program silently. Each case answers the backend's questions as a person would (the outputs offered
 * recorded, as at `/need`); a case holds when the backend still asks after six answers, gives up, or
 * its program is right on the plausible inputs the examples leave open. `it.fails` marks a spec
 * published without the question that parts it from the right reading, and wrong on such an input:
 * the promise broken, kept open here until the synthesizer asks.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { holds, list, text, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();

/** A person reading one field of the input record. */
const on = <T>(f: (i: T) => unknown): Person => f as Person;

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const words = (s: string): string[] => s.match(/\S+/g) ?? [];
const DAY_MS = 86_400_000;

/** Published without a question that parts it from the right reading, and wrong on a probe: the promise broken. None left open (round 18b). */
const BROKEN: (Attack & { open: string })[] = [];

/** Asked (or right) when attacked: the promise held. */
const HELD: Attack[] = [
  {
    // Round 18b: a constant run of one character has the run as long as the text (less the four
    // kept) as a rival where every example's text is as long (fill-readings.ts), asked about on a
    // text one character shorter; answered, the string solver writes `"*".repeat(...)`.
    name: "masked_card",
    description: "The card number with every digit but the last four replaced by *.",
    examples: [[{ s: "1234567812345678" }, "************5678"], [{ s: "4000123412341234" }, "************1234"]],
    person: text((s) => "*".repeat(Math.max(0, s.length - 4)) + s.slice(-4)),
    probes: [{ s: "378282246310005" }],
  },
  {
    // Round 18b: `x <= 0` has `x === 0` as a rival where it fits every example and the description
    // speaks of no amount or bound (equality-readings.ts), asked about on a list with a -1.
    name: "has_zero",
    description: "Whether the list contains a zero.",
    examples: [[{ xs: [1, 0, 2] }, true], [{ xs: [3, 4] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-1, 5] }, { xs: [0] }],
  },
  {
    // Round 17: on three-item lists `xs.slice(1)` and `xs.slice(-2)` are rivals (positionTwins), parted by a longer list.
    name: "last_two",
    description: "The last two items of the list.",
    examples: [[{ xs: [1, 2, 3] }, [2, 3]], [{ xs: [4, 5, 6] }, [5, 6]]],
    person: list((xs) => xs.slice(-2)),
    probes: [{ xs: [1, 2, 3, 4] }],
  },
  // Records.
  {
    name: "total_of_paid_orders",
    description: "The total amount of the orders that are paid.",
    examples: [[{ orders: [{ amount: 10, paid: true }, { amount: 5, paid: false }] }, 10], [{ orders: [{ amount: 3, paid: true }, { amount: 4, paid: true }] }, 7]],
    person: on((i: { orders: { amount: number; paid: boolean }[] }) => sum(i.orders.filter((o) => o.paid).map((o) => o.amount))),
    probes: [{ orders: [{ amount: 2, paid: false }, { amount: 8, paid: true }] }, { orders: [{ amount: 6, paid: false }] }],
  },
  {
    name: "count_adults",
    description: "How many of the people are 18 or older.",
    examples: [[{ people: [{ name: "ann", age: 20 }, { name: "bob", age: 10 }] }, 1], [{ people: [{ name: "cy", age: 30 }, { name: "di", age: 40 }, { name: "ed", age: 5 }] }, 2]],
    person: on((i: { people: { age: number }[] }) => i.people.filter((p) => p.age >= 18).length),
    probes: [{ people: [{ name: "fay", age: 18 }, { name: "gus", age: 15 }] }],
  },
  {
    name: "names_in_rome",
    description: "The names of the people who live in Rome.",
    examples: [[{ people: [{ name: "ana", city: "rome" }, { name: "bo", city: "oslo" }] }, ["ana"]], [{ people: [{ name: "cy", city: "lima" }, { name: "di", city: "rome" }, { name: "ed", city: "rome" }] }, ["di", "ed"]]],
    person: on((i: { people: { name: string; city: string }[] }) => i.people.filter((p) => p.city === "rome").map((p) => p.name)),
    probes: [{ people: [{ name: "fa", city: "paris" }, { name: "gi", city: "rome" }] }],
  },
  {
    name: "top_scorer",
    description: "The name of the player with the most points.",
    examples: [[{ players: [{ name: "ann", points: 3 }, { name: "bob", points: 7 }] }, "bob"], [{ players: [{ name: "cat", points: 9 }, { name: "dan", points: 2 }, { name: "eve", points: 5 }] }, "cat"]],
    person: on((i: { players: { name: string; points: number }[] }) => i.players.reduce((best, p) => (p.points > best.points ? p : best)).name),
    probes: [{ players: [{ name: "fay", points: 1 }, { name: "gus", points: 8 }, { name: "hal", points: 4 }] }],
  },
  {
    name: "average_age",
    description: "The average age of the people.",
    examples: [[{ people: [{ name: "a", age: 20 }, { name: "b", age: 30 }] }, 25], [{ people: [{ name: "c", age: 40 }] }, 40]],
    person: on((i: { people: { age: number }[] }) => sum(i.people.map((p) => p.age)) / i.people.length),
    probes: [{ people: [{ name: "x", age: 10 }, { name: "y", age: 20 }, { name: "z", age: 60 }] }],
  },
  {
    name: "names_youngest_first",
    description: "The names of the people, youngest first.",
    examples: [[{ people: [{ name: "ann", age: 30 }, { name: "bob", age: 20 }] }, ["bob", "ann"]], [{ people: [{ name: "cy", age: 5 }, { name: "di", age: 50 }, { name: "ed", age: 25 }] }, ["cy", "ed", "di"]]],
    person: on((i: { people: { name: string; age: number }[] }) => [...i.people].sort((a, b) => a.age - b.age).map((p) => p.name)),
    probes: [{ people: [{ name: "zed", age: 10 }, { name: "amy", age: 40 }] }],
  },
  {
    name: "cart_total",
    description: "The total cost of the cart: quantity times price for each item, added up.",
    examples: [[{ items: [{ qty: 2, price: 3 }] }, 6], [{ items: [{ qty: 1, price: 5 }, { qty: 3, price: 2 }] }, 11]],
    person: on((i: { items: { qty: number; price: number }[] }) => sum(i.items.map((x) => x.qty * x.price))),
    probes: [{ items: [{ qty: 2, price: 2 }, { qty: 4, price: 1 }] }],
  },
  {
    name: "total_per_category",
    description: "The total price for each category.",
    examples: [[{ items: [{ category: "a", price: 1 }, { category: "b", price: 2 }, { category: "a", price: 3 }] }, { a: 4, b: 2 }], [{ items: [{ category: "x", price: 5 }] }, { x: 5 }]],
    person: on((i: { items: { category: string; price: number }[] }) => {
      const out: Record<string, number> = {};
      for (const x of i.items) out[x.category] = (out[x.category] ?? 0) + x.price;
      return out;
    }),
    probes: [{ items: [{ category: "b", price: 1 }, { category: "a", price: 2 }, { category: "b", price: 6 }] }],
  },

  // Lists.
  {
    name: "dedupe_keep_order",
    description: "The numbers with duplicates removed, keeping the first of each.",
    examples: [[{ xs: [1, 2, 1] }, [1, 2]], [{ xs: [3, 3, 4] }, [3, 4]]],
    person: list((xs) => [...new Set(xs)]),
    probes: [{ xs: [2, 1, 2] }],
  },
  {
    name: "top_two_scores",
    description: "The two highest scores, highest first.",
    examples: [[{ xs: [3, 9, 5] }, [9, 5]], [{ xs: [1, 2, 8, 4] }, [8, 4]]],
    person: list((xs) => [...xs].sort((a, b) => b - a).slice(0, 2)),
    probes: [{ xs: [5, 9, 9] }, { xs: [7, 7, 1] }],
  },
  {
    name: "second_item",
    description: "The second item of the list.",
    examples: [[{ xs: [5, 6, 7] }, 6], [{ xs: [8, 9] }, 9]],
    person: list((xs) => xs[1]),
    probes: [{ xs: [3, 4, 1] }],
  },
  {
    name: "most_common_number",
    description: "The number that appears most often.",
    examples: [[{ xs: [1, 2, 2] }, 2], [{ xs: [3, 3, 4] }, 3]],
    person: list((xs) => {
      const count = (x: number): number => xs.filter((y) => y === x).length;
      return xs.reduce((best, x) => (count(x) > count(best) ? x : best));
    }),
    probes: [{ xs: [2, 9, 1, 1, 5] }],
  },
  {
    name: "even_numbers",
    description: "The even numbers from the list.",
    examples: [[{ xs: [1, 2, 3, 4] }, [2, 4]], [{ xs: [6, 7] }, [6]]],
    person: list((xs) => xs.filter((x) => x % 2 === 0)),
    probes: [{ xs: [2, 3] }, { xs: [8, 5, 10] }],
  },

  // Strings.
  {
    name: "username_of_email",
    description: "The part of the email address before the @.",
    examples: [[{ s: "ana@x.com" }, "ana"], [{ s: "bob@y.org" }, "bob"]],
    person: text((s) => s.slice(0, s.indexOf("@"))),
    probes: [{ s: "mary.jane@z.com" }],
  },
  {
    name: "domain_of_email",
    description: "The domain of the email address.",
    examples: [[{ s: "ana@example.com" }, "example.com"], [{ s: "bo@mail.org" }, "mail.org"]],
    person: text((s) => s.slice(s.indexOf("@") + 1)),
    probes: [{ s: "first.last@sub.example.co.uk" }],
  },
  {
    name: "file_stem",
    description: "The file name without its extension.",
    examples: [[{ s: "a.txt" }, "a"], [{ s: "report.pdf" }, "report"]],
    person: text((s) => s.slice(0, s.lastIndexOf("."))),
    probes: [{ s: "my.notes.txt" }],
  },
  {
    name: "phone_formatted",
    description: "The 10-digit phone number formatted like (555) 123-4567.",
    examples: [[{ s: "5551234567" }, "(555) 123-4567"], [{ s: "2125550000" }, "(212) 555-0000"]],
    person: text((s) => `(${s.slice(0, 3)}) ${s.slice(3, 6)}-${s.slice(6)}`),
    probes: [{ s: "8005551212" }],
  },
  {
    name: "truncate_five",
    description: "The text cut to 5 characters, with ... added if it was longer.",
    examples: [[{ s: "hello world" }, "hello..."], [{ s: "hi" }, "hi"]],
    person: text((s) => (s.length > 5 ? `${s.slice(0, 5)}...` : s)),
    probes: [{ s: "hello" }, { s: "abcdef" }],
  },
  {
    name: "count_vowels",
    description: "How many vowels the word has.",
    examples: [[{ s: "apple" }, 2], [{ s: "sky" }, 0]],
    person: text((s) => (s.match(/[aeiou]/gi) ?? []).length),
    probes: [{ s: "Eagle" }, { s: "queue" }],
  },
  {
    name: "word_count",
    description: "The number of words in the sentence.",
    examples: [[{ s: "a b c" }, 3], [{ s: "hello world" }, 2]],
    person: text((s) => words(s).length),
    probes: [{ s: "hi" }, { s: "one  two" }],
  },
  {
    name: "id_padded",
    description: "The id padded with zeros to 5 digits.",
    examples: [[{ n: 42 }, "00042"], [{ n: 7 }, "00007"]],
    person: ((i: { n: number }) => String(i.n).padStart(5, "0")) as Person,
    probes: [{ n: 12345 }, { n: 123456 }],
  },

  // Numbers.
  {
    name: "percent_of_whole",
    description: "The part as a percentage of the whole, rounded to a whole number.",
    examples: [[{ part: 1, whole: 4 }, 25], [{ part: 1, whole: 2 }, 50]],
    person: on((i: { part: number; whole: number }) => Math.round((i.part / i.whole) * 100)),
    probes: [{ part: 3, whole: 4 }, { part: 1, whole: 3 }],
  },
  {
    name: "celsius_to_fahrenheit",
    description: "The temperature in Fahrenheit: F = C × 9/5 + 32.",
    examples: [[{ c: 0 }, 32], [{ c: 100 }, 212]],
    person: on((i: { c: number }) => (i.c * 9) / 5 + 32),
    probes: [{ c: 37 }, { c: -40 }],
  },
  {
    name: "round_to_tenth",
    description: "The number rounded to one decimal place.",
    examples: [[{ x: 3.14159 }, 3.1], [{ x: 2.71828 }, 2.7]],
    person: on((i: { x: number }) => Math.round(i.x * 10) / 10),
    probes: [{ x: 2.75 }, { x: 1.96 }],
  },
  {
    name: "shipping_cost",
    description: "Shipping cost: free for orders of 50 or more, otherwise 5.",
    examples: [[{ total: 80 }, 0], [{ total: 20 }, 5]],
    person: on((i: { total: number }) => (i.total >= 50 ? 0 : 5)),
    probes: [{ total: 50 }, { total: 45 }],
  },

  // Dates.
  {
    name: "date_to_dmy",
    description: "The date rewritten from YYYY-MM-DD to DD/MM/YYYY.",
    examples: [[{ s: "2024-03-15" }, "15/03/2024"], [{ s: "1999-12-31" }, "31/12/1999"]],
    person: text((s) => s.split("-").reverse().join("/")),
    probes: [{ s: "2024-01-02" }],
  },
  {
    name: "days_between",
    description: "The number of days from the first date to the second.",
    examples: [[{ from: "2024-01-01", to: "2024-01-03" }, 2], [{ from: "2024-02-10", to: "2024-02-15" }, 5]],
    person: on((i: { from: string; to: string }) => (Date.parse(i.to) - Date.parse(i.from)) / DAY_MS),
    probes: [{ from: "2024-01-30", to: "2024-02-02" }],
  },

  // Second batch: more of each kind.
  {
    name: "initials_with_dots",
    description: "The initials of the name with dots, like A.L.",
    examples: [[{ s: "Ada Lovelace" }, "A.L."], [{ s: "Bob Marley" }, "B.M."]],
    person: text((s) => words(s).map((w) => `${w.charAt(0)}.`).join("")),
    probes: [{ s: "Grace Brewster Hopper" }],
  },
  {
    name: "last_name",
    description: "The last name from the full name.",
    examples: [[{ s: "Ada Lovelace" }, "Lovelace"], [{ s: "Bob Marley" }, "Marley"]],
    person: text((s) => words(s).at(-1)),
    probes: [{ s: "Grace Brewster Hopper" }],
  },
  {
    name: "title_slug",
    description: "The title as a URL slug: lower case, words joined by hyphens.",
    examples: [[{ s: "Hello World" }, "hello-world"], [{ s: "My Blog" }, "my-blog"]],
    person: text((s) => words(s.toLowerCase()).join("-")),
    probes: [{ s: "The Big Day" }],
  },
  {
    name: "snake_to_camel",
    description: "The snake_case name in camelCase.",
    examples: [[{ s: "first_name" }, "firstName"], [{ s: "user_id" }, "userId"]],
    person: text((s) => s.replace(/_(.)/g, (_, c: string) => c.toUpperCase())),
    probes: [{ s: "date_of_birth" }],
  },
  {
    name: "email_tidied",
    description: "The email address trimmed and in lower case.",
    examples: [[{ s: " Ana@X.com " }, "ana@x.com"], [{ s: "BOB@Y.ORG" }, "bob@y.org"]],
    person: text((s) => s.trim().toLowerCase()),
    probes: [{ s: "  cy@z.com" }],
  },
  {
    name: "cents_as_dollars",
    description: "The amount in cents as dollars with two decimals, like 12.50.",
    examples: [[{ cents: 1250 }, "12.50"], [{ cents: 99 }, "0.99"]],
    person: on((i: { cents: number }) => (i.cents / 100).toFixed(2)),
    probes: [{ cents: 5 }, { cents: 100000 }],
  },
  {
    name: "minutes_as_hours",
    description: "The minutes written as hours and minutes, like 1:05.",
    examples: [[{ m: 65 }, "1:05"], [{ m: 130 }, "2:10"]],
    person: on((i: { m: number }) => `${Math.floor(i.m / 60)}:${String(i.m % 60).padStart(2, "0")}`),
    probes: [{ m: 45 }, { m: 600 }],
  },
  {
    name: "range_of_numbers",
    description: "The largest number minus the smallest.",
    examples: [[{ xs: [1, 5, 3] }, 4], [{ xs: [2, 9] }, 7]],
    person: list((xs) => Math.max(...xs) - Math.min(...xs)),
    probes: [{ xs: [9, 2, 4] }],
  },
  {
    name: "first_negative_position",
    description: "The position of the first negative number, or -1 if there is none.",
    examples: [[{ xs: [3, -1, 4] }, 1], [{ xs: [2, 5] }, -1]],
    person: list((xs) => xs.findIndex((x) => x < 0)),
    probes: [{ xs: [-2, 5] }, { xs: [1, 2, -3, -4] }],
  },
  {
    name: "running_total",
    description: "The running totals of the list.",
    examples: [[{ xs: [1, 2, 3] }, [1, 3, 6]], [{ xs: [5, 5] }, [5, 10]]],
    person: list((xs) => xs.map((_, i) => sum(xs.slice(0, i + 1)))),
    probes: [{ xs: [2, 0, 1] }],
  },
  {
    name: "last_number",
    description: "The last number in the list.",
    examples: [[{ xs: [4, 7] }, 7], [{ xs: [1, 2, 9] }, 9]],
    person: list((xs) => xs.at(-1)),
    probes: [{ xs: [9, 1] }],
  },
  {
    name: "two_smallest",
    description: "The two smallest numbers, smallest first.",
    examples: [[{ xs: [5, 1, 3] }, [1, 3]], [{ xs: [8, 2, 6, 4] }, [2, 4]]],
    person: list((xs) => [...xs].sort((a, b) => a - b).slice(0, 2)),
    probes: [{ xs: [3, 3, 9] }],
  },
  {
    name: "count_distinct",
    description: "How many different numbers are in the list.",
    examples: [[{ xs: [1, 1, 2] }, 2], [{ xs: [3, 4, 5] }, 3]],
    person: list((xs) => new Set(xs).size),
    probes: [{ xs: [1, 5] }, { xs: [7, 7, 7] }],
  },
  {
    name: "two_oldest_names",
    description: "The names of the two oldest people, oldest first.",
    examples: [[{ people: [{ name: "ann", age: 30 }, { name: "bob", age: 50 }, { name: "cy", age: 40 }] }, ["bob", "cy"]], [{ people: [{ name: "di", age: 9 }, { name: "ed", age: 7 }] }, ["di", "ed"]]],
    person: on((i: { people: { name: string; age: number }[] }) => [...i.people].sort((a, b) => b.age - a.age).slice(0, 2).map((p) => p.name)),
    probes: [{ people: [{ name: "fay", age: 20 }, { name: "gus", age: 60 }, { name: "hal", age: 10 }, { name: "ivy", age: 30 }] }],
  },
  {
    name: "count_per_status",
    description: "How many tasks have each status.",
    examples: [[{ tasks: [{ status: "done" }, { status: "todo" }, { status: "done" }] }, { done: 2, todo: 1 }], [{ tasks: [{ status: "todo" }] }, { todo: 1 }]],
    person: on((i: { tasks: { status: string }[] }) => {
      const out: Record<string, number> = {};
      for (const t of i.tasks) out[t.status] = (out[t.status] ?? 0) + 1;
      return out;
    }),
    probes: [{ tasks: [{ status: "late" }, { status: "late" }, { status: "todo" }] }],
  },
  {
    name: "discount_over_100",
    description: "The price after a 10% discount on orders over 100.",
    examples: [[{ total: 200 }, 180], [{ total: 50 }, 50]],
    person: on((i: { total: number }) => (i.total > 100 ? i.total * 0.9 : i.total)),
    probes: [{ total: 120 }, { total: 100 }],
  },
  {
    name: "percent_change",
    description: "The percentage change from the old value to the new one.",
    examples: [[{ old: 100, new: 120 }, 20], [{ old: 50, new: 25 }, -50]],
    person: on((i: { old: number; new: number }) => ((i.new - i.old) / i.old) * 100),
    probes: [{ old: 200, new: 250 }],
  },
  {
    name: "quarter_of_month",
    description: "The quarter of the year for the month number (1 to 12).",
    examples: [[{ month: 2 }, 1], [{ month: 11 }, 4]],
    person: on((i: { month: number }) => Math.ceil(i.month / 3)),
    probes: [{ month: 4 }, { month: 9 }],
  },
  {
    name: "week_later",
    description: "The date one week after the given date, as YYYY-MM-DD.",
    examples: [[{ s: "2024-03-01" }, "2024-03-08"], [{ s: "2024-05-10" }, "2024-05-17"]],
    person: text((s) => new Date(Date.parse(s) + 7 * DAY_MS).toISOString().slice(0, 10)),
    probes: [{ s: "2024-01-28" }],
  },
  {
    name: "is_weekend",
    description: "Whether the date falls on a weekend.",
    examples: [[{ s: "2024-03-16" }, true], [{ s: "2024-03-13" }, false]],
    person: text((s) => [0, 6].includes(new Date(s).getUTCDay())),
    probes: [{ s: "2024-03-17" }, { s: "2024-03-18" }],
  },
  {
    name: "month_of_date",
    description: "The month number of the date.",
    examples: [[{ s: "2024-03-15" }, 3], [{ s: "1999-12-31" }, 12]],
    person: text((s) => Number(s.slice(5, 7))),
    probes: [{ s: "2024-10-01" }],
  },

  // Third batch: thresholds, signs and ties a person's examples often skip.
  {
    name: "all_positive",
    description: "Whether all the numbers are positive.",
    examples: [[{ xs: [1, 2, 3] }, true], [{ xs: [1, -2] }, false]],
    person: list((xs) => xs.every((x) => x > 0)),
    probes: [{ xs: [0, 1] }],
  },
  {
    name: "longest_word",
    description: "The longest word in the sentence.",
    examples: [[{ s: "a bb ccc" }, "ccc"], [{ s: "hello hi" }, "hello"]],
    person: text((s) => words(s).reduce((best, w) => (w.length > best.length ? w : best))),
    probes: [{ s: "tall short long" }],
  },
  {
    name: "average_rounded",
    description: "The average of the scores, rounded to the nearest whole number.",
    examples: [[{ xs: [1, 2] }, 2], [{ xs: [4, 4, 5] }, 4]],
    person: list((xs) => Math.round(sum(xs) / xs.length)),
    probes: [{ xs: [1, 2, 2] }, { xs: [2, 3, 9] }],
  },
  {
    name: "first_to_join",
    description: "The name of the member who joined first.",
    examples: [[{ members: [{ name: "ann", joined: "2021-05-01" }, { name: "bob", joined: "2020-01-15" }] }, "bob"], [{ members: [{ name: "cy", joined: "2019-03-03" }, { name: "di", joined: "2022-08-08" }] }, "cy"]],
    person: on((i: { members: { name: string; joined: string }[] }) => i.members.reduce((best, m) => (m.joined < best.joined ? m : best)).name),
    probes: [{ members: [{ name: "ed", joined: "2020-12-01" }, { name: "fay", joined: "2020-02-01" }] }],
  },
  {
    name: "thousands_separated",
    description: "The number with commas between the thousands, like 1,234,567.",
    examples: [[{ n: 1234 }, "1,234"], [{ n: 1234567 }, "1,234,567"]],
    person: on((i: { n: number }) => String(i.n).replace(/\B(?=(\d{3})+$)/g, ",")),
    probes: [{ n: 999 }, { n: 12345 }],
  },
  {
    name: "count_over_ten",
    description: "How many products cost more than 10.",
    examples: [[{ products: [{ name: "p", price: 5 }, { name: "q", price: 20 }] }, 1], [{ products: [{ name: "r", price: 15 }, { name: "s", price: 30 }] }, 2]],
    person: on((i: { products: { price: number }[] }) => i.products.filter((p) => p.price > 10).length),
    probes: [{ products: [{ name: "t", price: 10 }, { name: "u", price: 11 }] }, { products: [{ name: "v", price: 7 }] }],
  },
  {
    name: "sum_of_evens",
    description: "The sum of the even numbers.",
    examples: [[{ xs: [1, 2, 3, 4] }, 6], [{ xs: [5, 6] }, 6]],
    person: list((xs) => sum(xs.filter((x) => x % 2 === 0))),
    probes: [{ xs: [2, 8] }, { xs: [1, 3] }],
  },
  {
    name: "clamped_percent",
    description: "The number limited to between 0 and 100.",
    examples: [[{ n: 150 }, 100], [{ n: -5 }, 0]],
    person: on((i: { n: number }) => Math.min(100, Math.max(0, i.n))),
    probes: [{ n: 42 }],
  },
  {
    name: "sign_of_number",
    description: "-1, 0 or 1 for the sign of the number.",
    examples: [[{ n: -7 }, -1], [{ n: 3 }, 1]],
    person: on((i: { n: number }) => Math.sign(i.n)),
    probes: [{ n: 0 }, { n: -0.5 }],
  },
  {
    name: "last_word",
    description: "The last word of the sentence.",
    examples: [[{ s: "the cat sat" }, "sat"], [{ s: "hello world" }, "world"]],
    person: text((s) => words(s).at(-1)),
    probes: [{ s: "one two three four" }, { s: "solo" }],
  },
  {
    name: "sum_one_to_n",
    description: "The sum of the whole numbers from 1 to n.",
    examples: [[{ n: 3 }, 6], [{ n: 4 }, 10]],
    person: on((i: { n: number }) => (i.n * (i.n + 1)) / 2),
    probes: [{ n: 10 }, { n: 1 }],
  },
];

describe("round 16 attack: records, lists, strings, numbers and dates that other programs fit too", () => {
  for (const attack of BROKEN) {
    it.fails(`${attack.name}: open: ${attack.open}`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`${attack.name}: asks, gives up, or is right on ${JSON.stringify(attack.probes[0])}`, () => holds(backend, attack), ANSWERED_MS);
  }
});

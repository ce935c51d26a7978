/**
 * Round 15 attack: specs of two examples that other programs also fit, checked against the
 * synthesizer's promise (issue #17, docs/synthesis.md "When it asks"): it never publishes an
 * ambiguous program silently. Each case answers the backend's questions as a person would (the
 * outputs offered recorded, as at `/need`); a case holds when the backend still asks after six
 * answers, gives up, or its program is right on a plausible input the examples leave open.
 * `it.fails` marks a spec published without the question that parts it from the right reading,
 * and wrong on that input: the promise broken, kept open here until the synthesizer asks.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { holds, list, text, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();

/** Published without a question that parts it from the right reading, and wrong on the probe: the promise broken. None left open. */
const BROKEN: (Attack & { open: string })[] = [];

/** Asked (or right) when attacked: the promise held. */
const HELD: Attack[] = [
  {
    // Open in round 15 (now asked, round 16): one-word examples admit "capitalize every word and join them with nothing" (PascalCase);
    // published silently, "hello world" -> "HelloWorld".
    name: "capitalize_first",
    description: "The text with its first letter in upper case.",
    examples: [[{ s: "hello" }, "Hello"], [{ s: "world" }, "World"]],
    person: text((s) => s.charAt(0).toUpperCase() + s.slice(1)),
    probes: [{ s: "hello world" }],
  },
  {
    // Open in round 15 (now asked, round 16): same reading with a name field: "mary jane" -> "MaryJane".
    name: "name_capitalized",
    description: "The name with a capital first letter.",
    examples: [[{ s: "ada" }, "Ada"], [{ s: "bob" }, "Bob"]],
    person: text((s) => s.charAt(0).toUpperCase() + s.slice(1)),
    probes: [{ s: "mary jane" }],
  },
  {
    // Open in round 15 (now asked, round 16): capitalized examples leave "first character of each word" and "its capital" apart only on
    // a name typed in lower case; published silently, "ada lovelace" -> "al".
    name: "initials_of_name",
    description: "The initials of the full name.",
    examples: [[{ s: "Ada Lovelace" }, "AL"], [{ s: "Bob Marley" }, "BM"]],
    person: text((s) => (s.match(/\S+/g) ?? []).map((w) => w.charAt(0).toUpperCase()).join("")),
    probes: [{ s: "ada lovelace" }],
  },
  {
    // Open in round 15 (now asked, round 16): odd-length sorted lists make the median and the element at the middle position agree;
    // the median is published silently, [1, 9, 2] -> 2.
    name: "middle_element",
    description: "The middle element of the list.",
    examples: [[{ xs: [1, 2, 3] }, 2], [{ xs: [4, 5, 6, 7, 8] }, 6]],
    person: list((xs) => xs[xs.length >> 1]),
    probes: [{ xs: [1, 9, 2] }],
  },
  {
    // Open in round 15 (now asked, round 16): lower-case examples leave code-unit order and alphabetical order apart only on a
    // capitalized word; code-unit order is published silently, "Cherry" sorts before "apple".
    name: "words_alphabetical",
    description: "The words in alphabetical order.",
    examples: [[{ words: ["pear", "apple", "fig"] }, ["apple", "fig", "pear"]], [{ words: ["kiwi", "date"] }, ["date", "kiwi"]]],
    person: ((i: { words: string[] }) => [...i.words].sort((a, b) => a.localeCompare(b, "en"))) as Person,
    probes: [{ words: ["banana", "Cherry", "apple"] }],
  },
  {
    // Open in round 15 (now asked, round 16): asked 0, 4, 1 and 3 (answered true, true, false, false), it publishes "n % 2 <= 0" without
    // asking where "even" and "divisible by 4" part: 2022 -> true. (1900 needs a rule outside the DSL.)
    name: "leap_year",
    description: "Whether the year is a leap year.",
    examples: [[{ n: 2024 }, true], [{ n: 2023 }, false]],
    person: ((i: { n: number }) => (i.n % 4 === 0 && i.n % 100 !== 0) || i.n % 400 === 0) as Person,
    probes: [{ n: 2022 }],
  },

  { name: "mean_of_numbers", description: "The average of the numbers.", examples: [[{ xs: [2, 4] }, 3], [{ xs: [1, 2, 3] }, 2]], person: list((xs) => xs.reduce((a, b) => a + b, 0) / xs.length), probes: [{ xs: [1, 2, 6] }] },
  { name: "words_by_length", description: "The words sorted by length, shortest first.", examples: [[{ words: ["ccc", "a", "bb"] }, ["a", "bb", "ccc"]], [{ words: ["zz", "y"] }, ["y", "zz"]]], person: ((i: { words: string[] }) => [...i.words].sort((a, b) => a.length - b.length)) as Person, probes: [{ words: ["b", "aa"] }] },
  { name: "rectangle_area", description: "The area of the rectangle.", examples: [[{ w: 2, h: 2 }, 4], [{ w: 3, h: 3 }, 9]], person: ((i: { w: number; h: number }) => i.w * i.h) as Person, probes: [{ w: 2, h: 5 }] },
  { name: "number_squared", description: "The number squared.", examples: [[{ n: 2 }, 4], [{ n: 0 }, 0]], person: ((i: { n: number }) => i.n * i.n) as Person, probes: [{ n: 3 }] },
  { name: "price_with_tax", description: "The price with tax added at the given rate.", examples: [[{ price: 10, rate: 0.2 }, 12], [{ price: 20, rate: 0.1 }, 22]], person: ((i: { price: number; rate: number }) => i.price * (1 + i.rate)) as Person, probes: [{ price: 10, rate: 0.5 }] },
  { name: "rectangle_perimeter", description: "The perimeter of the rectangle.", examples: [[{ w: 2, h: 4 }, 12], [{ w: 3, h: 3 }, 12]], person: ((i: { w: number; h: number }) => 2 * (i.w + i.h)) as Person, probes: [{ w: 1, h: 1 }] },
  { name: "number_is_even", description: "Whether the number is even.", examples: [[{ n: 4 }, true], [{ n: 7 }, false]], person: ((i: { n: number }) => i.n % 2 === 0) as Person, probes: [{ n: 2 }] },
  { name: "numbers_ascending", description: "Whether the numbers are in ascending order.", examples: [[{ xs: [1, 2, 3] }, true], [{ xs: [3, 1] }, false]], person: list((xs) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x)), probes: [{ xs: [1, 3, 2] }] },
  { name: "password_has_digit", description: "Whether the password contains a digit.", examples: [[{ s: "abc1" }, true], [{ s: "abcd" }, false]], person: text((s) => /\d/.test(s)), probes: [{ s: "ab!" }] },
  { name: "sentence_has_cat", description: "Whether the sentence contains the word cat.", examples: [[{ s: "the cat sat" }, true], [{ s: "dog" }, false]], person: text((s) => /\bcat\b/.test(s)), probes: [{ s: "a bat" }] },
  { name: "some_number_twice", description: "Whether some number appears twice.", examples: [[{ xs: [1, 2, 1] }, true], [{ xs: [1, 2, 3] }, false]], person: list((xs) => new Set(xs).size !== xs.length), probes: [{ xs: [1, 1, 2] }] },
  { name: "first_of_full_name", description: "The first name from the full name.", examples: [[{ s: "Ada Lovelace" }, "Ada"], [{ s: "Bob Marley" }, "Bob"]], person: text((s) => s.split(" ")[0]), probes: [{ s: "Grace Hopper" }] },
  { name: "file_extension", description: "The file extension.", examples: [[{ s: "a.txt" }, "txt"], [{ s: "b.pdf" }, "pdf"]], person: text((s) => s.slice(s.lastIndexOf(".") + 1)), probes: [{ s: "photo.jpeg" }] },
  { name: "initials_in_capitals", description: "The initials of the full name, in capitals.", examples: [[{ s: "Ada Lovelace" }, "AL"], [{ s: "Bob Marley" }, "BM"]], person: text((s) => (s.match(/\S+/g) ?? []).map((w) => w.charAt(0).toUpperCase()).join("")), probes: [{ s: "ada lovelace" }] },
  { name: "list_first_two", description: "The first two items of the list.", examples: [[{ xs: [1, 2, 3] }, [1, 2]], [{ xs: [4, 5, 6] }, [4, 5]]], person: list((xs) => xs.slice(0, 2)), probes: [{ xs: [1, 2, 3, 4] }] },
  { name: "sum_not_product", description: "The sum of the numbers.", examples: [[{ xs: [1, 2, 3] }, 6], [{ xs: [2, 2] }, 4]], person: list((xs) => xs.reduce((a, b) => a + b, 0)), probes: [{ xs: [1, 5] }] },
];

describe("round 15 attack: two examples, other programs fit too", () => {
  for (const attack of BROKEN) {
    it.fails(`${attack.name}: open: ${attack.open}`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`${attack.name}: asks, gives up, or is right on ${JSON.stringify(attack.probes[0])}`, () => holds(backend, attack), ANSWERED_MS);
  }
});

/**
 * Round 11: operations the DSL lacked — numbers written with thousands separated by commas, orders
 * with a tie-break (sorted by one key, then by another within its runs of equal keys) and the
 * natural order of texts with numbers in them.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { naturalCompare } from "../../src/agents/synthesizer/ops.ts";
import { statesTieBreak } from "../../src/agents/synthesizer/tie-break-words.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "./fixtures.ts";
import { answeredPlugin, ANSWERED_MS } from "./answered.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

/** Answers the backend's questions with `person`, as at `/need`, until it publishes (at most 6). */
const answered = async (spec: CapabilitySpec, person: (input: never) => unknown) => (await answeredPlugin(backend, spec, person)).run;

/** The program the backend takes after up to `n` answers: published, or still offered to be confirmed. */
async function takenAfterAnswers(spec: CapabilitySpec, person: (input: never) => unknown, n = 3): Promise<(input: unknown) => unknown> {
  const examples = [...spec.examples];
  let result = await backend.synthesize(spec);
  for (let asked = 0; result.ambiguity && asked < n; asked++) {
    examples.push({ input: result.ambiguity.input, output: person(result.ambiguity.input as never) });
    result = await backend.synthesize({ ...spec, examples });
  }
  const fn = await loadPlugin(result.code);
  return (input) => fn(structuredClone(input), {});
}

describe("numbers with thousands separated by commas", () => {
  it("writes a population with a comma between groups of three digits", async () => {
    const spec = makeSpec("population_label", "A town's population as shown on a road sign: digits in groups of three with commas between them.", [
      [{ population: 8336817 }, "8,336,817"],
      [{ population: 12500 }, "12,500"],
      [{ population: 640 }, "640"],
    ]);
    const person = (i: { population: number }): string => i.population.toLocaleString("en-US");
    const run = await answered(spec, person);
    for (const population of [0, 999, 1000, 45210, 1000000, 123456789]) expect(run({ population })).toBe(person({ population }));
  }, ANSWERED_MS);

  it("keeps a count of decimals with the separators", async () => {
    const spec = makeSpec("invoice_total_text", "An invoice total written with thousands separators and two decimals.", [
      [{ total: 1234.5 }, "1,234.50"],
      [{ total: 98765.432 }, "98,765.43"],
      [{ total: 12 }, "12.00"],
    ]);
    const person = (i: { total: number }): string => i.total.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const run = await answered(spec, person);
    for (const total of [0, 7.1, 999.99, 1000, 2500000.25]) expect(run({ total })).toBe(person({ total }));
  }, ANSWERED_MS);
});

describe("orders with a tie-break", () => {
  it("sorts by a second key within runs of equal first keys when the examples show it", async () => {
    const spec = makeSpec("books_by_shelf", "Book titles in the order a librarian shelves them: by shelf number, and alphabetically within a shelf.", [
      [{ books: [{ title: "Dracula", shelf: 4 }, { title: "Ulysses", shelf: 1 }, { title: "Emma", shelf: 2 }] }, ["Ulysses", "Emma", "Dracula"]],
      [{ books: [{ title: "Persuasion", shelf: 7 }, { title: "Beloved", shelf: 7 }] }, ["Beloved", "Persuasion"]],
    ]);
    type Book = { title: string; shelf: number };
    const person = (i: { books: Book[] }): string[] => [...i.books].sort((a, b) => a.shelf - b.shelf || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)).map((b) => b.title);
    const run = await answered(spec, person);
    const input = { books: [{ title: "Walden", shelf: 3 }, { title: "Middlemarch", shelf: 3 }, { title: "Atonement", shelf: 9 }, { title: "Candide", shelf: 3 }] };
    expect(run(input)).toEqual(person(input));
  }, ANSWERED_MS);

  it("asks about ties the description orders when no example has one, and learns the order from the answer", async () => {
    const spec = makeSpec("late_invoices", "Numbers of the invoices paid late (after their due day), most days late first, equal days late in alphabetical order.", [
      [{ invoices: [{ number: "INV-7", days_late: 3 }, { number: "INV-2", days_late: 0 }, { number: "INV-5", days_late: 12 }] }, ["INV-5", "INV-7"]],
      [{ invoices: [{ number: "INV-9", days_late: 1 }, { number: "INV-4", days_late: 6 }] }, ["INV-4", "INV-9"]],
    ]);
    const first = await backend.synthesize(spec);
    // The stable sort fits both examples; a second key is the reading the description states.
    expect(first.ambiguity?.reason).toBe("programs_disagree");
    type Invoice = { number: string; days_late: number };
    const person = (i: { invoices: Invoice[] }): string[] =>
      i.invoices.filter((v) => v.days_late > 0).sort((a, b) => b.days_late - a.days_late || (a.number < b.number ? -1 : 1)).map((v) => v.number);
    // Answered, the program it takes (published, or offered to confirm once more) orders ties by number.
    const run = await takenAfterAnswers(spec, person);
    const input = { invoices: [{ number: "INV-8", days_late: 4 }, { number: "INV-3", days_late: 4 }, { number: "INV-1", days_late: 0 }, { number: "INV-6", days_late: 9 }] };
    expect(run(input)).toEqual(person(input));
  }, ANSWERED_MS);

  it("reads the words that state a tie-break, and not list order or 'within a day'", () => {
    expect(statesTieBreak("Scores highest first, equal scores in alphabetical order.")).toBe(true);
    expect(statesTieBreak("Episodes by season, then by episode.")).toBe(true);
    expect(statesTieBreak("Items sorted by aisle, and alphabetically within an aisle.")).toBe(true);
    expect(statesTieBreak("Cheapest first; packs with the same price keep their list order.")).toBe(false);
    expect(statesTieBreak("Parcels due within a day, soonest first.")).toBe(false);
  });
});

describe("natural order of texts with numbers", () => {
  it("compares runs of digits by their number, other characters ignoring case", () => {
    expect(["img10.png", "IMG2.png", "img1.png", "img.png"].sort(naturalCompare)).toEqual(["img.png", "img1.png", "IMG2.png", "img10.png"]);
  });

  it("is taken where the description speaks for it, and asked about against the plain order where nothing does", async () => {
    const examples: [unknown, unknown][] = [
      [{ tags: ["v03", "v01", "v02"] }, ["v01", "v02", "v03"]],
      [{ tags: ["v12", "v10"] }, ["v10", "v12"]],
    ];
    const stated = await backend.synthesize(makeSpec("versions_in_order", "Version tags in order, by the numbers in them (numbers of any length).", examples));
    expect(stated.ambiguity).toBeUndefined();
    const fn = await loadPlugin(stated.code);
    expect(fn({ tags: ["v10", "v9", "v100"] }, {})).toEqual(["v9", "v10", "v100"]);
    const silent = await backend.synthesize(makeSpec("tags_in_order", "The tags in order.", examples));
    expect(silent.ambiguity?.readings.map((r) => r.output)).toContainEqual(expect.arrayContaining(["v1"]));
  }, ANSWERED_MS);
});

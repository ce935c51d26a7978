/**
 * Round 25b attack: answers alike item by item, seen through a list or a count. Specs invented here
 * (plausible user requests, none from tests/fixtures/specs/): selections whose every example keeps
 * every item, counts of every item, selections whose every example keeps none (some with four
 * examples and more, where a constant used to pass), each asked about first and never published
 * wrong after a person's answers; and specs that do keep or count every item ("all the users",
 * "count every word"), published with no question.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { TO_DROP, TO_KEEP, changedItems, namedValues } from "../../src/agents/synthesizer/item-probes.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { nounsOf, speaksOfSelection } from "../../src/agents/synthesizer/selection-words.ts";
import type { Json } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS, holds } from "./answered.ts";
import type { Attack } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

type Ex = [unknown, unknown][];
const same = (xs: unknown[]): Ex => xs.map((x) => [x, (x as Record<string, unknown>)[Object.keys(x as object)[0] as string]]);

const user = (name: string, active: boolean) => ({ name, active });
const product = (name: string, stock: number) => ({ name, stock });

/** Every item of every example passes the selection: the whole list came out. */
const ALL_KEPT: Attack[] = [
  {
    name: "active_users", description: "The users whose account is active.",
    examples: same([{ users: [user("ana", true), user("bo", true)] }, { users: [user("cy", true)] }]),
    person: ((i: { users: { active: boolean }[] }) => i.users.filter((u) => u.active)) as Attack["person"],
    probes: [{ users: [user("dee", false), user("eli", true)] }, { users: [user("fay", false)] }],
  },
  {
    name: "positive_readings", description: "Keep only the positive readings.",
    examples: same([{ readings: [3, 5, 1] }, { readings: [8] }, { readings: [2, 9] }]),
    person: ((i: { readings: number[] }) => i.readings.filter((x) => x > 0)) as Attack["person"],
    probes: [{ readings: [-2, 4] }, { readings: [0, 7] }, { readings: [-1] }],
  },
  {
    name: "in_stock_products", description: "The products that are in stock.",
    examples: same([{ products: [product("pen", 3), product("cup", 7)] }, { products: [product("mug", 1)] }]),
    person: ((i: { products: { stock: number }[] }) => i.products.filter((p) => p.stock > 0)) as Attack["person"],
    probes: [{ products: [product("pen", 0), product("cup", 2)] }, { products: [product("lid", 5)] }],
  },
];

/** Every item of every example counts: the count of the whole list. */
const ALL_COUNTED: Attack[] = [
  {
    name: "long_word_count", description: "How many of the words have more than 3 letters?",
    examples: [[{ words: ["house", "garden"] }, 2], [{ words: ["river"] }, 1], [{ words: ["apple", "lemon", "grape"] }, 3]],
    person: ((i: { words: string[] }) => i.words.filter((w) => w.length > 3).length) as Attack["person"],
    probes: [{ words: ["cat", "horse"] }, { words: ["a", "an", "the"] }, { words: ["tiger"] }],
  },
  {
    name: "paid_invoice_count", description: "How many of the invoices are paid?",
    examples: [
      [{ invoices: [{ n: 1, paid: true }, { n: 2, paid: true }] }, 2], [{ invoices: [{ n: 3, paid: true }] }, 1],
      [{ invoices: [{ n: 4, paid: true }, { n: 5, paid: true }, { n: 6, paid: true }] }, 3], [{ invoices: [{ n: 7, paid: true }] }, 1],
    ],
    person: ((i: { invoices: { paid: boolean }[] }) => i.invoices.filter((x) => x.paid).length) as Attack["person"],
    probes: [{ invoices: [{ n: 8, paid: false }, { n: 9, paid: true }] }, { invoices: [{ n: 1, paid: false }] }],
  },
  {
    name: "capital_city_count", description: "Count the city names that start with a capital letter.",
    examples: [[{ cities: ["Oslo", "Rome"] }, 2], [{ cities: ["Lima"] }, 1], [{ cities: ["Kyiv", "Bern", "Doha"] }, 3]],
    person: ((i: { cities: string[] }) => i.cities.filter((c) => /^[A-Z]/.test(c)).length) as Attack["person"],
    probes: [{ cities: ["oslo", "Rome"] }, { cities: ["lima"] }],
  },
];

/** No item of any example passes the selection: every answer []. Four examples and more let a constant through before. */
const NONE_KEPT: Attack[] = [
  {
    name: "failed_tests", description: "Names of the tests that failed.",
    examples: [[{ tests: [{ name: "login", passed: true }, { name: "logout", passed: true }] }, []], [{ tests: [{ name: "signup", passed: true }] }, []]],
    person: ((i: { tests: { name: string; passed: boolean }[] }) => i.tests.filter((t) => !t.passed).map((t) => t.name)) as Attack["person"],
    probes: [{ tests: [{ name: "a", passed: false }, { name: "b", passed: true }] }, { tests: [{ name: "c", passed: true }] }],
  },
  {
    name: "critical_alerts", description: "The alerts whose level is CRITICAL.",
    examples: [
      [{ alerts: [{ level: "INFO", msg: "up" }, { level: "WARN", msg: "slow" }] }, []], [{ alerts: [{ level: "INFO", msg: "ok" }] }, []],
      [{ alerts: [{ level: "WARN", msg: "disk" }] }, []], [{ alerts: [{ level: "INFO", msg: "cron" }, { level: "INFO", msg: "tick" }] }, []],
    ],
    person: ((i: { alerts: { level: string }[] }) => i.alerts.filter((a) => a.level === "CRITICAL")) as Attack["person"],
    probes: [{ alerts: [{ level: "CRITICAL", msg: "fire" }, { level: "INFO", msg: "ok" }] }, { alerts: [{ level: "WARN", msg: "x" }] }],
  },
  {
    name: "heavy_parcels", description: "Ids of the parcels that weigh more than 20 kg.",
    examples: [
      [{ parcels: [{ id: "p1", kg: 3 }, { id: "p2", kg: 12 }] }, []], [{ parcels: [{ id: "p3", kg: 7 }] }, []],
      [{ parcels: [{ id: "p4", kg: 1 }, { id: "p5", kg: 19 }] }, []], [{ parcels: [{ id: "p6", kg: 5 }] }, []],
    ],
    person: ((i: { parcels: { id: string; kg: number }[] }) => i.parcels.filter((p) => p.kg > 20).map((p) => p.id)) as Attack["person"],
    probes: [{ parcels: [{ id: "q1", kg: 25 }, { id: "q2", kg: 4 }] }, { parcels: [{ id: "q3", kg: 20 }] }],
  },
  {
    name: "duplicate_usernames", description: "The usernames that appear more than once.",
    examples: [[{ names: ["ana", "bo"] }, []], [{ names: ["cy"] }, []], [{ names: ["dee", "eli", "fay"] }, []], [{ names: ["gus", "hal"] }, []]],
    person: ((i: { names: string[] }) => [...new Set(i.names.filter((n, k) => i.names.indexOf(n) !== k))]) as Attack["person"],
    probes: [{ names: ["ana", "ana"] }, { names: ["x", "y", "x", "z"] }],
  },
];

/** The description keeps or counts every item: published at once, with no question. */
const KEEPS_ALL: [string, string, Ex][] = [
  ["all_orders", "Return all the orders.", same([{ orders: [{ id: 1, paid: true }, { id: 2, paid: true }] }, { orders: [{ id: 7, paid: true }] }])],
  ["all_users", "All the users, every one of them, as they are.", same([{ users: [user("ana", true), user("bo", true)] }, { users: [user("cy", true)] }])],
  ["every_word_count", "Count every word in the list.", [[{ words: ["Ana", "Bo"] }, 2], [{ words: ["Lisbon"] }, 1], [{ words: ["Oslo", "Rome", "Lima"] }, 3]]],
  ["word_total", "How many words are in the list? Count every word.", [[{ words: ["Ana", "Bo"] }, 2], [{ words: ["Lisbon"] }, 1], [{ words: ["Oslo", "Rome", "Lima"] }, 3]]],
];

describe("round 25b: answers alike item by item, through a list or a count", () => {
  for (const attack of [...ALL_KEPT, ...ALL_COUNTED, ...NONE_KEPT]) {
    it(`${attack.name}: the first synthesis asks`, async () => {
      const result = await backend.synthesize(makeSpec(attack.name, attack.description, attack.examples));
      expect(result.ambiguity, result.code).toBeDefined();
    }, ANSWERED_MS);
    it(`${attack.name}: never published wrong after a person's answers`, () => holds(backend, attack), ANSWERED_MS);
  }

  it.each(KEEPS_ALL)("%s: every item kept or counted as the description says: published with no question", async (name, description, examples) => {
    const result = await backend.synthesize(makeSpec(name, description, examples));
    expect(result.ambiguity, JSON.stringify(result.ambiguity)).toBeUndefined();
  }, ANSWERED_MS);

  it("the question on a list kept whole changes one item and offers the list without it", async () => {
    const [attack] = ALL_KEPT as [Attack];
    const q = (await backend.synthesize(makeSpec(attack.name, attack.description, attack.examples))).ambiguity;
    expect(q?.input).toEqual({ users: [user("ana", false), user("bo", true)] });
    expect(q?.readings.map((r) => r.output)).toEqual([[user("ana", false), user("bo", true)], [user("bo", true)]]);
  }, ANSWERED_MS);

  it("an empty answer is asked about with the item changed towards being kept: a named level, a repeat, a flag", () => {
    const lines = [{ lines: ["INFO start", "DEBUG x"] }];
    const named = namedValues("The lines that start with ERROR.", lines, []);
    expect(changedItems(lines, named, TO_KEEP)[0]?.value).toEqual({ lines: ["ERROR start", "DEBUG x"] });
    expect(changedItems([{ emails: ["a@x.io", "b@x.io"] }], namedValues("", [], []), TO_KEEP)[0]?.value).toEqual({ emails: ["a@x.io", "a@x.io", "b@x.io"] });
    expect(changedItems([{ tests: [{ ok: true }] }], namedValues("", [], []), TO_KEEP)[0]?.value).toEqual({ tests: [{ ok: false }] });
  });

  it("a change an example already shows at its place is not asked again: an unpaid order answered moves the question on", () => {
    const orders = (paid: boolean[]): Json => ({ orders: paid.map((p, id) => ({ id, paid: p, note: "Gift" })) });
    const none = namedValues("", [], []);
    const before = changedItems([orders([true, true])], none, TO_DROP, ["orders"]);
    expect(before[0]?.kind).toBe("flag");
    const after = changedItems([orders([true, true]), orders([false, true])], none, TO_DROP, ["orders"]);
    expect(after.some((c) => c.kind === "flag")).toBe(false);
    expect(after[0]?.kind).toBe("case");
  });

  it("a selection is read in the description's filter words, a qualifier or 'how many of'; 'all the' and 'every' take the whole list", () => {
    const selects = (d: string, field: string): boolean => speaksOfSelection(priorFor(d, []), nounsOf(field));
    expect(selects("The orders that have been paid.", "orders")).toBe(true);
    expect(selects("List the paid orders.", "orders")).toBe(true);
    expect(selects("How many of the words start with a capital letter?", "words")).toBe(true);
    expect(selects("The lines with a timestamp.", "lines")).toBe(true);
    expect(selects("Return all the orders.", "orders")).toBe(false);
    expect(selects("Count every word in the list.", "words")).toBe(false);
    expect(selects("How many words are there?", "words")).toBe(false);
    expect(nounsOf("user_names")).toEqual(["names", "name"]);
  });
});

/** Small specs of shapes that are NOT in tests/fixtures/specs/dev, to check the search generalizes. */
import type { CapabilitySpec } from "../../src/spec/index.ts";

type J = unknown;

export function inferSchema(v: J): Record<string, unknown> {
  if (typeof v === "number") return { type: Number.isInteger(v) ? "integer" : "number" };
  if (typeof v === "string") return { type: "string" };
  if (typeof v === "boolean") return { type: "boolean" };
  if (Array.isArray(v)) return { type: "array", items: v.length ? inferSchema(v[0]) : {} };
  if (v && typeof v === "object") {
    const props = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, inferSchema(x)]));
    return { type: "object", properties: props, required: Object.keys(props) };
  }
  return {};
}

export function makeSpec(
  capability: string,
  description: string,
  examples: [J, J][],
  tests: [J, J][] = [],
  outputSchema?: Record<string, unknown>,
): CapabilitySpec {
  return {
    capability,
    description,
    inputSchema: inferSchema(examples[0]?.[0]),
    outputSchema: outputSchema ?? inferSchema(examples[0]?.[1]),
    constraints: ["deterministic"],
    examples: examples.map(([input, output]) => ({ input, output })),
    tests: tests.map(([input, output], i) => ({ name: `t${i + 1}`, input, output })),
  };
}

const P = (name: string, age: number, city: string) => ({ name, age, city });
const U = (email: string, role: string) => ({ email, role });

export const OWN_SPECS: CapabilitySpec[] = [
  makeSpec("oldest_name", "Name of the oldest person.", [
    [{ people: [P("ana", 31, "rome"), P("bo", 44, "oslo"), P("cy", 25, "rome")] }, "bo"],
    [{ people: [P("dee", 52, "lima"), P("eli", 19, "oslo")] }, "dee"],
    [{ people: [P("fay", 23, "rome"), P("gus", 27, "lima"), P("hal", 40, "oslo"), P("ivy", 38, "rome")] }, "hal"],
  ], [
    [{ people: [P("jo", 60, "rome")] }, "jo"],
    [{ people: [P("ka", 20, "rome"), P("lu", 21, "rome")] }, "lu"],
  ]),
  makeSpec("expensive_names", "Names of the products that cost more than 50.", [
    [{ products: [{ name: "pen", price: 3 }, { name: "lamp", price: 70 }, { name: "desk", price: 120 }] }, ["lamp", "desk"]],
    [{ products: [{ name: "cup", price: 8 }, { name: "chair", price: 55 }] }, ["chair"]],
    [{ products: [{ name: "mat", price: 49 }, { name: "rug", price: 51 }, { name: "box", price: 12 }] }, ["rug"]],
    [{ products: [{ name: "sofa", price: 300 }, { name: "tray", price: 9 }, { name: "vase", price: 64 }] }, ["sofa", "vase"]],
  ], [
    [{ products: [{ name: "a", price: 50 }, { name: "b", price: 50.5 }] }, ["b"]],
    [{ products: [] }, []],
  ]),
  makeSpec("username", "Lower-case first name, a dot, lower-case last name.", [
    [{ first: "Ana", last: "Silva" }, "ana.silva"],
    [{ first: "Bo", last: "Chen" }, "bo.chen"],
    [{ first: "Cyd", last: "Moreau" }, "cyd.moreau"],
  ], [[{ first: "DEE", last: "Ng" }, "dee.ng"]]),
  makeSpec("all_tags", "Every tag used by any post, without repeats, in order of first use.", [
    [{ posts: [{ tags: ["a", "b"] }, { tags: ["b", "c"] }] }, ["a", "b", "c"]],
    [{ posts: [{ tags: ["x"] }, { tags: [] }, { tags: ["y", "x"] }] }, ["x", "y"]],
    [{ posts: [{ tags: ["k", "k"] }] }, ["k"]],
  ], [[{ posts: [{ tags: ["q"] }, { tags: ["r", "q", "s"] }] }, ["q", "r", "s"]]]),
  makeSpec("name_by_id", "An object mapping each user's id to the user's name.", [
    [{ users: [{ id: "u1", name: "ana" }, { id: "u2", name: "bo" }] }, { u1: "ana", u2: "bo" }],
    [{ users: [{ id: "z", name: "cy" }] }, { z: "cy" }],
  ], [[{ users: [{ id: "k", name: "dee" }, { id: "m", name: "eli" }] }, { k: "dee", m: "eli" }]], { type: "object", additionalProperties: { type: "string" } }),
  makeSpec("any_out_of_stock", "True when some item has zero stock.", [
    [{ items: [{ sku: "a", stock: 3 }, { sku: "b", stock: 0 }] }, true],
    [{ items: [{ sku: "c", stock: 5 }, { sku: "d", stock: 1 }] }, false],
    [{ items: [{ sku: "e", stock: 0 }] }, true],
    [{ items: [{ sku: "f", stock: 2 }, { sku: "g", stock: 9 }, { sku: "h", stock: 4 }] }, false],
  ], [[{ items: [{ sku: "i", stock: 7 }, { sku: "j", stock: 0 }, { sku: "k", stock: 2 }] }, true], [{ items: [{ sku: "l", stock: 1 }] }, false]]),
  makeSpec("count_by_status", "Number of tickets per status.", [
    [{ tickets: [{ status: "open" }, { status: "done" }, { status: "open" }] }, { open: 2, done: 1 }],
    [{ tickets: [{ status: "done" }] }, { done: 1 }],
    [{ tickets: [{ status: "wip" }, { status: "wip" }, { status: "open" }, { status: "wip" }] }, { wip: 3, open: 1 }],
  ], [[{ tickets: [{ status: "x" }, { status: "y" }, { status: "x" }] }, { x: 2, y: 1 }]], { type: "object", additionalProperties: { type: "integer" } }),
  makeSpec("grade", 'Letter grade: "A" from 90, "B" from 75, otherwise "C".', [
    [{ score: 95 }, "A"], [{ score: 90 }, "A"], [{ score: 80 }, "B"], [{ score: 75 }, "B"], [{ score: 74 }, "C"], [{ score: 30 }, "C"], [{ score: 99 }, "A"],
  ], [[{ score: 89 }, "B"], [{ score: 76 }, "B"], [{ score: 10 }, "C"], [{ score: 100 }, "A"]]),
  makeSpec("contact_card", "Name and city of the user, flattened.", [
    [{ user: { name: "ana", address: { city: "rome", zip: "001" } } }, { name: "ana", city: "rome" }],
    [{ user: { name: "bo", address: { city: "oslo", zip: "150" } } }, { name: "bo", city: "oslo" }],
  ], [[{ user: { name: "cy", address: { city: "lima", zip: "9" } } }, { name: "cy", city: "lima" }]]),
  makeSpec("line_totals", "Each line with its label and total (qty times unit price).", [
    [{ lines: [{ label: "a", qty: 2, unit: 5 }, { label: "b", qty: 1, unit: 7 }] }, [{ label: "a", total: 10 }, { label: "b", total: 7 }]],
    [{ lines: [{ label: "c", qty: 3, unit: 4 }] }, [{ label: "c", total: 12 }]],
  ], [[{ lines: [{ label: "d", qty: 5, unit: 1.5 }] }, [{ label: "d", total: 7.5 }]]]),
  makeSpec("word_count", "Number of words in the text (separated by single spaces).", [
    [{ text: "hello world" }, 2], [{ text: "a b c d" }, 4], [{ text: "solo" }, 1],
  ], [[{ text: "one two three" }, 3]]),
  makeSpec("clamp_speed", "The speed, but never above the limit.", [
    [{ speed: 40, limit: 50 }, 40], [{ speed: 70, limit: 50 }, 50], [{ speed: 30, limit: 20 }, 20], [{ speed: 10, limit: 90 }, 10],
  ], [[{ speed: 100, limit: 99 }, 99], [{ speed: 1, limit: 2 }, 1]]),
  makeSpec("shipping_fee", "Free shipping (0) when the order total is at least 100, otherwise 7.5.", [
    [{ total: 120 }, 0], [{ total: 99 }, 7.5], [{ total: 100 }, 0], [{ total: 15 }, 7.5], [{ total: 250 }, 0],
  ], [[{ total: 101 }, 0], [{ total: 60 }, 7.5]]),
  makeSpec("first_initial", "The first letter of the name, upper-cased.", [
    [{ name: "ana" }, "A"], [{ name: "bo" }, "B"], [{ name: "cyd" }, "C"],
  ], [[{ name: "zed" }, "Z"]]),
  makeSpec("admin_emails", "Emails of the users whose role is admin.", [
    [{ users: [U("a@x", "admin"), U("b@x", "user"), U("c@x", "admin")] }, ["a@x", "c@x"]],
    [{ users: [U("d@x", "user")] }, []],
    [{ users: [U("e@x", "user"), U("f@x", "admin"), U("g@x", "guest")] }, ["f@x"]],
    [{ users: [U("h@x", "admin")] }, ["h@x"]],
  ], [[{ users: [U("i@x", "guest"), U("j@x", "admin")] }, ["j@x"]]]),
  makeSpec("to_summary", "Summary object: ref from id, label from title, and whether it is done.", [
    [{ id: 7, title: "a", status: "done" }, { ref: 7, label: "a", done: true }], [{ id: 9, title: "b", status: "open" }, { ref: 9, label: "b", done: false }],
    [{ id: 2, title: "c", status: "open" }, { ref: 2, label: "c", done: false }], [{ id: 4, title: "d", status: "done" }, { ref: 4, label: "d", done: true }],
  ], [[{ id: 5, title: "e", status: "done" }, { ref: 5, label: "e", done: true }], [{ id: 6, title: "f", status: "blocked" }, { ref: 6, label: "f", done: false }]]),
  makeSpec("open_count", "How many tickets are still open.", [
    [{ tickets: [{ status: "open" }, { status: "closed" }, { status: "open" }] }, 2], [{ tickets: [{ status: "closed" }] }, 0],
    [{ tickets: [{ status: "open" }, { status: "wip" }] }, 1], [{ tickets: [{ status: "wip" }, { status: "open" }, { status: "open" }, { status: "open" }] }, 3],
  ], [[{ tickets: [{ status: "open" }] }, 1], [{ tickets: [{ status: "wip" }, { status: "closed" }] }, 0]]),
  makeSpec("item_tags", 'A label "<name> (<qty>)" for each item.', [
    [{ items: [{ name: "pen", qty: 2 }, { name: "cup", qty: 10 }] }, ["pen (2)", "cup (10)"]], [{ items: [{ name: "ink", qty: 1 }] }, ["ink (1)"]],
    [{ items: [{ name: "box", qty: 7 }, { name: "mat", qty: 3 }, { name: "rug", qty: 4 }] }, ["box (7)", "mat (3)", "rug (4)"]],
  ], [[{ items: [{ name: "tea", qty: 12 }] }, ["tea (12)"]]]),
  makeSpec("all_positive", "True when every line has a positive quantity.", [
    [{ lines: [{ qty: 3 }, { qty: 1 }] }, true], [{ lines: [{ qty: 0 }, { qty: 2 }] }, false], [{ lines: [{ qty: 5 }] }, true], [{ lines: [{ qty: 4 }, { qty: -1 }, { qty: 2 }] }, false],
  ], [[{ lines: [{ qty: 1 }, { qty: 0 }] }, false], [{ lines: [{ qty: 9 }, { qty: 8 }] }, true]]),
];

type Item = { name: string; qty: number; price: number };
const I = (name: string, qty: number, price: number): Item => ({ name, qty, price });

/** Ambiguous on purpose: qty, price and qty * price all order these examples alike. */
export const byValue: CapabilitySpec = makeSpec("by_value", "Item names, most valuable stock first.", [
  [{ items: [I("a", 1, 2), I("b", 5, 3)] }, ["b", "a"]],
  [{ items: [I("c", 4, 10), I("d", 2, 1), I("e", 3, 4)] }, ["c", "e", "d"]],
]);

/**
 * Round 9 (leave-one-out.ts): a program the examples only just pin down is asked about once more,
 * with one reading — its own output on a new input — before it is published. True when `a` is no
 * question or only that one; the tests that allow it still check the program itself is right.
 */
export function onlyConfirmation(a: { readonly reason: string; readonly readings: readonly unknown[] } | undefined): boolean {
  return a === undefined || (a.reason === "unstable" && a.readings.length === 1);
}

/** Examples no program of the DSL fits: a search on them runs until its budget ends. */
export const NOISE_SPEC = makeSpec("noise", "Unrelated words.", [
  [{ n: 1 }, "qzx"],
  [{ n: 2 }, "plm"],
  [{ n: 3 }, "wer"],
  [{ n: 4 }, "tyu"],
  [{ n: 5 }, "bnm"],
]);

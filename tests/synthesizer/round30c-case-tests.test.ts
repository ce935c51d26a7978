/**
 * Round 30c (issue 17): a text tested by the case of its letters where the description speaks of
 * none (case-tests.ts). `x !== x.toUpperCase()` ("holds a lower-case letter") fits lines, words and
 * names written in mixed case by coincidence, for "not blank", "has letters" or "is a word"; the
 * backend asks about the examples with every text in capitals before it publishes such a test.
 * Specs invented here. R30C_TRACE=1 prints what the backend asked and published.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { caseTestDoubt } from "../../src/agents/synthesizer/case-tests.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const keeps = (a: StatedAttack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: false, traceVar: "R30C_TRACE" });
const lines = (t: string): string[] => t.split(/\r?\n/);

/** Specs whose mixed-case examples a case test fits, where the description means something else. */
const SPECS: Record<string, StatedAttack> = {
  bulletLines: {
    name: "bullet_lines",
    description: "Each line that isn't blank, trimmed, becomes \"* \" and the line; blank lines are dropped; joined with \\n.",
    examples: [[{ text: "milk\neggs\nbread" }, "* milk\n* eggs\n* bread"], [{ text: "Call mum\n\nPay rent\n" }, "* Call mum\n* Pay rent"]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").map((l) => `* ${l.trim()}`).join("\n"),
    probes: [{ text: "1\n2\n\n3" }, { text: "TODO\nok" }, { text: "a\n  \nb" }],
  },
  nonEmptyNames: {
    name: "names_given",
    description: "The names that are not empty, in order.",
    examples: [[{ names: ["Ann", "", "Bob"] }, ["Ann", "Bob"]], [{ names: ["", "cleo"] }, ["cleo"]]],
    person: (i: In) => (i.names as string[]).filter((n) => n !== ""),
    probes: [{ names: ["AL", "", "Bo"] }, { names: ["42", "x"] }, { names: [] }],
  },
  wordsWithLetters: {
    name: "worded_tokens",
    description: "How many of the tokens have at least one letter in them.",
    examples: [[{ tokens: ["abc", "123", "x9"] }, 2], [{ tokens: ["--", "hello"] }, 1]],
    person: (i: In) => (i.tokens as string[]).filter((t) => /\p{L}/u.test(t)).length,
    probes: [{ tokens: ["ABC", "1"] }, { tokens: ["Q", "q", "7"] }, { tokens: [] }],
  },
  filledTitle: {
    name: "has_title",
    description: "Whether the title holds any text besides spaces.",
    examples: [[{ title: "Report" }, true], [{ title: "   " }, false], [{ title: "annual plan" }, true]],
    person: (i: In) => (i.title as string).trim() !== "",
    probes: [{ title: "2024" }, { title: "FAQ" }, { title: "" }],
  },
  linesWithText: {
    name: "lines_with_text",
    description: "How many lines have something on them other than spaces.",
    examples: [[{ text: "one\n\ntwo" }, 2], [{ text: "Dear Sam,\n  \nSee you\nBye" }, 3]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").length,
    probes: [{ text: "1\n2" }, { text: "OK\n\nGO" }, { text: "" }],
  },
  csvFields: {
    name: "filled_fields",
    description: "The comma-separated fields that are not blank, each trimmed.",
    examples: [[{ row: "apple, pear,,plum" }, ["apple", "pear", "plum"]], [{ row: " Tea ,  , cake" }, ["Tea", "cake"]]],
    person: (i: In) => (i.row as string).split(",").map((f) => f.trim()).filter((f) => f !== ""),
    probes: [{ row: "A1, ,B2" }, { row: "7,8" }, { row: "New York, LA" }],
  },
};

/** Where the description speaks of case, the test of case is what it asks for. */
const CASE_SPOKEN: Record<string, StatedAttack> = {
  shouting: {
    name: "is_shouting",
    description: "True when the message is written in capitals only, as shouting is.",
    examples: [[{ message: "STOP NOW" }, true], [{ message: "Stop now" }, false], [{ message: "hello" }, false]],
    person: (i: In) => (i.message as string) === (i.message as string).toUpperCase(),
    probes: [{ message: "OK" }, { message: "ok" }, { message: "WAIT up" }],
  },
};

/**
 * None open: the three published wrong in silence in round 30 (`filledTitle`, `linesWithText`,
 * `csvFields`, with no test of case) are asked about since round 31a (described-shapes.ts), and
 * published right or still asked about after six answers (round31a-plain-strings.test.ts).
 */
const OPEN = new Set<string>([]);

describe("a test of the letters' case the description does not speak of is asked about, not published", () => {
  for (const [key, a] of Object.entries(SPECS)) {
    if (OPEN.has(key)) it.fails(`OPEN: ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
    else it(`${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
  }
  for (const [key, a] of Object.entries(CASE_SPOKEN)) it(`(case spoken of) ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
});

describe("caseTestDoubt", () => {
  const x: Expr = { k: "x", path: [] };
  const hasLower: Expr = { k: "lam", op: "filter", arr: { k: "in", path: ["items"] }, body: { k: "op", op: "ne", args: [x, { k: "op", op: "upper", args: [x] }] } } as Expr;
  const inputs = [{ items: ["ab", "Cd", ""] }, { items: ["x"] }];
  const allowed = (): boolean => true;

  it("asks about the examples with every text in capitals", () => {
    const q = caseTestDoubt(hasLower, inputs, priorFor("The items that are not empty.", []), allowed);
    expect(q?.input).toEqual({ items: ["AB", "CD", ""] });
    expect(q?.readings[0]?.output).toEqual([]);
  });
  it("does not ask where the description speaks of case", () => {
    expect(caseTestDoubt(hasLower, inputs, priorFor("The items with a lower-case letter.", []), allowed)).toBeUndefined();
  });
  it("does not ask once an example is in capitals already", () => {
    expect(caseTestDoubt(hasLower, [...inputs, { items: ["AB"] }], priorFor("The items that are not empty.", []), allowed)).toBeUndefined();
  });
  it("does not ask about a program with no test of case", () => {
    const plain: Expr = { k: "lam", op: "filter", arr: { k: "in", path: ["items"] }, body: { k: "op", op: "ne", args: [x, { k: "const", value: "" }] } } as Expr;
    expect(caseTestDoubt(plain, inputs, priorFor("The items that are not empty.", []), allowed)).toBeUndefined();
  });
});

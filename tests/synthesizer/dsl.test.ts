import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonEqual, parseSpec } from "../../src/spec/index.ts";
import { FAIL, createExampleBackend, emitFunction, evaluate } from "../../src/agents/synthesizer/index.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/index.ts";
import { loadPlugin } from "./load-plugin.ts";

const inp = (...path: string[]): Expr => ({ k: "in", path });
const x = (...path: string[]): Expr => ({ k: "x", path });
const c = (value: Json): Expr => ({ k: "const", value });
const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });

const input: Json = {
  name: "ada lovelace",
  email: "ada@math.org",
  n: 7,
  budget: 30,
  tags: ["b", "a", "b", "c"],
  items: [
    { name: "pen", price: 3, qty: 4, kind: "tool", done: true },
    { name: "lamp", price: 20, qty: 1, kind: "light", done: false },
    { name: "ink", price: 5, qty: 2, kind: "tool", done: true },
  ],
};

/** Each program with the value it must compute on `input`: semantics, not just self-consistency. */
const cases: [string, Expr, Json][] = [
  ["arithmetic", op("round", op("div", op("mul", inp("n"), c(100)), inp("budget"))), 23],
  ["min of two", op("min2", inp("n"), inp("budget")), 7],
  ["comparison", op("le", inp("n"), inp("budget")), true],
  ["template", op("concat", op("concat", c("N="), inp("n")), c("!")), "N=7!"],
  ["upper", op("upper", inp("name")), "ADA LOVELACE"],
  ["split and index", op("at", op("split", inp("email"), c("@")), c(1)), "math.org"],
  ["last", op("last", op("split", inp("name"), c(" "))), "lovelace"],
  ["slice to index of", op("sliceTo", inp("email"), op("indexOf", inp("email"), c("@"))), "ada"],
  ["join distinct", op("join", op("distinct", inp("tags")), c(", ")), "b, a, c"],
  ["sort desc", op("sortDesc", inp("tags")), ["c", "b", "b", "a"]],
  ["sum of map", op("sum", { k: "lam", op: "map", arr: inp("items"), body: op("mul", x("price"), x("qty")) }), 42],
  ["mean", op("mean", { k: "lam", op: "map", arr: inp("items"), body: x("price") }), 28 / 3],
  ["filter field vs field", { k: "lam", op: "map", arr: { k: "lam", op: "filter", arr: inp("items"), body: op("lt", x("price"), x("qty")) }, body: x("name") }, ["pen"]],
  ["filter vs input", { k: "lam", op: "count", arr: inp("items"), body: op("lt", x("price"), inp("n")) }, 2],
  ["sort by key desc, take", op("sliceTo", { k: "lam", op: "sortDesc", arr: inp("items"), body: x("price") }, c(2)), [(input as { items: Json[] }).items[1] as Json, (input as { items: Json[] }).items[2] as Json]],
  ["argmax then field", { k: "get", obj: { k: "lam", op: "argmax", arr: inp("items"), body: x("qty") }, key: "name" }, "pen"],
  ["find missing", { k: "lam", op: "find", arr: inp("items"), body: op("gt", x("price"), c(100)) }, null],
  ["every / some", op("and", { k: "lam", op: "some", arr: inp("items"), body: x("done") }, op("not", { k: "lam", op: "every", arr: inp("items"), body: x("done") })), true],
  ["group-by sum", { k: "lam", op: "groupBy", arr: inp("items"), body: x("kind"), body2: x("qty"), agg: "sum" }, { tool: 6, light: 1 }],
  ["group-by mean", { k: "lam", op: "groupBy", arr: inp("items"), body: x("kind"), body2: x("price"), agg: "mean" }, { tool: 4, light: 20 }],
  ["group-by count", { k: "lam", op: "groupBy", arr: inp("items"), body: x("kind"), agg: "count" }, { tool: 2, light: 1 }],
  ["from pairs", { k: "lam", op: "fromPairs", arr: inp("items"), body: x("name"), body2: x("price") }, { pen: 3, lamp: 20, ink: 5 }],
  ["flatMap", { k: "lam", op: "flatMap", arr: inp("items"), body: op("split", x("name"), c("n")) }, ["pe", "", "lamp", "i", "k"]],
  ["if/else", { k: "if", cond: op("ge", inp("n"), c(7)), then: c("high"), else: c("low") }, "high"],
  ["object", { k: "obj", fields: [["who", inp("name")], ["total", op("len", inp("tags"))]] }, { who: "ada lovelace", total: 4 }],
  [
    "map to objects",
    { k: "lam", op: "map", arr: inp("items"), body: { k: "obj", fields: [["label", op("upper", x("name"))], ["cost", op("mul", x("price"), x("qty"))]] } },
    [{ label: "PEN", cost: 12 }, { label: "LAMP", cost: 20 }, { label: "INK", cost: 10 }],
  ],
];

describe("DSL evaluator and emitted JavaScript", () => {
  for (const [name, expr, expected] of cases) {
    it(`agree on ${name}`, async () => {
      const viaEvaluator = evaluate(expr, { input });
      expect(viaEvaluator).not.toBe(FAIL);
      expect(jsonEqual(viaEvaluator, expected)).toBe(true);
      const code = emitFunction(expr, "f");
      const fn = await loadPlugin(code);
      const viaCode = fn(structuredClone(input), {});
      expect(jsonEqual(viaCode, expected), `${code}\ngave ${JSON.stringify(viaCode)}`).toBe(true);
    });
  }

  it("fails (rather than guessing) on a missing field or a type mismatch", () => {
    expect(evaluate(inp("nope"), { input })).toBe(FAIL);
    expect(evaluate(op("div", inp("n"), c(0)), { input })).toBe(FAIL);
    expect(evaluate({ k: "lam", op: "map", arr: inp("n"), body: x() }, { input })).toBe(FAIL);
  });

  it("emits plain JavaScript: no eval, no imports, no clock or randomness", () => {
    for (const [, expr] of cases) {
      const code = emitFunction(expr, "f");
      expect(code).toMatch(/^export default function f\(input, host\) \{/);
      expect(code).not.toMatch(/\b(import|require|eval|Function|Date|Math\.random|process|globalThis)\b/);
    }
  });
});

describe("synthesized plugins for the development specs", () => {
  it("compute, as emitted code, what the DSL program computes on every example and test", async () => {
    const dir = join(import.meta.dirname, "../fixtures/specs/dev");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).slice(0, 8);
    const backend = createExampleBackend();
    for (const file of files) {
      const spec = parseSpec(JSON.parse(await readFile(join(dir, file), "utf8")));
      const result = await backend.synthesize({ ...spec, tests: undefined });
      const fn = await loadPlugin(result.code);
      expect(result.tests.map((t) => t.input)).toEqual(spec.examples.map((e) => e.input));
      for (const t of [...spec.examples, ...(spec.tests ?? [])]) {
        const program = result.program as Expr;
        expect(jsonEqual(fn(structuredClone(t.input), {}), evaluate(program, { input: t.input as Json })), `${spec.capability}\n${result.code}`).toBe(true);
      }
    }
  }, 120_000);
});

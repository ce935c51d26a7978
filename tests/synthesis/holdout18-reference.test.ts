/**
 * The nineteenth held-out set (tests/fixtures/specs/holdout18) is honest: every spec parses with the
 * project's spec parser, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's schemas
 * (validateInput / validateOutput), and the reference program written from the description alone
 * (holdout18.reference.mjs) gives exactly the expected output on every example and test. Each reference
 * is also total over its input schema: fed many schema-fitting variations of its cases, it returns an
 * output that fits the output schema and never throws, because the bench's answering person asks these
 * programs about inputs no spec lists. The synthesizer is never run here: the set is measured, not tuned on.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateInput, validateOutput } from "../../src/spec/index.ts";
import { describeReferenceSet } from "../support/reference-specs.ts";

const { reference, read } = await describeReferenceSet({
  set: "holdout18",
  count: 60,
  heldOut: { earlier: ["dev", "dev3", "validation", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17"] },
});

const NUMBERS = [0, -0, 1, -1, 0.5, 2.5, -7.25, 99, 100, 1e9, -1e9, 1e-9, 2 ** 53 + 1];
const TEXTS = ["", " ", "__proto__", "a\r\nb\n\nc", "\u{1F600}\uD800", "Re: (x) @y [ ] - [x] 12A H2O", "x".repeat(5000), "2024-02-29", "0000-01-01", "9999-12-31", "2026-02-31", "1900-02-29", "2026-04-31",
  "2026-12-31T23:59:59", "0000-01-01T00:00:00", "2026-02-30T12:00:00", "23:59", "00:00", "1900-01", "2099-12", "https://www.a.b/", "HTTP://?#", "H", "Xx99O0", "1A", "99F", "a", "z"];

/** Every value that differs from `value` in one place: a number, a text or a boolean swapped, a list emptied, grown or cut, a field dropped or a `__proto__` field added. */
function variations(value: unknown): unknown[] {
  if (typeof value === "number") return NUMBERS.filter((n) => !Object.is(n, value));
  if (typeof value === "string") return TEXTS.filter((t) => t !== value);
  if (typeof value === "boolean") return [!value];
  if (Array.isArray(value)) {
    const out: unknown[] = [[], value.slice(1), [...value, ...value], Array.from({ length: 400 }, (_, i) => value[i % Math.max(1, value.length)]).filter((v) => v !== undefined)];
    value.forEach((item, i) => {
      for (const v of variations(item)) out.push(value.map((x, j) => (j === i ? v : x)));
    });
    return out;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    const out: unknown[] = [Object.fromEntries([...entries, ["__proto__", entries[0]?.[1] ?? 1]])];
    entries.forEach(([k, x], i) => {
      out.push(Object.fromEntries(entries.filter((_, j) => j !== i)));
      for (const v of variations(x)) out.push(Object.fromEntries(entries.map(([k2, x2]) => [k2, k2 === k ? v : x2])));
    });
    return out;
  }
  return [];
}

describe("specs/holdout18 references are total over their input schemas", () => {
  const dir = join(import.meta.dirname, "..", "fixtures", "specs", "holdout18");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  it.each(files.map((f) => [f]))("%s: returns an output fitting the output schema on every schema-fitting variation of its cases", (file) => {
    const spec = read(file) as { capability: string; inputSchema: unknown; outputSchema: unknown; examples: { input: unknown }[]; tests: { input: unknown }[] };
    const f = reference[spec.capability];
    const problems: string[] = [];
    let tried = 0;
    for (const c of [...spec.examples, ...spec.tests]) {
      for (const input of variations(c.input)) {
        if (!validateInput(spec.inputSchema, input, { subject: spec.capability }).ok) continue;
        tried++;
        try {
          const out = f!(structuredClone(input));
          const fits = validateOutput(spec.outputSchema, out, { subject: spec.capability });
          if (!fits.ok) problems.push(`${JSON.stringify(input).slice(0, 200)} -> ${JSON.stringify(out)?.slice(0, 200)}: ${fits.error.message}`);
        } catch (error) {
          problems.push(`${JSON.stringify(input).slice(0, 200)} throws ${(error as Error).message}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(tried).toBeGreaterThan(20);
  });
});

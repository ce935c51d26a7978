/**
 * The compatibility check is sound: whenever it claims `A ⊆ B`, no value valid under A (by ajv, as
 * the validator runs it) is invalid under B. Schemas come from the subset specs use, B is often a
 * mutation of A (same meaning, wider, narrower), and values are shaped after A and filtered by ajv.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSchema, schemaSubset } from "../../src/spec/index.ts";
import { holds } from "../../src/spec/schema-values.ts";
import { edgeNumbers, leafPairArb, mutate, schemaArb, valueOf } from "./schema-arbitraries.ts";
import type { Schema } from "./schema-arbitraries.ts";

/** ajv's verdict, as the validator runs it (each schema compiled once per property run). */
const validator = (schema: Schema) => {
  const compiled = compileSchema(schema);
  return (value: unknown): boolean => compiled.issues(value).length === 0;
};

const pairArb = schemaArb.chain((a) => fc.tuple(fc.constant(a), fc.oneof({ weight: 4, arbitrary: mutate(a) }, { weight: 1, arbitrary: schemaArb })));

describe("schemaSubset is sound", () => {
  it("never claims A ⊆ B when a value valid under A is invalid under B", () => {
    let claimed = 0;
    let checkedValues = 0;
    fc.assert(
      fc.property(pairArb.chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), fc.array(fc.oneof(valueOf(a), valueOf(b)), { minLength: 20, maxLength: 40 }))), ([a, b, values]) => {
        const result = schemaSubset(a, b);
        if (!result.ok) return;
        claimed++;
        const [inA, inB] = [validator(a), validator(b)];
        for (const v of values) {
          if (!inA(v)) continue;
          checkedValues++;
          if (!inB(v)) throw new Error(`claimed ${JSON.stringify(a)} ⊆ ${JSON.stringify(b)}, but ${JSON.stringify(v)} is valid under A only`);
        }
      }),
      { numRuns: 600 },
    );
    // The property must not hold vacuously: many pairs are claimed compatible and many values tried.
    expect(claimed).toBeGreaterThan(150);
    expect(checkedValues).toBeGreaterThan(1_500);
  }, 180_000);

  it("never claims A ⊆ B for two leaf schemas when an edge value tells them apart", () => {
    let claimed = 0;
    fc.assert(
      fc.property(leafPairArb.chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), fc.array(fc.oneof(valueOf(a), valueOf(b)), { minLength: 20, maxLength: 20 }))), ([a, b, values]) => {
        if (!schemaSubset(a, b).ok) return;
        claimed++;
        const [inA, inB] = [validator(a), validator(b)];
        for (const v of [...values, ...edgeNumbers]) {
          if (inA(v) && !inB(v)) throw new Error(`claimed ${JSON.stringify(a)} ⊆ ${JSON.stringify(b)}, but ${JSON.stringify(v)} is valid under A only`);
        }
      }),
      { numRuns: 1_500 },
    );
    expect(claimed).toBeGreaterThan(80);
  }, 180_000);

  it("proves every schema compatible with itself and with itself plus annotations", () => {
    fc.assert(
      fc.property(schemaArb, (a) => {
        expect(schemaSubset(a, a).ok).toBe(true);
        const annotated = typeof a === "boolean" ? a : { ...a, description: "other words", title: "T", examples: [1, 2], $comment: "c", default: 3 };
        expect(schemaSubset(a, annotated).ok).toBe(true);
        expect(schemaSubset(annotated, a).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("is answered by a reason for every place when not proven", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const r = schemaSubset(a, b);
        expect(r.ok).toBe(r.reasons.length === 0);
        for (const reason of r.reasons) expect(reason.pointer === "" || reason.pointer.startsWith("/")).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe("the value check the procedure uses", () => {
  it("agrees with ajv whenever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(schemaArb.chain((s) => fc.tuple(fc.constant(s), fc.array(valueOf(s), { minLength: 10, maxLength: 20 }))), ([s, values]) => {
        const inS = validator(s);
        for (const v of values) {
          const mine = holds([s], v);
          if (mine === undefined) continue;
          answered++;
          expect(mine, `${JSON.stringify(s)} on ${JSON.stringify(v)}`).toBe(inS(v));
        }
      }),
      { numRuns: 400 },
    );
    expect(answered).toBeGreaterThan(3_000);
  }, 120_000);
});

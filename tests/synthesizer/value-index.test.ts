/**
 * The bank's value index keys vectors as the text key (`valueKey`, and `@src:` with element rows for
 * a source's elements) would, without writing it: the same vectors meet, different ones do not, and
 * the length the budget charges for is the text's. Checked against the text key itself on random
 * values made to collide: near-equal floats, -0, NaN, escaped and surrogate texts, fields in another
 * order, holes, a source's elements and copies of them.
 */
import { describe, expect, it } from "vitest";
import { createValueIndex, sameValues } from "../../src/agents/synthesizer/value-index.ts";
import type { Json } from "../../src/agents/synthesizer/types.ts";

/**
 * The text key the bank wrote for a value vector before the index (stop 52 removed it from kinds.ts):
 * floats rounded to 12 digits so that results equal up to rounding noise count as equal.
 */
function valueKey(vals: readonly Json[]): string {
  let out = "";
  for (const v of vals) out += keyPart(v) + ";";
  return out;
}

function keyPart(v: Json): string {
  switch (typeof v) {
    case "number":
      return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
    case "string":
      return JSON.stringify(v);
    case "boolean":
      return v ? "T" : "F";
    default:
      break;
  }
  if (v === null) return "N";
  if (Array.isArray(v)) {
    let out = "[";
    for (const e of v) out += keyPart(e) + ",";
    return out + "]";
  }
  let out = "{";
  for (const k in v) out += JSON.stringify(k) + ":" + keyPart(v[k] as Json) + ",";
  return out + "}";
}

/** The text key the bank wrote before the index: the definition the index must agree with. */
function textKey(vals: readonly Json[], src: string | undefined, lookups: Map<string, Map<Json, number>[]>): string {
  const rows = src ? lookups.get(src) : undefined;
  if (!rows) return valueKey(vals) + (src ? `@${src}` : "");
  let key = `@${src}:`;
  for (let r = 0; r < vals.length; r++) {
    const lookup = rows[r];
    const arr = vals[r];
    if (!lookup || !Array.isArray(arr)) return valueKey(vals) + `@${src}`;
    for (const el of arr) {
      const i = lookup.get(el);
      if (i === undefined) return valueKey(vals) + `@${src}`;
      key += `${i},`;
    }
    key += "|";
  }
  return key;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [0, -0, 1, 2, -3, 10, 255, 12345, 1e21, 0.1, 0.1 + 0.2, 0.3, 2.0000000000001, 2, 1 / 3, 0.333333333333, NaN, Infinity, -Infinity, 1e-7, 123456789.123];
const TEXTS = ["", "a", "b", "ab", '"', "\\", "\n", "\u0001", "\ud800", "\ud83d\ude00", "é", "2", "T", "N", "{}", "a,b", "x;y"];
const KEYS = ["a", "b", "c", "1", "0", ""];

function valueOf(next: () => number, depth: number): Json {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const r = next();
  if (depth > 2 || r < 0.35) return pick(NUMBERS) as Json;
  if (r < 0.6) return pick(TEXTS);
  if (r < 0.65) return next() < 0.5;
  if (r < 0.7) return null;
  if (r < 0.85) {
    const n = Math.floor(next() * 3);
    const arr: Json[] = [];
    for (let i = 0; i < n; i++) arr.push(valueOf(next, depth + 1));
    if (next() < 0.05) arr.length += 1; // a hole
    return arr;
  }
  const obj: Record<string, Json> = {};
  const n = Math.floor(next() * 3);
  for (let i = 0; i < n; i++) obj[pick(KEYS)] = valueOf(next, depth + 1);
  return obj;
}

describe("the bank's value index", () => {
  it("finds a vector exactly when the text key is one it kept, and charges the text key's length", () => {
    const next = random(17);
    // Two sources: their elements by identity, and a copy of one that is no element of either.
    const elements = [[{ id: 1 }, { id: 2 }, "s", 3], [{ id: 3 }, 4, "t"]];
    const lookups = new Map<string, Map<Json, number>[]>([
      ["items", elements.map((row) => new Map(row.map((e, i) => [e as Json, i])))],
      ["items[].tags", elements.map((row) => new Map(row.slice(0, 2).map((e, i) => [e as Json, i])))],
    ]);
    const index = createValueIndex<{ vals: Json[]; src?: string; key: string }>((src) => lookups.get(src));
    const kept = new Map<string, { vals: Json[]; src?: string; key: string }>();
    let met = 0;
    for (let n = 0; n < 20_000; n++) {
      const roll = next();
      let vals: Json[];
      let src: string | undefined;
      if (roll < 0.3) {
        // Arrays of a source's elements (in any order, some repeated, now and then a copy).
        src = next() < 0.8 ? "items" : next() < 0.5 ? "items[].tags" : "other";
        vals = elements.map((row) => {
          const arr: Json[] = [];
          const k = Math.floor(next() * 3);
          for (let i = 0; i < k; i++) {
            const e = row[Math.floor(next() * row.length)] as Json;
            arr.push(next() < 0.05 ? structuredClone(e) : e);
          }
          return arr;
        });
      } else {
        vals = [valueOf(next, 0), valueOf(next, 0)];
        src = next() < 0.1 ? "items" : undefined;
      }
      const key = textKey(vals, src, lookups);
      const found = index.find(vals, src);
      expect(index.keyLength, key).toBe(key.length);
      expect(found?.key, key).toBe(kept.get(key)?.key);
      if (found) met++;
      else {
        const entry = { vals, key, ...(src ? { src } : {}) };
        index.keep(entry);
        kept.set(key, entry);
      }
    }
    expect(index.size).toBe(kept.size);
    // Made to meet often: the check is of both answers, not only of "new".
    expect(met).toBeGreaterThan(5_000);
  });

  it("meets the text key where its attacker broke it: an empty source name, a prototype set by a field, NaN among a source's elements", () => {
    const elements = [[1, 2, NaN]];
    const lookups = new Map<string, Map<Json, number>[]>([
      ["", elements.map((row) => new Map(row.map((e, i) => [e as Json, i])))],
      ["s", elements.map((row) => new Map(row.map((e, i) => [e as Json, i])))],
    ]);
    const index = createValueIndex<{ vals: Json[]; src?: string; key: string }>((src) => lookups.get(src));
    const proto: Record<string, Json> = JSON.parse('{"b":2}');
    const inherited = Object.create(proto) as Record<string, Json>; // what `out["__proto__"] = {b: 2}` makes
    const vectors: [Json[], string | undefined][] = [
      [[[1, 2]], undefined],
      [[[1, 2]], ""], // an empty name is no source: the same key as the first
      [[[1, 2, 3]], ""],
      [[[5]], ""],
      [[{ b: 2 }], undefined],
      [[inherited], undefined], // fields read through the prototype: the same key as { b: 2 }
      [[{}], undefined],
      [[[NaN]], "s"],
      [[[NaN]], "s"],
    ];
    const kept = new Map<string, { vals: Json[]; src?: string; key: string }>();
    for (const [vals, src] of vectors) {
      const key = textKey(vals, src, lookups);
      const found = index.find(vals, src);
      expect(index.keyLength, key).toBe(key.length);
      expect(found?.key, key).toBe(kept.get(key)?.key);
      if (!found) {
        const entry = { vals, key, ...(src !== undefined ? { src } : {}) };
        index.keep(entry);
        kept.set(key, entry);
      }
    }
    expect(sameValues([inherited], [{}])).toBe(false);
    expect(sameValues([inherited], [{ b: 2 }])).toBe(true);
  });

  it("treats floats equal to 12 digits as one value and every kind apart", () => {
    expect(sameValues([0.1 + 0.2], [0.3])).toBe(true);
    expect(sameValues([2.0000000000001], [2])).toBe(true);
    expect(sameValues([-0], [0])).toBe(true);
    expect(sameValues([NaN], [NaN])).toBe(true);
    expect(sameValues([1 / 3], [0.3333333333])).toBe(false);
    expect(sameValues(["2"], [2])).toBe(false);
    expect(sameValues([{ a: 1, b: 2 }], [{ b: 2, a: 1 }])).toBe(false);
    expect(sameValues([[1, 2]], [{ 0: 1, 1: 2 }])).toBe(false);
    expect(sameValues([null], [{}])).toBe(false);
  });
});

/**
 * Does a schema accept one concrete value? The compatibility check asks this of the finitely many
 * values an `enum`, a `const` or a small integer range allows. Three answers: true, false, or
 * undefined when it cannot tell (a `$ref`, `unevaluated*`, or a pattern no linear-time engine runs).
 * The semantics are ajv's as capsmith configures it (validator.ts): same equality, lengths in code
 * points, patterns on the same engine, formats ignored.
 */
import { canonicalJson } from "../events/index.ts";
import { compilePattern } from "./safe-pattern.ts";
import type { Schema } from "./schema-branches.ts";

type Tri = boolean | undefined;

/** All of the schemas (a conjunction) accept `value`. */
export function holds(list: readonly Schema[], value: unknown): Tri {
  return all(list.map((s) => accepts(s, value)));
}

function all(results: readonly Tri[]): Tri {
  if (results.includes(false)) return false;
  return results.includes(undefined) ? undefined : true;
}

function some(results: readonly Tri[]): Tri {
  if (results.includes(true)) return true;
  return results.includes(undefined) ? undefined : false;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case "null": return v === null;
    case "boolean": return typeof v === "boolean";
    case "number": return typeof v === "number" && Number.isFinite(v);
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "string": return typeof v === "string";
    case "array": return Array.isArray(v);
    case "object": return isObject(v);
    default: return false;
  }
}

function patternTest(pattern: string, text: string): Tri {
  try {
    return compilePattern(pattern).test(text);
  } catch {
    return undefined;
  }
}

export function accepts(schema: Schema, v: unknown): Tri {
  if (typeof schema === "boolean") return schema;
  const s = schema;
  const results: Tri[] = [];
  const has = (k: string) => Object.hasOwn(s, k);
  if (has("type")) {
    const types = Array.isArray(s["type"]) ? (s["type"] as string[]) : [s["type"] as string];
    results.push(types.some((t) => typeMatches(t, v)) || (s["nullable"] === true && v === null));
  }
  if (has("const")) results.push(same(s["const"], v));
  if (Array.isArray(s["enum"])) results.push((s["enum"] as unknown[]).some((e) => same(e, v)));
  if (typeof v === "number") results.push(...numberChecks(s, v));
  if (typeof v === "string") results.push(...stringChecks(s, v));
  if (Array.isArray(v)) results.push(...arrayChecks(s, v));
  if (isObject(v)) results.push(...objectChecks(s, v));
  if (Array.isArray(s["allOf"])) results.push(all((s["allOf"] as Schema[]).map((x) => accepts(x, v))));
  if (Array.isArray(s["anyOf"])) results.push(some((s["anyOf"] as Schema[]).map((x) => accepts(x, v))));
  if (Array.isArray(s["oneOf"])) {
    const r = (s["oneOf"] as Schema[]).map((x) => accepts(x, v));
    const yes = r.filter((x) => x === true).length;
    results.push(yes > 1 ? false : r.includes(undefined) ? undefined : yes === 1);
  }
  if (has("not")) {
    const r = accepts(s["not"] as Schema, v);
    results.push(r === undefined ? undefined : !r);
  }
  if (has("if")) {
    const r = accepts(s["if"] as Schema, v);
    const branch = r ? s["then"] : s["else"];
    results.push(r === undefined ? undefined : branch === undefined ? true : accepts(branch as Schema, v));
  }
  for (const key of ["$ref", "$dynamicRef", "$recursiveRef", "unevaluatedProperties", "unevaluatedItems"]) if (has(key)) results.push(undefined);
  return all(results);
}

function numberChecks(s: Record<string, unknown>, v: number): Tri[] {
  const out: Tri[] = [];
  const n = (k: string) => (typeof s[k] === "number" ? (s[k] as number) : undefined);
  const [min, max, exMin, exMax, mult] = [n("minimum"), n("maximum"), n("exclusiveMinimum"), n("exclusiveMaximum"), n("multipleOf")];
  if (min !== undefined) out.push(v >= min);
  if (max !== undefined) out.push(v <= max);
  if (exMin !== undefined) out.push(v > exMin);
  if (exMax !== undefined) out.push(v < exMax);
  if (mult !== undefined) {
    const division = v / mult; // ajv's own test, floating point and all
    out.push(division === parseInt(String(division)));
  }
  return out;
}

function stringChecks(s: Record<string, unknown>, v: string): Tri[] {
  const out: Tri[] = [];
  if (typeof s["minLength"] === "number") out.push(codePoints(v) >= s["minLength"]);
  if (typeof s["maxLength"] === "number") out.push(codePoints(v) <= s["maxLength"]);
  if (typeof s["pattern"] === "string") out.push(patternTest(s["pattern"], v));
  return out;
}

function arrayChecks(s: Record<string, unknown>, v: unknown[]): Tri[] {
  const out: Tri[] = [];
  if (typeof s["minItems"] === "number") out.push(v.length >= s["minItems"]);
  if (typeof s["maxItems"] === "number") out.push(v.length <= s["maxItems"]);
  const prefix = Array.isArray(s["prefixItems"]) ? (s["prefixItems"] as Schema[]) : [];
  prefix.forEach((p, i) => i < v.length && out.push(accepts(p, v[i])));
  if (s["items"] !== undefined) out.push(all(v.slice(prefix.length).map((x) => accepts(s["items"] as Schema, x))));
  if (s["uniqueItems"] === true) out.push(new Set(v.map((x) => canonicalJson(x))).size === v.length);
  if (s["contains"] !== undefined) {
    const r = v.map((x) => accepts(s["contains"] as Schema, x));
    const count = r.filter((x) => x === true).length;
    const least = typeof s["minContains"] === "number" ? s["minContains"] : 1;
    const most = typeof s["maxContains"] === "number" ? s["maxContains"] : Infinity;
    const unknown = r.filter((x) => x === undefined).length;
    out.push(count >= least && count + unknown <= most ? true : count + unknown < least || count > most ? false : undefined);
  }
  return out;
}

function objectChecks(s: Record<string, unknown>, v: Record<string, unknown>): Tri[] {
  const out: Tri[] = [];
  const keys = Object.keys(v);
  const props = isObject(s["properties"]) ? s["properties"] : {};
  const patterns = isObject(s["patternProperties"]) ? s["patternProperties"] : {};
  if (Array.isArray(s["required"])) out.push((s["required"] as string[]).every((k) => Object.hasOwn(v, k)));
  if (typeof s["minProperties"] === "number") out.push(keys.length >= s["minProperties"]);
  if (typeof s["maxProperties"] === "number") out.push(keys.length <= s["maxProperties"]);
  for (const k of keys) {
    let matched: Tri = Object.hasOwn(props, k);
    if (matched) out.push(accepts(props[k] as Schema, v[k]));
    for (const [p, sub] of Object.entries(patterns)) {
      const m = patternTest(p, k);
      if (m) out.push(accepts(sub as Schema, v[k]));
      if (m === undefined) out.push(undefined);
      matched = matched || m;
    }
    if (s["additionalProperties"] !== undefined && matched !== true) {
      const r = accepts(s["additionalProperties"] as Schema, v[k]);
      out.push(matched === undefined && r === false ? undefined : r);
    }
    if (s["propertyNames"] !== undefined) out.push(accepts(s["propertyNames"] as Schema, k));
  }
  const dependent = (isObject(s["dependentRequired"]) ? s["dependentRequired"] : {}) as Record<string, unknown>;
  const schemas = (isObject(s["dependentSchemas"]) ? s["dependentSchemas"] : {}) as Record<string, unknown>;
  const legacy = (isObject(s["dependencies"]) ? s["dependencies"] : {}) as Record<string, unknown>;
  for (const [k, need] of [...Object.entries(dependent), ...Object.entries(schemas), ...Object.entries(legacy)]) {
    if (!Object.hasOwn(v, k)) continue;
    out.push(Array.isArray(need) ? need.every((n) => Object.hasOwn(v, n as string)) : accepts(need as Schema, v));
  }
  return out;
}

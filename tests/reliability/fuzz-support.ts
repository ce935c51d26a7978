/**
 * Bad input for the fuzz suites: arbitrary JSON, and structure-aware mutations of a valid document
 * (drop a key, swap a value's type, add an unknown or prototype-named key, put an edge value in),
 * applied to a copy as JSON.parse would build it. Plus the check every rejection must pass.
 */
import fc from "fast-check";
import { CapsmithError } from "../../src/events/index.ts";

/** Fixed seeds keep failures reproducible; FUZZ_SEED / FUZZ_RUNS_SCALE widen a run by hand. */
export const FUZZ_SEED = Number(process.env["FUZZ_SEED"] ?? 424_242);
export function runs(n: number): number {
  return Math.max(1, Math.round(n * Number(process.env["FUZZ_RUNS_SCALE"] ?? 1)));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

const EDGE_STRINGS = ["", " ", "\u0000", "é\u{1F600}", "../../etc/passwd", "capsmith.evt.>", "a".repeat(20_000), "1.0.0", "^1.0.0", "__proto__", "constructor", "sha256:", "T9", "node"];
const EDGE_NUMBERS = [0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 0.1];
const ODD_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "", "zzz", "$schema"];

/** Nesting far deeper than any real document: recursive walkers must not overflow the stack. */
function nested(depth: number, wrap: "array" | "object"): Json {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = wrap === "array" ? [value] : { a: value };
  return value;
}
const DEEP = [nested(3_000, "array"), nested(3_000, "object")]; // deep enough to overflow zod, shallow enough for JSON.stringify

const edge: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(...EDGE_STRINGS, ...EDGE_NUMBERS, null, true, false, [], {}) },
  { weight: 6, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...DEEP) },
);

type Mutation =
  | { kind: "delete" | "retype" | "empty"; at: number }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "add"; at: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete" as const, "retype" as const, "empty" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: edge }),
  fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 8 })), value: edge }),
);

/** One to three mutations of `valid`, each at a path chosen from the document's own structure. */
export function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((list) => {
    let doc = structuredClone(valid) as Json;
    for (const m of list) doc = apply(doc, m);
    return doc;
  });
}

/** Bad input of both kinds: mostly near-misses of `valid`, some arbitrary JSON. */
export function badInputs(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: mutationsOf(valid) }, { weight: 1, arbitrary: anyJson });
}

function paths(doc: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (at.length >= 24) return out; // mutations aim at a document's real structure, not at a deep edge value
  if (Array.isArray(doc)) doc.forEach((v, i) => paths(v, [...at, i], out));
  else if (doc && typeof doc === "object") for (const [k, v] of Object.entries(doc)) paths(v, [...at, k], out);
  return out;
}

function apply(doc: Json, m: Mutation): Json {
  // A value is copied before it goes in: fast-check hands out the same `[]` or `{}` edge constant
  // to many runs, and a later "add" into it would change it for every run after (once, into itself:
  // a cycle no JSON document can have).
  if ("value" in m) m = { ...m, value: JSON.parse(JSON.stringify(m.value)) as unknown };
  const all = paths(doc);
  const path = all[m.at % all.length]!;
  const current = get(doc, path);
  switch (m.kind) {
    case "delete":
      return path.length === 0 ? null : remove(doc, path);
    case "empty":
      return set(doc, path, Array.isArray(current) ? [] : current && typeof current === "object" ? {} : typeof current === "string" ? "" : 0);
    case "retype":
      return set(doc, path, retype(current));
    case "replace":
      return set(doc, path, m.value as Json);
    case "add": {
      const target = current && typeof current === "object" && !Array.isArray(current) ? current : undefined;
      if (target) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true }); // as JSON.parse makes it
      else if (Array.isArray(current)) current.push(m.value as Json);
      return doc;
    }
  }
}

function retype(value: Json): Json {
  if (typeof value === "string") return Number.isNaN(Number(value)) ? value.length : Number(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (value && typeof value === "object") return Object.values(value);
  return "null";
}

function get(doc: Json, path: Path): Json {
  let at: Json = doc;
  for (const key of path) at = (at as Record<string | number, Json>)[key]!;
  return at;
}

function set(doc: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = get(doc, path.slice(0, -1)) as Record<string | number, Json>;
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return doc;
}

function remove(doc: Json, path: Path): Json {
  const parent = get(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Json>)[key];
  return doc;
}

/**
 * Runs `fn`; a thrown error must be a CapsmithError with a code, a message, a next step a person can
 * follow, and a JSON form (what `--json` prints). Returns whether the input was accepted.
 */
export function acceptsOrExplains(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    assertExplained(err);
    return false;
  }
}

export async function acceptsOrExplainsAsync(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    assertExplained(err);
    return false;
  }
}

export function assertExplained(err: unknown): asserts err is CapsmithError {
  if (!(err instanceof CapsmithError)) {
    const e = err as Error;
    throw new Error(`not a coded error: ${e?.name}: ${e?.message}\n${e?.stack ?? ""}`);
  }
  if (!/^[a-z_]+$/.test(err.code)) throw new Error(`odd error code "${err.code}"`);
  if (!err.message.trim()) throw new Error(`error ${err.code} has no message`);
  if (!err.nextStep?.trim()) throw new Error(`error ${err.code} (${err.message}) has no nextStep`);
  JSON.stringify(err.toJSON());
}

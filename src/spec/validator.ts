/**
 * Values against a capability's schemas: the one check every edge runs before plugin code sees an
 * input (`validateInput`), and on every output (`validateOutput`). Schemas are JSON Schema draft
 * 2020-12, compiled once with ajv and cached by the sha256 of their canonical JSON.
 *
 * Hostile schemas and values are bounded (docs/compatibility.md "Limits"): schemas past
 * `SCHEMA_LIMITS` are refused (`schema_unsupported`), patterns run on a linear-time engine
 * (safe-pattern.ts), `uniqueItems` is checked by hashing, only own properties count (`__proto__`,
 * `constructor`), values nested deeper than `MAX_JSON_DEPTH` are refused before ajv walks them, and at
 * most `MAX_ISSUES` problems are listed (all problems are looked for only in values of up to
 * `FULL_REPORT_NODES` nodes).
 */
import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type * as AjvModule from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { RegExpEngine } from "ajv/dist/types/index.js";
import { MAX_JSON_DEPTH, canonicalJson, jsonTooDeep, sha256 } from "../events/index.ts";
import { ContractError } from "./errors.ts";
import { PatternError, compilePattern } from "./safe-pattern.ts";
import { SCHEMA_LIMITS, schemaProblem } from "./schema-limits.ts";

export const MAX_ISSUES = 20;
export const FULL_REPORT_NODES = 10_000;
const CACHE_LIMIT = 1_024;

export interface ContractIssue {
  /** RFC 6901 JSON Pointer into the value ("" is the value itself). */
  pointer: string;
  message: string;
  /** The schema keyword that failed (`type`, `required`, `pattern`, …). */
  keyword: string;
}

export interface CompiledSchema {
  /** sha256 of the schema's canonical JSON. */
  readonly hash: string;
  /** The problems of `value` (at most `MAX_ISSUES`), or an empty list when it is valid. */
  issues(value: unknown): ContractIssue[];
}

export type Validation = { ok: true } | { ok: false; error: ContractError };

export interface ValidateOptions {
  /** Whose schema it is, for messages: a plugin id or a capability. */
  subject?: string;
}

const safeRegExp: RegExpEngine = Object.assign((pattern: string) => compilePattern(pattern), { code: "capsmith.compilePattern" });

// ajv is required on first use: most commands validate nothing, and it is a tenth of their start-up.
const require = createRequire(import.meta.url);

function createAjv(allErrors: boolean): Ajv2020 {
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof AjvModule;
  const ajv = new Ajv({
    strict: false,
    // `strict: false` would also turn strictNumbers off, and then Infinity and NaN pass `type: number`:
    // `{"n": 1e400}` parses to Infinity, passed, and reached the plugin as null (JSON has no Infinity).
    strictNumbers: true,
    allErrors,
    ownProperties: true,
    // A compiled schema is not registered under its $id: the cache below decides what lives, and a
    // schema compiled again after eviction (or by a caller still holding an evicted one) must not
    // find its own id taken ("schema with key or id ... already exists").
    addUsedSchema: false,
    logger: false,
    validateFormats: false,
    code: { regExp: safeRegExp },
  });
  ajv.removeKeyword("uniqueItems");
  ajv.addKeyword({
    keyword: "uniqueItems",
    type: "array",
    schemaType: "boolean",
    errors: false,
    validate: (unique: boolean, data: unknown[]) => !unique || new Set(data.map((item) => canonicalJson(item))).size === data.length,
  });
  return ajv;
}

let firstError: Ajv2020 | undefined;
let everyError: Ajv2020 | undefined;

interface Entry {
  schema: object | boolean;
  fast: ValidateFunction;
  full?: ValidateFunction;
  /** Out of the cache: a caller holding it still validates, without putting it back into ajv. */
  evicted?: boolean;
}

const compiled = new Map<string, Entry | ContractError>();

/** The hash a schema is cached under: sha256 of its canonical JSON. */
export function schemaHash(schema: unknown): string {
  return sha256(canonicalJson(schema));
}

/** Schema objects already compiled: the hot path (the same spec object on every call) skips hashing. */
const byObject = new WeakMap<object, CompiledSchema>();

/**
 * Compiles a schema (once per hash) or throws `ContractError` `schema_invalid` / `schema_unsupported`.
 * A schema object is remembered as it was when first compiled: do not mutate it afterwards.
 */
export function compileSchema(schema: unknown): CompiledSchema {
  const known = schema !== null && typeof schema === "object" ? byObject.get(schema) : undefined;
  const entry = known && compiled.get(known.hash);
  if (known && entry) {
    compiled.delete(known.hash); // most recently used last
    compiled.set(known.hash, entry);
    return known;
  }
  const fresh = compileByHash(schema);
  if (schema !== null && typeof schema === "object") byObject.set(schema, fresh);
  return fresh;
}

function compileByHash(schema: unknown): CompiledSchema {
  if (jsonTooDeep(schema, SCHEMA_LIMITS.maxDepth)) {
    throw new ContractError("schema_unsupported", `the schema nests deeper than ${SCHEMA_LIMITS.maxDepth} levels`, { nextStep: "Flatten the schema." });
  }
  let text: string;
  try {
    text = canonicalJson(schema);
  } catch {
    throw new ContractError("schema_invalid", "the schema is not JSON", { nextStep: "A JSON Schema is a JSON object or boolean." });
  }
  const hash = sha256(text);
  let entry = compiled.get(hash);
  if (entry) {
    compiled.delete(hash); // most recently used last
  } else {
    entry = text.length > SCHEMA_LIMITS.maxLength
      ? new ContractError("schema_unsupported", `the schema is ${text.length} characters long; the limit is ${SCHEMA_LIMITS.maxLength}`, { nextStep: "Make the schema smaller." })
      : build(JSON.parse(text) as object | boolean, hash);
    if (compiled.size >= CACHE_LIMIT) evict();
  }
  compiled.set(hash, entry);
  if (entry instanceof ContractError) throw entry;
  const found = entry;
  return { hash, issues: (value) => issuesOf(found, value) };
}

function build(parsed: object | boolean, hash: string): Entry | ContractError {
  const problem = schemaProblem(parsed);
  if (problem) return new ContractError(problem.code, `the schema cannot be used: ${problem.message}`, { nextStep: nextStepFor(problem.code), details: { problem: problem.message } });
  // Its own id, unique per hash: "#" references resolve against it, and two schemas that claim
  // one $id stay apart (references are local only, so the base URI changes nothing else).
  const schema = typeof parsed === "boolean" ? parsed : { ...parsed, $id: `urn:capsmith:schema:${hash}` };
  firstError ??= createAjv(false);
  try {
    const fast = firstError.compile(schema);
    // The engine compiles the generated checker at its first call: one object of some 1,500
    // properties nests its checks past the stack there (a RangeError on the first input, not here).
    fast(null);
    return { schema, fast };
  } catch (e) {
    if (e instanceof RangeError) return tooLarge();
    const code = e instanceof PatternError && e.code === "pattern_unsupported" ? "schema_unsupported" : "schema_invalid";
    const why = (e as Error).message;
    return new ContractError(code, `the schema cannot be used: ${why}`, { nextStep: nextStepFor(code, e), details: { problem: why } });
  }
}

/** A schema whose generated checker is too deep for the engine's stack (RangeError). */
function tooLarge(): ContractError {
  return new ContractError("schema_unsupported", "the schema is too large to check: its generated checker nests past the engine's stack (an object of about 1,500 properties or more)", {
    nextStep: "Group the properties into nested objects, or describe them with additionalProperties or patternProperties instead of listing each.",
    details: { problem: "too large" },
  });
}

function nextStepFor(code: "schema_invalid" | "schema_unsupported", cause?: unknown): string {
  if (cause instanceof PatternError && cause.nextStep) return cause.nextStep;
  return code === "schema_invalid"
    ? "Fix the schema: capsmith specs use JSON Schema draft 2020-12 (docs/spec-format.md)."
    : "Simplify the schema within capsmith's limits (docs/compatibility.md, \"Limits\").";
}

function evict(): void {
  const [oldest, entry] = compiled.entries().next().value!;
  compiled.delete(oldest);
  if (entry instanceof ContractError) return;
  entry.evicted = true;
  firstError?.removeSchema(entry.schema);
  if (entry.full) everyError?.removeSchema(entry.schema);
}

function issuesOf(entry: Entry, value: unknown): ContractIssue[] {
  if (value === undefined) return [{ pointer: "", message: "must be a JSON value (got nothing)", keyword: "type" }];
  const shape = jsonShape(value);
  if (shape === "too_deep") return [{ pointer: "", message: `nests deeper than ${MAX_JSON_DEPTH} levels`, keyword: "depth" }];
  if (shape === "not_finite") return [{ pointer: nonFiniteNumberAt(value)!, message: "must be a finite number (JSON has no Infinity or NaN; 1e400 parses to Infinity)", keyword: "type" }];
  if (entry.fast(value)) return [];
  let errors = entry.fast.errors ?? [];
  if (smallerThan(value, FULL_REPORT_NODES)) {
    everyError ??= createAjv(true);
    const full = entry.full ?? everyError.compile(entry.schema);
    if (entry.evicted) everyError.removeSchema(entry.schema);
    else entry.full = full;
    if (!full(value)) errors = full.errors ?? errors;
  }
  return errors.slice(0, MAX_ISSUES).map(toIssue);
}

/**
 * One walk over every value validated, without recursion: whether it nests deeper than
 * MAX_JSON_DEPTH (which comes first), else whether it holds an Infinity or NaN. The pointer to that
 * number is found only then, by a second walk.
 */
function jsonShape(value: unknown): "too_deep" | "not_finite" | "ok" {
  let finite = true;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) finite = false;
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return "too_deep";
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return finite ? "ok" : "not_finite";
}

/**
 * The pointer to the first Infinity or NaN in a value, if any. JSON.parse turns `1e400` into Infinity,
 * which no schema should let through: the value reaches plugin code as JSON, where it becomes null.
 */
function nonFiniteNumberAt(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0) {
    const [v, pointer] = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return pointer;
    } else if (v !== null && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) stack.push([child, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`]);
    }
  }
  return undefined;
}

function smallerThan(value: unknown, limit: number): boolean {
  const stack = [value];
  let count = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > limit) return false;
    if (v !== null && typeof v === "object") stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return true;
}

function toIssue(e: ErrorObject): ContractIssue {
  const child = (e.params as { missingProperty?: string; additionalProperty?: string });
  const name = e.keyword === "required" ? child.missingProperty : e.keyword === "additionalProperties" ? child.additionalProperty : undefined;
  const pointer = name === undefined ? e.instancePath : `${e.instancePath}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const message =
    e.keyword === "uniqueItems" ? "must not have duplicate items"
    : e.keyword === "required" ? "is required"
    : e.keyword === "additionalProperties" ? "is not allowed (no additional properties)"
    : e.message ?? `fails ${e.keyword}`;
  return { pointer, message, keyword: e.keyword };
}

/** `issue.pointer: message; …` for a one-line message. */
export function describeIssues(issues: readonly ContractIssue[]): string {
  return issues.map((i) => `${i.pointer || "(root)"}: ${i.message}`).join("; ");
}

/** A schema that cannot be used, reported as the input's or output's. */
function schemaFailure(error: ContractError, whose: string, kind: "input" | "output"): Validation {
  return { ok: false, error: new ContractError(error.code, `${whose} ${kind} schema: ${error.message}`, { ...(error.nextStep ? { nextStep: error.nextStep } : {}), details: { ...error.details, schema: kind } }) };
}

function check(kind: "input" | "output", schema: unknown, value: unknown, options: ValidateOptions): Validation {
  const whose = options.subject ? `${options.subject}'s` : "the";
  let compiledSchema: CompiledSchema;
  try {
    compiledSchema = compileSchema(schema);
  } catch (e) {
    return schemaFailure(e as ContractError, whose, kind);
  }
  let issues: ContractIssue[];
  try {
    issues = compiledSchema.issues(value);
  } catch (e) {
    // Called deeper in the stack than at its trial, a checker at the edge may still overflow.
    if (!(e instanceof RangeError)) throw e;
    return schemaFailure(tooLarge(), whose, kind);
  }
  if (issues.length === 0) return { ok: true };
  const code = kind === "input" ? "input_invalid" : "output_invalid";
  return {
    ok: false,
    error: new ContractError(code, `the ${kind} does not match ${whose} ${kind} schema: ${describeIssues(issues)}`, {
      nextStep: kind === "input"
        ? `Send an input that matches the input schema${options.subject ? ` (capsmith plugin show ${options.subject})` : ""}; details.issues lists each problem and where.`
        : `The plugin${options.subject ? ` ${options.subject}` : ""} broke its output schema: fix or roll back the plugin (details.issues says where).`,
      details: { issues, schemaHash: compiledSchema.hash },
    }),
  };
}

/** Checks an input against a plugin's input schema before any plugin code runs. */
export function validateInput(schema: unknown, input: unknown, options: ValidateOptions = {}): Validation {
  return check("input", schema, input, options);
}

/** Checks a plugin's output against its output schema. */
export function validateOutput(schema: unknown, output: unknown, options: ValidateOptions = {}): Validation {
  return check("output", schema, output, options);
}

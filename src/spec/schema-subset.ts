/**
 * Compatibility by meaning: does schema B accept every value schema A accepts (`A ⊆ B`)? Decided for
 * the JSON Schema subset specs use (docs/spec-format.md) and sound beyond it: `ok: true` is a proof;
 * `ok: false` means "not proven", with a reason per place (a JSON Pointer into the value, `*` for any
 * array element or any other property) — a real difference, or a limit of the procedure (two
 * different patterns, a `$ref`, a keyword only B has), which the reason's code says.
 */
import type { ContractError } from "./errors.ts";
import { KINDS, TooComplex, branches, numberBounds, only } from "./schema-branches.ts";
import type { Branch, Kind, Schema } from "./schema-branches.ts";
import { holds } from "./schema-values.ts";
import { compileSchema } from "./validator.ts";

export type CompatReasonCode =
  /** A may be a kind of value (string, number, …) B does not accept. */
  | "type"
  /** A value A accepts that B does not (from an enum, a const or a small range). */
  | "value"
  /** A accepts numbers or lengths beyond B's bounds. */
  | "bound"
  | "integer"
  | "multiple_of"
  /** B requires a property A may leave out. */
  | "required"
  /** B accepts only listed values here; A accepts others. */
  | "enum"
  /** B has a pattern A does not have exactly. */
  | "pattern"
  /** B has a keyword the check does not reason about, and A does not have it exactly. */
  | "keyword"
  /** B (or a value from A) cannot be reasoned about here: a reference, or a pattern that cannot run. */
  | "undecidable"
  | "too_complex"
  | "schema_invalid";

export interface CompatReason {
  code: CompatReasonCode;
  /** JSON Pointer into the value; `*` stands for any array element or any other property. */
  pointer: string;
  message: string;
}

export interface SubsetResult {
  /** true only when proven: every value A accepts, B accepts. */
  ok: boolean;
  reasons: CompatReason[];
}

export interface SubsetLabels {
  /** What A's values are, e.g. "the request's input". */
  a: string;
  /** What B is, e.g. "the plugin's input schema". */
  b: string;
}

const DEFAULT_LABELS: SubsetLabels = { a: "the first schema", b: "the second schema" };
const MAX_REASONS = 20;
const MAX_DEPTH = 80;
const MAX_ENUMERATED = 256;
/** Patterns every string matches (an empty match is a match). */
const TRIVIAL_PATTERNS = new Set(["", ".*", "^.*", ".*$", "[\\s\\S]*", "(?:)"]);

const cache = new Map<string, SubsetResult>();
const CACHE_LIMIT = 4_096;

/** Is every value `a` accepts accepted by `b`? Pure; results are cached by the schemas' hashes. */
export function schemaSubset(a: unknown, b: unknown, labels: SubsetLabels = DEFAULT_LABELS): SubsetResult {
  const hashes: string[] = [];
  for (const [schema, which] of [[a, labels.a], [b, labels.b]] as const) {
    try {
      hashes.push(compileSchema(schema).hash);
    } catch (e) {
      return { ok: false, reasons: [{ code: "schema_invalid", pointer: "", message: `${which}: ${(e as ContractError).message}` }] };
    }
  }
  const key = `${hashes[0]}:${hashes[1]}:${labels.a}:${labels.b}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let reasons: CompatReason[];
  try {
    reasons = new Check(labels).list([a as Schema], [b as Schema], "", 0);
  } catch (e) {
    if (!(e instanceof TooComplex)) throw e;
    reasons = [{ code: "too_complex", pointer: "", message: `cannot decide: ${e.message}` }];
  }
  const result = { ok: reasons.length === 0, reasons: dedupe(reasons).slice(0, MAX_REASONS) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

function dedupe(reasons: CompatReason[]): CompatReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const k = `${r.pointer}\n${r.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const at = (pointer: string) => pointer || "(root)";
const show = (v: unknown) => {
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const plural: Record<Kind, string> = { null: "null", boolean: "booleans", number: "numbers", string: "strings", array: "arrays", object: "objects" };

/** Sub-checks one question may take (nested anyOf multiplies them); past it, "too complex". */
const MAX_STEPS = 100_000;

class Check {
  private readonly labels: SubsetLabels;
  private steps = 0;

  constructor(labels: SubsetLabels) {
    this.labels = labels;
  }

  /** Reasons why conjunction A may accept a value conjunction B does not; none when A ⊆ B is proven. */
  list(a: readonly Schema[], b: readonly Schema[], pointer: string, depth: number): CompatReason[] {
    if (b.every((s) => s === true)) return [];
    if (++this.steps > MAX_STEPS) throw new TooComplex(`more than ${MAX_STEPS} sub-checks (alternatives nested in alternatives)`);
    if (depth > MAX_DEPTH) return [{ code: "too_complex", pointer, message: `${at(pointer)}: nested too deep to decide` }];
    const as = branches(a, "sub");
    if (as.length === 0) return [];
    const bs = branches(b, "sup");
    const reasons: CompatReason[] = [];
    const refused: Kind[] = [];
    for (const branch of as) {
      for (const kind of KINDS) {
        if (!branch.kinds.has(kind) || emptyKind(branch, kind)) continue;
        if (!bs.some((x) => x.kinds.has(kind))) {
          if (!refused.includes(kind)) refused.push(kind);
          continue;
        }
        reasons.push(...this.kind(only(branch, kind), kind, a, b, pointer, depth, bs));
        if (reasons.length >= MAX_REASONS) break;
      }
    }
    if (refused.length > 0) {
      const what = refused.map((k) => plural[k]);
      const listed = what.length === 1 ? what[0] : `${what.slice(0, -1).join(", ")} or ${what.at(-1)}`;
      reasons.unshift({ code: "type", pointer, message: `${at(pointer)}: ${this.labels.a} may be ${listed}; ${this.labels.b} accepts ${what.length === 1 ? "none" : "none of these"} here` });
    }
    return reasons;
  }

  private kind(a: Branch, kind: Kind, aList: readonly Schema[], bList: readonly Schema[], pointer: string, depth: number, bs: Branch[]): CompatReason[] {
    const values = this.finiteValues(a, kind);
    if (values) {
      const reasons: CompatReason[] = [];
      for (const v of values) {
        if (holds(aList, v) === false) continue;
        const inB = holds(bList, v);
        if (inB === false) reasons.push({ code: "value", pointer, message: `${at(pointer)}: ${this.labels.a} may be ${show(v)}, which ${this.labels.b} does not accept` });
        if (inB === undefined) reasons.push({ code: "undecidable", pointer, message: `${at(pointer)}: cannot tell whether ${this.labels.b} accepts ${show(v)}` });
      }
      return reasons;
    }
    const candidates = bs.filter((b) => b.kinds.has(kind));
    let first: CompatReason[] | undefined;
    for (const b of candidates) {
      const reasons = this.one(a, b, kind, pointer, depth);
      if (reasons.length === 0) return [];
      first ??= reasons;
    }
    return first!;
  }

  /** The values of one kind a branch accepts, when there are few enough to try each. */
  private finiteValues(a: Branch, kind: Kind): unknown[] | undefined {
    if (a.finite) return a.finite.filter((v) => kindMatches(v, kind));
    switch (kind) {
      case "null": return [null];
      case "boolean": return [true, false];
      case "number": {
        const { lo, loEx, hi, hiEx } = numberBounds(a);
        if (a.integer && Number.isFinite(lo) && Number.isFinite(hi) && hi - lo < MAX_ENUMERATED) return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
        if (lo === hi && !loEx && !hiEx) return [lo];
        return undefined;
      }
      case "string": return a.str.max === 0 ? [""] : undefined;
      case "array": return a.arr.max === 0 || branches(a.arr.items, "sub").length === 0 ? [[]] : undefined;
      case "object": return undefined;
    }
  }

  /** Reasons a single-kind branch of A is not within branch `b` of B. */
  private one(a: Branch, b: Branch, kind: Kind, pointer: string, depth: number): CompatReason[] {
    const here = at(pointer);
    if (b.undecidable.length > 0) return [{ code: "undecidable", pointer, message: `${here}: ${this.labels.b} uses ${b.undecidable[0]}; cannot decide` }];
    const reasons: CompatReason[] = [];
    for (const [text, applies] of b.opaque) {
      if ((applies === "any" || applies === kind) && !a.opaque.has(text)) {
        reasons.push({ code: "keyword", pointer, message: `${here}: ${this.labels.b} has ${text.length > 80 ? `${text.slice(0, 77)}…` : text}, which the compatibility check does not reason about (only an identical keyword would prove it)` });
      }
    }
    if (b.finite) {
      const listed = b.finite.filter((v) => kindMatches(v, kind));
      reasons.push(listed.length === 0
        ? { code: "type", pointer, message: `${here}: ${this.labels.a} may be ${plural[kind]}; ${this.labels.b} accepts none here` }
        : { code: "enum", pointer, message: `${here}: ${this.labels.b} accepts only ${show(listed)} among ${plural[kind]}; ${this.labels.a} may be others` });
      return reasons;
    }
    switch (kind) {
      case "number": reasons.push(...this.numbers(a, b, pointer)); break;
      case "string": reasons.push(...this.strings(a, b, pointer)); break;
      case "array": reasons.push(...this.arrays(a, b, pointer, depth)); break;
      case "object": reasons.push(...this.objects(a, b, pointer, depth)); break;
      default: break;
    }
    return reasons;
  }

  private numbers(a: Branch, b: Branch, pointer: string): CompatReason[] {
    const here = at(pointer);
    const reasons: CompatReason[] = [];
    if (b.integer && !a.integer) reasons.push({ code: "integer", pointer, message: `${here}: ${this.labels.a} may be a number with a fraction; ${this.labels.b} accepts integers only` });
    const x = numberBounds(a);
    const y = numberBounds(b);
    if (!(y.lo === -Infinity || x.lo > y.lo || (x.lo === y.lo && (!y.loEx || x.loEx)))) {
      reasons.push({ code: "bound", pointer, message: `${here}: ${this.labels.a} may be ${bound(x.lo, x.loEx, "lower")}; ${this.labels.b} needs ${y.loEx ? ">" : "≥"} ${y.lo}` });
    }
    if (!(y.hi === Infinity || x.hi < y.hi || (x.hi === y.hi && (!y.hiEx || x.hiEx)))) {
      reasons.push({ code: "bound", pointer, message: `${here}: ${this.labels.a} may be ${bound(x.hi, x.hiEx, "upper")}; ${this.labels.b} needs ${y.hiEx ? "<" : "≤"} ${y.hi}` });
    }
    for (const m of b.num.multipleOf) {
      // ajv tests v / m === parseInt(v / m): exact only while v and v / m stay safe integers (past
      // 2^53 a float quotient can round onto an integer: 12467066984761808 / 21 does, / 3 does not).
      const largest = Math.max(Math.abs(x.lo), Math.abs(x.hi));
      const small = Number.isFinite(largest) && largest <= Number.MAX_SAFE_INTEGER && largest / m <= Number.MAX_SAFE_INTEGER;
      const powerOfTwo = Number.isInteger(Math.log2(m)) && m <= 1;
      // A multiple of 3 is one of 1 only for integers: ajv's quotient of a tiny fraction by 3
      // underflows to 0 and passes (-5e-324 under multipleOf 3), while by 1 it does not.
      const implied = a.num.multipleOf.includes(m) ||
        (small && a.integer && (powerOfTwo || (Number.isInteger(m) && a.num.multipleOf.some((n) => Number.isInteger(n) && n % m === 0))));
      if (!implied) reasons.push({ code: "multiple_of", pointer, message: `${here}: ${this.labels.b} needs a multiple of ${m}; ${this.labels.a} is not proven to be one` });
    }
    return reasons;
  }

  private strings(a: Branch, b: Branch, pointer: string): CompatReason[] {
    const here = at(pointer);
    const reasons: CompatReason[] = [];
    if (a.str.min < b.str.min) reasons.push({ code: "bound", pointer, message: `${here}: ${this.labels.a} may be ${a.str.min} characters long; ${this.labels.b} needs at least ${b.str.min}` });
    if (a.str.max > b.str.max) reasons.push({ code: "bound", pointer, message: `${here}: ${this.labels.a} may be ${a.str.max === Infinity ? "of any length" : `${a.str.max} characters long`}; ${this.labels.b} allows at most ${b.str.max}` });
    for (const p of b.str.patterns) {
      if (!TRIVIAL_PATTERNS.has(p) && !a.str.patterns.includes(p)) {
        reasons.push({ code: "pattern", pointer, message: `${here}: ${this.labels.b} needs pattern ${JSON.stringify(p)}; ${this.labels.a} ${a.str.patterns.length ? `has ${a.str.patterns.map((q) => JSON.stringify(q)).join(", ")}, not proven to imply it` : "has no pattern"}` });
      }
    }
    return reasons;
  }

  private arrays(a: Branch, b: Branch, pointer: string, depth: number): CompatReason[] {
    const here = at(pointer);
    const reasons: CompatReason[] = [];
    if (a.arr.min < b.arr.min) reasons.push({ code: "bound", pointer, message: `${here}: ${this.labels.a} may have ${a.arr.min} items; ${this.labels.b} needs at least ${b.arr.min}` });
    if (a.arr.max > b.arr.max) reasons.push({ code: "bound", pointer, message: `${here}: ${this.labels.a} may have ${a.arr.max === Infinity ? "any number of" : a.arr.max} items; ${this.labels.b} allows at most ${b.arr.max}` });
    if (a.arr.max > 0) reasons.push(...this.list(a.arr.items, b.arr.items, `${pointer}/*`, depth + 1));
    return reasons;
  }

  private objects(a: Branch, b: Branch, pointer: string, depth: number): CompatReason[] {
    const reasons: CompatReason[] = [];
    for (const k of b.obj.required) {
      if (!a.obj.required.has(k)) reasons.push({ code: "required", pointer: `${pointer}/${escape(k)}`, message: `${pointer}/${escape(k)}: ${this.labels.b} requires it; ${this.labels.a} may leave it out` });
    }
    for (const k of new Set([...a.obj.props.keys(), ...b.obj.props.keys()])) {
      const aProp = a.obj.props.get(k) ?? a.obj.additional;
      const bProp = b.obj.props.get(k) ?? b.obj.additional;
      reasons.push(...this.list(aProp, bProp, `${pointer}/${escape(k)}`, depth + 1));
    }
    reasons.push(...this.list(a.obj.additional, b.obj.additional, `${pointer}/*`, depth + 1));
    return reasons;
  }
}

function bound(value: number, limit: boolean, side: "lower" | "upper"): string {
  if (!Number.isFinite(value)) return side === "lower" ? "any negative number" : "any large number";
  return limit ? `just ${side === "lower" ? "above" : "below"} ${value}` : String(value);
}

/** The branch provably accepts no value of this kind (used to skip it; never to claim a difference). */
function emptyKind(a: Branch, kind: Kind): boolean {
  switch (kind) {
    case "number": {
      const { lo, loEx, hi, hiEx } = numberBounds(a);
      return lo > hi || (lo === hi && (loEx || hiEx));
    }
    case "string": return a.str.min > a.str.max;
    case "array": return a.arr.min > a.arr.max || (a.arr.min > 0 && branches(a.arr.items, "sub").length === 0);
    case "object": return [...a.obj.required].some((k) => branches(a.obj.props.get(k) ?? a.obj.additional, "sub").length === 0);
    default: return false;
  }
}

function kindMatches(v: unknown, kind: Kind): boolean {
  switch (kind) {
    case "null": return v === null;
    case "boolean": return typeof v === "boolean";
    case "number": return typeof v === "number";
    case "string": return typeof v === "string";
    case "array": return Array.isArray(v);
    case "object": return v !== null && typeof v === "object" && !Array.isArray(v);
  }
}

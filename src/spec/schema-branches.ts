/**
 * A schema (a conjunction of JSON Schemas at one place in a value) as a union of branches, each
 * holding, per kind of JSON value, the constraints the compatibility check reasons about. `anyOf`
 * becomes branches, `allOf` and sibling keywords are intersected.
 *
 * The two sides of `A ⊆ B` are read differently so that every approximation is sound: the `sub`
 * side (A) may be over-approximated (a keyword that only narrows is ignored; one that widens another
 * keyword's meaning, like `patternProperties` next to `additionalProperties`, makes that one accept
 * anything), the `sup` side (B) may be under-approximated (narrowing keywords are kept as opaque
 * conjuncts A must share; references make the branch undecidable).
 */
import { canonicalJson } from "../events/index.ts";
import { CONJUNCTS, GROUPS, REFERENCES } from "./schema-keywords.ts";

export type Kind = "null" | "boolean" | "number" | "string" | "array" | "object";
export const KINDS: readonly Kind[] = ["null", "boolean", "number", "string", "array", "object"];
export type Schema = Record<string, unknown> | boolean;
export type Side = "sub" | "sup";

/** Past this many branches (anyOf inside anyOf …) the check gives up and says so. */
export const MAX_BRANCHES = 64;

export interface Branch {
  kinds: Set<Kind>;
  /** The number kind holds integers only. */
  integer: boolean;
  num: { lo: number; loEx: boolean; hi: number; hiEx: boolean; multipleOf: number[] };
  str: { min: number; max: number; patterns: string[] };
  arr: { min: number; max: number; items: Schema[] };
  obj: { props: Map<string, Schema[]>; required: Set<string>; additional: Schema[] };
  /** `enum`/`const`: the only values the branch may accept (each must also meet the rest). */
  finite: unknown[] | null;
  /** Narrowing keywords kept whole: canonical `{keyword: value}` text → the kind it constrains. */
  opaque: Map<string, Kind | "any">;
  /** Why nothing can be proven about this branch (sup side). */
  undecidable: string[];
}

export class TooComplex extends Error {}

export function top(): Branch {
  return {
    kinds: new Set(KINDS),
    integer: false,
    num: { lo: -Infinity, loEx: false, hi: Infinity, hiEx: false, multipleOf: [] },
    str: { min: 0, max: Infinity, patterns: [] },
    arr: { min: 0, max: Infinity, items: [] },
    obj: { props: new Map(), required: new Set(), additional: [] },
    finite: null,
    opaque: new Map(),
    undecidable: [],
  };
}

/** The union of branches a conjunction of schemas accepts; `[]` when it provably accepts nothing. */
export function branches(list: readonly Schema[], side: Side): Branch[] {
  let acc = [top()];
  const queue = [...list];
  while (queue.length > 0) {
    const schema = queue.shift()!;
    if (schema === true) continue;
    if (schema === false) return [];
    const own = ownBranch(schema, side);
    acc = acc.map((b) => intersect(b, own));
    if (Array.isArray(schema["allOf"])) queue.push(...(schema["allOf"] as Schema[]));
    if (Array.isArray(schema["anyOf"])) {
      const alternatives = (schema["anyOf"] as Schema[]).flatMap((s) => branches([s], side));
      acc = acc.flatMap((b) => alternatives.map((a) => intersect(b, a)));
      if (acc.length > MAX_BRANCHES) throw new TooComplex(`more than ${MAX_BRANCHES} alternatives (anyOf within anyOf)`);
    }
  }
  for (const b of acc) {
    // Listed values: only their kinds remain.
    if (b.finite) b.kinds = new Set(b.finite.map(kindOf).filter((k): k is Kind => k !== undefined && b.kinds.has(k)));
  }
  return acc.filter((b) => b.kinds.size > 0);
}

const number = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

function ownBranch(s: Record<string, unknown>, side: Side): Branch {
  const b = top();
  if (s["type"] !== undefined) {
    const types = new Set(Array.isArray(s["type"]) ? (s["type"] as string[]) : [s["type"] as string]);
    // ajv reads OpenAPI's `nullable: true` next to a `type` as "or null".
    if (s["nullable"] === true) types.add("null");
    b.kinds = new Set(KINDS.filter((k) => types.has(k) || (k === "number" && types.has("integer"))));
    b.integer = types.has("integer") && !types.has("number");
  }
  const min = number(s["minimum"]);
  const exMin = number(s["exclusiveMinimum"]);
  const max = number(s["maximum"]);
  const exMax = number(s["exclusiveMaximum"]);
  if (min !== undefined) b.num.lo = min;
  if (exMin !== undefined && exMin >= b.num.lo) Object.assign(b.num, { lo: exMin, loEx: true });
  if (max !== undefined) b.num.hi = max;
  if (exMax !== undefined && exMax <= b.num.hi) Object.assign(b.num, { hi: exMax, hiEx: true });
  if (number(s["multipleOf"]) !== undefined) b.num.multipleOf.push(s["multipleOf"] as number);
  b.str.min = number(s["minLength"]) ?? 0;
  b.str.max = number(s["maxLength"]) ?? Infinity;
  if (typeof s["pattern"] === "string") b.str.patterns.push(s["pattern"]);
  b.arr.min = number(s["minItems"]) ?? 0;
  b.arr.max = number(s["maxItems"]) ?? Infinity;
  // Beside prefixItems, `items` covers only the elements after them: on the sub side it then says nothing.
  if (s["items"] !== undefined && !(side === "sub" && s["prefixItems"] !== undefined)) b.arr.items.push(s["items"] as Schema);
  const props = s["properties"];
  if (props && typeof props === "object") for (const [k, v] of Object.entries(props)) b.obj.props.set(k, [v as Schema]);
  if (Array.isArray(s["required"])) for (const k of s["required"] as string[]) b.obj.required.add(k);
  if (s["additionalProperties"] !== undefined && !(side === "sub" && s["patternProperties"] !== undefined)) b.obj.additional.push(s["additionalProperties"] as Schema);
  if (Object.hasOwn(s, "const")) b.finite = [s["const"]];
  if (Array.isArray(s["enum"])) b.finite = b.finite ? intersectValues(b.finite, s["enum"]) : [...(s["enum"] as unknown[])];

  for (const key of Object.keys(s)) {
    if (REFERENCES.has(key) && side === "sup") b.undecidable.push(`${key} ${JSON.stringify(s[key])} (what it points at depends on the document)`);
    const kind = CONJUNCTS.get(key);
    if (kind === undefined) continue;
    const group = GROUPS[key] ?? [key];
    const whole: Record<string, unknown> = {};
    for (const k of group) if (Object.hasOwn(s, k)) whole[k] = s[k];
    const text = canonicalJson(whole);
    if (side === "sup" && text.includes('"$ref":')) b.undecidable.push(`${group.join("/")} with a $ref inside`);
    b.opaque.set(text, kind);
  }
  return b;
}

function intersectValues(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const keep = new Set(b.map((v) => canonicalJson(v)));
  return a.filter((v) => keep.has(canonicalJson(v)));
}

function intersect(x: Branch, y: Branch): Branch {
  const lo = x.num.lo > y.num.lo ? x.num : y.num.lo > x.num.lo ? y.num : { lo: x.num.lo, loEx: x.num.loEx || y.num.loEx };
  const hi = x.num.hi < y.num.hi ? x.num : y.num.hi < x.num.hi ? y.num : { hi: x.num.hi, hiEx: x.num.hiEx || y.num.hiEx };
  const props = new Map<string, Schema[]>();
  for (const k of new Set([...x.obj.props.keys(), ...y.obj.props.keys()])) {
    props.set(k, [...(x.obj.props.get(k) ?? x.obj.additional), ...(y.obj.props.get(k) ?? y.obj.additional)]);
  }
  return {
    kinds: new Set([...x.kinds].filter((k) => y.kinds.has(k))),
    integer: x.integer || y.integer,
    num: { lo: lo.lo, loEx: lo.loEx, hi: hi.hi, hiEx: hi.hiEx, multipleOf: [...x.num.multipleOf, ...y.num.multipleOf] },
    str: { min: Math.max(x.str.min, y.str.min), max: Math.min(x.str.max, y.str.max), patterns: [...x.str.patterns, ...y.str.patterns] },
    arr: { min: Math.max(x.arr.min, y.arr.min), max: Math.min(x.arr.max, y.arr.max), items: [...x.arr.items, ...y.arr.items] },
    obj: { props, required: new Set([...x.obj.required, ...y.obj.required]), additional: [...x.obj.additional, ...y.obj.additional] },
    finite: x.finite && y.finite ? intersectValues(x.finite, y.finite) : (x.finite ?? y.finite),
    opaque: new Map([...x.opaque, ...y.opaque]),
    undecidable: [...x.undecidable, ...y.undecidable],
  };
}

/** The branch restricted to one kind of value. */
export function only(b: Branch, kind: Kind): Branch {
  return { ...b, kinds: new Set(b.kinds.has(kind) ? [kind] : []) };
}

/**
 * A number branch's bounds, rounded inward to integers when it holds integers only. An exclusive
 * integer bound steps by one only while that is exact (a safe integer): past 2^53 `2^54 - 1` rounds
 * back to 2^54, so such a bound stays exclusive instead of silently becoming inclusive.
 */
export function numberBounds(b: Branch): { lo: number; loEx: boolean; hi: number; hiEx: boolean } {
  const { lo, loEx, hi, hiEx } = b.num;
  if (!b.integer) return { lo, loEx, hi, hiEx };
  const lower = !Number.isFinite(lo) ? { lo, loEx: false }
    : !loEx || !Number.isInteger(lo) ? { lo: Math.ceil(lo), loEx: false }
    : Number.isSafeInteger(lo + 1) ? { lo: lo + 1, loEx: false } : { lo, loEx: true };
  const upper = !Number.isFinite(hi) ? { hi, hiEx: false }
    : !hiEx || !Number.isInteger(hi) ? { hi: Math.floor(hi), hiEx: false }
    : Number.isSafeInteger(hi - 1) ? { hi: hi - 1, hiEx: false } : { hi, hiEx: true };
  return { ...lower, ...upper };
}

export function kindOf(value: unknown): Kind | undefined {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "boolean": return "boolean";
    case "number": return Number.isFinite(value) ? "number" : undefined;
    case "string": return "string";
    case "object": return "object";
    default: return undefined;
  }
}

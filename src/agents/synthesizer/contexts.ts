/**
 * Where expressions are evaluated: the top-level context has one row per example; each input
 * array is a source whose elements form a lambda context (one row per element, with its input).
 */
import type { Budget } from "./budget.ts";
import { getPath } from "./evaluate.ts";
import { kindOf } from "./kinds.ts";
import { FAIL } from "./ops.ts";
import { NUMBER_RE } from "./strings/string-ops.ts";
import type { Entry, Expr, Json } from "./types.ts";
import { pairsOf, speaksOfPairs, windowSizes, windowsOf } from "./window-ops.ts";

export interface SourceRows {
  readonly id: string;
  /** The elements, one row each, and the example each comes from. */
  readonly elements: readonly Json[];
  readonly exampleOf: readonly number[];
  readonly lookup: readonly ReadonlyMap<Json, number>[];
}

const MAX_DEPTH = 3;

/** Field paths present in every value (through objects only, not arrays), shortest first. */
export function fieldPaths(values: readonly Json[], depth = 0): string[][] {
  const objs = values.filter((v): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v));
  if (objs.length === 0 || objs.length !== values.length || depth >= MAX_DEPTH) return [];
  const keys = Object.keys(objs[0] as object).filter((k) => objs.every((o) => Object.hasOwn(o, k)));
  const out: string[][] = keys.map((k) => [k]);
  for (const k of keys) for (const sub of fieldPaths(objs.map((o) => o[k] as Json), depth + 1)) out.push([k, ...sub]);
  return out;
}

function valuesAt(values: readonly Json[], path: readonly string[]): Json[] | undefined {
  const out: Json[] = [];
  for (const v of values) {
    const got = getPath(v, path);
    if (got === FAIL) return undefined;
    out.push(got);
  }
  return out;
}

export function makeSource(id: string, perExample: readonly (readonly Json[])[]): SourceRows {
  const elements: Json[] = [];
  const exampleOf: number[] = [];
  const lookup = perExample.map((arr, ex) => {
    const m = new Map<Json, number>();
    for (const el of arr) {
      if (!m.has(el)) m.set(el, elements.length);
      elements.push(el);
      exampleOf.push(ex);
    }
    return m;
  });
  return { id, elements, exampleOf, lookup };
}

/** Every array reachable from the input through objects, and arrays nested in their elements. */
export function discoverSources(inputs: readonly Json[]): SourceRows[] {
  const out: SourceRows[] = [];
  const roots: string[][] = [[], ...fieldPaths(inputs)];
  for (const path of roots) {
    const vals = valuesAt(inputs, path);
    if (!vals || !vals.every((v) => Array.isArray(v))) continue;
    const src = makeSource(path.length ? path.join(".") : "input", vals as Json[][]);
    out.push(src);
    for (const sub of fieldPaths(src.elements)) {
      const perExample = (vals as Json[][]).map((arr) => {
        const nested = valuesAt(arr, sub);
        return nested && nested.every((v) => Array.isArray(v)) ? (nested as Json[][]).flat() : undefined;
      });
      if (src.elements.length > 0 && perExample.every((p) => p !== undefined)) {
        out.push(makeSource(`${src.id}[].${sub.join(".")}`, perExample as Json[][]));
      }
    }
  }
  return out;
}

function entryOf(expr: Expr, vals: Json[], extra: Partial<Entry> = {}): Entry {
  const { kind, elem } = kindOf(vals);
  return { expr, size: 1, vals, kind, ...(elem ? { elem } : {}), ...extra };
}

/** Most numbers read from one text field (from its start, and the last one). */
const MAX_NUMBERS = 3;
const NUMBER = new RegExp(NUMBER_RE, "g");

/**
 * The numbers in a text field ("01:30" has 1 and 30, "2024-08-15" has 2024, 8 and 15) as terminals
 * of their own, so arithmetic reaches them at once: the k-th from the start when every example's
 * text has it, and the last. Text that is one number is left to `Number(text)`.
 */
function numberTerminals(e: Entry): Entry[] {
  if (e.kind !== "str" || e.isConst) return [];
  const runs = e.vals.map((v) => (v as string).match(NUMBER) ?? []);
  if (runs.every((r, i) => r.length === 1 && r[0] === (e.vals[i] as string).trim())) return [];
  // A loop, not Math.min(...): a rival search's rows (examples and probes of lists of hundreds) are
  // more than a call's arguments can hold.
  let fewest = Number.POSITIVE_INFINITY;
  for (const r of runs) fewest = Math.min(fewest, r.length);
  const out: Entry[] = [];
  const at = (k: number): void => {
    const vals = runs.map((r) => Number(r.at(k)));
    out.push({ ...entryOf({ k: "op", op: "numAt", args: [e.expr, { k: "const", value: k }] }, vals), size: 2 });
  };
  for (let k = 0; k < Math.min(fewest, MAX_NUMBERS); k++) at(k);
  if (fewest > 1 && runs.some((r) => r.length !== fewest)) at(-1);
  return out;
}

/**
 * Most fields of the input read beside an element (`outer`): each is a value per element row, so a
 * record of hundreds of fields beside a list of hundreds cost rows × fields values for every list
 * (attack-work-clock: out of heap in the rival search). The fixtures' records have 21 fields at most.
 */
export const MAX_OUTER_FIELDS = 64;

/**
 * `input`, `input.a`, `input.a.b`… on the given rows; arrays that are sources carry their id.
 * `outer`: the rows are an array's elements, and only the input's scalar fields are read beside
 * them, at most MAX_OUTER_FIELDS: where there are more, those `named` by the description first,
 * then the rest in order.
 */
export function inputTerminals(inputs: readonly Json[], rowInputs: readonly Json[], sourceIds: ReadonlySet<string>, budget: Budget, outer?: { readonly named: (field: string) => boolean }): Entry[] {
  const out: Entry[] = [];
  const first = inputs[0];
  const all = first !== null && typeof first === "object" && !Array.isArray(first) ? fieldPaths(inputs) : [[]];
  const paths = outer ? outerFields(inputs, all, outer.named) : all;
  for (const path of paths) {
    // Counted: beside a list of hundreds, every element row reads every field (the rival search's
    // rows are the examples' and the probes': past its time it ends here, not out of heap).
    budget.charge(rowInputs.length, "fieldRow");
    const vals = valuesAt(rowInputs, path);
    if (!vals) continue;
    const e = entryOf({ k: "in", path }, vals);
    if (outer && (e.kind === "arr" || e.kind === "obj")) continue;
    const id = path.length ? path.join(".") : "input";
    out.push(e.kind === "arr" && sourceIds.has(id) ? { ...e, src: id } : e);
    if (e.kind === "str" && !e.isConst) budget.charge(rowInputs.length, "textScan");
    out.push(...numberTerminals(e));
  }
  return out;
}

/**
 * The fields of `paths` read beside an element: the scalar ones, told on the examples' inputs (on
 * the element rows, a list of 15,000 was kind-checked once per element: quadratic), at most
 * MAX_OUTER_FIELDS, the named first.
 */
function outerFields(inputs: readonly Json[], paths: readonly string[][], named: (field: string) => boolean): string[][] {
  const scalar = paths.filter((p) => {
    const vals = valuesAt(inputs, p);
    const kind = vals ? kindOf(vals).kind : "null";
    return kind !== "arr" && kind !== "obj";
  });
  if (scalar.length <= MAX_OUTER_FIELDS) return scalar;
  const isNamed = (p: readonly string[]): boolean => p.some(named);
  return [...scalar.filter(isNamed), ...scalar.filter((p) => !isNamed(p))].slice(0, MAX_OUTER_FIELDS);
}

/** `x` (for primitive elements) and `x.a`, `x.a.b`… for object elements. */
export function elementTerminals(src: SourceRows, sourceIds: ReadonlySet<string>): Entry[] {
  const { kind } = kindOf(src.elements);
  if (kind !== "obj") {
    if (kind === "mixed") return [];
    const x = entryOf({ k: "x", path: [] }, [...src.elements]);
    return [x, ...numberTerminals(x)];
  }
  const out: Entry[] = [];
  for (const path of fieldPaths(src.elements)) {
    const vals = valuesAt(src.elements, path) as Json[];
    const e = entryOf({ k: "x", path }, vals);
    const nested = `${src.id}[].${path.join(".")}`;
    out.push(e.kind === "arr" && sourceIds.has(nested) ? { ...e, src: nested } : e);
    out.push(...numberTerminals(e));
  }
  return out;
}

export function constEntry(value: Json, rows: number, threshold = false): Entry {
  return entryOf({ k: "const", value }, new Array<Json>(rows).fill(value), { isConst: true, ...(threshold ? { threshold } : {}) });
}

/** A window over an input array (window-ops.ts): its elements as a source, and the term that builds it. */
export interface WindowSource {
  readonly rows: SourceRows;
  readonly term: Entry;
}

/**
 * Pairs of consecutive elements and runs of k, over each input array that is not nested in another
 * (`readings`, `points`), where the description speaks of them. The term's values are the very
 * arrays the source's elements come from, so lambdas over it find their bodies' values by identity.
 */
export function windowSources(inputs: readonly Json[], found: readonly SourceRows[], description: string): WindowSource[] {
  const out: WindowSource[] = [];
  const kinds: { suffix: string; build: (arr: readonly Json[]) => Json[]; expr: (arr: Expr) => Expr }[] = [];
  if (speaksOfPairs(description)) kinds.push({ suffix: "pairs", build: pairsOf, expr: (arr) => ({ k: "op", op: "pairs", args: [arr] }) });
  for (const k of windowSizes(description)) {
    kinds.push({ suffix: `windows${k}`, build: (arr) => windowsOf(arr, k), expr: (arr) => ({ k: "op", op: "windows", args: [arr, { k: "const", value: k }] }) });
  }
  for (const src of found) {
    if (src.id.includes("[]")) continue;
    const path = src.id === "input" ? [] : src.id.split(".");
    const arrays = valuesAt(inputs, path);
    if (!arrays || !arrays.every((a) => Array.isArray(a))) continue;
    for (const kind of kinds) {
      const perExample = (arrays as Json[][]).map(kind.build);
      if (perExample.every((p) => p.length === 0)) continue;
      const rows = makeSource(`${src.id}:${kind.suffix}`, perExample);
      const term = { ...entryOf(kind.expr({ k: "in", path }), perExample), size: 2, src: rows.id };
      out.push({ rows, term });
    }
  }
  return out;
}

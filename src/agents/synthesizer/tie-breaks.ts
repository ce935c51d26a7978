/**
 * A tie-break order the description states ("equal scores in alphabetical order", "by season, then
 * by episode", "alphabetically within an aisle") where no example has a tie: a sort by one key fits
 * them all, and so does the same sort with any second key inside it. The stable sort (ties in list
 * order) is only one of those readings, so each sort of the chosen program with a second key — each
 * other field of the elements, either way — is a rival, asked about on an example with a tie made
 * (one element's key field given its neighbour's value). Nothing here names a task or a program:
 * the words only say that ties have an order of their own.
 */
import { runOn } from "./evaluate.ts";
import { everywhere } from "./rival-readings.ts";
import { walk } from "./rank.ts";
import { namedTieField } from "./tie-break-words.ts";
import type { Expr, Json } from "./types.ts";



const isSort = (e: Expr): e is Extract<Expr, { k: "lam" }> => e.k === "lam" && (e.op === "sortAsc" || e.op === "sortDesc");

/** The fields of the elements of `arr` on the examples (numbers and texts only), as the lambda reads them. */
function elementFields(arr: Expr, inputs: readonly Json[]): string[] {
  const fields = new Set<string>();
  for (const input of inputs) {
    const v = runOn(arr, input);
    if (!Array.isArray(v)) continue;
    for (const el of v) {
      if (el === null || typeof el !== "object" || Array.isArray(el)) continue;
      for (const [k, f] of Object.entries(el)) if (typeof f === "number" || typeof f === "string") fields.add(k);
    }
  }
  return [...fields];
}

/** The field a key reads when it is a plain field of the element (`x.score`), else undefined. */
function keyField(body: Expr): string | undefined {
  return body.k === "x" && body.path.length === 1 ? body.path[0] : undefined;
}

/** The plain fields of the element a key reads (`x.used / x.capacity`: used, capacity); undefined when it reads anything else of it. */
function keyFields(body: Expr): string[] | undefined {
  const fields = new Set<string>();
  let plain = true;
  walk(body, (n) => {
    if (n.k === "x") {
      if (n.path.length === 1) fields.add(n.path[0] as string);
      else plain = false;
    }
  });
  return plain && fields.size > 0 ? [...fields] : undefined;
}

/**
 * Round 21: `e` with its first sort given the second key a sentence about ties names ("bins
 * equally full in id order"): the description's words for the order among equals, as the
 * chosen reading; undefined when no sentence names one field of the sorted elements, or the
 * sort has a second key already, or its key reads that field.
 */
export function namedTieBreak(e: Expr, inputs: readonly Json[], description: string): Expr | undefined {
  return everywhere(e, (n) => {
    if (!isSort(n) || isSort(n.arr)) return [];
    const keyed = keyFields(n.body) ?? [];
    const named = namedTieField(description, elementFields(n.arr, inputs).filter((f) => !keyed.includes(f)));
    if (!named) return [];
    return [{ ...n, arr: { k: "lam", op: named.descending ? "sortDesc" : "sortAsc", arr: n.arr, body: { k: "x", path: [named.field] } } }];
  })[0];
}

/** Each sort of `e` (not already broken) with a second key inside it: the other fields, either way. */
export function tieBreakRivals(e: Expr, inputs: readonly Json[]): Expr[] {
  return everywhere(e, (n) => {
    if (!isSort(n) || isSort(n.arr)) return [];
    const first = keyField(n.body);
    const out: Expr[] = [];
    for (const field of elementFields(n.arr, inputs)) {
      if (field === first) continue;
      for (const op of ["sortAsc", "sortDesc"] as const) out.push({ ...n, arr: { k: "lam", op, arr: n.arr, body: { k: "x", path: [field] } } });
    }
    return out;
  });
}

/** The path of the input array a sort reads elements from, when it is an input field (through filters). */
function sourcePath(arr: Expr): readonly string[] | undefined {
  if (arr.k === "in") return arr.path;
  if (arr.k === "lam" && arr.op === "filter") return sourcePath(arr.arr);
  return undefined;
}

/**
 * Examples with a tie made: for each sort by a plain field of an input array's elements, each
 * example with one element's key field set to the next element's, the pair as it stood and swapped.
 */
export function tieProbes(e: Expr, inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  walk(e, (n) => {
    if (!isSort(n)) return;
    // A key computed from plain fields (round 21: `used / capacity`) ties when all of them do.
    const fields = keyFields(n.body);
    const path = sourcePath(n.arr);
    if (!fields || !path) return;
    for (const input of inputs) {
      const arr = runOn({ k: "in", path }, input);
      if (!Array.isArray(arr) || arr.length < 2) continue;
      for (let i = 0; i + 1 < arr.length && out.length < MAX_TIE_PROBES; i++) {
        const a = arr[i];
        const b = arr[i + 1];
        if (!isRecord(a) || !isRecord(b) || !fields.every((f) => f in a && f in b)) continue;
        // Tied in list order and in the other: one of them tells a second key from the list's order.
        const tiedA: Json = { ...a, ...Object.fromEntries(fields.map((f) => [f, b[f] as Json])) };
        out.push(setPath(input, path, arr.map((el, j) => (j === i ? tiedA : el))));
        out.push(setPath(input, path, arr.map((el, j) => (j === i ? b : j === i + 1 ? tiedA : el))));
      }
    }
  });
  return out;
}

const MAX_TIE_PROBES = 12;

function isRecord(v: Json | undefined): v is Record<string, Json> {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

function setPath(v: Json, path: readonly string[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (!isRecord(v)) return v;
  return { ...v, [head]: setPath(v[head] as Json, rest, value) };
}

/**
 * The program a lookup states (lookup-keys.ts): the first entry of the list whose naming part (a
 * field, an element of a pair) is the key, and its part the answers are read from. Where it fits every example it is chosen over
 * what the search ranked first (the cheapest entry, a digit read out of the key): the other
 * programs stay rivals, asked about on inputs whose key names an entry, so that nothing is
 * published in silence where they part.
 */
import { jsonEqual } from "../../spec/index.ts";
import { SynthesizerError } from "./errors.ts";
import { runOn } from "./evaluate.ts";
import { sameExpr } from "./expr.ts";
import { isObj } from "./probes.ts";
import { exprSize } from "./rank.ts";
import { INEXACT, withAbsentKey } from "./lookup-keys.ts";
import type { LookupKey } from "./lookup-keys.ts";
import type { Found } from "./search.ts";
import type { Expr, Json } from "./types.ts";

/**
 * Words by which the answer reads more than the first entry the key names (round 31's attacker):
 * the latest of entries logged many times, a sum over all lines. The lookup program is then no
 * reading of its own, and the search's pick is not set aside for it.
 */
const MANY_ENTRIES = /\b(?:latest|last|most recent|newest|oldest|earliest|many|all|every|each|sum\w*|total|count|added|net)\b/i;
/** Whether the words leave the lookup program (the first entry named exactly) a reading of its own. */
const readsFirstNamed = (description: string): boolean => !MANY_ENTRIES.test(description) && !INEXACT.test(description);

/** The part of `obj` at `step`: a field of an object, an element of a pair. */
function partOf(obj: Expr, step: string | number): Expr {
  if (typeof step === "number") return { k: "op", op: "at", args: [obj, { k: "const", value: step }] };
  return obj.k === "x" ? { k: "x", path: [...obj.path, step] } : { k: "get", obj, key: step };
}

/**
 * The part `field` of the first entry of `list` whose part `named` is the input's `key`; where the
 * description states the answer for a key no entry has (`missing`), that answer when none has it.
 */
function lookupExpr(key: string, list: string, named: string | number, field: string | number, missing: Json | undefined): Expr {
  const match: Expr = { k: "op", op: "eq", args: [partOf({ k: "x", path: [] }, named), { k: "in", path: [key] }] };
  const found = partOf({ k: "lam", op: "find", arr: { k: "in", path: [list] }, body: match }, field);
  if (missing === undefined) return found;
  return { k: "if", cond: { k: "lam", op: "some", arr: { k: "in", path: [list] }, body: match }, then: found, else: { k: "const", value: missing } };
}

/** The parts of an entry besides the one that names it: its other fields, the other elements of a pair. */
function answerParts(entries: readonly Json[], named: string | number): (string | number)[] {
  const parts = new Set(entries.flatMap((e): (string | number)[] => (isObj(e) ? Object.keys(e) : Array.isArray(e) ? e.map((_, i) => i) : [])));
  return [...parts].filter((p) => p !== named);
}

/** The lookup programs that fit every example: one for each part of the entries the answers may be read from. */
function lookupPrograms(keys: readonly LookupKey[], inputs: readonly Json[], outputs: readonly Json[]): Expr[] {
  const out: Expr[] = [];
  for (const { key, list, at, missing } of keys) {
    const named = at[0];
    const first = inputs[0];
    if (at.length !== 1 || named === undefined || first === undefined || !isObj(first) || !Array.isArray(first[list])) continue;
    for (const field of answerParts(first[list], named)) {
      const e = lookupExpr(key, list, named, field, missing);
      if (inputs.every((input, i) => { const v = runOn(e, input); return v !== undefined && jsonEqual(v, outputs[i] as Json); })) out.push(e);
    }
  }
  return out;
}

/**
 * `found` with the lookup program first where one fits every example, what the search chose among
 * its rivals; the lookup program alone where the search found nothing (a pair's part is costly to reach).
 */
export function lookupFirst(found: Found | undefined, keys: readonly LookupKey[], inputs: readonly Json[], outputs: readonly Json[], description: string): Found | undefined {
  if (!readsFirstNamed(description)) return found;
  const [expr] = lookupPrograms(keys, inputs, outputs);
  if (!expr) return found;
  if (!found) return { expr, size: exprSize(expr) };
  if (sameExpr(expr, found.expr)) return found;
  const alts = (found.alts ?? []).filter((a) => !sameExpr(a.expr, expr));
  return { expr, size: exprSize(expr), alts: [{ expr: found.expr, size: found.size }, ...alts] };
}

/** Whether `e` is the lookup program of its examples: foreseen by their keys, as a stated constant is by the description. */
export function isLookupProgram(e: Expr, keys: readonly LookupKey[], inputs: readonly Json[], outputs: readonly Json[], description: string): boolean {
  return readsFirstNamed(description) && lookupPrograms(keys, inputs, outputs).some((l) => sameExpr(l, e));
}

/**
 * Where the description states the answer for a key no entry has (`missing`), a program that gives
 * another on the first example with such a key is not the task's, and no question can show it (the
 * answer is stated): nothing is published (round 32's attacker: "the latest price …; 0 if the log
 * lacks the sku" published a program of the sku's digits; "cost 0 each" the plain lookup, which throws).
 */
export function missingAsStated(e: Expr, keys: readonly LookupKey[], inputs: readonly Json[], capability: string): SynthesizerError | undefined {
  for (const k of keys) {
    if (k.missing === undefined) continue;
    const input = inputs.find(isObj);
    const probe = input === undefined ? undefined : withAbsentKey(input, k);
    if (probe === undefined) continue;
    const absent = probe[k.key];
    const got = runOn(e, probe);
    if (got !== undefined && jsonEqual(got, k.missing)) continue;
    return new SynthesizerError("no_program_found", `the description of ${capability} states ${JSON.stringify(k.missing)} for a ${k.key} its ${k.list} has no entry for, and the program that fits the examples gives ${got === undefined ? "no answer" : JSON.stringify(got)} there (${k.key} ${JSON.stringify(absent)})`, {
      nextStep: `Add an example whose ${k.key} no entry of ${k.list} has, answered ${JSON.stringify(k.missing)}, and one that shows which entries the answer reads; or write the plugin by hand (capsmith plugin new).`,
      details: { reason: "stated_missing_answer", input: probe, stated: k.missing, ...(got === undefined ? {} : { got }) },
    });
  }
  return undefined;
}

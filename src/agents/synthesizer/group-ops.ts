/**
 * Grouping into lists (round 19b): the elements of an array grouped by a key computed from each,
 * every group the list of a value computed from its elements, in the order the elements come
 * (`groupList(people, team, name)` → `{ red: ["Ann", "Cy"], blue: ["Bo"] }`), keys in the order
 * they first appear. A group-by with an aggregate (lambda-ops.ts) gives one number per group; a
 * list per group is what "the names in each team" asks for, and what a lambda over the object's
 * values (`mapValues`, decompose.ts) needs for anything else per group: the lowest and highest
 * reading of each sensor (`{ min, max }`), how many different products each customer bought, each
 * team's scores in order. The key is a text or a number (as object keys, both are texts); the
 * values are texts, numbers or booleans. Its `apply` computes exactly what its emitted JavaScript
 * computes: a `Map` keeps the groups (no clash with `Object.prototype`'s own names), and
 * `Object.fromEntries` writes them out as a plain object does.
 */
import { PREC, code, w } from "./code.ts";
import type { Code, LambdaCode, Scope } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { Out } from "./ops.ts";
import type { Expr, Json, Kind } from "./types.ts";

/** A body of one element's value (lambda-ops.ts `Fn`, restated here to keep the import one way). */
type Fn = (x: Json) => Out;

/** The value kinds a group's list may hold: a list of objects or lists is no group a person names. */
export const GROUP_LIST_VALUES: readonly Kind[] = ["num", "str", "bool"];

/** The elements of `arr` grouped by `key`, each group the list of `value` over its elements. */
export function groupListOf(arr: readonly Json[], key: Fn, value: Fn): Out {
  const groups = new Map<string, Json[]>();
  for (const x of arr) {
    const k = key(x);
    const v = value(x);
    if (k === FAIL || v === FAIL || (typeof k !== "string" && typeof k !== "number")) return FAIL;
    if (v !== null && typeof v === "object") return FAIL;
    const list = groups.get(String(k));
    if (list) list.push(v);
    else groups.set(String(k), [v]);
  }
  return Object.fromEntries(groups);
}

/** `groupList` written out: a `Map` from key to list, filled in one pass, then an object. */
export function emitGroupList(arr: Code, key: LambdaCode, value: LambdaCode | undefined, scope: Scope): Code {
  const groups = scope.fresh("groups");
  const k = key.inline("x")?.text ?? `(${key.arrow("x")})(x)`;
  const v = value ? (value.inline("x")?.text ?? `(${value.arrow("x")})(x)`) : "x";
  scope.stmt(`const ${groups} = new Map();`);
  scope.stmt(`for (const x of ${w(arr, PREC.member)}) {\n  const k = String(${k});\n  if (${groups}.has(k)) ${groups}.get(k).push(${v});\n  else ${groups}.set(k, [${v}]);\n}`);
  return code(`Object.fromEntries(${groups})`);
}

const compound = (v: Json): boolean => v !== null && typeof v === "object";

/**
 * The objects a lambda over values is tried on (decompose.ts `tryMapValues`), lists per group first
 * where every target's value is itself a list or an object (`{ low, high }` per city): such a value
 * is made from the group's elements, not from one number per group, and the group-bys with each
 * aggregate (as small, and built first) would use up the few tries. Otherwise the order is kept.
 */
export function groupsFirst<E extends { readonly expr: Expr }>(objects: readonly E[], targets: readonly Json[]): E[] {
  const values = targets.flatMap((t) => (t !== null && typeof t === "object" && !Array.isArray(t) ? Object.values(t) : [null]));
  if (values.length === 0 || !values.every(compound)) return [...objects];
  const isGroup = (e: E): boolean => e.expr.k === "lam" && e.expr.op === "groupList";
  return [...objects.filter(isGroup), ...objects.filter((e) => !isGroup(e))];
}

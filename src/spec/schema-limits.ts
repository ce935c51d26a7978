/**
 * What capsmith refuses in a JSON Schema before compiling it, so that validating any value against
 * it takes time linear in the value. ajv compiles each subschema once, but `$ref`s can send one value
 * through the same subschemas again and again (`a0: anyOf [a1, a1]`, `a1: anyOf [a2, a2]`, … doubles
 * at every level) and a reference cycle that never descends into the value never ends. So: a bounded
 * size, depth and node count, local references only, and at most `maxEvaluationsPerValue` subschema
 * evaluations of any one value in the document, computed statically over the schema graph.
 */
import { MAX_JSON_DEPTH } from "../events/index.ts";

export const SCHEMA_LIMITS = {
  /** Canonical JSON text of the schema, in characters. */
  maxLength: 256 * 1024,
  /** Nesting of the schema document (as for every JSON value at capsmith's edges). */
  maxDepth: MAX_JSON_DEPTH,
  /** Subschemas (objects and booleans in schema positions). */
  maxNodes: 10_000,
  /** Subschemas any one value of the instance can be checked against. */
  maxEvaluationsPerValue: 1_000,
} as const;

export interface SchemaProblem {
  code: "schema_invalid" | "schema_unsupported";
  message: string;
}

type Schema = Record<string, unknown> | boolean;

const IN_PLACE_ONE = ["not", "if", "then", "else"] as const;
const IN_PLACE_MANY = ["allOf", "anyOf", "oneOf"] as const;

/** A subschema and the subschemas applied to the same value, or to one of its children. */
interface Node {
  schema: Schema;
  pointer: string;
  same: number[];
  /** Per kind of child (a property value, an array element, a property name): the subschemas that may apply to it. */
  children: { oneOf: number[]; all: number[] }[];
}

/** The first limit the schema exceeds, or undefined. Depth and length are checked by the caller. */
export function schemaProblem(root: unknown): SchemaProblem | undefined {
  if (typeof root !== "boolean" && (root === null || typeof root !== "object" || Array.isArray(root))) {
    return { code: "schema_invalid", message: "a JSON Schema is an object or a boolean" };
  }
  const nodes: Node[] = [];
  const byPointer = new Map<string, number>();
  const refs: [number, string][] = [];
  const problem = collect(root as Schema, nodes, byPointer, refs);
  if (problem) return problem;
  for (const [from, ref] of refs) {
    const target = byPointer.get(ref === "#" ? "" : decodeURIComponent(ref.slice(1)));
    if (target === undefined) return { code: "schema_invalid", message: `$ref ${JSON.stringify(ref)} at ${nodes[from]!.pointer || "/"} points at no subschema of this schema` };
    nodes[from]!.same.push(target);
  }
  return evaluationBound(nodes);
}

function collect(root: Schema, nodes: Node[], byPointer: Map<string, number>, refs: [number, string][]): SchemaProblem | undefined {
  const visit = (schema: unknown, pointer: string): number | SchemaProblem => {
    if (typeof schema !== "boolean" && (schema === null || typeof schema !== "object" || Array.isArray(schema))) {
      return { code: "schema_invalid", message: `${pointer || "/"} is not a schema (an object or a boolean)` };
    }
    if (nodes.length >= SCHEMA_LIMITS.maxNodes) return { code: "schema_unsupported", message: `more than ${SCHEMA_LIMITS.maxNodes} subschemas` };
    const index = nodes.push({ schema: schema as Schema, pointer, same: [], children: [] }) - 1;
    byPointer.set(pointer, index);
    if (typeof schema === "boolean") return index;
    const s = schema as Record<string, unknown>;
    const node = nodes[index]!;
    const at = (...keys: (string | number)[]) => pointer + keys.map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    const one = (key: string): number | SchemaProblem | undefined => (Object.hasOwn(s, key) ? visit(s[key], at(key)) : undefined);
    const list = (key: string): number[] | SchemaProblem => {
      if (!Object.hasOwn(s, key)) return [];
      if (!Array.isArray(s[key])) return { code: "schema_invalid", message: `${at(key)} must be an array of schemas` };
      const out: number[] = [];
      for (const [i, sub] of (s[key] as unknown[]).entries()) {
        const v = visit(sub, at(key, i));
        if (typeof v !== "number") return v;
        out.push(v);
      }
      return out;
    };
    const map = (key: string): number[] | SchemaProblem => {
      if (!Object.hasOwn(s, key)) return [];
      const value = s[key];
      if (value === null || typeof value !== "object" || Array.isArray(value)) return { code: "schema_invalid", message: `${at(key)} must be an object of schemas` };
      // ajv skips a subschema named __proto__ (so nothing would check it): refuse rather than ignore.
      if (Object.hasOwn(value, "__proto__")) return { code: "schema_unsupported", message: `${at(key, "__proto__")}: a subschema named __proto__ cannot be checked` };
      const out: number[] = [];
      for (const [name, sub] of Object.entries(value)) {
        const v = visit(sub, at(key, name));
        if (typeof v !== "number") return v;
        out.push(v);
      }
      return out;
    };

    if (pointer !== "" && Object.hasOwn(s, "$id")) return { code: "schema_unsupported", message: `${at("$id")}: $id is only supported on the root schema` };
    for (const key of ["$dynamicRef", "$recursiveRef"]) {
      if (Object.hasOwn(s, key)) return { code: "schema_unsupported", message: `${at(key)}: ${key} is not supported; use $ref to a local #/… pointer` };
    }
    if (Object.hasOwn(s, "$ref")) {
      const ref = s["$ref"];
      if (typeof ref !== "string" || !(ref === "#" || ref.startsWith("#/"))) {
        return { code: "schema_unsupported", message: `${at("$ref")}: only local references ("#" or "#/…") are supported` };
      }
      refs.push([index, ref]);
    }
    // Definitions are subschemas too (targets of $ref), applied to nothing by themselves.
    for (const key of ["$defs", "definitions"]) {
      const defs = map(key);
      if (!Array.isArray(defs)) return defs;
    }
    const results: (number | number[] | SchemaProblem | undefined)[] = [];
    for (const key of IN_PLACE_ONE) results.push(one(key));
    for (const key of IN_PLACE_MANY) results.push(list(key));
    results.push(map("dependentSchemas"));
    // The older `dependencies` (ajv still reads it): a name → names (no subschema) or → a subschema.
    const legacy = s["dependencies"];
    if (legacy !== null && typeof legacy === "object" && !Array.isArray(legacy)) {
      for (const [name, sub] of Object.entries(legacy)) if (!Array.isArray(sub)) results.push(visit(sub, at("dependencies", name)));
    }
    for (const r of results) {
      if (r === undefined) continue;
      if (typeof r === "number") node.same.push(r);
      else if (Array.isArray(r)) node.same.push(...r);
      else return r;
    }
    const group = (oneOf: (number | number[] | SchemaProblem | undefined)[], all: (number | number[] | SchemaProblem | undefined)[]): SchemaProblem | undefined => {
      const g = { oneOf: [] as number[], all: [] as number[] };
      for (const [target, items] of [[g.oneOf, oneOf], [g.all, all]] as const) {
        for (const r of items) {
          if (r === undefined) continue;
          if (typeof r === "number") target.push(r);
          else if (Array.isArray(r)) target.push(...r);
          else return r;
        }
      }
      node.children.push(g);
      return undefined;
    };
    return (
      group([map("properties"), one("additionalProperties")], [map("patternProperties"), one("unevaluatedProperties")]) ??
      group([list("prefixItems"), one("items")], [one("contains"), one("unevaluatedItems")]) ??
      group([], [one("propertyNames")]) ??
      index
    );
  };
  const result = visit(root, "");
  return typeof result === "number" ? undefined : result;
}

/**
 * Evaluations of one value at each depth below the root, layer by layer (no recursion): a node's
 * count at depth k is 1 at k = 0, plus its in-place subschemas' counts at k, plus, for its children,
 * the most that one child can meet at k - 1. In-place edges must form no cycle.
 */
function evaluationBound(nodes: Node[]): SchemaProblem | undefined {
  const order = inPlaceOrder(nodes);
  if (!order) return { code: "schema_unsupported", message: "a $ref cycle applies a subschema to the same value forever; a recursive reference must descend into a property or item" };
  const cap = SCHEMA_LIMITS.maxEvaluationsPerValue + 1;
  let previous = new Array<number>(nodes.length).fill(0);
  for (let depth = 0; depth <= SCHEMA_LIMITS.maxDepth + 1; depth++) {
    const current = new Array<number>(nodes.length).fill(0);
    for (const i of order) {
      const node = nodes[i]!;
      let n = depth === 0 ? 1 : 0;
      for (const j of node.same) n += current[j]!;
      if (depth > 0) {
        let child = 0;
        for (const g of node.children) {
          let m = 0;
          for (const j of g.oneOf) m = Math.max(m, previous[j]!);
          for (const j of g.all) m += previous[j]!;
          child = Math.max(child, m);
        }
        n += child;
      }
      current[i] = Math.min(n, cap);
    }
    if (current[0]! > SCHEMA_LIMITS.maxEvaluationsPerValue) {
      return {
        code: "schema_unsupported",
        message: `one value ${depth === 0 ? "" : `${depth} level${depth === 1 ? "" : "s"} deep `}could be checked against more than ${SCHEMA_LIMITS.maxEvaluationsPerValue} subschemas (references or combinators multiply)`,
      };
    }
    previous = current;
  }
  return undefined;
}

/** Nodes with in-place children first (Kahn's algorithm on the in-place edges), or undefined on a cycle. */
function inPlaceOrder(nodes: Node[]): number[] | undefined {
  const parents = new Array<number>(nodes.length).fill(0);
  for (const n of nodes) for (const j of n.same) parents[j]!++;
  const ready = nodes.map((_, i) => i).filter((i) => parents[i] === 0);
  const order: number[] = [];
  while (ready.length > 0) {
    const i = ready.pop()!;
    order.push(i);
    for (const j of nodes[i]!.same) if (--parents[j]! === 0) ready.push(j);
  }
  return order.length === nodes.length ? order.reverse() : undefined;
}

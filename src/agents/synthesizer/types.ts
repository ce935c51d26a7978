/** The DSL: JSON values, expressions over them, and what the search keeps per expression. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Aggregates a group-by can apply to the values of each group. */
export type Aggregate = "sum" | "count" | "min" | "max" | "mean";

/** Operations that take a lambda over the elements of an array. */
export type LambdaOp =
  | "map"
  | "flatMap"
  | "filter"
  | "find"
  | "some"
  | "every"
  | "count"
  | "sortAsc"
  | "sortDesc"
  | "argmax"
  | "argmin"
  | "groupBy"
  | "fromPairs"
  /** Round 19b (group-ops.ts): each group the list of a value of its elements. */
  | "groupList"
  /** Over an object's values (round 15): the same keys, each value through the lambda. */
  | "mapValues";

export type Expr =
  /** `input.a.b` (empty path: the input itself). */
  | { readonly k: "in"; readonly path: readonly string[] }
  /** The lambda parameter `x`, or a field path under it. */
  | { readonly k: "x"; readonly path: readonly string[] }
  /** `solved`: a constant solved from the examples (a linear fit), not one the spec gave. */
  | { readonly k: "const"; readonly value: Json; readonly solved?: true }
  /** A primitive operation from the op table (ops.ts). */
  /**
   * `stated`: the whole of a formula the description writes (round 24, described-formula/): one
   * term of the search, of size 1 however many operations it holds.
   */
  | { readonly k: "op"; readonly op: string; readonly args: readonly Expr[]; readonly stated?: true }
  /** A field of a computed object. */
  | { readonly k: "get"; readonly obj: Expr; readonly key: string }
  /** An array operation with a lambda (`body`, and `body2` for group-by values / pair values). */
  | {
      readonly k: "lam";
      readonly op: LambdaOp;
      readonly arr: Expr;
      readonly body: Expr;
      readonly body2?: Expr;
      readonly agg?: Aggregate;
    }
  | { readonly k: "if"; readonly cond: Expr; readonly then: Expr; readonly else: Expr }
  | { readonly k: "obj"; readonly fields: readonly (readonly [string, Expr])[] };

/** What the evaluator sees: the plugin input and, inside a lambda, the current element. */
export interface Env {
  readonly input: Json;
  readonly x?: Json;
}

/** The kind of a value vector, by which ops decide whether they apply. */
export type Kind = "num" | "str" | "bool" | "arr" | "obj" | "null" | "mixed";

/** One expression kept by the bottom-up search: its values on every row of its context. */
export interface Entry {
  readonly expr: Expr;
  readonly size: number;
  readonly vals: readonly Json[];
  readonly kind: Kind;
  /** For arrays: the kind of their elements ("null" when every array is empty). */
  readonly elem?: Kind;
  /** For arrays whose elements are elements of an input array: that source's id. */
  readonly src?: string;
  /** Constants that may only appear as the right side of a comparison (thresholds from inputs). */
  readonly threshold?: boolean;
  readonly isConst?: boolean;
  /** Creation order inside its bank (to enumerate each unordered pair once). */
  readonly id?: number;
}

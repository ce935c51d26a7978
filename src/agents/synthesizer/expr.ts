/**
 * Constructors of the search's expressions (types.ts `Expr`), for the modules that build programs
 * by hand: a guard, a restated formula, a solved relation.
 */
import type { Expr, Json } from "./types.ts";

/** An operation of the op table (ops.ts) on its arguments. */
export const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });

/** A constant as the description or the examples give it (not one solved from them). */
export const konst = (value: Json): Expr => ({ k: "const", value });

/** Whether two expressions are the same tree (built alike, so their JSON texts are equal). */
export const sameExpr = (a: Expr, b: Expr): boolean => JSON.stringify(a) === JSON.stringify(b);

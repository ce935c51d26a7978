/**
 * Ranking among programs that all fit the examples (used where a chance fit is likely, e.g. a
 * boolean answer on a few examples): smaller is better, a "magic" number the spec never mentions
 * costs extra, and each further input field the program reads counts in its favour (a program
 * that ignores most of its input is more likely to fit by accident).
 */
import type { Expr } from "./types.ts";

function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.k) {
    case "op":
      for (const a of e.args) walk(a, visit);
      return;
    case "get":
      walk(e.obj, visit);
      return;
    case "lam":
      walk(e.arr, visit);
      walk(e.body, visit);
      if (e.body2) walk(e.body2, visit);
      return;
    case "if":
      walk(e.cond, visit);
      walk(e.then, visit);
      walk(e.else, visit);
      return;
    case "obj":
      for (const [, v] of e.fields) walk(v, visit);
      return;
    default:
      return;
  }
}

export function programScore(e: Expr, size: number, mentioned: readonly number[]): number {
  const paths = new Set<string>();
  let magic = 0;
  walk(e, (n) => {
    if (n.k === "in" || n.k === "x") paths.add(`${n.k}:${n.path.join(".")}`);
    if (n.k === "const" && typeof n.value === "number" && n.value !== 0 && !mentioned.includes(n.value)) magic++;
  });
  return size + 2 * magic - Math.max(0, paths.size - 1);
}

/**
 * The lines of the input's texts as sources for the search's lambdas (round 24, line-ops.ts), and
 * the texts a line-wise answer may join its lines with. Apart from line-ops.ts, which the op table
 * imports: this module reads the contexts, which read the evaluator, which reads the op table.
 */
import { fieldPaths, makeSource } from "./contexts.ts";
import type { SourceRows, WindowSource } from "./contexts.ts";
import { getPath } from "./evaluate.ts";
import { linesOf, speaksOfLines } from "./line-ops.ts";
import type { Expr, Json } from "./types.ts";

/** The text fields of the input (the input itself when it is a text), by path. */
function textPaths(inputs: readonly Json[]): string[][] {
  if (inputs.length === 0) return [];
  if (inputs.every((v) => typeof v === "string")) return [[]];
  return fieldPaths(inputs).filter((p) => inputs.every((v) => typeof getPath(v, p) === "string"));
}

/** The expression that builds the lines of the text at `path`. */
export function linesExpr(path: readonly string[]): Expr {
  return { k: "op", op: "lines", args: [{ k: "in", path }] };
}

/**
 * The lines of each text field of the input as a source, and the term that builds them, where some
 * example's text holds a line break or the description speaks of lines.
 */
export function lineSources(inputs: readonly Json[], description: string): WindowSource[] {
  const out: WindowSource[] = [];
  const speaks = speaksOfLines(description);
  for (const path of textPaths(inputs)) {
    const texts = inputs.map((v) => getPath(v, path) as string);
    if (!speaks && !texts.some((t) => t.includes("\n"))) continue;
    const perExample = texts.map(linesOf);
    const rows: SourceRows = makeSource(`${path.length ? path.join(".") : "input"}:lines`, perExample);
    const term = { expr: linesExpr(path), size: 2, vals: perExample, kind: "arr" as const, elem: "str" as const, src: rows.id };
    out.push({ rows, term });
  }
  return out;
}

/** `join(... with "x")` in the description: `"a, b"`, `', '`. */
const JOIN_WITH = /\bjoin(?:ed|s|ing)?\b[^.]{0,40}?\bwith\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`)/gi;

/**
 * The texts a line-wise answer may join its lines with: "\n", and any the description states
 * ("join the rest with \", \"").
 */
export function joinSeparators(description: string): string[] {
  const out = ["\n"];
  for (const m of description.matchAll(JOIN_WITH)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? "";
    const sep = raw.replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\(.)/g, "$1");
    if (sep !== "" && !out.includes(sep)) out.push(sep);
  }
  return out;
}

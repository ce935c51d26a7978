/**
 * The strings a string program cuts pieces from: the input's string fields, its numbers as text
 * (also with fixed decimals, zero-padded to a width the outputs show, or as a duration "2:05" or
 * "1h 5m" where the outputs look like one), a text's length written out (less up to two
 * characters), and a few whole-string rewrites the outputs hint at (digits only, words' initials,
 * spaces replaced by a separator).
 */
import { OPS_BY_NAME } from "../op-table.ts";
import { FAIL } from "../ops.ts";
import type { Entry, Expr, Json } from "../types.ts";
import { konst as c, op } from "../expr.ts";

export interface Source {
  readonly expr: Expr;
  readonly vals: readonly string[];
  /** Extra size of the rewrite over the plain field. */
  readonly cost: number;
}


const MAX_SOURCES = 24;

/** The terminals' string fields and rewrites of them, computed on the terminals' own values. */
export function stringSources(terminals: readonly Entry[], targets: readonly string[]): Source[] {
  const out: Source[] = [];
  const seen = new Set<string>();
  const add = (expr: Expr, cost: number): void => {
    if (expr.k !== "op") return void pushSource(expr, (terminals.find((t) => t.expr === expr) as Entry).vals, cost);
    const base = terminals.find((t) => t.expr === expr.args[0]) as Entry;
    const def = OPS_BY_NAME.get(expr.op);
    const consts = expr.args.slice(1).map((a) => (a.k === "const" ? a.value : null));
    const vals: Json[] = [];
    for (const v of base.vals) {
      const got = def ? def.apply(v, consts[0] ?? null, consts[1] ?? undefined) : FAIL;
      if (got === FAIL) return;
      vals.push(got);
    }
    pushSource(expr, vals, cost);
  };
  const pushSource = (expr: Expr, vals: readonly Json[], cost: number): void => {
    if (!vals.every((v): v is string => typeof v === "string")) return;
    const key = JSON.stringify(vals);
    if (seen.has(key) || out.length >= MAX_SOURCES) return;
    seen.add(key);
    out.push({ expr, vals: vals as string[], cost });
  };
  const joined = targets.join("\n");
  const digitRuns = new Set((joined.match(/[0-9]+/g) ?? []).map((d) => d.length));
  const separators = [...new Set(joined.match(/[^A-Za-z0-9\s]/g) ?? [])];
  const fields = terminals.filter((t) => t.size === 1 && !t.isConst && !t.threshold && (t.kind === "str" || t.kind === "num"));
  for (const f of fields) add(f.kind === "num" ? op("toString", f.expr) : f.expr, 0);
  for (const f of fields) {
    if (f.kind === "num") {
      if (joined.includes(".")) for (const d of [2, 1]) add(op("toFixed", f.expr, c(d)), 1);
      // Thousands separated by commas ("1,234.50"), where an answer has a comma between digits.
      if (/[0-9],[0-9]{3}/.test(joined)) for (const d of [0, 2, 1]) add(op("grouped", f.expr, c(d)), 1);
      for (const w of [...digitRuns].sort((a, b) => a - b)) if (w > 1 && (f.vals as number[]).some((v) => String(v).length < w)) add(op("padStart", f.expr, c(w)), 1);
      // A count of seconds or minutes as "2:05" or "1h 5m" (round 12), where an answer looks like one.
      if (/[0-9]:[0-5][0-9]/.test(joined)) add(op("colonText", f.expr), 1);
      if (/[0-9][hm]\b/.test(joined)) add(op("durationText", f.expr), 1);
      continue;
    }
    if (/[0-9]/.test(joined)) add(op("keep", f.expr, c("digits")), 1);
    // How long the text is, written out ("Report (12 chars)"), or less the characters kept beside
    // it ("i18n": the letters between the first and the last), where an answer has digits the
    // text itself lacks.
    if (/[0-9]/.test(joined) && !(f.vals as string[]).some((v) => /[0-9]/.test(v))) {
      for (const less of [0, 1, 2]) {
        const n = (f.vals as string[]).map((v) => v.length - less);
        if (n.every((x) => x >= 0)) pushSource(op("toString", less === 0 ? op("len", f.expr) : op("sub", op("len", f.expr), c(less))), n.map(String), 1 + less / 2);
      }
    }
    if (/[A-Z]/.test(joined)) for (const sep of ["", ".", " ", ...separators]) add(op("initials", f.expr, c(sep)), 1.5);
    for (const sep of [...separators, ""]) if ((f.vals as string[]).some((v) => /\s/.test(v))) add(op("replaceRe", f.expr, c("\\s+"), c(sep)), 1.5);
  }
  return out;
}

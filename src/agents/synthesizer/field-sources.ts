/**
 * The fields of a text cut at the mark the description names ("comma-separated", "separated by
 * semicolons", "split at each \"|\"") as sources for the search's lambdas, as the lines of a text
 * are (line-sources.ts). Without them the fields are only a value (`row.split(",")`), never an
 * array whose items a lambda trims, tests or counts, so "the fields, each trimmed" was out of reach
 * and a split at every space, right only while no field holds one, was what the search found.
 */
import { fieldPaths, makeSource } from "./contexts.ts";
import type { WindowSource } from "./contexts.ts";
import { getPath } from "./evaluate.ts";
import type { Expr, Json } from "./types.ts";

/** A mark by its name (the word for a space is no mark here: that is the split at spaces itself). */
const MARK_NAMES: Record<string, string> = {
  comma: ",",
  commas: ",",
  semicolon: ";",
  semicolons: ";",
  colon: ":",
  colons: ":",
  pipe: "|",
  pipes: "|",
  slash: "/",
  slashes: "/",
  tab: "\t",
  tabs: "\t",
};
const NAMED = Object.keys(MARK_NAMES).join("|");
/** "comma-separated", "semicolon delimited". */
/** A quoted mark: one to three marks ("...") or a short word (" and "), a space on either side or not. */
const QUOTED_MARK = " ?(?:[^\"'\\s\\w]{1,3}|[a-z]{1,4}) ?";
const NAME_SEPARATED = new RegExp(`\\b(${NAMED})[- ](?:separated|delimited)\\b`, "gi");
/**
 * "separated by commas", "split at each comma", "split on a ';'", "separated by \" | \"" (a quoted
 * mark may have a space on either side), "separated by a comma and a space" (round 36), "separated
 * by \"...\"", "separated by \" and \"", "a comma followed by a space" (stop 49).
 */
const SEPARATED_BY = new RegExp(`\\b(?:separated|delimited|split|cut|divided)\\s+(?:by|at|on)\\s+(?:each\\s+|every\\s+|an?\\s+|the\\s+)?(?:(${NAMED})\\b(\\s+(?:and|followed\\s+by)\\s+(?:a|one)\\s+space\\b)?|"(${QUOTED_MARK})"|'(${QUOTED_MARK})')`, "gi");

/** The marks the description says its texts are cut at. */
export function namedSeparators(description: string): string[] {
  const out: string[] = [];
  const add = (m: string | undefined): void => void (m && !out.includes(m) && out.push(m));
  for (const m of description.matchAll(NAME_SEPARATED)) add(MARK_NAMES[(m[1] ?? "").toLowerCase()]);
  for (const m of description.matchAll(SEPARATED_BY)) {
    const named = m[1] ? MARK_NAMES[m[1].toLowerCase()] : undefined;
    add(named !== undefined ? named + (m[2] ? " " : "") : (m[3] ?? m[4]));
  }
  return out;
}

/** The expression that cuts the text at `path` into fields at `mark`. */
export function fieldsExpr(path: readonly string[], mark: string): Expr {
  return { k: "op", op: "split", args: [{ k: "in", path }, { k: "const", value: mark }] };
}

/** Text fields of the input (the input itself when it is a text) holding the mark in some example. */
function markedTexts(inputs: readonly Json[], mark: string): string[][] {
  if (inputs.length === 0) return [];
  const paths = inputs.every((v) => typeof v === "string") ? [[]] : fieldPaths(inputs).filter((p) => inputs.every((v) => typeof getPath(v, p) === "string"));
  return paths.filter((p) => inputs.some((v) => (getPath(v, p) as string).includes(mark)));
}

/** The fields of each text of the input at each mark the description names, as a source with the term that builds them. */
export function fieldSources(inputs: readonly Json[], description: string): WindowSource[] {
  const out: WindowSource[] = [];
  for (const mark of namedSeparators(description)) {
    for (const path of markedTexts(inputs, mark)) {
      const perExample = inputs.map((v) => (getPath(v, path) as string).split(mark));
      const rows = makeSource(`${path.length ? path.join(".") : "input"}:fields${JSON.stringify(mark)}`, perExample);
      out.push({ rows, term: { expr: fieldsExpr(path, mark), size: 3, vals: perExample, kind: "arr", elem: "str", src: rows.id } });
    }
  }
  return out;
}

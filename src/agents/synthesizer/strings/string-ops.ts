/**
 * The string sub-language's operations (FlashFill's kind): a position found by a token class, a
 * slice between two positions, characters of a class kept, a pattern replaced everywhere, the
 * initials of the words, proper case. Each computes exactly what its JavaScript computes.
 */
import { PREC, binary, call, code, method, w } from "../code.ts";
import type { Code } from "../code.ts";
import { FAIL } from "../ops.ts";
import type { OpDef, Out } from "../ops.ts";
import type { Json } from "../types.ts";

/** A token class: its regular expression source (matched globally). */
export const TOKEN_CLASSES: readonly { readonly name: string; readonly re: string }[] = [
  { name: "digits", re: "[0-9]+" },
  { name: "letters", re: "[A-Za-z]+" },
  { name: "upper", re: "[A-Z]" },
  { name: "lower", re: "[a-z]+" },
  { name: "alnum", re: "[A-Za-z0-9]+" },
  { name: "word", re: "\\S+" },
  { name: "space", re: "\\s+" },
];

export interface TokenPosition {
  readonly re: string;
  /** Which match: 0, 1, … from the start, -1, -2, … from the end. */
  readonly n: number;
  readonly side: "start" | "end";
}

const matchCache = new Map<string, Map<string, { index: number; end: number }[]>>();

export function matchesOf(text: string, re: string): { index: number; end: number }[] {
  let byText = matchCache.get(re);
  if (!byText) matchCache.set(re, (byText = new Map()));
  let got = byText.get(text);
  if (!got) {
    got = [...text.matchAll(new RegExp(re, "g"))].map((m) => ({ index: m.index, end: m.index + m[0].length }));
    if (byText.size > 5000) byText.clear();
    byText.set(text, got);
  }
  return got;
}

export function tokenPosition(text: string, p: TokenPosition): number | undefined {
  const ms = matchesOf(text, p.re);
  const m = p.n >= 0 ? ms[p.n] : ms[ms.length + p.n];
  if (!m) return undefined;
  return p.side === "start" ? m.index : m.end;
}

/**
 * The pattern as a regex literal. `RegExp#source` escapes what a literal needs (a `/`, a line break)
 * and leaves an already escaped `\/` alone: escaping every `/` by hand made `\\/`, which ends the
 * literal early (the emitted plugin threw while the search's evaluator, using `new RegExp`, fit).
 */
export function regexLiteral(re: string): string {
  return `/${new RegExp(re).source}/g`;
}

const KEEP: Record<string, string> = { digits: "[^0-9]", letters: "[^A-Za-z]", alnum: "[^A-Za-z0-9]" };

const isStr = (v: Json): v is string => typeof v === "string";

function op(name: string, arity: 1 | 2 | 3, apply: (a: Json, b: Json, c?: Json) => Out, emit: (args: readonly Code[]) => Code): OpDef {
  return { name, arity, accepts: () => false, apply, emit: (args) => emit(args) };
}

/** Runs of digits (with a decimal part) in text: the numbers a person reads in "01:30" or "2024-08-15". */
export const NUMBER_RE = "\\d+(?:\\.\\d+)?";

export const STRING_OPS: readonly OpDef[] = [
  op("numAt", 2, (s, k) => {
    if (!isStr(s) || !Number.isInteger(k)) return FAIL;
    const v = (s.match(new RegExp(NUMBER_RE, "g")) ?? []).at(k as number);
    return v === undefined ? FAIL : Number(v);
  }, ([s, k]) => {
    const n = Number((k as Code).text);
    return call("Number", code(`${w(s as Code, PREC.member)}.match(${regexLiteral(NUMBER_RE)})${n >= 0 ? `[${n}]` : `.at(${n})`}`));
  }),
  op("slice2", 3, (s, a, b) => (isStr(s) && Number.isInteger(a) && Number.isInteger(b) ? s.slice(a as number, b as number) : FAIL), ([s, a, b]) =>
    method(s as Code, "slice", a as Code, b as Code)),
  op("tokPos", 2, (s, p) => {
    if (!isStr(s) || p === null || typeof p !== "object") return FAIL;
    return tokenPosition(s, p as unknown as TokenPosition) ?? FAIL;
  }, ([s, p]) => {
    const pos = JSON.parse((p as Code).text) as TokenPosition;
    const all = `[...${w(s as Code, PREC.member)}.matchAll(${regexLiteral(pos.re)})]`;
    const m = pos.n >= 0 ? `${all}[${pos.n}]` : `${all}.at(${pos.n})`;
    return pos.side === "start" ? code(`${m}.index`) : code(`${m}.index + ${m}[0].length`, PREC.add);
  }),
  op("keep", 2, (s, cls) => (isStr(s) && typeof cls === "string" && KEEP[cls] ? s.replace(new RegExp(KEEP[cls] as string, "g"), "") : FAIL), ([s, cls]) =>
    method(s as Code, "replace", code(regexLiteral(KEEP[JSON.parse((cls as Code).text) as string] as string)), code('""'))),
  op("replaceRe", 3, (s, re, by) => (isStr(s) && isStr(re) && by !== undefined && isStr(by) ? s.replace(new RegExp(re, "g"), by as string) : FAIL), ([s, re, by]) =>
    method(s as Code, "replace", code(regexLiteral(JSON.parse((re as Code).text) as string)), by as Code)),
  op("initials", 2, (s, sep) => (isStr(s) && isStr(sep) ? (s.match(/\S+/g) ?? []).map((t) => t[0]).join(sep) : FAIL), ([s, sep]) =>
    code(`(${w(s as Code, PREC.member)}.match(/\\S+/g) ?? []).map((word) => word[0]).join(${(sep as Code).text})`)),
  op("proper", 1, (s) => (isStr(s) ? s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() : FAIL), ([s]) =>
    binary(method(method(s as Code, "charAt", code("0")), "toUpperCase"), "+", method(method(s as Code, "slice", code("1")), "toLowerCase"), PREC.add)),
];

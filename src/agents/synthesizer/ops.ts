/**
 * The primitive operations of the DSL: for each, which argument kinds it accepts, what it computes
 * (exactly what its emitted JavaScript computes), and how it is written in JavaScript.
 */
import { PREC, binary, call, code, method, template, templateParts, w } from "./code.ts";
import type { Code, Scope } from "./code.ts";
import { CASE_STYLES } from "./case-styles.ts";
import { isPrimitiveKind } from "./kinds.ts";
import type { Entry, Expr, Json, Kind } from "./types.ts";

export const FAIL: unique symbol = Symbol("fail");
export type Out = Json | typeof FAIL;

export interface OpDef {
  readonly name: string;
  readonly arity: 1 | 2 | 3;
  readonly commutative?: boolean;
  /** Whether the op applies to entries of these kinds (checked once per pair, not per row). */
  readonly accepts: (a: Entry, b: Entry) => boolean;
  readonly apply: (a: Json, b: Json, c?: Json) => Out;
  readonly emit: (args: readonly Code[], scope: Scope) => Code;
  /** Arrays whose elements are the first argument's elements keep its source. */
  readonly keepsSource?: boolean;
  /** Size the op adds to a program (default 1): reordering ops cost more, so plainer programs win. */
  readonly cost?: number;
  /** Which value kinds a binary op's arguments can have, for ops defined outside `BINARY_KINDS`. */
  readonly kinds?: readonly [readonly Kind[], readonly Kind[]];
}

const num = (e: Entry): boolean => e.kind === "num" && !e.threshold;
const computedNum = (e: Entry): boolean => num(e) && !e.isConst;
/** An object used as a dictionary (its keys vary), not a record: a record's values are unrelated fields. */
const dictionary = (e: Entry): boolean => {
  if (e.kind !== "obj") return false;
  const shape = (v: Json): string => Object.keys(v as object).sort().join(",");
  return e.vals.some((v) => shape(v) !== shape(e.vals[0] as Json));
};
/** Rounding a value that is whole on every example is the value itself there: a fit by accident elsewhere. */
const fractional = (e: Entry): boolean => computedNum(e) && e.vals.some((v) => !Number.isInteger(v));
const str = (e: Entry): boolean => e.kind === "str" && !e.threshold;
/**
 * A string worth cutting up: not a number turned into text (its digits are no pattern), nor words
 * re-cased in one of round 12's case styles (case-styles.ts): those are written for a reader, not
 * cut again (the words of a file name lowered and split, `"report.pdf"` → `"report pdf"`, fit its
 * stem by accident).
 */
const text = (e: Entry): boolean => str(e) && !e.isConst && !(e.expr.k === "op" && (e.expr.op === "toString" || CASE_STYLES.includes(e.expr.op)));
/**
 * Operations that write a number as text: `String(n)`, and round 12's times, dates and durations
 * written from a count of minutes or days. As a sort key or a text to measure, such text orders or
 * counts by the examples' digit counts ("44m" < "7m"), never by the quantity.
 */
export const NUMBER_TEXT_OPS: readonly string[] = ["toString", "clockText", "colonText", "durationText", "dateTimeText", "dateTimeIso", "dateFromDays"];
/**
 * A number turned into text (or text built from one): its length counts digits, a coincidence of
 * the examples' magnitudes (`String(100 / s.length).length`, `` ` ${n}`.length ``), never a measure.
 */
function numberAsText(e: Entry): boolean {
  let found = false;
  const visit = (x: Expr): void => {
    if (x.k !== "op") return;
    if (["toFixed", "grouped", "padStart", "concat", ...NUMBER_TEXT_OPS].includes(x.op)) found = true;
    for (const a of x.args) visit(a);
  };
  visit(e.expr);
  return found;
}
/** A number read from text (`numAt`): as text again it would lose how it was written ("094" → "94"). */
const readNumber = (e: Entry): boolean => e.expr.k === "op" && e.expr.op === "numAt";
const constStr = (e: Entry): boolean => e.kind === "str" && e.isConst === true;
const numArr = (e: Entry): boolean => e.kind === "arr" && (e.elem === "num" || e.elem === "null");
const primArr = (e: Entry): boolean => e.kind === "arr" && isPrimitiveKind(e.elem);
const isInt = (v: Json): v is number => typeof v === "number" && Number.isInteger(v);
const DAY_MS = 86_400_000;
/** A calendar date written the ISO way, that exists (no 2025-02-30). */
const isoDate = (v: Json): boolean => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = Date.parse(v);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
};
const fin = (v: number): Out => (Number.isFinite(v) ? v : FAIL);
const nums = (v: Json): number[] => v as number[];
const sumOf = (a: number[]): number => a.reduce((s, v) => s + v, 0);
const cmp = (p: Json, q: Json): number => ((p as number) < (q as number) ? -1 : (p as number) > (q as number) ? 1 : 0);

/** `n.toFixed(d)` with a comma between groups of three digits of the whole part (at most 3 decimals, so the regex never reaches them). */
export function grouped(n: number, d: number): Out {
  if (!Number.isFinite(n)) return FAIL;
  return n.toFixed(d).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Texts compared character by character, ignoring case, except that where both have a run of
 * digits the runs compare by their number ("report.pdf", "report1.pdf", "report10.pdf"):
 * `NATURAL_COMPARE` as a function.
 */
export function naturalCompare(p: string, q: string): number {
  const a = p.toLowerCase();
  const b = q.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ra = /^\d+/.exec(a.slice(i))?.[0];
    const rb = /^\d+/.exec(b.slice(j))?.[0];
    if (ra && rb) {
      const d = Number(ra) - Number(rb);
      if (d !== 0) return d;
      i += ra.length;
      j += rb.length;
    } else if (a[i] !== b[j]) {
      return (a[i] as string) < (b[j] as string) ? -1 : 1;
    } else {
      i++;
      j++;
    }
  }
  return a.length - i - (b.length - j);
}
const NATURAL_COMPARE = `(p, q) => {
  const a = p.toLowerCase();
  const b = q.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ra = /^\\d+/.exec(a.slice(i))?.[0];
    const rb = /^\\d+/.exec(b.slice(j))?.[0];
    if (ra && rb) {
      const d = Number(ra) - Number(rb);
      if (d !== 0) return d;
      i += ra.length;
      j += rb.length;
    } else if (a[i] !== b[j]) {
      return a[i] < b[j] ? -1 : 1;
    } else {
      i++;
      j++;
    }
  }
  return a.length - i - (b.length - j);
}`;

function unary(name: string, accepts: (a: Entry) => boolean, apply: (a: Json) => Out, emit: (a: Code, scope: Scope) => Code, keepsSource = false): OpDef {
  return { name, arity: 1, accepts: (a) => accepts(a), apply: (a) => apply(a), emit: ([a], s) => emit(a as Code, s), keepsSource };
}

function bin(name: string, accepts: (a: Entry, b: Entry) => boolean, apply: (a: Json, b: Json) => Out, emit: (a: Code, b: Code) => Code, extra: Partial<OpDef> = {}): OpDef {
  return { name, arity: 2, accepts, apply, emit: ([a, b]) => emit(a as Code, b as Code), ...extra };
}

function costly(op: OpDef): OpDef {
  return { ...op, cost: 2 };
}

const arith = (a: Entry, b: Entry): boolean => num(a) && num(b) && !(a.isConst && b.isConst);
// `x - x`, `x / x`, `x <= x`, `x === x`: constants in disguise, always true or always 0/1.
const arithOther = (a: Entry, b: Entry): boolean => arith(a, b) && a !== b;
const compare = (a: Entry, b: Entry): boolean => computedNum(a) && b.kind === "num" && a !== b;
/** The second argument of split/indexOf/includes: a string constant, or another input's string (a pattern). */
const pattern = (a: Entry, b: Entry): boolean =>
  a !== b && b.kind === "str" && !b.threshold && (b.isConst ? b.vals[0] !== "" : b.size === 1 && (b.expr.k === "in" || b.expr.k === "x") && b.vals.every((v) => v !== ""));
/** A text of the input searched for a pattern (`includes`, and affix-ops.ts's `startsWith`, `endsWith`). */
export const searchedFor = (a: Entry, b: Entry): boolean => text(a) && pattern(a, b);
const smallInt = (e: Entry, max: number): boolean => e.isConst === true && e.kind === "num" && isInt(e.vals[0] as Json) && (e.vals[0] as number) >= 0 && (e.vals[0] as number) <= max;
// Equality against a number merely seen in an input (a threshold candidate) is an overfit magnet.
const same = (a: Entry, b: Entry): boolean =>
  a !== b && isPrimitiveKind(a.kind) && a.kind !== "null" && !a.isConst && !a.threshold && a.kind === b.kind && b.threshold !== true;
const strOrNum = (e: Entry): boolean => (e.kind === "str" || e.kind === "num") && !e.threshold;

export const UNARY_OPS: readonly OpDef[] = [
  unary("len", (a) => (a.kind === "str" || a.kind === "arr") && !a.isConst && !numberAsText(a), (a) => (a as string | Json[]).length, (a) => code(`${w(a, PREC.member)}.length`)),
  unary("words", (a) => text(a), (a) => (a as string).split(/\s+/).filter((t) => t !== ""), (a) => code(`${w(a, PREC.member)}.split(/\\s+/).filter((t) => t !== "")`)),
  unary("upper", (a) => str(a) && !a.isConst, (a) => (a as string).toUpperCase(), (a) => method(a, "toUpperCase")),
  unary("lower", (a) => str(a) && !a.isConst, (a) => (a as string).toLowerCase(), (a) => method(a, "toLowerCase")),
  unary("trim", (a) => str(a) && !a.isConst, (a) => (a as string).trim(), (a) => method(a, "trim")),
  unary("round", fractional, (a) => Math.round(a as number), (a) => call("Math.round", a)),
  unary("floor", fractional, (a) => Math.floor(a as number), (a) => call("Math.floor", a)),
  unary("ceil", fractional, (a) => Math.ceil(a as number), (a) => call("Math.ceil", a)),
  unary("abs", computedNum, (a) => Math.abs(a as number), (a) => call("Math.abs", a)),
  unary("not", (a) => a.kind === "bool" && !a.isConst, (a) => !(a as boolean), (a) => code(`!${w(a, PREC.unary)}`, PREC.unary)),
  // A number read from text back to text loses how it was written ("094" → "94"): the text itself is there to cut.
  unary("toString", (a) => computedNum(a) && !readNumber(a), (a) => String(a), (a) => call("String", a)),
  unary("toNumber", (a) => str(a) && !a.isConst && !(a.expr.k === "op" && ["concat", "toString", "padStart", "toFixed", "grouped"].includes(a.expr.op)), (a) => ((a as string).trim() === "" ? FAIL : fin(Number(a))), (a) => call("Number", a)),
  // An ISO date (2025-06-10) as a count of days: differences of dates are whole days across
  // month and year ends, where the day of the month read as a number is not.
  unary("dayNumber", (a) => str(a) && !a.isConst && a.vals.every(isoDate), (a) => (isoDate(a) ? Date.parse(a as string) / DAY_MS : FAIL), (a) => binary(call("Date.parse", a), "/", code(String(DAY_MS)), PREC.mul)),
  unary("sum", numArr, (a) => sumOf(nums(a)), (a) => method(a, "reduce", code("(sum, v) => sum + v"), code("0"))),
  unary("min", numArr, (a) => (nums(a).length ? Math.min(...nums(a)) : FAIL), (a) => code(`Math.min(...${w(a, PREC.member)})`)),
  unary("max", numArr, (a) => (nums(a).length ? Math.max(...nums(a)) : FAIL), (a) => code(`Math.max(...${w(a, PREC.member)})`)),
  unary("mean", numArr, (a) => (nums(a).length ? sumOf(nums(a)) / nums(a).length : FAIL), (a, s) => {
    const v = s.bind("values", a);
    return binary(method(v, "reduce", code("(sum, x) => sum + x"), code("0")), "/", code(`${v.text}.length`), PREC.mul);
  }),
  unary("median", numArr, (a) => {
    const s = [...nums(a)].sort((p, q) => p - q);
    return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : FAIL;
  }, (a, s) => {
    const v = s.bind("sorted", code(`[...${a.text}].sort((p, q) => p - q)`));
    return binary(code(`(${v.text}[(${v.text}.length - 1) >> 1] + ${v.text}[${v.text}.length >> 1])`), "/", code("2"), PREC.mul);
  }),
  // The element at the middle position of the list as it comes, the later of two middles (round
  // 16): "the middle element" where the lists are not sorted. After the median, so that on sorted
  // examples the median is kept and this is its rival reading (rival-readings.ts `middleTwins`).
  unary("middle", numArr, (a) => ((a as Json[]).length ? ((a as Json[])[(a as Json[]).length >> 1] as Json) : FAIL), (a, s) => {
    const v = s.bind("values", a);
    return code(`${v.text}[${v.text}.length >> 1]`, PREC.member);
  }),
  unary("hasDuplicates", primArr, (a) => new Set(a as Json[]).size !== (a as Json[]).length, (a, s) => {
    const v = s.bind("values", a);
    return code(`new Set(${v.text}).size !== ${v.text}.length`, PREC.eq);
  }),
  costly(unary("distinct", primArr, (a) => [...new Set(a as Json[])], (a) => code(`[...new Set(${a.text})]`), true)),
  costly(unary("sortAsc", (a) => a.kind === "arr" && (a.elem === "num" || a.elem === "str"), (a) => [...(a as Json[])].sort(cmp), (a) =>
    method(code(`[...${a.text}]`), "sort", code("(p, q) => (p < q ? -1 : p > q ? 1 : 0)")), true)),
  costly(unary("sortDesc", (a) => a.kind === "arr" && (a.elem === "num" || a.elem === "str"), (a) => [...(a as Json[])].sort((p, q) => cmp(q, p)), (a) =>
    method(code(`[...${a.text}]`), "sort", code("(p, q) => (p > q ? -1 : p < q ? 1 : 0)")), true)),
  // Natural order (round 11): runs of digits compare by their number ("file2" before "file10",
  // "S1E2" before "S1E10"), other text ignoring letter case. Only over texts with digits and other
  // characters both: elsewhere it is the plain order, a twin with nothing to tell.
  costly(unary("sortNatural", (a) => a.kind === "arr" && a.elem === "str" && a.vals.some((v) => (v as string[]).some((t) => /\d/.test(t) && /\D/.test(t))), (a) => [...(a as string[])].sort(naturalCompare), (a, s) => {
    const natural = s.bind("natural", code(NATURAL_COMPARE, PREC.cond));
    return method(code(`[...${a.text}]`), "sort", natural);
  }, true)),
  costly(unary("reverse", (a) => a.kind === "arr", (a) => [...(a as Json[])].reverse(), (a) => method(code(`[...${a.text}]`), "reverse"), true)),
  unary("last", (a) => a.kind === "arr" && !a.isConst, (a) => ((a as Json[]).length ? ((a as Json[]).at(-1) as Json) : FAIL), (a) => method(a, "at", code("-1"))),
  unary("keys", dictionary, (a) => Object.keys(a as object), (a) => call("Object.keys", a)),
  unary("values", dictionary, (a) => Object.values(a as object) as Json[], (a) => call("Object.values", a)),
];

export const BINARY_OPS: readonly OpDef[] = [
  bin("add", arith, (a, b) => (a as number) + (b as number), (a, b) => binary(a, "+", b, PREC.add), { commutative: true }),
  bin("sub", arithOther, (a, b) => (a as number) - (b as number), (a, b) => binary(a, "-", b, PREC.add)),
  bin("mul", arith, (a, b) => (a as number) * (b as number), (a, b) => binary(a, "*", b, PREC.mul), { commutative: true }),
  bin("div", (a, b) => arithOther(a, b) && !(a.isConst && a.vals[0] !== 1), (a, b) => (b === 0 ? FAIL : fin((a as number) / (b as number))), (a, b) => binary(a, "/", b, PREC.mul)),
  bin("mod", (a, b) => arithOther(a, b) && !a.isConst, (a, b) => (b === 0 ? FAIL : (a as number) % (b as number)), (a, b) => binary(a, "%", b, PREC.mul)),
  bin("min2", arith, (a, b) => Math.min(a as number, b as number), (a, b) => call("Math.min", a, b), { commutative: true }),
  bin("max2", arith, (a, b) => Math.max(a as number, b as number), (a, b) => call("Math.max", a, b), { commutative: true }),
  bin("le", compare, (a, b) => (a as number) <= (b as number), (a, b) => binary(a, "<=", b, PREC.rel)),
  bin("ge", compare, (a, b) => (a as number) >= (b as number), (a, b) => binary(a, ">=", b, PREC.rel)),
  bin("lt", compare, (a, b) => (a as number) < (b as number), (a, b) => binary(a, "<", b, PREC.rel)),
  bin("gt", compare, (a, b) => (a as number) > (b as number), (a, b) => binary(a, ">", b, PREC.rel)),
  bin("eq", same, (a, b) => a === b, (a, b) => binary(a, "===", b, PREC.eq)),
  bin("ne", same, (a, b) => a !== b, (a, b) => binary(a, "!==", b, PREC.eq)),
  bin("and", (a, b) => a.kind === "bool" && b.kind === "bool" && !a.isConst && !b.isConst, (a, b) => (a as boolean) && (b as boolean), (a, b) => binary(a, "&&", b, PREC.and), { commutative: true }),
  bin("or", (a, b) => a.kind === "bool" && b.kind === "bool" && !a.isConst && !b.isConst, (a, b) => (a as boolean) || (b as boolean), (a, b) => binary(a, "||", b, PREC.or), { commutative: true }),
  bin("concat", (a, b) => strOrNum(a) && strOrNum(b) && (a.kind === "str" || b.kind === "str") && !(a.isConst && b.isConst) && !readNumber(a) && !readNumber(b),
    (a, b) => String(a) + String(b), (a, b) => template([...templateParts(a), ...templateParts(b)])),
  bin("split", (a, b) => text(a) && pattern(a, b), (a, b) => (a as string).split(b as string), (a, b) => method(a, "split", b)),
  bin("join", (a, b) => a.kind === "arr" && (a.elem === "str" || a.elem === "num") && constStr(b), (a, b) => (a as Json[]).join(b as string), (a, b) => method(a, "join", b)),
  bin("indexOf", (a, b) => text(a) && pattern(a, b), (a, b) => (a as string).indexOf(b as string), (a, b) => method(a, "indexOf", b)),
  bin("includes", searchedFor, (a, b) => (a as string).includes(b as string), (a, b) => method(a, "includes", b)),
  bin("roundTo", (a, b) => fractional(a) && smallInt(b, 3) && (b.vals[0] as number) > 0, (a, b) => {
    const f = 10 ** (b as number);
    return Math.round((a as number) * f) / f;
  }, (a, b) => binary(call("Math.round", binary(a, "*", code(String(10 ** Number(b.text))), PREC.mul)), "/", code(String(10 ** Number(b.text))), PREC.mul)),
  bin("toFixed", (a, b) => num(a) && !a.isConst && !readNumber(a) && smallInt(b, 4), (a, b) => (a as number).toFixed(b as number), (a, b) => method(a, "toFixed", b)),
  // Thousands separated by commas, with a count of decimals (round 11: "1,234,567", "(1,234.50)").
  // Only where some example's number reaches 1000: below it this is `toFixed`, a twin with nothing to tell.
  bin("grouped", (a, b) => num(a) && !a.isConst && !readNumber(a) && smallInt(b, 3) && a.vals.some((v) => Math.abs(v as number) >= 1000), (a, b) => grouped(a as number, b as number), (a, b) =>
    method(method(a, "toFixed", b), "replace", code("/\\B(?=(\\d{3})+(?!\\d))/g"), code('","'))),
  bin("padStart", (a, b) => strOrNum(a) && !a.isConst && !readNumber(a) && smallInt(b, 12) && (b.vals[0] as number) > 1, (a, b) => String(a).padStart(b as number, "0"), (a, b) =>
    method(call("String", a), "padStart", b, code('"0"'))),
  bin("sliceFrom", (a, b) => (a.kind === "str" || a.kind === "arr") && !a.isConst && num(b), (a, b) => (isInt(b) ? (a as string).slice(b) : FAIL), (a, b) => method(a, "slice", b), { keepsSource: true }),
  bin("sliceTo", (a, b) => (a.kind === "str" || a.kind === "arr") && !a.isConst && num(b), (a, b) => (isInt(b) ? (a as string).slice(0, b) : FAIL), (a, b) => method(a, "slice", code("0"), b), { keepsSource: true }),
  bin("at", (a, b) => (a.kind === "str" || a.kind === "arr") && !a.isConst && num(b), (a, b) => {
    if (!isInt(b)) return FAIL;
    const v = (a as Json[]).at(b);
    return v === undefined ? FAIL : v;
  }, (a, b) => code(/^\d+$/.test(b.text) ? `${w(a, PREC.member)}[${b.text}]` : `${w(a, PREC.member)}.at(${b.text})`)),
];

/** Which value kinds each binary op's arguments can have, so the search pairs only those. */
const NUMS = [["num"], ["num"]] as const;
export const BINARY_KINDS: Readonly<Record<string, readonly [readonly Kind[], readonly Kind[]]>> = {
  add: NUMS, sub: NUMS, mul: NUMS, div: NUMS, mod: NUMS, min2: NUMS, max2: NUMS, le: NUMS, ge: NUMS, lt: NUMS, gt: NUMS,
  eq: [["num", "str", "bool"], ["num", "str", "bool"]],
  ne: [["num", "str", "bool"], ["num", "str", "bool"]],
  and: [["bool"], ["bool"]],
  or: [["bool"], ["bool"]],
  concat: [["str", "num"], ["str", "num"]],
  split: [["str"], ["str"]],
  join: [["arr"], ["str"]],
  indexOf: [["str"], ["str"]],
  includes: [["str"], ["str"]],
  roundTo: NUMS, toFixed: NUMS, grouped: NUMS,
  padStart: [["str", "num"], ["num"]],
  sliceFrom: [["str", "arr"], ["num"]],
  sliceTo: [["str", "arr"], ["num"]],
  at: [["str", "arr"], ["num"]],
};



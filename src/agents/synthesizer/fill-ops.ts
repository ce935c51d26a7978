/**
 * A run of one character as long as a text of the input, less a fixed count (round 18): "the card
 * number with every digit but the last four replaced by *" is `"*".repeat(s.length - 4)` before
 * the last four, where sixteen-digit examples also fit twelve constant stars.
 *
 * - `repeatChar`: the op, never built by the bottom-up search (it would pair every character
 *   with every count); the string solver (strings/index.ts) builds it where an answer is as long
 *   as a text of the input on every example and a run of one character stands in it, and only
 *   where a constant run does not fit as well (it costs more), so it never crowds out a plainer
 *   program;
 * - fill-readings.ts: where a constant run fits because every example's text is as long (a
 *   masked card of sixteen digits each time), the run tracking the text's length is a rival
 *   reading, asked about on a text of another length.
 */
import { PREC, code, method, w } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef, Out } from "./ops.ts";
import type { Expr, Json } from "./types.ts";

const isStr = (v: Json): v is string => typeof v === "string";

/** `ch.repeat(n)`, none when `n` is below zero (as emitted: `Math.max(0, n)`, so a short text never throws). */
export const REPEAT_CHAR: OpDef = {
  name: "repeatChar",
  arity: 2,
  accepts: () => false,
  apply: (a, b): Out => (isStr(a) && a.length === 1 && typeof b === "number" && Number.isInteger(b) ? a.repeat(Math.max(0, b)) : FAIL),
  emit: ([a, b]) => {
    const n = b as Code;
    // A text's whole length is never below zero.
    const count = /\.length$/.test(n.text) && n.prec >= PREC.member ? n.text : `Math.max(0, ${n.text})`;
    return code(`${w(a as Code, PREC.member)}.repeat(${count})`);
  },
};

/**
 * A text padded to a width with one character, on the right (`padEndChar`) or the left
 * (`padStartChar`), as `s.padEnd(10, ".")` (round 18d): "the name padded with dots to 10
 * characters", where names all of one length also fit a constant run of dots. Written by the
 * string solver where the examples' lengths differ (a constant run does not fit there); a
 * rival of the constant run where they do not (fill-readings.ts). A text already as wide is
 * left as it is, as JavaScript's padEnd does.
 */
function padOp(name: string, side: "padEnd" | "padStart"): OpDef {
  return {
    name,
    arity: 3,
    accepts: () => false,
    apply: (s, width, ch): Out => (isStr(s) && typeof width === "number" && Number.isInteger(width) && width >= 0 && ch !== undefined && isStr(ch) && ch.length === 1 ? s[side](width, ch) : FAIL),
    emit: ([s, width, ch]) => method(s as Code, side, width as Code, ch as Code),
  };
}

export const PAD_END_CHAR: OpDef = padOp("padEndChar", "padEnd");
export const PAD_START_CHAR: OpDef = padOp("padStartChar", "padStart");

/** `text` padded to `width` with `ch` on the given side. */
export function padExpr(text: Expr, width: number, ch: string, side: "end" | "start"): Expr {
  return { k: "op", op: side === "end" ? "padEndChar" : "padStartChar", args: [text, { k: "const", value: width }, { k: "const", value: ch }] };
}

/** `ch` repeated as many times as `text` is long, less `less`. */
export function fillExpr(ch: string, text: Expr, less: number): Expr {
  const len: Expr = { k: "op", op: "len", args: [text] };
  return { k: "op", op: "repeatChar", args: [{ k: "const", value: ch }, less === 0 ? len : { k: "op", op: "sub", args: [len, { k: "const", value: less }] }] };
}

/** A run of one character, two or more long. */
export function runOf(s: string): string | undefined {
  const ch = s.charAt(0);
  return s.length >= 2 && s === ch.repeat(s.length) ? ch : undefined;
}

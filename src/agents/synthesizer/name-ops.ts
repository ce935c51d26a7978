/**
 * Operations that give things their English names (round 8): the weekday and the month of an ISO
 * date, and the digits of a text read out one by one ("40-7" → ["four", "zero", "seven"]). A
 * person writes "Friday" for 2024-03-15 or "one two three" for "123" without thinking; no
 * arithmetic or cutting of the input reaches those words, so without these the search either gives
 * up or publishes a coincidence. Each applies only where its input is of its kind (an ISO date, a
 * text with a digit), so it adds little to the search elsewhere, and a name can only match an
 * output that is itself such a name: no program fits by accident through them.
 */
import { code, w } from "./code.ts";
import { PREC } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef, Out } from "./ops.ts";
import type { Entry, Json } from "./types.ts";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
export const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date as UTC midnight, when it is a real ISO calendar date (no 2025-02-30). */
function isoDay(v: Json): Date | undefined {
  if (typeof v !== "string" || !ISO_DATE.test(v)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v) ? undefined : d;
}

/** A computed text field whose every value is an ISO date. */
const dateField = (e: Entry): boolean => e.kind === "str" && !e.isConst && !e.threshold && e.vals.every((v) => isoDay(v) !== undefined);
/**
 * A text of the input (a field, not a constant nor text built from a number: `String(day.length)`
 * read out as "three" is a coincidence, never a task) in which some example has a digit to read out.
 */
const textWithDigits = (e: Entry): boolean =>
  e.kind === "str" && !e.isConst && !e.threshold && (e.expr.k === "in" || e.expr.k === "x") && e.vals.some((v) => /[0-9]/.test(v as string));

const list = (names: readonly string[]): string => `[${names.map((n) => JSON.stringify(n)).join(", ")}]`;

function nameOf(name: string, names: readonly string[], index: (d: Date) => number, getter: string): OpDef {
  return {
    name,
    arity: 1,
    accepts: (a) => dateField(a),
    apply: (a): Out => {
      const d = isoDay(a);
      return d ? (names[index(d)] as string) : FAIL;
    },
    emit: ([a]) => code(`${list(names)}[new Date(${(a as Code).text}).${getter}()]`),
  };
}

export const NAME_OPS: readonly OpDef[] = [
  nameOf("weekdayName", WEEKDAYS, (d) => d.getUTCDay(), "getUTCDay"),
  nameOf("monthName", MONTHS, (d) => d.getUTCMonth(), "getUTCMonth"),
  {
    name: "digitWords",
    arity: 1,
    accepts: (a) => textWithDigits(a),
    apply: (a): Out => (typeof a === "string" ? [...a.replace(/[^0-9]/g, "")].map((d) => DIGIT_WORDS[Number(d)] as string) : FAIL),
    emit: ([a]) => code(`[...${w(a as Code, PREC.member)}.replace(/[^0-9]/g, "")].map((d) => ${list(DIGIT_WORDS)}[d])`),
  },
];

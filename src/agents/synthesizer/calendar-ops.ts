/**
 * Time of day and calendar arithmetic (round 12). A person writes "23:00" and "07:00" for a night's
 * sleep, "2026-06-01T12:00Z" for a moment, "1h 5m" for a duration, and expects the answer to carry
 * across midnight, a month end or a day boundary. Cutting the texts or doing arithmetic on the
 * numbers in them fits two examples and is wrong at the first midnight, so these read and write
 * those forms as quantities:
 *
 * - `clockMinutes`: a time of day "HH:MM" as minutes since midnight;
 * - `minutesUntil` / `minutesUntilNext`: minutes from one time of day forward to another, across
 *   midnight; the two differ only where the times are equal (0, or a whole day): rival readings;
 * - `clockText`: minutes as a time of day "HH:MM", wrapped around midnight either way, and
 *   `colonText`: a count of seconds or minutes as "M:SS" or "H:MM" (a duration: no wrap);
 * - `dateFromDays`: a count of days (`dayNumber`, ops.ts) back to an ISO date, so a date at an offset
 *   of days crosses month and year ends;
 * - `weekdayNumber` (Sunday 0) and `isoWeekday` (Monday 1 … Sunday 7) of an ISO date: rival readings;
 * - `dateTimeMinutes`: "YYYY-MM-DDTHH:MM" (a `Z`, seconds or a space for the `T` allowed) as minutes
 *   since 1970 in UTC, and `dateTimeText` / `dateTimeIso` back ("YYYY-MM-DD HH:MM", "…THH:MM");
 * - `durationMinutes`: "1h 5m", "2 hours 30 min", "90s" as minutes, and `durationText` back ("1h 5m").
 *
 * Each applies only to values of its form (texts that all parse, numbers made from those texts), so
 * they add little to the search elsewhere, and what they write can only match an answer of that form.
 * Every op's `apply` computes exactly what its emitted JavaScript computes; helpers are emitted once
 * per plugin (`helper`).
 */
import { code, helper, w } from "./code.ts";
import { PREC } from "./code.ts";
import type { Code, Scope } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef, Out } from "./ops.ts";
import { walk } from "./rank.ts";
import type { Entry, Expr, Json } from "./types.ts";

const DAY_MINUTES = 1440;
const CLOCK = /^([01]?\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?Z?$/;
/** One or more "number unit" parts: "1h 5m", "2 hours, 30 minutes", "90s". */
const DURATION = /^\s*(\d+(\.\d+)?\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\s*,?\s*)+$/i;
const DURATION_PART = /(\d+(?:\.\d+)?)\s*([dhms])/gi;
const UNIT_MINUTES: Readonly<Record<string, number>> = { d: 1440, h: 60, m: 1, s: 1 / 60 };

const pad2 = (n: number): string => String(n).padStart(2, "0");
const isStr = (v: Json): v is string => typeof v === "string";
const field = (e: Entry): boolean => e.kind === "str" && !e.isConst && !e.threshold;
const allMatch = (e: Entry, re: RegExp): boolean => field(e) && e.vals.every((v) => isStr(v) && re.test(v));
const wholeNum = (e: Entry): boolean => e.kind === "num" && !e.isConst && !e.threshold && e.vals.every((v) => Number.isInteger(v));
/** A number computed from one of `ops` (a time read from text): only those become a time again. */
function madeBy(e: Expr, ops: readonly string[]): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && ops.includes(n.op)));
  return found;
}

// The semantics, shared by `apply` and written out again in the emitted helpers below.
export function clockMinutes(t: string): Out {
  if (!CLOCK.test(t)) return FAIL;
  const i = t.indexOf(":");
  return Number(t.slice(0, i)) * 60 + Number(t.slice(i + 1));
}
function forward(a: Json, b: Json, next: boolean): Out {
  if (!isStr(a) || !isStr(b)) return FAIL;
  const p = clockMinutes(a);
  const q = clockMinutes(b);
  if (p === FAIL || q === FAIL) return FAIL;
  const d = ((((q as number) - (p as number)) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return next && d === 0 ? DAY_MINUTES : d;
}
export function clockText(n: number): string {
  const m = ((n % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}
function isoDay(v: Json): Date | undefined {
  if (!isStr(v) || !ISO_DATE.test(v)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v) ? undefined : d;
}
export function dateTimeMinutes(s: string): Out {
  if (!DATE_TIME.test(s)) return FAIL;
  const t = Date.parse(`${s.slice(0, 10)}T${s.slice(11, 16)}Z`);
  return Number.isNaN(t) ? FAIL : t / 60000;
}
export function durationMinutes(s: string): Out {
  if (!DURATION.test(s)) return FAIL;
  let total = 0;
  for (const m of s.matchAll(DURATION_PART)) total += Number(m[1]) * (UNIT_MINUTES[(m[2] as string).toLowerCase()] as number);
  return total;
}
export function durationText(n: number): Out {
  if (!Number.isInteger(n) || n < 0) return FAIL;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

const CLOCK_JS = `(t) => {
  const i = t.indexOf(":");
  return Number(t.slice(0, i)) * 60 + Number(t.slice(i + 1));
}`;
const CLOCK_TEXT_JS = `(n) => {
  const m = ((n % 1440) + 1440) % 1440;
  return \`\${String(Math.floor(m / 60)).padStart(2, "0")}:\${String(m % 60).padStart(2, "0")}\`;
}`;
const DURATION_JS = `(s) => {
  const unit = { d: 1440, h: 60, m: 1, s: 1 / 60 };
  let total = 0;
  for (const m of s.matchAll(/(\\d+(?:\\.\\d+)?)\\s*([dhms])/gi)) total += Number(m[1]) * unit[m[2].toLowerCase()];
  return total;
}`;
const DURATION_TEXT_JS = `(n) => {
  const h = Math.floor(n / 60);
  const m = n % 60;
  return h === 0 ? \`\${m}m\` : m === 0 ? \`\${h}h\` : \`\${h}h \${m}m\`;
}`;

const call1 = (fn: Code, a: Code): Code => code(`${fn.text}(${a.text})`);

function unary(name: string, accepts: (a: Entry) => boolean, apply: (a: Json) => Out, emit: (a: Code, s: Scope) => Code): OpDef {
  return { name, arity: 1, accepts: (a) => accepts(a), apply: (a) => apply(a), emit: ([a], s) => emit(a as Code, s) };
}

const clockField = (e: Entry): boolean => allMatch(e, CLOCK);
/**
 * A count written as a duration in the search: one read from times or durations. A number of the
 * input (seconds, minutes) is written so by the string sub-language, where an answer looks like
 * one (strings/sources.ts): built for every whole number, such texts cost dev's bmi its budget.
 */
const countOfTime = (e: Entry): boolean =>
  wholeNum(e) && e.vals.every((v) => (v as number) >= 0) && madeBy(e.expr, ["clockMinutes", "minutesUntil", "minutesUntilNext", "durationMinutes", "dateTimeMinutes"]);
const dateField = (e: Entry): boolean => field(e) && e.vals.every((v) => isoDay(v) !== undefined);
const weekday = (d: Date): number => d.getUTCDay();

export const CALENDAR_UNARY: readonly OpDef[] = [
  unary("clockMinutes", clockField, (a) => (isStr(a) ? clockMinutes(a) : FAIL), (a, s) => call1(helper(s, "clockMinutes", CLOCK_JS), a)),
  // Minutes as a time of day: only a number read from a time (a time plus or minus minutes), never
  // any whole number of the search (seconds written "01:00" and cut to "1:00" fit by the wrap's accident).
  unary("clockText", (a) => wholeNum(a) && madeBy(a.expr, ["clockMinutes"]), (a) => (Number.isInteger(a) ? clockText(a as number) : FAIL), (a, s) =>
    call1(helper(s, "clockText", CLOCK_TEXT_JS), a)),
  // A count of seconds or minutes as "M:SS" or "H:MM": the larger unit whole and unbounded, the
  // smaller on two digits (125 → "2:05", 61 → "1:01"). No wrap: a duration, not a time of day.
  unary("colonText", (a) => countOfTime(a), (a) => (Number.isInteger(a) && (a as number) >= 0 ? `${Math.floor((a as number) / 60)}:${pad2((a as number) % 60)}` : FAIL), (a, s) => {
    const v = s.bind("count", a);
    return code(`\`\${Math.floor(${v.text} / 60)}:\${String(${v.text} % 60).padStart(2, "0")}\``);
  }),
  unary("dateFromDays", (a) => wholeNum(a) && madeBy(a.expr, ["dayNumber"]), (a) => {
    if (!Number.isInteger(a)) return FAIL;
    const d = new Date((a as number) * 86_400_000);
    return Number.isNaN(d.getTime()) ? FAIL : d.toISOString().slice(0, 10);
  }, (a) => code(`new Date(${w(a, PREC.mul)} * 86400000).toISOString().slice(0, 10)`)),
  unary("weekdayNumber", dateField, (a) => {
    const d = isoDay(a);
    return d ? weekday(d) : FAIL;
  }, (a) => code(`new Date(${a.text}).getUTCDay()`)),
  unary("isoWeekday", dateField, (a) => {
    const d = isoDay(a);
    return d ? weekday(d) || 7 : FAIL;
  }, (a) => code(`(new Date(${a.text}).getUTCDay() || 7)`)),
  unary("dateTimeMinutes", (a) => allMatch(a, DATE_TIME), (a) => (isStr(a) ? dateTimeMinutes(a) : FAIL), (a) => {
    const v = w(a, PREC.member);
    return code(`Date.parse(\`\${${v}.slice(0, 10)}T\${${v}.slice(11, 16)}Z\`) / 60000`, PREC.mul);
  }),
  unary("dateTimeText", (a) => wholeNum(a) && madeBy(a.expr, ["dateTimeMinutes"]), (a) => (Number.isInteger(a) ? new Date((a as number) * 60000).toISOString().slice(0, 16).replace("T", " ") : FAIL), (a) =>
    code(`new Date(${w(a, PREC.mul)} * 60000).toISOString().slice(0, 16).replace("T", " ")`)),
  unary("dateTimeIso", (a) => wholeNum(a) && madeBy(a.expr, ["dateTimeMinutes"]), (a) => (Number.isInteger(a) ? new Date((a as number) * 60000).toISOString().slice(0, 16) : FAIL), (a) =>
    code(`new Date(${w(a, PREC.mul)} * 60000).toISOString().slice(0, 16)`)),
  // A duration must name a unit somewhere: "90" alone is a number, read as one elsewhere.
  unary("durationMinutes", (a) => allMatch(a, DURATION) && a.vals.some((v) => /[a-z]/i.test(v as string)), (a) => (isStr(a) ? durationMinutes(a) : FAIL), (a, s) =>
    call1(helper(s, "durationMinutes", DURATION_JS), a)),
  unary("durationText", (a) => countOfTime(a), (a) => (typeof a === "number" ? durationText(a) : FAIL), (a, s) =>
    call1(helper(s, "durationText", DURATION_TEXT_JS), a)),
];

function forwardOp(name: string, next: boolean): OpDef {
  const js = `(a, b) => {
  const d = (((${"clock"}(b) - ${"clock"}(a)) % 1440) + 1440) % 1440;
  return ${next ? "d === 0 ? 1440 : d" : "d"};
}`;
  return {
    name,
    arity: 2,
    kinds: [["str"], ["str"]],
    accepts: (a, b) => a !== b && clockField(a) && clockField(b),
    apply: (a, b) => forward(a, b, next),
    emit: ([a, b], s) => {
      const clock = helper(s, "clockMinutes", CLOCK_JS);
      const fn = helper(s, name, js.replaceAll("clock(", `${clock.text}(`));
      return code(`${fn.text}(${(a as Code).text}, ${(b as Code).text})`);
    },
  };
}

/** Minutes from the first time of day forward to the second: equal times are 0 apart, or a whole day. */
export const CALENDAR_BINARY: readonly OpDef[] = [forwardOp("minutesUntil", false), forwardOp("minutesUntilNext", true)];

/** Pairs the examples may not tell apart: each is a rival reading of the other (rival-readings.ts). */
export const CALENDAR_TWINS: Readonly<Record<string, string>> = {
  minutesUntil: "minutesUntilNext",
  minutesUntilNext: "minutesUntil",
  weekdayNumber: "isoWeekday",
  isoWeekday: "weekdayNumber",
};

/**
 * Inputs where those readings part: an example with its second time of day set to its first (a
 * whole day, or none?), and every ISO date moved to the Sunday of its week (is Sunday 0 or 7?).
 */
export function calendarProbes(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const input of inputs) {
    if (input === null || typeof input !== "object" || Array.isArray(input)) continue;
    const clocks = Object.entries(input).filter(([, v]) => isStr(v) && CLOCK.test(v));
    for (const [k] of clocks.slice(1)) out.push({ ...input, [k]: (clocks[0] as [string, Json])[1] });
    const sunday = Object.fromEntries(Object.entries(input).map(([k, v]) => {
      const d = isoDay(v);
      return [k, d ? new Date(d.getTime() - weekday(d) * 86_400_000).toISOString().slice(0, 10) : v];
    }));
    if (JSON.stringify(sunday) !== JSON.stringify(input)) out.push(sunday);
  }
  return out;
}

/**
 * The minutes of an hour, where some input holds a time of day, a date and time or a duration:
 * an answer in hours from times read as minutes divides by 60, which no example shows. Given like
 * a number the description states (constants.ts, the prior's mentioned numbers), not solved.
 */
export function timeNumbers(inputs: readonly Json[]): number[] {
  let found = false;
  const visit = (v: Json): void => {
    if (found) return;
    if (isStr(v)) found = CLOCK.test(v) || DATE_TIME.test(v) || (DURATION.test(v) && /[a-z]/i.test(v));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(visit);
  };
  inputs.forEach(visit);
  return found ? [60] : [];
}

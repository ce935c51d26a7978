/**
 * Dates the answer should not depend on where they fall. "Nights from check_in to check_out (ISO
 * dates)" from two stays within one month fits the day of the month subtracted, which is wrong
 * across a month end. Unless the description speaks of months, years or calendar positions, an
 * answer about dates depends on the days between them and on weekdays, and stays the same when
 * every date of the input moves by four weeks. A program whose answer changes then is asked about,
 * on an example's input with every date four weeks later; the example's own answer is the rival.
 */
import { jsonEqual, validateInput } from "../../spec/index.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { runOn } from "./evaluate.ts";
import type { Expr, Json } from "./types.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** Four weeks: weekdays stay, most dates cross a month end. */
const SHIFT_DAYS = 28;
/** Words that make where a date falls part of the question. */
const CALENDAR_WORDS = /\b(month\w*|year\w*|quarter\w*|decade\w*|century|january|february|march|april|may|june|july|august|september|october|november|december|season\w*|leap|today|day of the|day part|weekday part|date part|part of the date)\b/i;

function shifted(v: Json): Json {
  if (typeof v === "string" && ISO_DATE.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? v : new Date(t + SHIFT_DAYS * DAY_MS).toISOString().slice(0, 10);
  }
  if (Array.isArray(v)) return v.map(shifted);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shifted(x)]));
  return v;
}

/** A text with digits in the answer may be a date in any format ("03/07/2024"): it moves with the dates. */
function holdsDate(v: Json): boolean {
  if (typeof v === "string") return /\d/.test(v);
  if (Array.isArray(v)) return v.some(holdsDate);
  if (v !== null && typeof v === "object") return Object.values(v).some(holdsDate);
  return false;
}

/** An example's input with every date four weeks later, where `expr` answers otherwise than the example did. */
export function dateShift(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  if (CALENDAR_WORDS.test(description)) return undefined;
  for (const [r, input] of inputs.entries()) {
    const probe = shifted(input);
    if (jsonEqual(probe, input) || !validateInput(inputSchema, probe).ok) continue;
    const mine = runOn(expr, probe);
    const theirs = outputs[r] as Json;
    if (mine === undefined || jsonEqual(mine, theirs)) continue;
    // An answer that writes dates moves with them: only one without should stay.
    if (holdsDate(theirs)) continue;
    return toldInWords(expr, probe, mine, "the same answer as for the same dates four weeks earlier: only the days between them count", theirs);
  }
  return undefined;
}

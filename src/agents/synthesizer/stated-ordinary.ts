/**
 * The answer a description states for its ordinary case (round 30a): "Delivery: 0 when the basket
 * is above 1000.5, else 7", "Late return: 5, plus 0.5 for each day over 7", "Ticket price: 12; 8
 * when the age is over 64". Once the stated ranges (stated-range.ts) are the guards', what is left
 * of the description is a label and one number alone in its clause: the answer everywhere else.
 *
 * A program that is that number is what the description demands, not one that ignores its input by
 * the examples' chance, so the checks that doubt a constant few examples show (ambiguity.ts's
 * "ignores_input", leave-one-out.ts, which can teach a constant from no other example) do not ask
 * about it: their questions, on inputs the description settles, could never change the program.
 * Anything else left beside the number ("7 per item", "plus 2 per kg", "for adults", a second
 * sentence, a bound read two ways, a rate on more than a unit) keeps the doubt: the description
 * then says more than the number.
 * Where every example the search fits answers that number, the program is that number: not one
 * the search wrote for it by chance (`sales + 50 - sales`, `Math.min(basket, 7)`), whose other
 * readings are asked about on inputs the description settles.
 */
import { numericFields } from "./described-formula/index.ts";
import { guardedFields, withoutGuarded } from "./stated-range.ts";
import type { StatedGuard } from "./stated-range.ts";
import type { Expr, Json } from "./types.ts";
import { writtenReadings } from "./written-numbers.ts";

/** A clause that is one number alone, with at most a word for "else" before or after it. */
const ALONE = /^(?:(?:else|otherwise|or else)\s+)?(-?\d+(?:\.\d+)?|zero)(?:\s+(?:otherwise|else))?$/i;

/**
 * A label that makes its number a rate or a share: "per item", "each", "a head", "hourly", "by the
 * day", "by weight", "/item", "quarterly", "in percent of the bill" (round 31's attacker).
 */
const RATE_LABEL = /\b(per|each|every|a head|a piece|apiece|by( the)? \w+|\w+ly rate|hourly|daily|nightly|weekly|biweekly|monthly|quarterly|yearly|annual(ly)?|percent(age)?|per ?cent)\b|[/%×*]/i;

/**
 * A rate counted on one word ("for each day over 7"): "for each full kg above 20", "for each
 * started hour" or "12 each and groups over 10" say more than a rate times the excess, which the
 * examples below the bound never show; those keep their doubt.
 */
const plainRate = (g: StatedGuard): boolean => !g.range.per || g.range.words.length === 1;

/**
 * The number `description` states as the answer of every input its `guards` leave, if it states
 * one, and if the guards read every number of the input (`inputs`): a number no guard reads may be
 * what the stated one is per ("Delivery cost/item: … else 7" beside `items`, round 31's attacker).
 */
export function statedOrdinaryAnswer(description: string, guards: readonly StatedGuard[], inputs: readonly Json[]): number | undefined {
  if (guards.length === 0 || !guards.every(plainRate)) return undefined;
  const read = guardedFields(guards);
  if (numericFields(inputs).some((f) => !read.has(f))) return undefined;
  const rest = withoutGuarded(description, guards);
  const colon = rest.indexOf(":");
  // The label before a colon names the task; a number in it may be part of the rule, and a rate in
  // it ("per item ordered", "hourly", "daily") makes the number one per unit (round 30's attacker).
  if (colon >= 0 && (/\d/.test(rest.slice(0, colon)) || RATE_LABEL.test(rest.slice(0, colon)))) return undefined;
  // Its numbers as written ("$7", "4,50", "7 €"), in plain digits; none where a number is doubtful.
  const written = writtenReadings(rest.slice(colon + 1));
  if (written.second !== undefined) return undefined;
  const clauses = written.first.split(/[;,]|\.(?!\d)/).map((c) => c.trim()).filter((c) => c !== "");
  const m = clauses.length === 1 ? ALONE.exec(clauses[0] as string) : null;
  if (!m) return undefined;
  return m[1]?.toLowerCase() === "zero" ? 0 : Number(m[1]);
}

/** Whether `program` is the constant `description` states for every input its `guards` leave. */
export function statedOrdinary(program: Expr, description: string, guards: readonly StatedGuard[], inputs: readonly Json[]): boolean {
  return program.k === "const" && typeof program.value === "number" && statedOrdinaryAnswer(description, guards, inputs) === program.value;
}

/**
 * The formulas a description writes, and the names it gives (round 24): "humidex = T + 0.5555 × …"
 * defines a name by a formula, "the horizontal distance is √(length² - rise²)" and "a swept area of
 * π × blade length²" too, "with an air density of 1.225 kg/m³" names a number, "with T the air
 * temperature" names a phrase; a clause such as "rise ÷ horizontal distance × 100" is a formula of
 * its own. The description is cut into clauses at the punctuation and the "and"s outside
 * parentheses, so that each clause holds at most one of these.
 */
import { hasOperator, parseFormula } from "./parse.ts";
import type { Formula } from "./parse.ts";

/** What one clause states: a name defined by a formula, a short name for a phrase, or a bare formula. */
export type Statement =
  | { readonly k: "def"; readonly name: readonly string[]; readonly body: Formula }
  | { readonly k: "alias"; readonly name: string; readonly phrase: readonly string[] }
  | { readonly k: "formula"; readonly body: Formula };

/** The clauses of a text: cut at . ; : , ? and before " and ", " with ", " where " where no parenthesis is open. */
export function clauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const cut = (end: number, skip: number): void => {
    out.push(text.slice(start, end).trim());
    start = end + skip;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const next = text[i + 1] ?? " ";
    if ((ch === "." || ch === "?" || ch === "!") && /\s/.test(next)) cut(i, 1);
    else if (ch === ";" || ch === ":" || (ch === "," && /\s/.test(next))) cut(i, 1);
    else if (text.startsWith(" and ", i)) cut(i, 5);
    else if (text.startsWith(" with ", i) || text.startsWith(" where ", i)) cut(i, 1);
  }
  cut(text.length, 0);
  return out.filter((c) => c.length > 0);
}

/** Words that only introduce a clause ("with an air density of …", "so the horizontal distance is …"). */
const LEAD = /^(?:(?:with|where|so|then|and|by|i\.e\.|that is|here|giving|which is|given by)\s+)+/i;
/** A number with at most a unit after it: "1.225 kg/m³", "0.4". */
const NUMBER_WITH_UNIT = /^(-?\d+(?:\.\d+)?)(?:\s*[A-Za-z°%/²³]+){0,2}$/;
/** A short name for a phrase: "T the air temperature", "Td the dew point". */
const ALIAS = /^([A-Z][A-Za-z0-9]{0,2}|[a-z][0-9]?)\s+(?:is\s+)?(?:the|an?)\s+([A-Za-z][^=]*)$/;
/** A name and what it is: "the temperature is …", "an efficiency of 0.4", "area = …". */
const DEFINITION = /^(.{1,60}?)\s*(?:=|\bis\b|\bare\b|\bof\b|\bequals\b)\s*(.+)$/;

const words = (text: string): string[] => text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];

function definition(clause: string): Statement | undefined {
  const m = DEFINITION.exec(clause);
  if (!m) return undefined;
  const [, left, right] = m as unknown as [string, string, string];
  // "C1 × V1 = C2 × V2" is an equation, "1 inch = 2.54 cm" a unit: neither names anything; "the
  // natural log of 2" names no log (round 26's attacker).
  if (/\b(log\w*|ln|root)$/i.test(left.trim()) || hasOperator(left) || /\d/.test(left.replace(/[A-Za-z]\d/g, "")) || words(left).length === 0 || words(left).length > 6) return undefined;
  // "I = 2.5 (its moment of inertia)": the aside says what the number is.
  const num = NUMBER_WITH_UNIT.exec(right.replace(/\([^()]*\)/g, " ").trim());
  if (num) return { k: "def", name: words(left), body: { t: "num", v: Number(num[1]) } };
  if (!hasOperator(right)) return undefined;
  const body = parseFormula(right);
  return body ? { k: "def", name: words(left), body } : undefined;
}

/** What a clause states, if anything. */
export function statementOf(raw: string): Statement | undefined {
  const clause = raw.replace(LEAD, "").trim();
  const alias = ALIAS.exec(clause);
  if (alias && !hasOperator(clause)) return { k: "alias", name: alias[1] as string, phrase: words(alias[2] as string) };
  const def = definition(clause);
  if (def) return def;
  // "C1 × V1 = C2 × V2" states an equation, no formula to compute.
  if (!hasOperator(clause) || clause.includes("=")) return undefined;
  const body = parseFormula(clause);
  return body ? { k: "formula", body } : undefined;
}

/**
 * A clause that only rounds ("rounded to 2 decimal places", "rounded to the nearest cent"): the
 * decimal places it keeps.
 */
const ROUNDED = /^(?:(?:and|then)\s+)?rounded\s+(?:off\s+)?to\s+(?:(\d)\s+decimal\s+places?|one\s+decimal\s+place|the\s+nearest\s+(whole\s+number|integer|cent|hundredth|tenth))$/i;
const NEAREST_PLACES: Readonly<Record<string, number>> = { "whole number": 0, integer: 0, cent: 2, hundredth: 2, tenth: 1 };

function roundedPlaces(clause: string): number | undefined {
  const m = ROUNDED.exec(clause.trim());
  if (!m) return undefined;
  if (m[1] !== undefined) return Number(m[1]);
  return m[2] === undefined ? 1 : NEAREST_PLACES[m[2].toLowerCase().replace(/\s+/g, " ")];
}

/**
 * Every statement of a description, in its order. A definition whose next clause only rounds
 * ("The unit price is the pack price divided by the pack size, rounded to 2 decimal places; the
 * answer is the unit price times the quantity") is that rounding of its formula (stop 53): the
 * words round the part they define, and a formula built on it uses the rounded part.
 */
export function statements(description: string): Statement[] {
  const out: Statement[] = [];
  let previous: Statement | undefined;
  for (const clause of clauses(description)) {
    const places = roundedPlaces(clause);
    const last = out[out.length - 1];
    if (places !== undefined && previous !== undefined && previous === last && last.k === "def") {
      out[out.length - 1] = { ...last, body: { t: "round", a: last.body, places } };
      previous = undefined;
      continue;
    }
    previous = statementOf(clause);
    if (previous) out.push(previous);
  }
  return out;
}

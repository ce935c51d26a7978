/**
 * What the description says the answer ignores, or how it writes it, checked on a changed example
 * (round 8). "Ignoring letter case", "spaces anywhere are ignored", "trimmed", "uppercase": people
 * give clean examples ("SW1A 1AA", "listen"), so a program that cuts, compares or copies the text as
 * it is fits them all and is wrong on the first "sw1a 1aa" or " listen". The description's own
 * statement is a relation between two inputs that no example exercises: the example's input with
 * one text changed in the way it names (its case flipped, spaces put around it or inside it, a
 * punctuation mark inside it) must give the example's answer, up to that same change. A program
 * that answers otherwise is not credible, whatever its rank: it is asked about on that input, the
 * example's answer (so changed) being the rival. Only what the description states is checked; a
 * relation nobody stated is no evidence ("squeeze the spaces" says nothing about spaces around).
 */
import { jsonEqual, validateInput } from "../../spec/index.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { runOn } from "./evaluate.ts";
import type { Expr, Json } from "./types.ts";

/** A change of one text of the input, and what the answer may then differ by. */
interface Relation {
  /** The description's words that state it. */
  readonly stated: RegExp;
  /** The changed text, or undefined where the change does not apply to it. */
  readonly change: (s: string) => string | undefined;
  /** Both answers put into a form the change cannot reach (lowercased, trimmed, without spaces). */
  readonly normal: (s: string) => string;
  /** The rival reading, in words. */
  readonly words: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const IGNORED = (what: string): RegExp =>
  new RegExp(`\\b(ignor\\w*|regardless of|disregard\\w*)\\b[^.;:]{0,40}\\b${what}|\\b${what}[^.;:]{0,25}\\b(are|is|being)\\s+ignored\\b`, "i");

/** Between two characters that are not spaces, nearest the middle: a space there splits a word. */
function middle(s: string, insert: string): string | undefined {
  const mid = s.length >> 1;
  for (let d = 0; d < s.length; d++) {
    for (const i of [mid + d, mid - d]) {
      if (i > 0 && i < s.length && /\S/.test(s[i - 1] as string) && /\S/.test(s[i] as string)) return s.slice(0, i) + insert + s.slice(i);
    }
  }
  return undefined;
}

const flipCase = (s: string): string | undefined => {
  if (!/[A-Za-z]/.test(s)) return undefined;
  return s === s.toUpperCase() ? s.toLowerCase() : s.toUpperCase();
};

export const RELATIONS: readonly Relation[] = [
  {
    stated: new RegExp(`${IGNORED("(letter\\s+)?case").source}|\\bcase[- ]insensitiv\\w*|\\bin any case\\b|\\bwhatever (the )?(letter )?case\\b`, "i"),
    change: flipCase,
    normal: (s) => s.toLowerCase(),
    words: "the same answer whatever the letter case, as the description says",
  },
  {
    stated: new RegExp(`${IGNORED("(white)?spaces?").source}|\\bspaces? around\\b|\\bsurrounding (white)?spaces?\\b|\\bleading (and|or) trailing\\b|\\bspaces? anywhere\\b`, "i"),
    change: (s) => (s.trim() === "" ? undefined : ` ${s} `),
    normal: (s) => s.trim(),
    words: "the same answer with spaces around the text, as the description says",
  },
  // "Each tag trimmed": the answer's texts are trimmed, so spaces around the input leave it as it was.
  {
    stated: /\b(trimmed|trims?)\b/i,
    change: (s) => (s.trim() === "" ? undefined : ` ${s} `),
    normal: (s) => s,
    words: "the same answer with spaces around the text: the description trims them",
  },
  {
    stated: new RegExp(`${IGNORED("(white)?spaces?").source}|\\bspaces? anywhere\\b`, "i"),
    change: (s) => middle(s, " "),
    normal: (s) => s.replace(/\s+/g, ""),
    words: "the same answer with a space inside the text, as the description says",
  },
  {
    stated: IGNORED("punctuation"),
    change: (s) => middle(s, "-"),
    normal: (s) => s.replace(/[^\p{L}\p{N}\s]/gu, ""),
    words: "the same answer with a punctuation mark inside the text, as the description says",
  },
];

/** Every string of a JSON value put into normal form (case-tests.ts re-cases examples with it). */
export function normalized(v: Json, normal: (s: string) => string): Json {
  if (typeof v === "string") return normal(v);
  if (Array.isArray(v)) return v.map((x) => normalized(x, normal));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalized(x, normal)]));
  return v;
}

/** The input with the text at each place changed, one place at a time (not ISO dates: they are formats). */
function changedAt(v: Json, change: (s: string) => string | undefined): Json[] {
  if (typeof v === "string") {
    const c = ISO_DATE.test(v) ? undefined : change(v);
    return c === undefined || c === v ? [] : [c];
  }
  if (Array.isArray(v)) return v.flatMap((x, i) => changedAt(x, change).map((c) => v.map((y, j) => (j === i ? c : y))));
  if (v !== null && typeof v === "object") {
    return Object.entries(v).flatMap(([k, x]) => changedAt(x, change).map((c) => ({ ...v, [k]: c })));
  }
  return [];
}

/** Most changed inputs tried per example and relation (an example with many texts stays cheap). */
const MAX_CHANGES = 24;

/** An example's input changed as the description says does not matter, where `expr` answers otherwise. */
export function statedInvariance(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  for (const rel of RELATIONS) {
    if (!rel.stated.test(description)) continue;
    for (const [r, input] of inputs.entries()) {
      const theirs = outputs[r] as Json;
      for (const probe of changedAt(input, rel.change).slice(0, MAX_CHANGES)) {
        if (inputs.some((i) => jsonEqual(i, probe)) || !validateInput(inputSchema, probe).ok) continue;
        const mine = runOn(expr, probe);
        if (mine !== undefined && jsonEqual(normalized(mine, rel.normal), normalized(theirs, rel.normal))) continue;
        return toldInWords(expr, probe, mine ?? null, rel.words, theirs);
      }
    }
  }
  return outputCase(expr, inputs, outputs, description, inputSchema);
}

/** Paths (as JSON keys) of the strings of a value that hold a letter and are all one case. */
function casedLeaves(v: Json, upper: boolean, path = ""): string[] {
  if (typeof v === "string") return /[A-Za-z]/.test(v) && v === (upper ? v.toUpperCase() : v.toLowerCase()) ? [path] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => casedLeaves(x, upper, `${path}/${i}`));
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => casedLeaves(x, upper, `${path}/${k}`));
  return [];
}

function stringsOf(v: Json): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v !== null && typeof v === "object") return Object.values(v).flatMap(stringsOf);
  return [];
}

const UPPER_STATED = /\b(upper[- ]?case(d)?|in capitals|all caps|capital letters)\b/i;
const LOWER_STATED = /\b(lower[- ]?case(d)?|in small letters)\b/i;

/**
 * "Uppercase" (or "lowercase") for an answer whose every text is in that case on every example: an
 * input typed in the other case must still give an answer in it ("sw1a 1aa" gives "SW1A"). Texts
 * of the answer in mixed case ("Hello world") are about something else and are not checked.
 */
function outputCase(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  for (const upper of [true, false]) {
    if (!(upper ? UPPER_STATED : LOWER_STATED).test(description)) continue;
    // Every text of every example's answer in that case, and at least one of them.
    const all = outputs.every((o) => stringsOf(o).length === casedLeaves(o, upper).length);
    if (!all || outputs.every((o) => casedLeaves(o, upper).length === 0)) continue;
    const other = (s: string): string | undefined => {
      const c = upper ? s.toLowerCase() : s.toUpperCase();
      return c === s ? undefined : c;
    };
    const inCase = (s: string): string => (upper ? s.toUpperCase() : s.toLowerCase());
    for (const input of inputs) {
      for (const probe of changedAt(input, other).slice(0, MAX_CHANGES)) {
        if (inputs.some((i) => jsonEqual(i, probe)) || !validateInput(inputSchema, probe).ok) continue;
        const mine = runOn(expr, probe);
        if (mine === undefined || stringsOf(mine).every((s) => s === inCase(s))) continue;
        const theirs = normalized(mine, inCase);
        return toldInWords(expr, probe, mine, `the same answer written in ${upper ? "uppercase" : "lowercase"}, as the description says`, theirs);
      }
    }
  }
  return undefined;
}

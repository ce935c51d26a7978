/**
 * What an ambiguity is and how it is told: the readings of the examples that part on one input
 * (each a program and what it gives there), the question put to a person, and the outputs offered.
 * ambiguity.ts finds rival programs that disagree; lone-doubts.ts doubts about the chosen program
 * alone; both report in these terms.
 */
import { MAX_OFFERED, jsonEqual } from "../../spec/index.ts";
import { emitFunction } from "./emit.ts";
import { runOn } from "./evaluate.ts";
import type { Expr, Json } from "./types.ts";

export interface Reading {
  /** The program as JavaScript (the body of the plugin's function). */
  readonly program: string;
  readonly output: Json | null;
}

export interface Ambiguity {
  /** The input on which the readings disagree: its output is what the examples leave open. */
  readonly input: Json;
  /** What each competing program gives for it (the chosen one first). */
  readonly readings: readonly Reading[];
  /** "unconfirmed": one reading, a program found after an answer matched none of the outputs offered (unconfirmed.ts). */
  /** "unstable": one reading, a program the search would not have taken without one of the examples (leave-one-out.ts). */
  readonly reason: "programs_disagree" | "ignores_input" | "unconfirmed" | "unstable";
  /** The competing programs (the chosen one first), to go on with when the answer picks one. */
  readonly programs: readonly Expr[];
}

/** A program as one reading's text: the body of the plugin's function, without `return`. */
export function body(expr: Expr): string {
  const fn = emitFunction(expr, "f");
  return fn.split("\n").slice(1, -2).map((l) => l.replace(/^ {2}/, "")).join("\n").replace(/^return /, "").replace(/;$/, "");
}

/**
 * The question for a doubt the examples cannot settle by a rival program: what `e` gives for
 * `input`, beside the other reading told in words (`"(a program that reads per_carton …)"`), with
 * the output that reading gives when it is known (null when only its words are).
 */
export function toldInWords(e: Expr, input: Json, output: Json, words: string, theirs: Json = null): Ambiguity {
  return { input, readings: [{ program: body(e), output }, { program: `(${words})`, output: theirs }], reason: "programs_disagree", programs: [e] };
}

/** Where `rival` gives other than `e` on probe `p` (`e` gives `a` there): that disagreement; undefined where they agree or either fails. */
export function disagreeOn(e: Expr, rival: Expr, p: Json, a: Json | undefined): Ambiguity | undefined {
  const b = runOn(rival, p);
  if (a === undefined || b === undefined || jsonEqual(a, b)) return undefined;
  return { input: p, readings: [{ program: body(e), output: a }, { program: body(rival), output: b }], reason: "programs_disagree", programs: [e, rival] };
}

/** A reading described in words ("a change the examples did not need"): it has no output of its own. */
function worded(r: { readonly program: string; readonly output: unknown }): boolean {
  return r.output === null && /^\(.*\)$/s.test(r.program);
}

/**
 * The outputs offered when asking about an ambiguity (readings in words have none): what an
 * answered example records as `offered`, so the backend can tell an answer that surprised it.
 */
export function offeredOutputs(a: { readonly readings: readonly { readonly program: string; readonly output: unknown }[] }): unknown[] {
  return a.readings.filter((r) => !worded(r)).map((r) => r.output).slice(0, MAX_OFFERED);
}

/** One line for people: what the examples leave open. */
export function describeAmbiguity(a: { readonly input: unknown; readonly readings: readonly { readonly program: string; readonly output: unknown }[]; readonly reason: string }): string {
  const input = JSON.stringify(a.input);
  if (a.reason === "ignores_input") return `the program found ignores its input (it always gives ${JSON.stringify(a.readings[0]?.output)}); what should ${input} give?`;
  if (a.reason === "unstable") {
    return `the program I found fits every example, but without one of them I would have written another: the examples only just pin it down. Is ${JSON.stringify(a.readings[0]?.output)} right for ${input}?`;
  }
  if (a.reason === "unconfirmed") {
    return `your answer matched none of the programs I had; the program I found now fits every example but nothing confirms it: is ${JSON.stringify(a.readings[0]?.output)} right for ${input}?`;
  }
  // A reading described in words with no output of its own ("a program that reads per_carton")
  // is shown as those words: it says what the chosen program leaves out, not what it would give.
  const said = (r: { readonly program: string; readonly output: unknown }): string =>
    worded(r) ? r.program.slice(1, -1) : `\`${r.program.replace(/\s*\n\s*/g, " ")}\` gives ${JSON.stringify(r.output)}`;
  return `programs that fit every example disagree on ${input}: ${a.readings.map(said).join(", ")}`;
}


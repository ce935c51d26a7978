/**
 * No silent publish after a surprising answer (issue 17, round 7). An answered example records
 * the outputs the synthesizer offered when it asked for it (`offered`); an answer equal to none of
 * them is a surprise: the right program was outside what the search reached. A program found
 * after it fits the answered examples too, but that is very often one more coincidence, so it is
 * published only once a later answer matched one of the outputs offered with it (a confirmation).
 * Until then the person is asked whether its output is right on an input unlike the examples.
 */
import { jsonEqual } from "../../spec/index.ts";
import type { SpecExample } from "../../spec/index.ts";
import { body } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { SynthesizerError } from "./errors.ts";
import { runOn } from "./evaluate.ts";
import { crossedInputs, probeInputs } from "./probes.ts";
import { edgeInputs, edgesApply } from "./edge-probes.ts";
import type { Expr, Json } from "./types.ts";

/** An answered example's answer against what was offered: undefined when nothing was recorded. */
function matchedOffer(e: SpecExample): boolean | undefined {
  return e.offered?.some((o) => jsonEqual(o, e.output));
}

/** Whether the examples (in the order they were appended) hold a surprise no later answer confirmed. */
export function unconfirmedSurprise(examples: readonly SpecExample[]): boolean {
  const last = examples.findLastIndex((e) => matchedOffer(e) === false);
  return last >= 0 && !examples.slice(last + 1).some((e) => matchedOffer(e) === true);
}

/** Leaves of `v` by path: `{"items": [{"qty": 3}]}` has `.items.0.qty` = 3. */
function leaves(v: Json, path: string, out: Map<string, Json>): Map<string, Json> {
  if (v !== null && typeof v === "object") for (const [k, e] of Object.entries(v)) leaves(e, `${path}.${k}`, out);
  else out.set(path, v);
  return out;
}

/** How many leaves of `p` differ from the example nearest to it (or stand where it has none). */
function novelty(p: Json, examples: readonly Map<string, Json>[]): number {
  const mine = leaves(p, "", new Map());
  let nearest = Number.POSITIVE_INFINITY;
  for (const ex of examples) {
    let differ = 0;
    for (const [k, v] of mine) if (!ex.has(k) || !jsonEqual(ex.get(k) as Json, v)) differ++;
    nearest = Math.min(nearest, differ);
  }
  return nearest;
}

/**
 * The input to confirm `expr` on: of the examples changed (probes.ts), first one where `rival` (a
 * reading the examples nearly allowed, when there is one) answers otherwise, so the answer tells
 * the two apart; then one where `expr` gives `wanted` (an answer only one example shows: the
 * person's answer there confirms it or surprises); then the one that differs from its nearest example in the most places, so a
 * coincidence of the examples is least likely to hold there; the smaller of equals (the easier to
 * answer). Never an example; one `expr` answers.
 */
/** `allowed`: whether the input schema admits a probe (round 25); no question is about one it refuses. */
export function confirmingProbe(expr: Expr, inputs: readonly Json[], allowed: (input: Json) => boolean, rival?: Expr, wanted?: Json): { input: Json; output: Json } | undefined {
  const seen = new Set(inputs.map((i) => JSON.stringify(i)));
  const examples = inputs.map((i) => leaves(i, "", new Map()));
  let best: { input: Json; output: Json; score: [number, number, number, number] } | undefined;
  // Edge values too (round 14): a coincidence of clean examples is least likely to hold on "".
  const edges = edgesApply(inputs.map((i) => runOn(expr, i))) ? edgeInputs(inputs, { strayMark: true }) : [];
  for (const input of [...crossedInputs(inputs), ...probeInputs(inputs), ...edges]) {
    const text = JSON.stringify(input);
    if (seen.has(text)) continue;
    seen.add(text);
    if (!allowed(input)) continue;
    const output = runOn(expr, input);
    if (output === undefined) continue;
    const theirs = rival ? runOn(rival, input) : undefined;
    const gives = wanted !== undefined && jsonEqual(output, wanted) ? 1 : 0;
    const score: [number, number, number, number] = [theirs !== undefined && !jsonEqual(theirs, output) ? 1 : 0, gives, novelty(input, examples), -text.length];
    if (!best || better(score, best.score)) best = { input, output, score };
  }
  return best;
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) > (b[i] as number);
  return false;
}

/**
 * After an unconfirmed surprise: the question that confirms `expr` (reason "unconfirmed", its one
 * reading), or undefined when there was no surprise or a later answer confirmed one.
 */
export function unconfirmed(expr: Expr, capability: string, examples: readonly SpecExample[], allowed: (input: Json) => boolean = () => true): Ambiguity | undefined {
  if (!unconfirmedSurprise(examples)) return undefined;
  const probe = confirmingProbe(expr, examples.map((e) => e.input as Json), allowed);
  if (!probe) {
    throw new SynthesizerError("no_program_found", `a program fits every example of ${capability}, but it was found after an answer that matched none of the outputs offered, and no input could be made to confirm it`, {
      nextStep: "Add an example unlike the others (other values in every field) and ask again; a program found after a surprising answer is published only once another answer confirms it.",
      details: { reason: "unconfirmed", program: body(expr) },
    });
  }
  return { input: probe.input, readings: [{ program: body(expr), output: probe.output }], reason: "unconfirmed", programs: [expr] };
}

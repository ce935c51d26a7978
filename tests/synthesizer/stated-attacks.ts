/**
 * The attackers' specs of the "never published wrong in silence" promise where the description
 * states answers (rounds 26 and 27): an invented spec, the person's reading of it, the inputs whose
 * answer the description states, and the loop of `/need` that answers the backend's questions.
 */
import { describe, expect, it } from "vitest";
import { SynthesizerError } from "../../src/agents/synthesizer/index.ts";
import type { SynthesisBackend } from "../../src/agents/synthesizer/index.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";
import { ANSWERED_MS } from "./answered.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the inputs are plain records a person reads by field
export type In = Record<string, any>;

/** An invented spec, the person's reading of it, and plausible inputs the description settles. */
export interface StatedAttack {
  readonly name: string;
  readonly description: string;
  readonly examples: [In, Json][];
  readonly person: (i: In) => Json;
  readonly probes: readonly In[];
  readonly outputSchema?: Record<string, unknown>;
  /** Inputs whose answer the description states: no question may be about them. */
  readonly settled?: (i: In) => boolean;
}

/** A number as a person reads it: a formula computed in another order may differ in the last bit. */
export function expectSame(got: unknown, want: Json, why: string): void {
  if (typeof want === "number" && typeof got === "number") expect(got, why).toBeCloseTo(want, 6);
  else expect(got, why).toEqual(want);
}

/** With the environment variable `traceVar` set, what the backend did (for writing the attacks). */
function trace(traceVar: string, a: StatedAttack, asked: readonly unknown[], result: { program?: unknown; code: string } | string): void {
  if (!process.env[traceVar]) return;
  const questions = asked.map((q) => JSON.stringify(q)).join(", ");
  if (typeof result === "string") return void console.log(`[${a.name}] ${result} after [${questions}]`);
  const body = result.code.split("\n").filter((l) => l.includes("return")).join(" ");
  const probes = a.probes.map((p) => `${JSON.stringify(p)}→${JSON.stringify(runOn(result.program as Expr, p as Json))} want ${JSON.stringify(a.person(p))}`).join("; ");
  console.log(`[${a.name}] PUBLISHED after [${questions}] :: ${body} :: ${probes}`);
}

/**
 * The promise, as at `/need`: the person answers up to six questions (`answers`), none about an input whose
 * answer the description states; what is published answers every probe as the person does. Still
 * asking after six answers, or giving up, keeps the promise unless `mustPublish` (a control, or an
 * attack on asking forever about a plain task).
 */
export async function keepsStatedPromise(backend: SynthesisBackend, a: StatedAttack, options: { mustPublish: boolean; traceVar: string; answers?: number }): Promise<void> {
  const answers = options.answers ?? 6;
  const spec = makeSpec(a.name, a.description, a.examples, [], a.outputSchema);
  const examples = [...spec.examples];
  const asked: unknown[] = [];
  const pointless: string[] = [];
  let published = false;
  for (;;) {
    let result;
    try {
      result = await backend.synthesize({ ...spec, examples });
    } catch (err) {
      if (err instanceof SynthesizerError && err.code === "no_program_found") {
        trace(options.traceVar, a, asked, "GAVE UP");
        break;
      }
      throw err;
    }
    const q = result.ambiguity;
    if (!q) {
      trace(options.traceVar, a, asked, result);
      published = true;
      const run = await loadPlugin(result.code);
      for (const p of a.probes) expectSame(run(structuredClone(p), {}), a.person(p), `${JSON.stringify(p)} after ${asked.length} answers`);
      break;
    }
    asked.push(q.input);
    if (a.settled?.(q.input as In)) pointless.push(`${JSON.stringify(q.input)} (${q.reason})`);
    if (asked.length > answers) {
      trace(options.traceVar, a, asked, "STILL ASKS");
      break;
    }
    examples.push({ input: q.input, output: a.person(q.input as In), offered: q.readings.map((r) => r.output) });
  }
  expect(pointless, "questions about inputs whose answer the description states").toEqual([]);
  if (options.mustPublish) expect(published, "published within six answers").toBe(true);
}

/** How each attack of a file stands: still breaking the promise, or held since a round's mend (label and keys, first match wins). */
export interface AttackStanding {
  readonly breaks: ReadonlySet<string>;
  readonly fixed: readonly (readonly [label: string, keys: ReadonlySet<string>])[];
}

/**
 * One `describe` of attacks, each a test named by how it stands: `BREAK` (an `it.fails` until it is
 * mended, so a mend shows as a failure to move it), `FIXED (label)` where a round's mend made it
 * hold, else `kind` ("held", "attack", "control").
 */
export function attackSuite<A extends { readonly description: string }>(title: string, list: Record<string, A>, standing: AttackStanding, keeps: (a: A) => Promise<void>, kind = "held"): void {
  describe(title, () => {
    for (const [key, a] of Object.entries(list)) {
      const run = (): Promise<void> => keeps(a);
      const fixedBy = standing.fixed.find(([, keys]) => keys.has(key))?.[0];
      if (standing.breaks.has(key)) it.fails(`BREAK: ${key} — ${a.description}`, run, ANSWERED_MS);
      else if (fixedBy !== undefined) it(`FIXED (${fixedBy}): ${key} — ${a.description}`, run, ANSWERED_MS);
      else it(`${kind}: ${key} — ${a.description}`, run, ANSWERED_MS);
    }
  });
}

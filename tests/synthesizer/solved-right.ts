/** What the round tests of new sources share: a spec published right on its tests, and whether a program uses an operation. */
import { expect } from "vitest";
import { evaluate, FAIL } from "../../src/agents/synthesizer/index.ts";
import type { Expr, Json, SynthesisBackend } from "../../src/agents/synthesizer/index.ts";
import { walk } from "../../src/agents/synthesizer/rank.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { jsonEqual } from "../../src/spec/index.ts";
import { loadPlugin } from "./load-plugin.ts";

/** Whether `e` uses the operation or lambda `name` anywhere. */
export function usesNamed(e: Expr | undefined, name: string): boolean {
  let found = false;
  if (e) walk(e, (n) => (found ||= (n.k === "op" || n.k === "lam") && n.op === name));
  return found;
}

/** Synthesizes `spec`, expects no question, and checks the plugin (and the DSL program) on the spec's tests. */
export async function solvedRightBy(backend: SynthesisBackend, spec: CapabilitySpec): Promise<Expr | undefined> {
  const result = await backend.synthesize(spec);
  expect(result.ambiguity, result.code).toBeUndefined();
  const run = await loadPlugin(result.code);
  for (const t of spec.tests ?? []) {
    expect(run(structuredClone(t.input), {}), `${t.name}\n${result.code}`).toEqual(t.output);
    const v = evaluate(result.program as Expr, { input: t.input as Json });
    expect(v !== FAIL && jsonEqual(v, t.output), `${t.name} in the DSL`).toBe(true);
  }
  return result.program as Expr | undefined;
}

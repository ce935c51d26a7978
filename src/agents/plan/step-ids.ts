import { canonicalJson, sha256 } from "../../events/index.ts";
import type { Plan } from "./plan-schema.ts";

/**
 * Deterministic ids. A step's key depends only on the plan and the step's path, so the same step
 * of the same plan has the same key in every run (runs correlate, replays line up). Paths:
 * `cost` (a step), `enrich[3]` (element 3 of a forEach step), `cost/fix` (fallback `fix` standing
 * in for `cost`), `enrich[3]/fix[0]` and so on; step ids cannot contain `[`, `]` or `/`.
 */
export const ID_LENGTH = 32;

/** sha256 of the plan's canonical JSON (RFC 8785), in full. */
export function planHash(plan: Plan): string {
  return sha256(canonicalJson(plan));
}

/** sha256 of a plan input's canonical JSON; a missing input hashes as `null`. */
export function inputHash(input: unknown): string {
  return sha256(canonicalJson(input === undefined ? null : input));
}

export function stepKey(plan: { readonly name: string; readonly hash: string }, path: string): string {
  return sha256(canonicalJson({ plan: plan.name, planHash: plan.hash, path })).slice(0, ID_LENGTH);
}

export function elementPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function fallbackPath(path: string, fallbackId: string): string {
  return `${path}/${fallbackId}`;
}

export interface StepIds {
  readonly planHash: string;
  stepKey(path: string): string;
}

/** Step keys for one plan (hashes the plan once). */
export function createStepIds(plan: Plan): StepIds {
  const hash = planHash(plan);
  return { planHash: hash, stepKey: (path) => stepKey({ name: plan.plan, hash }, path) };
}

/**
 * A run id from the plan, the input and a caller-supplied nonce (a counter, a log sequence, an
 * operator-chosen label): the same three give the same id, so a replayed run keeps its id.
 */
export function runId(opts: { readonly planHash: string; readonly input: unknown; readonly nonce: string }): string {
  return sha256(canonicalJson({ planHash: opts.planHash, inputHash: inputHash(opts.input), nonce: opts.nonce })).slice(0, ID_LENGTH);
}

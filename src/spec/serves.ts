/**
 * Does a plugin serve a request? Every input the request may send must be accepted by the plugin's
 * input schema, and every output the plugin may return must be accepted by the request's output
 * schema (docs/compatibility.md). A missing schema is JSON Schema's `true`: a request without an
 * input schema may send anything; one without an output schema accepts anything.
 */
import { schemaSubset } from "./schema-subset.ts";
import type { CompatReason } from "./schema-subset.ts";

/** The schemas of a spec, a plugin record's spec or a request; other fields are ignored. */
export interface Contract {
  readonly inputSchema?: unknown;
  readonly outputSchema?: unknown;
  readonly [other: string]: unknown;
}

export interface ServesReason extends CompatReason {
  /** `input`: the request may send what the plugin refuses; `output`: the plugin may return what the request refuses. */
  side: "input" | "output";
}

export interface ServesResult {
  /** true only when proven on both sides. */
  ok: boolean;
  reasons: ServesReason[];
}

export function serves(plugin: Contract, request: Contract): ServesResult {
  const input = schemaSubset(request.inputSchema ?? true, plugin.inputSchema ?? true, { a: "the request's input", b: "the plugin's input schema" });
  const output = schemaSubset(plugin.outputSchema ?? true, request.outputSchema ?? true, { a: "the plugin's output", b: "the request's output schema" });
  const reasons = [...input.reasons.map((r) => ({ ...r, side: "input" as const })), ...output.reasons.map((r) => ({ ...r, side: "output" as const }))];
  return { ok: input.ok && output.ok, reasons };
}

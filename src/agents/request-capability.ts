/**
 * Asks the agents for a capability and waits for the answer: an existing plugin (resolved), a new
 * one (gap closed with a published plugin), or the reason there will be none.
 */
import { subjectFor } from "../events/index.ts";
import type { EventLog, IdSource, NewEvent, StoredEvent } from "../events/index.ts";
import { waitForEvent } from "./loop/wait-for.ts";

export interface CapabilityAnswer {
  ok: boolean;
  pluginId: string | null;
  /** Synthesized now (a gap was closed) rather than found. */
  synthesized: boolean;
  reason: string;
  outcome: string;
}

export interface RequestOptions {
  spec: Record<string, unknown> | null;
  source: "plan" | "repl" | "cli";
  runId?: string | null;
  stepId?: string | null;
  backend?: "auto" | "example" | "llm";
  timeoutMs?: number;
  signal?: AbortSignal;
  newId: IdSource;
  correlationId?: string;
  /** The request's id (default: a new one), for callers that record it first (a blocked step). */
  requestId?: string;
}

export async function requestCapability(log: EventLog, capability: string, options: RequestOptions): Promise<CapabilityAnswer> {
  const requestId = options.requestId ?? options.newId();
  const subject = subjectFor("gap", capability);
  const { spec } = options;
  const specWithoutName = spec ? Object.fromEntries(Object.entries(spec).filter(([k]) => k !== "capability")) : null;
  const appended = await log.append([{
    type: "CapabilityRequested",
    subject,
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    data: { requestId, capability, spec: specWithoutName, source: options.source, runId: options.runId ?? null, stepId: options.stepId ?? null, backend: options.backend ?? "auto" },
  } as NewEvent]);
  const answer = await waitForEvent(log, subject, appended.seq, (e) =>
    (e.type === "CapabilityResolved" && (e.data as { requestId: string }).requestId === requestId) || e.type === "GapClosed",
  { timeoutMs: options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}) });
  if (answer.type === "CapabilityResolved") {
    return { ok: true, pluginId: (answer.data as { pluginId: string }).pluginId, synthesized: false, reason: "served by an active plugin", outcome: "resolved" };
  }
  const closed = (answer as StoredEvent<"GapClosed">).data;
  return { ok: closed.ok, pluginId: closed.pluginId, synthesized: closed.ok, reason: closed.reason, outcome: closed.outcome };
}

/**
 * Asks the agents for a capability and waits for the answer: an existing plugin (resolved), a new
 * one (gap closed with a published plugin), or the reason there will be none.
 */
import { subjectFor } from "../events/index.ts";
import type { AnyStoredEvent, IdSource, NewEvent, StoredEvent } from "../events/index.ts";
import { waitForEvent } from "./loop/wait-for.ts";
import type { LogFollower } from "./loop/wait-for.ts";

export interface CapabilityAnswer {
  ok: boolean;
  pluginId: string | null;
  /** Synthesized now (a gap was closed) rather than found. */
  synthesized: boolean;
  reason: string;
  outcome: string;
  /** With outcome "ambiguous": the input the examples leave open and what each reading gives. */
  ambiguity?: { input: unknown; readings: { program: string; output: unknown }[]; reason: string };
}

export interface RequestOptions {
  spec: Record<string, unknown> | null;
  source: "plan" | "repl" | "cli" | "api" | "mcp";
  runId?: string | null;
  stepId?: string | null;
  backend?: "auto" | "example" | "llm";
  timeoutMs?: number;
  signal?: AbortSignal;
  newId: IdSource;
  correlationId?: string;
  /** The request's id (default: a new one), for callers that record it first (a blocked step). */
  requestId?: string;
  /** Publish even when the examples leave the program ambiguous. */
  acceptAmbiguous?: boolean;
}

export async function requestCapability(follower: LogFollower, capability: string, options: RequestOptions): Promise<CapabilityAnswer> {
  const { log } = follower;
  const requestId = options.requestId ?? options.newId();
  const subject = subjectFor("gap", capability);
  const { spec } = options;
  const specWithoutName = spec ? Object.fromEntries(Object.entries(spec).filter(([k]) => k !== "capability")) : null;
  const appended = await log.append([{
    type: "CapabilityRequested",
    subject,
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    data: { requestId, capability, spec: specWithoutName, source: options.source, runId: options.runId ?? null, stepId: options.stepId ?? null, backend: options.backend ?? "auto", ...(options.acceptAmbiguous ? { acceptAmbiguous: true } : {}) },
  } as NewEvent]);
  let answer: AnyStoredEvent;
  try {
    answer = await waitForEvent(follower, subject, appended.seq, (e) =>
      (e.type === "CapabilityResolved" && (e.data as { requestId: string }).requestId === requestId) || e.type === "GapClosed",
    { timeoutMs: options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (err) {
    // Nobody waits any more: tell the agents, so a search running for this request stops.
    if (options.signal?.aborted) {
      await log.append([{ type: "CapabilityRequestCancelled", subject, data: { requestId, capability } } as NewEvent]).catch(() => undefined);
    }
    throw err;
  }
  if (answer.type === "CapabilityResolved") {
    return { ok: true, pluginId: (answer.data as { pluginId: string }).pluginId, synthesized: false, reason: "served by an active plugin", outcome: "resolved" };
  }
  const closed = (answer as StoredEvent<"GapClosed">).data;
  const base = { ok: closed.ok, pluginId: closed.pluginId, synthesized: closed.ok, reason: closed.reason, outcome: closed.outcome };
  if (closed.outcome !== "ambiguous") return base;
  for await (const e of log.read(subject, { fromSeq: appended.seq })) {
    if (e.type !== "SynthesisAmbiguous" || (e.data as { gapId: string }).gapId !== closed.gapId) continue;
    const d = (e as StoredEvent<"SynthesisAmbiguous">).data;
    return { ...base, ambiguity: { input: d.input, readings: d.readings, reason: d.reason } };
  }
  return base;
}

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
  /** With outcome "awaiting_approval": the gap the plugin is held on and why policy holds it. */
  held?: { gapId: string; reasons: string[] };
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
  /**
   * Answer `awaiting_approval` as soon as policy holds the plugin for an operator, rather than wait
   * for the operator (a REPL asks one on the spot; a one-shot command cannot).
   */
  stopWhenHeld?: boolean;
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
      (e.type === "CapabilityResolved" && (e.data as { requestId: string }).requestId === requestId) || e.type === "GapClosed" || (options.stopWhenHeld === true && e.type === "ApprovalRequested"),
    { timeoutMs: options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (err) {
    // Nobody waits any more: tell the agents, so a search running for this request stops.
    if (options.signal?.aborted) {
      await log.append([{ type: "CapabilityRequestCancelled", subject, data: { requestId, capability } } as NewEvent]).catch(() => undefined);
    }
    throw err;
  }
  // One gap at a time is open per capability, so a hold on this subject after the request is its answer.
  if (answer.type === "ApprovalRequested") return heldForApproval((answer as StoredEvent<"ApprovalRequested">).data);
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

/** The answer while policy holds the plugin for an operator: not an outcome yet, but nothing to wait for here. */
export function heldForApproval(held: { gapId: string; pluginId: string; reasons: string[] }): CapabilityAnswer {
  const why = held.reasons.length ? `: ${held.reasons.join("; ")}` : "";
  return {
    ok: false, pluginId: held.pluginId, synthesized: false, outcome: "awaiting_approval",
    reason: `policy holds ${held.pluginId} for an operator's approval${why}`,
    held: { gapId: held.gapId, reasons: held.reasons },
  };
}

/**
 * Capability requests made through the API or MCP. Each runs `requestCapability` in the background
 * (the agents answer through the log, here or in daemons elsewhere) and is kept for an hour by id,
 * so a client can ask how it stands, long-poll for the next change, or follow it as events.
 *
 * While the agents work, where a request stands comes from the read model: its capability's open
 * gap and that gap's status (open, drafted, tested, awaiting_approval). A gap policy holds for an
 * operator is not an answer yet, but a client is told at once (`awaiting_approval`, with the plugin).
 */
import { requestCapability } from "../agents/index.ts";
import type { CapabilityAnswer } from "../agents/index.ts";
import { CapsmithError } from "../errors/index.ts";
import { ServeError } from "./errors.ts";
import type { Clock, IdSource } from "../events/index.ts";
import { until } from "../events/index.ts";
import type { ReadModel } from "../../projections/index.ts";

export type RequestState = "pending" | "awaiting_approval" | "ready" | "failed";

export interface RequestStatus {
  requestId: string;
  capability: string;
  status: RequestState;
  /** Where the agents are: requested, open, drafted, tested, awaiting_approval, or done. */
  phase: string;
  /** The plugin that answers (ready), or the one held for approval. */
  pluginId: string | null;
  /** Written now by the agents, rather than found. */
  synthesized: boolean;
  outcome: string | null;
  reason: string | null;
  nextStep?: string;
  requestedAt: string;
}

export interface StartRequest {
  capability: string;
  spec: Record<string, unknown> | null;
  backend: "auto" | "example" | "llm";
  source: "api" | "mcp";
  correlationId?: string;
  /** The token that asked: unsettled requests are capped per token. */
  owner: string;
}

export interface RequestTracker {
  start(request: StartRequest): Promise<RequestStatus>;
  status(requestId: string): Promise<RequestStatus | undefined>;
  /**
   * The request's status once it differs from `seen` (a status's `phase` and `status`), or as it
   * stands when `timeoutMs` passes; undefined for an unknown request.
   */
  next(requestId: string, seen: RequestStatus | undefined, options: { timeoutMs: number; signal?: AbortSignal }): Promise<RequestStatus | undefined>;
  /** Resolves when the request has its answer (ready or failed). */
  settled(requestId: string): Promise<void>;
  /** Stops waiting for every request (the agents keep working; the log keeps the outcome). */
  close(): void;
}

interface Tracked {
  requestId: string;
  owner: string;
  capability: string;
  requestedAt: string;
  keptUntil: number;
  answer?: CapabilityAnswer;
  error?: CapsmithError;
  done: Promise<void>;
}

const KEEP_MS = 3_600_000;
const MAX_KEPT = 1_000;
/** The agents may take this long (a plan's gap waits 5 minutes; a held approval may wait for a person). */
const ANSWER_TIMEOUT_MS = 24 * 3_600_000;

const NEXT_STEPS: Record<string, string> = {
  rejected: "Add or correct examples and request it again; GET /v1/events shows the tester's report.",
  synthesis_failed: "Give a spec (or more examples) and request it again.",
  install_failed: "See GET /v1/audit for the failed install; nothing was left half-installed.",
  dry_run: "Policy mode is dry-run: the plugin was tested but not published.",
  suggested: "Policy mode is suggest: nothing is published.",
};

export interface PendingLimits {
  /** Unsettled requests kept at once, in all and per token (429 `too_many_requests` beyond). */
  maxPending: number;
  maxPendingPerToken: number;
}

export function createRequestTracker(options: { readModel: ReadModel; newId: IdSource; clock: Clock; limits: PendingLimits }): RequestTracker {
  const { readModel, newId, clock, limits } = options;
  const kept = new Map<string, Tracked>();
  const stop = new AbortController();
  const settledListeners = new Set<() => void>();

  function forget(): void {
    const now = clock.now().getTime();
    for (const [id, t] of kept) if (t.keptUntil < now && (t.answer || t.error)) kept.delete(id);
    // Past the cap the oldest settled requests go first; unsettled ones are never dropped.
    for (const [id, t] of kept) {
      if (kept.size <= MAX_KEPT) break;
      if (t.answer || t.error) kept.delete(id);
    }
  }

  async function statusOf(t: Tracked): Promise<RequestStatus> {
    const base = { requestId: t.requestId, capability: t.capability, requestedAt: t.requestedAt };
    if (t.answer) {
      const a = t.answer;
      const nextStep = a.ok ? undefined : NEXT_STEPS[a.outcome];
      return { ...base, status: a.ok ? "ready" : "failed", phase: "done", pluginId: a.pluginId, synthesized: a.synthesized, outcome: a.outcome, reason: a.reason, ...(nextStep ? { nextStep } : {}) };
    }
    if (t.error) {
      return { ...base, status: "failed", phase: "done", pluginId: null, synthesized: false, outcome: t.error.code, reason: t.error.message, ...(t.error.nextStep ? { nextStep: t.error.nextStep } : {}) };
    }
    const gaps = await readModel.state("gaps");
    const gapId = Object.hasOwn(gaps.openByCapability, t.capability) ? gaps.openByCapability[t.capability] : undefined;
    const gap = gapId && Object.hasOwn(gaps.gaps, gapId) ? gaps.gaps[gapId] : undefined;
    if (gap?.status === "awaiting_approval") {
      return {
        ...base, status: "awaiting_approval", phase: gap.status, pluginId: gap.pluginId, synthesized: false, outcome: null,
        reason: `policy holds ${gap.pluginId} for an operator`,
        nextStep: `An operator approves it: POST /v1/approvals/${gap.pluginId}/approve (or capsmith plugin approve ${gap.pluginId} --key NAME).`,
      };
    }
    return { ...base, status: "pending", phase: gap?.status ?? "requested", pluginId: null, synthesized: false, outcome: null, reason: null };
  }

  const tracker: RequestTracker = {
    async start(request) {
      forget();
      // An unsettled request is kept until the agents answer (a day at most): without a cap, one
      // token asking in a loop, with no agent answering, would grow the server without bound.
      let pending = 0;
      let theirs = 0;
      for (const k of kept.values()) {
        if (k.answer || k.error) continue;
        pending++;
        if (k.owner === request.owner) theirs++;
      }
      if (theirs >= limits.maxPendingPerToken || pending >= limits.maxPending) {
        const mine = theirs >= limits.maxPendingPerToken;
        throw new ServeError("too_many_requests", mine ? `this token has ${theirs} capability requests waiting for the agents, its limit` : `the server has ${pending} capability requests waiting for the agents, its limit`, {
          retryable: true,
          nextStep: "Wait for a request to settle (GET /v1/requests/ID?wait=60), or check that agents are running (capsmith daemon) if none ever does.",
        });
      }
      const requestId = newId();
      const t: Tracked = { requestId, owner: request.owner, capability: request.capability, requestedAt: clock.now().toISOString(), keptUntil: Number.POSITIVE_INFINITY, done: Promise.resolve() };
      kept.set(requestId, t);
      const asked = requestCapability(readModel, request.capability, {
        spec: request.spec,
        source: request.source,
        requestId,
        newId,
        backend: request.backend,
        timeoutMs: ANSWER_TIMEOUT_MS,
        signal: stop.signal,
        ...(request.correlationId ? { correlationId: request.correlationId } : {}),
      });
      t.done = asked.then(
        (answer) => void (t.answer = answer),
        (err: unknown) => void (t.error = err instanceof CapsmithError ? err : new CapsmithError("internal", String((err as Error)?.message ?? err))),
      ).finally(() => {
        t.keptUntil = clock.now().getTime() + KEEP_MS;
        for (const l of [...settledListeners]) l();
      });
      return statusOf(t);
    },

    async status(requestId) {
      const t = kept.get(requestId);
      return t ? statusOf(t) : undefined;
    },

    async next(requestId, seen, wait) {
      const t = kept.get(requestId);
      if (!t) return undefined;
      const differs = async (): Promise<RequestStatus | undefined> => {
        const now = await statusOf(t);
        return !seen || now.status !== seen.status || now.phase !== seen.phase || now.phase === "done" ? now : undefined;
      };
      // Wake on the log growing and on the answer arriving (which may come just after the log's news).
      const changes = (listener: () => void): (() => void) => {
        settledListeners.add(listener);
        const off = readModel.onChange(listener);
        return () => {
          settledListeners.delete(listener);
          off();
        };
      };
      const timedOut = new CapsmithError("timeout", "no change yet");
      try {
        return await until(changes, differs, { timeoutMs: wait.timeoutMs, ...(wait.signal ? { signal: wait.signal } : {}), timeout: () => timedOut, cancelled: () => timedOut });
      } catch (err) {
        if (err === timedOut) return statusOf(t);
        throw err;
      }
    },

    async settled(requestId) {
      await kept.get(requestId)?.done;
    },

    close() {
      stop.abort();
    },
  };
  return tracker;
}

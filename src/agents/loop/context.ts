/**
 * What every agent gets: the log, injected clock and ids, a logger, and the projections it decides
 * on (kept current by catching up before each decision).
 */
import type { Logger } from "pino";
import { subjectFor } from "../../events/index.ts";
import type { AnyStoredEvent, Clock, EventLog, IdSource, NewEvent } from "../../events/index.ts";
import { createProjector, gaps, hub, keys } from "../../../projections/index.ts";
import type { GapsState, HubState, KeysState } from "../../../projections/index.ts";

export type AgentRole = "gap" | "synthesizer" | "tester" | "governor" | "runner" | "slo";
export const AGENT_ROLES: readonly AgentRole[] = ["gap", "synthesizer", "tester", "governor", "slo"];

export interface LoopState {
  hub: HubState;
  gaps: GapsState;
  keys: KeysState;
  seq: number;
}

export interface AgentContext {
  log: EventLog;
  clock: Clock;
  newId: IdSource;
  logger: Logger;
  /** The projections as of the end of the log now. */
  state(): Promise<LoopState>;
}

export function createAgentContext(log: EventLog, deps: { clock: Clock; newId: IdSource; logger: Logger }): AgentContext {
  const projector = createProjector({ log, projections: [hub, gaps, keys] });
  return {
    log,
    ...deps,
    async state() {
      const v = await projector.catchUp();
      return { hub: v.states["hub"] as HubState, gaps: v.states["gaps"] as GapsState, keys: v.states["keys"] as KeysState, seq: v.seq };
    },
  };
}

/** A reactor: the events it cares about in, new events out. */
export interface Reactor {
  role: AgentRole;
  /** Subject filter of its durable subscription. */
  filter: string;
  handle(event: AnyStoredEvent, ctx: AgentContext): Promise<void>;
  close?(): Promise<void>;
}

/**
 * Appends what a reactor decided in response to `cause`: one record on the gap's subject, with a
 * message id derived from the cause so a redelivered cause never doubles the effect.
 */
export async function emit(ctx: AgentContext, role: AgentRole, cause: AnyStoredEvent, capability: string, events: Omit<NewEvent, "subject">[], options: { expectedSubjectSeq?: number } = {}): Promise<void> {
  const subject = subjectFor("gap", capability);
  await ctx.log.append(
    events.map((e) => ({ ...e, subject, actor: role, causationId: cause.id, correlationId: cause.correlationId }) as NewEvent),
    { msgId: `${role}:${cause.id}`, ...options },
  );
}

/**
 * What every agent gets: the log, injected clock and ids, a logger, and the process's read model
 * (the states it decides on, caught up before each decision).
 */
import type { Logger } from "pino";
import { ConcurrencyError, subjectFor } from "../../events/index.ts";
import type { AnyStoredEvent, Clock, EventLog, IdSource, NewEvent } from "../../events/index.ts";
import type { GapsState, HubState, KeysState, ReadModel } from "../../../projections/index.ts";

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
  readModel: ReadModel;
  clock: Clock;
  newId: IdSource;
  logger: Logger;
  /** The hub, gaps and keys as of the end of the log now. */
  state(): Promise<LoopState>;
}

export function createAgentContext(readModel: ReadModel, deps: { clock: Clock; newId: IdSource; logger: Logger }): AgentContext {
  return {
    log: readModel.log,
    readModel,
    ...deps,
    async state() {
      const { seq, states } = await readModel.current(["hub", "gaps", "keys"]);
      return { ...states, seq };
    },
  };
}

/** A reactor: the events it cares about in, new events out. */
export interface Reactor {
  role: AgentRole;
  /** Subject filter of its durable subscription. */
  filter: string;
  /**
   * The durable's name (default `agent-<role>`): a role that reacts to two subject trees runs one
   * reactor per tree, each its own durable (a durable has one filter).
   */
  durable?: string;
  handle(event: AnyStoredEvent, ctx: AgentContext): Promise<void>;
  close?(): Promise<void>;
}

/**
 * Appends what a reactor decided in response to `cause`: one record on the gap's subject, with a
 * message id derived from the cause so a redelivered cause never doubles the effect (`msgId` for a
 * second record on one cause, which the default id would take for a duplicate of the first).
 */
export async function emit(ctx: AgentContext, role: AgentRole, cause: AnyStoredEvent, capability: string, events: Omit<NewEvent, "subject">[], options: { expectedSubjectSeq?: number; msgId?: string } = {}): Promise<void> {
  const subject = subjectFor("gap", capability);
  await ctx.log.append(
    events.map((e) => ({ ...e, subject, actor: role, causationId: cause.id, correlationId: cause.correlationId }) as NewEvent),
    { ...options, msgId: options.msgId ?? `${role}:${cause.id}` },
  );
}

/** How many times a decision is re-checked and re-appended when its subject moved on meanwhile. */
export const MAX_DECISION_ATTEMPTS = 8;

/**
 * Appends an agent's decision conditional on its subject's head as read before the state the
 * decision was made on — not on message ids, which JetStream forgets after its duplicate window — so
 * however late a redelivery comes, one decision has one effect. When the subject moved on meanwhile
 * (another event on the capability, or another agent deciding the same thing), `stillValid` is asked
 * again on the newer state: false means the effect happened (or no longer applies) and nothing is
 * appended; true appends on the new head. `options.msgId` as for `emit`.
 */
export async function emitOnHead(ctx: AgentContext, role: AgentRole, cause: AnyStoredEvent, capability: string, events: Omit<NewEvent, "subject">[], head: number, stillValid: () => Promise<boolean>, options: { msgId?: string } = {}): Promise<boolean> {
  const subject = subjectFor("gap", capability);
  let expected = head;
  for (let attempt = 1; ; attempt++) {
    try {
      await emit(ctx, role, cause, capability, events, { ...options, expectedSubjectSeq: expected });
      return true;
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_DECISION_ATTEMPTS) throw err;
      expected = (await ctx.log.subjectHead(subject))?.seq ?? 0;
      if (!(await stillValid())) {
        ctx.logger.debug({ role, cause: cause.id }, "decision already made (or no longer applies); not appended");
        return false;
      }
    }
  }
}

/**
 * Runs reactors: each role is one durable subscription on the log, so in one process all agents
 * react through the same log, and across daemons several processes of one role share its work.
 * A handler that keeps failing on one event gets `maxAttempts` tries; then the event is recorded
 * as a dead letter (HandlerDeadLettered on capsmith.evt.deadletter.<role>) and acknowledged, so
 * one poisoned event cannot hold a role in a retry loop forever. An operator's DeadLetterRedriven
 * (redrive.ts), delivered on the set-aside event's subject, hands that event to the handler again.
 */
import type { Logger } from "pino";
import { eventText, settlesWithin, subjectFor } from "../../events/index.ts";
import type { AnyStoredEvent, Clock, IdSource, NewEvent, Subscription } from "../../events/index.ts";
import type { ReadModel } from "../../../projections/index.ts";
import { createAgentContext } from "./context.ts";
import type { AgentContext, Reactor } from "./context.ts";
import { redriveTarget } from "./redrive.ts";
import { followedBy } from "./subscriptions.ts";

export interface RunningAgents {
  ctx: AgentContext;
  /** Stops taking work and waits for handlers in flight, up to `drainMs` (what SIGTERM does). */
  stop(): Promise<void>;
}

export interface AgentRunOptions {
  /** How long an agent may hold an event before another gets it (default 120 s). */
  ackWaitMs?: number;
  /** Test hook: each role waits this long before handling an event (config `agentDelays`, from `CAPSMITH_AGENT_DELAY`). */
  delays?: Partial<Record<string, number>>;
  /** Tries a handler gets on one event before it becomes a dead letter (default 5). */
  maxAttempts?: number;
  /** How long `stop` waits for handlers in flight before it leaves them (default 8 s). */
  drainMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_DRAIN_MS = 8_000;

export async function startAgents(readModel: ReadModel, reactors: readonly Reactor[], deps: { clock: Clock; newId: IdSource; logger: Logger }, options: AgentRunOptions = {}): Promise<RunningAgents> {
  const ctx = createAgentContext(readModel, deps);
  const { log } = readModel;
  // What a role is handed is said once, in SUBSCRIPTIONS: its dead letters are judged by it.
  for (const reactor of reactors) {
    if (!followedBy(reactor.role).includes(reactor.filter)) {
      throw new Error(`a ${reactor.role} reactor subscribes to ${reactor.filter}, which is not one of its role's subscriptions (SUBSCRIPTIONS in src/agents/loop/subscriptions.ts): a bug`);
    }
  }
  const subscriptions: Subscription[] = [];
  for (const reactor of reactors) {
    const logger = deps.logger.child({ agent: reactor.role });
    const delay = options.delays?.[reactor.role] ?? 0;
    subscriptions.push(
      await log.subscribe(reactor.durable ?? `agent-${reactor.role}`, { filter: reactor.filter, retryDelayMs: 200, ackWaitMs: options.ackWaitMs ?? 120_000 }, async (event, delivery) => {
        logger.debug({ type: event.type, seq: event.seq, attempt: delivery.attempt }, "handling");
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        // A delivery is raw: one the read model quarantined (edited, unlinked, malformed) decides nothing.
        // A redrive is judged by redrive.ts instead (by the keys as of it, as the listing judges it).
        if (event.type !== "DeadLetterRedriven" && !(await readModel.admits(event))) {
          logger.warn({ type: event.type, seq: event.seq }, "ignoring a quarantined event");
          return;
        }
        // An operator's redrive hands the set-aside event back to the handler, with fresh attempts.
        let handled = event;
        let redrive: AnyStoredEvent | undefined;
        if (event.type === "DeadLetterRedriven") {
          const target = await redriveTarget(readModel, reactor.role, event);
          if (!target.ok) {
            if (target.reason) logger.warn({ seq: event.seq, reason: target.reason }, "ignoring a redrive");
            return;
          }
          logger.info({ type: target.event.type, seq: target.event.seq, letter: target.letter.id }, "a dead letter handed back by an operator");
          handled = target.event;
          redrive = event;
        }
        try {
          await reactor.handle(handled, { ...ctx, logger });
        } catch (err) {
          const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
          if (delivery.attempt < maxAttempts) {
            logger.warn({ err, type: handled.type, seq: handled.seq, attempt: delivery.attempt }, "handler failed; the event will be redelivered");
            throw err;
          }
          try {
            logger.error({ err, type: handled.type, seq: handled.seq, attempt: delivery.attempt }, "handler failed on its last attempt; the event is now a dead letter");
          } catch {
            // The logger's serializer met a value it cannot read (a throwing getter): the record below still says what it can.
          }
          // Acknowledged once recorded; if the record cannot be written, the event comes again. A
          // redriven event that fails again is a new letter (its own message id), open to a new redrive.
          const msgId = `deadletter:${reactor.role}:${handled.id}${redrive ? `:${redrive.id}` : ""}`;
          await log.append([deadLetter(reactor.role, handled, delivery.attempt, err, redrive)], { msgId });
        }
      }),
    );
  }
  return {
    ctx,
    async stop() {
      // Handlers in flight get `drainMs` to finish; one still waiting after that (a read retrying
      // against a dead cluster node) is left unacknowledged, so the log redelivers its event to a
      // live agent, and stopping stays prompt (a supervisor's SIGKILL would lose the same work).
      const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS;
      const drained = await settlesWithin(Promise.all(subscriptions.map((s) => s.stop())), drainMs);
      if (!drained) deps.logger.warn({ drainMs }, "stopping with work in flight: its events stay unacknowledged and will be redelivered");
      for (const reactor of reactors) await reactor.close?.();
    },
  };
}

/** What a thrown value says, never throwing itself: a record that cannot be written would make the event come back forever. */
function errorOf(err: unknown): { code: string; message: string } {
  try {
    const e = err as { code?: unknown; message?: unknown };
    const message = typeof e?.message === "string" ? e.message : String(err);
    return { code: typeof e?.code === "string" ? eventText(e.code, 100) : "internal", message: eventText(message, 2_000) };
  } catch {
    // A value with no string form (an object without a prototype, a throwing getter or toString).
    return { code: "internal", message: "[a thrown value that cannot be printed]" };
  }
}

function deadLetter(role: string, event: AnyStoredEvent, attempts: number, err: unknown, redrive?: AnyStoredEvent): NewEvent {
  return {
    type: "HandlerDeadLettered",
    subject: subjectFor("deadletter", role),
    actor: role,
    causationId: redrive?.id ?? event.id,
    correlationId: event.correlationId,
    data: {
      role, eventId: event.id, eventType: event.type, eventSeq: event.seq, subject: event.subject, attempts,
      error: errorOf(err),
    },
  } as NewEvent;
}

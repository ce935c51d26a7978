/**
 * Runs reactors: each role is one durable subscription on the log, so in one process all agents
 * react through the same log, and across daemons several processes of one role share its work.
 */
import type { Logger } from "pino";
import type { Clock, EventLog, IdSource, Subscription } from "../../events/index.ts";
import { createAgentContext } from "./context.ts";
import type { AgentContext, Reactor } from "./context.ts";

export interface RunningAgents {
  ctx: AgentContext;
  /** Stops taking work and waits for handlers in flight (what SIGTERM does). */
  stop(): Promise<void>;
}

export async function startAgents(log: EventLog, reactors: readonly Reactor[], deps: { clock: Clock; newId: IdSource; logger: Logger }): Promise<RunningAgents> {
  const ctx = createAgentContext(log, deps);
  const subscriptions: Subscription[] = [];
  for (const reactor of reactors) {
    const logger = deps.logger.child({ agent: reactor.role });
    subscriptions.push(
      await log.subscribe(`agent-${reactor.role}`, { filter: reactor.filter, retryDelayMs: 200, ackWaitMs: 120_000 }, async (event, delivery) => {
        logger.debug({ type: event.type, seq: event.seq, attempt: delivery.attempt }, "handling");
        try {
          await reactor.handle(event, { ...ctx, logger });
        } catch (err) {
          logger.warn({ err, type: event.type, seq: event.seq, attempt: delivery.attempt }, "handler failed; the event will be redelivered");
          throw err;
        }
      }),
    );
  }
  return {
    ctx,
    async stop() {
      await Promise.all(subscriptions.map((s) => s.stop()));
      for (const reactor of reactors) await reactor.close?.();
    },
  };
}

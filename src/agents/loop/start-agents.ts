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

export interface AgentRunOptions {
  /** How long an agent may hold an event before another gets it (default 120 s). */
  ackWaitMs?: number;
  /** Test hook: each role waits this long before handling an event (`CAPSMITH_AGENT_DELAY=synthesizer:1500`). */
  delays?: Partial<Record<string, number>>;
}

/** Reads `CAPSMITH_AGENT_DELAY=role:ms,role:ms` (a test hook to make a kill land mid-work). */
export function agentDelaysFromEnv(value = process.env["CAPSMITH_AGENT_DELAY"]): Partial<Record<string, number>> {
  const delays: Partial<Record<string, number>> = {};
  for (const part of (value ?? "").split(",").filter(Boolean)) {
    const [role, ms] = part.split(":");
    if (role && Number(ms) > 0) delays[role] = Number(ms);
  }
  return delays;
}

export async function startAgents(log: EventLog, reactors: readonly Reactor[], deps: { clock: Clock; newId: IdSource; logger: Logger }, options: AgentRunOptions = {}): Promise<RunningAgents> {
  const ctx = createAgentContext(log, deps);
  const subscriptions: Subscription[] = [];
  for (const reactor of reactors) {
    const logger = deps.logger.child({ agent: reactor.role });
    const delay = options.delays?.[reactor.role] ?? 0;
    subscriptions.push(
      await log.subscribe(`agent-${reactor.role}`, { filter: reactor.filter, retryDelayMs: 200, ackWaitMs: options.ackWaitMs ?? 120_000 }, async (event, delivery) => {
        logger.debug({ type: event.type, seq: event.seq, attempt: delivery.attempt }, "handling");
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
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

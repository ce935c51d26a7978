/**
 * The loop's agents driven by hand on one capsmith: each reactor handles the record it is given,
 * writing as its role (a signed log signs with that role's key), so a test can put a forged record
 * between any two steps of gap → synthesizer → tester → governor.
 */
import { pino } from "pino";
import { expect } from "vitest";
import { createAgentContext } from "../../src/agents/loop/context.ts";
import type { AgentContext, Reactor } from "../../src/agents/loop/context.ts";
import { ALL_EVENTS, subjectFor, withActor } from "../../src/events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import type { TestCapsmith } from "./capsmith.ts";
import { doubleSpec } from "./plugin-packages.ts";

export interface HandAgents {
  /** The agents' context, its log writing as `role`. */
  as(role: string): AgentContext;
  /** Every record of the log, in order. */
  all(): Promise<AnyStoredEvent[]>;
  /** The records of one type, in order. */
  only(type: string): Promise<AnyStoredEvent[]>;
  /** `reactor`, as `role`, handles the first `cause` record, which must make exactly one `next` record (returned). */
  step(reactor: Reactor, role: string, cause: string, next: string): Promise<AnyStoredEvent>;
  /** A runner's request for double_it (doubleSpec with `extra` over it), for `backend`. */
  requestDouble(backend: string, extra?: Record<string, unknown>): Promise<void>;
}

export function handAgents(c: TestCapsmith): HandAgents {
  const base = createAgentContext(c.runtime.readModel, { clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }) });
  const all = async (): Promise<AnyStoredEvent[]> => {
    const out: AnyStoredEvent[] = [];
    for await (const e of c.log.read(ALL_EVENTS)) out.push(e);
    return out;
  };
  const only = async (type: string): Promise<AnyStoredEvent[]> => (await all()).filter((e) => e.type === type);
  const as = (role: string): AgentContext => ({ ...base, log: withActor(c.log, role) });
  return {
    as,
    all,
    only,
    async step(reactor, role, cause, next) {
      await reactor.handle((await only(cause))[0]!, as(role));
      const made = await only(next);
      expect(made, `${role} made no ${next}`).toHaveLength(1);
      return made[0]!;
    },
    async requestDouble(backend, extra = {}) {
      const { capability: _c, ...spec } = { ...doubleSpec, ...extra };
      await c.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", "double_it"), actor: "runner", data: { requestId: "r1", capability: "double_it", spec, source: "cli", runId: null, stepId: null, backend } } as NewEvent]);
    },
  };
}

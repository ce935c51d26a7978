/**
 * A log that fails while the synthesizer records its draft (a head read timing out while NATS
 * restarts: `log_unavailable`, retryable) is not a synthesis that failed: the handler fails so the
 * event comes again, and the redelivery records the draft. The gap is never closed as
 * `synthesis_failed` for a reconnect (seen in CI: "capability_unavailable ... (synthesis_failed):
 * log_unavailable: reading the head of capsmith.evt.gap.total_cost failed: timeout").
 */
import { afterEach, expect, it } from "vitest";
import { pino } from "pino";
import { createBackendChooser } from "../../src/agents/backends.ts";
import { gapDetector } from "../../src/agents/gap-detector.ts";
import { createAgentContext } from "../../src/agents/loop/context.ts";
import type { AgentContext } from "../../src/agents/loop/context.ts";
import { createSynthesizerAgent } from "../../src/agents/synthesizer-agent.ts";
import { ALL_EVENTS, EventLogError, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { doubleSpec } from "../support/plugin-packages.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

/** The log with its next draft append failing as a head read does while NATS restarts. */
function failingOnce(log: EventLog): EventLog {
  let failed = false;
  return new Proxy(log, {
    get(target, key, receiver) {
      if (key === "append") {
        return (events: NewEvent[], options?: object) => {
          if (!failed && events.some((e) => e.type === "PluginDrafted")) {
            failed = true;
            return Promise.reject(new EventLogError("log_unavailable", "reading the head of capsmith.evt.gap.double_it failed: timeout", { retryable: true, nextStep: "retry" }));
          }
          return target.append(events, options);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

it("a log outage while recording a draft fails the handler (redelivered) instead of closing the gap as synthesis_failed", async () => {
  capsmith = await openTestCapsmith({ roles: [] });
  const base = createAgentContext(capsmith.runtime.readModel, { clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }) });
  const ctx: AgentContext = { ...base, log: failingOnce(capsmith.log) };
  const only = async (type: string): Promise<AnyStoredEvent[]> => {
    const out: AnyStoredEvent[] = [];
    for await (const e of capsmith!.log.read(ALL_EVENTS)) if (e.type === type) out.push(e);
    return out;
  };
  const { capability: _c, ...spec } = doubleSpec;
  await capsmith.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", "double_it"), data: { requestId: "r1", capability: "double_it", spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
  await gapDetector.handle((await only("CapabilityRequested"))[0]!, ctx);
  const detected = (await only("CapabilityGapDetected"))[0]!;

  const backendFor = createBackendChooser();
  const synthesizer = createSynthesizerAgent({ backendFor });
  await expect(synthesizer.handle(detected, ctx)).rejects.toMatchObject({ code: "log_unavailable" });
  expect(await only("GapClosed")).toEqual([]);
  await synthesizer.handle(detected, ctx); // the redelivery
  expect(await only("PluginDrafted")).toHaveLength(1);
  expect(await only("GapClosed")).toEqual([]);
  await (backendFor("example") as { close?: () => Promise<void> }).close?.();
}, 60_000);

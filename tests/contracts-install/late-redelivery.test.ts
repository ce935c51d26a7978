/**
 * One effect per agent decision however late a redelivery comes. JetStream forgets message ids after
 * its duplicate window (2 minutes), so a decision delivered twice — to a slow agent and, after the
 * ack wait, to another — must not rely on them. Here the log forgets every message id (as JetStream
 * has once the window passed) and each agent gets its triggering event twice at once, then a third
 * time later: each decision lands once, because it is appended conditional on its subject's head
 * (and a request, whose answer depends on the hub as it is, is answered once: the log is asked).
 */
import { afterEach, expect, it } from "vitest";
import { pino } from "pino";
import { createBackendChooser } from "../../src/agents/backends.ts";
import { gapDetector } from "../../src/agents/gap-detector.ts";
import { createGovernor } from "../../src/agents/governor.ts";
import { createAgentContext } from "../../src/agents/loop/context.ts";
import type { AgentContext, Reactor } from "../../src/agents/loop/context.ts";
import { createSynthesizerAgent } from "../../src/agents/synthesizer-agent.ts";
import { createTester } from "../../src/agents/tester.ts";
import { ALL_EVENTS, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith, TEST_HOST_VERSION } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { doubleSpec } from "../support/plugin-packages.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

/** The log as JetStream is after its duplicate window: message ids are not remembered. */
function forgetful(log: EventLog): EventLog {
  return new Proxy(log, {
    get(target, key, receiver) {
      if (key === "append") {
        return (events: NewEvent[], options: { msgId?: string } = {}) => {
          const { msgId: _forgotten, ...rest } = options;
          return target.append(events, rest);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

it("a detection, a draft and a test report delivered twice at once and once late each have one effect", async () => {
  capsmith = await openTestCapsmith({ roles: [] });
  const { runtime } = capsmith;
  const base = createAgentContext(runtime.readModel, { clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }) });
  const ctx: AgentContext = { ...base, log: forgetful(capsmith.log) };
  const all = async (): Promise<AnyStoredEvent[]> => {
    const out: AnyStoredEvent[] = [];
    for await (const e of capsmith!.log.read(ALL_EVENTS)) out.push(e);
    return out;
  };
  const only = async (type: string): Promise<AnyStoredEvent[]> => (await all()).filter((e) => e.type === type);
  /** Delivers `event` to `reactor` twice at once, then once more after both finished. */
  const redeliver = async (reactor: Reactor, event: AnyStoredEvent): Promise<void> => {
    await Promise.all([reactor.handle(event, ctx), reactor.handle(event, ctx)]);
    await reactor.handle(event, ctx);
  };

  const { capability: _c, ...spec } = doubleSpec;
  await capsmith.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", "double_it"), data: { requestId: "r1", capability: "double_it", spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
  await gapDetector.handle((await only("CapabilityRequested"))[0]!, ctx);
  const detected = await only("CapabilityGapDetected");
  expect(detected).toHaveLength(1);
  // A second request while the gap is open: answered by that gap's closing.
  await capsmith.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", "double_it"), data: { requestId: "r2", capability: "double_it", spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
  await gapDetector.handle((await only("CapabilityRequested"))[1]!, ctx);

  const backendFor = createBackendChooser();
  await redeliver(createSynthesizerAgent({ backendFor }), detected[0]!);
  const drafted = await only("PluginDrafted");
  expect(drafted).toHaveLength(1);

  await redeliver(createTester({ sandbox: runtime.sandbox, hostVersion: TEST_HOST_VERSION }), drafted[0]!);
  const tested = await only("PluginTested");
  expect(tested).toHaveLength(1);

  await redeliver(createGovernor({ hub: runtime.hub, policy: runtime.policy, hostVersion: TEST_HOST_VERSION }), tested[0]!);
  expect(await only("InstallStarted")).toHaveLength(1);
  expect(await only("InstallCommitted")).toHaveLength(1);
  const closed = await only("GapClosed");
  expect(closed).toHaveLength(1);
  expect(closed[0]!.data).toMatchObject({ ok: true, pluginId: "double_it@1.0.0", outcome: "published" });

  // The request again, late, on a hub that moved on (the version it asked for now serves; then
  // none does): answered once, so neither a second answer nor a second gap.
  const requests = await only("CapabilityRequested");
  for (const r of requests) await redeliver(gapDetector, r);
  await runtime.hub.uninstall("double_it@1.0.0");
  for (const r of requests) await redeliver(gapDetector, r);
  expect(await only("CapabilityResolved")).toHaveLength(0);
  expect(await only("CapabilityGapDetected")).toHaveLength(1);
  await (backendFor("example") as { close?: () => Promise<void> }).close?.();
}, 120_000);

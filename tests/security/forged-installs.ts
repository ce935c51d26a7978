/**
 * Shared by the attacks on installs with a stolen governor key (attack-hub-round3 and
 * attack-round3-hub-breaks): a signed capsmith per test, and install records as a governor writes
 * them on total_cost's subject.
 */
import { afterEach, expect } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { pack } from "../hub/fixtures.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

const subject = subjectFor("plugin", "total_cost");
/** The id the governor derives for the install it is about to make (`tx-<event id>`). */
export const TX = "tx-0190d0c0-honest-tested-event";

/** Registers the disposal; each test opens one capsmith on a log that requires signed events, with a short install lease. */
export function useSignedHubs(): {
  /** total_cost@1.0.0 installed and active, the agents running. */
  withTotalCost(): Promise<TestCapsmith>;
  /** Nothing installed and no agents: the test drives them by hand (support/hand-agents.ts). */
  withoutAgents(): Promise<TestCapsmith>;
} {
  let capsmith: TestCapsmith | undefined;
  afterEach(async () => {
    await capsmith?.dispose();
    capsmith = undefined;
  });
  const open = async (options: { roles?: [] }): Promise<TestCapsmith> =>
    (capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }), ...options, config: { installLeaseMs: 300 } }));
  return {
    async withTotalCost() {
      const c = await open({});
      expect(await c.runtime.hub.install(pack(), { source: "test" })).toMatchObject({ ok: true });
      return c;
    },
    withoutAgents: () => open({ roles: [] }),
  };
}

/** Events as a governor writes them on total_cost's subject (the log signs each with the governor key). */
export const governor = (events: { type: string; data: Record<string, unknown> }[]): NewEvent[] => events.map((e) => ({ ...e, subject, actor: "governor" }) as NewEvent);

export const started = (txId: string, pkg: unknown, pluginId: string, version: string, kind = "update") =>
  ({ type: "InstallStarted", data: { txId, kind, pluginId, capability: "total_cost", version, package: pkg, previousActive: "total_cost@1.0.0", source: "forged" } });

/** `pluginId` is total_cost's active version, its status says so, and an invoke runs it. */
export async function expectServing(c: TestCapsmith, pluginId: string): Promise<void> {
  const state = await c.runtime.hub.state();
  const result = await invokeCapability(c.runtime, "total_cost", { items: [{ qty: 2, price: 3 }] });
  expect({ active: state.capabilities["total_cost"]?.active, status: state.plugins[pluginId]?.status, ran: result.ok ? result.pluginId : result }).toEqual({ active: pluginId, status: "active", ran: pluginId });
}

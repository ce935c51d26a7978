/**
 * What the slo rollback tests share: the processes and logs a test opens on one signed data
 * directory, closed after each test (the directory's owner, opened first, last: it removes the
 * directory), and a real budget breach written as the runner's usage.
 */
import { afterEach, expect } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import type { Policy } from "../../src/hub/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { T0, at } from "./support.ts";

export interface Deployment {
  operator: TestCapsmith;
  clock: { now(): Date; set(ms: number): void };
}

/** Arrays a test pushes what it opens into; emptied (and closed) after each test. */
export function trackProcesses(): { opened: TestCapsmith[]; logs: EventLog[] } {
  const opened: TestCapsmith[] = [];
  const logs: EventLog[] = [];
  afterEach(async () => {
    const [owner, ...others] = opened.splice(0);
    for (const c of others.reverse()) await c.dispose();
    for (const l of logs.splice(0)) await l.close();
    await owner?.dispose();
  });
  return { opened, logs };
}

/**
 * An hour of `pluginId` answering in 200 ms (against the tests' 50 ms budget), then one call in the
 * next hour: a breach of a completed hour. Returns the last usage event.
 */
export async function breach(d: Deployment, capability: string, pluginId: string): Promise<AnyStoredEvent> {
  const invoked = (ms: number, n: number): NewEvent[] => {
    d.clock.set(ms);
    return Array.from({ length: n }, () => ({
      type: "PluginInvoked", subject: subjectFor("usage", capability), actor: "runner",
      data: { pluginId, capability, runId: null, ok: true, errorCode: null, latencyMs: 200, cpuMs: 2, heapBytes: 1_000_000 },
    }) as NewEvent);
  };
  await d.operator.log.append(invoked(at(0, 1), 20));
  const { seq } = await d.operator.log.append(invoked(at(1, 0), 1));
  for await (const e of d.operator.log.read(subjectFor("usage", capability), { fromSeq: seq })) return e;
  throw new Error("the last usage event is missing");
}

/**
 * A data directory under `policy` whose operator installs `packages` in order (a version string is
 * double_it at that version; the last install of a capability is its active version), after `before`.
 */
export async function deploy(policy: Policy, opened: TestCapsmith[], packages: (string | PluginPackage)[], before: (operator: TestCapsmith) => Promise<void> = async () => undefined): Promise<Deployment> {
  let now = T0;
  const clock = { now: () => new Date(now), set: (ms: number) => (now = ms) };
  const operator = await openTestCapsmith({ policy, clock, roles: [] });
  opened.push(operator);
  await before(operator);
  for (const pkg of packages) {
    const outcome = await operator.runtime.hub.install(typeof pkg === "string" ? makePackage(pkg) : pkg, { source: "test" });
    expect(outcome.ok, JSON.stringify(outcome.failure)).toBe(true);
  }
  return { operator, clock };
}

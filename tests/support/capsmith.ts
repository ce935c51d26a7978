/**
 * capsmith for tests, through the one composition root: a config for a temporary data directory
 * (or one given), nothing taken from the environment, and whichever agents the test runs.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { InvokeResult, Runtime } from "../../src/agents/index.ts";
import { openCapsmith } from "../../src/app/index.ts";
import type { Capsmith, WriteAccess } from "../../src/app/index.ts";
import { loadConfig } from "../../src/config/index.ts";
import type { CapsmithConfig } from "../../src/config/index.ts";
import { watchLog } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { openReadModel } from "../../projections/index.ts";
import type { ReadModel } from "../../projections/index.ts";

export const TEST_HOST_VERSION = "0.1.0";

export function testConfig(dataDir: string, overrides: Partial<CapsmithConfig> = {}): CapsmithConfig {
  return { ...loadConfig({ flags: { data: dataDir }, env: {}, hostVersion: TEST_HOST_VERSION }), ...overrides };
}

export interface TestCapsmith extends Capsmith {
  dir: string;
  /** Closes capsmith and removes the data directory (when the test made it). */
  dispose(): Promise<void>;
}

export type TestOptions = Omit<WriteAccess, "access" | "logger"> & { dir?: string; config?: Partial<CapsmithConfig> };

export async function openTestCapsmith(options: TestOptions = {}): Promise<TestCapsmith> {
  const { dir: given, config, ...access } = options;
  const dir = given ?? (await mkdtemp(join(tmpdir(), "capsmith-test-")));
  const capsmith = await openCapsmith(testConfig(dir, config), { access: "write", logger: pino({ level: "silent" }), ...access });
  return {
    ...capsmith,
    dir,
    async dispose() {
      await capsmith.close();
      if (!given) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the active plugin of a capability, as a plan step would. */
export async function invokeCapability(runtime: Runtime, capability: string, input: unknown): Promise<InvokeResult> {
  const plugin = runtime.invoker.resolve(await runtime.hub.state(), capability);
  if (!plugin) throw new Error(`no active plugin serves ${capability}`);
  return runtime.invoker.invoke(plugin, input);
}

/** A read model over a log a test opened itself (no snapshots), for tests of one part (the hub service, say). */
export function readModelOf(log: EventLog, options: { requireSignedEvents?: boolean } = {}): Promise<ReadModel> {
  const watched = watchLog(log, { pollMs: 20 });
  return openReadModel({ log: watched.log, identity: async () => "test", changes: watched.changes, ...options });
}

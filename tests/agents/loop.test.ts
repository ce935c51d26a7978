/**
 * The loop in one process over a real file log and real sandboxes: a capability request becomes a
 * gap, a draft, a test report and a published plugin; the next request is served without synthesis.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_EVENTS, openFileLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../src/events/index.ts";
import { requestCapability, startRuntime } from "../../src/agents/index.ts";
import type { Runtime } from "../../src/agents/index.ts";
import { DEFAULT_POLICY, parsePolicy } from "../../src/hub/index.ts";
import { uuidIds, systemClock } from "../../src/platform/index.ts";
import { loadTask } from "../support/tasks.ts";

let dir: string;
let log: EventLog;
let runtime: Runtime;
const logger = pino({ level: "silent" });

async function start(policy = DEFAULT_POLICY): Promise<Runtime> {
  return startRuntime({ log, clock: systemClock, newId: uuidIds, logger, policy, hostVersion: "0.1.0", roles: ["gap", "synthesizer", "tester", "governor"] });
}

async function types(): Promise<string[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of log.read(ALL_EVENTS)) out.push(e);
  return out.map((e) => e.type);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-loop-"));
  log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "runner" });
});
afterEach(async () => {
  await runtime?.close();
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the loop", () => {
  it("closes a gap end to end, then serves the next request from the hub", async () => {
    runtime = await start();
    const spec = loadTask("total_cost");
    const answer = await requestCapability(log, "total_cost", { spec, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    expect(answer).toMatchObject({ ok: true, pluginId: "total_cost@1.0.0", synthesized: true, outcome: "published" });
    const state = await runtime.hub.state();
    expect(state.plugins["total_cost@1.0.0"]).toMatchObject({ status: "active", tier: "T1" });
    expect(state.plugins["total_cost@1.0.0"]!.manifest["provenance"]).toMatchObject({ origin: "synthesized", backend: "example" });

    for (const t of spec.tests!) {
      const result = await runtime.invoker.invoke(runtime.invoker.resolve(state, "total_cost")!, t.input);
      expect(result).toMatchObject({ ok: true, output: t.output });
    }
    const again = await requestCapability(log, "total_cost", { spec, source: "cli", newId: uuidIds, timeoutMs: 30_000 });
    expect(again).toMatchObject({ ok: true, synthesized: false, outcome: "resolved" });
    const all = await types();
    expect(all.filter((t) => t === "CapabilityGapDetected")).toHaveLength(1);
    expect(all.filter((t) => t === "InstallCommitted")).toHaveLength(1);
    expect(all.filter((t) => t === "PluginInvoked")).toHaveLength(spec.tests!.length);
  });

  it("fails clearly when a gap cannot be closed, naming why", async () => {
    runtime = await start();
    const impossible = {
      description: "No program maps these.",
      inputSchema: { type: "object", properties: { x: { type: "integer" } } },
      outputSchema: { type: "integer" },
      constraints: ["deterministic"],
      examples: [{ input: { x: 1 }, output: 7 }, { input: { x: 1 }, output: 8 }],
    };
    const answer = await requestCapability(log, "contradiction", { spec: impossible, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    expect(answer).toMatchObject({ ok: false, outcome: "synthesis_failed" });
    expect(answer.reason).toMatch(/no_program_found|no program/i);
    const none = await requestCapability(log, "no_spec_given", { spec: null, source: "cli", newId: uuidIds, timeoutMs: 30_000 });
    expect(none).toMatchObject({ ok: false, outcome: "synthesis_failed" });
    expect(none.reason).toContain("no spec");
  });

  it("stops at a tested draft in dry-run mode and publishes nothing", async () => {
    runtime = await start(parsePolicy({ mode: "dry-run" }));
    const answer = await requestCapability(log, "max_price", { spec: loadTask("max_price"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    expect(answer).toMatchObject({ ok: false, outcome: "dry_run" });
    expect(await types()).not.toContain("InstallStarted");
  });
});

/**
 * Leases: a governor SIGKILLed between two phases of an install leaves the transaction to whichever
 * live process finds its lease expired. Here the governor that gets the redelivered decision waits
 * for the transaction (it is already started under the decision's transaction id), takes it over
 * once the lease runs out, finishes it, and the request that waited for the gap gets its plugin:
 * one transaction, one InstallStarted, one GapClosed.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { requestCapability } from "../../src/agents/index.ts";
import { ALL_EVENTS } from "../../src/events/index.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { doubleSpec } from "../support/plugin-packages.ts";

let capsmith: TestCapsmith | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children) c.kill("SIGKILL");
  children.length = 0;
  await capsmith?.dispose();
  capsmith = undefined;
});

function governor(dir: string, fault?: string): { proc: ChildProcess; ready: Promise<void>; exited: Promise<NodeJS.Signals | null> } {
  const proc = spawn(process.execPath, [join(import.meta.dirname, "governor-child.ts"), dir, "3000", "1000", ...(fault ? [fault] : [])], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(proc);
  let out = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on("exit", (_code, signal) => resolve(signal)));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (/^ready$/m.test(out)) resolve();
    });
    void exited.then(() => reject(new Error("the governor ended before it was ready")));
  });
  return { proc, ready, exited };
}

it("a governor killed mid-install: a live one takes the transaction over after its lease and the waiting request completes", async () => {
  capsmith = await openTestCapsmith({ roles: ["gap", "synthesizer", "tester"] });
  const { dir } = capsmith;
  const doomed = governor(dir, "crash:health-check");
  await doomed.ready;

  const { capability: _c, ...spec } = doubleSpec;
  const answer = requestCapability(capsmith.runtime.readModel, "double_it", { spec, source: "cli", newId: uuidIds, timeoutMs: 90_000 });
  expect(await doomed.exited).toBe("SIGKILL");
  // Started after the kill, inside the lease: it must wait for the lease, then finish the install.
  const live = governor(dir);
  await live.ready;

  expect(await answer).toMatchObject({ ok: true, pluginId: "double_it@1.0.0", outcome: "published" });
  const events: AnyStoredEvent[] = [];
  for await (const e of capsmith.log.read(ALL_EVENTS)) events.push(e);
  const started = events.filter((e) => e.type === "InstallStarted");
  expect(started).toHaveLength(1);
  const txId = (started[0]!.data as { txId: string }).txId;
  expect(events.filter((e) => e.type === "InstallCommitted").map((e) => (e.data as { txId: string }).txId)).toEqual([txId]);
  expect(events.filter((e) => e.type === "InstallRolledBack")).toEqual([]);
  expect(events.filter((e) => e.type === "GapClosed")).toHaveLength(1);
  const tx = (await capsmith.runtime.hub.transactions()).transactions[txId]!;
  expect(tx.outcome).toBe("committed");
  // The health check ran in the killed process; the phase after it was appended by another.
  expect(tx.phases.map((p) => p.phase)).toEqual(["download", "verify", "dependency-prepare", "health-check", "activate"]);
  expect((await capsmith.runtime.hub.state()).plugins["double_it@1.0.0"]).toMatchObject({ status: "active", tier: "T1" });
  expect(await invokeCapability(capsmith.runtime, "double_it", { n: 21 })).toMatchObject({ ok: true, output: 42 });
}, 150_000);

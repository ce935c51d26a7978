/**
 * Install without an outage: while one process updates a capability (health check in the sandbox,
 * then activation in one record), another process on the same data directory keeps invoking it and
 * never meets a version that is not ready (the old order activated the candidate at T0 first, so a
 * concurrent call failed `not_allowed_by_policy: T0 is quarantined`).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { ALL_EVENTS } from "../../src/events/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { GOOD_CODE, GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

const V3 = "export default function (input) { return 2 * input.n; }\n";
const V4 = "export default function (input) { return input.n + input.n + 0; }\n";

it("a process invoking on the same data directory sees no failure while three updates install", async () => {
  capsmith = await openTestCapsmith({ roles: [] });
  const { hub } = capsmith.runtime;
  expect((await hub.install(makePackage("1.0.0", GOOD_CODE), { source: "test" })).ok).toBe(true);

  const child = spawn(process.execPath, [join(import.meta.dirname, "invoke-loop-child.ts"), capsmith.dir, "double_it", "double_it@1.3.0"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-4_000)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => /^ready$/m.test(stdout) && resolve());
      void exited.then(() => reject(new Error(`the invoking process ended early: ${stdout}${stderr}`)));
    });
    for (const [version, code] of [["1.1.0", GOOD_CODE_V2], ["1.2.0", V3], ["1.3.0", V4]] as const) {
      expect(await hub.install(makePackage(version, code), { source: "test" })).toMatchObject({ ok: true, kind: "update" });
    }
    expect(await exited).toBe(0);
  } finally {
    child.kill("SIGKILL");
  }
  const failures = stdout.split("\n").filter((l) => l.startsWith("fail "));
  expect(failures).toEqual([]);
  const done = stdout.split("\n").find((l) => l.startsWith("done "))!;
  expect(done).toMatch(/ 0 .*double_it@1\.3\.0/);

  // Every activation is one record with its tier and its commit: the candidate is never active at T0.
  const bySeq = new Map<number, string[]>();
  for await (const e of capsmith.log.read(ALL_EVENTS)) bySeq.set(e.seq, [...(bySeq.get(e.seq) ?? []), e.type]);
  const activations = [...bySeq.values()].filter((types) => types.includes("PluginActivated"));
  expect(activations).toHaveLength(4);
  for (const types of activations) expect(types).toEqual(["PluginTierAssigned", "PluginActivated", "InstallPhaseCompleted", "InstallCommitted"]);
}, 120_000);

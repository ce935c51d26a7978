/**
 * With `requireSignedEvents`, an install nobody trusted signed is invisible to every reader: someone
 * with write access to the log (not to the keys) appends a well-formed, hash-chained install of
 * `evil`, and neither `run`, `invoke`, `plugin list`, `plugin show`, `replay` nor the REPL serves it
 * or shows it. One read model per process, with the hub view chosen once from policy, is what holds
 * this; before it, the gap detector resolved requests through the unsigned hub.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendUnsignedInstall } from "../support/log-tamper.ts";
import { runCli } from "../support/run-cli.ts";

let data: string;
const cli = (...args: string[]) => runCli(["--data", data, ...args], { timeoutMs: 90_000 });

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), "capsmith-forged-"));
  await writeFile(join(data, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
  // The forger writes through the raw adapter: valid envelopes, valid hash chain, no signature.
  await appendUnsignedInstall(data);
});
afterAll(() => rm(data, { recursive: true, force: true }));

describe("a forged install under requireSignedEvents", () => {
  it("is not in plugin list, plugin show or replay", async () => {
    const list = (await cli("--json", "plugin", "list")).json<{ plugins: { id: string }[]; capabilities: Record<string, unknown> }>();
    expect(list.plugins.map((p) => p.id)).not.toContain("evil@1.0.0");
    expect(list.capabilities["evil"]).toBeUndefined();
    const show = await cli("--json", "plugin", "show", "evil");
    expect(show.code).toBe(2);
    const replay = (await cli("--json", "replay")).json<{ projections: { hub: { state: { plugins: Record<string, unknown> } } } }>();
    expect(Object.keys(replay.projections.hub.state.plugins)).not.toContain("evil@1.0.0");
  });

  it("is not invoked, by the CLI or by a plan run with every agent in the process", async () => {
    const invoke = await cli("--json", "invoke", "evil", "--input", "{}");
    expect(invoke.code).toBe(1);
    expect(invoke.json()).toMatchObject({ ok: false, error: { code: "capability_not_found" } });
    const plan = join(data, "plan.json");
    await writeFile(plan, JSON.stringify({ plan: "uses_evil", steps: [{ id: "x", capability: "evil", input: {} }], output: { answer: "$steps.x" } }));
    const run = await cli("--json", "run", plan, "--backend", "example");
    expect(run.code).toBe(1);
    // Not the forged code's answer: 42 as a JSON number anywhere (a bare substring check also hit
    // the random hex runId about one run in five).
    expect(run.stdout).not.toMatch(/[:[,]\s*42\s*[,\]}]/);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "step_failed" } });
  });

  it("is not shown or run by the REPL", async () => {
    const plugins = await cli("-p", "/plugins");
    expect(plugins.stdout).not.toContain("evil");
    const invoke = await cli("--json", "-p", "/invoke evil {}");
    expect(invoke.json()).toMatchObject({ ok: false });
    expect(invoke.stdout).not.toMatch(/"output":42|\b42\b/);
  });

  it("is listed by audit verify as forged", async () => {
    const verify = await cli("--json", "audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.json<{ forged: { type: string }[] }>().forged.map((f) => f.type)).toEqual(["InstallStarted", "InstallPhaseCompleted", "PluginActivated", "InstallCommitted"]);
  });
});

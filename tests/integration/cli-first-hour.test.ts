/**
 * What a new user hit in the first hour, through the real binary (issue 12): an unknown command,
 * replay's summary, `--json -p`, the daemon's start line and its metrics on 127.0.0.1 only, revert
 * past the head, the plugin table, a spec without schemas. Each test fails on the old behaviour.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/nats-server.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import { CAPSMITH_BIN, runCli } from "../support/run-cli.ts";

let data: string;
const cli = (...args: string[]) => runCli(["--data", data, ...args]);
const logSize = async (): Promise<number> => (await stat(join(data, "events.log"))).size;

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), "capsmith-first-hour-"));
  const capsmith = await openTestCapsmith({ dir: data });
  // Valid input the plugin itself fails on (input the schema refuses is the caller's error, not counted).
  const code = 'export default function (input) { if (input.n === 13) throw new Error("unlucky"); return input.n * 2; }\n';
  const outcome = await capsmith.runtime.hub.install(makePackage("1.0.0", code), { source: "test" });
  expect(outcome.ok).toBe(true);
  // One call that works and one that fails: "2 calls, 1 failure".
  const plugin = capsmith.runtime.invoker.resolve(await capsmith.readModel.state("hub"), "double_it")!;
  expect((await capsmith.runtime.invoker.invoke(plugin, { n: 1 })).ok).toBe(true);
  expect((await capsmith.runtime.invoker.invoke(plugin, { n: 13 })).ok).toBe(false);
  await capsmith.close();
}, 60_000);
afterAll(() => rm(data, { recursive: true, force: true }));

describe("an unknown command", () => {
  it("is named, with the nearest command, and no help dump", async () => {
    const frob = await cli("frob");
    expect(frob.code).toBe(2);
    expect(frob.stderr).toContain("error [usage]: unknown command frob");
    expect(frob.stderr).not.toContain("Expected 0 arguments");
    expect(frob.stderr + frob.stdout).not.toContain("Commands:");
    const typo = await cli("plugn", "list");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command plugn");
    expect(typo.stderr).toContain("Did you mean capsmith plugin?");
    expect((await cli("--json", "plugn", "list")).json()).toMatchObject({ ok: false, error: { code: "usage", message: "unknown command plugn" } });
  });

  it("an unknown option is a coded usage error that names the command's --help, not its whole help", async () => {
    const run = await cli("replay", "--bogus");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error [usage]: unknown option '--bogus'");
    expect(run.stderr).toContain("next step: capsmith replay --help lists its options");
    expect(run.stderr).not.toContain("Options:");
  });
});

describe("replay", () => {
  it("prints a summary for people, and every state whole with --json", async () => {
    const text = await cli("replay");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^as of seq \d+: \d+ events in \d+ records/);
    expect(text.stdout).toContain("double_it");
    expect(text.stdout.split("\n").length).toBeLessThan(40);
    expect(() => JSON.parse(text.stdout)).toThrow();
    const json = (await cli("--json", "replay")).json<{ projections: { hub: { state: { plugins: Record<string, unknown> } } } }>();
    expect(Object.keys(json.projections.hub.state.plugins)).toEqual(["double_it@1.0.0"]);
  });
});

describe("--json -p", () => {
  it("prints exactly one JSON object for a /invoke that works, and for one that fails", async () => {
    const ok = await cli("--json", "-p", '/invoke double_it {"n": 2}');
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ ok: true, request: '/invoke double_it {"n": 2}', result: { type: "json", value: 4 } });
    const bad = await cli("--json", "-p", "/invoke no_such_capability {}");
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: "capability_not_found", nextStep: expect.any(String) } });
  });
});

describe("plugin list and show", () => {
  it("have a header, say active once, and count in words that agree with the number", async () => {
    const list = await cli("plugin", "list");
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^plugin +status +tier +profile +calls +fails +origin$/);
    expect(lines[1]).toMatch(/^double_it@1\.0\.0 +active +T1 +node +\d+ +\d+ +authored$/);
    expect(list.stdout).not.toContain("◀");
    expect(list.stdout.match(/active/g)).toHaveLength(1);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    const show = await cli("plugin", "show", "double_it");
    expect(show.stdout).toMatch(/usage: \d+ calls?, 1 failure\b/);
  });
});

describe("revert past the head", () => {
  it("is a usage error that appends nothing", async () => {
    const before = await logSize();
    const run = await cli("--json", "revert", "--to", "99999");
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "usage", nextStep: expect.any(String) } });
    expect(await logSize()).toBe(before);
  });
});

describe("synthesize --spec without schemas", () => {
  it("infers them from the examples and says so", async () => {
    const file = join(data, "no-schemas.json");
    await writeFile(file, JSON.stringify({
      capability: "add_two", description: "n plus two", constraints: ["deterministic"],
      examples: [{ input: { n: 1 }, output: 3 }, { input: { n: 5 }, output: 7 }, { input: { n: -5 }, output: -3 }],
    }));
    const run = await cli("synthesize", "--spec", file, "--backend", "example");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("has no inputSchema or outputSchema: inferred from its 3 examples");
    expect(run.stdout).toContain("synthesized add_two");
    const json = await cli("--json", "synthesize", "--spec", file, "--backend", "example");
    expect(json.json()).toMatchObject({ ok: true, capability: "add_two" });
  });
});

describe("capsmith daemon", () => {
  it("says what it runs, where, and its metrics URL, which listens on 127.0.0.1 only", async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, [CAPSMITH_BIN, "--data", data, "daemon", "--role", "slo", "--metrics-port", String(port)], { env: { ...process.env, CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise((resolve) => proc.on("exit", resolve));
    try {
      for (let i = 0; i < 600 && !stderr.includes("/metrics"); i++) await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toMatch(new RegExp(`capsmith daemon \\d+: running slo on the embedded log ${data.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/events.log, log at seq \\d+`));
      expect(stderr).toContain(`metrics: http://127.0.0.1:${port}/metrics`);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
      // Not on this machine's other addresses.
      const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
      if (external) await expect(fetch(`http://${external.address}:${port}/metrics`)).rejects.toThrow();
    } finally {
      proc.kill("SIGTERM");
      await exited;
    }
  });
});

/**
 * Every CLI error reads the same in text mode, whether a command throws it or returns it beside
 * more JSON (`invoke`, `run`, `sandbox exec`): `error [CODE]: message` on stderr, the next step, where in
 * the input, and `more: capsmith help errors CODE`; stdout stays the result's. Through the binary.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";

let dir: string;
const cli = (...args: string[]) => runCli(["--data", join(dir, "data"), ...args]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-error-shape-"));
  const code = 'export default function (input) { if (input.n === 13) throw new Error("unlucky"); return input.n * 2; }\n';
  await writeFile(join(dir, "double.json"), JSON.stringify(makePackage("1.0.0", code)));
  const installed = await cli("plugin", "install", join(dir, "double.json"));
  expect(installed.code, installed.stderr).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("capsmith invoke in text mode", () => {
  it("a missing capability: the common shape on stderr, with the more: line", async () => {
    const run = await cli("invoke", "double_itt", "--input", '{"n":1}');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("error [capability_not_found]: no active plugin provides double_itt. Did you mean double_it?\nnext step: capsmith invoke double_it");
    expect(run.stderr).toContain("\nmore: capsmith help errors capability_not_found\n");
  });

  it("a plugin's failure names the plugin, then the next step and the more: line", async () => {
    const run = await cli("invoke", "double_it", "--input", '{"n":13}');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error \[plugin_error\] from double_it@1\.0\.0: .*unlucky/m);
    expect(run.stderr).toMatch(/^next step: /m);
    expect(run.stderr).toContain("\nmore: capsmith help errors plugin_error\n");
  });

  it("an input the schema refuses: exit 2, each issue where it is, and the more: line", async () => {
    const run = await cli("invoke", "double_it", "--input", '{"n":"x"}');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error [input_invalid]: ");
    expect(run.stderr).toContain("\n  at /n: must be number\n");
    expect(run.stderr).toContain("\nmore: capsmith help errors input_invalid\n");
  });

  it("reads like an error the command throws (a usage error here)", async () => {
    const thrown = await cli("invoke", "double_it");
    expect(thrown.code).toBe(2);
    expect(thrown.stderr).toMatch(/^error \[usage\]: .*\nnext step: .*\nmore: capsmith help errors usage\n$/);
  });
});

describe("capsmith run in text mode", () => {
  it("a failed step in the common shape, naming the run, with the more: line", async () => {
    const plan = join(dir, "plan.json");
    await writeFile(plan, JSON.stringify({ plan: "unlucky", steps: [{ id: "twice", capability: "double_it", input: { n: 13 } }], output: "$steps.twice" }));
    const run = await cli("run", plan, "--no-agents");
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error \[step_failed\] from run \S+: [^\n]*unlucky[^\n]*\nnext step: [^\n]*\nmore: capsmith help errors step_failed\n$/);
  });
});

describe("capsmith sandbox exec in text mode", () => {
  it("a plugin's failure in the common shape, with the more: line", async () => {
    const code = join(dir, "boom.js");
    await writeFile(code, 'export default () => { throw new Error("boom"); }\n');
    const run = await cli("sandbox", "exec", "--code", code, "--input", "1");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error \[plugin_error\]: .*boom.*\nnext step: .*\nmore: capsmith help errors plugin_error\n$/s);
  });
});

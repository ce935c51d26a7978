/**
 * `capsmith plugin test DIR` for a plugin that calls another through host.invoke (wc_double declares
 * word_count ^1.0.0), through the real binary: its dependencies resolve from the hub of `--data`, as
 * the install's health check resolves them; while none is installed it says which one and how to get
 * it, once, rather than fail every case with a plugin_error.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const WORD_COUNT = join(import.meta.dirname, "../../examples/plugins/word_count/1.0.0");
let dir: string;
let plugin: string;
const cli = (...args: string[]) => runCli(["--data", join(dir, "data"), ...args]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-plugin-test-deps-"));
  plugin = join(dir, "wc_double");
  await mkdir(plugin);
  await writeFile(join(plugin, "manifest.json"), JSON.stringify({
    capability: "wc_double", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0 <1.0.0", profile: "node",
    dependencies: { word_count: "^1.0.0" }, provenance: { origin: "authored" },
  }));
  await writeFile(join(plugin, "plugin.js"), 'export default async function (input, host) {\n  return 2 * (await host.invoke("word_count", { text: input.text }));\n}\n');
  await writeFile(join(plugin, "spec.json"), JSON.stringify({
    capability: "wc_double", description: "Twice the number of words.",
    inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] }, outputSchema: { type: "integer" },
    constraints: ["deterministic", "schema_validated"],
    examples: [{ input: { text: "a b c" }, output: 6 }, { input: { text: "" }, output: 0 }],
  }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("plugin test of a plugin with a declared dependency", () => {
  it("names the dependency that is not installed, and how to install it, instead of failing each case", async () => {
    const run = await cli("--json", "plugin", "test", plugin);
    expect(run.code).toBe(1);
    const answer = run.json<{ error: { message: string; nextStep: string }; cases?: unknown }>();
    expect(answer).toMatchObject({ ok: false, plugin: "wc_double@1.0.0", error: { code: "dependency_unresolved" } });
    expect(answer.cases).toBeUndefined();
    expect(answer.error.message).toContain("calls word_count ^1.0.0");
    expect(answer.error.nextStep).toContain("capsmith plugin install FILE");
    const text = await cli("plugin", "test", plugin);
    expect(text.stdout).toContain("wc_double@1.0.0 cannot be tested: [dependency_unresolved]");
    expect(text.stdout).not.toContain("plugin_error");
  });

  it("passes its cases through the hub's word_count once that is installed", async () => {
    const pack = await cli("plugin", "pack", WORD_COUNT, "-o", join(dir, "word_count.json"));
    expect(pack.code, pack.stderr).toBe(0);
    const install = await cli("plugin", "install", join(dir, "word_count.json"));
    expect(install.code, install.stdout).toBe(0);
    const run = await cli("--json", "plugin", "test", plugin);
    expect(run.code, run.stdout).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, plugin: "wc_double@1.0.0", passed: 2, failed: 0, deterministic: true });
  }, 120_000);
});

/**
 * `capsmith plugin test DIR` for a plugin that calls another through host.invoke (wc_double declares
 * word_count ^1.0.0), through the real binary: its dependencies resolve from the hub of `--data`, as
 * the install's health check resolves them; while none is installed it says which one and how to get
 * it, once, rather than fail every case with a plugin_error. A plugin that does not load in the
 * sandbox is reported in the same shape (the plugin, the error; in text, as every CLI error reads).
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
  // The hub: a data directory made by a command that writes (plugin test only reads it, and refuses one that is not there).
  const made = await cli("note", "a hub with no plugins yet");
  if (made.code !== 0) throw new Error(`capsmith note: ${made.stderr}`);
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
    // In text, as every CLI error reads (on stderr, with the more: line).
    const text = await cli("plugin", "test", plugin);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^error \[dependency_unresolved\]: wc_double@1\.0\.0 calls word_count \^1\.0\.0; .*\nnext step: Install a version of word_count .*\nmore: capsmith help errors dependency_unresolved\n$/);
    expect(text.stdout + text.stderr).not.toContain("plugin_error");
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

describe("plugin test of a plugin that does not load", () => {
  it("says a plugin that does not load in the sandbox in the same shape: the plugin, the error, no cases", async () => {
    const broken = join(dir, "reads_files");
    await mkdir(broken);
    await writeFile(join(broken, "manifest.json"), JSON.stringify({ capability: "reads_files", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0 <1.0.0", profile: "node", provenance: { origin: "authored" } }));
    await writeFile(join(broken, "plugin.js"), 'import fs from "node:fs";\nexport default function () { return fs.readFileSync("/etc/passwd", "utf8").length; }\n');
    await writeFile(join(broken, "spec.json"), JSON.stringify({
      capability: "reads_files", description: "A number.", inputSchema: { type: "object" }, outputSchema: { type: "integer" },
      examples: [{ input: {}, output: 1 }],
    }));
    const run = await cli("--json", "plugin", "test", broken);
    expect(run.code).toBe(1);
    const answer = run.json<{ error: { nextStep: string }; cases?: unknown }>();
    expect(answer).toMatchObject({ ok: false, plugin: "reads_files@1.0.0", error: { code: "scan_rejected", message: expect.any(String) } });
    expect(answer.cases).toBeUndefined();
    const text = await cli("plugin", "test", broken);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^error \[scan_rejected\]: .*\nnext step: .*\nmore: capsmith help errors scan_rejected\n$/s);
  });
});

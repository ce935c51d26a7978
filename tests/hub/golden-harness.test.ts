/**
 * The golden integration harness: real plugin packages (examples/plugins) through the real binary —
 * install → configure → execute → update → rollback → uninstall — with a failure injected at each
 * install phase, and the compatibility matrix (plugin version × host version × API version) written
 * to test-results/compat-matrix.json.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, checksumOf, preflight } from "../../src/hub/index.ts";
import type { PluginPackage } from "../../src/hub/index.ts";
import { INSTALL_PHASES } from "../../projections/index.ts";
import { runCli } from "../support/run-cli.ts";

const PLUGINS = join(import.meta.dirname, "../../examples/plugins/word_count");
let work: string;
let data: string;
const cli = (args: string[], env: Record<string, string> = {}) => runCli(["--data", data, "--json", ...args], { env });

async function active(): Promise<string | null> {
  const list = (await cli(["plugin", "list"])).json<{ capabilities: Record<string, { active: string | null }> }>();
  return list.capabilities["word_count"]?.active ?? null;
}

async function count(text: string): Promise<unknown> {
  return (await cli(["invoke", "word_count", "--input", JSON.stringify({ text })])).json();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "capsmith-golden-"));
  data = join(work, "data");
  // preflight (the first command here) only reads: a named data directory must be there.
  await mkdir(data);
  for (const v of ["1.0.0", "1.1.0"]) {
    const packed = await runCli(["plugin", "pack", join(PLUGINS, v), "-o", join(work, `word_count-${v}.json`)]);
    expect(packed.code).toBe(0);
  }
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("golden integration harness", () => {
  it("installs, configures, executes, updates, rolls back and uninstalls a real package", { timeout: 120_000 }, async () => {
    expect((await cli(["plugin", "preflight", join(work, "word_count-1.0.0.json")])).code).toBe(0);
    const installed = await cli(["plugin", "install", join(work, "word_count-1.0.0.json")]);
    expect(installed.json()).toMatchObject({ ok: true, kind: "install", pluginId: "word_count@1.0.0", tier: "T1" });

    // configure: a policy that lets T1 node plugins run (the default, written out) and nothing else
    await writeFile(join(data, "policy.json"), JSON.stringify({ mode: "auto", minTier: { node: "T1" }, allowedProfiles: ["node"] }));
    expect(await count("one two three four")).toMatchObject({ ok: true, pluginId: "word_count@1.0.0", output: 4 });

    expect((await cli(["plugin", "install", join(work, "word_count-1.1.0.json")])).json()).toMatchObject({ ok: true, kind: "update", pluginId: "word_count@1.1.0" });
    expect(await count("a b")).toMatchObject({ ok: true, pluginId: "word_count@1.1.0", output: 2 });

    expect((await cli(["plugin", "rollback", "word_count"])).json()).toMatchObject({ ok: true, kind: "rollback", pluginId: "word_count@1.0.0" });
    expect(await count("x")).toMatchObject({ ok: true, pluginId: "word_count@1.0.0", output: 1 });

    // a configuration that forbids it stops execution without touching the hub
    await writeFile(join(data, "policy.json"), JSON.stringify({ minTier: { node: "T3" } }));
    expect(await count("x")).toMatchObject({ ok: false, error: { code: "not_allowed_by_policy" } });
    await rm(join(data, "policy.json"));

    expect((await cli(["plugin", "uninstall", "word_count@1.0.0"])).code).toBe(0);
    expect(await active()).toBeNull();
    expect(await count("x")).toMatchObject({ ok: false, error: { code: "capability_not_found" } });
    const audit = (await cli(["audit", "verify"])).json<{ ok: boolean }>();
    expect(audit.ok).toBe(true);
  });

  it.each(INSTALL_PHASES)("keeps the last known-good version when an update fails at %s", async (phase) => {
    data = join(work, `data-${phase}`);
    await cli(["plugin", "install", join(work, "word_count-1.0.0.json")]);
    const failed = await cli(["plugin", "install", join(work, "word_count-1.1.0.json")], { CAPSMITH_FAULT: `fail:${phase}` });
    expect(failed.code).toBe(1);
    expect(failed.json()).toMatchObject({ ok: false, failure: { phase, restored: "word_count@1.0.0" } });
    expect(await active()).toBe("word_count@1.0.0");
    expect(await count("still works")).toMatchObject({ ok: true, output: 2 });
    const trail = (await cli(["audit", "trail", "--plugin", "word_count"])).json<{ entries: { what: string }[] }>();
    expect(trail.entries.some((e) => e.what.includes(`rolled back at ${phase}`))).toBe(true);
  });

  it("writes the compatibility matrix: plugin version × host version × API version", async () => {
    const base = JSON.parse(await readFile(join(work, "word_count-1.0.0.json"), "utf8")) as PluginPackage;
    const variant = (version: string, hostRange: string, apiVersion: string): PluginPackage => ({
      ...base,
      manifest: { ...base.manifest, id: `word_count@${version}`, version, hostRange, apiVersion, checksum: checksumOf(base.code) },
    });
    const plugins = [["1.0.0", ">=0.1.0 <1.0.0"], ["1.1.0", ">=0.1.0 <1.0.0"], ["2.0.0", ">=1.0.0"]] as const;
    const hosts = ["0.1.0", "0.9.0", "1.0.0"];
    const apis = ["capsmith.plugin/v1", "capsmith.plugin/v2"];
    const matrix = [];
    for (const [version, range] of plugins) {
      for (const host of hosts) {
        for (const api of apis) {
          const report = preflight(variant(version, range, api), { hub: { capabilities: {}, plugins: {}, pendingApprovals: {} }, keys: { keys: {} }, hostVersion: host, policy: DEFAULT_POLICY });
          const errors = report.findings.filter((f) => f.severity === "error").map((f) => f.code);
          matrix.push({ plugin: version, hostRange: range, host, api, compatible: report.ok, errors });
          expect(report.ok).toBe(semver.satisfies(host, range) && api === "capsmith.plugin/v1");
        }
      }
    }
    await mkdir(join(import.meta.dirname, "../../test-results"), { recursive: true });
    await writeFile(join(import.meta.dirname, "../../test-results/compat-matrix.json"), JSON.stringify({ capability: "word_count", matrix }, null, 2) + "\n");
    expect(matrix).toHaveLength(18);
  });
});

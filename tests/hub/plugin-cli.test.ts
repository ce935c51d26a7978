/**
 * `capsmith plugin pack` and `capsmith plugin preflight` through the real binary: a package made on
 * one hub passes preflight on another that trusts its key, a tampered one fails with exit 1, and bad
 * input exits 2 writing nothing.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PreflightFinding } from "../../src/hub/preflight.ts";
import { runCli } from "../support/run-cli.ts";
import { manifestFor, sources, writePluginDir } from "./fixtures.ts";

let work: string;
let publisherHub: string;
let hub: string;
const on = (data: string, ...args: string[]) => runCli(["--data", data, ...args]);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "capsmith-plugin-cli-"));
  publisherHub = join(work, "publisher");
  hub = join(work, "hub");
  // preflight only reads: the hub it checks against must be there (a named directory that is not is data_dir_missing).
  await mkdir(hub);
});
afterEach(() => rm(work, { recursive: true, force: true }));

interface PreflightJson {
  ok: boolean;
  id: string | null;
  findings: PreflightFinding[];
  tier?: { tier: string };
}

describe("capsmith plugin pack / preflight", () => {
  it("packs a signed package that passes preflight on a hub trusting the key, and fails once tampered", async () => {
    const dir = await writePluginDir(join(work, "total_cost"));
    expect((await on(publisherHub, "keys", "generate", "acme")).code).toBe(0);
    const file = join(work, "total_cost.capsmith.json");
    const packed = await on(publisherHub, "--json", "plugin", "pack", dir, "-o", file, "--sign", "acme");
    expect(packed.code).toBe(0);
    const out = packed.json<{ id: string; checksum: string; signedBy: string }>();
    expect(out).toMatchObject({ ok: true, id: "total_cost@1.0.0", checksum: expect.stringMatching(/^sha256:/), signedBy: expect.any(String) });

    // Unknown signer on the other hub: exit 1, signature_untrusted.
    const untrusted = await on(hub, "--json", "plugin", "preflight", file);
    expect(untrusted.code).toBe(1);
    expect(untrusted.json<PreflightJson>().findings).toContainEqual(expect.objectContaining({ code: "signature_untrusted", field: "manifest.signature", severity: "error" }));

    await on(publisherHub, "keys", "export", "acme", "-o", join(work, "acme.pub.json"));
    expect((await on(hub, "keys", "trust", "--public-key", join(work, "acme.pub.json"))).code).toBe(0);
    const passed = await on(hub, "--json", "plugin", "preflight", file);
    expect(passed.code).toBe(0);
    expect(passed.json<PreflightJson>()).toMatchObject({ ok: true, id: "total_cost@1.0.0", findings: [], tier: { tier: "T3" } });

    const pkg = JSON.parse(await readFile(file, "utf8")) as { code: string };
    pkg.code = pkg.code.replace("sum +", "sum -");
    await writeFile(file, JSON.stringify(pkg));
    const tampered = await on(hub, "plugin", "preflight", file);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain("[checksum_mismatch] manifest.checksum");
    expect(tampered.stdout).toContain("next step:");
  });

  it("applies the policy: <data>/policy.json, or --policy FILE, refusing an invalid one with its paths", async () => {
    const dir = await writePluginDir(join(work, "total_cost"));
    const file = join(work, "p.json");
    expect((await on(hub, "plugin", "pack", dir, "-o", file)).code).toBe(0);
    const unsigned = await on(hub, "--json", "plugin", "preflight", file);
    expect(unsigned.code).toBe(0);
    expect(unsigned.json<PreflightJson>().findings.map((f) => [f.code, f.severity])).toEqual([["unsigned", "warning"]]);
    expect((await on(hub, "--json", "plugin", "preflight", file, "--trusted-only")).code).toBe(1);

    await writeFile(join(hub, "policy.json"), JSON.stringify({ trustedPublishersOnly: true }));
    const strict = await on(hub, "--json", "plugin", "preflight", file);
    expect(strict.code).toBe(1);
    expect(strict.json<PreflightJson>().findings).toContainEqual(expect.objectContaining({ code: "unsigned", severity: "error" }));

    await writeFile(join(work, "bad-policy.json"), JSON.stringify({ mode: "yolo", minTier: { node: "T7" } }));
    const bad = await on(hub, "--json", "plugin", "preflight", file, "--policy", join(work, "bad-policy.json"));
    expect(bad.code).toBe(2);
    const issues = bad.json<{ error: { code: string; details: { reason: string; issues: { path: string }[] } } }>().error;
    expect(issues).toMatchObject({ code: "invalid_input", details: { reason: "invalid_policy" } });
    expect(issues.details.issues.map((i) => i.path)).toEqual(["mode", "minTier.node"]);
  });

  it("exits 2 on a missing or unreadable package", async () => {
    const missing = await on(hub, "--json", "plugin", "preflight", join(work, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.json()).toMatchObject({ ok: false, error: { code: "file_not_found" } });
    await writeFile(join(work, "broken.json"), "{");
    expect((await on(hub, "--json", "plugin", "preflight", join(work, "broken.json"))).json()).toMatchObject({ error: { code: "invalid_json" } });
  });

  it("reports schema problems as findings with their fields (exit 1)", async () => {
    await writeFile(join(work, "odd.json"), JSON.stringify({ format: "capsmith-plugin/v1", manifest: { ...manifestFor(), version: "one" }, code: "x", spec: {} }));
    const run = await on(hub, "--json", "plugin", "preflight", join(work, "odd.json"));
    expect(run.code).toBe(1);
    const fields = run.json<PreflightJson>().findings.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["manifest.version", "spec.capability", "spec.examples"]));
  });

  it.each([
    ["a directory without plugin.js", async (dir: string) => rm(join(dir, "plugin.js")), [], "invalid_package"],
    ["a manifest with a bad version", async (dir: string) => writeFile(join(dir, "manifest.json"), JSON.stringify(manifestFor({ version: "1" }))), [], "invalid_package"],
    ["an unknown signing key", async () => {}, ["--sign", "ghost"], "key_not_found"],
  ])("pack refuses %s with exit 2 and writes no package", async (_what, breakIt, extra, reason) => {
    const dir = await writePluginDir(join(work, "total_cost"), sources());
    await breakIt(dir);
    const out = join(work, "out.json");
    const run = await on(hub, "--json", "plugin", "pack", dir, "-o", out, ...(extra as string[]));
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "invalid_input", nextStep: expect.any(String), details: { reason } } });
    await expect(stat(out)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await readdir(work)).filter((f) => f.includes("out.json"))).toEqual([]);
  });
});

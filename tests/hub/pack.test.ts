import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderSchemas, SCHEMA_DIR } from "../../scripts/write-schemas.ts";
import { generateSigningKey } from "../../src/hub/keys.ts";
import { checksumOf } from "../../src/hub/manifest.ts";
import { packPlugin, readPluginDir, writePackage } from "../../src/hub/pack.ts";
import { DEFAULT_POLICY } from "../../src/hub/policy.ts";
import { preflight } from "../../src/hub/preflight.ts";
import { verifyManifestSignature } from "../../src/hub/signature.ts";
import { CODE, emptyHub, manifestFor, sources, trustStore, writePluginDir } from "./fixtures.ts";

const acme = generateSigningKey("acme", "publisher");

describe("packPlugin", () => {
  it("computes the checksum, fills defaults, and signs the manifest as packed", () => {
    const { limits: _limits, id: _id, ...bare } = manifestFor();
    const pkg = packPlugin({ ...sources(), manifest: { ...bare, signature: { keyId: "stale", value: "stale" } } }, { key: acme });
    expect(pkg.format).toBe("capsmith-plugin/v1");
    expect(pkg.manifest.checksum).toBe(checksumOf(CODE));
    expect(pkg.manifest.id).toBe("total_cost@1.0.0");
    expect(pkg.manifest.limits).toEqual({ memoryMB: 64, timeoutMs: 1000 });
    expect(pkg.manifest.signature?.keyId).toBe(acme.keyId);
    expect(verifyManifestSignature(pkg.manifest, trustStore({ key: acme }), { contents: pkg })).toMatchObject({ ok: true });
  });

  it("drops a stale signature when not signing, and an editor's $schema pointer", () => {
    const pkg = packPlugin({ ...sources(), manifest: { $schema: "../schemas/plugin-manifest.schema.json", ...manifestFor(), signature: { keyId: "stale", value: "stale" } } });
    expect(pkg.manifest.signature).toBeUndefined();
    expect(pkg.manifest).not.toHaveProperty("$schema");
  });

  it.each<[string, Parameters<typeof sources>[0], string]>([
    ["a bad version", { manifest: { version: "one" } }, "manifest.version"],
    ["a spec for another capability", { spec: { capability: "tax_rate" } }, "spec.capability"],
    ["a spec without examples", { spec: { examples: [] } }, "spec.examples"],
    ["a malformed test report", { testReport: { id: "r" } }, "testReport.passed"],
  ])("refuses %s with invalid_package at %s", (_what, change, path) => {
    expect(() => packPlugin(sources(change))).toThrow(expect.objectContaining({ code: "invalid_package", details: { issues: expect.arrayContaining([expect.objectContaining({ path })]) } }));
  });

  it("refuses a manifest that is not an object", () => {
    expect(() => packPlugin({ ...sources(), manifest: [1] })).toThrow(expect.objectContaining({ code: "invalid_package" }));
  });
});

describe("plugin directories and package files", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "capsmith-pack-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("round-trips: directory → package file → preflight passes with no error", async () => {
    await writePluginDir(join(dir, "plugin"));
    const pkg = packPlugin(await readPluginDir(join(dir, "plugin")), { key: acme });
    await writePackage(join(dir, "total_cost.capsmith.json"), pkg);
    const value: unknown = JSON.parse(await readFile(join(dir, "total_cost.capsmith.json"), "utf8"));
    const report = preflight(value, { hub: emptyHub(), keys: trustStore({ key: acme }), hostVersion: "0.1.0", policy: DEFAULT_POLICY });
    expect(report.findings).toEqual([]);
    expect(report.package).toEqual(pkg);
    expect((await readdir(dir)).sort()).toEqual(["plugin", "total_cost.capsmith.json"]);
  });

  it("packs without a test report, and names the missing or broken file", async () => {
    const plugin = await writePluginDir(join(dir, "plugin"), sources({ testReport: undefined }));
    expect((await readPluginDir(plugin)).testReport).toBeUndefined();
    await writeFile(join(plugin, "spec.json"), "{ nope");
    await expect(readPluginDir(plugin)).rejects.toMatchObject({ code: "invalid_package", message: expect.stringContaining("spec.json") });
    await rm(join(plugin, "plugin.js"));
    await expect(readPluginDir(plugin)).rejects.toMatchObject({ code: "invalid_package", message: expect.stringContaining("plugin.js") });
  });
});

describe("JSON Schema export", () => {
  it("the committed schemas equal a fresh export (npm run schemas)", async () => {
    for (const [name, text] of Object.entries(renderSchemas())) {
      expect(await readFile(join(SCHEMA_DIR, name), "utf8"), `schemas/${name} is stale: run node scripts/write-schemas.ts`).toBe(text);
    }
  });

  it("accepts what pack writes and refuses what zod refuses, in any JSON Schema validator", async () => {
    const ajv = new Ajv2020({ strict: false });
    const manifest = ajv.compile(JSON.parse(await readFile(join(SCHEMA_DIR, "plugin-manifest.schema.json"), "utf8")) as object);
    const pkgSchema = ajv.compile(JSON.parse(await readFile(join(SCHEMA_DIR, "plugin-package.schema.json"), "utf8")) as object);
    const pkg = packPlugin(sources(), { key: acme });
    expect(manifest(pkg.manifest)).toBe(true);
    expect(pkgSchema(pkg)).toBe(true);
    const { limits: _limits, ...withoutDefaults } = pkg.manifest;
    expect(manifest(withoutDefaults)).toBe(true);
    expect(manifest({ ...pkg.manifest, profile: "daemon" })).toBe(false);
    expect(manifest({ ...pkg.manifest, checksum: "md5:1" })).toBe(false);
    expect(manifest({ ...pkg.manifest, extra: 1 })).toBe(false);
  });

  it("describes the manifest's required fields and profiles", () => {
    const schema = JSON.parse(renderSchemas()["plugin-manifest.schema.json"]!) as { required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(schema.required).toEqual(expect.arrayContaining(["id", "capability", "version", "apiVersion", "hostRange", "profile", "checksum", "provenance"]));
    expect(schema.required).not.toContain("limits");
    expect(schema.properties["profile"]?.enum).toEqual(["node", "integration", "agent", "quality_gate"]);
  });
});

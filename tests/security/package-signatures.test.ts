/**
 * Attack 3 of issue 14: a signature covers the whole package (manifest with the code's checksum,
 * spec with its golden cases and output schema, test report), and trust does not go backwards:
 * once a capability has a version a trusted publisher signed, a later version that is unsigned or
 * signed by another key is refused (`trust_downgrade`) unless an operator approved that package.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { approvePlugin, generateSigningKey, openKeyStore, packageDigest, parsePolicy, preflight } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { pack, sources, writePluginDir } from "../hub/fixtures.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { runCli } from "../support/run-cli.ts";

let capsmith: TestCapsmith;
let acme: SigningKey;
const EVIL = "export default function () {\n  return 42;\n}\n";

beforeEach(async () => {
  capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) });
  acme = generateSigningKey("acme", "publisher");
  await trust(acme);
});
afterEach(() => capsmith.dispose());

async function trust(key: SigningKey): Promise<void> {
  await capsmith.log.append([{ type: "KeyTrusted", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } } as NewEvent]);
}

async function check(pkg: unknown) {
  const { hub, keys } = (await capsmith.readModel.current(["hub", "keys"])).states;
  return preflight(pkg, { hub, keys, hostVersion: "0.1.0", policy: capsmith.policy });
}

describe("a package signature", () => {
  it("breaks when the spec, golden cases or output schema are swapped after signing", async () => {
    const signed = pack({}, acme);
    expect((await check(signed)).signature).toMatchObject({ ok: true });
    const swapped = { ...signed, spec: { ...signed.spec, examples: [{ input: { items: [] }, output: 42 }], outputSchema: { type: "integer" } } };
    const report = await check(swapped);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ code: "signature_invalid" }));
    expect(await capsmith.runtime.hub.install(swapped, { source: "test" })).toMatchObject({ ok: false });
    const reported = { ...signed, testReport: { id: "r", passed: 99, failed: 0, cases: [] } };
    expect((await check(reported)).findings).toContainEqual(expect.objectContaining({ code: "signature_invalid" }));
  });
});

describe("after a publisher signed a version", () => {
  beforeEach(async () => {
    expect(await capsmith.runtime.hub.install(pack({}, acme), { source: "test" })).toMatchObject({ ok: true, tier: "T3" });
  });

  it("refuses a later version with its signature deleted, and one signed by another publisher", async () => {
    const unsigned = pack({ manifest: { version: "1.1.0" }, code: EVIL });
    expect((await check(unsigned)).findings).toContainEqual(expect.objectContaining({ code: "trust_downgrade", severity: "error" }));
    expect(await capsmith.runtime.hub.install(unsigned, { source: "test" })).toMatchObject({ ok: false });
    const other = generateSigningKey("other", "publisher");
    await trust(other);
    expect(await capsmith.runtime.hub.install(pack({ manifest: { version: "1.1.0" }, code: EVIL }, other), { source: "test" })).toMatchObject({ ok: false });
    const state = await capsmith.runtime.hub.state();
    expect(state.capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    expect(state.plugins["total_cost@1.1.0"]?.status ?? "absent").not.toBe("active");
  });

  it("accepts the same publisher's next version, and an unsigned one an operator approved first", async () => {
    expect(await capsmith.runtime.hub.install(pack({ manifest: { version: "1.1.0" } }, acme), { source: "test" })).toMatchObject({ ok: true });
    const unsigned = pack({ manifest: { version: "1.2.0" } });
    const operator = await openKeyStore(capsmith.dir).load("operator");
    // An approval of the code's checksum alone covers no package: the manifest, spec and report could change under it.
    await approvePlugin(capsmith.log, capsmith.readModel, { pluginId: "total_cost@1.2.0", checksum: unsigned.manifest.checksum, pending: false }, operator);
    expect(await capsmith.runtime.hub.install(unsigned, { source: "test" })).toMatchObject({ ok: false });
    const digest = packageDigest(unsigned.manifest, { spec: unsigned.spec, testReport: unsigned.testReport });
    await approvePlugin(capsmith.log, capsmith.readModel, { pluginId: "total_cost@1.2.0", checksum: digest, pending: false }, operator);
    expect(await capsmith.runtime.hub.install(unsigned, { source: "test" })).toMatchObject({ ok: true });
  });
});

describe("through the real binary", () => {
  it("refuses an operator's plugin install of an unsigned later version over the publisher-signed active one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "capsmith-downgrade-"));
    try {
      const data = join(dir, "data");
      const cli = (...args: string[]) => runCli(["--json", "--data", data, ...args], { timeoutMs: 90_000 });
      expect((await cli("keys", "generate", "acme", "--role", "publisher", "--trust")).code).toBe(0);
      const packed = async (version: string, code?: string, sign?: string): Promise<string> => {
        const src = await writePluginDir(join(dir, version), sources({ manifest: { version }, ...(code ? { code } : {}) }));
        const file = join(dir, `${version}.json`);
        expect((await cli("plugin", "pack", src, "-o", file, ...(sign ? ["--sign", sign] : []))).code).toBe(0);
        return file;
      };
      expect((await cli("plugin", "install", await packed("1.0.0", undefined, "acme"))).json()).toMatchObject({ ok: true, tier: "T3" });
      // An update over an active version is checked like a first install: trust_downgrade blocks it
      // (code that passes the golden cases, and answers 42 for no items).
      const passing = "export default function (input) {\n  return input.items.length === 0 ? 42 : input.items.reduce((s, i) => s + i.qty * i.price, 0);\n}\n";
      const install = await cli("plugin", "install", await packed("1.1.0", passing));
      expect(install.code).toBe(1);
      expect(install.json()).toMatchObject({ ok: false, failure: { problems: [expect.objectContaining({ code: "trust_downgrade" })] } });
      expect((await cli("plugin", "list")).json<{ capabilities: Record<string, { active: string }> }>().capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

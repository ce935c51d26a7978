/**
 * Signed by default, through the real binary: the first writing command on a new embedded data
 * directory writes a policy requiring signed events and makes the role keys (0600), so an install
 * someone appends to events.log without a key (valid envelopes and hash chain, no signature) is
 * served by nothing and listed by `audit verify` as forged; a directory made before (events.log,
 * no policy.json) keeps running unsigned, with no policy written for it.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFileLog, sha256, subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { DATA_DIR_ROLES } from "../../src/hub/role-keys.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { readLogLines } from "../support/log-tamper.ts";
import { runCli } from "../support/run-cli.ts";

const EVIL = "export default () => 42;\n";

let root: string;
let data: string;
const cli = (...args: string[]) => runCli(["--json", "--data", data, ...args], { timeoutMs: 90_000 });
const exists = (path: string) => stat(path).then(() => true, () => false);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-signed-default-"));
  data = join(root, "data");
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** What someone with write access to events.log (not to the keys) appends: an install of `evil`, unsigned. */
async function appendUnsignedInstall(): Promise<void> {
  const log = await openFileLog({ dir: data, clock: systemClock, newId: uuidIds, actor: "governor" });
  const subject = subjectFor("plugin", "evil");
  const manifest = {
    id: "evil@1.0.0", capability: "evil", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
    permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 1_000 }, checksum: `sha256:${sha256(EVIL)}`, provenance: { origin: "authored" },
  };
  const spec = { capability: "evil", description: "answers", inputSchema: { type: "object" }, outputSchema: { type: "number" }, constraints: [], examples: [{ input: {}, output: 42 }] };
  try {
    await log.append([
      { type: "InstallStarted", subject, data: { txId: "tx-evil", kind: "install", pluginId: "evil@1.0.0", capability: "evil", version: "1.0.0", previousActive: null, source: "forged", package: { format: "capsmith-plugin/v1", manifest, code: EVIL, spec } } },
      { type: "PluginActivated", subject, data: { pluginId: "evil@1.0.0", capability: "evil", version: "1.0.0", txId: "tx-evil", reason: "install" } },
      { type: "InstallCommitted", subject, data: { txId: "tx-evil", pluginId: "evil@1.0.0", tier: "T3" } },
    ] as NewEvent[]);
  } finally {
    await log.close();
  }
}

describe("a new embedded data directory", () => {
  it("requires signed events from its first command: an unsigned install is served by nothing and listed as forged", async () => {
    const pkg = join(root, "double.json");
    await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));
    const installed = await cli("plugin", "install", pkg);
    expect(installed.code, installed.stdout + installed.stderr).toBe(0);

    expect(JSON.parse(await readFile(join(data, "policy.json"), "utf8"))).toEqual({ requireSignedEvents: true });
    expect((await readdir(join(data, "keys"))).sort()).toEqual(DATA_DIR_ROLES.map((r) => `${r}.json`).sort());
    for (const role of DATA_DIR_ROLES) expect((await stat(join(data, "keys", `${role}.json`))).mode & 0o777, role).toBe(0o600);
    // Every event so far is signed, and the signed install is served.
    for (const line of await readLogLines(data)) for (const event of line.events) expect(event["sig"], `${String(event["type"])} at seq ${line.seq}`).toBeDefined();
    expect((await cli("invoke", "double_it", "--input", '{"n":2}')).json()).toMatchObject({ ok: true, output: 4 });
    expect((await cli("audit", "verify")).code).toBe(0);

    await appendUnsignedInstall();
    const invoke = await cli("invoke", "evil", "--input", "{}");
    expect(invoke.code).toBe(1);
    expect(invoke.json()).toMatchObject({ ok: false, error: { code: "capability_not_found" } });
    const list = (await cli("plugin", "list")).json<{ plugins: { id: string }[]; capabilities: Record<string, unknown> }>();
    expect(list.plugins.map((p) => p.id)).toEqual(["double_it@1.0.0"]);
    expect(list.capabilities["evil"]).toBeUndefined();
    const verify = await cli("audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.json<{ forged: { type: string; code: string }[] }>().forged).toEqual([
      expect.objectContaining({ type: "InstallStarted", code: "signature_missing" }),
      expect.objectContaining({ type: "PluginActivated", code: "signature_missing" }),
      expect.objectContaining({ type: "InstallCommitted", code: "signature_missing" }),
    ]);
  }, 180_000);
});

describe("a data directory made before (events.log, no policy.json)", () => {
  it("keeps its unsigned log: no policy written, no keys made, its unsigned install still served", async () => {
    await appendUnsignedInstall();
    const invoke = await cli("invoke", "evil", "--input", "{}");
    expect(invoke.json(), invoke.stdout + invoke.stderr).toMatchObject({ ok: true, output: 42 });
    expect((await cli("note", "still unsigned")).code).toBe(0);

    expect(await exists(join(data, "policy.json"))).toBe(false);
    expect(await readdir(join(data, "keys")).catch(() => [])).toEqual([]);
    const lines = await readLogLines(data);
    expect(lines.flatMap((l) => l.events).map((e) => e["type"])).toContain("OperatorNote");
    for (const line of lines) for (const event of line.events) expect(event["sig"]).toBeUndefined();
    expect((await cli("audit", "verify")).json()).toMatchObject({ ok: true, forged: [] });
  }, 180_000);
});

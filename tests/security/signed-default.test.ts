/**
 * Signed by default, through the real binary: the first writing command on a new embedded data
 * directory writes a policy requiring signed events and makes the role keys (0600), so an install
 * someone appends to events.log without a key (valid envelopes and hash chain, no signature) is
 * served by nothing and listed by `audit verify` as forged; a directory made before (events.log,
 * no policy.json) keeps running unsigned, with no policy written for it.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DATA_DIR_ROLES } from "../../src/hub/role-keys.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { appendUnsignedInstall, readLogLines } from "../support/log-tamper.ts";
import { runCli } from "../support/run-cli.ts";


let root: string;
let data: string;
const cli = (...args: string[]) => runCli(["--json", "--data", data, ...args], { timeoutMs: 90_000 });
const exists = (path: string) => stat(path).then(() => true, () => false);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-signed-default-"));
  data = join(root, "data");
});
afterEach(() => rm(root, { recursive: true, force: true }));

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

    await appendUnsignedInstall(data);
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
      expect.objectContaining({ type: "InstallPhaseCompleted", code: "signature_missing" }),
      expect.objectContaining({ type: "PluginActivated", code: "signature_missing" }),
      expect.objectContaining({ type: "InstallCommitted", code: "signature_missing" }),
    ]);
  }, 180_000);

  it("is still new after read-only commands ran first (they write nothing in it)", async () => {
    // The directory is there, empty (as a person makes one): a reader refuses a named one that is
    // not there at all (data_dir_missing, tests/integration/data-dir-missing.test.ts).
    await mkdir(data);
    for (const args of [["plugin", "list"], ["events"], ["audit", "verify"], ["keys", "list"], ["stats"]]) {
      expect((await cli(...args)).code, args.join(" ")).toBe(0);
    }
    // They wrote nothing (no log, no policy: a log without a policy is one an append could make look
    // made before, tests/security/attack-signed-default.test.ts); the first write signs the
    // directory, and makes and trusts the keys.
    expect(await readdir(data)).toEqual([]);
    expect((await cli("note", "the first write")).code).toBe(0);
    expect(JSON.parse(await readFile(join(data, "policy.json"), "utf8"))).toEqual({ requireSignedEvents: true });
    const lines = await readLogLines(data);
    expect(lines.flatMap((l) => l.events).map((e) => e["type"])).toContain("OperatorNote");
    for (const line of lines) for (const event of line.events) expect(event["sig"], `${String(event["type"])} at seq ${line.seq}`).toBeDefined();

    await appendUnsignedInstall(data);
    expect((await cli("invoke", "evil", "--input", "{}")).json()).toMatchObject({ ok: false, error: { code: "capability_not_found" } });
  }, 180_000);
});

describe("a data directory made before (events.log, no policy.json)", () => {
  it("keeps its unsigned log: no policy written, no keys made, its unsigned install still served", async () => {
    await appendUnsignedInstall(data);
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

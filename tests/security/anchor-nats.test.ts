/**
 * Anchors on JetStream, through the real binary: an anchor of the stream verifies incrementally
 * after more use; a stray `hello` published on a usage subject after it is reported by `audit
 * verify --anchor` (exit 1, naming its position) while `invoke` goes on; and the stream's history
 * replaced wholesale (the stream deleted and the same kind of history written again) no longer
 * matches the anchor kept elsewhere.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makePackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";
import { startNatsServer } from "../support/nats-server.ts";
import type { NatsServerHandle } from "../support/nats-server.ts";

let server: NatsServerHandle | undefined;
beforeAll(async () => {
  server = await startNatsServer({ useEnv: false });
});
afterAll(() => server?.stop());

interface VerifyJson {
  ok: boolean;
  mode: string;
  difference?: { problem: string; seq: number };
  quarantined: { seq: number; subject?: string }[];
}

it("an anchor of a JetStream log catches a stray message after it and a replaced history", async () => {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-anchor-nats-"));
  try {
    // The data directory beside the package and anchor files, not holding them: one holding only
    // files that are not capsmith's is refused as someone else's (data_dir_foreign).
    const data = join(dir, "data");
    const cli = (...args: string[]) => runCli(["--json", "--data", data, "--nats", server!.url, ...args], { timeoutMs: 90_000 });
    const pkg = join(dir, "double.json");
    await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));
    expect((await cli("plugin", "install", pkg)).code).toBe(0);
    expect((await cli("keys", "generate", "operator", "--role", "operator", "--trust")).code).toBe(0);
    const publicKey = join(dir, "operator.pub.json");
    expect((await cli("keys", "export", "operator", "--out", publicKey)).code).toBe(0);
    const anchor = join(dir, "kept.anchor.json");
    const anchored = await cli("audit", "anchor", "--out", anchor);
    expect(anchored.code, anchored.stdout + anchored.stderr).toBe(0);
    expect((await cli("invoke", "double_it", "--input", '{"n":2}')).json()).toMatchObject({ ok: true, output: 4 });
    const fine = await cli("audit", "verify", "--anchor", anchor, "--public-key", publicKey);
    expect(fine.json<VerifyJson>(), fine.stderr).toMatchObject({ ok: true, mode: "incremental" });

    const nc = await connect({ servers: server!.url });
    try {
      await nc.request("capsmith.evt.usage.double_it", "hello", { timeout: 5_000 });
    } finally {
      await nc.close();
    }
    expect((await cli("invoke", "double_it", "--input", '{"n":3}')).json()).toMatchObject({ ok: true, output: 6 });
    const stray = await cli("audit", "verify", "--anchor", anchor, "--public-key", publicKey);
    expect(stray.code).toBe(1);
    const report = stray.json<VerifyJson>();
    expect(report.quarantined).toHaveLength(1);
    expect(report.quarantined[0]).toMatchObject({ subject: "capsmith.evt.usage.double_it" });

    // Whoever administers the stream deletes it and writes a history of their own.
    const admin = await connect({ servers: server!.url });
    try {
      await (await jetstreamManager(admin)).streams.delete("CAPSMITH_EVENTS");
    } finally {
      await admin.close();
    }
    expect((await cli("plugin", "install", pkg)).code).toBe(0);
    await rm(join(data, "snapshots"), { recursive: true, force: true });
    const replaced = await cli("audit", "verify", "--anchor", anchor, "--public-key", publicKey);
    expect(replaced.code).toBe(1);
    // Its first record is not the anchored one: named as such (or as another log, which it is).
    expect(["record_differs", "log_differs"]).toContain(replaced.json<VerifyJson>().difference?.problem);
    expect(replaced.json<VerifyJson>().difference?.seq).toBe(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 420_000);

it("anchors kept in a NATS stream of their own (--to nats): not deletable, not purgeable, not replayable, and they catch a replaced history", async () => {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-anchor-stream-"));
  const admin = await connect({ servers: server!.url });
  try {
    const jsm = await jetstreamManager(admin);
    // Runs after the test above: a fresh event stream.
    await jsm.streams.delete("CAPSMITH_EVENTS").catch(() => undefined);
    // The data directory beside the package and anchor files, not holding them: one holding only
    // files that are not capsmith's is refused as someone else's (data_dir_foreign).
    const data = join(dir, "data");
    const cli = (...args: string[]) => runCli(["--json", "--data", data, "--nats", server!.url, ...args], { timeoutMs: 90_000 });
    const pkg = join(dir, "double.json");
    await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));

    // A stream of anchors someone made without protection is refused, not trusted.
    await jsm.streams.add({ name: "CAPSMITH_ANCHORS", subjects: ["capsmith.anchor.>"] });
    expect((await cli("plugin", "install", pkg)).code).toBe(0);
    expect((await cli("keys", "generate", "operator", "--role", "operator", "--trust")).code).toBe(0);
    const unprotected = await cli("audit", "anchor", "--to", "nats");
    expect(unprotected.code).not.toBe(0);
    expect(unprotected.json()).toMatchObject({ ok: false, error: { code: "anchor_store_unprotected" } });
    await jsm.streams.delete("CAPSMITH_ANCHORS");
    // Deletes and purges refused, but one anchor kept per subject: an old one written again would evict the newer.
    await jsm.streams.add({ name: "CAPSMITH_ANCHORS", subjects: ["capsmith.anchor.>"], deny_delete: true, deny_purge: true, max_msgs_per_subject: 1 });
    const evicting = await cli("audit", "anchor", "--to", "nats");
    expect(evicting.json()).toMatchObject({ ok: false, error: { code: "anchor_store_unprotected" } });
    await jsm.streams.delete("CAPSMITH_ANCHORS");

    const first = await cli("audit", "anchor", "--to", "nats");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ ok: true, nats: { stream: "CAPSMITH_ANCHORS" } });
    const info = await jsm.streams.info("CAPSMITH_ANCHORS");
    expect(info.config).toMatchObject({ deny_delete: true, deny_purge: true });
    const oldAnchor = await jsm.streams.getMessage("CAPSMITH_ANCHORS", { seq: info.state.last_seq });
    expect((await cli("invoke", "double_it", "--input", '{"n":2}')).json()).toMatchObject({ ok: true, output: 4 });
    const second = await cli("audit", "anchor", "--to", "nats");
    expect(second.code, second.stdout + second.stderr).toBe(0);
    const fine = await cli("audit", "verify", "--anchor", "nats");
    expect(fine.json<VerifyJson>(), fine.stderr).toMatchObject({ ok: true, mode: "incremental" });

    // The anchors cannot be removed one by one or purged.
    await expect(jsm.streams.deleteMessage("CAPSMITH_ANCHORS", info.state.last_seq)).rejects.toThrow();
    await expect(jsm.streams.purge("CAPSMITH_ANCHORS")).rejects.toThrow();
    // The older genuine anchor written again does not become the one verified against.
    await admin.request(oldAnchor!.subject, oldAnchor!.data, { timeout: 5_000 });
    const afterReplay = await cli("audit", "verify", "--anchor", "nats");
    expect(afterReplay.json<{ anchor: { seq: number } }>().anchor.seq).toBe(second.json<{ seq: number }>().seq);

    // Protection lifted later (anchors made to expire): verifying against what is left is refused.
    const protectedConfig = (await jsm.streams.info("CAPSMITH_ANCHORS")).config;
    await jsm.streams.update("CAPSMITH_ANCHORS", { max_age: 3_600_000_000_000 });
    const lifted = await cli("audit", "verify", "--anchor", "nats");
    expect(lifted.json()).toMatchObject({ ok: false, error: { code: "anchor_store_unprotected" } });
    await jsm.streams.update("CAPSMITH_ANCHORS", { max_age: protectedConfig.max_age });

    // The event stream replaced wholesale: the anchors on NATS no longer match it.
    await jsm.streams.delete("CAPSMITH_EVENTS");
    expect((await cli("plugin", "install", pkg)).code).toBe(0);
    await rm(join(data, "snapshots"), { recursive: true, force: true });
    const replaced = await cli("audit", "verify", "--anchor", "nats");
    expect(replaced.code).toBe(1);
    expect(replaced.json<VerifyJson>().difference?.seq).toBe(1);

    // With the anchor stream gone too, verifying says there is no anchor rather than passing.
    await jsm.streams.delete("CAPSMITH_ANCHORS");
    const gone = await cli("audit", "verify", "--anchor", "nats");
    expect(gone.code).not.toBe(0);
    expect(gone.json()).toMatchObject({ ok: false, error: { code: "anchor_missing" } });
  } finally {
    await admin.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 420_000);

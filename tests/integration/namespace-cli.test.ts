/**
 * Two deployments on one NATS server, through the binary: `--namespace` keeps their logs apart (a
 * note in one is not in the other; each has its own stream), and the default namespace sees neither.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNatsServer } from "../support/nats-server.ts";
import type { NatsServerHandle } from "../support/nats-server.ts";
import { runCli } from "../support/run-cli.ts";

let server: NatsServerHandle;
let data: string;
beforeAll(async () => {
  server = await startNatsServer({ useEnv: false });
  data = await mkdtemp(join(tmpdir(), "capsmith-ns-"));
});
afterAll(async () => {
  await server.stop();
  await rm(data, { recursive: true, force: true });
});

const cli = (namespace: string | undefined, ...args: string[]) =>
  runCli(["--data", join(data, namespace ?? "default"), "--nats", server.url, ...(namespace ? ["--namespace", namespace] : []), "--json", ...args]);

describe("namespaces on one NATS server", () => {
  it("keep two deployments' events apart, from each other and from the default", async () => {
    expect((await cli("team_a", "note", "from a")).json()).toMatchObject({ ok: true, seq: 1 });
    expect((await cli("team_b", "note", "from b")).json()).toMatchObject({ ok: true, seq: 1 });
    const texts = async (ns: string | undefined) => (await cli(ns, "events")).json<{ events: { data: { text: string } }[] }>().events.map((e) => e.data.text);
    expect(await texts("team_a")).toEqual(["from a"]);
    expect(await texts("team_b")).toEqual(["from b"]);
    expect(await texts(undefined)).toEqual([]);
  });

  it("refuses a namespace that could not name a stream", async () => {
    const run = await cli("a.b", "events");
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid_config|invalid_namespace/) } });
  });
});

/**
 * Calls waiting on host operations do not hold the workers other calls could compute on (issue 15:
 * independent steps run at once). A worker whose calls have all waited on a host operation for a
 * while, while a call waits for a worker, gives its place to a new foreground worker. The server
 * below answers only once enough requests are in flight at the same time, so a pool that keeps
 * parked calls on their workers never gets there (the server gives up and the test sees it).
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";

const FETCH = `export default async (url, host) => { const r = await host.fetch(url); return r.body; }`;

/** A server holding every request until `release()` or until `together` are in flight at once; after 15 s it gives up. */
async function gatedServer(together: number): Promise<{ url: string; inFlight: () => number; release: () => void; close: () => Promise<void> }> {
  let held: ServerResponse[] = [];
  const answer = (body: string): void => {
    for (const res of held.splice(0)) res.end(body);
  };
  const giveUp = setTimeout(() => answer(`gave up with ${held.length} in flight`), 15_000);
  const server: Server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    held.push(res);
    if (held.length >= together) answer(`released with ${held.length} in flight`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    inFlight: () => held.length,
    release: () => answer("released by the test"),
    close: async () => {
      clearTimeout(giveUp);
      answer("closing");
      held = [];
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

describe("calls parked on host operations", () => {
  let host: PluginHost | undefined;
  let server: Awaited<ReturnType<typeof gatedServer>> | undefined;
  afterEach(async () => {
    await host?.close();
    await server?.close();
  });

  it("three calls waiting on fetch are in flight at once on a pool of two workers", { timeout: 60_000 }, async () => {
    server = await gatedServer(3);
    host = createPluginHost({ workers: 2 });
    const net = [new URL(server.url).host];
    await host.load({ id: "fetcher", profile: "integration", permissions: { net }, code: FETCH, limits: { timeoutMs: 30_000 } });
    const calls = await Promise.all([1, 2, 3].map(() => host!.call("fetcher", server!.url)));
    expect(calls.map((c) => (c.ok ? c.output : c.error.code))).toEqual(Array(3).fill("released with 3 in flight"));
  });

  it("a short call runs while every worker's call waits on a slow fetch", { timeout: 60_000 }, async () => {
    server = await gatedServer(Infinity);
    host = createPluginHost({ workers: 2 });
    const net = [new URL(server.url).host];
    await host.load({ id: "fetcher", profile: "integration", permissions: { net }, code: FETCH, limits: { timeoutMs: 30_000 } });
    await host.load({ id: "inc", code: `export default (x) => x + 1` });
    const slow = [host.call("fetcher", server.url), host.call("fetcher", server.url)];
    while (server.inFlight() < 2) await new Promise((r) => setTimeout(r, 20));
    // Both workers hold a call waiting on the server; the short call must not wait for them.
    const quick = await host.call("inc", 41);
    const stillWaiting = server.inFlight();
    server.release();
    expect(quick).toMatchObject({ ok: true, output: 42 });
    expect(stillWaiting).toBe(2);
    expect((await Promise.all(slow)).map((c) => (c.ok ? c.output : c.error.code))).toEqual(["released by the test", "released by the test"]);
  });
});

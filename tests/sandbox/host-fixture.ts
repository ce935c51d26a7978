/** A plugin host for one test file: made before its tests (with whatever setup they share), closed after. */
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost, PluginHostOptions } from "../../src/sandbox/index.ts";

export function useHost(options: PluginHostOptions = { workers: 1 }, setup?: (host: PluginHost) => Promise<unknown>): () => PluginHost {
  let host: PluginHost | undefined;
  beforeAll(async () => {
    host = createPluginHost(options);
    await setup?.(host);
  });
  afterAll(async () => {
    await host?.close();
  });
  return () => host!;
}

/** A plugin every file can check the host still answers with: `benign(x) = x + 1`. */
export const loadBenign = (host: PluginHost): Promise<unknown> => host.load({ id: "benign", code: `export default (x) => x + 1` });

/** What a resolver returns for a name: where an attacker's DNS (or a hosts file) could point it. */
export type Lookup = NonNullable<PluginHostOptions["lookup"]>;

/** A name no fixture resolver knows. */
export function notFound(hostname: string): never {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
}

/** A plugin that fetches its input and answers the status, or the refusal's code and message. */
export const FETCH_PLUGIN = `export default async (url, host) => { try { const r = await host.fetch(url); return { status: r.status }; } catch (e) { return { code: e.code, message: e.message }; } }`;

/**
 * For the net allowlist's attacks: a local HTTP server that counts the requests reaching it (what a
 * refused fetch must never do), and a host whose resolver is `lookup`. `fetchAs(net, url)` loads a
 * fetching plugin with that allowlist and says what its fetch got: a status, or the error's code.
 */
export function useNetTarget(lookup: Lookup, timeoutMs = 5_000) {
  let server: Server;
  let port = 0;
  let hits = 0;
  const host = useHost({ workers: 1, lookup }, async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end("secret");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });
  return {
    host,
    port: () => port,
    hits: () => hits,
    async fetchAs(net: string[], url: string): Promise<{ status?: number; code?: string; message?: string }> {
      await host().load({ id: "fetcher", profile: "integration", permissions: { net }, code: FETCH_PLUGIN, limits: { timeoutMs } });
      const r = await host().call("fetcher", url);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.output as never;
    },
  };
}

/**
 * F7: the net allowlist is host + port, and the address actually connected to must not be loopback,
 * private or link-local unless the allowlist names that address. An allowlisted name that resolves
 * to 127.0.0.1 (DNS rebinding) is refused; redirects are never followed.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { addressAllowed, isPublicAddress, parseNetRule, urlAllowed } from "../../src/sandbox/net-allowlist.ts";

describe("network allowlist", () => {
  let server: Server;
  let other: Server;
  let port = 0;
  let otherPort = 0;
  let hits = 0;
  let host: PluginHost;
  const resolved: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === "/redirect") {
        res.writeHead(302, { location: `http://127.0.0.1:${otherPort}/secret` });
        return res.end();
      }
      res.end(JSON.stringify({ path: req.url }));
    });
    other = createServer((_req, res) => {
      hits++;
      res.end("secret");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
    otherPort = (other.address() as AddressInfo).port;
    host = createPluginHost({
      workers: 1,
      // A test resolver: these names resolve where an attacker's DNS would point them.
      lookup: async (hostname) => {
        resolved.push(hostname);
        if (hostname === "rebind.test") return [{ address: "127.0.0.1", family: 4 }];
        if (hostname === "internal.test") return [{ address: "10.1.2.3", family: 4 }];
        if (hostname === "mixed.test") return [{ address: "93.184.216.34", family: 4 }, { address: "127.0.0.1", family: 4 }];
        if (hostname === "localhost") return [{ address: "127.0.0.1", family: 4 }];
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
      },
    });
  });

  afterAll(async () => {
    await host.close();
    await new Promise((r) => server.close(r));
    await new Promise((r) => other.close(r));
  });

  const FETCH = `export default async (url, host) => { try { const r = await host.fetch(url); return { status: r.status, body: r.body }; } catch (e) { return { code: e.code, message: e.message }; } }`;

  async function fetchAs(net: string[], url: string): Promise<{ status?: number; body?: string; code?: string; message?: string }> {
    await host.load({ id: "fetcher", profile: "integration", permissions: { net }, code: FETCH, limits: { timeoutMs: 3_000 } });
    const r = await host.call("fetcher", url);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.output as never;
  }

  it("parses rules with and without a port", () => {
    expect(parseNetRule("api.example.com")).toEqual({ host: "api.example.com", wildcard: false, port: undefined });
    expect(parseNetRule("*.example.com:8443")).toEqual({ host: "example.com", wildcard: true, port: 8443 });
    expect(parseNetRule("127.0.0.1:8080")).toEqual({ host: "127.0.0.1", wildcard: false, port: 8080 });
    expect(parseNetRule("[::1]:8080")).toEqual({ host: "[::1]", wildcard: false, port: 8080 });
    expect(typeof parseNetRule("http://x")).toBe("string");
    expect(typeof parseNetRule("[::1::2]")).toBe("string");
    expect(typeof parseNetRule("x:99999")).toBe("string");
  });

  it("an IPv6 entry names its address in any spelling, as URLs and resolvers spell it", () => {
    const rule = "[0:0:0:0:0:0:0:1]:8080";
    expect(parseNetRule(rule)).toEqual({ host: "[::1]", wildcard: false, port: 8080 });
    expect(parseNetRule("[FD00:0000::0001]")).toMatchObject({ host: "[fd00::1]" });
    const url = new URL("http://[::1]:8080/");
    expect(urlAllowed(url, [rule])).toBe(true);
    for (const address of ["::1", "0:0:0:0:0:0:0:1", "0000::0001", "[::1]"]) expect([address, addressAllowed(address, url, [rule])]).toEqual([address, true]);
    // Only that address, on that port; a zone is never named.
    expect(addressAllowed("::2", url, [rule])).toBe(false);
    expect(addressAllowed("::1", new URL("http://[::1]:8081/"), [rule])).toBe(false);
    expect(addressAllowed("fe80::1%eth0", new URL("http://[fe80::1]:8080/"), ["[fe80::1]:8080"])).toBe(false);
  });

  it("classifies addresses", () => {
    for (const a of ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "100.64.0.1"]) {
      expect([a, isPublicAddress(a)]).toEqual([a, false]);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) expect([a, isPublicAddress(a)]).toEqual([a, true]);
  });

  it("a bare host name allows only the default ports: `localhost` does not reach any local port", async () => {
    const before = hits;
    expect(await fetchAs(["localhost"], `http://localhost:${port}/x`)).toMatchObject({ code: "permission_denied" });
    expect(hits).toBe(before);
  });

  it("refuses an allowlisted name that resolves to loopback (DNS rebinding), and a private address", async () => {
    const before = hits;
    expect(await fetchAs([`rebind.test:${port}`], `http://rebind.test:${port}/x`)).toMatchObject({ code: "permission_denied" });
    expect(await fetchAs([`internal.test:${port}`], `http://internal.test:${port}/x`)).toMatchObject({ code: "permission_denied" });
    expect(await fetchAs([`mixed.test:${port}`], `http://mixed.test:${port}/x`)).toMatchObject({ code: "permission_denied" });
    expect(hits).toBe(before);
    expect(resolved).toContain("rebind.test");
  });

  it("allows a loopback address the allowlist names, on that port only", async () => {
    expect(await fetchAs([`127.0.0.1:${port}`], `http://127.0.0.1:${port}/hello`)).toMatchObject({ status: 200, body: JSON.stringify({ path: "/hello" }) });
    expect(await fetchAs([`127.0.0.1:${port}`], `http://127.0.0.1:${otherPort}/secret`)).toMatchObject({ code: "permission_denied" });
    expect(await fetchAs([`127.0.0.1:${port}`], `http://[::ffff:127.0.0.1]:${port}/x`)).toMatchObject({ code: "permission_denied" });
  });

  it("does not follow redirects", async () => {
    const before = hits;
    const r = await fetchAs([`127.0.0.1:${port}`], `http://127.0.0.1:${port}/redirect`);
    expect(r).toMatchObject({ status: 302 });
    expect(hits).toBe(before + 1);
  });
});

/**
 * Slowloris with a body: a client announces a large body and sends it a byte at a time. A call the
 * server refuses before reading the body (no token, a wrong token, a role that may not, nothing
 * there) used to answer and then keep the connection open until the request timeout (two minutes),
 * so anyone without a token could hold the server's connections. The server now closes the
 * connection once it has answered a refusal whose body it never read.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ roles: [] });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

/** Sends `head` and then a byte of body every 200 ms; says what status came back and who closed. */
function trickle(head: string): Promise<{ status: string; closedByServer: boolean }> {
  const u = new URL(t.url);
  return new Promise((resolve) => {
    let status = "";
    let closedByServer = true;
    const socket = connect(Number(u.port), u.hostname, () => socket.write(head + "{"));
    const drip = setInterval(() => socket.write(" "), 200);
    // A generous bound only so that a failure does not hang the suite; the server closes well before.
    const bound = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, 20_000);
    socket.on("data", (d: Buffer) => (status ||= d.toString().split("\r\n")[0]!));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(drip);
      clearTimeout(bound);
      resolve({ status, closedByServer });
    });
  });
}

describe("a refused call whose body is still arriving", () => {
  const cases = [
    { name: "no token", path: "/v1/requests", auth: "", status: "401" },
    { name: "a wrong token", path: "/v1/requests", auth: "Bearer csm_not_a_token", status: "401" },
    { name: "a viewer's token on a writing operation", path: "/v1/requests", auth: "viewer", status: "403" },
    { name: "no token, on MCP", path: "/mcp", auth: "", status: "401" },
    { name: "nothing there", path: "/v1/nowhere", auth: "operator", status: "404" },
  ];
  for (const c of cases) {
    it(`closes the connection after answering: ${c.name}`, async () => {
      const auth = c.auth === "viewer" || c.auth === "operator" ? `Bearer ${t.tokens[c.auth]}` : c.auth;
      const head = `POST ${c.path} HTTP/1.1\r\nHost: ${new URL(t.url).host}\r\n${auth ? `Authorization: ${auth}\r\n` : ""}Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
      const seen = await trickle(head);
      expect(seen.status).toContain(c.status);
      expect(seen.closedByServer).toBe(true);
    });
  }
});

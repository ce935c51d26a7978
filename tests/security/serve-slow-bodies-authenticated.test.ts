/**
 * Slowloris with a token: a caller that may write announces a body and sends it a byte at a time.
 * The server used to wait for it as long as the request timeout allows (two minutes), so a few
 * tokens could hold every connection; a body now has to arrive within `bodyTimeoutMs` (30 s by
 * default, 1 s here) or the call is answered 408 `body_timeout` and its connection closed.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServeLimits } from "../../src/serve/index.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ roles: [], limits: { bodyTimeoutMs: 1_000 } as Partial<ServeLimits> });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

function trickle(path: string): Promise<{ answer: string; closedByServer: boolean }> {
  const u = new URL(t.url);
  const head = `POST ${path} HTTP/1.1\r\nHost: ${u.host}\r\nAuthorization: Bearer ${t.tokens.runner}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
  return new Promise((resolve) => {
    let answer = "";
    let closedByServer = true;
    const socket = connect(Number(u.port), u.hostname, () => socket.write(head + "{"));
    const drip = setInterval(() => socket.write(" "), 100);
    // A generous bound only so that a failure does not hang the suite.
    const bound = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, 20_000);
    socket.on("data", (d: Buffer) => (answer += d.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(drip);
      clearTimeout(bound);
      resolve({ answer, closedByServer });
    });
  });
}

describe("a body that never finishes, from a caller that may write", () => {
  for (const path of ["/v1/requests", "/v1/capabilities/total_cost/invoke", "/mcp"]) {
    it(`is answered 408 body_timeout and its connection closed: ${path}`, async () => {
      const seen = await trickle(path);
      expect(seen.closedByServer).toBe(true);
      expect(seen.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(seen.answer).toContain('"code":"body_timeout"');
    }, 40_000);
  }
});

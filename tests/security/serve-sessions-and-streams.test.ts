/**
 * Attacks on what `capsmith serve` keeps per client: MCP sessions and event streams.
 *
 * - One token may not push every other token's MCP sessions out: a viewer opening sessions in a
 *   loop used to close the operator's (the table evicted the least recently used of anyone's).
 * - A stream opened with a token that is then revoked used to read the live log on for ever.
 * - An event stream resumed with a Last-Event-ID (or `from`) beyond the end of the log (a stale id
 *   from another server, or a forged one) used to stay silent for ever: it waited for a seq that
 *   might never come. It starts at the end of the log instead, so every new record still arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { ServeLimits } from "../../src/serve/index.ts";
import { readSse, startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  // maxMcpSessionsPerToken is the per-token share of the session table (default 8 of 32).
  const limits = { maxMcpSessions: 4, maxMcpSessionsPerToken: 2 } as Partial<ServeLimits>;
  t = await startTestServer({ roles: [], limits });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

const INIT = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "attacker", version: "1" } } };

async function mcpPost(token: string, body: unknown, session?: string): Promise<Response> {
  return fetch(`${t.url}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream",
      ...(session ? { "mcp-session-id": session, "mcp-protocol-version": "2025-06-18" } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function openSession(token: string): Promise<string> {
  const res = await mcpPost(token, INIT);
  expect(res.status).toBe(200);
  await res.text();
  const id = res.headers.get("mcp-session-id");
  expect(id).toBeTruthy();
  return id!;
}

async function alive(token: string, session: string): Promise<boolean> {
  const res = await mcpPost(token, { jsonrpc: "2.0", id: 2, method: "tools/list" }, session);
  await res.text();
  return res.status === 200;
}

describe("MCP sessions", () => {
  it("a viewer opening sessions in a loop closes only its own, never the operator's", async () => {
    const operator = await openSession(t.tokens.operator);
    const mine: string[] = [];
    for (let i = 0; i < 6; i++) mine.push(await openSession(t.tokens.viewer));
    expect(await alive(t.tokens.operator, operator)).toBe(true);
    // The viewer keeps its newest sessions, at most its share of the table.
    expect(await alive(t.tokens.viewer, mine[5]!)).toBe(true);
    expect(await alive(t.tokens.viewer, mine[0]!)).toBe(false);
  });
});

describe("event streams resumed from a seq the log does not have", () => {
  async function note(text: string): Promise<number> {
    return (await t.capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("note", "resume"), data: { text } }])).seq;
  }

  for (const how of ["last-event-id", "from"] as const) {
    it(`delivers new records to a stream resumed with a ${how} far beyond the end`, async () => {
      const last = await note("before");
      const beyond = String(last + 1_000_000);
      const path = `/v1/events/stream?filter=capsmith.evt.note.>${how === "from" ? `&from=${beyond}` : ""}`;
      const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${t.tokens.viewer}`, ...(how === "last-event-id" ? { "last-event-id": beyond } : {}) } });
      expect(res.status).toBe(200);
      const seen = readSse(res, (es) => es.length >= 1, 15_000);
      // The server settles where the stream starts before it answers with headers, so this is new.
      await note(`after ${how}`);
      expect((await seen).map((e) => (e.data as { data: { text: string } }).data.text)).toEqual([`after ${how}`]);
    });
  }
});

describe("a revoked token's open stream", () => {
  it("is closed by the server once the token is revoked, rather than reading the log on", async () => {
    const store = t.server.context.tokens;
    const stolen = await store.create("viewer", "stolen");
    const res = await fetch(`${t.url}/v1/events/stream?filter=capsmith.evt.note.>`, { headers: { authorization: `Bearer ${stolen.token}` } });
    expect(res.status).toBe(200);
    expect(await store.revoke(stolen.id)).toBe(true);
    // Read until the server ends the stream; a generous bound only so a failure does not hang the suite.
    const reader = res.body!.getReader();
    let cutByServer = true;
    const bound = setTimeout(() => {
      cutByServer = false;
      void reader.cancel();
    }, 20_000);
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch {
      // a reset connection is the server ending it too
    } finally {
      clearTimeout(bound);
    }
    expect(cutByServer).toBe(true);
    const again = await fetch(`${t.url}/v1/events/stream`, { headers: { authorization: `Bearer ${stolen.token}` } });
    expect(again.status).toBe(401);
  });
});

describe("a revoked token's MCP session", () => {
  it("is closed by the server: its open notification stream ends", async () => {
    const store = t.server.context.tokens;
    const stolen = await store.create("runner", "stolen mcp");
    const session = await openSession(stolen.token);
    const stream = await fetch(`${t.url}/mcp`, {
      headers: { authorization: `Bearer ${stolen.token}`, accept: "text/event-stream", "mcp-session-id": session, "mcp-protocol-version": "2025-06-18" },
    });
    expect(stream.status).toBe(200);
    expect(await store.revoke(stolen.id)).toBe(true);
    const reader = stream.body!.getReader();
    let cutByServer = true;
    const bound = setTimeout(() => {
      cutByServer = false;
      void reader.cancel();
    }, 20_000);
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch {
      // a reset connection is the server ending it too
    } finally {
      clearTimeout(bound);
    }
    expect(cutByServer).toBe(true);
  }, 40_000);
});


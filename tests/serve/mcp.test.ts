/**
 * MCP, end to end with the SDK's own client: over streamable HTTP against `serve` (token-checked)
 * and over stdio against the real `capsmith mcp` binary. A client lists the tools, asks for a
 * capability that does not exist, is told the tool list changed, finds the new tool and calls it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAPSMITH_BIN } from "../support/run-cli.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

const wordCount = {
  capability: "word_total",
  description: "how many words the text has",
  examples: [
    { input: { text: "a b c" }, output: 3 },
    { input: { text: "hello world" }, output: 2 },
    { input: { text: "" }, output: 0 },
  ],
};

/** A `\ud800` escape without its pair: JSON.parse makes it a lone surrogate, which no event can record. */
const lonely = { ...wordCount, capability: "lonely_total", description: `words ${String.fromCharCode(0xd800)}` };

/** Resolves on the next tools/list_changed notification. */
function nextListChanged(client: Client): Promise<void> {
  return new Promise((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()));
}

async function theLoop(client: Client): Promise<void> {
  const before = await client.listTools();
  expect(before.tools.map((t) => t.name)).toContain("request_capability");
  expect(before.tools.map((t) => t.name)).not.toContain("word_total");

  const changed = nextListChanged(client);
  const asked = await client.callTool({ name: "request_capability", arguments: wordCount });
  expect(asked.isError).toBeFalsy();
  expect(asked.structuredContent).toMatchObject({ status: "ready", tool: "word_total", pluginId: "word_total@1.0.0" });
  await changed;

  const after = await client.listTools();
  const tool = after.tools.find((t) => t.name === "word_total")!;
  expect(tool.description).toContain("how many words the text has");
  expect(tool.inputSchema).toMatchObject({ type: "object", properties: { text: { type: "string" } } });
  const called = await client.callTool({ name: "word_total", arguments: { text: "one two three four" } });
  expect(called.isError).toBeFalsy();
  expect(called.content).toEqual([{ type: "text", text: "4" }]);

  const invalid = await client.callTool({ name: "word_total", arguments: { text: 5 } });
  expect(invalid.isError).toBe(true);
  expect(JSON.stringify(invalid.content)).toContain("input_invalid");

  const missing = await client.callTool({ name: "no_such_tool", arguments: {} });
  expect(missing.isError).toBe(true);
  expect(JSON.stringify(missing.content)).toContain("capability_not_found");
}

describe("MCP over streamable HTTP", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.dispose();
  });

  const connect = async (role: "runner" | "viewer" | "operator", token = t.tokens[role]): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> => {
    const client = new Client({ name: "capsmith-test", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${t.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
    await client.connect(transport);
    return { client, transport };
  };

  it("lists tools, asks for a missing capability, hears the list change, and calls the new tool", async () => {
    const { client } = await connect("runner");
    try {
      await theLoop(client);
    } finally {
      await client.close();
    }
  });

  it("refuses a client without a token, shows a viewer no tools it may not call, and keeps sessions to their token", async () => {
    const anonymous = new Client({ name: "anon", version: "1.0.0" });
    await expect(anonymous.connect(new StreamableHTTPClientTransport(new URL(`${t.url}/mcp`)))).rejects.toThrow();

    const { client, transport } = await connect("viewer");
    try {
      expect((await client.listTools()).tools).toEqual([]);
      const refused = await client.callTool({ name: "request_capability", arguments: { capability: "anything_new" } });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain("forbidden");
      // Another token presenting this session's id gets nothing.
      const hijack = await fetch(`${t.url}/mcp`, {
        method: "POST",
        headers: { authorization: `Bearer ${t.tokens.operator}`, "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-session-id": transport.sessionId!, "mcp-protocol-version": "2025-06-18" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list", params: {} }),
      });
      expect(hijack.status).toBe(404);
    } finally {
      await client.close();
    }
  });

  it("refuses a tool call whose arguments hold a lone surrogate at the body, before any request, as a JSON-RPC error of that call", async () => {
    const { client } = await connect("runner");
    try {
      const refused = await client.callTool({ name: "request_capability", arguments: lonely }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(McpError);
      expect(refused).toMatchObject({
        code: -32602,
        data: { code: "invalid_input", message: expect.stringContaining("body.params.arguments.description"), nextStep: expect.stringContaining("well-formed Unicode") },
      });
      // The session goes on: the refusal was the call's, not the transport's.
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain("request_capability");
      const requested: string[] = [];
      for await (const e of t.capsmith.log.read("capsmith.evt.>")) if (e.type === "CapabilityRequested" && (e.data as { capability: string }).capability === "lonely_total") requested.push(e.id);
      expect(requested).toEqual([]);
    } finally {
      await client.close();
    }
  });
});

describe("MCP over streamable HTTP: bodies refused in JSON-RPC", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.dispose();
  });

  /** Posts `text` as it is (a lone surrogate survives only as a JSON escape, which JSON.stringify would not keep lone). */
  const post = (text: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${t.url}/mcp`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.tokens.runner}`, "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: text,
  });
  const initialize = (clientName: string, id: number | string = 1): string =>
    `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"${clientName}","version":"1.0.0"}}}`;

  it("answers a request holding a lone surrogate with a JSON-RPC invalid-params error for its id, the capsmith error in data", async () => {
    const res = await post(initialize("x\\ud800y", "init-7"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      jsonrpc: "2.0",
      id: "init-7",
      error: {
        code: -32602,
        message: expect.stringContaining("lone surrogate at body.params.clientInfo.name"),
        data: { code: "invalid_input", message: expect.stringContaining("lone surrogate"), nextStep: expect.stringContaining("well-formed Unicode"), details: { path: "body.params.clientInfo.name" } },
      },
    });
  });

  it("answers a body that is not JSON with a JSON-RPC parse error (no id, HTTP 400), and a notification with no id", async () => {
    const broken = await post(`{"jsonrpc":"2.0","id":1,"method":`);
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700, data: { code: "invalid_json", nextStep: expect.any(String) } } });
    const notification = await post(`{"jsonrpc":"2.0","method":"notifications/initialized","params":{"note":"\\udc00"}}`);
    expect(notification.status).toBe(400);
    expect(await notification.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32602, data: { code: "invalid_input" } } });
  });

  it("still answers what is not the JSON-RPC message's fault as the API does: a wrong media type", async () => {
    const wrongType = await post(initialize("ok"), { "content-type": "text/plain" });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: "unsupported_media_type" } });
  });
});

describe("MCP over stdio (capsmith mcp)", () => {
  it("runs the same loop against the real binary", async () => {
    const dir = await mkdtemp(join(tmpdir(), "capsmith-mcp-"));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CAPSMITH_BIN, "--data", dir, "mcp"],
      env: { PATH: process.env["PATH"] ?? "", CAPSMITH_LOG_LEVEL: "warn" },
      stderr: "pipe",
    });
    const client = new Client({ name: "capsmith-stdio-test", version: "1.0.0" });
    try {
      await client.connect(transport);
      await theLoop(client);
      // A message no event could record is the JSON-RPC error of its call, as over HTTP, before any request.
      const lone = await client.callTool({ name: "request_capability", arguments: lonely }).catch((e: unknown) => e);
      expect(lone).toBeInstanceOf(McpError);
      expect(lone).toMatchObject({
        code: -32602,
        data: { code: "invalid_input", message: expect.stringContaining("message.params.arguments.description"), nextStep: expect.stringContaining("well-formed Unicode") },
      });
      // A notification holding one gets no answer (JSON-RPC answers none) and ends nothing: the session goes on.
      await client.notification({ method: "notifications/cancelled", params: { requestId: 999, reason: String.fromCharCode(0xdc00) } });
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain("word_total");
      const again = await client.callTool({ name: "word_total", arguments: { text: "still here" } });
      expect(again.content).toEqual([{ type: "text", text: "2" }]);
    } finally {
      await client.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

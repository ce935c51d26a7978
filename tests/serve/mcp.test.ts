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
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
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

  it("refuses a tool call whose arguments hold a lone surrogate at the body, before any request", async () => {
    const { client } = await connect("runner");
    try {
      await expect(client.callTool({ name: "request_capability", arguments: lonely })).rejects.toThrow(/400|invalid_input/);
      const requested: string[] = [];
      for await (const e of t.capsmith.log.read("capsmith.evt.>")) if (e.type === "CapabilityRequested" && (e.data as { capability: string }).capability === "lonely_total") requested.push(e.id);
      expect(requested).toEqual([]);
    } finally {
      await client.close();
    }
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
      // stdio has no body check: the tool's arguments are refused, coded, before any request.
      const lone = await client.callTool({ name: "request_capability", arguments: lonely });
      expect(lone.isError).toBe(true);
      expect(lone.structuredContent).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringContaining("arguments.description") } });
    } finally {
      await client.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

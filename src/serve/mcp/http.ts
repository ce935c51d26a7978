/**
 * MCP over streamable HTTP at `/mcp`: one SDK transport and server per session, created by an
 * `initialize` request. A session belongs to the token that opened it (another token gets 404 for
 * it, as for a session that does not exist); at most `maxMcpSessions` live at once and
 * `maxMcpSessionsPerToken` per token, the token's own least recently used one closed to make room
 * first (so no one token can push the others' sessions out). Bodies are read with the API's size
 * and time limits; one that is not JSON or that no event could record is answered in JSON-RPC.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { sendJson } from "../api.ts";
import { readJsonValue, refuseUnrecordable } from "../body.ts";
import { ServeError } from "../errors.ts";
import type { Caller, ServeContext } from "../serve-context.ts";
import { createMcpServer } from "./server.ts";
import type { McpSession } from "./server.ts";
import { jsonRpcRefusal } from "./json-rpc-refusal.ts";
import type { JsonRpcRefusal } from "./json-rpc-refusal.ts";
import type { ToolCatalog } from "./tool-catalog.ts";

/** A body refused before the SDK sees it, to be answered as its JSON-RPC error. */
class Refused {
  readonly refusal: JsonRpcRefusal;
  constructor(refusal: JsonRpcRefusal) {
    this.refusal = refusal;
  }
}

interface Session {
  transport: StreamableHTTPServerTransport;
  mcp: McpSession;
  tokenId: string;
  lastUsed: number;
}

export interface McpHttp {
  handle(req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void>;
  sessions(): number;
  /** The tokens that have sessions open. */
  tokenIds(): Set<string>;
  /** Closes every session of a token (it was revoked). */
  closeFor(tokenId: string): Promise<void>;
  close(): Promise<void>;
}

export function createMcpHttp(app: ServeContext, catalog: ToolCatalog, version: string): McpHttp {
  const sessions = new Map<string, Session>();

  /** The least recently used session (of one token, or of all). */
  function leastRecent(tokenId?: string): string | undefined {
    let found: [string, Session] | undefined;
    for (const entry of sessions) {
      if (tokenId !== undefined && entry[1].tokenId !== tokenId) continue;
      if (!found || entry[1].lastUsed < found[1].lastUsed) found = entry;
    }
    return found?.[0];
  }

  /** Makes room for one more session of `tokenId`: its own oldest first, then the table's. */
  async function evictIfFull(tokenId: string): Promise<void> {
    const own = [...sessions.values()].filter((s) => s.tokenId === tokenId).length;
    const mine = own >= app.limits.maxMcpSessionsPerToken ? leastRecent(tokenId) : undefined;
    if (mine) await closeSession(mine);
    if (sessions.size < app.limits.maxMcpSessions) return;
    const oldest = leastRecent(tokenId) ?? leastRecent();
    if (oldest) await closeSession(oldest);
  }

  async function closeSession(id: string): Promise<void> {
    const s = sessions.get(id);
    if (!s) return;
    sessions.delete(id);
    await s.mcp.close().catch(() => undefined);
    await s.transport.close().catch(() => undefined);
  }

  /** The body, or its refusal in JSON-RPC (json-rpc-refusal.ts); too large or too slow stays the API's error. */
  async function readMcpBody(req: IncomingMessage): Promise<unknown> {
    let value: unknown;
    try {
      value = await readJsonValue(req, app.limits.maxBodyBytes, app.limits.bodyTimeoutMs);
    } catch (err) {
      if (err instanceof ServeError && err.code === "invalid_json") return new Refused(jsonRpcRefusal(err, undefined, false));
      throw err;
    }
    try {
      refuseUnrecordable(value);
    } catch (err) {
      if (err instanceof ServeError) return new Refused(jsonRpcRefusal(err, value, true));
      throw err;
    }
    return value;
  }

  return {
    async handle(req, res, caller) {
      const header = req.headers["mcp-session-id"];
      const sessionId = typeof header === "string" ? header : undefined;
      const body = req.method === "POST" ? await readMcpBody(req) : undefined;
      if (body instanceof Refused) return sendJson(res, body.refusal.status, body.refusal.body);
      if (sessionId) {
        const s = sessions.get(sessionId);
        if (!s || s.tokenId !== caller.tokenId) {
          throw new ServeError("not_found", "no such MCP session", { nextStep: "Start a new session with an initialize request." });
        }
        s.lastUsed = performance.now();
        await s.transport.handleRequest(req, res, body);
        return;
      }
      if (req.method !== "POST" || !isInitializeRequest(body)) {
        throw new ServeError("invalid_input", "no Mcp-Session-Id, and this is not an initialize request", { nextStep: "Send initialize first; use the Mcp-Session-Id it answers with." });
      }
      await evictIfFull(caller.tokenId);
      const mcp = createMcpServer(app, caller, catalog, version);
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, { transport, mcp, tokenId: caller.tokenId, lastUsed: performance.now() });
        },
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
      };
      await mcp.server.connect(transport);
      await transport.handleRequest(req, res, body);
    },
    sessions: () => sessions.size,
    tokenIds: () => new Set([...sessions.values()].map((s) => s.tokenId)),
    async closeFor(tokenId) {
      for (const [id, s] of [...sessions]) if (s.tokenId === tokenId) await closeSession(id);
    },
    async close() {
      for (const id of [...sessions.keys()]) await closeSession(id);
    },
  };
}

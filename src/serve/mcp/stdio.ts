/**
 * `capsmith mcp`: the MCP server over stdio, for an agent tool that starts capsmith as a child
 * process. The person who starts it owns the data directory, so no token is asked for; the session
 * acts with a role (runner by default: request capabilities and invoke plugins).
 */
import type { Readable, Writable } from "node:stream";
import type { Capsmith } from "../../app/index.ts";
import { createRequestTracker } from "../capability-requests.ts";
import type { ApiRole } from "../roles.ts";
import { DEFAULT_LIMITS } from "../serve-context.ts";
import type { ServeContext } from "../serve-context.ts";
import { createStreamRegistry } from "../sse.ts";
import type { TokenStore } from "../tokens.ts";
import { createMcpServer } from "./server.ts";
import { StdioLineTransport } from "./stdio-transport.ts";
import { createToolCatalog } from "./tool-catalog.ts";

export interface StdioMcp {
  /** Resolves when the client closes stdin (or the transport closes). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export async function serveMcpStdio(options: { capsmith: Capsmith; tokens: TokenStore; role: ApiRole; version: string; stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream }): Promise<StdioMcp> {
  const { capsmith } = options;
  const requests = createRequestTracker({
    readModel: capsmith.readModel, newId: capsmith.newId, clock: capsmith.clock,
    limits: { maxPending: DEFAULT_LIMITS.maxPendingRequests, maxPendingPerToken: DEFAULT_LIMITS.maxPendingRequestsPerToken },
  });
  const app: ServeContext = {
    capsmith, tokens: options.tokens, requests, streams: createStreamRegistry(DEFAULT_LIMITS), approveKey: undefined, limits: DEFAULT_LIMITS,
    logger: capsmith.logger, checkResponses: false,
  };
  const catalog = await createToolCatalog(capsmith.readModel);
  const session = createMcpServer(app, { tokenId: "stdio", role: options.role, label: "stdio" }, catalog, options.version);
  // A message the transport refuses is answered in JSON-RPC where it can be and logged in any case.
  const transport = new StdioLineTransport((options.stdin ?? process.stdin) as Readable, (options.stdout ?? process.stdout) as Writable, {
    maxLineBytes: DEFAULT_LIMITS.maxBodyBytes,
    onRefused: (refused) => capsmith.logger.warn({ code: refused.code, path: refused.details?.["path"] }, refused.message),
  });
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    (options.stdin ?? process.stdin).once("end", () => resolve());
  });
  await session.server.connect(transport);
  return {
    closed,
    async close() {
      requests.close();
      catalog.close();
      await session.close();
    },
  };
}

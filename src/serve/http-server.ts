/**
 * `capsmith serve`'s one HTTP server and its three faces: the JSON API under /v1 (with its OpenAPI
 * document at /openapi.json), MCP over streamable HTTP at /mcp, and the dashboard at /. It binds
 * 127.0.0.1 unless told otherwise; every answer carries headers that keep browsers from sniffing,
 * framing or leaking referrers, and every API and MCP call needs a bearer token.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Capsmith } from "../app/index.ts";
import type { SigningKey } from "../hub/index.ts";
import { authenticate, handleApiCall, sendError, sendJson } from "./api.ts";
import { createRequestTracker } from "./capability-requests.ts";
import { ServeError } from "./errors.ts";
import { createMcpHttp } from "./mcp/http.ts";
import type { McpHttp } from "./mcp/http.ts";
import { createToolCatalog } from "./mcp/tool-catalog.ts";
import type { ToolCatalog } from "./mcp/tool-catalog.ts";
import { openApiDocument } from "./openapi.ts";
import { createRouter } from "./router.ts";
import { ROUTES } from "./routes/index.ts";
import { DEFAULT_LIMITS } from "./serve-context.ts";
import type { ServeContext, ServeLimits } from "./serve-context.ts";
import { createStreamRegistry } from "./sse.ts";
import { loadStaticFiles } from "./static-files.ts";
import type { TokenStore } from "./tokens.ts";

export interface ServeOptions {
  capsmith: Capsmith;
  tokens: TokenStore;
  /** Default 127.0.0.1: this machine only. */
  host?: string;
  /** Default 0: any free port (the answer says which). */
  port?: number;
  approveKey?: SigningKey;
  limits?: Partial<ServeLimits>;
  version: string;
  /** Check every answer against its documented schema (tests). */
  checkResponses?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly context: ServeContext;
  readonly catalog: ToolCatalog;
  /** Ends streams and MCP sessions, stops accepting, waits for calls in flight. */
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { capsmith } = options;
  const limits: ServeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const streams = createStreamRegistry(limits);
  const requests = createRequestTracker({
    readModel: capsmith.readModel, newId: capsmith.newId, clock: capsmith.clock,
    limits: { maxPending: limits.maxPendingRequests, maxPendingPerToken: limits.maxPendingRequestsPerToken },
  });
  const app: ServeContext = {
    capsmith, tokens: options.tokens, requests, streams, approveKey: options.approveKey, limits, logger: capsmith.logger,
    checkResponses: options.checkResponses ?? false,
  };
  // Every projection caught up (and restored from its snapshot) before the first page asks.
  await capsmith.readModel.current();
  const router = createRouter(ROUTES);
  const files = await loadStaticFiles();
  const catalog = await createToolCatalog(capsmith.readModel);
  const mcp = createMcpHttp(app, catalog, options.version);
  const sweeper = sweepRevoked(app, mcp);
  let openapi: string | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://capsmith.invalid");
    } catch {
      throw new ServeError("invalid_input", "the request target is not a URL path", { nextStep: "Send a path such as /v1/plugins." });
    }
    const { pathname } = url;
    const method = req.method ?? "GET";
    if (pathname === "/openapi.json" && (method === "GET" || method === "HEAD")) {
      openapi ??= JSON.stringify(openApiDocument(ROUTES, { version: options.version }));
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" });
      res.end(method === "HEAD" ? undefined : openapi);
      return;
    }
    if (pathname === "/v1/health") return sendJson(res, 200, { ok: true, version: options.version });
    if (pathname === "/mcp") {
      const caller = await authenticate(req, app);
      return mcp.handle(req, res, caller);
    }
    if (pathname.startsWith("/v1/") || pathname === "/v1") {
      const match = router.match(method, pathname);
      if (match.kind === "route") return handleApiCall(match.route, match.params, url, req, res, app);
      if (match.kind === "wrong_method") {
        res.setHeader("allow", match.allowed.join(", "));
        throw new ServeError("method_not_allowed", `${method} is not allowed on ${pathname}`, { nextStep: `Use ${match.allowed.join(" or ")}.` });
      }
      throw new ServeError("not_found", `no API operation at ${pathname}`, { nextStep: "GET /openapi.json lists every operation." });
    }
    if ((method === "GET" || method === "HEAD") && files.serve(req, res, pathname)) return;
    throw new ServeError("not_found", `nothing at ${pathname}`, { nextStep: "The dashboard is at /, the API under /v1 (see /openapi.json)." });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A body the server never read (refused before reading it, or too large) may still be
      // arriving, as slowly as the sender likes: answer, then close the connection rather than
      // drain it, so no one holds a connection with a refused call.
      const unread = !req.complete || (err instanceof ServeError && (err.code === "payload_too_large" || err.code === "body_timeout"));
      if (unread && !res.headersSent) res.setHeader("connection", "close");
      sendError(res, err, app);
      if (unread) res.once("finish", () => req.destroy());
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.maxHeadersCount = 100;
  server.maxConnections = 512;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    host,
    port,
    context: app,
    catalog,
    close() {
      closing ??= (async () => {
        requests.close();
        clearInterval(sweeper);
        streams.closeAll();
        await mcp.close();
        catalog.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Long-polls in flight get a moment to answer, then every connection is cut.
          setTimeout(() => server.closeAllConnections(), 1_000).unref();
        });
      })();
      return closing;
    },
  };
}

/** How often open streams and MCP sessions are checked against the token file. */
const REVOKED_CHECK_MS = 1_000;

/**
 * Every call is authenticated, but a stream or an MCP session outlives the call that opened it: once
 * a second, those whose token is no longer held (revoked) are closed, so a revoked token stops
 * reading the log within a second, as `capsmith tokens revoke` promises.
 */
function sweepRevoked(app: ServeContext, mcp: McpHttp): NodeJS.Timeout {
  let busy = false;
  const timer = setInterval(() => {
    if (busy || (app.streams.count() === 0 && mcp.sessions() === 0)) return;
    busy = true;
    void (async () => {
      const held = await app.tokens.heldIds();
      for (const id of app.streams.tokenIds()) if (!held.has(id)) app.streams.closeFor(id);
      for (const id of mcp.tokenIds()) if (!held.has(id)) await mcp.closeFor(id);
    })()
      .catch((err: unknown) => app.logger.error({ err }, "could not check open streams against the token file"))
      .finally(() => (busy = false));
  }, REVOKED_CHECK_MS);
  timer.unref();
  return timer;
}


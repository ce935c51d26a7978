/** What every handler of the API and the MCP server shares: capsmith, the caller, the limits. */
import type { Logger } from "pino";
import type { Capsmith } from "../app/index.ts";
import type { SigningKey } from "../hub/index.ts";
import type { RequestTracker } from "./capability-requests.ts";
import type { ApiRole } from "./roles.ts";
import type { StreamRegistry } from "./sse.ts";
import type { TokenStore } from "./tokens.ts";

/** Who is calling: the token's id (never the token), its role and label. */
export interface Caller {
  tokenId: string;
  role: ApiRole;
  label: string;
}

export interface ServeLimits {
  /** Largest request body accepted (413 beyond). */
  maxBodyBytes: number;
  /** Time a request body has to arrive whole (408 `body_timeout` beyond, and the connection closed). */
  bodyTimeoutMs: number;
  /** Server-sent event streams open at once, in all and per token (429 beyond). */
  maxStreams: number;
  maxStreamsPerToken: number;
  /** Longest long-poll a request may ask for. */
  maxWaitSeconds: number;
  /** A comment line on every stream this often, so proxies and clients see it alive. */
  heartbeatMs: number;
  /** MCP sessions kept at once over HTTP (the oldest idle one is closed beyond). */
  maxMcpSessions: number;
  /**
   * MCP sessions one token keeps at once: beyond, that token's own least recently used one is
   * closed, so no token can push the others' sessions out of the table by itself.
   */
  maxMcpSessionsPerToken: number;
  /** Events one page of GET /v1/events may hold. */
  maxPageEvents: number;
  /** Capability requests waiting for the agents, in all and per token (429 beyond). */
  maxPendingRequests: number;
  maxPendingRequestsPerToken: number;
}

export const DEFAULT_LIMITS: ServeLimits = {
  maxBodyBytes: 1_048_576,
  bodyTimeoutMs: 30_000,
  maxStreams: 64,
  maxStreamsPerToken: 8,
  maxWaitSeconds: 60,
  heartbeatMs: 15_000,
  maxMcpSessions: 32,
  maxMcpSessionsPerToken: 8,
  maxPageEvents: 1_000,
  maxPendingRequests: 1_000,
  maxPendingRequestsPerToken: 100,
};

export interface ServeContext {
  readonly capsmith: Capsmith;
  readonly tokens: TokenStore;
  readonly requests: RequestTracker;
  readonly streams: StreamRegistry;
  /** The operator key the server approves with, when it was given one. */
  readonly approveKey: SigningKey | undefined;
  readonly limits: ServeLimits;
  readonly logger: Logger;
  /** Responses are checked against their documented schemas (tests turn this on). */
  readonly checkResponses: boolean;
}

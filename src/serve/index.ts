/**
 * capsmith serve: one long-running server with three faces over the same log as everything else —
 * an HTTP JSON API (with its OpenAPI document), an MCP server (streamable HTTP here, stdio for
 * `capsmith mcp`), and a web dashboard — all reading the process's one read model, all behind bearer
 * tokens whose roles follow the NATS credentials' boundaries.
 */
export { startServer } from "./http-server.ts";
export type { RunningServer, ServeOptions } from "./http-server.ts";
export { serveMcpStdio } from "./mcp/stdio.ts";
export type { StdioMcp } from "./mcp/stdio.ts";
export { openTokenStore, TOKEN_FILE_FORMAT } from "./tokens.ts";
export type { TokenInfo, TokenStore } from "./tokens.ts";
export { API_ROLES, PERMISSIONS, PERMISSION_SUBJECTS, isApiRole, may, permissionsOf, rolesWith } from "./roles.ts";
export type { ApiRole, Permission } from "./roles.ts";
export { DEFAULT_LIMITS } from "./serve-context.ts";
export type { ServeLimits } from "./serve-context.ts";
export { openApiDocument } from "./openapi.ts";
export { ROUTES } from "./routes/index.ts";
export { statusFor } from "./http-status.ts";
export { ServeError } from "./errors.ts";
export type { ServeErrorCode } from "./errors.ts";

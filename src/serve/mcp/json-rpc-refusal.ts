/**
 * A body the MCP route refuses, answered in JSON-RPC. The API answers a refused body with its own
 * error shape and a 4xx, which an MCP client cannot tie to the call it made: the SDK's client turns
 * any non-2xx answer into a transport error and loses the code and the next step. So a request
 * (it has `jsonrpc` and an `id`) whose body no event could record (a lone surrogate, too deep) gets
 * a JSON-RPC error for that id, `-32602` (invalid params), with the capsmith error in `data`, at
 * HTTP 200 as any other JSON-RPC error; a body that is not JSON gets `-32700` (parse error) with no
 * id, at 400, as the SDK's server answers one; a notification or anything else with no id, `-32602`
 * with no id, at 400. Over stdio (stdio-transport.ts) the same message gets the same error,
 * written to the client as any answer; a notification there gets none (JSON-RPC answers no
 * notification, and nothing of it was recorded).
 */
import type { CapsmithError } from "../../errors/index.ts";

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;

export interface JsonRpcRefusal {
  status: number;
  body: { jsonrpc: "2.0"; id: string | number | null; error: { code: number; message: string; data: Record<string, unknown> } };
}

/** The JSON-RPC answer to `refused` for `message` (the parsed body, or undefined when it was not JSON). */
export function jsonRpcRefusal(refused: CapsmithError, message: unknown, parsed: boolean): JsonRpcRefusal {
  const id = parsed ? requestId(message) : undefined;
  return { status: id === undefined ? 400 : 200, body: jsonRpcError(refused, id, parsed ? INVALID_PARAMS : PARSE_ERROR) };
}

/** A JSON-RPC error answer carrying `refused` (its code, message and next step in `data`). */
export function jsonRpcError(refused: CapsmithError, id: string | number | undefined, code: number): JsonRpcRefusal["body"] {
  return { jsonrpc: "2.0", id: id ?? null, error: { code, message: refused.message, data: refused.toJSON() } };
}

/** The id of a single JSON-RPC request, or undefined for a notification, a batch or anything else. */
export function requestId(message: unknown): string | number | undefined {
  if (message === null || typeof message !== "object" || Array.isArray(message)) return undefined;
  const m = message as { jsonrpc?: unknown; id?: unknown };
  if (m.jsonrpc !== "2.0") return undefined;
  return typeof m.id === "string" || (typeof m.id === "number" && Number.isFinite(m.id)) ? m.id : undefined;
}

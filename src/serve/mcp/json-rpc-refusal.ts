/**
 * A body the MCP route refuses, answered in JSON-RPC. The API answers a refused body with its own
 * error shape and a 4xx, which an MCP client cannot tie to the call it made: the SDK's client turns
 * any non-2xx answer into a transport error and loses the code and the next step. So a request
 * (it has `jsonrpc` and an `id`) whose body no event could record (a lone surrogate, too deep) gets
 * a JSON-RPC error for that id, `-32602` (invalid params), with the capsmith error in `data`, at
 * HTTP 200 as any other JSON-RPC error; a body that is not JSON gets `-32700` (parse error) with no
 * id, at 400, as the SDK's server answers one; a notification or anything else with no id, `-32602`
 * with no id, at 400. Over stdio (`refusingUnrecordable`) the same message gets the same error,
 * written to the client as any answer; a notification there gets none (JSON-RPC answers no
 * notification, and nothing of it was recorded).
 */
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CapsmithError } from "../../errors/index.ts";
import { refuseUnrecordable } from "../body.ts";
import { ServeError } from "../errors.ts";

export const PARSE_ERROR = -32700;
export const INVALID_PARAMS = -32602;

export interface JsonRpcRefusal {
  status: number;
  body: { jsonrpc: "2.0"; id: string | number | null; error: { code: number; message: string; data: Record<string, unknown> } };
}

/** The JSON-RPC answer to `refused` for `message` (the parsed body, or undefined when it was not JSON). */
export function jsonRpcRefusal(refused: CapsmithError, message: unknown, parsed: boolean): JsonRpcRefusal {
  const id = parsed ? requestId(message) : undefined;
  const code = parsed ? INVALID_PARAMS : PARSE_ERROR;
  return {
    status: id === undefined ? 400 : 200,
    body: { jsonrpc: "2.0", id: id ?? null, error: { code, message: refused.message, data: refused.toJSON() } },
  };
}

/** The id of a single JSON-RPC request, or undefined for a notification, a batch or anything else. */
function requestId(message: unknown): string | number | undefined {
  if (message === null || typeof message !== "object" || Array.isArray(message)) return undefined;
  const m = message as { jsonrpc?: unknown; id?: unknown };
  if (m.jsonrpc !== "2.0") return undefined;
  return typeof m.id === "string" || (typeof m.id === "number" && Number.isFinite(m.id)) ? m.id : undefined;
}

/**
 * Makes a connected transport (stdio) answer a message no event could record as the HTTP route does,
 * before the MCP server sees it: a tool call's arguments holding a lone surrogate had come back as a
 * failed tool result, not as the JSON-RPC error of the call that the same message gets over HTTP.
 */
export function refusingUnrecordable(transport: Transport, onRefused: (refused: ServeError) => void = () => undefined): void {
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    try {
      refuseUnrecordable(message, "message");
    } catch (err) {
      if (!(err instanceof ServeError)) throw err;
      onRefused(err);
      const { body } = jsonRpcRefusal(err, message, true);
      if (body.id !== null) void transport.send(body as Parameters<Transport["send"]>[0]).catch(() => undefined);
      return;
    }
    deliver?.(message, extra);
  };
}

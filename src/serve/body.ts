/**
 * Request bodies at the edge: JSON only, at most `limit` bytes (refused from Content-Length before
 * a byte is read, and counted while reading when it is absent or lies), whole within `timeoutMs`
 * (a body sent a byte at a time would otherwise hold its connection until the request timeout),
 * nested no deeper than the log accepts, and with no lone surrogate (a `\ud800` escape without its
 * pair: no event can record it, and the caller's text is not ours to alter). Every refusal is a coded error; nothing reaches a handler
 * unparsed.
 */
import type { IncomingMessage } from "node:http";
import { jsonTooDeep, loneSurrogatePath, MAX_JSON_DEPTH } from "../events/index.ts";
import { ServeError } from "./errors.ts";

export async function readJsonBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<unknown> {
  const value = await readJsonValue(req, limit, timeoutMs);
  refuseUnrecordable(value);
  return value;
}

/** The body parsed, before `refuseUnrecordable`: the MCP route answers those refusals in JSON-RPC, to the request's id. */
export async function readJsonValue(req: IncomingMessage, limit: number, timeoutMs: number): Promise<unknown> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    throw tooLarge(limit);
  }
  const { chunks, size } = await readWhole(req, limit, timeoutMs);
  if (size === 0) return undefined;
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ServeError("unsupported_media_type", `the body must be JSON (Content-Type: application/json), not "${type || "none"}"`, { nextStep: "Send the body as JSON with Content-Type: application/json." });
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks, size).toString("utf8"));
  } catch (cause) {
    throw new ServeError("invalid_json", `the body is not valid JSON: ${(cause as Error).message}`, { nextStep: "Fix the JSON of the request body." });
  }
  return value;
}

/** A coded `invalid_input` for a parsed body (or an MCP message over stdio) no event could record: nested too deep, or holding a lone surrogate. */
export function refuseUnrecordable(value: unknown, what = "body"): void {
  if (jsonTooDeep(value)) {
    throw new ServeError("invalid_input", `the ${what} nests deeper than ${MAX_JSON_DEPTH} levels`, { nextStep: `Flatten the ${what}; no real input nests that deep.` });
  }
  refuseLoneSurrogates(value, what);
}

/** The body's bytes, or a coded refusal: too large, too slow, or cut off by the client. */
function readWhole(req: IncomingMessage, limit: number, timeoutMs: number): Promise<{ chunks: Buffer[]; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err?: ServeError): void => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onClose).off("close", onClose);
      if (!err) return resolve({ chunks, size });
      // Whatever else arrives is discarded; the server closes the connection once it has answered.
      req.resume();
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = (): void => finish();
    const onClose = (): void => finish(new ServeError("invalid_input", "the client closed the connection before the body ended", { nextStep: "Send the whole body." }));
    const timer = setTimeout(() => finish(new ServeError("body_timeout", `the body did not arrive whole within ${Math.round(timeoutMs / 1000)} s`, {
      nextStep: "Send the whole body at once; a body sent slowly holds a connection others need.",
    })), timeoutMs);
    req.on("data", onData).on("end", onEnd).on("error", onClose).on("close", onClose);
  });
}

/** A coded `invalid_input` naming where the first lone surrogate is; the MCP tools' arguments use it too. */
export function refuseLoneSurrogates(value: unknown, what: string): void {
  const at = loneSurrogatePath(value, what);
  if (at === undefined) return;
  throw new ServeError("invalid_input", `the ${what} holds a lone surrogate at ${at}, which no event can record`, {
    details: { path: at },
    nextStep: "Send well-formed Unicode text: a \\ud800-\\udbff escape needs its low half (\\udc00-\\udfff) right after it.",
  });
}

function tooLarge(limit: number): ServeError {
  return new ServeError("payload_too_large", `the body is larger than ${limit} bytes, this server's limit`, { nextStep: "Send a smaller body, or start capsmith serve with a larger --max-body." });
}

/**
 * One API call, at the edge: who is calling (a bearer token, 401 without one that this server
 * holds), whether their role may (403), path, query and body validated with the route's zod schemas
 * (400 with each issue's path), the handler, and the answer as JSON. Errors leave as the CLI's shape,
 * `{ok: false, error: {code, message, nextStep, details}}`, with the status their code means.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { CapsmithError, zodIssues } from "../errors/index.ts";
import { readJsonBody } from "./body.ts";
import { ServeError } from "./errors.ts";
import { statusFor } from "./http-status.ts";
import { may, rolesWith } from "./roles.ts";
import type { Route } from "./route.ts";
import type { Caller, ServeContext } from "./serve-context.ts";

/** Who sent this request: a bearer token's entry, or a 401. */
export async function authenticate(req: IncomingMessage, app: ServeContext): Promise<Caller> {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) {
    throw new ServeError("unauthorized", header ? "the Authorization header is not a bearer token" : "no bearer token", {
      nextStep: "Send Authorization: Bearer TOKEN (capsmith tokens create --role ROLE makes one).",
    });
  }
  const found = await app.tokens.verify(match[1]!);
  if (!found) throw new ServeError("unauthorized", "this token is not one this server holds (or it was revoked)", { nextStep: "Make a token with capsmith tokens create --role ROLE." });
  return { tokenId: found.id, role: found.role, label: found.label };
}

export async function handleApiCall(route: Route, rawParams: Record<string, string>, url: URL, req: IncomingMessage, res: ServerResponse, app: ServeContext): Promise<void> {
  const caller = await authenticate(req, app);
  if (!may(caller.role, route.permission)) {
    throw new ServeError("forbidden", `a ${caller.role} token may not ${route.summary.toLowerCase()}`, {
      nextStep: `Use a token of a role with the ${route.permission} permission: ${rolesWith(route.permission).join(", ")}.`,
    });
  }
  const params = route.params ? parse(route.params, rawParams, "path") : {};
  const query = route.query ? parse(route.query, Object.fromEntries(url.searchParams), "query") : {};
  const rawBody = route.method === "POST" ? await readJsonBody(req, app.limits.maxBodyBytes, app.limits.bodyTimeoutMs) : undefined;
  const body = route.body ? parse(route.body, rawBody ?? {}, "body") : undefined;
  const controller = new AbortController();
  const aborted = (): void => controller.abort();
  res.once("close", aborted);
  try {
    const reply = await route.handle({ params, query, body, caller, app, req, res, signal: controller.signal });
    if ("streamed" in reply) return;
    if (app.checkResponses && (reply.status ?? 200) < 300) {
      const checked = route.response.safeParse(reply.body);
      if (!checked.success) throw new Error(`${route.operationId} answered outside its documented schema: ${JSON.stringify(zodIssues(checked.error.issues))}`);
    }
    sendJson(res, reply.status ?? 200, reply.body, reply.headers);
  } finally {
    res.off("close", aborted);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error.issues);
  const first = issues[0];
  throw new ServeError("invalid_input", `invalid ${where}${first ? `: ${first.path}: ${first.message}` : ""}`, {
    nextStep: "Fix the request as details.issues says (the OpenAPI document at /openapi.json has every schema).",
    details: { issues },
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store", ...headers });
  res.end(text);
}

/** Any error as the CLI's JSON error shape, with its status; anything uncoded is a 500 and logged. */
export function sendError(res: ServerResponse, err: unknown, app: Pick<ServeContext, "logger">): void {
  const known = err instanceof CapsmithError;
  if (!known) app.logger.error({ err }, "unexpected error in the HTTP API");
  const error = known ? err.toJSON() : { code: "internal", message: "internal error", nextStep: "This is a bug in capsmith; the server's log has the stack." };
  const status = known ? statusFor(err.code) : 500;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="capsmith"';
  if (status === 413) headers["connection"] = "close";
  sendJson(res, status, { ok: false, error }, headers);
}

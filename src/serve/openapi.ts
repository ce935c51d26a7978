/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas (`z.toJSONSchema`, draft
 * 2020-12, which OpenAPI 3.1 schemas are): the same schemas that validate requests describe them, so
 * the document cannot drift from what the server accepts.
 */
import { z } from "zod";
import { rolesWith } from "./roles.ts";
import type { Route } from "./route.ts";
import { errorReply } from "./schemas.ts";

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return rest;
}

const STATUS_TEXT: Record<number, string> = { 400: "invalid request", 401: "no or unknown bearer token", 403: "the token's role may not", 413: "body too large" };

function operation(route: Route): Json {
  const parameters: Json[] = [];
  for (const [where, obj] of [["path", route.params], ["query", route.query]] as const) {
    if (!obj) continue;
    const shape = obj.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      const schema = schemaOf(field, "input");
      const required = where === "path" || !field.safeParse(undefined).success;
      parameters.push({ name, in: where, required, schema, ...(typeof schema["description"] === "string" ? { description: schema["description"] } : {}) });
    }
  }
  if (route.path === "/v1/events/stream") {
    parameters.push({ name: "Last-Event-ID", in: "header", required: false, schema: { type: "string", pattern: "^\\d+$" }, description: "resume after this record seq" });
  }
  const error = { description: "error", content: { "application/json": { schema: schemaOf(errorReply, "output") } } };
  const responses: Json = {
    200: route.stream
      ? { description: "a stream of server-sent events; each data line is JSON of this schema", content: { "text/event-stream": { schema: schemaOf(route.response, "output") } } }
      : { description: "success", content: { "application/json": { schema: schemaOf(route.response, "output") } } },
  };
  const statuses: Record<number, string> = { ...STATUS_TEXT, ...(route.statuses ?? {}) };
  if (route.method !== "POST") delete statuses[413];
  for (const [status, description] of Object.entries(statuses)) {
    responses[status] = Number(status) === 202 ? { ...(responses[200] as Json), description } : { ...error, description };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    "x-capsmith-permission": route.permission,
    "x-capsmith-roles": rolesWith(route.permission),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(route.body, "input") } } } } : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly Route[], info: { version: string; serverUrl?: string }): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "capsmith",
      version: info.version,
      description: "The HTTP API of capsmith serve: request a capability, invoke it, read the hub, its SLOs, its audit trail and its events; operators approve, reject and roll back. Every call needs a bearer token naming a role (capsmith tokens create --role ROLE); x-capsmith-roles says which roles may call an operation. Errors are {ok: false, error: {code, message, nextStep}}.",
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "a capsmith token (csm_...)" } } },
    paths,
  };
}

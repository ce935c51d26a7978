/**
 * One API operation: its method and path, the permission it needs, zod schemas for its path
 * parameters, query, body and answer, and its handler. The same definition validates requests at the
 * edge, dispatches them, and writes the operation into the OpenAPI document.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Permission } from "./roles.ts";
import type { Caller, ServeContext } from "./serve-context.ts";

export type HttpMethod = "GET" | "POST" | "DELETE";

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  app: ServeContext;
  req: IncomingMessage;
  res: ServerResponse;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
}

/** A JSON answer (status 200 unless said), or `streamed` when the handler wrote the response itself. */
export type Reply = { status?: number; body: unknown; headers?: Record<string, string> } | { streamed: true };

export interface Route {
  method: HttpMethod;
  /** `/v1/plugins/{id}`: `{name}` is one path segment. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  permission: Permission;
  params?: AnyObject;
  query?: AnyObject;
  body?: z.ZodType;
  /** The answer's schema (documentation, and checked in tests). */
  response: z.ZodType;
  /** Other answers this operation gives, by status (the error shape unless `stream`). */
  statuses?: Record<number, string>;
  /** Answers with server-sent events instead of JSON. */
  stream?: boolean;
  handle(input: HandlerInput<unknown, unknown, unknown>): Promise<Reply>;
}

export interface RouteDefinition<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends z.ZodType | undefined>
  extends Omit<Route, "params" | "query" | "body" | "handle"> {
  params?: P;
  query?: Q;
  body?: B;
  handle(input: HandlerInput<Out<P>, Out<Q>, Out<B>>): Promise<Reply>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route with its handler typed by its schemas. */
export function defineRoute<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  definition: RouteDefinition<P, Q, B>,
): Route {
  return definition as unknown as Route;
}

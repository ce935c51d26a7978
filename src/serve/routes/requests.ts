/**
 * Asking for a capability: a spec (or a name, a description and examples) in; the answer (`ready`,
 * with the plugin to invoke), `failed` with the agents' reason, `awaiting_approval` when policy holds
 * the new plugin for an operator, or `ambiguous` when a bare name could mean several capabilities.
 * Progress by long-poll (`?wait=SECONDS`) or as server-sent events.
 */
import { z } from "zod";
import { MAX_OFFERED, parseSpec, specFromExamples } from "../../spec/index.ts";
import type { CapabilitySpec } from "../../spec/index.ts";
import type { RequestStatus } from "../capability-requests.ts";
import { nearMatches } from "../../hub/index.ts";
import { own } from "../../../projections/index.ts";
import { ServeError } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { ambiguousReply, capabilityName, jsonValue, requestStatus } from "../schemas.ts";
import type { ServeContext } from "../serve-context.ts";
import type { SseStream } from "../sse.ts";

export const requestBody = z.object({
  capability: capabilityName,
  spec: z.record(z.string(), z.unknown()).optional().meta({ description: "a capability spec (docs/spec-format.md); its capability, if given, must be the same" }),
  description: z.string().max(4_000).optional().meta({ description: "with examples, instead of a spec" }),
  examples: z.array(z.object({
    input: jsonValue,
    output: jsonValue,
    offered: z.array(jsonValue).min(1).max(MAX_OFFERED).optional().meta({ description: "the outputs capsmith offered when it asked for this example (docs/spec-format.md)" }),
  }).strict()).min(1).max(200).optional(),
  backend: z.enum(["auto", "example", "llm"]).default("auto"),
}).strict();

export type CapabilityRequestBody = z.output<typeof requestBody>;

const waitQuery = (max: number): z.ZodType<number | undefined> => z.coerce.number().int().min(0).max(max).optional().meta({ description: `seconds to wait for an answer (long-poll), at most ${max}` });

export type RequestAnswer = (RequestStatus & { links: { self: string; events: string; invoke: string } }) | z.infer<typeof ambiguousReply>;

/** The spec a request carries, validated (400 `invalid_spec`), or null for a bare name. */
export function specOf(body: Pick<CapabilityRequestBody, "capability" | "spec" | "description" | "examples">): CapabilitySpec | null {
  if (body.spec) {
    const given = body.spec["capability"];
    if (given !== undefined && given !== body.capability) {
      throw new ServeError("invalid_input", `the spec is for ${String(given)}, the request for ${body.capability}`, { nextStep: "Make the spec's capability the one you request (or leave it out)." });
    }
    return parseSpec({ ...body.spec, capability: body.capability });
  }
  if (body.examples) return specFromExamples({ capability: body.capability, description: body.description, examples: body.examples });
  return null;
}

/**
 * Starts a request (or answers `ambiguous` without one) and waits up to `waitMs` for it to leave
 * `pending`. Shared by the HTTP API and MCP's `request_capability`.
 */
export async function askForCapability(app: ServeContext, body: CapabilityRequestBody, options: { waitMs: number; source: "api" | "mcp"; owner: string; signal?: AbortSignal }): Promise<RequestAnswer> {
  const spec = specOf(body);
  if (!spec) {
    const hub = await app.capsmith.readModel.state("hub");
    const near = own(hub.capabilities, body.capability)?.active ? [] : nearMatches(hub, { capability: body.capability });
    if (near.length > 0) {
      return {
        status: "ambiguous",
        capability: body.capability,
        reason: `no plugin provides ${body.capability}, and the name alone could mean ${near.map((m) => m.capability).join(", ")}`,
        candidates: near.map((m) => {
          const plugin = Object.hasOwn(hub.plugins, m.pluginId) ? hub.plugins[m.pluginId] : undefined;
          return { capability: m.capability, pluginId: m.pluginId, description: typeof plugin?.spec["description"] === "string" ? plugin.spec["description"] : "" };
        }),
        nextStep: "Use one of the candidates, or request this name with a spec (or a description and examples) to have it written.",
      };
    }
  }
  let status = await app.requests.start({ capability: body.capability, spec: spec as Record<string, unknown> | null, backend: body.backend, source: options.source, owner: options.owner });
  status = await waitWhile(app, status, (s) => s.status === "pending", options.waitMs, options.signal);
  return withLinks(status);
}

/** Waits, on the read model, while `pending(status)` holds, at most `waitMs`. */
async function waitWhile(app: ServeContext, from: RequestStatus, pending: (s: RequestStatus) => boolean, waitMs: number, signal?: AbortSignal): Promise<RequestStatus> {
  let status = from;
  const deadline = performance.now() + waitMs;
  while (pending(status) && !signal?.aborted) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    status = (await app.requests.next(status.requestId, status, { timeoutMs: left, ...(signal ? { signal } : {}) })) ?? status;
  }
  return status;
}

export function withLinks(status: RequestStatus): RequestStatus & { links: { self: string; events: string; invoke: string } } {
  const self = `/v1/requests/${encodeURIComponent(status.requestId)}`;
  return { ...status, links: { self, events: `${self}/events`, invoke: `/v1/capabilities/${status.capability}/invoke` } };
}

const answerSchema = z.union([requestStatus, ambiguousReply]);

export const createRequest = defineRoute({
  method: "POST",
  path: "/v1/requests",
  operationId: "requestCapability",
  summary: "Request a capability",
  description: "Asks the agents for a capability. Give a spec, or a description and examples (the schemas are inferred from the examples), or a bare name for one that may exist. Answers 200 when settled (`ready` with the plugin, `failed` with the reason, `ambiguous` with candidates) and 202 while `pending` or `awaiting_approval`, with Location: the request to poll (GET with ?wait=SECONDS) or follow (its /events).",
  tag: "capabilities",
  permission: "request",
  query: z.object({ wait: waitQuery(60) }),
  body: requestBody,
  response: answerSchema,
  statuses: { 202: "pending or awaiting approval: poll the Location", 400: "invalid spec or examples" },
  async handle({ query, body, app, caller, signal }) {
    const waitMs = Math.min(query.wait ?? 0, app.limits.maxWaitSeconds) * 1_000;
    const answer = await askForCapability(app, body, { waitMs, source: "api", owner: caller.tokenId, signal });
    if (answer.status === "ambiguous") return { body: answer };
    const settled = answer.status === "ready" || answer.status === "failed";
    return { status: settled ? 200 : 202, body: answer, headers: { location: answer.links.self } };
  },
});

async function trackedStatus(app: ServeContext, id: string): Promise<RequestStatus> {
  const status = await app.requests.status(id);
  if (!status) {
    throw new ServeError("unknown_request", `no request ${id} on this server`, {
      nextStep: "Requests are kept for an hour by the server that took them; request the capability again (one that exists answers at once).",
    });
  }
  return status;
}

export const getRequest = defineRoute({
  method: "GET",
  path: "/v1/requests/{id}",
  operationId: "getRequest",
  summary: "Get a capability request",
  description: "How a request stands. With ?wait=SECONDS it answers once the request is settled (ready or failed) or when the time is up, whichever comes first (a long-poll).",
  tag: "capabilities",
  permission: "read",
  params: z.object({ id: z.string().min(1).max(100) }),
  query: z.object({ wait: waitQuery(60) }),
  response: requestStatus,
  statuses: { 404: "no such request on this server" },
  async handle({ params, query, app, signal }) {
    const status = await trackedStatus(app, params.id);
    const waitMs = Math.min(query.wait ?? 0, app.limits.maxWaitSeconds) * 1_000;
    const settled = (s: RequestStatus): boolean => s.status === "ready" || s.status === "failed";
    return { body: withLinks(await waitWhile(app, status, (s) => !settled(s), waitMs, signal)) };
  },
});

export const followRequest = defineRoute({
  method: "GET",
  path: "/v1/requests/{id}/events",
  operationId: "followRequest",
  summary: "Follow a capability request",
  description: "Server-sent events: one `status` event (a RequestStatus) now and at every change — the gap opened, drafted, tested, held for approval — and the stream ends after the settled one.",
  tag: "capabilities",
  permission: "read",
  params: z.object({ id: z.string().min(1).max(100) }),
  response: requestStatus,
  stream: true,
  statuses: { 404: "no such request on this server", 429: "too many open streams" },
  async handle({ params, app, caller, res }) {
    const status = await trackedStatus(app, params.id);
    const stream = app.streams.open(res, caller.tokenId);
    await followStatus(app, stream, status);
    return { streamed: true };
  },
});

async function followStatus(app: ServeContext, stream: SseStream, first: RequestStatus): Promise<void> {
  let status = first;
  while (!stream.closed) {
    if (!(await stream.send({ event: "status", data: withLinks(status) }))) return;
    if (status.phase === "done") break;
    const next = await app.requests.next(status.requestId, status, { timeoutMs: 3_600_000, signal: stream.signal }).catch(() => undefined);
    if (!next) break;
    status = next;
  }
  stream.close();
}

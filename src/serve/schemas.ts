/** The zod schemas the API's answers share (the OpenAPI document is generated from them). */
import { z } from "zod";

export const errorBody = z.object({
  code: z.string().meta({ description: "machine-readable, e.g. input_invalid, capability_not_found, forbidden" }),
  message: z.string(),
  nextStep: z.string().optional().meta({ description: "what a person can do about it" }),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const errorReply = z.object({ ok: z.literal(false), error: errorBody }).meta({ title: "Error", description: "Every error: the CLI's --json shape." });

export const capabilityName = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, "a capability name: [a-z][a-z0-9_]{1,63}");
export const pluginId = z.string().min(3).max(200).regex(/^[a-z][a-z0-9_]{1,63}(@[0-9A-Za-z.+-]+)?$/, "a plugin id (capability@version) or a capability");

export const pluginSummary = z.object({
  id: z.string(),
  capability: z.string(),
  version: z.string(),
  status: z.string(),
  tier: z.string(),
  profile: z.string(),
  active: z.boolean(),
  description: z.string(),
  installedSeq: z.number(),
  changedSeq: z.number(),
  usage: z.object({ calls: z.number(), failures: z.number() }),
}).meta({ title: "PluginSummary" });

export const jsonValue = z.unknown().meta({ description: "any JSON value" });

export const usage = z.object({ wallMs: z.number(), cpuMs: z.number(), heapPeakBytes: z.number() });

export const invokeReply = z.object({ ok: z.literal(true), pluginId: z.string(), output: jsonValue, usage: usage.optional() }).meta({ title: "InvokeResult" });

export const requestStatus = z.object({
  requestId: z.string(),
  capability: z.string(),
  status: z.enum(["pending", "awaiting_approval", "ready", "failed"]),
  phase: z.string().meta({ description: "requested, open, drafted, tested, awaiting_approval or done" }),
  pluginId: z.string().nullable(),
  synthesized: z.boolean(),
  outcome: z.string().nullable(),
  reason: z.string().nullable(),
  nextStep: z.string().optional(),
  requestedAt: z.string(),
  links: z.object({ self: z.string(), events: z.string(), invoke: z.string() }),
}).meta({ title: "RequestStatus" });

export const ambiguousReply = z.object({
  status: z.literal("ambiguous"),
  capability: z.string(),
  reason: z.string(),
  candidates: z.array(z.object({ capability: z.string(), pluginId: z.string().nullable(), description: z.string() })),
  nextStep: z.string(),
}).meta({ title: "Ambiguous", description: "The name alone does not say which capability is meant: nothing was asked of the agents." });

export const auditEntry = z.object({
  seq: z.number(),
  time: z.string(),
  actor: z.string(),
  keyId: z.string().nullable(),
  type: z.string(),
  subject: z.string(),
  pluginId: z.string().nullable(),
  correlationId: z.string(),
  what: z.string(),
}).meta({ title: "AuditEntry" });

export const storedEvent = z.object({
  seq: z.number(),
  id: z.string(),
  type: z.string(),
  subject: z.string(),
  time: z.string(),
  actor: z.string(),
  data: z.unknown(),
}).loose().meta({ title: "Event" });

export const looseObject = (id: string, description: string): z.ZodType => z.record(z.string(), z.unknown()).meta({ title: id, description });

/**
 * Invoke a capability's active plugin, as `capsmith invoke` does: the invoker checks policy and the
 * code's checksum, runs it in the sandbox and records a usage event. A failure answers with the
 * status its code means: the caller's input (400), policy (409), the plugin (502), its time (504).
 */
import { z } from "zod";
import { CapsmithError } from "../../errors/index.ts";
import { nearMatches } from "../../hub/index.ts";
import { ServeError } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { capabilityName, invokeReply, jsonValue } from "../schemas.ts";
import type { ServeContext } from "../serve-context.ts";
import type { InvokeResult } from "../../agents/index.ts";

/** Runs the active plugin of `capability` once; throws a coded error for anything but success. */
export async function invokeCapability(app: ServeContext, capability: string, input: unknown): Promise<InvokeResult & { ok: true }> {
  const { runtime, readModel } = app.capsmith;
  const hub = await readModel.state("hub");
  const plugin = runtime.invoker.resolve(hub, capability);
  if (!plugin) {
    const near = nearMatches(hub, { capability }).map((m) => m.capability);
    throw new ServeError("capability_not_found", `no active plugin provides ${capability}`, {
      nextStep: near.length ? `Did you mean ${near.join(" or ")}? Otherwise request it: POST /v1/requests.` : "Request it: POST /v1/requests with a spec, or a description and examples.",
      ...(near.length ? { details: { near } } : {}),
    });
  }
  // The invoker checks the input against the plugin's input schema before any plugin code runs: a
  // refusal is the caller's error (400 input_invalid, with JSON-pointer issues), recorded as a
  // rejected call, never as the plugin's failure.
  const result = await runtime.invoker.invoke(plugin, input);
  if (result.ok) return result as InvokeResult & { ok: true };
  const e = result.error!;
  throw new CapsmithError(e.code, result.rejected ? e.message : `${result.pluginId}: ${e.message}`, { ...(e.nextStep ? { nextStep: e.nextStep } : {}), details: { ...e.details, pluginId: result.pluginId } });
}

export const invoke = defineRoute({
  method: "POST",
  path: "/v1/capabilities/{capability}/invoke",
  operationId: "invoke",
  summary: "Invoke a capability",
  description: "Runs the capability's active plugin once on `input` and records the call. Errors: 400 input the plugin's schema refuses (input_invalid), 404 no active plugin, 409 policy does not let it run, 502 the plugin failed, 504 it ran out of time.",
  tag: "capabilities",
  permission: "invoke",
  params: z.object({ capability: capabilityName }),
  body: z.object({ input: jsonValue }).strict(),
  response: invokeReply,
  statuses: { 400: "invalid input", 404: "no active plugin", 409: "not allowed by policy", 502: "the plugin failed", 504: "the plugin ran out of time" },
  async handle({ params, body, app }) {
    if (body.input === undefined) throw new ServeError("invalid_input", "the body has no input", { nextStep: 'Send {"input": VALUE}, e.g. {"input": {"items": []}}.' });
    const result = await invokeCapability(app, params.capability, body.input);
    return { body: { ok: true, pluginId: result.pluginId, output: result.output, ...(result.usage ? { usage: result.usage } : {}) } };
  },
});

/** Rollback through the governed hub: a five-phase transaction to an earlier good version. */
import { z } from "zod";
import { guardedRollback } from "../../hub/index.ts";
import { defineRoute } from "../route.ts";
import { capabilityName, looseObject } from "../schemas.ts";

export const rollback = defineRoute({
  method: "POST",
  path: "/v1/capabilities/{capability}/rollback",
  operationId: "rollback",
  summary: "Roll back a capability",
  description: "Makes an earlier version active again (the previous good one, or `to`), as a transaction that appends events; history is kept.",
  tag: "capabilities",
  permission: "rollback",
  params: z.object({ capability: capabilityName }),
  body: z.object({
    to: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/, "a semver version").optional(),
    force: z.boolean().optional().describe("go back even if the version breaks a dependent's range (the dependents go to T0)"),
  }).strict(),
  response: looseObject("InstallOutcome", "the transaction's outcome: ok, txId, pluginId, kind, tier; or why it rolled back"),
  statuses: { 404: "no such capability or version", 409: "no earlier good version, the version breaks a dependent's range (dependents_broken, without force), or the rollback's transaction failed and was undone (the error names the phase)" },
  async handle({ params, body, app }) {
    const outcome = await guardedRollback(app.capsmith.runtime.hub, params.capability, { ...(body.to ? { version: body.to } : {}), force: body.force === true });
    if (outcome.ok) return { body: { ...outcome } };
    // The transaction ran and was undone: what was active stays active. An error, not a 200 with ok: false.
    const failure = outcome.failure;
    return {
      status: 409,
      body: {
        ok: false,
        error: {
          code: failure?.code ?? "rollback_failed",
          message: `rolling ${params.capability} back to ${outcome.pluginId} failed${failure ? ` at ${failure.phase}: ${failure.message}` : ""}`,
          nextStep: `Nothing changed (active: ${failure?.restored ?? "none"}). See GET /v1/plugins/${outcome.pluginId} for its history, or roll back to another version with "to".`,
          details: { ...outcome },
        },
      },
    };
  },
});

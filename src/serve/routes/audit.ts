/** The audit trail: who did what to which plugin or key, when and why, in log order. */
import { z } from "zod";
import { defineRoute } from "../route.ts";
import { auditEntry } from "../schemas.ts";

export const auditTrail = defineRoute({
  method: "GET",
  path: "/v1/audit",
  operationId: "auditTrail",
  summary: "Read the audit trail",
  description: "Entries about hub changes, approvals, keys and tampering, oldest first; `plugin` narrows to a plugin id or capability, `since` to a record seq on, `limit` keeps the newest.",
  tag: "audit",
  permission: "read",
  query: z.object({
    plugin: z.string().max(200).optional(),
    since: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
  }),
  response: z.object({ ok: z.literal(true), entries: z.array(auditEntry) }),
  async handle({ query, app }) {
    const state = await app.capsmith.readModel.state("audit");
    const p = query.plugin;
    const entries = state.entries.filter((e) =>
      (!p || e.pluginId === p || e.pluginId?.startsWith(`${p}@`) || e.subject.endsWith(`.${p}`)) && (query.since === undefined || e.seq >= query.since));
    return { body: { ok: true, entries: query.limit ? entries.slice(-query.limit) : entries } };
  },
});

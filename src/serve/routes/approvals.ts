/**
 * An operator's decisions on plugins policy holds: what waits, approve (signed with the operator
 * key the server holds, or with a signature the operator made elsewhere), reject. Operator tokens
 * only: an approval is a person's decision, whatever subjects a role may write.
 */
import { z } from "zod";
import { HubError, approvalCandidate, approvalSigningText, approvePlugin, pendingApprovals, recordApproval, rejectPlugin, rejectionTarget } from "../../hub/index.ts";
import type { ReadModel } from "../../../projections/index.ts";
import { ServeError } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { pluginId } from "../schemas.ts";
import type { ServeContext } from "../serve-context.ts";

const approvalItem = z.object({
  gapId: z.string(),
  pluginId: z.string(),
  capability: z.string(),
  checksum: z.string(),
  reasons: z.array(z.string()),
  profile: z.string(),
  permissions: z.record(z.string(), z.unknown()),
  activeId: z.string().nullable(),
  tests: z.object({ passed: z.number(), failed: z.number() }).nullable(),
  signingText: z.string().meta({ description: "what an operator signs (Ed25519) to approve it elsewhere" }),
}).meta({ title: "PendingApproval" });

/** The plugin `id` names (`find`: approvalCandidate, or rejectionTarget for a reject); 404 when none. */
async function candidate<T>(app: ServeContext, id: string, find: (readModel: ReadModel, id: string) => Promise<T>): Promise<T> {
  try {
    return await find(app.capsmith.readModel, id);
  } catch (err) {
    if (err instanceof HubError && err.code === "unknown_plugin") throw new ServeError("not_found", err.message, err.nextStep ? { nextStep: err.nextStep } : {});
    throw err;
  }
}

export const listApprovals = defineRoute({
  method: "GET",
  path: "/v1/approvals",
  operationId: "listApprovals",
  summary: "List pending approvals",
  description: "Plugins policy holds for an operator, with what an approval would approve (the code's checksum) and why it is held.",
  tag: "approvals",
  permission: "read",
  response: z.object({ ok: z.literal(true), approvals: z.array(approvalItem) }),
  async handle({ app }) {
    const approvals = [];
    for (const held of await pendingApprovals(app.capsmith.readModel)) {
      const c = await candidate(app, held.gapId, approvalCandidate).catch(() => undefined);
      if (!c) continue;
      const report = c.testReport as { passed?: number; failed?: number } | null;
      approvals.push({
        gapId: held.gapId, pluginId: c.pluginId, capability: c.capability, checksum: c.checksum, reasons: c.reasons, profile: c.profile,
        permissions: c.permissions, activeId: c.activeId,
        tests: report ? { passed: Number(report.passed ?? 0), failed: Number(report.failed ?? 0) } : null,
        signingText: approvalSigningText(c.pluginId, c.checksum),
      });
    }
    return { body: { ok: true, approvals } };
  },
});

export const approve = defineRoute({
  method: "POST",
  path: "/v1/approvals/{id}/approve",
  operationId: "approve",
  summary: "Approve a plugin",
  description: "Approves a held plugin (it is then published) or raises an installed one to T2. Signed with the operator key the server was started with (--approve-key), or give keyId and signature: an Ed25519 signature by a trusted operator key over the signingText GET /v1/approvals lists.",
  tag: "approvals",
  permission: "approve",
  params: z.object({ id: pluginId }),
  body: z.object({
    note: z.string().max(2_000).optional(),
    keyId: z.string().min(1).max(200).optional(),
    signature: z.string().min(1).max(2_000).optional(),
  }).strict(),
  response: z.object({ ok: z.literal(true), pluginId: z.string(), seq: z.number(), tier: z.string().nullable(), pending: z.boolean(), keyId: z.string() }),
  statuses: { 404: "nothing by that id waits or is installed", 409: "no key to sign with, or the signature does not verify" },
  async handle({ params, body, app }) {
    const target = await candidate(app, params.id, approvalCandidate);
    if ((body.keyId === undefined) !== (body.signature === undefined)) {
      throw new ServeError("invalid_input", "give both keyId and signature, or neither", { nextStep: "Leave both out to sign with the server's operator key." });
    }
    let result;
    let keyId: string;
    if (body.keyId && body.signature) {
      result = await recordApproval(app.capsmith.log, app.capsmith.readModel, target, { keyId: body.keyId, signature: body.signature }, body.note);
      keyId = body.keyId;
    } else {
      if (!app.approveKey) {
        throw new ServeError("approval_key_missing", "this server holds no operator key to sign approvals with", {
          nextStep: "Start capsmith serve with --approve-key NAME (an operator key in the data directory), or send keyId and signature.",
        });
      }
      result = await approvePlugin(app.capsmith.log, app.capsmith.readModel, target, app.approveKey, body.note);
      keyId = app.approveKey.keyId;
    }
    return { body: { ok: true, pluginId: target.pluginId, seq: result.seq, tier: result.tier, pending: target.pending, keyId } };
  },
});

export const reject = defineRoute({
  method: "POST",
  path: "/v1/approvals/{id}/reject",
  operationId: "reject",
  summary: "Reject a plugin",
  description: "Rejects a plugin policy holds (its gap closes as rejected) or an installed one, or withdraws the approvals of a package approved ahead of its install, as capsmith plugin reject does.",
  tag: "approvals",
  permission: "approve",
  params: z.object({ id: pluginId }),
  body: z.object({ reason: z.string().min(1).max(2_000) }).strict(),
  response: z.object({ ok: z.literal(true), pluginId: z.string(), seq: z.number() }),
  statuses: { 404: "nothing by that id waits, is installed or was approved ahead of its install" },
  async handle({ params, body, app }) {
    const target = await candidate(app, params.id, rejectionTarget);
    const { seq } = await rejectPlugin(app.capsmith.log, target, [body.reason]);
    return { body: { ok: true, pluginId: target.pluginId, seq } };
  },
});

/**
 * Operator approvals. Policy holds some plugins for a person (elevated permission, sensitive
 * profile); an operator approves with a signature by an operator key, or rejects with reasons.
 * A held plugin is not installed yet, so its approval goes on its gap's subject, where the governor
 * is waiting; an approval of an installed plugin goes on the plugin's subject and raises its tier.
 */
import { subjectFor } from "../events/index.ts";
import type { EventLog, NewEvent } from "../events/index.ts";
import { HubError } from "./errors.ts";
import type { SigningKey } from "./keys.ts";
import { signApproval, verifyApproval, verifyManifestSignature, verifyPluginApproval } from "./signature.ts";
import { assignTier } from "./tiers.ts";
import type { ReadModel, TrustTier } from "../../projections/index.ts";
import { own } from "../../projections/index.ts";

/**
 * Approves `pluginId` (whose code has `checksum`) with an operator key. An installed plugin's tier is
 * assigned again from its evidence, this approval included; the result says which.
 */
export async function approvePlugin(log: EventLog, readModel: ReadModel, target: { pluginId: string; checksum: string; pending: boolean }, key: SigningKey, note?: string): Promise<{ seq: number; tier: TrustTier | null }> {
  if (key.role !== "operator") {
    throw new HubError("approval_required", `key ${key.name} has role ${key.role}; approvals need an operator key`, {
      nextStep: "Generate one with capsmith keys generate NAME --role operator --trust.",
    });
  }
  // An approval counts only by a key this hub trusts as an operator's: one that merely says so is refused.
  return recordApproval(log, readModel, target, signApproval({ pluginId: target.pluginId, checksum: target.checksum }, key), note);
}

/**
 * Records an approval an operator signed elsewhere (`approvalSigningText` is what they sign). The
 * signature is checked against the trust store first: one that no trusted operator key made is
 * refused with its signature code, and nothing is appended.
 */
export async function recordApproval(log: EventLog, readModel: ReadModel, target: { pluginId: string; checksum: string; pending: boolean }, signed: { keyId: string; signature: string }, note?: string): Promise<{ seq: number; tier: TrustTier | null }> {
  const check = verifyApproval({ pluginId: target.pluginId, checksum: target.checksum, ...signed }, await readModel.state("keys"));
  if (!check.ok) throw new HubError(check.code, `the approval of ${target.pluginId} does not verify: ${check.message}`, { nextStep: check.nextStep });
  return appendApproval(log, readModel, target, signed, note);
}

async function appendApproval(log: EventLog, readModel: ReadModel, target: { pluginId: string; checksum: string; pending: boolean }, signed: { keyId: string; signature: string }, note?: string): Promise<{ seq: number; tier: TrustTier | null }> {
  const { keyId, signature } = signed;
  const capability = target.pluginId.split("@")[0]!;
  const subject = subjectFor(target.pending ? "gap" : "plugin", capability);
  const result = await log.append([{ type: "PluginApproved", subject, actor: "operator", data: { pluginId: target.pluginId, keyId, signature, ...(note ? { note } : {}) } } as NewEvent]);
  if (target.pending) return { seq: result.seq, tier: null };
  const { hub, keys } = (await readModel.current(["hub", "keys"])).states;
  const plugin = own(hub.plugins, target.pluginId);
  if (!plugin) return { seq: result.seq, tier: null };
  const { tier, reasons } = assignTier({
    testReport: plugin.health ?? null,
    provenance: plugin.manifest["provenance"] as { origin: "synthesized" | "authored" },
    approvals: plugin.approvals.map((a) => verifyPluginApproval(plugin, a, keys)),
    signature: verifyManifestSignature(plugin.manifest, keys, { contents: { spec: plugin.spec, testReport: plugin.testReport } }),
    tamper: false,
  });
  await log.append([{ type: "PluginTierAssigned", subject: subjectFor("plugin", plugin.capability), actor: "operator", data: { pluginId: plugin.id, tier, reasons } } as NewEvent]);
  return { seq: result.seq, tier };
}

export async function rejectPlugin(log: EventLog, target: { pluginId: string; pending: boolean }, reasons: string[]): Promise<{ seq: number }> {
  const capability = target.pluginId.split("@")[0]!;
  const subject = subjectFor(target.pending ? "gap" : "plugin", capability);
  const result = await log.append([{ type: "PluginRejected", subject, actor: "operator", data: { pluginId: target.pluginId, reasons } } as NewEvent]);
  return { seq: result.seq };
}

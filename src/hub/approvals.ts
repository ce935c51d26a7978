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
import { signApproval } from "./signature.ts";


/** Approves `pluginId` (whose code has `checksum`) with an operator key. */
export async function approvePlugin(log: EventLog, target: { pluginId: string; checksum: string; pending: boolean }, key: SigningKey, note?: string): Promise<{ seq: number }> {
  if (key.role !== "operator") {
    throw new HubError("approval_required", `key ${key.name} has role ${key.role}; approvals need an operator key`, {
      nextStep: "Generate one with capsmith keys generate NAME --role operator --trust.",
    });
  }
  const capability = target.pluginId.split("@")[0]!;
  const { keyId, signature } = signApproval({ pluginId: target.pluginId, checksum: target.checksum }, key);
  const subject = subjectFor(target.pending ? "gap" : "plugin", capability);
  const result = await log.append([{ type: "PluginApproved", subject, actor: "operator", data: { pluginId: target.pluginId, keyId, signature, ...(note ? { note } : {}) } } as NewEvent]);
  return { seq: result.seq };
}

export async function rejectPlugin(log: EventLog, target: { pluginId: string; pending: boolean }, reasons: string[]): Promise<{ seq: number }> {
  const capability = target.pluginId.split("@")[0]!;
  const subject = subjectFor(target.pending ? "gap" : "plugin", capability);
  const result = await log.append([{ type: "PluginRejected", subject, actor: "operator", data: { pluginId: target.pluginId, reasons } } as NewEvent]);
  return { seq: result.seq };
}

/**
 * The audit trail: who (actor, and key where signed) did what to which plugin or key, when and why,
 * in log order.
 */
import type { StoredEvent } from "../src/events/index.ts";
import type { Projection } from "./projection.ts";

export interface AuditEntry {
  seq: number;
  time: string;
  actor: string;
  keyId: string | null;
  type: string;
  subject: string;
  pluginId: string | null;
  correlationId: string;
  what: string;
}

export interface AuditState {
  entries: AuditEntry[];
}

export const audit: Projection<AuditState> = {
  name: "audit",
  version: 1,
  initial: () => ({ entries: [] }),
  apply(state, any) {
    const event = any as StoredEvent;
    const what = describe(event);
    if (what === undefined) return state;
    const data = event.data as { pluginId?: string };
    state.entries.push({
      seq: event.seq,
      time: event.time,
      actor: event.actor,
      keyId: event.sig?.keyId ?? (event.type === "PluginApproved" ? event.data.keyId : null),
      type: event.type,
      subject: event.subject,
      pluginId: data.pluginId ?? null,
      correlationId: event.correlationId,
      what,
    });
    return state;
  },
};

function describe(e: StoredEvent): string | undefined {
  switch (e.type) {
    case "InstallStarted": return `${e.data.kind} of ${e.data.pluginId} started from ${e.data.source} (active: ${e.data.previousActive ?? "none"})`;
    case "InstallPhaseCompleted": return `phase ${e.data.index}/5 ${e.data.phase} done`;
    case "PluginActivated": return `${e.data.pluginId} made active (${e.data.reason})`;
    case "PluginDeactivated": return `${e.data.pluginId} deactivated (${e.data.reason})`;
    case "InstallCommitted": return `${e.data.pluginId} installed at tier ${e.data.tier}`;
    case "InstallRolledBack": return `${e.data.pluginId} rolled back at ${e.data.phase}: [${e.data.code}] ${e.data.message}; active: ${e.data.restored ?? "none"}`;
    case "PluginUninstalled": return `${e.data.pluginId} uninstalled (${e.data.reason})`;
    case "PluginTierAssigned": return `${e.data.pluginId} assigned ${e.data.tier}: ${e.data.reasons.join("; ")}`;
    case "PluginQuarantined": return `${e.data.pluginId} quarantined: ${e.data.reason}`;
    case "RollbackBlocked": return `no rollback after ${e.data.pluginId}'s quarantine: ${e.data.reason}`;
    case "PluginStatusRestored": return `${e.data.pluginId} restored to ${e.data.status} ${e.data.tier}`;
    case "TamperDetected": return `TAMPER: ${e.data.check} of ${e.data.pluginId} at ${e.data.where} (expected ${e.data.expected}, found ${e.data.found})`;
    case "PluginApproved": return `${e.data.pluginId} approved by key ${e.data.keyId}${e.data.note ? `: ${e.data.note}` : ""}`;
    case "PluginRejected": return `${e.data.pluginId} rejected: ${e.data.reasons.join("; ")}`;
    case "HoldClaimed": return `${e.data.pluginId}'s hold claimed by a governor for approval ${e.data.decisionId}: later decisions on it change nothing`;
    case "HubReverted": return `hub reverted to seq ${e.data.toSeq} (${e.data.changes} changes)`;
    case "KeyTrusted": return `key ${e.data.keyId} (${e.data.name}, ${e.data.role}) trusted`;
    case "KeyRevoked": return `key ${e.data.keyId} revoked: ${e.data.reason}`;
    case "PermissionDenied": return `${e.data.plugin} denied ${e.data.operation} ${e.data.target}: ${e.data.reason}${(e.data.count ?? 1) > 1 ? ` (${e.data.count} times)` : ""}`;
    default: return undefined;
  }
}

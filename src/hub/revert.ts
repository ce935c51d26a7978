/**
 * `capsmith revert --to SEQ|TIME`: undoes every hub change after a point by appending compensating
 * events (never deleting any), so the hub afterwards equals the hub as of that point and the audit
 * trail shows both the changes and their reversal.
 *
 * An install transaction still open (a process killed mid-install, or one still running) is a hub
 * change in progress: the revert rolls it back (code `reverted`) in the same record as its
 * capability's other compensations. Left open, it would keep its plugin `installing`, and whoever
 * took it over once its lease expired would finish it and activate what the revert had undone.
 */
import { subjectFor } from "../events/index.ts";
import type { EventLog, IdSource, NewEvent } from "../events/index.ts";
import type { ReadModel, ReplayPoint, Transaction } from "../../projections/index.ts";
import type { HubState } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import { currentPhase } from "./install-phases.ts";
import { own, unfinished } from "../../projections/index.ts";

export interface RevertResult {
  toSeq: number;
  /** Compensating events appended, the rollbacks of open transactions among them. */
  changes: number;
  /** The open install transactions the revert rolled back. */
  rolledBack: string[];
  correlationId: string;
}

export async function revertHub(log: EventLog, readModel: ReadModel, point: ReplayPoint, newId: IdSource): Promise<RevertResult> {
  const current = await readModel.current(["hub", "installs"]);
  if (point.untilSeq !== undefined && point.untilSeq > current.seq) {
    throw new HubError("invalid_point", `there is no record ${point.untilSeq}: the log ends at ${current.seq}`, {
      nextStep: `Give a sequence up to ${current.seq}, or a time (capsmith audit trail lists both).`,
    });
  }
  const past = await readModel.asOf(point);
  const now = current.states.hub;
  const then = past.states.hub;
  const open = unfinished(current.states.installs);
  const byCapability = withRollbacks(open, now, compensations(then, now));
  const correlationId = newId();
  const changes = [...byCapability.values()].reduce((n, events) => n + events.length, 0);
  const marker = await log.append([{ type: "HubReverted", subject: subjectFor("hub", "revert"), data: { toSeq: past.seq, changes }, correlationId } as NewEvent]);
  const causationId = marker.events[0]!.id;
  for (const [capability, events] of byCapability) {
    const subject = subjectFor("plugin", capability);
    const head = (await log.subjectHead(subject))?.seq ?? 0;
    if (head > current.seq) {
      throw new HubError("interrupted", `${capability} changed while the revert was being worked out (seq ${head})`, {
        retryable: true,
        nextStep: "Run the revert again: it works from the hub as it is then.",
      });
    }
    await log.append(events.map((e) => ({ ...e, subject, correlationId, causationId }) as NewEvent), { expectedSubjectSeq: head });
  }
  return { toSeq: past.seq, changes, rolledBack: open.map((tx) => tx.txId), correlationId };
}

/** "hub reverted to seq 13: 2 compensating events, rolling back 1 open install (tx …) (correlation …)". */
export function describeRevert(result: RevertResult): string {
  const open = result.rolledBack.length > 0 ? `, rolling back ${result.rolledBack.length} open install${result.rolledBack.length === 1 ? "" : "s"} (tx ${result.rolledBack.join(", ")})` : "";
  return `hub reverted to seq ${result.toSeq}: ${result.changes} compensating events${open} (correlation ${result.correlationId})`;
}

/**
 * Puts the rollback of each open transaction first in its capability's record. It leaves active
 * what is active now (an open transaction never activated its candidate: activation is its commit),
 * so the compensations worked out from `now` still apply after it.
 */
function withRollbacks(open: Transaction[], now: HubState, byCapability: Map<string, NewEvent[]>): Map<string, NewEvent[]> {
  const out = new Map<string, NewEvent[]>();
  for (const tx of open) {
    const restored = own(now.capabilities, tx.capability)?.active ?? null;
    const rollback = {
      type: "InstallRolledBack",
      data: { txId: tx.txId, pluginId: tx.pluginId, phase: currentPhase(tx), code: "reverted", message: "the hub was reverted while this transaction was open", restored },
    } as NewEvent;
    out.set(tx.capability, [...(out.get(tx.capability) ?? []), rollback]);
  }
  for (const [capability, events] of byCapability) out.set(capability, [...(out.get(capability) ?? []), ...events]);
  return out;
}

/** The events that turn `now` back into `then`, grouped by capability (one append each). */
function compensations(then: HubState, now: HubState): Map<string, NewEvent[]> {
  const out = new Map<string, NewEvent[]>();
  const add = (capability: string, event: Omit<NewEvent, "subject">): void => {
    const list = out.get(capability) ?? [];
    list.push(event as NewEvent);
    out.set(capability, list);
  };
  for (const plugin of Object.values(now.plugins)) {
    const before = own(then.plugins, plugin.id);
    if (!before) {
      if (plugin.status !== "uninstalled") add(plugin.capability, { type: "PluginUninstalled", data: { pluginId: plugin.id, capability: plugin.capability, reason: "revert" } });
    } else if (before.status !== plugin.status || before.tier !== plugin.tier) {
      add(plugin.capability, { type: "PluginStatusRestored", data: { pluginId: plugin.id, status: before.status, tier: before.tier } });
    }
  }
  for (const [capability, cap] of Object.entries(now.capabilities)) {
    const target = own(then.capabilities, capability)?.active ?? null;
    if (cap.active === target) continue;
    if (target) {
      const p = own(then.plugins, target)!;
      add(capability, { type: "PluginActivated", data: { pluginId: target, capability, version: p.version, txId: null, reason: "revert" } });
    } else if (cap.active) {
      add(capability, { type: "PluginDeactivated", data: { capability, pluginId: cap.active, reason: "revert" } });
    }
  }
  return out;
}

/**
 * `capsmith revert --to SEQ|TIME`: undoes every hub change after a point by appending compensating
 * events (never deleting any), so the hub afterwards equals the hub as of that point and the audit
 * trail shows both the changes and their reversal.
 */
import { subjectFor } from "../events/index.ts";
import type { EventLog, IdSource, NewEvent } from "../events/index.ts";
import type { ReadModel, ReplayPoint } from "../../projections/index.ts";
import type { HubState } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import { own } from "../../projections/index.ts";

export interface RevertResult {
  toSeq: number;
  changes: number;
  correlationId: string;
}

export async function revertHub(log: EventLog, readModel: ReadModel, point: ReplayPoint, newId: IdSource): Promise<RevertResult> {
  const current = await readModel.current(["hub"]);
  if (point.untilSeq !== undefined && point.untilSeq > current.seq) {
    throw new HubError("invalid_point", `there is no record ${point.untilSeq}: the log ends at ${current.seq}`, {
      nextStep: `Give a sequence up to ${current.seq}, or a time (capsmith audit trail lists both).`,
    });
  }
  const past = await readModel.asOf(point);
  const now = current.states.hub;
  const then = past.states.hub;
  const byCapability = compensations(then, now);
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
  return { toSeq: past.seq, changes, correlationId };
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

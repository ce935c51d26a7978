/**
 * `capsmith revert --to SEQ|TIME`: undoes every hub change after a point by appending compensating
 * events (never deleting any), so the hub afterwards equals the hub as of that point and the audit
 * trail shows both the changes and their reversal.
 *
 * An install transaction still open (a process killed mid-install, or one still running) is a hub
 * change in progress: the revert rolls it back (code `reverted`) in the same record as its
 * capability's other compensations. Left open, it would keep its plugin `installing`, and whoever
 * took it over once its lease expired would finish it and activate what the revert had undone.
 *
 * Another writer may change a capability while the revert works (the REPL's own lease watcher
 * taking over that same open install): the revert then works out what is left from the hub as it
 * is then, a few times, before it gives up with the retryable `interrupted`.
 */
import { ConcurrencyError, subjectFor } from "../events/index.ts";
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

/** How many times a revert works its compensations out again after another writer changed a capability under it. */
const REVERT_ATTEMPTS = 5;

export async function revertHub(log: EventLog, readModel: ReadModel, point: ReplayPoint, newId: IdSource): Promise<RevertResult> {
  const correlationId = newId();
  let changes = 0;
  const rolledBack: string[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      const done = await revertOnce(log, readModel, point, correlationId);
      changes += done.changes;
      rolledBack.push(...done.rolledBack);
      return { toSeq: done.toSeq, changes, rolledBack, correlationId };
    } catch (err) {
      // Another writer changed a capability while this attempt worked (a lease watcher rolling back
      // the open install this revert also rolls back, say). What this attempt appended stays (each
      // capability's record is whole); the next one works out what is left from the hub as it is
      // then, under the same correlation, so the audit shows one revert in several records.
      if (!(err instanceof RevertInterrupted) || attempt >= REVERT_ATTEMPTS) throw err instanceof RevertInterrupted ? err.error : err;
      changes += err.applied.changes;
      rolledBack.push(...err.applied.rolledBack);
    }
  }
}

interface Applied {
  changes: number;
  rolledBack: string[];
}

class RevertInterrupted extends Error {
  readonly error: HubError;
  readonly applied: Applied;
  constructor(error: HubError, applied: Applied) {
    super(error.message);
    this.error = error;
    this.applied = applied;
  }
}

/** One pass: the compensations from the hub as it is now, one record per capability. */
async function revertOnce(log: EventLog, readModel: ReadModel, point: ReplayPoint, correlationId: string): Promise<Applied & { toSeq: number }> {
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
  const changes = [...byCapability.values()].reduce((n, events) => n + events.length, 0);
  const applied: Applied = { changes: 0, rolledBack: [] };
  const interrupted = (capability: string, seq: number): RevertInterrupted =>
    new RevertInterrupted(
      new HubError("interrupted", `${capability} changed while the revert was being worked out (seq ${seq})`, {
        retryable: true,
        nextStep: "Run the revert again: it works from the hub as it is then.",
      }),
      applied,
    );
  const heads = new Map<string, number>();
  for (const capability of byCapability.keys()) {
    const head = (await log.subjectHead(subjectFor("plugin", capability)))?.seq ?? 0;
    if (head > current.seq) throw interrupted(capability, head);
    heads.set(capability, head);
  }
  const marker = await log.append([{ type: "HubReverted", subject: subjectFor("hub", "revert"), data: { toSeq: past.seq, changes }, correlationId } as NewEvent]);
  const causationId = marker.events[0]!.id;
  for (const [capability, events] of byCapability) {
    const subject = subjectFor("plugin", capability);
    try {
      await log.append(events.map((e) => ({ ...e, subject, correlationId, causationId }) as NewEvent), { expectedSubjectSeq: heads.get(capability)! });
    } catch (err) {
      if (err instanceof ConcurrencyError) throw interrupted(capability, err.actual);
      throw err;
    }
    applied.changes += events.length;
    applied.rolledBack.push(...open.filter((tx) => tx.capability === capability).map((tx) => tx.txId));
  }
  return { toSeq: past.seq, ...applied };
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

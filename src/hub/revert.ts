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
 * Another writer may change the hub while the revert works (the REPL's own lease watcher taking
 * over that same open install, a daemon installing another capability): the revert works in passes
 * until one finds nothing left to undo, and gives up with the retryable `interrupted` only when the
 * hub changed during each of five.
 */
import { ConcurrencyError, subjectFor } from "../events/index.ts";
import type { EventLog, IdSource, NewEvent } from "../events/index.ts";
import type { ProjectionView, ReadModel, ReadStates, ReplayPoint, Transaction } from "../../projections/index.ts";
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

/** How many passes a revert makes before it gives up on a hub other writers keep changing. */
const REVERT_PASSES = 5;

export async function revertHub(log: EventLog, readModel: ReadModel, point: ReplayPoint, newId: IdSource): Promise<RevertResult> {
  const correlationId = newId();
  const total: Applied = { changes: 0, rolledBack: [] };
  const add = (applied: Applied): void => {
    total.changes += applied.changes;
    total.rolledBack.push(...applied.rolledBack);
  };
  let toSeq: number | undefined;
  let past: ProjectionView<ReadStates> | undefined; // the hub at the point: the same for every pass
  for (let pass = 1; pass <= REVERT_PASSES; pass++) {
    try {
      const done = await revertOnce(log, readModel, point, past ??= await readModel.asOf(point), correlationId, pass === 1);
      add(done);
      toSeq = done.toSeq;
      // A pass that found nothing left to undo ends the revert. Any other is checked by one more:
      // another writer may have changed a capability this pass had nothing to do for, after it read
      // the hub and before its records landed (no conditional append of this pass would notice).
      if (done.nothingLeft) return { toSeq, changes: total.changes, rolledBack: total.rolledBack, correlationId };
    } catch (err) {
      // Another writer changed a capability while this pass worked (a lease watcher rolling back the
      // open install this revert also rolls back, say). What this pass appended stays (each
      // capability's record is whole); the next works out what is left from the hub as it is then,
      // under the same correlation, so the audit shows one revert in several records.
      if (!(err instanceof RevertInterrupted)) throw err;
      add(err.applied);
      if (pass === REVERT_PASSES) throw err.error;
    }
  }
  throw new HubError("interrupted", `the hub kept changing while the revert worked (${REVERT_PASSES} passes)`, {
    retryable: true,
    nextStep: "Stop the other writers, or run the revert again: it works from the hub as it is then.",
    details: { toSeq, changes: total.changes, rolledBack: total.rolledBack, correlationId },
  });
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

/**
 * One pass: the compensations from the hub as it is now, one record per capability, after a
 * `HubReverted` marker. The first pass always leaves its marker (a revert with nothing to undo is
 * still one the audit trail shows); a later pass with nothing to undo appends nothing.
 */
async function revertOnce(log: EventLog, readModel: ReadModel, point: ReplayPoint, past: ProjectionView<ReadStates>, correlationId: string, first: boolean): Promise<Applied & { toSeq: number; nothingLeft: boolean }> {
  const current = await readModel.current(["hub", "installs"]);
  if (point.untilSeq !== undefined && point.untilSeq > current.seq) {
    throw new HubError("invalid_point", `there is no record ${point.untilSeq}: the log ends at ${current.seq}`, {
      nextStep: `Give a sequence up to ${current.seq}, or a time (capsmith audit trail lists both).`,
    });
  }
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
  const nothingLeft = changes === 0;
  if (nothingLeft && !first) return { toSeq: past.seq, changes: 0, rolledBack: [], nothingLeft };
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
  return { toSeq: past.seq, ...applied, nothingLeft };
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
    } else if (before.status === "installing") {
      // A point inside its install has no state of its own to return to: the install did not happen
      // (as when the revert rolls an open one back), so it ends failed, never installing again.
      if (plugin.status !== "failed" && plugin.status !== "uninstalled") add(plugin.capability, { type: "PluginStatusRestored", data: { pluginId: plugin.id, status: "failed", tier: before.tier } });
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

/**
 * Which events on a capability's subject a running transaction may step over. Every step is
 * appended conditionally on the subject's head, and failing the install on any conflict let any
 * writer on the subject (a quarantine of another version, an alert, another install starting) fail
 * every honest install (attack round 3). So a step conflicts only with events that could change its
 * meaning; after the others it is appended again at the new head. The same holds for a record
 * conditional on the whole log (appendWhileJudged): only an event a decision rests on voids it.
 */
import { ALL_EVENTS, ConcurrencyError } from "../events/index.ts";
import type { AnyStoredEvent, AppendOptions, AppendResult, EventLog, NewEvent } from "../events/index.ts";
import { DECISION_EVENTS } from "../../projections/index.ts";
import type { Transaction } from "../../projections/index.ts";

/**
 * Events that, naming neither a transaction's plugin nor the version in service, leave an install
 * running alongside them alone (a DeadLetterRedriven lands on the subject of the event it hands back,
 * a plugin's subject for a governor's slo rollback: a redrive must not fail an install). Anything else (an activation, a deactivation, an uninstall, another
 * transaction's outcome...) conflicts.
 */
export const SIDE_EVENTS: ReadonlySet<string> = new Set(["PluginQuarantined", "TamperDetected", "InstallStarted", "InstallPhaseCompleted", "PluginApproved", "DeadLetterRedriven"]);

/**
 * The subject's head when every event after `since` (`after`, read from `since + 1`) leaves `tx`
 * alone: none is its, none names its plugin, the one its install found active or the one `active`
 * now, none is outside SIDE_EVENTS. Undefined when one does, or none came: the step conflicts.
 */
export async function unrelatedHead(after: AsyncIterable<AnyStoredEvent>, tx: Transaction, active: string | null, since: number): Promise<number | undefined> {
  const concerned = new Set([tx.pluginId, tx.previousActive, active].filter((id): id is string => id !== null));
  let head = since;
  for await (const e of after) {
    const d = e.data as { txId?: unknown; pluginId?: unknown };
    if (e.correlationId === tx.txId || d.txId === tx.txId) return undefined;
    if (typeof d.pluginId === "string" && concerned.has(d.pluginId)) return undefined;
    if (!SIDE_EVENTS.has(e.type)) return undefined;
    head = e.seq;
  }
  return head === since ? undefined : head;
}

/** How many times in a row appendWhileJudged appends again at the log's new end before the caller judges again. */
export const LOG_SKIPS = 32;

/**
 * Appends `events`, judged on the log as it stood at `expectedLastSeq`, on condition that no event the
 * judgement rests on (`restsOn`: by default a hub decision's, DECISION_EVENTS) landed since. Any other event (a usage record, which another
 * process on the log writes at every call) leaves the judgement standing: the append is made again at
 * the log's new end, up to LOG_SKIPS times. Conditioning on the whole log alone let a process that
 * keeps invoking a capability starve its update (`log_busy`). A ConcurrencyError comes out when an
 * event a decision rests on landed, when the subject's condition fails, or when the log kept moving:
 * the caller judges again on the newer state.
 */
export async function appendWhileJudged(
  log: EventLog,
  events: NewEvent[],
  options: AppendOptions & { expectedLastSeq: number },
  restsOn: (e: AnyStoredEvent) => boolean = isDecisionEvent,
): Promise<AppendResult> {
  let judged = options.expectedLastSeq;
  for (let skips = 0; ; skips++) {
    try {
      return await log.append(events, { ...options, expectedLastSeq: judged });
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || err.scope !== "log" || skips >= LOG_SKIPS) throw err;
      const end = await undecidedEnd(log.read(ALL_EVENTS, { fromSeq: judged + 1 }), judged, restsOn);
      if (end === undefined) throw err;
      judged = end;
    }
  }
}

/** Whether a hub decision (on the hub and the trust store alone) can rest on `e`. A judgement that reads more passes appendWhileJudged its own test. */
export const isDecisionEvent = (e: AnyStoredEvent): boolean => DECISION_EVENTS.has(e.type);

/** The seq of the last event after `since` when the judgement rests on none of them; undefined when it rests on one, or none came. */
async function undecidedEnd(after: AsyncIterable<AnyStoredEvent>, since: number, restsOn: (e: AnyStoredEvent) => boolean): Promise<number | undefined> {
  let end = since;
  for await (const e of after) {
    if (restsOn(e)) return undefined;
    end = e.seq;
  }
  return end === since ? undefined : end;
}

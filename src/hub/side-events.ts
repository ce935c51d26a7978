/**
 * Which events on a capability's subject a running transaction may step over. Every step is
 * appended conditionally on the subject's head, and failing the install on any conflict let any
 * writer on the subject (a quarantine of another version, an alert, another install starting) fail
 * every honest install (attack round 3). So a step conflicts only with events that could change its
 * meaning; after the others it is appended again at the new head.
 */
import type { AnyStoredEvent } from "../events/index.ts";
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

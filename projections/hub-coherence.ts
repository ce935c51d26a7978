/**
 * What the hub fold takes from a transaction's events only when they hang together, in every hub
 * (signed or not): the read model must never say a plugin is installed or active when the runtime
 * would not run it, and nothing but a transaction that passed its health check — or an operator's
 * revert — may take the active version's place. The install service writes exactly these shapes
 * (src/hub/install-phases.ts): InstallStarted, the phases, then PluginTierAssigned, PluginActivated,
 * the activate phase and InstallCommitted as one record after a passed health check; a failure
 * before that appends InstallRolledBack, which activates nothing (the version in service never
 * stopped). A key that may write these events (a governor's) can still record a health check that
 * never ran: the fold cannot run the sandbox (docs/threat-model.md).
 */
import type { HubState, PluginRecord } from "./hub-types.ts";
import { canonicalJson } from "../src/events/canonical-json.ts";
import { packageDigestOf } from "../src/hub/signature.ts";
import { own } from "./own-entry.ts";
import { packageProblem } from "./package-consistency.ts";
import type { InstallClaim } from "./package-consistency.ts";

/** Statuses a revert (txId null) may make active again: versions that served, or could. */
const REVERTIBLE = new Set<PluginRecord["status"]>(["active", "inactive", "rolled_back"]);

/** Why an InstallStarted must not enter the hub, or null. */
export function installProblem(state: HubState, d: InstallClaim): string | null {
  const problem = packageProblem(d);
  if (problem) return problem;
  // A published version never changes: other code under an id the hub holds would run unchecked in
  // its place, and the same code with another manifest or spec (wider permissions, other limits,
  // other golden cases) would take the held version's trust with it (the install service refuses
  // both as version_exists before writing anything). Only an install that failed before it ever
  // served may come back as another package (attack round 2: a served version reinstalled, then
  // rolled back to `failed`, took other code next).
  const existing = own(state.plugins, d.pluginId);
  const served = existing !== undefined && own(state.capabilities, existing.capability)?.history.includes(existing.id) === true;
  if (existing && existing.status !== "uninstalled" && (existing.status !== "failed" || served) && !samePackage(existing, d.package)) {
    return `${d.pluginId} is in the hub with another package`;
  }
  return null;
}

export type ActivationVerdict = "now" | "at_commit" | "refused";

/**
 * Whether a PluginActivated takes effect: the plugin is in the hub under that capability and version;
 * a transaction's activation only for the plugin's own open transaction, once its health check
 * passed ("at_commit" when the log recorded the activation before the check, as logs did before
 * health-check came first); a revert's (no transaction) only of a version that served.
 */
export function activationVerdict(state: HubState, d: { pluginId: string; capability: string; version: string; txId: string | null }): ActivationVerdict {
  const p = own(state.plugins, d.pluginId);
  if (!p || p.capability !== d.capability || p.version !== d.version) return "refused";
  if (d.txId === null) return REVERTIBLE.has(p.status) ? "now" : "refused";
  if (!openTransaction(p, d.txId)) return "refused";
  if (p.healthTx !== d.txId) return "at_commit";
  return passed(p) ? "now" : "refused";
}

/** Whether an InstallCommitted counts: the plugin's own open transaction, whose health check passed. */
export function commitCounts(state: HubState, d: { txId: string; pluginId: string }): boolean {
  const p = own(state.plugins, d.pluginId);
  return p !== undefined && openTransaction(p, d.txId) && passed(p);
}

/** Whether an InstallRolledBack counts: it ends the plugin's own open transaction. */
export function rollbackCounts(state: HubState, d: { txId: string; pluginId: string }): boolean {
  const p = own(state.plugins, d.pluginId);
  return p !== undefined && openTransaction(p, d.txId);
}

function openTransaction(p: PluginRecord, txId: string): boolean {
  return p.installTx === txId && p.installOutcome === undefined && p.status !== "uninstalled" && p.status !== "quarantined";
}

/** The hub's own health check of the package, recorded in its open transaction, found no failing case. */
function passed(p: PluginRecord): boolean {
  return p.health !== undefined && p.healthTx === p.installTx && p.health.failed === 0;
}

/**
 * Whether a package is the one a plugin record holds: the digest a publisher's signature covers
 * (manifest with the code's checksum, spec, test report) and that signature itself — the held
 * version re-sent without its publisher's signature would otherwise replace the signed manifest,
 * and with it the capability's only trust_downgrade guard (attack round 2).
 */
export function samePackage(held: PluginRecord, pkg: Record<string, unknown>): boolean {
  const manifest = pkg["manifest"] as Record<string, unknown>;
  return packageDigestOf(held) === packageDigestOf(pkg as { manifest: unknown; spec: unknown; testReport?: unknown })
    && canonicalJson(held.manifest["signature"] ?? null) === canonicalJson(manifest["signature"] ?? null);
}

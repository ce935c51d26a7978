/**
 * The dependents check before a version of a capability becomes active: a candidate outside the
 * range a dependent declares for it (`dependencies` in the dependent's manifest) would break that
 * dependent, so the governor refuses it (`dependents_broken`, naming them). An operator may force it;
 * the dependents it breaks then go to T0, where they run nowhere until someone approves them again
 * (or publishes a version whose range admits the candidate). docs/compatibility.md "Dependents".
 */
import { subjectFor } from "../events/index.ts";
import type { EventLog, NewEvent } from "../events/index.ts";
import type { HubState, KeysState, PluginRecord } from "../../projections/index.ts";
import { VersionError, dependentsBroken, dependentsBrokenError } from "../spec/index.ts";
import type { BrokenDependent, Dependent } from "../spec/index.ts";
import type { HubService, InstallOutcome } from "./hub-service.ts";
import { olderGoodVersions, rollbackTarget, successorAfterUninstall } from "./lifecycle-targets.ts";
import { dependentsOf, resolveCapability } from "./resolve-capability.ts";
import { lowersTrust, own } from "../../projections/index.ts";

export interface VersionCandidate {
  capability: string;
  version: string;
}

/**
 * The dependents (other capabilities' plugins) whose declared range `candidate` falls outside of: the
 * eligible ones, and those being installed — past their own dependency check they activate without
 * looking again, so a version switched in meanwhile must fit them too.
 */
export function brokenDependents(hub: HubState, candidate: VersionCandidate): BrokenDependent[] {
  const dependents = [...dependentsOf(hub, candidate.capability), ...installingDependentsOf(hub, candidate.capability)];
  return dependentsBroken(candidate, dependents.filter((d) => !d.id.startsWith(`${candidate.capability}@`)));
}

/** Plugins mid-install that declare a range of `capability`. */
function installingDependentsOf(hub: HubState, capability: string): Dependent[] {
  return Object.values(hub.plugins).flatMap((p) => {
    const deps = p.manifest["dependencies"];
    if (p.status !== "installing" || !deps || typeof deps !== "object" || !Object.hasOwn(deps, capability)) return [];
    return [{ id: p.id, dependencies: deps as Record<string, string> }];
  });
}

/** `dependents_broken` when activating `candidate` would break a dependent; undefined when it breaks none. */
export function checkDependents(hub: HubState, candidate: VersionCandidate): VersionError | undefined {
  const broken = brokenDependents(hub, candidate);
  return broken.length > 0 ? dependentsBrokenError(candidate, broken) : undefined;
}

/**
 * After an operator forced `candidate` in: each dependent it breaks goes to T0 (PluginTierAssigned,
 * with the reason). Returns the dependents' ids.
 */
export async function demoteDependents(log: EventLog, hub: HubState, candidate: VersionCandidate, actor = "operator"): Promise<string[]> {
  return demote(log, hub, brokenDependents(hub, candidate), (b) => `dependents_broken: ${candidate.capability}@${candidate.version} was forced in outside its range ${b.range}`, actor);
}

/** Sends each of `broken` to T0 (PluginTierAssigned with `reason`); returns their ids. */
async function demote(log: EventLog, hub: HubState, broken: readonly BrokenDependent[], reason: (b: BrokenDependent) => string, actor = "operator"): Promise<string[]> {
  for (const b of broken) {
    const plugin = own(hub.plugins, b.id);
    if (!plugin) continue;
    await log.append([{ type: "PluginTierAssigned", subject: subjectFor("plugin", plugin.capability), actor, data: { pluginId: b.id, tier: "T0", reasons: [reason(b)] } } as NewEvent]);
  }
  return broken.map((b) => b.id);
}

/**
 * Runs an activation (install, update, rollback) of `candidate` unless it breaks a dependent's range
 * (throws `dependents_broken`, naming them); with `force` (an operator's decision) it runs anyway and
 * the dependents it breaks go to T0 (`demoted`). Every surface that activates — CLI, REPL, HTTP —
 * goes through this, so none skips the check.
 */
export async function guardDependents(hub: HubService, candidate: VersionCandidate | undefined, force: boolean, activate: () => Promise<InstallOutcome>): Promise<InstallOutcome & { demoted?: string[] }> {
  const refused = candidate ? checkDependents(await hub.state(), candidate) : undefined;
  if (refused && !force) throw refused;
  const outcome: InstallOutcome & { demoted?: string[] } = await activate();
  if (refused && candidate && outcome.ok && !outcome.unchanged) outcome.demoted = await demoteDependents(hub.log, await hub.state(), candidate);
  return outcome;
}

/** `plugin rollback CAPABILITY [--to VERSION]` with the dependents check: to `version`, or back one good version. */
export async function guardedRollback(hub: HubService, capability: string, options: { version?: string; force?: boolean } = {}): Promise<InstallOutcome & { demoted?: string[] }> {
  const target = options.version ?? rollbackTarget(await hub.state(), capability)?.version;
  return guardDependents(hub, target ? { capability, version: target } : undefined, options.force === true, () =>
    hub.switchTo(capability, { kind: "rollback", ...(options.version ? { version: options.version } : {}) }),
  );
}

/** What the automatic rollback away from a plugin may activate, and the versions it passed over. */
export interface RollbackChoice {
  /** The newest good earlier version every dependent's range accepts and that keeps the capability's trust, if any. */
  target: PluginRecord | undefined;
  /** The newer good earlier versions passed over: each with the dependents it would break, or `trust_downgrade`. */
  refused: { pluginId: string; dependents: BrokenDependent[]; code: "dependents_broken" | "trust_downgrade" }[];
}

/**
 * The rollback a governor makes when the slo agent quarantined `from` and asked for one: the newest
 * good version older than it that breaks no dependent's declared range and does not lower the
 * capability's trust (`trust_downgrade`: after a publisher-signed version, one that publisher did not
 * sign and no operator approved; judged against `keys`, the trust store); none when each would.
 */
export function rollbackWithinDependents(hub: HubState, from: PluginRecord, keys: KeysState = { keys: {} }): RollbackChoice {
  const refused: RollbackChoice["refused"] = [];
  for (const candidate of olderGoodVersions(hub, from)) {
    if (lowersTrust(hub, candidate, keys)) {
      refused.push({ pluginId: candidate.id, dependents: [], code: "trust_downgrade" });
      continue;
    }
    const broken = brokenDependents(hub, { capability: candidate.capability, version: candidate.version });
    if (broken.length === 0) return { target: candidate, refused };
    refused.push({ pluginId: candidate.id, dependents: broken, code: "dependents_broken" });
  }
  return { target: undefined, refused };
}

/**
 * The eligible dependents that resolve a version within their range now and would resolve none once
 * `removed` is uninstalled (it was the last eligible version they accept).
 */
export function dependentsLeftWithout(hub: HubState, removed: PluginRecord): BrokenDependent[] {
  const after: HubState = { ...hub, plugins: { ...hub.plugins, [removed.id]: { ...removed, status: "uninstalled" } } };
  const capability = removed.capability;
  const out: BrokenDependent[] = [];
  for (const d of dependentsOf(hub, capability)) {
    if (d.id.startsWith(`${capability}@`)) continue;
    const range = d.dependencies && Object.hasOwn(d.dependencies, capability) ? d.dependencies[capability]! : undefined;
    if (range === undefined) continue;
    if (resolveCapability(hub, { capability, range }).ok && !resolveCapability(after, { capability, range }).ok) out.push({ id: d.id, capability, range });
  }
  return out;
}

/**
 * `plugin uninstall CAPABILITY@VERSION` with the dependents check, refused with `dependents_broken`
 * when it breaks a dependent: uninstalling the active version activates the next good one (a
 * rollback), which must be within every dependent's range; and no uninstall may take away the last
 * eligible version a dependent's range admits. With `force` it runs anyway and those dependents go
 * to T0 (`demoted`).
 */
export async function guardedUninstall(hub: HubService, pluginId: string, options: { force?: boolean } = {}): Promise<Awaited<ReturnType<HubService["uninstall"]>> & { demoted?: string[] }> {
  const state = await hub.state();
  const plugin = own(state.plugins, pluginId);
  if (!plugin) return hub.uninstall(pluginId); // its own unknown_plugin error
  const wasActive = own(state.capabilities, plugin.capability)?.active === pluginId;
  const successor = wasActive ? successorAfterUninstall(state, plugin.capability, pluginId) : undefined;
  const outOfRange = successor ? brokenDependents(state, { capability: successor.capability, version: successor.version }) : [];
  const stranded = dependentsLeftWithout(state, plugin).filter((b) => !outOfRange.some((o) => o.id === b.id));
  const broken = [...outOfRange, ...stranded];
  if (broken.length > 0 && options.force !== true) {
    const list = broken.map((b) => `${b.id} (needs ${b.capability} ${b.range})`).join(", ");
    throw new VersionError("dependents_broken", `uninstalling ${pluginId}${successor ? ` (falling back to ${successor.id})` : ""} would break ${broken.length} dependent${broken.length === 1 ? "" : "s"}: ${list}`, {
      nextStep: "Update the dependents' ranges first, or uninstall it as an operator with --force (the dependents then go to T0).",
      details: { uninstall: pluginId, fallback: successor?.id ?? null, dependents: broken },
    });
  }
  const done = await hub.uninstall(pluginId);
  if (broken.length === 0) return done;
  const demoted = await demote(hub.log, await hub.state(), broken, (b) => `dependents_broken: ${pluginId} was uninstalled by force; nothing left within its range ${b.range}`);
  return { ...done, demoted };
}

/**
 * Which version a lifecycle command makes active when none is named. Pure, over the hub state.
 *
 * - `rollbackTarget`: the newest good version *older* than the active one that was active before
 *   (in the capability's history), so a second rollback walks further back, never forward.
 * - `olderGoodVersions`: the good once-active versions older than a given one (the automatic
 *   rollback after an slo quarantine picks among them: src/hub/dependents-guard.ts).
 * - `successorAfterUninstall`: when the active version is uninstalled, the newest remaining good
 *   version (any version once active), or none.
 *
 * Good: a version the resolver would serve (`whyIneligible`): installed, not failed, quarantined,
 * uninstalled or at T0, and not rolled back from (an older version was activated after it);
 * `plugin rollback CAPABILITY --to VERSION` still activates such a version by name.
 */
import semver from "semver";
import type { HubState, PluginRecord } from "../../projections/index.ts";
import { whyIneligible } from "./resolve-capability.ts";

function onceActive(hub: HubState, capability: string, excluding: string | null): PluginRecord[] {
  const cap = Object.hasOwn(hub.capabilities, capability) ? hub.capabilities[capability]! : undefined;
  if (!cap) return [];
  const ids = new Set(cap.history);
  return [...ids]
    .filter((id) => id !== excluding && Object.hasOwn(hub.plugins, id))
    .map((id) => hub.plugins[id]!)
    .filter((p) => whyIneligible(hub, p) === undefined && semver.valid(p.version) !== null)
    .sort((a, b) => semver.rcompare(a.version, b.version));
}

/** The version `plugin rollback CAPABILITY` goes back to: the newest good once-active one older than the active. */
export function rollbackTarget(hub: HubState, capability: string): PluginRecord | undefined {
  const cap = Object.hasOwn(hub.capabilities, capability) ? hub.capabilities[capability]! : undefined;
  const active = cap?.active && Object.hasOwn(hub.plugins, cap.active) ? hub.plugins[cap.active] : undefined;
  return (active ? olderGoodVersions(hub, active) : onceActive(hub, capability, null))[0];
}

/** The good once-active versions older than `from`, newest first: what a rollback away from it may pick. */
export function olderGoodVersions(hub: HubState, from: PluginRecord): PluginRecord[] {
  const older = onceActive(hub, from.capability, from.id);
  return semver.valid(from.version) === null ? older : older.filter((p) => semver.lt(p.version, from.version));
}

/** The version that takes over when `removed` (the active one) is uninstalled: the newest good remaining one. */
export function successorAfterUninstall(hub: HubState, capability: string, removed: string): PluginRecord | undefined {
  return onceActive(hub, capability, removed)[0];
}

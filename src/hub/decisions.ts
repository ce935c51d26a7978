/**
 * What an install, update or rollback decides before its transaction starts. Pure, over the hub
 * state the caller read (after the capability's head, hub-service.ts `decide*` says why): nothing
 * here reads the log or writes to it, so the rules can be tested on a hub built by hand.
 *
 * - `decideInstall`: a package already active with the same code is left as it is; one installed
 *   with other code under the same id is refused (`version_exists`); one older than the active
 *   version is refused (`downgrade_needs_rollback`: going back is a rollback, on purpose). Otherwise
 *   it is an `install` (nothing active) or an `update`.
 * - `decideSwitch`: the version an update or rollback makes active (named, or `rollbackTarget`),
 *   refused when the capability changed since the caller judged it (`whileActive`: `superseded`),
 *   when nothing fits (`unknown_capability`, `unknown_plugin`, `nothing_to_roll_back`), or when an
 *   update would go backwards; the active version itself is left as it is.
 * - `ineligibility`: why a switch that holds only while its target is eligible (`whileEligible`) may
 *   not activate it; decideSwitch asks it as the transaction starts, the activate step again.
 */
import semver from "semver";
import type { HubState, PluginRecord } from "../../projections/index.ts";
import { own } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import { rollbackTarget } from "./lifecycle-targets.ts";
import { whyIneligible } from "./resolve-capability.ts";
import { brokenDependents } from "./dependents-guard.ts";
import type { PluginPackage } from "./package-format.ts";

/** Nothing to do (`unchanged`: the record already active), or the transaction to start. */
export type InstallDecision = { unchanged: PluginRecord } | { kind: "install" | "update" };
export type SwitchDecision = { unchanged: PluginRecord } | { target: PluginRecord };

export function decideInstall(hub: HubState, pkg: PluginPackage): InstallDecision {
  const { id, version, capability, checksum } = pkg.manifest;
  const existing = own(hub.plugins, id);
  const activeId = own(hub.capabilities, capability)?.active;
  const active = activeId ? own(hub.plugins, activeId) : undefined;
  if (existing && existing.status !== "uninstalled" && existing.status !== "failed") {
    if (existing.manifest["checksum"] === checksum && existing.status === "active") return { unchanged: existing };
    if (existing.manifest["checksum"] !== checksum) {
      throw new HubError("version_exists", `${id} is already installed with different code`, {
        nextStep: "Publish the change under a new version.",
      });
    }
  }
  if (active && active.id !== id && semver.lt(version, active.version)) {
    throw new HubError("downgrade_needs_rollback", `${id} is older than the active ${active.id}`, {
      nextStep: `Use capsmith plugin rollback ${capability} --to ${version} once it is installed, or publish a newer version.`,
    });
  }
  return { kind: active ? "update" : "install" };
}

export interface SwitchRequest {
  capability: string;
  /** The version to make active; without it, the rollback target (lifecycle-targets.ts). */
  version?: string;
  kind: "update" | "rollback";
  /** Only while this version (null: none) is active; undefined: whatever is. */
  whileActive?: string | null;
  /**
   * Only while the target is one the resolver would serve (not quarantined, uninstalled, failed or
   * at T0 by a revocation) and within every dependent's range (a dependent re-trusted meanwhile):
   * a caller that chose it earlier (the slo rollback) keeps its choice true.
   */
  whileEligible?: boolean;
}

export function decideSwitch(hub: HubState, { capability, version, kind, whileActive, whileEligible }: SwitchRequest): SwitchDecision {
  const cap = own(hub.capabilities, capability);
  if (!cap) throw new HubError("unknown_capability", `no plugin was ever installed for ${capability}`, { nextStep: "Run capsmith plugin list." });
  if (whileActive !== undefined && cap.active !== whileActive) {
    throw new HubError("superseded", `${capability} changed before this ${kind} started (active: ${whileActive ?? "none"} when it was decided, ${cap.active ?? "none"} now); it would undo that`, {
      nextStep: `Nothing, if the change stands; capsmith audit trail shows who made it.`,
      details: { capability, expected: whileActive, active: cap.active },
    });
  }
  const target = version ? own(hub.plugins, `${capability}@${version}`) : rollbackTarget(hub, capability);
  if (!target || target.status === "uninstalled") {
    throw new HubError(version ? "unknown_plugin" : "nothing_to_roll_back", version ? `${capability}@${version} is not installed` : `${capability} has no good version older than the active one`, {
      nextStep: `Installed versions: ${cap.versions.join(", ") || "none"}.`,
    });
  }
  const ineligible = whileEligible ? ineligibility(hub, target) : undefined;
  if (ineligible) {
    throw new HubError("superseded", `${target.id} changed before this ${kind} started (${ineligible}); it would be activated against that`, {
      nextStep: "Nothing, if the change stands; capsmith audit trail shows who made it.",
      details: { capability, target: target.id, ineligible },
    });
  }
  if (target.id === cap.active) return { unchanged: target };
  // An update goes forward: one older than the active version (a newer one activated since the
  // caller chose its target, say) is the downgrade an install of it is refused for.
  const active = cap.active ? own(hub.plugins, cap.active) : undefined;
  if (kind === "update" && active && semver.valid(target.version) && semver.valid(active.version) && semver.lt(target.version, active.version)) {
    throw new HubError("downgrade_needs_rollback", `${target.id} is older than the active ${active.id}`, {
      nextStep: `Use capsmith plugin rollback ${capability} --to ${target.version} to go back to it on purpose.`,
    });
  }
  return { target };
}

/**
 * Why `target` may not be activated by a switch that holds only while it is eligible: the resolver
 * would not serve it (whyIneligible: quarantined, uninstalled, failed, at T0 by a revocation...) or
 * it is outside a dependent's range; undefined when neither. `txId` is the transaction activating it,
 * judged again at its activate step (install-phases.ts): its own InstallStarted marks the target
 * installing, and that record of its own is no reason.
 */
export function ineligibility(hub: HubState, target: PluginRecord, txId?: string): string | undefined {
  const judged: PluginRecord = txId !== undefined && target.status === "installing" && target.installTx === txId ? { ...target, status: "inactive" } : target;
  return whyIneligible(hub, judged) ?? outsideDependents(hub, judged);
}

/** Why activating `target` would break a dependent (one whose declared range excludes it); undefined when none. */
function outsideDependents(hub: HubState, target: PluginRecord): string | undefined {
  const broken = brokenDependents(hub, target);
  return broken.length > 0 ? `outside the range of ${broken.map((b) => `${b.id} (${b.range})`).join(", ")}` : undefined;
}

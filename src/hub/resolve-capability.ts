/**
 * Which plugin serves a request: the capability's active plugin when it is eligible, within the
 * request's version range and serves the request's schemas; otherwise the newest eligible version
 * that does. When none does, why (each version and what ruled it out) and near matches: similar
 * names, and plugins under another name whose schemas serve the request. Pure, over the hub state.
 */
import semver from "semver";
import type { HubState, PluginRecord } from "../../projections/index.ts";
import { serves } from "../spec/index.ts";
import type { Dependent, ServesReason } from "../spec/index.ts";
import { nameSimilarity } from "./near-matches.ts";
import { own } from "../../projections/index.ts";

export interface CapabilityRequest {
  capability: string;
  /** A semver range (`^1.2.0`); any version when absent. */
  range?: string;
  /** The request's contract; a side left out is not compared. */
  inputSchema?: unknown;
  outputSchema?: unknown;
}

export type Rejection = "not_eligible" | "out_of_range" | "incompatible";

export interface Candidate {
  pluginId: string;
  version: string;
  status: PluginRecord["status"];
  tier: PluginRecord["tier"];
  /** Why it was not chosen; absent for the chosen one and for eligible ones passed over for a newer. */
  rejected?: Rejection;
  /** For `incompatible`: where the schemas differ. For `not_eligible`: why. */
  reasons?: ServesReason[] | string;
}

export interface NearMatch {
  capability: string;
  pluginId: string;
  /** The name is close, or the schemas serve the request, or both. */
  similarName: boolean;
  servesRequest: boolean;
  distance: number;
}

export type ResolutionCode = "invalid_range" | "capability_not_found" | "no_eligible_version" | "no_version_in_range" | "no_compatible_version";

export type Resolution =
  | { ok: true; plugin: PluginRecord; candidates: Candidate[] }
  | { ok: false; code: ResolutionCode; message: string; nextStep: string; candidates: Candidate[]; near: NearMatch[] };

const MAX_NEAR = 5;

/**
 * Why a plugin may not serve requests, or undefined when it may: it must be the active plugin of
 * its capability, or one that was active and was superseded by a newer version (not quarantined,
 * failed, uninstalled, or rolled back from).
 */
export function whyIneligible(hub: HubState, plugin: PluginRecord): string | undefined {
  if (plugin.status !== "active" && plugin.status !== "inactive") return `status ${plugin.status}`;
  if (plugin.tier === "T0") return "tier T0 (quarantined)";
  const cap = Object.hasOwn(hub.capabilities, plugin.capability) ? hub.capabilities[plugin.capability] : undefined;
  if (!cap || cap.active === plugin.id) return undefined;
  // An inactive version an operator rolled back from (an older one was activated after it) stays out.
  const last = cap.history.lastIndexOf(plugin.id);
  const later = cap.history.slice(last + 1).map((id) => (Object.hasOwn(hub.plugins, id) ? hub.plugins[id] : undefined));
  if (last >= 0 && later.some((p) => p && semver.valid(p.version) && semver.valid(plugin.version) && semver.lt(p.version, plugin.version))) return "rolled back from";
  if (last < 0) return "never activated";
  return undefined;
}

function pluginsOf(hub: HubState, capability: string): PluginRecord[] {
  const cap = Object.hasOwn(hub.capabilities, capability) ? hub.capabilities[capability] : undefined;
  return (cap?.versions ?? []).flatMap((id) => (Object.hasOwn(hub.plugins, id) ? [hub.plugins[id]!] : []));
}

/** The request's schemas; a side it leaves out is not compared (the plugin's own stands in). */
const contractOf = (r: CapabilityRequest, p: PluginRecord) => ({ inputSchema: r.inputSchema ?? p.spec["inputSchema"], outputSchema: r.outputSchema ?? p.spec["outputSchema"] });

const newestFirst = (a: PluginRecord, b: PluginRecord): number => (semver.valid(a.version) && semver.valid(b.version) ? semver.rcompare(a.version, b.version) : 0);

export function resolveCapability(hub: HubState, request: CapabilityRequest): Resolution {
  const { capability } = request;
  const range = request.range ?? "*";
  const checksSchemas = request.inputSchema !== undefined || request.outputSchema !== undefined;
  if (semver.validRange(range) === null) {
    return { ok: false, code: "invalid_range", message: `${JSON.stringify(range)} is not a semver range`, nextStep: "Give a range such as ^1.2.0 (or none for any version).", candidates: [], near: [] };
  }
  const activeId = Object.hasOwn(hub.capabilities, capability) ? hub.capabilities[capability]!.active : null;
  const candidates: Candidate[] = [];
  const fitting: PluginRecord[] = [];
  for (const plugin of pluginsOf(hub, capability).sort(newestFirst)) {
    const c: Candidate = { pluginId: plugin.id, version: plugin.version, status: plugin.status, tier: plugin.tier };
    candidates.push(c);
    const ineligible = whyIneligible(hub, plugin);
    if (ineligible) {
      Object.assign(c, { rejected: "not_eligible", reasons: ineligible });
    } else if (!semver.satisfies(plugin.version, range)) {
      c.rejected = "out_of_range";
    } else if (checksSchemas) {
      const fit = serves(plugin.spec, contractOf(request, plugin));
      if (fit.ok) fitting.push(plugin);
      else Object.assign(c, { rejected: "incompatible", reasons: fit.reasons });
    } else {
      fitting.push(plugin);
    }
  }
  const chosen = fitting.find((p) => p.id === activeId) ?? fitting[0];
  if (chosen) return { ok: true, plugin: chosen, candidates };

  const near = nearMatches(hub, request);
  const hint = near[0] ? ` Did you mean ${near[0].capability}${near[0].servesRequest ? " (it serves this request)" : ""}?` : "";
  const wanted = `${capability}${request.range ? ` ${request.range}` : ""}`;
  const failure = (code: ResolutionCode, message: string, nextStep: string): Resolution => ({ ok: false, code, message: `${message}.${hint}`, nextStep, candidates, near });
  if (candidates.length === 0) {
    return failure("capability_not_found", `no plugin provides ${capability}`, near[0] ? `Ask for ${near[0].capability}, or give a spec for ${capability} so the agents build it.` : `Give a spec for ${capability} so the agents build it (capsmith help spec-format).`);
  }
  const eligible = candidates.filter((c) => c.rejected !== "not_eligible");
  if (eligible.length === 0) {
    return failure("no_eligible_version", `no version of ${capability} may run: ${candidates.map((c) => `${c.pluginId} (${String(c.reasons)})`).join(", ")}`, `Approve or roll back to a good version (capsmith plugin list --all), or give a spec for a new one.`);
  }
  const inRange = eligible.filter((c) => c.rejected !== "out_of_range");
  if (inRange.length === 0) {
    return failure("no_version_in_range", `no version of ${wanted}: there ${eligible.length === 1 ? "is" : "are"} ${eligible.map((c) => c.version).join(", ")}`, `Widen the range, or give a spec so the agents build a version within ${range}.`);
  }
  const first = inRange[0]!;
  const why = Array.isArray(first.reasons) && first.reasons[0] ? `: ${first.pluginId}: ${first.reasons[0].message}` : "";
  return failure("no_compatible_version", `no version of ${wanted} serves the request's schemas${why}`, "See candidates[].reasons for where each differs; change the request's schemas, or give a spec so the agents build a compatible version.");
}

/** Other capabilities with an eligible plugin whose name is close or whose schemas serve the request. */
export function nearMatches(hub: HubState, request: CapabilityRequest): NearMatch[] {
  const checksSchemas = request.inputSchema !== undefined || request.outputSchema !== undefined;
  const out: NearMatch[] = [];
  for (const name of Object.keys(hub.capabilities)) {
    if (name === request.capability) continue;
    const plugin = pluginsOf(hub, name).filter((p) => !whyIneligible(hub, p)).sort((a, b) => (a.id === own(hub.capabilities, name)?.active ? -1 : b.id === own(hub.capabilities, name)?.active ? 1 : newestFirst(a, b)))[0];
    if (!plugin) continue;
    const similar = nameSimilarity(request.capability, name);
    const fits = checksSchemas && serves(plugin.spec, contractOf(request, plugin)).ok;
    if (!similar && !fits) continue;
    out.push({ capability: name, pluginId: plugin.id, similarName: similar !== undefined, servesRequest: fits, distance: similar?.distance ?? Infinity });
  }
  const score = (m: NearMatch) => (m.similarName && m.servesRequest ? 0 : m.similarName ? 1 : 2);
  return out.sort((a, b) => score(a) - score(b) || a.distance - b.distance || a.capability.localeCompare(b.capability)).slice(0, MAX_NEAR);
}

/** Eligible plugins whose manifest declares a dependency on `capability` (for `dependentsBroken`). */
export function dependentsOf(hub: HubState, capability: string): Dependent[] {
  return Object.values(hub.plugins)
    .filter((p) => !whyIneligible(hub, p))
    .flatMap((p) => {
      const deps = p.manifest["dependencies"];
      if (!deps || typeof deps !== "object" || !Object.hasOwn(deps, capability)) return [];
      return [{ id: p.id, dependencies: deps as Record<string, string> }];
    });
}

/**
 * The plugin hub: capabilities, their plugins and versions, which one is active, status and tier.
 * Its state is only ever this fold over the log, so it cannot drift from what happened.
 */
import type { StoredEvent } from "../src/events/index.ts";
import { applySignedTrust, checkEventSignature, HUB_CHANGING } from "./event-signatures.ts";
import type { CapabilityRecord, HubState, PluginRecord } from "./hub-types.ts";
import { own, put } from "./own-entry.ts";
import type { Projection } from "./projection.ts";

export const hub: Projection<HubState> = {
  name: "hub",
  version: 2,
  initial: () => ({ capabilities: {}, plugins: {}, pendingApprovals: {} }),
  apply(state, any) {
    const event = any as StoredEvent;
    switch (event.type) {
      case "InstallStarted": {
        const d = event.data;
        const pkg = d.package as { manifest: Record<string, unknown>; code: string; spec: Record<string, unknown>; testReport?: Record<string, unknown> };
        const existing = own(state.plugins, d.pluginId);
        put(state.plugins, d.pluginId, {
          id: d.pluginId,
          capability: d.capability,
          version: d.version,
          status: existing?.status === "active" ? "active" : "installing",
          tier: existing?.tier ?? "T0",
          profile: (pkg.manifest["profile"] as PluginRecord["profile"]) ?? "node",
          manifest: pkg.manifest,
          code: pkg.code,
          spec: pkg.spec,
          testReport: pkg.testReport ?? null,
          installedSeq: existing?.installedSeq ?? event.seq,
          changedSeq: event.seq,
          approvals: existing?.approvals ?? own(state.pendingApprovals, d.pluginId) ?? [],
          usage: existing?.usage ?? { calls: 0, failures: 0 },
        });
        delete state.pendingApprovals[d.pluginId];
        const cap = capability(state, d.capability);
        if (!cap.versions.includes(d.pluginId)) cap.versions.push(d.pluginId);
        return state;
      }
      case "PluginActivated": {
        activate(state, event.data.capability, event.data.pluginId, event.seq);
        return state;
      }
      case "PluginDeactivated": {
        activate(state, event.data.capability, null, event.seq);
        return state;
      }
      case "InstallCommitted":
        return update(state, event.data.pluginId, event.seq, (p) => (p.tier = event.data.tier));
      case "InstallRolledBack": {
        const d = event.data;
        const failed = own(state.plugins, d.pluginId);
        if (failed) activate(state, failed.capability, d.restored, event.seq);
        return update(state, d.pluginId, event.seq, (p) => (p.status = p.status === "installing" ? "failed" : d.restored === p.id ? "active" : "rolled_back"));
      }
      case "PluginUninstalled": {
        const p = own(state.plugins, event.data.pluginId);
        if (p && own(state.capabilities, p.capability)?.active === p.id) activate(state, p.capability, null, event.seq);
        return update(state, event.data.pluginId, event.seq, (q) => (q.status = "uninstalled"));
      }
      case "PluginQuarantined": {
        const p = own(state.plugins, event.data.pluginId);
        if (p && own(state.capabilities, p.capability)?.active === p.id) activate(state, p.capability, null, event.seq);
        return update(state, event.data.pluginId, event.seq, (q) => {
          q.status = "quarantined";
          q.tier = "T0";
        });
      }
      case "PluginStatusRestored":
        return update(state, event.data.pluginId, event.seq, (p) => {
          p.status = event.data.status;
          p.tier = event.data.tier;
        });
      case "PluginTierAssigned":
        return update(state, event.data.pluginId, event.seq, (p) => (p.tier = event.data.tier));
      case "PluginInvoked": {
        const p = own(state.plugins, event.data.pluginId);
        if (p) {
          p.usage.calls++;
          if (!event.data.ok) p.usage.failures++;
        }
        return state;
      }
      case "PluginApproved": {
        const { pluginId, keyId, signature } = event.data;
        const plugin = own(state.plugins, pluginId);
        const list = plugin ? plugin.approvals : (own(state.pendingApprovals, pluginId) ?? put(state.pendingApprovals, pluginId, []));
        if (!list.some((a) => a.keyId === keyId)) list.push({ keyId, signature });
        if (plugin) plugin.changedSeq = event.seq;
        return state;
      }
      default:
        return state;
    }
  },
};

/**
 * The hub for a shared log where a connection may be stolen: events that change the hub count only
 * when signed by a key trusted (by an operator's signature) for a role allowed to make them; the
 * others are counted in `ignored` and change nothing.
 */
export const signedHub: Projection<HubState> = {
  name: "hub",
  version: 1_002,
  initial: () => ({ ...hub.initial(), trust: {}, ignored: 0 }),
  apply(state, event) {
    const trust = (state.trust ??= {});
    if (event.type === "KeyTrusted" || event.type === "KeyRevoked") {
      applySignedTrust(trust, event);
      return state;
    }
    const roles = HUB_CHANGING[event.type];
    if (roles && !checkEventSignature(event, trust, roles).ok) {
      state.ignored = (state.ignored ?? 0) + 1;
      return state;
    }
    return hub.apply(state, event);
  },
};

/** The hub projection a process uses: `signedHub` when its policy requires signed events. */
export function hubProjection(options: { requireSignedEvents?: boolean }): Projection<HubState> {
  return options.requireSignedEvents ? signedHub : hub;
}

function capability(state: HubState, name: string): CapabilityRecord {
  return own(state.capabilities, name) ?? put(state.capabilities, name, { active: null, versions: [], history: [] });
}

/** Makes `pluginId` (or nothing) active for the capability; the one it replaces becomes inactive. */
function activate(state: HubState, name: string, pluginId: string | null, seq: number): void {
  const cap = capability(state, name);
  if (cap.active === pluginId) return;
  const previous = cap.active ? own(state.plugins, cap.active) : undefined;
  if (previous && previous.status === "active") {
    previous.status = "inactive";
    previous.changedSeq = seq;
  }
  cap.active = pluginId;
  if (pluginId) {
    cap.history.push(pluginId);
    const next = own(state.plugins, pluginId);
    if (next) {
      next.status = "active";
      next.changedSeq = seq;
    }
  }
}

function update(state: HubState, pluginId: string, seq: number, change: (p: PluginRecord) => void): HubState {
  const p = own(state.plugins, pluginId);
  if (p) {
    change(p);
    p.changedSeq = seq;
  }
  return state;
}

/** The hub a person sees: active plugin per capability and each plugin's status and tier. */
export function hubView(state: HubState): { active: Record<string, string | null>; plugins: Record<string, { status: string; tier: string }> } {
  const active: Record<string, string | null> = {};
  for (const [name, cap] of Object.entries(state.capabilities)) if (cap.active) active[name] = cap.active;
  const plugins: Record<string, { status: string; tier: string }> = {};
  for (const p of Object.values(state.plugins)) if (p.status !== "uninstalled") plugins[p.id] = { status: p.status, tier: p.tier };
  return { active, plugins };
}

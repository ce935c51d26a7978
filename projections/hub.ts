/**
 * The plugin hub: capabilities, their plugins and versions, which one is active, status and tier.
 * Its state is only ever this fold over the log, so it cannot drift from what happened.
 */
import { isUsageEvidence } from "../src/events/index.ts";
import type { StoredEvent } from "../src/events/index.ts";
import { gated } from "./gated.ts";
import { approvesPackage, verifyManifestSignature, verifyPluginApproval } from "../src/hub/signature.ts";
import { activationVerdict, commitCounts, installProblem, rollbackCounts, samePackage } from "./hub-coherence.ts";
import type { CapabilityRecord, HubState, PluginRecord, TrustTier } from "./hub-types.ts";
import type { KeysState } from "./keys.ts";
import { own, put } from "./own-entry.ts";
import type { Projection } from "./projection.ts";

export const hub: Projection<HubState> = {
  name: "hub",
  // 10: installs whose package cannot run, and activations, commits and rollbacks out of their
  // transaction, are refused (hub-coherence.ts); snapshots of 9 are folded again.
  // 11: a health check counts for every plugin whose open transaction has its id, not only the
  // first plugin that ever had it (a forged install reusing an honest one's id blocked it); a
  // plugin's usage counts only the calls of USAGE_EVIDENCE's writers (the runner's, an operator's).
  version: 11,
  initial: () => ({ capabilities: {}, plugins: {}, pendingApprovals: {} }),
  apply(state, any) {
    const event = any as StoredEvent;
    switch (event.type) {
      case "InstallStarted": {
        const d = event.data;
        // A package that cannot run as the install says (its code not its manifest's checksum, another
        // id, no spec...) never enters the hub: nothing can later show it installed or active.
        if (installProblem(state, d)) return refused(state);
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
          installTx: d.txId,
          ...(existing?.health ? { health: existing.health } : {}),
          ...(existing?.healthTx ? { healthTx: existing.healthTx } : {}),
        });
        delete state.pendingApprovals[d.pluginId];
        const cap = capability(state, d.capability);
        if (!cap.versions.includes(d.pluginId)) cap.versions.push(d.pluginId);
        return state;
      }
      case "InstallPhaseCompleted": {
        // The hub's own test of the package (its golden cases, run at install) is the evidence a
        // tier rests on, never a test report the package declares about itself.
        const d = event.data;
        const details = d.details as { passed?: unknown; failed?: unknown } | undefined;
        if (d.phase !== "health-check" || typeof details?.passed !== "number" || typeof details.failed !== "number") return state;
        // A transaction is a plugin's and its id: the phase names only the id, so it counts for every
        // plugin whose open transaction has it. Crediting only the first plugin that ever had the id
        // let a forged install that reused an honest one's id (the governor's ids derive from events
        // anyone can read) take its health check, so the honest commit was refused (attack round 3).
        // The forged one gains nothing it could not write itself: a health-check record is the
        // governor's to write.
        for (const p of Object.values(state.plugins)) {
          if (p.installTx !== d.txId || p.installOutcome !== undefined) continue;
          p.health = { passed: details.passed, failed: details.failed };
          p.healthTx = d.txId;
        }
        return state;
      }
      case "PluginActivated": {
        const d = event.data;
        const verdict = activationVerdict(state, d);
        if (verdict === "refused") return refused(state);
        if (verdict === "at_commit") own(state.plugins, d.pluginId)!.pendingActivation = d.txId!;
        else activate(state, d.capability, d.pluginId, event.seq);
        return state;
      }
      case "PluginDeactivated": {
        activate(state, event.data.capability, null, event.seq);
        return state;
      }
      case "InstallCommitted": {
        // Only the plugin's own open transaction commits, and only after its health check passed.
        const d = event.data;
        if (!commitCounts(state, d)) return refused(state);
        const p = own(state.plugins, d.pluginId)!;
        p.installOutcome = "committed";
        if (p.pendingActivation === d.txId) activate(state, p.capability, p.id, event.seq);
        delete p.pendingActivation;
        return update(state, d.pluginId, event.seq, (q) => (q.tier = d.tier));
      }
      case "InstallRolledBack": {
        // The candidate never served (it is activated only with its commit), so a rollback changes
        // what is active in no case: its `restored` names what the service left serving, and a
        // rollback that named another version would dislodge the active one without an install.
        const d = event.data;
        if (!own(state.plugins, d.pluginId)) return state; // a package the hub refused: nothing to undo
        if (!rollbackCounts(state, d)) return refused(state);
        const p = own(state.plugins, d.pluginId)!;
        p.installOutcome = "rolled_back";
        delete p.pendingActivation;
        const active = own(state.capabilities, p.capability)?.active === p.id;
        return update(state, d.pluginId, event.seq, (q) => (q.status = q.status === "installing" ? "failed" : active ? "active" : "rolled_back"));
      }
      case "PluginUninstalled": {
        const p = own(state.plugins, event.data.pluginId);
        if (p && own(state.capabilities, p.capability)?.active === p.id) activate(state, p.capability, null, event.seq);
        return update(state, event.data.pluginId, event.seq, (q) => (q.status = "uninstalled"));
      }
      case "PluginQuarantined": {
        const p = own(state.plugins, event.data.pluginId);
        if (p && own(state.capabilities, p.capability)?.active === p.id) {
          activate(state, p.capability, null, event.seq);
          p.quarantinedWhileActive = event.seq;
        }
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
        // The calls and failures shown are production's, as the slo judgement counts them (USAGE_EVIDENCE).
        const p = isUsageEvidence(event.actor) ? own(state.plugins, event.data.pluginId) : undefined;
        if (p) {
          p.usage.calls++;
          if (!event.data.ok) p.usage.failures++;
        }
        return state;
      }
      case "KeyRevoked":
        return demote(state, event.data.keyId, event.seq, () => true);
      case "PluginApproved": {
        const { pluginId, keyId, signature } = event.data;
        const plugin = own(state.plugins, pluginId);
        const list = plugin ? plugin.approvals : (own(state.pendingApprovals, pluginId) ?? put(state.pendingApprovals, pluginId, []));
        // One entry per signature: a key that approved one package and then another of the same id
        // (the first by mistake) has both on record, and each covers only its own checksum.
        if (!list.some((a) => a.keyId === keyId && a.signature === signature)) list.push({ keyId, signature });
        if (plugin) plugin.changedSeq = event.seq;
        return state;
      }
      case "PluginRejected": {
        // An operator's rejection withdraws the approvals given before it to a package not yet
        // installed; a governor's (tests failed) withdraws nothing an operator gave.
        if (event.actor === "operator") delete state.pendingApprovals[event.data.pluginId];
        return state;
      }
      default:
        return state;
    }
  },
};

/**
 * The hub for a shared log where a connection may be stolen: decision events count only when signed
 * by a key trusted (by an operator's signature) for a role the write rules allow, with the key's role
 * as their actor; the others are counted in `ignored` and change nothing. A revocation demotes only
 * when the operator-signed trust store took it.
 */
export const signedHub: Projection<HubState> = gated(hub, (state, event) => {
  // A revert's events (an activation outside any transaction, a deactivation, a restored status)
  // are an operator's alone: `capsmith revert` signs them so. On a governor's word they would put
  // back a quarantined or failed version, or take the active one out, with no install at all.
  if (REVERT_ONLY.has(event.type) && (event.type !== "PluginActivated" || (event.data as { txId: string | null }).txId === null) && signerRole(state, event) !== "operator") {
    refused(state);
    return true;
  }
  // An operator may make any version that served active again by name, outside a transaction (its
  // decision, as a revert's); the transaction rules hold every other key to what an install proved.
  if (event.type === "PluginActivated" && signerRole(state, event) === "operator") {
    const d = event.data as { pluginId: string; capability: string; version: string; txId: string | null };
    if (activationVerdict(state, d) === "refused" && activationVerdict(state, { ...d, txId: null }) === "now") {
      activate(state, d.capability, d.pluginId, event.seq);
      return true;
    }
  }
  // A plugin a revocation demoted ran on the word of a key now known to be lost: only an operator
  // may lift its tier or make it serve again (and audit verify then says it rests on a revoked key).
  if (bringsBackRevoked(state, event) && signerRole(state, event) !== "operator") return true;
  if (TIER_SETTING.has(event.type)) {
    // A tier is the evidence's: a governor's word lifts nothing above what the package's own
    // signature (T3: a trusted publisher's) and its approvals (T2: a trusted operator's) support.
    const trust = state.trust ?? {};
    const byOperator = signerRole(state, event) === "operator";
    // No install may downgrade a publisher-signed capability (preflight's trust_downgrade, held by
    // every reader too), nor swap the code under a plugin id in place: not a governor's, nor an
    // operator's (whose way past it is an approval of the package). A refused package never enters
    // the hub, so no later activation, by whatever key, can make it run.
    if (event.type === "InstallStarted" && !switchesToHeld(state, event.data as InstallData) && downgradesTrust(state, event.data as InstallData, { keys: trust })) return true;
    // A package signed by a revoked key is the lost key's word: it enters the hub on an operator's only.
    if (event.type === "InstallStarted" && !byOperator && signedByRevokedKey(event.data as InstallData, trust)) return true;
    if (byOperator) return false;
    hub.apply(state, event);
    const p = own(state.plugins, (event.data as { pluginId: string }).pluginId);
    if (p) p.tier = lowerTier(p.tier, evidenceCeiling(p, { keys: trust }));
    return true;
  }
  if (event.type !== "KeyRevoked") return false;
  const keyId = (event.data as { keyId: string }).keyId;
  const trust = state.trust ?? {};
  if (Object.hasOwn(trust, keyId) && trust[keyId]!.revokedSeq === event.seq) {
    demote(state, keyId, event.seq, (k) => Object.hasOwn(trust, k) && !trust[k]!.revoked && trust[k]!.role === "operator");
  }
  return true;
});

/**
 * Whether an install only switches to a package the hub already holds (a rollback, `update --to`):
 * the same package (manifest, code, spec, test report) under an id that is not a failed install nor demoted by a revocation. Its trust was settled when it came in, so
 * trust_downgrade is moot, as the install's verify phase has it (src/hub/governance.ts); other code
 * under a held id is refused by the fold itself (hub-coherence.ts).
 */
function switchesToHeld(state: HubState, d: InstallData & { kind?: string }): boolean {
  const known = own(state.plugins, d.pluginId);
  // A version a revocation demoted is not switched back to through an install, by any key.
  return d.kind !== "install" && known !== undefined && known.status !== "failed" && known.revokedTrust === undefined && samePackage(known, d.package);
}

/** Whether an install's package carries a signature by a key the trust store has revoked. */
function signedByRevokedKey(d: InstallData, trust: KeysState["keys"]): boolean {
  const keyId = manifestSigner(d.package.manifest ?? {});
  return keyId !== null && Object.hasOwn(trust, keyId) && trust[keyId]!.revoked;
}

/** Whether an event would activate, or set the tier of, a plugin whose trust a revocation took away. */
function bringsBackRevoked(state: HubState, event: { type: string; data: unknown }): boolean {
  const target = event.type === "PluginActivated" || TIER_SETTING.has(event.type) ? (event.data as { pluginId: string }).pluginId
    : event.type === "InstallRolledBack" ? (event.data as { restored: string | null }).restored
    : null;
  return target !== null && own(state.plugins, target)?.revokedTrust !== undefined;
}

/** The role of the trusted key that signed an event (the gate let it through, so it is one). */
function signerRole(state: HubState, event: { sig?: { keyId: string } }): string | undefined {
  const trust = state.trust ?? {};
  return event.sig && Object.hasOwn(trust, event.sig.keyId) ? trust[event.sig.keyId]!.role : undefined;
}

/** Events only a revert writes (PluginActivated: when it names no transaction). */
const REVERT_ONLY = new Set(["PluginActivated", "PluginDeactivated", "PluginStatusRestored"]);

/** Events that set a plugin's tier (an install carries the tier of the id it reinstalls). */
const TIER_SETTING = new Set(["InstallStarted", "PluginTierAssigned", "InstallCommitted", "PluginStatusRestored"]);

interface InstallData {
  pluginId: string;
  capability: string;
  package: { manifest?: Record<string, unknown>; spec?: unknown; testReport?: unknown };
}

/**
 * Whether making an installed version active again lowers its capability's trust, by the install
 * rule below: the automatic rollback after an slo quarantine passes over such a version (an operator
 * may still activate it by name).
 */
export function lowersTrust(state: HubState, plugin: PluginRecord, keys: KeysState): boolean {
  return downgradesTrust(state, { pluginId: plugin.id, capability: plugin.capability, package: { manifest: plugin.manifest, spec: plugin.spec, testReport: plugin.testReport } }, keys);
}

/**
 * Whether an install lowers a capability's trust: some version of it (this id included) is signed by
 * a trusted publisher key, and this package is neither signed by one of those keys nor approved (its
 * id and checksum) by a trusted operator key. src/hub/preflight.ts refuses the same as trust_downgrade.
 */
function downgradesTrust(state: HubState, d: InstallData, keys: KeysState): boolean {
  const publishers = new Set<string>();
  for (const p of Object.values(state.plugins)) {
    const keyId = p.capability === d.capability ? signerOf(p) : null;
    if (keyId !== null && Object.hasOwn(keys.keys, keyId) && keys.keys[keyId]!.role === "publisher") publishers.add(keyId);
  }
  if (publishers.size === 0) return false;
  const manifest = d.package.manifest ?? {};
  const signature = verifyManifestSignature(manifest, keys, { contents: { spec: d.package.spec, testReport: d.package.testReport ?? null } });
  if (signature.ok && publishers.has(signature.keyId)) return false;
  const approvals = [...(own(state.pendingApprovals, d.pluginId) ?? []), ...(own(state.plugins, d.pluginId)?.approvals ?? [])];
  return !approvesPackage(approvals, { id: d.pluginId, manifest, spec: d.package.spec, testReport: d.package.testReport }, keys);
}
const TIER_RANK: Record<TrustTier, number> = { T0: 0, T1: 1, T2: 2, T3: 3 };

function lowerTier(a: TrustTier, b: TrustTier): TrustTier {
  return TIER_RANK[a] <= TIER_RANK[b] ? a : b;
}

/** The highest tier a plugin's own evidence supports against a trust store (src/hub/tiers.ts assigns it). */
function evidenceCeiling(p: PluginRecord, keys: KeysState): TrustTier {
  const signature = verifyManifestSignature(p.manifest, keys, { contents: { spec: p.spec, testReport: p.testReport } });
  if (signature.ok && signature.role === "publisher") return "T3";
  if (p.approvals.some((a) => verifyPluginApproval(p, a, keys).ok)) return "T2";
  return "T1";
}

/** The hub projection a process uses: `signedHub` when its policy requires signed events. */
export function hubProjection(options: { requireSignedEvents?: boolean }): Projection<HubState> {
  return options.requireSignedEvents ? signedHub : hub;
}

/** An event the hub does not fold: counted with those the signature gate ignores. */
function refused(state: HubState): HubState {
  state.ignored = (state.ignored ?? 0) + 1;
  return state;
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

/**
 * A revocation demotes what rested on the key: a plugin whose manifest it signed or that it approved
 * drops to T0 unless an approval by another key still stands (then T2 at most); an active one is
 * deactivated, and the newest earlier version still trusted becomes active again. An uninstalled
 * one is marked as well, so re-installing it later needs an operator's key too (signedHub). Pure, at
 * the revocation's position in the log.
 */
function demote(state: HubState, keyId: string, seq: number, stillTrusted: (keyId: string) => boolean): HubState {
  const revokedKeys = (state.revokedKeys ??= []);
  if (!revokedKeys.includes(keyId)) revokedKeys.push(keyId);
  const revoked = new Set(revokedKeys);
  const rests = (p: PluginRecord): boolean => signerOf(p) === keyId || p.approvals.some((a) => a.keyId === keyId);
  for (const p of Object.values(state.plugins)) {
    // An uninstalled version is marked too: re-installing it is how it would come back (attack round 3).
    if (!rests(p)) continue;
    const standing = p.approvals.some((a) => !revoked.has(a.keyId) && stillTrusted(a.keyId));
    p.tier = standing ? (p.tier === "T3" ? "T2" : p.tier) : "T0";
    p.changedSeq = seq;
    p.revokedTrust = keyId;
    const cap = own(state.capabilities, p.capability);
    if (!standing && cap?.active === p.id) {
      const back = [...cap.history].reverse().find((id) => {
        const q = own(state.plugins, id);
        return q !== undefined && q.id !== p.id && q.status === "inactive" && q.tier !== "T0" && !rests(q);
      });
      activate(state, p.capability, back ?? null, seq);
      p.status = "rolled_back";
    }
  }
  return state;
}

/** The key id of a plugin manifest's signature, if it has one. */
function signerOf(p: PluginRecord): string | null {
  return manifestSigner(p.manifest);
}

function manifestSigner(manifest: Record<string, unknown>): string | null {
  const sig = manifest["signature"] as { keyId?: unknown } | undefined;
  return typeof sig?.keyId === "string" ? sig.keyId : null;
}

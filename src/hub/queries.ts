/**
 * Questions the CLI, the REPL and the agents all ask of the read model, answered once: which plugin
 * serves a capability now, what waits for an operator, and what exactly an approval would approve.
 */
import { subjectFor } from "../events/index.ts";
import type { StoredEvent } from "../events/index.ts";
import type { HubState, PluginRecord, ReadModel } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import { checksumOf } from "./manifest.ts";

/** The active plugin of a capability, or undefined (a gap). */
export function activePlugin(hub: HubState, capability: string): PluginRecord | undefined {
  const id = Object.hasOwn(hub.capabilities, capability) ? hub.capabilities[capability]!.active : null;
  return id && Object.hasOwn(hub.plugins, id) ? hub.plugins[id] : undefined;
}

/** A plugin an operator may approve: held by policy before install (on its gap), or installed. */
export interface ApprovalCandidate {
  gapId: string | null;
  pluginId: string;
  capability: string;
  /** Held before install (on the gap), or an installed plugin whose tier an approval raises. */
  pending: boolean;
  checksum: string;
  code: string;
  reasons: string[];
  permissions: Record<string, unknown>;
  profile: string;
  testReport: Record<string, unknown> | null;
  activeId: string | null;
  activeCode: string | null;
  /**
   * Set for a package an install refused as a trust downgrade (not in the hub, so not held on a
   * gap): where that install read it from. An approval lets the same package install next time.
   */
  refusedFrom?: string;
}

/** Plugins held for an operator right now. */
export async function pendingApprovals(readModel: ReadModel): Promise<{ gapId: string; pluginId: string; capability: string }[]> {
  const gaps = await readModel.state("gaps");
  return Object.values(gaps.gaps)
    .filter((g) => g.status === "awaiting_approval" && g.pluginId)
    .map((g) => ({ gapId: g.gapId, pluginId: g.pluginId!, capability: g.capability }));
}

/**
 * What an approval of `id` means: a gap id, a held plugin id or a capability with a held plugin
 * (held first), or an installed plugin id or capability. `unknown_plugin` when it is none of them.
 */
export async function approvalCandidate(readModel: ReadModel, id: string): Promise<ApprovalCandidate> {
  const { hub, gaps } = (await readModel.current(["hub", "gaps"])).states;
  const held = Object.values(gaps.gaps).find((g) => g.status === "awaiting_approval" && (g.gapId === id || g.pluginId === id || g.capability === id));
  if (held) {
    let draft: StoredEvent<"PluginDrafted">["data"] | undefined;
    let tested: StoredEvent<"PluginTested">["data"] | undefined;
    let asked: StoredEvent<"ApprovalRequested">["data"] | undefined;
    for await (const any of readModel.log.read(subjectFor("gap", held.capability))) {
      const e = any as StoredEvent;
      if (e.type === "PluginDrafted" && e.data.draftId === held.draftId) draft = e.data;
      if (e.type === "PluginTested" && e.data.gapId === held.gapId) tested = e.data;
      if (e.type === "ApprovalRequested" && e.data.gapId === held.gapId) asked = e.data;
    }
    if (!draft) throw new HubError("unknown_plugin", `the draft of ${held.pluginId} is not in the log`, { nextStep: "Check capsmith events for the gap's history." });
    const active = activePlugin(hub, held.capability);
    return {
      gapId: held.gapId, pluginId: held.pluginId!, capability: held.capability, pending: true,
      checksum: checksumOf(draft.code), code: draft.code,
      reasons: asked?.reasons ?? [],
      permissions: (asked?.permissions as Record<string, unknown> | undefined) ?? {},
      profile: asked?.profile ?? "node",
      testReport: tested ? (tested.report as Record<string, unknown>) : null,
      activeId: active?.id ?? null, activeCode: active?.code ?? null,
    };
  }
  const plugin = (Object.hasOwn(hub.plugins, id) ? hub.plugins[id] : undefined) ?? activePlugin(hub, id);
  if (!plugin) {
    const refused = await refusedDowngrade(readModel, hub, id);
    if (refused) return refused;
  }
  if (!plugin || plugin.status === "uninstalled") {
    throw new HubError("unknown_plugin", `nothing named ${id} waits for approval, and no installed plugin has that id`, {
      nextStep: "See what waits with capsmith plugin list (or /plugins); ids look like total_cost@1.0.0.",
    });
  }
  const active = activePlugin(hub, plugin.capability);
  const other = active && active.id !== plugin.id ? active : undefined;
  return {
    gapId: null, pluginId: plugin.id, capability: plugin.capability, pending: false,
    checksum: String(plugin.manifest["checksum"]), code: plugin.code, reasons: [`raise ${plugin.id} from ${plugin.tier} to T2`],
    permissions: (plugin.manifest["permissions"] as Record<string, unknown> | undefined) ?? {}, profile: plugin.profile,
    testReport: plugin.testReport, activeId: other?.id ?? null, activeCode: other?.code ?? null,
  };
}

/**
 * The newest install of `pluginId` that the verify phase refused as a `trust_downgrade`, as an
 * approval candidate: the refusal's next step is to approve that exact package (its id and the
 * checksum its manifest states, which preflight checks the approval against) and install it again.
 * The refused package never entered the hub, so it is read from the install's own events.
 */
async function refusedDowngrade(readModel: ReadModel, hub: HubState, pluginId: string): Promise<ApprovalCandidate | undefined> {
  const capability = pluginId.includes("@") ? pluginId.slice(0, pluginId.indexOf("@")) : "";
  if (!capability) return undefined;
  const started = new Map<string, StoredEvent<"InstallStarted">["data"]>();
  let refused: StoredEvent<"InstallStarted">["data"] | undefined;
  for await (const any of readModel.log.read(subjectFor("plugin", capability))) {
    const e = any as StoredEvent;
    if (e.type === "InstallStarted" && e.data.pluginId === pluginId) started.set(e.data.txId, e.data);
    if (e.type === "InstallRolledBack" && e.data.pluginId === pluginId && isTrustDowngrade(e.data)) refused = started.get(e.data.txId) ?? refused;
  }
  if (!refused) return undefined;
  const pkg = refused.package as { manifest?: Record<string, unknown>; code?: unknown; spec?: unknown; testReport?: unknown };
  const manifest = pkg.manifest ?? {};
  return {
    gapId: null, pluginId, capability, pending: false,
    checksum: String(manifest["checksum"]), code: typeof pkg.code === "string" ? pkg.code : "",
    reasons: [`accept ${pluginId} although earlier versions of ${capability} are signed by a publisher and it is not (trust_downgrade)`],
    permissions: (manifest["permissions"] as Record<string, unknown> | undefined) ?? {},
    profile: typeof manifest["profile"] === "string" ? manifest["profile"] : "node",
    testReport: (pkg.testReport as Record<string, unknown> | undefined) ?? null,
    activeId: activePlugin(hub, capability)?.id ?? null, activeCode: activePlugin(hub, capability)?.code ?? null,
    refusedFrom: refused.source,
  };
}

/** The verify phase lists each blocking finding as `code at field: message`, joined by "; ". */
function isTrustDowngrade(rolledBack: StoredEvent<"InstallRolledBack">["data"]): boolean {
  return rolledBack.phase === "verify" && rolledBack.code === "preflight_failed" && rolledBack.message.split("; ").some((p) => p.startsWith("trust_downgrade at "));
}

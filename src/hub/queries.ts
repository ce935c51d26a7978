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

/** What a rejection decides on: the plugin, and whether it is held on its gap (not installed). */
export interface RejectionTarget {
  pluginId: string;
  pending: boolean;
}

/**
 * What an operator's rejection of `id` means, for `capsmith plugin reject` and the REPL's `/reject`
 * alike: what `approvalCandidate` finds (a held plugin, whose rejection closes its gap, or an
 * installed one), or else a package approved ahead of its install (`plugin approve --package`) and
 * not installed yet, whose approvals the rejection withdraws (the hub drops them), so an approval
 * given by mistake can be taken back. `unknown_plugin` when it is none of these.
 */
export async function rejectionTarget(readModel: ReadModel, id: string): Promise<RejectionTarget> {
  try {
    return await approvalCandidate(readModel, id);
  } catch (err) {
    const hub = await readModel.state("hub");
    if (err instanceof HubError && err.code === "unknown_plugin" && !Object.hasOwn(hub.plugins, id) && Object.hasOwn(hub.pendingApprovals, id)) return { pluginId: id, pending: false };
    throw err;
  }
}

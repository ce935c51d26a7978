/** The hub, read: plugins with the active version of each capability, and one plugin whole. */
import { z } from "zod";
import { describeTransaction, own } from "../../../projections/index.ts";
import type { HubState, PluginRecord } from "../../../projections/index.ts";
import { ServeError } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { looseObject, pluginId, pluginSummary } from "../schemas.ts";

export function summarize(hub: HubState, p: PluginRecord): z.infer<typeof pluginSummary> {
  return {
    id: p.id, capability: p.capability, version: p.version, status: p.status, tier: p.tier, profile: p.profile,
    active: own(hub.capabilities, p.capability)?.active === p.id,
    description: typeof p.spec["description"] === "string" ? p.spec["description"] : "",
    installedSeq: p.installedSeq, changedSeq: p.changedSeq, usage: p.usage,
  };
}

/** `capability@version`, or a capability meaning its active plugin. */
export function findPlugin(hub: HubState, id: string): PluginRecord {
  const pluginKey = id.includes("@") ? id : Object.hasOwn(hub.capabilities, id) ? hub.capabilities[id]!.active : null;
  const plugin = pluginKey && Object.hasOwn(hub.plugins, pluginKey) ? hub.plugins[pluginKey] : undefined;
  if (!plugin) throw new ServeError("not_found", `no plugin "${id}" in the hub`, { nextStep: "GET /v1/plugins lists the ids." });
  return plugin;
}

export const listPlugins = defineRoute({
  method: "GET",
  path: "/v1/plugins",
  operationId: "listPlugins",
  summary: "List plugins",
  description: "Plugins in the hub (without uninstalled and failed ones unless all=true), each capability's active version, and installs in progress.",
  tag: "plugins",
  permission: "read",
  query: z.object({ all: z.enum(["true", "false"]).optional() }),
  response: z.object({
    ok: z.literal(true),
    seq: z.number(),
    capabilities: z.record(z.string(), z.object({ active: z.string().nullable(), versions: z.array(z.string()), history: z.array(z.string()) })),
    plugins: z.array(pluginSummary),
    inProgress: z.array(z.string()),
  }),
  async handle({ query, app }) {
    const view = await app.capsmith.readModel.current(["hub", "installs"]);
    const { hub, installs } = view.states;
    const plugins = Object.values(hub.plugins)
      .filter((p) => query.all === "true" || (p.status !== "uninstalled" && p.status !== "failed"))
      .map((p) => summarize(hub, p));
    const inProgress = Object.values(installs.transactions).filter((t) => t.outcome === "in_progress").map(describeTransaction);
    return { body: { ok: true, seq: view.seq, capabilities: hub.capabilities, plugins, inProgress } };
  },
});

export const showPlugin = defineRoute({
  method: "GET",
  path: "/v1/plugins/{id}",
  operationId: "showPlugin",
  summary: "Show a plugin",
  description: "One plugin (by id, or a capability for its active plugin): manifest, spec, status, tier, code, the capability's versions and the plugin's install history with phases and rollbacks.",
  tag: "plugins",
  permission: "read",
  params: z.object({ id: pluginId }),
  response: z.object({
    ok: z.literal(true),
    plugin: looseObject("Plugin", "the hub's record of the plugin"),
    versions: z.array(pluginSummary),
    history: z.array(looseObject("InstallTransaction", "an install, update or rollback with its phases")),
  }),
  statuses: { 404: "no such plugin" },
  async handle({ params, app }) {
    const { hub, installs } = (await app.capsmith.readModel.current(["hub", "installs"])).states;
    const plugin = findPlugin(hub, params.id);
    const versions = (own(hub.capabilities, plugin.capability)?.versions ?? []).flatMap((id) => (Object.hasOwn(hub.plugins, id) ? [summarize(hub, hub.plugins[id]!)] : []));
    const history = Object.values(installs.transactions)
      .filter((t) => t.capability === plugin.capability)
      .sort((a, b) => a.startedSeq - b.startedSeq)
      .map((t) => ({ ...t, summary: describeTransaction(t) }));
    return { body: { ok: true, plugin, versions, history } };
  },
});

import type { Command } from "commander";
import { createProjector, describeTransaction, hub, installs } from "../../../projections/index.ts";
import type { HubState, InstallsState } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withLog } from "../log-access.ts";
import type { CommandContext } from "../command-kit.ts";

async function readHub(ctx: CommandContext): Promise<{ hub: HubState; installs: InstallsState }> {
  return withLog(ctx, { readOnly: true }, async (log) => {
    const view = await createProjector({ log, projections: [hub, installs] }).catchUp();
    return { hub: view.states["hub"] as HubState, installs: view.states["installs"] as InstallsState };
  });
}

export function registerPluginList(plugin: Command): void {
  plugin
    .command("list")
    .description("plugins in the hub, with the active version of each capability")
    .option("--all", "include uninstalled and failed versions")
    .action(
      action(async (ctx, opts: { all?: boolean }) => {
        const { hub: state, installs: tx } = await readHub(ctx);
        const plugins = Object.values(state.plugins)
          .filter((p) => opts.all || (p.status !== "uninstalled" && p.status !== "failed"))
          .map(({ code: _code, spec: _spec, manifest: _manifest, testReport: _report, ...rest }) => rest);
        const inFlight = Object.values(tx.transactions).filter((t) => t.outcome === "in_progress").map(describeTransaction);
        const lines = plugins.map((p) => `${p.id.padEnd(32)} ${p.status.padEnd(12)} ${p.tier}  ${p.profile}${state.capabilities[p.capability]?.active === p.id ? "  ◀ active" : ""}`);
        const text = [plugins.length ? lines.join("\n") : "no plugins installed", ...inFlight.map((d) => `in progress: ${d}`)].join("\n");
        return { json: { ok: true, capabilities: state.capabilities, plugins, inProgress: inFlight }, text };
      }),
    );

  plugin
    .command("show")
    .description("one plugin: manifest, status, tier, code and its install history")
    .argument("<id>", "plugin id (capability@version) or capability (its active plugin)")
    .action(
      action(async (ctx, id: string) => {
        const { hub: state, installs: tx } = await readHub(ctx);
        const pluginId = id.includes("@") ? id : state.capabilities[id]?.active;
        const plugin = pluginId ? state.plugins[pluginId] : undefined;
        if (!plugin) throw new UsageError("invalid_input", `no plugin "${id}" in the hub`, { nextStep: "Run capsmith plugin list for the ids." });
        const history = Object.values(tx.transactions).filter((t) => t.pluginId === plugin.id).map((t) => ({ ...t, summary: describeTransaction(t) }));
        const text = [
          `${plugin.id}  ${plugin.status}  ${plugin.tier}  profile ${plugin.profile}`,
          `manifest: ${JSON.stringify(plugin.manifest, null, 2)}`,
          `usage: ${plugin.usage.calls} calls, ${plugin.usage.failures} failures`,
          ...history.map((h) => `history: ${h.summary}`),
          "code:",
          plugin.code,
        ].join("\n");
        return { json: { ok: true, plugin, history }, text };
      }),
    );
}

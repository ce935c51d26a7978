import type { Command } from "commander";
import { registerPluginApprove } from "./plugin-approve.ts";
import { registerPluginInstall } from "./plugin-install.ts";
import { registerPluginLifecycle } from "./plugin-lifecycle.ts";
import { registerPluginList } from "./plugin-list.ts";
import { registerPluginPack } from "./plugin-pack.ts";
import { registerPluginPreflight } from "./plugin-preflight.ts";

/** `capsmith plugin ...`: one module per subcommand, each registering itself on the group. */
export function registerPlugin(program: Command): void {
  const plugin = program.command("plugin").description("plugin packages and the hub: pack, preflight, install, update, rollback");
  registerPluginPack(plugin);
  registerPluginPreflight(plugin);
  registerPluginInstall(plugin);
  registerPluginLifecycle(plugin);
  registerPluginList(plugin);
  registerPluginApprove(plugin);
}

import type { Command } from "commander";
import { PLUGIN_SUMMARIES, SUMMARIES } from "./summaries.ts";

type Register = (plugin: Command) => void;
type Subcommand = keyof typeof PLUGIN_SUMMARIES;

// One module per subcommand (some define two); only the one being run is loaded, so `plugin list`
// does not pay for the sandbox, the spec validator or the synthesizer's scaffolding.
const MODULES: Record<string, () => Promise<Register>> = {
  "plugin-new": async () => (await import("./plugin-new.ts")).registerPluginNew,
  "plugin-test": async () => (await import("./plugin-test.ts")).registerPluginTest,
  "plugin-pack": async () => (await import("./plugin-pack.ts")).registerPluginPack,
  "plugin-preflight": async () => (await import("./plugin-preflight.ts")).registerPluginPreflight,
  "plugin-install": async () => (await import("./plugin-install.ts")).registerPluginInstall,
  "plugin-lifecycle": async () => (await import("./plugin-lifecycle.ts")).registerPluginLifecycle,
  "plugin-list": async () => (await import("./plugin-list.ts")).registerPluginList,
  "plugin-approve": async () => (await import("./plugin-approve.ts")).registerPluginApprove,
  "plugin-promote": async () => (await import("./plugin-promote.ts")).registerPluginPromote,
  "plugin-harness": async () => (await import("./plugin-harness.ts")).registerPluginHarness,
};

const MODULE_OF: Record<Subcommand, string> = {
  new: "plugin-new", test: "plugin-test", pack: "plugin-pack", preflight: "plugin-preflight", install: "plugin-install",
  update: "plugin-lifecycle", rollback: "plugin-lifecycle", uninstall: "plugin-lifecycle",
  list: "plugin-list", show: "plugin-list", approve: "plugin-approve", reject: "plugin-approve", promote: "plugin-promote",
  harness: "plugin-harness",
};

/**
 * `capsmith plugin ...`: registers the group with the module defining `sub` loaded (every module
 * when `sub` names none of them, for help and for a usage error that lists them all); the other
 * subcommands get their line in the listing only.
 */
export async function loadPlugin(sub: string | undefined): Promise<Register> {
  const wanted = sub !== undefined && Object.hasOwn(MODULE_OF, sub) ? MODULE_OF[sub as Subcommand] : undefined;
  const names = wanted ? [wanted] : Object.keys(MODULES);
  const registers = await Promise.all(names.map((n) => MODULES[n]!()));
  return (program) => {
    const plugin = program.command("plugin").description(SUMMARIES.plugin);
    if (!wanted) {
      for (const register of registers) register(plugin);
      return;
    }
    for (const name of Object.keys(PLUGIN_SUMMARIES) as Subcommand[]) {
      if (MODULE_OF[name] === wanted) {
        if (!plugin.commands.some((c) => c.name() === name)) registers[0]!(plugin);
      } else plugin.command(name).description(PLUGIN_SUMMARIES[name]);
    }
  };
}

import type { Command } from "commander";
import { promoteDraft } from "../../agents/promote-draft.ts";
import { guardDependents } from "../../hub/index.ts";
import { action } from "../command-kit.ts";
import { withHub } from "../capsmith-access.ts";
import { VERSION } from "../version.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";
import { describeForced } from "./plugin-install.ts";

/** `capsmith plugin promote DRAFT`: a dry-run draft through governance (approvals, dependents, the install transaction). */
export function registerPluginPromote(plugin: Command): void {
  plugin
    .command("promote")
    .description(PLUGIN_SUMMARIES.promote)
    .argument("<draft>", "draft id or gap id (capsmith plugin show CAPABILITY lists the drafts)")
    .option("--policy <file>", "policy file")
    .option("--force", "install it even if it breaks a dependent's range (the dependents go to T0)")
    .action(
      action(async (ctx, draft: string, opts: { policy?: string; force?: boolean }) => {
        const outcome = await withHub(ctx, opts.policy, (hub, capsmith) =>
          promoteDraft({ readModel: capsmith.readModel, hub, policy: capsmith.runtime.policy, hostVersion: VERSION }, draft, (pkg, source) =>
            guardDependents(hub, { capability: pkg.manifest.capability, version: pkg.manifest.version }, opts.force === true, () => hub.install(pkg, { source, txId: `tx-${source}` })),
          ),
        );
        return { json: { ...outcome }, text: describeForced(outcome) };
      }),
    );
}

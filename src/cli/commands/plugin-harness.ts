import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { COMPAT_MATRIX_FORMAT } from "../../app/compat-matrix-format.ts";
import { harnessMarkdown, packageOf, runPluginHarness } from "../../app/index.ts";
import type { HarnessReport } from "../../app/index.ts";
import { HubError } from "../../hub/index.ts";
import { action } from "../command-kit.ts";
import { withReader } from "../capsmith-access.ts";
import { requireDataDirForMatrix } from "../data-dir.ts";

export function registerPluginHarness(plugin: Command): void {
  plugin
    .command("harness")
    .description("install → configure → execute → update → rollback → uninstall every plugin (or ID) in a scratch hub, with a failure injected at every install phase; writes the compatibility matrix")
    .argument("[id]", "a plugin id (name@version) or a capability (all its installed versions); default: every plugin in the hub")
    .option("--out <dir>", "where compat-matrix.json and compat-matrix.md go (default: <data>/harness)")
    .option("--keep", "keep the scratch data directories (their paths are in the report)", false)
    .option("--policy <file>", "policy file (default: <data>/policy.json, else the default policy)")
    .action(
      action(async (ctx, id: string | undefined, opts: { out?: string; keep: boolean; policy?: string }) => {
        // The matrix goes to <data>/harness by default: a data directory that is not there is not made for it.
        if (opts.out === undefined) await requireDataDirForMatrix(ctx.config);
        // The user's hub is only read: every install below happens in a scratch data directory.
        const { packages, policy } = await withReader(ctx, async ({ readModel, policy }) => {
          const hub = await readModel.state("hub");
          const chosen = Object.values(hub.plugins)
            .filter((p) => p.status !== "uninstalled" && p.status !== "failed")
            .filter((p) => !id || p.id === id || p.capability === id)
            .sort((a, b) => (a.id < b.id ? -1 : 1));
          return { packages: chosen.map(packageOf), policy };
        }, { policyFile: opts.policy });
        if (id && packages.length === 0) {
          throw new HubError("unknown_plugin", `${id} is neither an installed plugin nor a capability with one`, { nextStep: "Run capsmith plugin list." });
        }
        const scratchDir = await mkdtemp(join(tmpdir(), "capsmith-harness-"));
        let report: HarnessReport;
        try {
          report = await runPluginHarness({ config: ctx.config, policy, logger: ctx.logger, packages, scratchDir, keep: opts.keep });
        } finally {
          if (!opts.keep) await rm(scratchDir, { recursive: true, force: true });
        }
        const out = resolve(opts.out ?? join(ctx.config.dataDir, "harness"));
        await mkdir(out, { recursive: true });
        const files = { json: join(out, "compat-matrix.json"), markdown: join(out, "compat-matrix.md") };
        await writeFile(files.json, JSON.stringify({ format: COMPAT_MATRIX_FORMAT, ...report }, null, 2) + "\n");
        await writeFile(files.markdown, harnessMarkdown(report));
        const text = [
          packages.length === 0 ? "no plugins in the hub: nothing to run (the matrix is empty)" : `${report.plugins.filter((p) => p.ok).length} of ${report.plugins.length} plugin(s) passed every step`,
          ...report.plugins.flatMap((p) => [`  ${p.ok ? "ok  " : "FAIL"} ${p.pluginId}`, ...p.checks.filter((c) => !c.ok).map((c) => `         ${c.step}: ${c.detail}`)]),
          `matrix: ${report.matrix.length} cells (plugin version × host version × API version)`,
          `wrote ${files.json} and ${files.markdown}`,
          ...(opts.keep ? [`scratch data directories kept under ${scratchDir}`] : []),
        ].join("\n");
        return { json: { ...report, files, ...(opts.keep ? { scratchDir } : {}) }, text, exitCode: report.ok ? 0 : 1 };
      }),
    );
}

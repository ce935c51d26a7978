/**
 * `capsmith plugin test DIR`: runs a plugin directory's golden cases (its spec's examples and tests)
 * in the sandbox, as the tester agent and the install health check do, and says which fail and how.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import semver from "semver";
import { HubError, activePlugin, checkLoadId, packPlugin, readPluginDir, runGoldenCases } from "../../hub/index.ts";
import type { GoldenReport, PluginPackage } from "../../hub/index.ts";
import type { HubState } from "../../../projections/index.ts";
import { SandboxError, createPluginHost } from "../../sandbox/index.ts";
import { action, errorFields } from "../command-kit.ts";
import type { CommandContext, CommandResult } from "../command-kit.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { requireNamedDataDir } from "../data-dir.ts";
import { asUsageError } from "../errors.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

/**
 * The golden cases in a sandbox of their own, or — for a plugin that declares dependencies — in the
 * sandbox of the `--data` hub, whose `host.invoke` resolves them as the install's health check does
 * (each must be active there within its declared range first, as the install's dependency-prepare
 * phase requires).
 */
async function runCases(ctx: CommandContext, pkg: PluginPackage): Promise<GoldenReport> {
  const loadId = checkLoadId("tester", pkg.manifest.id);
  if (Object.keys(pkg.manifest.dependencies).length > 0) {
    // It only reads the hub: a named data directory that is not there is a typo, not an empty hub to make.
    await requireNamedDataDir(ctx.config);
    return withCapsmith(ctx, {}, async ({ readModel, runtime }) => {
      requireDependencies(pkg, await readModel.state("hub"), ctx.config.dataDir);
      return runGoldenCases(runtime.sandbox, pkg, loadId, { checkDeterminism: true });
    });
  }
  const host = createPluginHost({ workers: 1 });
  try {
    return await runGoldenCases(host, pkg, loadId, { checkDeterminism: true });
  } finally {
    await host.close();
  }
}

/** Each declared dependency active in the hub within its range, or `dependency_unresolved` naming the first that is not. */
function requireDependencies(pkg: PluginPackage, hub: HubState, dataDir: string): void {
  for (const [dep, range] of Object.entries(pkg.manifest.dependencies)) {
    const active = activePlugin(hub, dep);
    if (active && semver.satisfies(active.version, range)) continue;
    const now = active ? `the active one is ${active.id}, outside that range` : "none of its versions is active";
    throw new HubError("dependency_unresolved", `${pkg.manifest.id} calls ${dep} ${range}; in the hub at ${dataDir} ${now}`, {
      nextStep: `Install a version of ${dep} within ${range} into this data directory first (capsmith plugin install FILE, or capsmith synthesize --spec SPEC.json --publish), or point --data at the hub that has it; then test again.`,
    });
  }
}

/**
 * The cases did not run: a declared dependency is not active in the hub, or the plugin does not load
 * in the sandbox (the scan refused it, it is no module, its worker died). One result for both: the
 * plugin and the error, printed as every CLI error is.
 */
function notRun(pkg: PluginPackage, err: HubError | SandboxError): CommandResult {
  return { json: { ok: false, plugin: pkg.manifest.id, error: err.toJSON() }, failure: { error: errorFields(err) }, exitCode: 1 };
}

export function registerPluginTest(plugin: Command): void {
  plugin
    .command("test")
    .description(PLUGIN_SUMMARIES.test)
    .argument("<dir>", "the plugin directory (manifest.json, plugin.js, spec.json)")
    .option("--write-report", "write test-report.json into the directory when every case passes (plugin pack includes it)")
    .action(
      action(async (ctx, dir: string, opts: { writeReport?: boolean }) => {
        let pkg;
        try {
          pkg = packPlugin(await readPluginDir(dir));
        } catch (err) {
          if (err instanceof HubError && err.code === "invalid_package") throw asUsageError(err);
          throw err;
        }
        let report;
        try {
          report = await runCases(ctx, pkg);
        } catch (err) {
          if ((err instanceof HubError && err.code === "dependency_unresolved") || err instanceof SandboxError) return notRun(pkg, err);
          throw err;
        }
        const ok = report.failed === 0 && report.deterministic !== false;
        if (ok && opts.writeReport) {
          const file = { id: `${pkg.manifest.id}-authored`, passed: report.passed, failed: 0, cases: report.cases.map((c) => ({ name: c.name, ok: c.ok, latencyMs: c.latencyMs })) };
          await writeFile(join(dir, "test-report.json"), JSON.stringify(file, null, 2) + "\n");
        }
        const lines = report.cases.map((c) => `${c.ok ? "✓" : "✗"} ${c.name}${c.ok ? "" : `: [${c.code}] ${c.error}`}`);
        const summary = `${pkg.manifest.id}: ${report.passed}/${report.passed + report.failed} golden case(s) passed${report.deterministic === false ? "; NOT deterministic" : ""}`;
        return { json: { ok, plugin: pkg.manifest.id, passed: report.passed, failed: report.failed, deterministic: report.deterministic, cases: report.cases }, text: [summary, ...lines].join("\n"), exitCode: ok ? 0 : 1 };
      }),
    );
}

/**
 * `capsmith plugin test DIR`: runs a plugin directory's golden cases (its spec's examples and tests)
 * in the sandbox, as the tester agent and the install health check do, and says which fail and how.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { HubError, packPlugin, readPluginDir, runGoldenCases } from "../../hub/index.ts";
import { createPluginHost } from "../../sandbox/index.ts";
import { action } from "../command-kit.ts";
import { asUsageError } from "../errors.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

export function registerPluginTest(plugin: Command): void {
  plugin
    .command("test")
    .description(PLUGIN_SUMMARIES.test)
    .argument("<dir>", "the plugin directory (manifest.json, plugin.js, spec.json)")
    .option("--write-report", "write test-report.json into the directory when every case passes (plugin pack includes it)")
    .action(
      action(async (_ctx, dir: string, opts: { writeReport?: boolean }) => {
        let pkg;
        try {
          pkg = packPlugin(await readPluginDir(dir));
        } catch (err) {
          if (err instanceof HubError && err.code === "invalid_package") throw asUsageError(err);
          throw err;
        }
        const host = createPluginHost({ workers: 1 });
        let report;
        try {
          report = await runGoldenCases(host, pkg, `test:${pkg.manifest.id}`, { checkDeterminism: true });
        } catch (err) {
          const e = err as { code?: string; message: string; nextStep?: string };
          return {
            json: { ok: false, plugin: pkg.manifest.id, error: { code: e.code ?? "load_failed", message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}) } },
            text: `${pkg.manifest.id} does not load in the sandbox: [${e.code ?? "load_failed"}] ${e.message}${e.nextStep ? `\nnext step: ${e.nextStep}` : ""}`,
            exitCode: 1,
          };
        } finally {
          await host.close();
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

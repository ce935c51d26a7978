import type { Command } from "commander";
import { preflight } from "../../hub/index.ts";
import type { PreflightReport } from "../../hub/index.ts";
import { action, readJsonFile } from "../command-kit.ts";
import { withReader } from "../capsmith-access.ts";
import { VERSION } from "../version.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

export function registerPluginPreflight(plugin: Command): void {
  plugin
    .command("preflight")
    .description(PLUGIN_SUMMARIES.preflight)
    .argument("<file>", "the package file")
    .option("--policy <file>", "policy file (default: <data>/policy.json, else the default policy)")
    .option("--trusted-only", "refuse packages not signed by a trusted publisher", false)
    .action(
      action(async (ctx, file: string, opts: { policy?: string; trustedOnly: boolean }) => {
        const pkg = await readJsonFile(file, "plugin package");
        const { policy, snapshot } = await withReader(ctx, async ({ readModel, policy }) => {
          const view = await readModel.current(["hub", "keys"]);
          return { policy, snapshot: { seq: view.seq, ...view.states } };
        }, { policyFile: opts.policy });
        const report = preflight(pkg, { hub: snapshot.hub, keys: snapshot.keys, hostVersion: VERSION, policy, trustedOnly: opts.trustedOnly });
        const { package: checked, ...rest } = report;
        const json = { ...rest, file, id: checked?.manifest.id ?? null, hostVersion: VERSION, asOfSeq: snapshot.seq };
        return { json, text: render(file, report), exitCode: report.ok ? 0 : 1 };
      }),
    );
}

function render(file: string, report: PreflightReport): string {
  const id = report.package?.manifest.id ?? file;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const lines = [report.ok ? `preflight passed: ${id}` : `preflight failed: ${id} (${errors} error${errors === 1 ? "" : "s"})`];
  const ordered = [...report.findings.filter((f) => f.severity === "error"), ...report.findings.filter((f) => f.severity === "warning")];
  for (const f of ordered) lines.push(`  ${f.severity === "error" ? "error  " : "warning"} [${f.code}] ${f.field}: ${f.message}`, `          next step: ${f.nextStep}`);
  if (report.tier) lines.push(`  tier as it stands: ${report.tier.tier} (${report.tier.reasons.join("; ")})`);
  if (report.elevated.length) lines.push(`  elevated permissions: ${report.elevated.join(", ")}`);
  return lines.join("\n");
}

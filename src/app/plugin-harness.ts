/**
 * The golden harness as a command: every plugin (or one) goes through install → configure → execute
 * → update → rollback → uninstall against real installs in a scratch data directory of its own —
 * the real hub transaction, the real sandbox, the policy in force — with a failure injected at every
 * install phase, and the compatibility matrix (plugin version × host version × API version) from
 * preflight. The user's hub is only read: nothing is installed there.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import semver from "semver";
import type { CapsmithConfig } from "../config/index.ts";
import { API_VERSIONS, canRun, checksumOf, createGovernedHub, DEFAULT_POLICY, pluginPackageSchema, preflight, recordedPackage } from "../hub/index.ts";
import type { Policy, PluginPackage } from "../hub/index.ts";
import { INSTALL_PHASES } from "../../projections/index.ts";
import type { PluginRecord } from "../../projections/index.ts";
import { uuidIds } from "../platform/index.ts";
import { jsonEqual } from "../spec/json-equal.ts";
import { openCapsmith } from "./open-capsmith.ts";

export const HARNESS_STEPS = ["install", "configure", "execute", "update", "rollback", "uninstall"] as const;
export type HarnessStep = (typeof HARNESS_STEPS)[number];

export interface HarnessCheck {
  step: HarnessStep | `fault:${string}`;
  ok: boolean;
  detail: string;
}

export interface MatrixCell {
  plugin: string;
  version: string;
  host: string;
  api: string;
  compatible: boolean;
  errors: string[];
}

export interface PluginHarnessResult {
  pluginId: string;
  ok: boolean;
  checks: HarnessCheck[];
}

export interface HarnessReport {
  ok: boolean;
  hostVersion: string;
  plugins: PluginHarnessResult[];
  matrix: MatrixCell[];
}

/** A package from a hub record (the record holds what its install carried). */
export function packageOf(plugin: PluginRecord): PluginPackage {
  return pluginPackageSchema.parse(recordedPackage(plugin));
}

/** The same plugin as another version (its code and checksum unchanged). */
function asVersion(pkg: PluginPackage, version: string, overrides: Partial<PluginPackage["manifest"]> = {}): PluginPackage {
  const { signature: _unsigned, ...manifest } = pkg.manifest;
  return { ...pkg, manifest: { ...manifest, id: `${pkg.manifest.capability}@${version}`, version, checksum: checksumOf(pkg.code), ...overrides } };
}

/** Examples and golden tests of the plugin's spec: what `execute` runs through the invoker. */
function cases(pkg: PluginPackage): { name: string; input: unknown; output: unknown }[] {
  const spec = pkg.spec as { examples?: { input: unknown; output: unknown }[]; tests?: { name?: string; input: unknown; output: unknown }[] };
  return [
    ...(spec.examples ?? []).map((e, i) => ({ name: `example_${i + 1}`, input: e.input, output: e.output })),
    ...(spec.tests ?? []).map((t, i) => ({ name: t.name ?? `test_${i + 1}`, input: t.input, output: t.output })),
  ];
}

export interface HarnessOptions {
  /** The user's configuration: its policy and host version are used; its data directory is not written. */
  config: CapsmithConfig;
  policy: Policy;
  logger: Logger;
  packages: PluginPackage[];
  /** Where scratch data directories go (each removed afterwards unless `keep`). */
  scratchDir: string;
  keep?: boolean;
}

export async function runPluginHarness(options: HarnessOptions): Promise<HarnessReport> {
  const { config } = options;
  await mkdir(options.scratchDir, { recursive: true });
  // The scratch hub counts unsigned events: it has none of the user's trusted keys.
  const policy: Policy = { ...options.policy, requireSignedEvents: false };
  const plugins: PluginHarnessResult[] = [];
  for (const original of options.packages) plugins.push(await harnessOne(original));
  const matrix = compatibilityMatrix(options.packages, config.hostVersion, policy);
  return { ok: plugins.every((p) => p.ok), hostVersion: config.hostVersion, plugins, matrix };

  async function harnessOne(given: PluginPackage): Promise<PluginHarnessResult> {
    // Unsigned in the scratch hub: a signature names a key only the user's hub trusts.
    const pkg = asVersion(given, given.manifest.version);
    const { id, capability } = pkg.manifest;
    const checks: HarnessCheck[] = [];
    const check = (step: HarnessCheck["step"], ok: boolean, detail: string): boolean => {
      checks.push({ step, ok, detail });
      return ok;
    };
    const dir = await mkdtemp(join(options.scratchDir, `${capability}-`));
    const capsmith = await openCapsmith({ ...config, dataDir: dir, nats: undefined, namespace: undefined, fault: undefined, policyFile: undefined } as CapsmithConfig, { access: "write", logger: options.logger, policy, roles: [] });
    try {
      const { hub, invoker } = capsmith.runtime;
      const activeId = async (): Promise<string | null> => (await hub.state()).capabilities[capability]?.active ?? null;
      const execute = async (): Promise<{ ok: boolean; detail: string }> => {
        const plugin = invoker.resolve(await hub.state(), capability);
        if (!plugin) return { ok: false, detail: "no active plugin" };
        const all = cases(pkg);
        const failed: string[] = [];
        for (const c of all) {
          const result = await invoker.invoke(plugin, c.input);
          if (!result.ok) failed.push(`${c.name}: [${result.error?.code}] ${result.error?.message ?? ""}`);
          else if (!jsonEqual(result.output, c.output)) failed.push(`${c.name}: wrong output`);
        }
        return { ok: failed.length === 0, detail: failed.length === 0 ? `${all.length} case(s) passed through ${plugin.id}` : failed.join("; ") };
      };

      const installed = await hub.install(pkg, { source: "harness" });
      if (!check("install", installed.ok, installed.ok ? `${id} at ${installed.tier}` : `${installed.failure?.phase}: [${installed.failure?.code}] ${installed.failure?.message}`)) return { pluginId: id, ok: false, checks };

      const tier = (await hub.state()).plugins[id]!.tier;
      const runs = canRun(policy, tier, pkg.manifest.profile);
      check("configure", runs.allowed, runs.allowed ? `policy lets ${pkg.manifest.profile} plugins at ${tier} run` : runs.reasons.join("; "));
      const executed = await execute();
      check("execute", executed.ok, executed.detail);

      const next = semver.inc(pkg.manifest.version, "patch")!;
      const updated = await hub.install(asVersion(pkg, next), { source: "harness" });
      check("update", updated.ok && (await activeId()) === `${capability}@${next}`, updated.ok ? `${capability}@${next} active` : `${updated.failure?.phase}: [${updated.failure?.code}] ${updated.failure?.message}`);

      const back = await hub.switchTo(capability, { kind: "rollback" });
      const backOk = back.ok && (await activeId()) === id;
      check("rollback", backOk && (await execute()).ok, backOk ? `${id} active again and serving` : `active: ${await activeId()}`);

      // A failure at every install phase keeps the version in service serving.
      const faulty = (phase: (typeof INSTALL_PHASES)[number]) => createGovernedHub({ log: capsmith.log, readModel: capsmith.readModel, sandbox: capsmith.runtime.sandbox, policy, hostVersion: config.hostVersion, newId: uuidIds, faults: { fail: phase } });
      let patch = semver.inc(next, "patch")!;
      for (const phase of INSTALL_PHASES) {
        const outcome = await faulty(phase).install(asVersion(pkg, patch), { source: "harness" });
        patch = semver.inc(patch, "patch")!;
        const stillServing = (await activeId()) === id && (await execute()).ok;
        check(`fault:${phase}`, !outcome.ok && outcome.failure?.phase === phase && stillServing, outcome.ok ? "the injected failure did not stop the install" : `failed at ${outcome.failure?.phase}; ${stillServing ? `${id} kept serving` : `active: ${await activeId()}`}`);
      }

      await hub.uninstall(`${capability}@${next}`, "harness");
      await hub.uninstall(id, "harness");
      const gone = (await activeId()) === null && !invoker.resolve(await hub.state(), capability);
      check("uninstall", gone, gone ? "no version left active" : `active: ${await activeId()}`);
      return { pluginId: id, ok: checks.every((c) => c.ok), checks };
    } catch (err) {
      check("install", false, `harness stopped: ${(err as Error).message}`);
      return { pluginId: id, ok: false, checks };
    } finally {
      await capsmith.close();
      if (!options.keep) await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Preflight of each plugin version on this host, the next minor and the next major, for each API version known and one beyond. */
export function compatibilityMatrix(packages: PluginPackage[], hostVersion: string, policy: Policy = DEFAULT_POLICY): MatrixCell[] {
  const hosts = [hostVersion, semver.inc(hostVersion, "minor")!, semver.inc(hostVersion, "major")!];
  const apis = [...API_VERSIONS, "capsmith.plugin/v2"];
  const cells: MatrixCell[] = [];
  for (const pkg of packages) {
    for (const host of hosts) {
      for (const api of apis) {
        const variant = asVersion(pkg, pkg.manifest.version, { apiVersion: api as PluginPackage["manifest"]["apiVersion"] });
        const report = preflight(variant, { hub: { capabilities: {}, plugins: {}, pendingApprovals: {} }, keys: { keys: {} }, hostVersion: host, policy });
        cells.push({ plugin: pkg.manifest.capability, version: pkg.manifest.version, host, api, compatible: report.ok, errors: report.findings.filter((f) => f.severity === "error").map((f) => f.code) });
      }
    }
  }
  return cells;
}

/** The report as markdown: each plugin's checks, then the matrix. */
export function harnessMarkdown(report: HarnessReport): string {
  const lines = [`# Plugin harness (host ${report.hostVersion})`, "", `Result: ${report.ok ? "all passed" : "FAILURES"}`, ""];
  for (const p of report.plugins) {
    lines.push(`## ${p.pluginId}: ${p.ok ? "passed" : "failed"}`, "", "| step | ok | detail |", "|---|---|---|");
    for (const c of p.checks) lines.push(`| ${c.step} | ${c.ok ? "yes" : "NO"} | ${c.detail.replace(/\|/g, "\\|").replace(/\n/g, " ")} |`);
    lines.push("");
  }
  lines.push("## Compatibility matrix", "", "| plugin | version | host | API | compatible | errors |", "|---|---|---|---|---|---|");
  for (const m of report.matrix) lines.push(`| ${m.plugin} | ${m.version} | ${m.host} | ${m.api} | ${m.compatible ? "yes" : "no"} | ${m.errors.join(", ")} |`);
  return lines.join("\n") + "\n";
}

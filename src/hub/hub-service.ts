/**
 * The hub's write side. Install, update and rollback are transactions of five phases
 * (download → verify → dependency-prepare → activate → health-check), each an event on the
 * capability's subject under one correlation id. Any failure appends a rollback to the last
 * known-good version; `recover` does the same for transactions a crash left unfinished.
 */
import semver from "semver";
import type { Logger } from "pino";
import { subjectFor } from "../events/index.ts";
import type { EventLog, IdSource, NewEvent } from "../events/index.ts";
import { createProjector, hub, installs, unfinished } from "../../projections/index.ts";
import type { HubState, InstallPhase, InstallsState, Projection, Transaction, TrustTier } from "../../projections/index.ts";
import type { PluginHost } from "../sandbox/index.ts";
import { HubError } from "./errors.ts";
import { crashIfPlanned, failIfPlanned } from "./faults.ts";
import type { FaultPlan } from "./faults.ts";
import { runGoldenCases } from "./golden-cases.ts";
import type { GoldenReport } from "./golden-cases.ts";
import { pluginPackageSchema } from "./package-format.ts";
import type { PluginPackage } from "./package-format.ts";
import { zodIssues } from "../events/index.ts";

/** What the verify phase learns: blocking problems, and the tier the package would get. */
export interface Verification {
  ok: boolean;
  problems: { code: string; field: string; message: string }[];
  tamper?: { check: "checksum" | "signature"; expected: string; found: string };
}

export interface HubServiceOptions {
  log: EventLog;
  /** The sandbox that runs health checks (owned by the caller). */
  sandbox: PluginHost;
  newId: IdSource;
  /** The verify phase: preflight against the hub (and other projections, e.g. keys) as it stands. */
  verify(pkg: PluginPackage, hub: HubState, context: { kind: Transaction["kind"]; states: Record<string, unknown> }): Verification;
  /** The tier a package that passed its health check gets. */
  tierFor(pkg: PluginPackage, health: GoldenReport, states: Record<string, unknown>): { tier: TrustTier; reasons: string[] };
  faults?: FaultPlan;
  /** Extra projections to keep current beside hub and installs (e.g. keys for verify). */
  projections?: readonly Projection[];
  /** The hub projection (default `hub`; `signedHub` when signed events are required). */
  hubProjection?: Projection<HubState>;
  logger?: Logger;
}

export interface InstallOutcome {
  ok: boolean;
  txId: string;
  pluginId: string;
  kind: Transaction["kind"];
  tier?: TrustTier;
  health?: GoldenReport;
  /** On failure: the phase, why, and the plugin left active. */
  failure?: { phase: InstallPhase; code: string; message: string; restored: string | null; problems?: Verification["problems"] };
  unchanged?: boolean;
}

export interface HubService {
  /** The log the hub writes to. */
  readonly log: EventLog;
  state(): Promise<HubState>;
  transactions(): Promise<InstallsState>;
  /** Any extra projection's current state, by name. */
  projection<S>(name: string): Promise<S>;
  install(pkg: unknown, options: { source: string; txId?: string }): Promise<InstallOutcome>;
  /** Makes another installed version active through a transaction: newer (`update`) or older (`rollback`). */
  switchTo(capability: string, options: { version?: string; kind: "update" | "rollback" }): Promise<InstallOutcome>;
  uninstall(pluginId: string, reason?: string): Promise<void>;
  /**
   * Rolls back transactions a crash left unfinished; returns their ids. On a log only this process
   * writes (the embedded one) every unfinished transaction is stranded; on a shared log pass
   * `staleAfterMs` so only those idle that long are, not one a live governor elsewhere is running.
   */
  recover(options?: { staleAfterMs?: number; now?: Date }): Promise<string[]>;
}

class PhaseFailure extends Error {
  readonly phase: InstallPhase;
  readonly code: string;
  readonly problems: Verification["problems"] | undefined;
  constructor(phase: InstallPhase, code: string, message: string, problems?: Verification["problems"]) {
    super(message);
    this.phase = phase;
    this.code = code;
    this.problems = problems;
  }
}

const PHASE_INDEX: Record<InstallPhase, number> = { download: 1, verify: 2, "dependency-prepare": 3, activate: 4, "health-check": 5 };

export function createHubService(options: HubServiceOptions): HubService {
  const { log, faults = {} } = options;
  const projector = createProjector({ log, projections: [(options.hubProjection ?? hub) as Projection, installs, ...(options.projections ?? [])] });
  const current = async (): Promise<Record<string, unknown>> => (await projector.catchUp()).states;
  const hubState = async (): Promise<HubState> => (await current())["hub"] as HubState;

  /** Appends one record on the capability's subject, conditional on the head the caller saw. */
  async function commit(capability: string, events: NewEvent[], txId: string | null, tx: { head: number }): Promise<void> {
    const subject = subjectFor("plugin", capability);
    const stamped = events.map((e) => ({ ...e, subject, ...(txId ? { correlationId: txId } : {}) }) as NewEvent);
    const result = await log.append(stamped, { expectedSubjectSeq: tx.head });
    // Each step's events are new, so a de-duplicated append means an id was reused: the step did
    // not happen, and going on as if it had would record a transaction the log does not hold.
    if (result.duplicate) {
      throw new HubError("interrupted", `an append of ${events.map((e) => e.type).join(", ")} was taken for a duplicate (reused event id)`, {
        nextStep: "Check the id source: ids must be unique (capsmith uses UUIDv7).",
      });
    }
    tx.head = result.seq;
  }

  async function headOf(capability: string): Promise<number> {
    return (await log.subjectHead(subjectFor("plugin", capability)))?.seq ?? 0;
  }

  async function run(pkg: PluginPackage, kind: Transaction["kind"], source: string, txId: string): Promise<InstallOutcome> {
    const { manifest } = pkg;
    const capability = manifest.capability;
    const pluginId = manifest.id;
    // The head first, then the state: if anything lands on the capability in between, the first
    // append conflicts instead of acting on a hub that has moved on.
    const tx = { head: await headOf(capability) };
    const states = await current();
    const before = states["hub"] as HubState;
    const previousActive = before.capabilities[capability]?.active ?? null;
    const phase = (p: InstallPhase, details?: Record<string, unknown>): NewEvent =>
      ({ type: "InstallPhaseCompleted", data: { txId, phase: p, index: PHASE_INDEX[p], ...(details ? { details } : {}) } }) as NewEvent;

    await commit(capability, [
      { type: "InstallStarted", data: { txId, kind, pluginId, capability, version: manifest.version, package: pkg as unknown as Record<string, unknown>, previousActive, source } } as NewEvent,
    ], txId, tx);

    try {
      // download: the package is in the log now; every later phase and every hub reads it from there.
      failIfPlanned(faults, "download");
      crashIfPlanned(faults, "download");
      await commit(capability, [phase("download", { bytes: Buffer.byteLength(pkg.code) })], txId, tx);

      const verification = options.verify(pkg, before, { kind, states });
      if (verification.tamper) {
        await commit(capability, [{ type: "TamperDetected", data: { pluginId, where: kind === "install" || kind === "update" ? "install" : "load", ...verification.tamper } } as NewEvent], txId, tx);
      }
      if (!verification.ok) {
        throw new PhaseFailure("verify", "preflight_failed", verification.problems.map((p) => `${p.code} at ${p.field}: ${p.message}`).join("; "), verification.problems);
      }
      failIfPlanned(faults, "verify");
      crashIfPlanned(faults, "verify");
      await commit(capability, [phase("verify")], txId, tx);

      const resolved: Record<string, string> = {};
      for (const [dep, range] of Object.entries(manifest.dependencies)) {
        const active = before.capabilities[dep]?.active;
        const plugin = active ? before.plugins[active] : undefined;
        if (!plugin || !semver.satisfies(plugin.version, range)) {
          throw new PhaseFailure("dependency-prepare", "dependency_unresolved", `needs ${dep} ${range}; active: ${plugin ? plugin.id : "none"}`);
        }
        resolved[dep] = plugin.id;
      }
      failIfPlanned(faults, "dependency-prepare");
      crashIfPlanned(faults, "dependency-prepare");
      await commit(capability, [phase("dependency-prepare", { resolved })], txId, tx);

      failIfPlanned(faults, "activate");
      await commit(capability, [{ type: "PluginActivated", data: { pluginId, capability, version: manifest.version, txId, reason: kind } } as NewEvent], txId, tx);
      crashIfPlanned(faults, "activate"); // the new version is active, its phase not yet complete
      await commit(capability, [phase("activate")], txId, tx);

      const health = await runGoldenCases(options.sandbox, pkg, `${pluginId}#${txId}`);
      if (health.failed > 0) {
        const first = health.cases.find((c) => !c.ok)!;
        throw new PhaseFailure("health-check", "health_check_failed", `${health.failed} of ${health.cases.length} golden cases failed; first: ${first.name}: [${first.code ?? "failed"}] ${first.error ?? ""}`);
      }
      failIfPlanned(faults, "health-check");
      crashIfPlanned(faults, "health-check");
      const { tier, reasons } = options.tierFor(pkg, health, states);
      await commit(capability, [
        phase("health-check", { passed: health.passed, failed: health.failed }),
        { type: "PluginTierAssigned", data: { pluginId, tier, reasons } } as NewEvent,
        { type: "InstallCommitted", data: { txId, pluginId, tier } } as NewEvent,
      ], txId, tx);
      return { ok: true, txId, pluginId, kind, tier, health };
    } catch (err) {
      const failure = err instanceof PhaseFailure
        ? err
        : new PhaseFailure(currentPhase(await projector.catchUp().then((v) => (v.states["installs"] as InstallsState).transactions[txId])), (err as { code?: string }).code ?? "internal", (err as Error).message);
      options.logger?.warn({ txId, pluginId, phase: failure.phase, code: failure.code }, "install failed; rolling back");
      tx.head = await headOf(capability);
      await commit(capability, [
        { type: "InstallRolledBack", data: { txId, pluginId, phase: failure.phase, code: failure.code, message: failure.message.slice(0, 2_000), restored: previousActive } } as NewEvent,
      ], txId, tx);
      return { ok: false, txId, pluginId, kind, failure: { phase: failure.phase, code: failure.code, message: failure.message, restored: previousActive, ...(failure.problems ? { problems: failure.problems } : {}) } };
    }
  }

  return {
    log,
    state: hubState,
    transactions: async () => (await current())["installs"] as InstallsState,
    projection: async <S>(name: string) => (await current())[name] as S,

    async install(value, { source, txId }) {
      const parsed = pluginPackageSchema.safeParse(value);
      if (!parsed.success) {
        throw new HubError("invalid_package", "not a valid capsmith plugin package", {
          nextStep: "Build the package with `capsmith plugin pack DIR -o FILE`; details.issues lists what is wrong.",
          details: { issues: zodIssues(parsed.error.issues) },
        });
      }
      const pkg = parsed.data;
      const state = await hubState();
      const existing = state.plugins[pkg.manifest.id];
      const activeId = state.capabilities[pkg.manifest.capability]?.active;
      const active = activeId ? state.plugins[activeId] : undefined;
      if (existing && existing.status !== "uninstalled" && existing.status !== "failed") {
        if (existing.manifest["checksum"] === pkg.manifest.checksum && existing.status === "active") {
          return { ok: true, txId: "", pluginId: existing.id, kind: "install", tier: existing.tier, unchanged: true };
        }
        if (existing.manifest["checksum"] !== pkg.manifest.checksum) {
          throw new HubError("version_exists", `${pkg.manifest.id} is already installed with different code`, {
            nextStep: "Publish the change under a new version.",
          });
        }
      }
      if (active && active.id !== pkg.manifest.id && semver.lt(pkg.manifest.version, active.version)) {
        throw new HubError("downgrade_needs_rollback", `${pkg.manifest.id} is older than the active ${active.id}`, {
          nextStep: `Use capsmith plugin rollback ${pkg.manifest.capability} --to ${pkg.manifest.version} once it is installed, or publish a newer version.`,
        });
      }
      return run(pkg, active ? "update" : "install", source, txId ?? options.newId());
    },

    async switchTo(capability, { version, kind }) {
      const state = await hubState();
      const cap = state.capabilities[capability];
      if (!cap) throw new HubError("unknown_capability", `no plugin was ever installed for ${capability}`, { nextStep: "Run capsmith plugin list." });
      const target = version ? state.plugins[`${capability}@${version}`] : previousGood(state, capability);
      if (!target || target.status === "uninstalled") {
        throw new HubError(version ? "unknown_plugin" : "nothing_to_roll_back", version ? `${capability}@${version} is not installed` : `${capability} has no earlier good version`, {
          nextStep: `Installed versions: ${cap.versions.join(", ") || "none"}.`,
        });
      }
      if (target.id === cap.active) {
        return { ok: true, txId: "", pluginId: target.id, kind, tier: target.tier, unchanged: true };
      }
      const pkg = pluginPackageSchema.parse({ format: "capsmith-plugin/v1", manifest: target.manifest, code: target.code, spec: target.spec, ...(target.testReport ? { testReport: target.testReport } : {}) });
      return run(pkg, kind, `hub:${target.id}`, options.newId());
    },

    async uninstall(pluginId, reason = "operator") {
      const state = await hubState();
      const plugin = state.plugins[pluginId];
      if (!plugin || plugin.status === "uninstalled") {
        throw new HubError("unknown_plugin", `${pluginId} is not installed`, { nextStep: "Run capsmith plugin list to see installed plugins." });
      }
      await commit(plugin.capability, [{ type: "PluginUninstalled", data: { pluginId, capability: plugin.capability, reason } } as NewEvent], null, { head: await headOf(plugin.capability) });
    },

    async recover(recoverOptions = {}) {
      const { staleAfterMs, now } = recoverOptions;
      const stranded = unfinished((await current())["installs"] as InstallsState).filter((tx) => {
        if (staleAfterMs === undefined || !now) return true;
        const last = tx.phases[tx.phases.length - 1]?.time ?? tx.startedAt;
        return now.getTime() - Date.parse(last) >= staleAfterMs;
      });
      for (const tx of stranded) {
        options.logger?.warn({ txId: tx.txId, pluginId: tx.pluginId }, "rolling back an install a crash left unfinished");
        await commit(tx.capability, [
          { type: "InstallRolledBack", data: { txId: tx.txId, pluginId: tx.pluginId, phase: currentPhase(tx), code: "interrupted", message: "the process stopped mid-transaction; rolled back on the next start", restored: tx.previousActive } } as NewEvent,
        ], tx.txId, { head: await headOf(tx.capability) });
      }
      return stranded.map((t) => t.txId);
    },
  };
}

/** The phase a transaction was in: the one after its last completed phase. */
function currentPhase(tx: Transaction | undefined): InstallPhase {
  const order: InstallPhase[] = ["download", "verify", "dependency-prepare", "activate", "health-check"];
  return order[Math.min(tx?.phases.length ?? 0, 4)]!;
}

/** The most recent earlier active version that is still usable. */
function previousGood(state: HubState, capability: string): HubState["plugins"][string] | undefined {
  const cap = state.capabilities[capability]!;
  for (let i = cap.history.length - 1; i >= 0; i--) {
    const p = state.plugins[cap.history[i]!];
    if (p && p.id !== cap.active && (p.status === "inactive" || p.status === "rolled_back")) return p;
  }
  return undefined;
}

/**
 * Leases, and taking over a transaction whose driver stopped. A transaction belongs to whoever
 * appends its next phase; one idle longer than the lease (`leaseMs` since its last event) is taken
 * over by any live process that looks at it — `settle` (a redelivered install waiting for its
 * transaction), `recover` (start-up and the runtime's lease watcher) — which finishes it from the
 * phase it reached, or rolls it back when that fails. The conditional appends make the takeover
 * safe: of two processes driving one transaction, only one append lands per step, and the other
 * waits for the outcome instead of rolling it back. Running the phases and the rollback is the
 * driver's (hub-service.ts); this module decides when a transaction is this process's to finish,
 * and rebuilds from the log what finishing it needs.
 */
import type { Logger } from "pino";
import { subjectFor } from "../events/index.ts";
import type { Clock, EventLog } from "../events/index.ts";
import { own, unfinished } from "../../projections/index.ts";
import type { HubState, InstallPhase, ReadModel, Transaction } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import type { HubService, InstallOutcome } from "./hub-service.ts";
import { currentPhase, PHASE_INDEX, PhaseFailure } from "./install-phases.ts";
import type { Drive } from "./install-phases.ts";
import { pluginPackageSchema, recordedPackage } from "./package-format.ts";
import type { PluginPackage } from "./package-format.ts";

/** What taking over needs from the transactions' driver (hub-service.ts). */
export interface TakeoverContext {
  log: EventLog;
  readModel: ReadModel;
  clock: Clock;
  leaseMs: number;
  logger?: Logger | undefined;
  transaction(txId: string): Promise<Transaction | undefined>;
  hubState(): Promise<HubState>;
  headOf(capability: string): Promise<number>;
  /** Runs the phases from `from` (the number already completed) to the commit; rolls back on failure. */
  proceed(drive: Drive, from: number): Promise<InstallOutcome>;
  /** Appends the rollback conditionally; false when the transaction got an outcome meanwhile. */
  rollBack(capability: string, txId: string, pluginId: string, failure: PhaseFailure): Promise<{ restored: string | null } | false>;
}

/** The hub's lease side: HubService's `settle`, `recover` and `nextLeaseExpiry`, and what the driver tells it. */
export interface Takeover extends Pick<HubService, "settle" | "recover" | "nextLeaseExpiry"> {
  /** Marks a transaction this process was driving when the log failed: its redelivery (`settle`) resumes it at once, without waiting out the lease. */
  pause(txId: string): void;
}

/** What a finished transaction's log says, as the outcome its caller would have got. */
export function outcomeOf(tx: Transaction): InstallOutcome {
  if (tx.outcome === "committed") return { ok: true, txId: tx.txId, pluginId: tx.pluginId, kind: tx.kind, ...(tx.tier ? { tier: tx.tier } : {}) };
  const f = tx.failure ?? { phase: currentPhase(tx), code: "interrupted", message: "unfinished", restored: tx.previousActive };
  return { ok: false, txId: tx.txId, pluginId: tx.pluginId, kind: tx.kind, failure: { phase: f.phase as InstallPhase, code: f.code, message: f.message, restored: f.restored } };
}

export function leaseTakeover(ctx: TakeoverContext): Takeover {
  const { log, readModel, clock, leaseMs, transaction, hubState, headOf } = ctx;
  const paused = new Set<string>();

  /** When a transaction's lease runs out: its last event's time plus the lease. */
  const leaseEnd = (tx: Transaction): number => Date.parse(tx.phases[tx.phases.length - 1]?.time ?? tx.startedAt) + leaseMs;

  /** Takes over a transaction whose lease expired: finishes it from where it stopped, or rolls it back. */
  async function takeOver(txId: string, force = false): Promise<InstallOutcome> {
    const capability = (await transaction(txId))!.capability;
    const head = await headOf(capability);
    const tx = (await transaction(txId))!;
    if (tx.outcome !== "in_progress") return outcomeOf(tx);
    if (!force && leaseEnd(tx) > clock.now().getTime()) return settle(txId);
    ctx.logger?.warn({ txId, pluginId: tx.pluginId, phasesDone: tx.phases.length }, "taking over an install whose owner's lease expired");
    // The capability moved on while its owner was gone (an operator activated a version, say):
    // finishing now would undo that later decision, so it is rolled back, leaving what is active alone.
    const activeNow = own((await hubState()).capabilities, capability)?.active ?? null;
    if (activeNow !== tx.previousActive) {
      const failure = new PhaseFailure(currentPhase(tx), "superseded", `${capability} changed while this install was stopped (active: ${tx.previousActive ?? "none"} then, ${activeNow ?? "none"} now); finishing it would undo that`);
      await ctx.rollBack(capability, txId, tx.pluginId, failure);
      return outcomeOf((await transaction(txId))!);
    }
    const then = await readModel.asOf({ untilSeq: tx.startedSeq - 1 });
    const plugin = own((await hubState()).plugins, tx.pluginId);
    const parsed = pluginPackageSchema.safeParse(plugin ? recordedPackage(plugin) : undefined);
    const drive: Drive = {
      pkg: parsed.success ? parsed.data : (undefined as unknown as PluginPackage), kind: tx.kind, txId, previousActive: tx.previousActive, head, mine: head,
      states: { hub: then.states.hub, keys: then.states.keys }, ...(tx.whileEligible ? { whileEligible: true } : {}),
    };
    const healthPhase = tx.phases.find((p) => p.phase === "health-check");
    if (!parsed.success || (tx.phases.length >= PHASE_INDEX["health-check"] && !healthPhase)) {
      // Nothing to finish from (an unreadable package, or a log from before health-check came first).
      const failure = new PhaseFailure(currentPhase(tx), "interrupted", "the process driving this install stopped; its lease expired and it was rolled back");
      await ctx.rollBack(capability, txId, tx.pluginId, failure);
      return outcomeOf((await transaction(txId))!);
    }
    if (healthPhase) {
      const recorded = (await healthDetails(capability, txId)) ?? { passed: 0, failed: 0 };
      drive.health = { passed: recorded.passed, failed: recorded.failed, cases: [] };
    }
    // Activation and the commit are one record, so an open transaction was never activated: an
    // `activate` phase on record without its commit is not the transaction's (a key that may write
    // plugin events forged it, attack round 3), and resuming past it would leave it open forever.
    return ctx.proceed(drive, Math.min(tx.phases.length, PHASE_INDEX["health-check"]));
  }

  /** The passed/failed counts a transaction's health-check phase recorded. */
  async function healthDetails(capability: string, txId: string): Promise<{ passed: number; failed: number } | undefined> {
    for await (const e of log.read(subjectFor("plugin", capability))) {
      const data = e.data as { txId?: string; phase?: string; details?: { passed?: number; failed?: number } };
      if (e.type === "InstallPhaseCompleted" && data.txId === txId && data.phase === "health-check") {
        const d = data.details ?? {};
        return { passed: d.passed ?? 0, failed: d.failed ?? 0 };
      }
    }
    return undefined;
  }

  /** Waits for a transaction's outcome while its owner's lease holds (on the read model's changes); takes it over after. */
  async function settle(txId: string): Promise<InstallOutcome> {
    for (;;) {
      const tx = await transaction(txId);
      if (!tx) throw new HubError("interrupted", `no install transaction ${txId} in the log`, { nextStep: "Run capsmith plugin history to see transactions." });
      if (tx.outcome !== "in_progress") return outcomeOf(tx);
      if (paused.delete(txId)) return takeOver(txId, true);
      const remaining = leaseEnd(tx) - clock.now().getTime();
      if (remaining <= 0) return takeOver(txId);
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          off();
          resolve();
        };
        const timer = setTimeout(done, remaining);
        const off = readModel.onChange(done);
      });
    }
  }

  return {
    settle,

    pause(txId) {
      paused.add(txId);
    },

    async recover({ expiredOnly = false } = {}) {
      const now = clock.now().getTime();
      const stranded = unfinished(await readModel.state("installs")).filter((tx) => !expiredOnly || leaseEnd(tx) <= now);
      const taken: string[] = [];
      for (const tx of stranded) {
        ctx.logger?.warn({ txId: tx.txId, pluginId: tx.pluginId }, "finishing an install a stopped process left unfinished");
        // Without `expiredOnly` nobody else writes this log: the lease is moot, take it over now.
        try {
          await takeOver(tx.txId, !expiredOnly);
          taken.push(tx.txId);
        } catch (err) {
          // A credential that may not write plugin subjects leaves the transaction to one that may.
          if ((err as { code?: unknown }).code !== "permission_denied") throw err;
          ctx.logger?.warn({ txId: tx.txId, err }, "may not finish a stranded install with this credential; a governor or operator will");
        }
      }
      return taken;
    },

    async nextLeaseExpiry() {
      const open = unfinished(await readModel.state("installs"));
      return open.length === 0 ? undefined : Math.min(...open.map(leaseEnd));
    },
  };
}

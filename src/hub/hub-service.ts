/**
 * The hub's write side. Install, update and rollback are transactions of five phases
 * (download → verify → dependency-prepare → health-check → activate), each an event on the
 * capability's subject under one correlation id, each appended conditionally on the subject's head.
 * The candidate is health-checked while the current version keeps serving; activation, its tier and
 * the commit are one record, so no reader ever sees the candidate active before it proved itself.
 * Any failure appends a rollback to the last known-good version. The phases themselves are
 * install-phases.ts; taking over a transaction whose driver stopped (leases, `settle`, `recover`)
 * is takeover.ts; this module is the transaction around them.
 */
import type { Logger } from "pino";
import { ConcurrencyError, EventLogError, eventText, subjectFor } from "../events/index.ts";
import type { Clock, EventLog, IdSource, NewEvent } from "../events/index.ts";
import { INSTALL_PHASES, own } from "../../projections/index.ts";
import type { HubState, InstallPhase, InstallsState, KeysState, ReadModel, Transaction, TrustTier } from "../../projections/index.ts";
import { systemClock } from "../platform/index.ts";
import type { PluginHost } from "../sandbox/index.ts";
import { HubError } from "./errors.ts";
import { decideInstall, decideSwitch } from "./decisions.ts";
import type { SwitchRequest } from "./decisions.ts";
import type { FaultPlan } from "./faults.ts";
import type { GoldenReport } from "./golden-cases.ts";
import { currentPhase, lastSeqOf, PhaseFailure, phaseSteps } from "./install-phases.ts";
import type { Drive } from "./install-phases.ts";
import { successorAfterUninstall } from "./lifecycle-targets.ts";
import { checkPackageLimits } from "./package-limits.ts";
import type { PackageLimits } from "./package-limits.ts";
import { parsePluginPackage, pluginPackageSchema, recordedPackage } from "./package-format.ts";
import { appendWhileJudged, unrelatedHead } from "./side-events.ts";
import { StartConflict, startingOver } from "./start-over.ts";
import { leaseTakeover, outcomeOf } from "./takeover.ts";
import { idAfterStartedMeanwhile, transactionIdFor } from "./transaction-ids.ts";
import type { PluginPackage } from "./package-format.ts";

/** How long a transaction may sit without a new event before another process takes it over. */
export const DEFAULT_INSTALL_LEASE_MS = 30_000;

/** What the verify phase learns: blocking problems, and the tier the package would get. */
export interface Verification {
  ok: boolean;
  problems: { code: string; field: string; message: string; nextStep?: string }[];
  tamper?: { check: "checksum" | "signature"; expected: string; found: string };
}

/** What the verify and tier decisions see: the hub and the trust store (as the transaction began for verify, as they are at activate for the tier). */
export interface HubDecisionState {
  hub: HubState;
  keys: KeysState;
}

export interface HubServiceOptions {
  log: EventLog;
  /** The process's read model: the hub, installs and keys every decision is made on. */
  readModel: ReadModel;
  /** The sandbox that runs health checks (owned by the caller). */
  sandbox: PluginHost;
  newId: IdSource;
  /** The verify phase: preflight against the hub (and other projections, e.g. keys) as it stands. */
  verify(pkg: PluginPackage, states: HubDecisionState, context: { kind: Transaction["kind"] }): Verification;
  /** The tier a package that passed its health check gets. */
  tierFor(pkg: PluginPackage, health: GoldenReport, states: HubDecisionState): { tier: TrustTier; reasons: string[] };
  /** Size limits of a package (policy `limits`); larger ones are refused before anything is written. */
  limits?: PackageLimits;
  faults?: FaultPlan;
  logger?: Logger;
  /** The clock leases are measured on (default: the system clock). */
  clock?: Clock;
  /** A transaction idle this long is abandoned: any live process may finish or roll it back. */
  leaseMs?: number;
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
  install(pkg: unknown, options: { source: string; txId?: string }): Promise<InstallOutcome>;
  /**
   * Makes another installed version active through a transaction: newer (`update`) or older
   * (`rollback`). A `txId` given twice (a redelivered decision) is one transaction: its outcome.
   * `whileActive`: only while that version (null: none) is the active one, judged on the hub the
   * transaction starts on, decided again or not; otherwise a HubError `superseded`. A caller that
   * judged the hub itself (the slo rollback: only while nothing serves) keeps its judgement true.
   * `whileEligible`: likewise, only while the target is one the resolver would serve, judged again
   * at the activate step (also in a takeover): a target no longer eligible then fails the
   * transaction with `superseded`, rolled back.
   */
  switchTo(capability: string, options: { version?: string; kind: "update" | "rollback"; txId?: string; whileActive?: string | null; whileEligible?: boolean }): Promise<InstallOutcome>;
  /**
   * Uninstalls a plugin; when it was the active one, the newest remaining good version becomes
   * active (a rollback transaction: `restored`), or none is left (`restored` null).
   */
  uninstall(pluginId: string, reason?: string): Promise<{ pluginId: string; wasActive: boolean; restored: string | null; outcome?: InstallOutcome }>;
  /**
   * Finishes (or, when that fails, rolls back) transactions a crash left unfinished; returns their
   * ids. With `expiredOnly` only those whose lease expired are taken: a live process elsewhere may be
   * driving the others. Without it every unfinished one is (a log nobody else writes).
   */
  recover(options?: { expiredOnly?: boolean }): Promise<string[]>;
  /** The transaction's outcome once it has one: waits while its owner holds the lease, takes it over after. */
  settle(txId: string): Promise<InstallOutcome>;
  /** When the earliest lease of an unfinished transaction expires (ms since the epoch), or undefined. */
  nextLeaseExpiry(): Promise<number | undefined>;
  readonly leaseMs: number;
}

export function createHubService(options: HubServiceOptions): HubService {
  const { log, readModel, faults = {} } = options;
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? DEFAULT_INSTALL_LEASE_MS;
  const hubState = (): Promise<HubState> => readModel.state("hub");
  const transaction = async (txId: string): Promise<Transaction | undefined> => own((await readModel.state("installs")).transactions, txId);
  const leases = leaseTakeover({ log, readModel, clock, leaseMs, logger: options.logger, transaction, hubState, headOf, proceed, rollBack });
  const { settle } = leases;

  /**
   * Appends one record on the capability's subject, conditional on the head the caller saw, and with
   * `readSeq` (the activate step) on nothing a decision rests on landing after the record the
   * caller's state covers (appendWhileJudged).
   */
  async function commit(capability: string, events: NewEvent[], txId: string | null, tx: { head: number; mine?: number }, readSeq?: number): Promise<void> {
    const subject = subjectFor("plugin", capability);
    const stamped = events.map((e) => ({ ...e, subject, ...(txId ? { correlationId: txId } : {}) }) as NewEvent);
    let result: Awaited<ReturnType<EventLog["append"]>>;
    for (let attempt = 0; ; attempt++) {
      try {
        result = readSeq === undefined
          ? await log.append(stamped, { expectedSubjectSeq: tx.head })
          : await appendWhileJudged(log, stamped, { expectedSubjectSeq: tx.head, expectedLastSeq: readSeq });
        break;
      } catch (err) {
        // Only what could change this step's meaning makes it conflict (side-events.ts). Never the
        // first record: until it lands the transaction is not the log's, and a transaction the log
        // holds under its id is another's (a squat on another capability): `begin` judges that.
        // A conflict on the whole log that appendWhileJudged could not step over is the caller's to
        // judge again (it read the state).
        const stepping = err instanceof ConcurrencyError && err.scope === "subject" && txId !== null && attempt < 5 && !events.some((e) => e.type === "InstallStarted");
        const moved = stepping ? await sideEventsOnly(capability, txId, tx.head) : undefined;
        if (moved === undefined) throw err;
        tx.head = moved;
      }
    }
    // Each step's events are new, so a de-duplicated append means an id was reused: the step did
    // not happen, and going on as if it had would record a transaction the log does not hold.
    if (result.duplicate) {
      throw new HubError("interrupted", `an append of ${events.map((e) => e.type).join(", ")} was taken for a duplicate (reused event id)`, {
        nextStep: "Check the id source: ids must be unique (capsmith uses UUIDv7).",
      });
    }
    tx.head = result.seq;
    tx.mine = result.seq;
  }

  /** side-events.ts `unrelatedHead` on the subject's events after `since`, for transaction `txId` as the log holds it. */
  async function sideEventsOnly(capability: string, txId: string, since: number): Promise<number | undefined> {
    const tx = await transaction(txId);
    if (!tx) return undefined;
    const active = own((await hubState()).capabilities, capability)?.active ?? null;
    return unrelatedHead(log.read(subjectFor("plugin", capability), { fromSeq: since + 1 }), tx, active, since);
  }

  /** The hub and the trust store as they are now, and the log position they cover (the activate step decides on them). */
  async function current(): Promise<HubDecisionState & { seq: number }> {
    const { seq, states } = await readModel.current(["hub", "keys"]);
    return { hub: states.hub, keys: states.keys, seq };
  }

  async function headOf(capability: string): Promise<number> {
    return (await log.subjectHead(subjectFor("plugin", capability)))?.seq ?? 0;
  }

  /** Starts a transaction: its first record is conditional on the head read before the state. */
  async function begin(pkg: PluginPackage, kind: Transaction["kind"], source: string, txId: string, asked?: string, seen?: number, whileEligible = false): Promise<InstallOutcome> {
    const { manifest } = pkg;
    const capability = manifest.capability;
    // The head first, then the state: if anything lands on the capability in between, the first
    // append conflicts instead of acting on a hub that has moved on. A caller that checked the hub
    // first read the head before its checks (`seen`), so what lands after them conflicts too.
    const head = seen ?? (await headOf(capability));
    const states = (await readModel.current(["hub", "keys"])).states;
    // Started by another process (or an earlier delivery) since the caller looked: its outcome is
    // ours when it installs this package; one with another package took the id: decide again (the next id).
    if (await transaction(txId)) return startedMeanwhile(pkg, txId, asked, head);
    const previousActive = own(states.hub.capabilities, capability)?.active ?? null;
    const drive: Drive = { pkg, kind, txId, previousActive, head, mine: 0, states, ...(whileEligible ? { whileEligible } : {}) };
    try {
      await commit(capability, [
        // `whileEligible` travels with the transaction, so a takeover judges the activation as its starter would.
        { type: "InstallStarted", data: { txId, kind, pluginId: manifest.id, capability, version: manifest.version, package: pkg as unknown as Record<string, unknown>, previousActive, source, ...(whileEligible ? { whileEligible } : {}) } } as NewEvent,
      ], txId, drive);
    } catch (err) {
      // The log failing as the record was sent (NATS restarting, the ack lost): it may have landed.
      // Then the transaction is this process's, and its redelivery resumes it at once (as `proceed`
      // does), not after waiting out the lease as if its owner had died.
      if (err instanceof EventLogError && err.retryable && !(err instanceof ConcurrencyError)) leases.pause(txId);
      if (!(err instanceof ConcurrencyError)) throw err;
      // Another process started this very transaction first (a redelivered request): its outcome is ours.
      if (await transaction(txId)) return startedMeanwhile(pkg, txId, asked, head);
      // Anything else landed on the capability: nothing of this transaction is written, so the caller decides again (start-over.ts).
      throw new StartConflict(err.message, err.actual, err);
    }
    // The id is global but the condition is the capability's: another capability's InstallStarted
    // under it (a squat) between the look and the append does not conflict, and every reader keeps
    // the id for that first one. Ours is then no transaction anywhere: decide again under another id.
    const held = await transaction(txId);
    if (held && held.startedSeq !== drive.mine) {
      throw new StartConflict(`transaction id ${txId} was taken by ${held.pluginId} (seq ${held.startedSeq}) as this install started`, drive.mine, undefined);
    }
    return proceed(drive, 0);
  }

  /**
   * `txId` was started by someone else between the caller's look and `begin`: settle it when it is
   * this install; else the caller decides again (the next id is derived there), on the hub as it is
   * now (a newer version activated meanwhile makes this one a downgrade), and the taking counts as
   * one of the start's attempts: going on here under the next id did neither (an older version went
   * in over a newer one; a squatter keeping up kept the install starting over without end).
   */
  async function startedMeanwhile(pkg: PluginPackage, txId: string, asked: string | undefined, seen: number): Promise<InstallOutcome> {
    const next = idAfterStartedMeanwhile((await readModel.state("installs")).transactions, txId, pkg, asked);
    if (next.held) return settle(next.txId);
    throw new StartConflict(`transaction id ${txId} was taken by another package as this install started`, seen, undefined);
  }

  /** Runs the phases from `from` (the number already completed) to the commit; rolls back on failure. */
  async function proceed(drive: Drive, from: number): Promise<InstallOutcome> {
    const { pkg, kind, txId } = drive;
    const capability = pkg.manifest.capability;
    const pluginId = pkg.manifest.id;
    const steps = phaseSteps(drive, { sandbox: options.sandbox, verify: options.verify, tierFor: options.tierFor, faults, commit, current });

    try {
      for (const p of INSTALL_PHASES.slice(from)) await steps[p]();
      return { ok: true, txId, pluginId, kind, tier: own((await hubState()).plugins, pluginId)?.tier ?? "T0", ...(drive.health ? { health: drive.health } : {}) };
    } catch (err) {
      // The log failing for a while (NATS restarting) is not the install failing: the transaction
      // stays in progress under its lease, and a redelivery (or any live process, once the lease
      // expires) finishes it. Rolling back now would turn a reconnect into a failed install for good.
      // Likewise a log that kept moving under the activation (install-phases.ts `log_busy`).
      if ((err instanceof EventLogError && err.retryable && !(err instanceof ConcurrencyError)) || (err instanceof HubError && err.code === "log_busy")) {
        leases.pause(txId);
        throw err;
      }
      const tx = await transaction(txId);
      if (tx && tx.outcome !== "in_progress") return outcomeOf(tx); // another process finished it
      // A conflict with an event of this very transaction we did not write: another process took it over.
      if (err instanceof ConcurrencyError && tx && lastSeqOf(tx) > drive.mine) return settle(txId);
      const failure = err instanceof PhaseFailure
        ? err
        : new PhaseFailure(currentPhase(tx), (err as { code?: string }).code ?? "internal", (err as Error).message);
      options.logger?.warn({ txId, pluginId, phase: failure.phase, code: failure.code }, "install failed; rolling back");
      const rolledBack = await rollBack(capability, txId, pluginId, failure);
      if (!rolledBack) return outcomeOf((await transaction(txId))!);
      return { ok: false, txId, pluginId, kind, failure: { phase: failure.phase, code: failure.code, message: failure.message, restored: rolledBack.restored, ...(failure.problems ? { problems: failure.problems } : {}) } };
    }
  }

  /**
   * Appends the rollback conditionally; false when the transaction got an outcome meanwhile. A
   * rollback changes nothing active (the candidate never served), so `restored` records what serves
   * as it lands: the version active when the transaction began, or one another transaction (an
   * operator's install beside a stalled governor's) activated meanwhile — never "none" while it serves.
   */
  async function rollBack(capability: string, txId: string, pluginId: string, failure: PhaseFailure): Promise<{ restored: string | null } | false> {
    for (let attempt = 0; ; attempt++) {
      const head = await headOf(capability);
      const tx = await transaction(txId);
      if (tx && tx.outcome !== "in_progress") return false;
      const restored = own((await hubState()).capabilities, capability)?.active ?? null;
      try {
        await commit(capability, [
          { type: "InstallRolledBack", data: { txId, pluginId, phase: failure.phase, code: failure.code, message: eventText(failure.message, 2_000), restored } } as NewEvent,
        ], txId, { head });
        return { restored };
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= 5) throw err;
      }
    }
  }

  /** An install on the hub as it stands: its transaction id, the limits and decisions.ts's checks, then `begin`. */
  async function startInstall(pkg: PluginPackage, source: string, txId: string | undefined): Promise<InstallOutcome> {
    // The head before any state the checks read: an activation landing after them makes the first
    // append conflict, and the install decides again (it would otherwise go in as a downgrade).
    const seen = await headOf(pkg.manifest.capability);
    const { installs, hub } = (await readModel.current(["installs", "hub"])).states;
    // A transaction id given twice (a redelivered decision) is one transaction: its outcome, never a second install.
    const given = txId ? transactionIdFor(installs.transactions, txId, pkg) : undefined;
    if (given?.held) return settle(given.txId);
    if (options.limits) checkPackageLimits(pkg, options.limits);
    const decision = decideInstall(hub, pkg);
    if ("unchanged" in decision) return { ok: true, txId: "", pluginId: decision.unchanged.id, kind: "install", tier: decision.unchanged.tier, unchanged: true };
    return begin(pkg, decision.kind, source, given?.txId ?? options.newId(), txId, seen);
  }

  /** An update or rollback to another installed version on the hub as it stands (decisions.ts), then `begin`. */
  async function startSwitch(request: SwitchRequest, txId: string | undefined): Promise<InstallOutcome> {
    const { capability, version, kind } = request;
    const seen = await headOf(capability); // before the state the target is chosen from (startInstall says why)
    const { installs, hub } = (await readModel.current(["installs", "hub"])).states;
    // With a version, the id is this version's install unless the log holds it for another package
    // (transactionIdFor); without one the target depends on the hub, so any holder is this request's.
    const held = version ? own(hub.plugins, `${capability}@${version}`) : undefined;
    const heldPkg = held ? pluginPackageSchema.safeParse(recordedPackage(held)) : undefined;
    const given = !txId ? undefined
      : heldPkg?.success ? transactionIdFor(installs.transactions, txId, heldPkg.data)
      : { txId, held: own(installs.transactions, txId) !== undefined };
    if (given?.held) return settle(given.txId);
    const decision = decideSwitch(hub, request);
    if ("unchanged" in decision) return { ok: true, txId: "", pluginId: decision.unchanged.id, kind, tier: decision.unchanged.tier, unchanged: true };
    const { target } = decision;
    const pkg = pluginPackageSchema.parse(recordedPackage(target));
    return begin(pkg, kind, `hub:${target.id}`, given?.txId ?? options.newId(), version ? txId : undefined, seen, request.whileEligible === true);
  }

  const service: HubService = {
    log,
    leaseMs,
    state: hubState,
    transactions: () => readModel.state("installs"),

    async install(value, { source, txId }) {
      const pkg = parsePluginPackage(value);
      return startingOver(pkg.manifest.capability, () => startInstall(pkg, source, txId));
    },

    async switchTo(capability, { version, kind, txId, whileActive, whileEligible }) {
      return startingOver(capability, () => startSwitch({ capability, ...(version ? { version } : {}), kind, ...(whileActive !== undefined ? { whileActive } : {}), ...(whileEligible ? { whileEligible } : {}) }, txId));
    },

    async uninstall(pluginId, reason = "operator") {
      const notInstalled = (): HubError => new HubError("unknown_plugin", `${pluginId} is not installed`, { nextStep: "Run capsmith plugin list to see installed plugins." });
      const capability = own((await hubState()).plugins, pluginId)?.capability;
      if (!capability) throw notInstalled();
      // The head before the state (startInstall says why): an activation of this version landing
      // after the look makes the record conflict, and the uninstall decides again (start-over.ts)
      // instead of taking the active version out as one that was not, with no successor.
      const wasActive = await startingOver(capability, async () => {
        const head = await headOf(capability);
        const state = await hubState();
        const plugin = own(state.plugins, pluginId);
        if (!plugin || plugin.status === "uninstalled") throw notInstalled();
        try {
          await commit(capability, [{ type: "PluginUninstalled", data: { pluginId, capability, reason } } as NewEvent], null, { head });
        } catch (err) {
          if (err instanceof ConcurrencyError) throw new StartConflict(err.message, err.actual, err);
          throw err;
        }
        return own(state.capabilities, capability)?.active === pluginId;
      });
      if (!wasActive) return { pluginId, wasActive, restored: null };
      const next = successorAfterUninstall(await hubState(), capability, pluginId);
      if (!next) return { pluginId, wasActive, restored: null };
      // Only while nothing serves: a version activated meanwhile (an operator's) is not undone.
      const outcome = await service.switchTo(capability, { kind: "rollback", version: next.version, whileActive: null }).catch((err: unknown) => {
        if ((err as { code?: unknown }).code === "superseded") return undefined;
        throw err;
      });
      return { pluginId, wasActive, restored: outcome?.ok ? outcome.pluginId : null, ...(outcome ? { outcome } : {}) };
    },

    recover: leases.recover,
    settle,
    nextLeaseExpiry: leases.nextLeaseExpiry,
  };
  return service;
}

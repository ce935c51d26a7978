/**
 * The event catalog: every event type capsmith writes, with the zod schema of its `data` and its
 * `schemaVersion`. Adding an event type is one entry here; envelopes, validation and the typed
 * `StoredEvent` union all derive from this object.
 */
import { z } from "zod";

/**
 * Where in the plan a step event happened: `cost`, `enrich[3]` (an element of a forEach),
 * `cost/fix` (a fallback in cost's place). Optional: events of older builds lack it.
 */
const stepPath = z.string().min(1).max(2_000).optional();

export const eventCatalog = {
  /** A free-text note an operator adds to the log (`capsmith note`). */
  OperatorNote: {
    schemaVersion: 1,
    data: z.object({ text: z.string().min(1).max(10_000) }),
  },
  /**
   * The sandbox refused a plugin's host operation (profile, allowlist or budget); audit trail.
   * Repeated refusals of one kind are one event: `count` of them (1 when absent), the first target.
   */
  PermissionDenied: {
    schemaVersion: 1,
    data: z.object({
      plugin: z.string().min(1),
      operation: z.string().min(1),
      target: z.string().max(500),
      profile: z.string(),
      reason: z.string().max(1_000),
      count: z.int().positive().optional(),
    }),
  },
  /**
   * An agent's handler failed on an event as many times as it may (subject
   * capsmith.evt.deadletter.<role>): the event is set aside instead of being retried forever.
   */
  HandlerDeadLettered: {
    schemaVersion: 1,
    data: z.object({
      role: z.string().min(1),
      eventId: z.string().min(1),
      eventType: z.string().min(1),
      eventSeq: z.int().nonnegative(),
      subject: z.string().min(1),
      attempts: z.int().positive(),
      error: z.object({ code: z.string(), message: z.string().max(2_000) }),
    }),
  },
  /**
   * An operator hands a dead letter back to its role (`capsmith deadletters redrive`): appended on
   * the set-aside event's own subject, so the role's durable subscription delivers it, and the
   * agent loop gives that event to the role's handler again with a fresh set of attempts.
   */
  DeadLetterRedriven: {
    schemaVersion: 1,
    data: z.object({
      role: z.string().min(1),
      /** The HandlerDeadLettered event's id. */
      deadLetterId: z.string().min(1),
      /** The set-aside event's id. */
      eventId: z.string().min(1),
      note: z.string().min(1).max(2_000).optional(),
    }),
  },

  // ── Plugin hub (subject capsmith.evt.plugin.<capability>) ─────────────────────────────────────
  /** An install, update or rollback transaction begins; the package travels in the log. */
  InstallStarted: {
    schemaVersion: 1,
    data: z.object({
      txId: z.string().min(1),
      kind: z.enum(["install", "update", "rollback"]),
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      version: z.string().min(1),
      /** The plugin package (validated by the hub at its edge). */
      package: z.record(z.string(), z.unknown()),
      /** Plugin id active when the transaction began: what a rollback restores. */
      previousActive: z.string().nullable(),
      source: z.string(),
      /**
       * A switch that holds only while its target is eligible (the slo rollback's): the activate
       * step judges that again, also in a takeover. Absent: false (logs written before it).
       */
      whileEligible: z.boolean().optional(),
    }),
  },
  /** One of download → verify → dependency-prepare → health-check → activate finished (older logs: activate before health-check). */
  InstallPhaseCompleted: {
    schemaVersion: 1,
    data: z.object({
      txId: z.string().min(1),
      phase: z.enum(["download", "verify", "dependency-prepare", "activate", "health-check"]),
      index: z.int().min(1).max(5),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  },
  /** Makes a plugin the active one for its capability. */
  PluginActivated: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      version: z.string().min(1),
      txId: z.string().nullable(),
      reason: z.enum(["install", "update", "rollback", "revert", "recovery"]),
    }),
  },
  /** Leaves a capability with no active plugin (a revert to before its first install). */
  PluginDeactivated: {
    schemaVersion: 1,
    data: z.object({ capability: z.string().min(1), pluginId: z.string().min(1), reason: z.string() }),
  },
  InstallCommitted: {
    schemaVersion: 1,
    data: z.object({ txId: z.string().min(1), pluginId: z.string().min(1), tier: z.enum(["T0", "T1", "T2", "T3"]) }),
  },
  /** A transaction failed or was interrupted; `restored` is the plugin active again (or none). */
  InstallRolledBack: {
    schemaVersion: 1,
    data: z.object({
      txId: z.string().min(1),
      pluginId: z.string().min(1),
      phase: z.string(),
      code: z.string(),
      message: z.string(),
      restored: z.string().nullable(),
    }),
  },
  PluginUninstalled: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), capability: z.string().min(1), reason: z.string() }),
  },
  PluginTierAssigned: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), tier: z.enum(["T0", "T1", "T2", "T3"]), reasons: z.array(z.string()) }),
  },
  /**
   * Takes a plugin out of service (T0; an active one leaves its capability with none active).
   * `rollback`: the slo agent, which may not activate anything, asks a governor to activate the
   * previous good version in its place (the governor answers with a rollback or `RollbackBlocked`).
   */
  PluginQuarantined: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), reason: z.string(), rollback: z.boolean().optional() }),
  },
  /**
   * A governor could not roll back after a quarantine that asked for one: the quarantine did not
   * stand for a breach, no good earlier version, or each would break a dependent's declared range or
   * lower the capability's trust (`candidates`: each version, why, and whom it breaks).
   * The capability stays with none active until an operator acts.
   */
  RollbackBlocked: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      candidates: z.array(z.object({
        pluginId: z.string().min(1),
        /** Why it was passed over (absent in records written before trust was judged: dependents_broken). */
        code: z.enum(["dependents_broken", "trust_downgrade"]).optional(),
        dependents: z.array(z.object({ id: z.string().min(1), range: z.string() })),
      })),
      reason: z.string(),
    }),
  },
  /** A checksum or signature did not match, at install or at load. */
  TamperDetected: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      check: z.enum(["checksum", "signature"]),
      where: z.enum(["install", "load"]),
      expected: z.string(),
      found: z.string(),
    }),
  },
  /** An operator's signed approval of a plugin that policy holds for a human. */
  PluginApproved: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), keyId: z.string().min(1), signature: z.string().min(1), note: z.string().optional() }),
  },
  PluginRejected: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), reasons: z.array(z.string()) }),
  },
  /** Puts a plugin's status and tier back to what they were (a revert of later changes). */
  PluginStatusRestored: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      status: z.enum(["installing", "active", "inactive", "rolled_back", "quarantined", "uninstalled", "failed"]),
      tier: z.enum(["T0", "T1", "T2", "T3"]),
    }),
  },
  /** `capsmith revert --to`: marks the compensating events that follow under its correlation id. */
  HubReverted: {
    schemaVersion: 1,
    data: z.object({ toSeq: z.int().nonnegative(), changes: z.int().nonnegative() }),
  },

  // ── The loop (subject capsmith.evt.gap.<capability>) ──────────────────────────────────────────
  /** A plan step, the REPL or a person needs a capability (with the spec to build it from, if any). */
  CapabilityRequested: {
    schemaVersion: 1,
    data: z.object({
      requestId: z.string().min(1),
      capability: z.string().min(1),
      spec: z.record(z.string(), z.unknown()).nullable(),
      source: z.enum(["plan", "repl", "cli", "api", "mcp"]),
      runId: z.string().nullable(),
      stepId: z.string().nullable(),
      backend: z.enum(["auto", "example", "llm"]).default("auto"),
      /** Publish even when other readings of the examples disagree (`--accept-ambiguous`). */
      acceptAmbiguous: z.boolean().optional(),
    }),
  },
  /** The gap detector found a published plugin that serves the request: no synthesis needed. */
  CapabilityResolved: {
    schemaVersion: 1,
    data: z.object({ requestId: z.string().min(1), capability: z.string().min(1), pluginId: z.string().min(1) }),
  },
  /** No adequate plugin: a gap is open, with the spec a synthesizer must satisfy. */
  CapabilityGapDetected: {
    schemaVersion: 1,
    data: z.object({
      gapId: z.string().min(1),
      capability: z.string().min(1),
      spec: z.record(z.string(), z.unknown()),
      specHash: z.string().min(1),
      version: z.string().min(1),
      backend: z.enum(["auto", "example", "llm"]),
      acceptAmbiguous: z.boolean().optional(),
    }),
  },
  PluginDrafted: {
    schemaVersion: 1,
    data: z.object({
      gapId: z.string().min(1),
      draftId: z.string().min(1),
      capability: z.string().min(1),
      version: z.string().min(1),
      code: z.string().min(1),
      backend: z.string(),
      model: z.string().nullable(),
      size: z.number(),
      candidates: z.number(),
      elapsedMs: z.number(),
      /** How it was made, when a person should know (the llm failed and `example` was used). */
      note: z.string().optional(),
    }),
  },
  SynthesisFailed: {
    schemaVersion: 1,
    data: z.object({ gapId: z.string().min(1), capability: z.string().min(1), code: z.string(), message: z.string() }),
  },
  // ── Synthesis that asks (issue 17) ──
  /**
   * Programs that fit the examples disagree on another input: nothing is published; the person is
   * asked for that input's output (the REPL), or told (CLI, plans).
   */
  SynthesisAmbiguous: {
    schemaVersion: 1,
    data: z.object({
      gapId: z.string().min(1),
      capability: z.string().min(1),
      reason: z.enum(["programs_disagree", "ignores_input", "unconfirmed", "unstable"]),
      input: z.unknown(),
      readings: z.array(z.object({ program: z.string(), output: z.unknown() })),
    }),
  },
  /** Whoever asked no longer waits (Ctrl-C at the REPL): a synthesis still running for it stops. */
  CapabilityRequestCancelled: {
    schemaVersion: 1,
    data: z.object({ requestId: z.string().min(1), capability: z.string().min(1) }),
  },
  /** The tester's report on a draft: each golden case, determinism, latency. */
  PluginTested: {
    schemaVersion: 1,
    data: z.object({
      gapId: z.string().min(1),
      draftId: z.string().min(1),
      capability: z.string().min(1),
      report: z.object({
        id: z.string().min(1),
        passed: z.int().nonnegative(),
        failed: z.int().nonnegative(),
        deterministic: z.boolean(),
        cases: z.array(z.record(z.string(), z.unknown())),
      }),
    }),
  },
  /** Policy holds the plugin for an operator (elevated permission or sensitive profile). */
  ApprovalRequested: {
    schemaVersion: 1,
    data: z.object({
      gapId: z.string().min(1),
      pluginId: z.string().min(1),
      reasons: z.array(z.string()),
      /** What the operator is asked to allow (optional: events of older builds lack them). */
      profile: z.string().optional(),
      permissions: z.record(z.string(), z.unknown()).optional(),
    }),
  },
  /**
   * A governor took an operator's approval of a held plugin as the hold's decision and is publishing
   * it (appended on the gap's head before the install starts, so at most one decision claims a hold).
   * No other decision on the hold counts after it; whoever handles a delivery of that approval
   * (`decisionId`), the claimant or the governor it is redelivered to, carries the decision out.
   */
  HoldClaimed: {
    schemaVersion: 1,
    data: z.object({ gapId: z.string().min(1), pluginId: z.string().min(1), decisionId: z.string().min(1) }),
  },
  /** The gap is over: a plugin is active (ok), or why not. */
  GapClosed: {
    schemaVersion: 1,
    data: z.object({
      gapId: z.string().min(1),
      capability: z.string().min(1),
      ok: z.boolean(),
      pluginId: z.string().nullable(),
      outcome: z.enum(["published", "rejected", "synthesis_failed", "install_failed", "dry_run", "suggested", "ambiguous", "cancelled"]),
      reason: z.string(),
    }),
  },

  // ── Runs and usage (subjects capsmith.evt.run.<runId>, capsmith.evt.usage.<capability>) ────────
  RunStarted: {
    schemaVersion: 1,
    data: z.object({ runId: z.string().min(1), plan: z.string(), planHash: z.string(), steps: z.int().nonnegative() }),
  },
  StepBlocked: {
    schemaVersion: 1,
    data: z.object({ runId: z.string().min(1), stepId: z.string().min(1), capability: z.string().min(1), requestId: z.string().min(1), path: stepPath }),
  },
  StepFinished: {
    schemaVersion: 1,
    data: z.object({
      runId: z.string().min(1),
      stepId: z.string().min(1),
      capability: z.string().min(1),
      ok: z.boolean(),
      /** The step was blocked on a missing capability that the loop then provided. */
      recovered: z.boolean(),
      code: z.string().nullable(),
      path: stepPath,
    }),
  },
  RunFinished: {
    schemaVersion: 1,
    data: z.object({ runId: z.string().min(1), ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() }),
  },
  /** One plugin invocation: who, for which run, how it went and what it cost. */
  PluginInvoked: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      runId: z.string().nullable(),
      ok: z.boolean(),
      errorCode: z.string().nullable(),
      latencyMs: z.number().nonnegative(),
      cpuMs: z.number().nonnegative(),
      heapBytes: z.number().nonnegative(),
      /** What an `agent` plugin spent (absent for others, and in events written before they existed). */
      tokens: z.number().nonnegative().optional(),
      costUsd: z.number().nonnegative().optional(),
    }),
  },

  /**
   * A call refused before any plugin code ran because its input broke the plugin's input schema: the
   * caller's error, never the plugin's failure (SLOs count PluginInvoked only). `issues` are the first
   * problems, each with an RFC 6901 pointer into the input.
   */
  CallRejected: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      runId: z.string().nullable(),
      code: z.string().min(1),
      issues: z.array(z.object({ pointer: z.string().max(2_000), message: z.string().max(2_000), keyword: z.string().max(200) })).max(20),
    }),
  },

  // ── SLO alerts (subject capsmith.evt.alert.<capability>) ──────────────────────────────────────
  /** An SLO rule started firing for a plugin (projections/slo-alerts.ts has the rules). */
  AlertRaised: {
    schemaVersion: 1,
    data: z.object({
      alertId: z.string().min(1),
      rule: z.enum(["burn_fast", "burn_slow", "burn_ticket", "latency_regression", "cost_anomaly", "budget_breach"]),
      severity: z.enum(["page", "ticket"]),
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      value: z.number(),
      threshold: z.number(),
      message: z.string(),
      /** budget_breach only: what policy did about it. */
      action: z.enum(["flag", "quarantine", "rollback"]).optional(),
    }),
  },
  /** The condition behind an alert ended. */
  AlertCleared: {
    schemaVersion: 1,
    data: z.object({ alertId: z.string().min(1), rule: z.string().min(1), pluginId: z.string().min(1), capability: z.string().min(1), message: z.string() }),
  },

  // ── Keys (subject capsmith.evt.key.<keyId>) ───────────────────────────────────────────────────
  KeyTrusted: {
    schemaVersion: 1,
    data: z.object({
      keyId: z.string().min(1),
      publicKey: z.string().min(1),
      name: z.string().min(1),
      role: z.enum(["publisher", "operator", "governor", "synthesizer", "tester", "runner", "gap", "slo"]),
    }),
  },
  KeyRevoked: {
    schemaVersion: 1,
    data: z.object({ keyId: z.string().min(1), reason: z.string() }),
  },

  // ── REPL sessions (subject capsmith.evt.session.<sessionId>) ─────────────────────────────────
  /** A person opened the REPL (or ran `capsmith -p`); what was asked and answered follows. */
  SessionStarted: {
    schemaVersion: 1,
    data: z.object({ sessionId: z.string().min(1), mode: z.enum(["interactive", "print"]), hostVersion: z.string(), llm: z.boolean() }),
  },
  /** What the person typed: a slash command, plain words, or an answer to a question. */
  SessionInput: {
    schemaVersion: 1,
    data: z.object({ sessionId: z.string().min(1), kind: z.enum(["command", "words", "answer"]), text: z.string().max(20_000) }),
  },
  /** What the REPL answered: a tagged summary (`type` is the result's tag). */
  SessionOutput: {
    schemaVersion: 1,
    data: z.object({ sessionId: z.string().min(1), type: z.string().min(1), text: z.string().max(20_000), ok: z.boolean() }),
  },
  SessionEnded: {
    schemaVersion: 1,
    data: z.object({ sessionId: z.string().min(1), reason: z.enum(["quit", "interrupt", "end_of_input", "error"]) }),
  },
} as const satisfies Record<string, { schemaVersion: number; data: z.ZodType }>;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventData<T extends EventType> = z.infer<EventCatalog[T]["data"]>;

export function isKnownEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}

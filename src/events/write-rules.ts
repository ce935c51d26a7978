/**
 * Who may write what: for every event type, the roles whose key may sign it. One table, read by the
 * read model (an event that decides something counts only when a trusted key of one of its roles
 * signed it, and its `actor` is that key's role), by `audit verify` (which lists the others), and
 * mirrored by the NATS permissions of deploy/nats/accounts.conf (each user publishes only the
 * subjects of its role's events). A request is not a gap, a gap is not a draft, a draft is not a
 * test report, a test report is not an install: each is its own role's decision.
 */
import type { EventType } from "./catalog.ts";

/** A signing role (the `role` of KeyTrusted). */
export type WriterRole = "publisher" | "operator" | "governor" | "synthesizer" | "tester" | "runner" | "gap" | "slo";

const GOVERNING: readonly WriterRole[] = ["governor", "operator"];
const AGENTS: readonly WriterRole[] = ["operator", "governor", "synthesizer", "tester", "runner", "gap", "slo"];
const RUNNING: readonly WriterRole[] = ["runner", "operator"];

/**
 * Decision events: what changes which plugin runs, how far it is trusted, or what the loop builds.
 * Only these are gated (a reader ignores one its roles did not sign); the rest are records of what
 * happened (runs, usage, notes) whose signature `audit verify` still checks when present.
 */
export const DECISION_RULES: Readonly<Partial<Record<EventType, readonly WriterRole[]>>> = {
  // The hub: only a governor or an operator changes what is active or how far it is trusted.
  InstallStarted: GOVERNING,
  InstallPhaseCompleted: GOVERNING,
  PluginActivated: GOVERNING,
  PluginDeactivated: GOVERNING,
  InstallCommitted: GOVERNING,
  InstallRolledBack: GOVERNING,
  PluginUninstalled: GOVERNING,
  PluginStatusRestored: GOVERNING,
  PluginTierAssigned: GOVERNING,
  // The slo agent may take a plugin out of service (never put one in).
  PluginQuarantined: ["governor", "operator", "slo"],
  // A governor's answer to a quarantine that asked for a rollback, when it activates nothing: it
  // settles the request, so one no governing key signed may not stand in for it.
  RollbackBlocked: GOVERNING,
  HubReverted: ["operator"],
  PluginApproved: ["operator"],
  PluginRejected: ["operator", "governor"],
  // The loop: each step is its own role's.
  CapabilityResolved: ["gap"],
  CapabilityGapDetected: ["gap"],
  PluginDrafted: ["synthesizer"],
  SynthesisFailed: ["synthesizer"],
  SynthesisAmbiguous: ["synthesizer"],
  PluginTested: ["tester"],
  ApprovalRequested: ["governor"],
  // A claim settles a hold (later decisions on it count for nothing): only a governor takes one.
  HoldClaimed: ["governor"],
  // Handing a dead letter back to its role runs that role's handler again: the operator's call.
  DeadLetterRedriven: ["operator"],
  GapClosed: ["gap", "synthesizer", "governor"],
  // The slo agent's alerts, and the usage it judges: a plugin that keeps breaking its budget is
  // quarantined or rolled back by policy, so forged usage or a forged alert would decide that.
  // Every role whose process may call a plugin records its calls (a governor's health check and a
  // tester's run of a draft reach other plugins through host.invoke); only USAGE_EVIDENCE's are
  // what the slo judgement counts.
  PluginInvoked: [...RUNNING, "governor", "tester", "slo"],
  AlertRaised: ["slo"],
  AlertCleared: ["slo"],
};

/**
 * The writers whose usage records (PluginInvoked) are evidence about the calls production makes: the
 * runner's (plan steps, `invoke`, serve's invoke route) and the operator's (a process holding every
 * key records its calls as the operator). A tester's or governor's calls are tests and health checks
 * of other code, and the slo agent judges usage, it does not make it: their records are kept (and
 * verified) but never count towards an slo window, an alert, a quarantine or a rollback. The calls a
 * package under a health check or a test run makes through host.invoke (at any depth) are recorded
 * as the governor's or the tester's, whatever key the process holds (src/agents/invoke.ts), so
 * neither a stolen tester, governor or slo key nor a package's golden cases can put usage on the
 * record that gets a healthy plugin quarantined (attack round 3). A stolen
 * runner key can: recording calls is the runner's job, and nothing in the log can tell a forged
 * failure from a real one (docs/threat-model.md).
 */
export const USAGE_EVIDENCE: readonly WriterRole[] = RUNNING;

/** Whether a usage record by this actor counts as evidence of production calls (see USAGE_EVIDENCE). */
export function isUsageEvidence(actor: string): boolean {
  return (USAGE_EVIDENCE as readonly string[]).includes(actor);
}

/** Every event type's writers: decision events as above, the others by who records them. */
export const WRITE_RULES: Readonly<Record<EventType, readonly WriterRole[]>> = {
  ...(DECISION_RULES as Record<EventType, readonly WriterRole[]>),
  OperatorNote: ["operator"],
  PermissionDenied: AGENTS,
  HandlerDeadLettered: AGENTS,
  TamperDetected: AGENTS,
  CapabilityRequested: RUNNING,
  CapabilityRequestCancelled: RUNNING,
  RunStarted: RUNNING,
  StepBlocked: RUNNING,
  StepFinished: RUNNING,
  RunFinished: RUNNING,
  // Trusted or revoked by an operator's signature (a key may revoke itself): projections/event-signatures.ts.
  KeyTrusted: ["operator", "governor"],
  KeyRevoked: AGENTS,
  SessionStarted: ["operator"],
  SessionInput: ["operator"],
  SessionOutput: ["operator"],
  SessionEnded: ["operator"],
};

/** The roles allowed to make a decision event, or undefined when the type decides nothing. */
export function decisionWriters(type: string): readonly WriterRole[] | undefined {
  return Object.hasOwn(DECISION_RULES, type) ? DECISION_RULES[type as EventType] : undefined;
}

/** The roles allowed to write an event type (none for a type the catalog does not know). */
export function writersOf(type: string): readonly WriterRole[] {
  return Object.hasOwn(WRITE_RULES, type) ? WRITE_RULES[type as EventType] : [];
}

/**
 * The event subjects each role's NATS user may publish (deploy/nats/accounts.conf grants exactly
 * these; a test holds the two together). The gap subjects are shared by the loop's roles: NATS
 * cannot tell their decisions apart there, the read model does by DECISION_RULES.
 */
export const ROLE_SUBJECTS: Readonly<Record<Exclude<WriterRole, "publisher">, readonly string[]>> = {
  operator: ["capsmith.evt.>"],
  gap: ["capsmith.evt.gap.>", "capsmith.evt.deadletter.gap"],
  synthesizer: ["capsmith.evt.gap.>", "capsmith.evt.deadletter.synthesizer"],
  tester: ["capsmith.evt.gap.>", "capsmith.evt.deadletter.tester", "capsmith.evt.sandbox.>"],
  governor: ["capsmith.evt.gap.>", "capsmith.evt.plugin.>", "capsmith.evt.deadletter.governor"],
  runner: ["capsmith.evt.run.>", "capsmith.evt.gap.>", "capsmith.evt.usage.>", "capsmith.evt.sandbox.>", "capsmith.evt.deadletter.runner"],
  slo: ["capsmith.evt.alert.>", "capsmith.evt.plugin.>", "capsmith.evt.deadletter.slo"],
};

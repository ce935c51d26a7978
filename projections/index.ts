/**
 * Projections: pure reducers over the event log; the engine that folds the log into them, checking
 * every event's chain first; the read model every process decides on; and its snapshots. Reducers
 * do no I/O and read no clock; replaying the same events gives byte-identical state (`stateHash`).
 */
import { audit } from "./audit.ts";
import { gaps } from "./gaps.ts";
import { hub } from "./hub.ts";
import { installs } from "./installs.ts";
import { keys } from "./keys.ts";
import { logStats } from "./log-stats.ts";
import { runs } from "./runs.ts";
import { slo } from "./slo.ts";

export type { Projection } from "./projection.ts";
export type { LogStats } from "./log-stats.ts";
export { logStats } from "./log-stats.ts";
export { createProjector } from "./engine.ts";
export type { ProjectionSet, ProjectionView, Projector, ProjectorOptions, ReplayPoint, StatesOf } from "./engine.ts";
export { checkEvent } from "./integrity.ts";
export type { EventProblem, Heads, Integrity, Quarantined, QuarantineProblem } from "./integrity.ts";
export { fileSnapshotStore, SNAPSHOT_FORMAT } from "./snapshot-store.ts";
export type { LoadedSnapshot, SnapshotCapture, SnapshotStore } from "./snapshot-store.ts";
export { openReadModel, readModelProjections, PROJECTION_NAMES } from "./read-model.ts";
export type { ChangeSource, ProjectionName, ReadModel, ReadModelOptions, ReadModelProjections, ReadStates, ReadView } from "./read-model.ts";
export { runs } from "./runs.ts";
export type { Run, RunStep, RunsState } from "./runs.ts";
export { stateHash } from "./state-hash.ts";
export { DECISION_EVENTS } from "./decision-events.ts";
export { hub, hubProjection, hubView, lowersTrust, signedHub } from "./hub.ts";
export { packageProblem } from "./package-consistency.ts";
export type { InstallClaim } from "./package-consistency.ts";
export { HUB_CHANGING, applySignedTrust, checkDecision, checkEventSignature, passesGate } from "./event-signatures.ts";
export type { Gated } from "./event-signatures.ts";
export { gated, signedKeys } from "./gated.ts";
export type { EventSignatureCheck, EventSignatureCode } from "./event-signatures.ts";
export type { Approval, CapabilityRecord, HubState, PluginRecord, PluginStatus, TrustTier } from "./hub-types.ts";
export { installs, unfinished, describeTransaction, INSTALL_PHASES } from "./installs.ts";
export type { InstallPhase, InstallsState, Transaction } from "./installs.ts";
export { audit } from "./audit.ts";
export { gaps, loopStats } from "./gaps.ts";
export type { Gap, GapStatus, GapsState, LoopStats, RunTally, StepTally } from "./gaps.ts";
export { keys } from "./keys.ts";
export type { KeysState, TrustedKey } from "./keys.ts";
export type { AuditEntry, AuditState } from "./audit.ts";
export { slo } from "./slo.ts";
export type { BlockedRollback, OpenAlert, SloState, SloStateJson } from "./slo.ts";
export { sloView, figures, WINDOWS, WINDOW_NAMES } from "./slo-window.ts";
export type { Figures, SloRow, SloView, Trend, ViewOptions, WindowName } from "./slo-window.ts";
export { alertChanges, evaluatePlugin, pluginsToJudge, BURN_RULES } from "./slo-alerts.ts";
export type { AlertChanges, AlertRule, RuleResult } from "./slo-alerts.ts";
export { sloTargets, budgetFor, DEFAULT_SLO_TARGETS } from "./slo-config.ts";
export { own, put } from "./own-entry.ts";
export type { BreachAction, SloBudget, SloPolicy, SloTargets } from "./slo-config.ts";
export { sloReport, reportMarkdown } from "./slo-report.ts";
export { sloTrend, TREND_WINDOWS } from "./slo-trend.ts";
export type { SloTrend, TrendPoint, TrendWindow } from "./slo-trend.ts";
export type { ReportLine, SloReport } from "./slo-report.ts";

/** Every projection capsmith maintains, by name (the read model's set, with the plain hub). */
export const allProjections = { logStats, hub, installs, audit, keys, gaps, slo, runs } as const;

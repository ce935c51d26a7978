/**
 * Projections: pure reducers over the event log, the replay engine that folds the log into them,
 * and checkpoints. Reducers do no I/O and read no clock; replaying the same events gives
 * byte-identical state (compare `stateHash`).
 */
import { audit } from "./audit.ts";
import { gaps } from "./gaps.ts";
import { hub } from "./hub.ts";
import { installs } from "./installs.ts";
import { keys } from "./keys.ts";
import { logStats } from "./log-stats.ts";
import type { Projection } from "./projection.ts";
import { slo } from "./slo.ts";

export type { Projection } from "./projection.ts";
export type { LogStats } from "./log-stats.ts";
export { logStats } from "./log-stats.ts";
export { createProjector } from "./engine.ts";
export type { ProjectionView, Projector, ProjectorOptions, ReplayPoint } from "./engine.ts";
export { fileCheckpointStore } from "./checkpoint-store.ts";
export type { Anchors, Checkpoint, CheckpointStore } from "./checkpoint-store.ts";
export { stateHash } from "./state-hash.ts";
export { hub, hubProjection, hubView, signedHub } from "./hub.ts";
export { HUB_CHANGING, applySignedTrust, checkEventSignature } from "./event-signatures.ts";
export type { EventSignatureCheck, EventSignatureCode } from "./event-signatures.ts";
export type { Approval, CapabilityRecord, HubState, PluginRecord, PluginStatus, TrustTier } from "./hub-types.ts";
export { installs, unfinished, describeTransaction, INSTALL_PHASES } from "./installs.ts";
export type { InstallPhase, InstallsState, Transaction } from "./installs.ts";
export { audit } from "./audit.ts";
export { gaps, loopStats } from "./gaps.ts";
export type { Gap, GapStatus, GapsState, LoopStats } from "./gaps.ts";
export { keys } from "./keys.ts";
export type { KeysState, TrustedKey } from "./keys.ts";
export type { AuditEntry, AuditState } from "./audit.ts";
export { slo } from "./slo.ts";
export type { OpenAlert, SloState, SloStateJson } from "./slo.ts";
export { sloView, figures, WINDOWS, WINDOW_NAMES } from "./slo-window.ts";
export type { Figures, SloRow, SloView, Trend, ViewOptions, WindowName } from "./slo-window.ts";
export { alertChanges, evaluatePlugin, pluginsToJudge, BURN_RULES } from "./slo-alerts.ts";
export type { AlertChanges, AlertRule, RuleResult } from "./slo-alerts.ts";
export { sloTargets, budgetFor, DEFAULT_SLO_TARGETS } from "./slo-config.ts";
export type { BreachAction, SloBudget, SloPolicy, SloTargets } from "./slo-config.ts";
export { sloReport, reportMarkdown } from "./slo-report.ts";
export type { ReportLine, SloReport } from "./slo-report.ts";

/** Every projection capsmith maintains; later areas add theirs here. */
export const allProjections: readonly Projection[] = [logStats as Projection, hub as Projection, installs as Projection, audit as Projection, keys as Projection, gaps as Projection, slo as Projection];

/**
 * Events: the envelope and catalog, the `EventLog` port and its adapters (embedded file log,
 * NATS JetStream), and the hash chain. Adapters are the only code that touches files or NATS for
 * events. Other areas import from here only.
 */
export * from "./errors.ts";
export * from "./catalog.ts";
export * from "./envelope.ts";
export type * from "./event-log.ts";
export { CLOSE_WAIT_MS, settlesWithin } from "./event-log.ts";
export { canonicalJson } from "./canonical-json.ts";
export { ChainVerifier, eventHash, sha256 } from "./hash-chain.ts";
export type { ChainBreak } from "./hash-chain.ts";
export { ALL_EVENTS, SUBJECT_PREFIX, assertFilter, isSubject, subjectFor, subjectMatches } from "./subjects.ts";
export { openEventLog } from "./open-event-log.ts";
export type { OpenEventLogOptions } from "./open-event-log.ts";
export type { EventSigner } from "./seal.ts";
export { openFileLog } from "./file-log.ts";
export { snapshotKey } from "./log-identity.ts";
export { closeConnection, connectNats } from "./connect-nats.ts";
export type { NatsConnectOptions } from "./nats-connect.ts";
export { assertNamespace } from "./nats-context.ts";
export type { FileLogOptions } from "./file-log.ts";
export { verifyLog } from "./verify-log.ts";
export { MAX_JSON_DEPTH, jsonTooDeep } from "./json-depth.ts";
export { eventText, loneSurrogateAt, loneSurrogatePath, wellFormedDeep } from "./lone-surrogates.ts";
export type { AnchorHeads, VerifyProblem, VerifyReport } from "./verify-log.ts";
export { until, watchLog } from "./log-changes.ts";
export type { ChangeListener, UntilOptions, WatchedLog } from "./log-changes.ts";
export { eventSummary } from "./event-summary.ts";
export { withActor } from "./with-actor.ts";
export { DECISION_RULES, ROLE_SUBJECTS, USAGE_EVIDENCE, WRITE_RULES, decisionWriters, isUsageEvidence, writersOf } from "./write-rules.ts";
export type { WriterRole } from "./write-rules.ts";
export { ANCHOR_FORMAT, anchorSigningText, blockSizeFor } from "./anchor.ts";
export type { AnchorFile, AnchorSignature, AnchorStatement } from "./anchor.ts";
export type { AnchorDifference } from "./anchor-walk.ts";
export { takeAnchor, sameLog } from "./anchor-take.ts";
export { verifyAgainstAnchor } from "./anchor-verify.ts";
export type { AnchorCheck } from "./anchor-verify.ts";
export { anchorStore, parseAnchor, readAnchorFile, signAnchor, writeAnchorFile } from "./anchor-store.ts";
export type { AnchorSigner, AnchorStore } from "./anchor-store.ts";

/**
 * Events: the envelope and catalog, the `EventLog` port and its adapters (embedded file log,
 * NATS JetStream), and the hash chain. Adapters are the only code that touches files or NATS for
 * events. Other areas import from here only.
 */
export * from "./errors.ts";
export * from "./catalog.ts";
export * from "./envelope.ts";
export type * from "./event-log.ts";
export { canonicalJson } from "./canonical-json.ts";
export { ChainVerifier, eventHash, sha256 } from "./hash-chain.ts";
export type { ChainBreak } from "./hash-chain.ts";
export { ALL_EVENTS, SUBJECT_PREFIX, assertFilter, subjectFor, subjectMatches } from "./subjects.ts";
export { openEventLog } from "./open-event-log.ts";
export type { OpenEventLogOptions } from "./open-event-log.ts";
export type { EventSigner } from "./seal.ts";
export { openFileLog } from "./file-log.ts";
export type { FileLogOptions } from "./file-log.ts";
export { verifyLog } from "./verify-log.ts";
export { MAX_JSON_DEPTH, jsonTooDeep } from "./json-depth.ts";
export type { AnchorHeads, VerifyProblem, VerifyReport } from "./verify-log.ts";

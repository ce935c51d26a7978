/**
 * Blobs: content-addressed bytes (packages, code, specs, test reports) kept out of the event log.
 * Events carry a blob's sha256; the store gives the bytes back only if they still hash to it. In the
 * data directory by default, in a JetStream Object Store bucket on NATS. Sits beside the events area.
 */
export { BlobError, DEFAULT_MAX_BLOB_BYTES, assertBlobHash, blobHash } from "./blob-store.ts";
export type { BlobErrorCode, BlobStore } from "./blob-store.ts";
export { openBlobStore } from "./open-blob-store.ts";
export type { OpenBlobStoreOptions } from "./open-blob-store.ts";
export { openFileBlobStore } from "./file-blob-store.ts";
export type { FileBlobStoreOptions } from "./file-blob-store.ts";
export type { NatsBlobStoreOptions } from "./nats-blob-store.ts";

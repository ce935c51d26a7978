/**
 * The blob store port: bytes stored once under their sha256, so events can carry a hash instead of a
 * package, a spec or a test report. Every read is verified against the hash it was asked for.
 */
import { hash as digest } from "node:crypto";
import { CapsmithError } from "../errors/index.ts";

export interface BlobStore {
  readonly kind: "file" | "nats";
  /** The largest blob `put` accepts, in bytes. */
  readonly maxBytes: number;
  /**
   * Stores `bytes` (once: a blob already there is not written again) and returns their sha256 as 64
   * hex digits. More than `maxBytes` is refused with `blob_too_large` before anything is written.
   */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `hash`, checked against it: `blob_not_found`, `blob_corrupt`. */
  get(hash: string): Promise<Uint8Array>;
  /** Whether a blob is stored under `hash` (not verified: `get` does that). */
  has(hash: string): Promise<boolean>;
  close(): Promise<void>;
}

export type BlobErrorCode = "blob_too_large" | "blob_not_found" | "blob_corrupt" | "invalid_blob_hash" | "blob_unavailable" | "permission_denied";

export class BlobError extends CapsmithError<BlobErrorCode> {
  override name = "BlobError";
}

/** 64 MiB: far above any package, spec or report capsmith makes; policy sets lower limits per kind. */
export const DEFAULT_MAX_BLOB_BYTES = 64 * 1024 * 1024;

export function blobHash(bytes: Uint8Array): string {
  return digest("sha256", bytes, "hex");
}

const HASH = /^[0-9a-f]{64}$/;

export function assertBlobHash(hash: string): void {
  if (typeof hash !== "string" || !HASH.test(hash)) {
    throw new BlobError("invalid_blob_hash", `not a blob hash: ${JSON.stringify(String(hash)).slice(0, 80)}`, {
      nextStep: "A blob hash is the sha256 of its bytes as 64 lowercase hex digits.",
    });
  }
}

export function assertBlobSize(bytes: Uint8Array, maxBytes: number): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new BlobError("blob_too_large", "a blob is bytes (a Uint8Array)", { nextStep: "Pass the blob as a Buffer or Uint8Array." });
  }
  if (bytes.byteLength > maxBytes) {
    throw new BlobError("blob_too_large", `a blob of ${bytes.byteLength} bytes is over the limit of ${maxBytes}`, {
      nextStep: "Make it smaller, or raise the limit (maxBytes) if this size is expected.",
      details: { bytes: bytes.byteLength, maxBytes },
    });
  }
}

/** The bytes, if they hash to `hash`; else `blob_corrupt` (nothing that fails the check is returned). */
export function verified(hash: string, bytes: Uint8Array, where: string): Uint8Array {
  const found = blobHash(bytes);
  if (found !== hash) {
    throw new BlobError("blob_corrupt", `blob ${hash} in ${where} does not match its hash (its bytes hash to ${found})`, {
      nextStep: "Restore the blob from a backup or put its original bytes again; run `capsmith audit verify` to find every event that refers to it.",
      details: { hash, found, where },
    });
  }
  return bytes;
}

/**
 * Blobs on NATS: a JetStream Object Store bucket (`capsmith_blobs`, or `capsmith_blobs_<namespace>`),
 * one object per blob, named by its hash. The object store chunks big blobs and checks its own
 * digest; capsmith checks the bytes against the hash it asked for as well, so an object replaced by
 * someone with write access to the bucket is caught as `blob_corrupt`.
 */
import { jetstream } from "@nats-io/jetstream";
import { Objm, StorageType } from "@nats-io/obj";
import type { ObjectStore } from "@nats-io/obj";
import { errors as natsErrors } from "@nats-io/transport-node";
import type { NatsConnection } from "@nats-io/transport-node";
import { assertNamespace, closeConnection, connectNats } from "../events/index.ts";
import { BlobError, DEFAULT_MAX_BLOB_BYTES, assertBlobHash, assertBlobSize, blobHash, verified } from "./blob-store.ts";
import type { BlobStore } from "./blob-store.ts";

export interface NatsBlobStoreOptions {
  /** Server URL(s), as for the event log (credentials in the URL are used). */
  url: string;
  /** The deployment's namespace (see the event log): its own bucket. */
  namespace?: string;
  maxBytes?: number;
  /** Replicas of the bucket when this creates it on a cluster (default 1). */
  replicas?: number;
  /** How long one request waits for its answer (default 5 s). */
  requestTimeoutMs?: number;
}

export function bucketName(namespace?: string): string {
  return namespace ? `capsmith_blobs_${namespace}` : "capsmith_blobs";
}

export async function openNatsBlobStore(options: NatsBlobStoreOptions): Promise<BlobStore> {
  if (options.namespace !== undefined) assertNamespace(options.namespace);
  const nc = await connectNats({ url: options.url, name: "capsmith blobs" });
  const bucket = bucketName(options.namespace);
  let store: ObjectStore;
  try {
    const js = jetstream(nc, { timeout: options.requestTimeoutMs ?? 5_000 });
    store = await new Objm(js).create(bucket, { storage: StorageType.File, replicas: options.replicas ?? 1 });
  } catch (err) {
    await nc.close().catch(() => undefined);
    throw natsError(`opening bucket ${bucket}`, err);
  }
  return new NatsBlobStore(nc, store, bucket, options.maxBytes ?? DEFAULT_MAX_BLOB_BYTES);
}

class NatsBlobStore implements BlobStore {
  readonly kind = "nats" as const;
  readonly maxBytes: number;
  private readonly nc: NatsConnection;
  private readonly store: ObjectStore;
  private readonly bucket: string;

  constructor(nc: NatsConnection, store: ObjectStore, bucket: string, maxBytes: number) {
    this.nc = nc;
    this.store = store;
    this.bucket = bucket;
    this.maxBytes = maxBytes;
  }

  async put(bytes: Uint8Array): Promise<string> {
    assertBlobSize(bytes, this.maxBytes);
    const hash = blobHash(bytes);
    try {
      if (await this.present(hash)) return hash;
      await this.store.putBlob({ name: hash }, bytes);
    } catch (err) {
      throw natsError(`storing blob ${hash}`, err);
    }
    return hash;
  }

  async get(hash: string): Promise<Uint8Array> {
    assertBlobHash(hash);
    let bytes: Uint8Array | null;
    try {
      bytes = await this.store.getBlob(hash);
    } catch (err) {
      if (err instanceof Error && /corrupt object/.test(err.message)) {
        throw new BlobError("blob_corrupt", `blob ${hash} in bucket ${this.bucket} is corrupt: ${err.message}`, { cause: err, details: { hash } });
      }
      throw natsError(`reading blob ${hash}`, err);
    }
    if (bytes === null) {
      throw new BlobError("blob_not_found", `no blob ${hash} in bucket ${this.bucket}`, {
        nextStep: "The event refers to a blob this bucket does not hold: restore the bucket from a backup.",
        details: { hash },
      });
    }
    return verified(hash, bytes, `bucket ${this.bucket}`);
  }

  async has(hash: string): Promise<boolean> {
    assertBlobHash(hash);
    try {
      return await this.present(hash);
    } catch (err) {
      throw natsError(`looking up blob ${hash}`, err);
    }
  }

  private async present(hash: string): Promise<boolean> {
    const info = await this.store.info(hash);
    return info !== null && !info.deleted;
  }

  async close(): Promise<void> {
    await closeConnection(this.nc);
  }
}

function natsError(what: string, err: unknown): BlobError {
  if (err instanceof BlobError) return err;
  let denied: unknown = err;
  for (let depth = 0; denied instanceof Error && !(denied instanceof natsErrors.PermissionViolationError) && depth < 4; depth++) denied = denied.cause;
  if (denied instanceof natsErrors.PermissionViolationError) {
    return new BlobError("permission_denied", `${what}: this NATS user may not use ${denied.subject}`, {
      cause: err,
      nextStep: "Use a credential allowed to use the blob bucket (see deploy/nats/accounts.conf).",
      details: { subject: denied.subject },
    });
  }
  return new BlobError("blob_unavailable", `${what} failed: ${(err as Error)?.message ?? String(err)}`, {
    cause: err,
    retryable: true,
    nextStep: "Check that the NATS server is up with JetStream enabled, then retry.",
  });
}

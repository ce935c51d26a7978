import { openFileBlobStore } from "./file-blob-store.ts";
import type { BlobStore } from "./blob-store.ts";

export interface OpenBlobStoreOptions {
  /** Data directory: the embedded store lives in `<dataDir>/blobs`. */
  dataDir: string;
  /** NATS server URL(s): the JetStream Object Store instead. */
  natsUrl?: string;
  /** The deployment's namespace on NATS (its own bucket); the data directory is the embedded store's. */
  namespace?: string;
  /** Largest blob accepted (default 64 MiB). */
  maxBytes?: number;
  /** Replicas of the bucket when this creates it on a cluster (default 1). */
  natsReplicas?: number;
}

/** The blob store beside the event log: in the data directory by default, on NATS when a URL is given. */
export async function openBlobStore(options: OpenBlobStoreOptions): Promise<BlobStore> {
  const limit = options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes };
  if (options.natsUrl) {
    const { openNatsBlobStore } = await import("./nats-blob-store.ts");
    return openNatsBlobStore({ url: options.natsUrl, ...limit, ...(options.namespace ? { namespace: options.namespace } : {}), ...(options.natsReplicas ? { replicas: options.natsReplicas } : {}) });
  }
  return openFileBlobStore({ dir: options.dataDir, ...limit });
}

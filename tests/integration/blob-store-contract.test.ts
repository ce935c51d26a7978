/**
 * The BlobStore contract, run unchanged against the data directory and the JetStream Object Store:
 * content addressing, verification on every read, size limits refused before anything is written.
 * Then what only the file store must prove: several processes putting at once.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstream } from "@nats-io/jetstream";
import { Objm } from "@nats-io/obj";
import { connect } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobHash, openFileBlobStore } from "../../src/blobs/index.ts";
import type { BlobStore } from "../../src/blobs/index.ts";
import { bucketName, openNatsBlobStore } from "../../src/blobs/nats-blob-store.ts";
import { startNatsServer } from "../support/nats-server.ts";

interface BlobFactory {
  name: "file" | "nats";
  setup(): Promise<void>;
  open(maxBytes?: number): Promise<BlobStore>;
  /** Replaces what is stored under `hash` with other bytes, as someone with write access could. */
  tamper(hash: string, bytes: Uint8Array): Promise<void>;
  teardown(): Promise<void>;
}

function fileBlobs(): BlobFactory {
  let dir = "";
  return {
    name: "file",
    setup: async () => {
      dir = await mkdtemp(join(tmpdir(), "capsmith-blobs-"));
    },
    open: (maxBytes) => openFileBlobStore({ dir, ...(maxBytes ? { maxBytes } : {}) }),
    tamper: (hash, bytes) => writeFile(join(dir, "blobs", hash.slice(0, 2), hash), bytes),
    teardown: () => rm(dir, { recursive: true, force: true }),
  };
}

function natsBlobs(namespace = `contract${process.pid}`): BlobFactory {
  let server: Awaited<ReturnType<typeof startNatsServer>> | undefined;
  return {
    name: "nats",
    setup: async () => {
      server = await startNatsServer();
    },
    open: (maxBytes) => openNatsBlobStore({ url: server!.url, namespace, ...(maxBytes ? { maxBytes } : {}) }),
    tamper: async (hash, bytes) => {
      const nc = await connect({ servers: server!.url });
      try {
        const store = await new Objm(jetstream(nc)).open(bucketName(namespace));
        await store.putBlob({ name: hash }, bytes);
      } finally {
        await nc.close();
      }
    },
    teardown: async () => {
      await server?.stop();
    },
  };
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe.each([fileBlobs(), natsBlobs()])("BlobStore contract: $name", (factory) => {
  let store: BlobStore;
  beforeAll(async () => {
    await factory.setup();
    store = await factory.open(1_000_000);
  });
  afterAll(async () => {
    await store.close();
    await factory.teardown();
  });

  it("stores bytes under their sha256 and gives them back", async () => {
    const data = bytes(`{"plugin":"total_cost","code":"export default () => 1"}`);
    const hash = await store.put(data);
    expect(hash).toBe(blobHash(data));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.has(hash)).toBe(true);
    expect(Buffer.from(await store.get(hash)).toString()).toBe(Buffer.from(data).toString());
    expect(await store.put(data)).toBe(hash); // idempotent
  });

  it("keeps big blobs whole (many object store chunks) and empty ones", async () => {
    const big = new Uint8Array(700_000).map((_, i) => (i * 31) % 251);
    const hash = await store.put(big);
    expect(Buffer.compare(Buffer.from(await store.get(hash)), Buffer.from(big))).toBe(0);
    const empty = await store.put(new Uint8Array(0));
    expect((await store.get(empty)).byteLength).toBe(0);
  });

  it("says what is not there and refuses what is not a hash", async () => {
    const missing = blobHash(bytes("never stored"));
    expect(await store.has(missing)).toBe(false);
    await expect(store.get(missing)).rejects.toMatchObject({ code: "blob_not_found", details: { hash: missing } });
    await expect(store.get("../../etc/passwd")).rejects.toMatchObject({ code: "invalid_blob_hash" });
    await expect(store.has("ABC")).rejects.toMatchObject({ code: "invalid_blob_hash" });
  });

  it("refuses a blob over the limit before writing anything", async () => {
    const huge = new Uint8Array(1_000_001).fill(7);
    await expect(store.put(huge)).rejects.toMatchObject({ code: "blob_too_large", details: { bytes: 1_000_001, maxBytes: 1_000_000 } });
    expect(await store.has(blobHash(huge))).toBe(false);
  });

  it("never returns bytes that do not match the hash asked for", async () => {
    const hash = await store.put(bytes("the real report"));
    await factory.tamper(hash, bytes("a forged report"));
    await expect(store.get(hash)).rejects.toMatchObject({ code: "blob_corrupt", details: { hash } });
  });
});

describe("file blob store with several processes", () => {
  it("lets 4 processes put the same and different blobs at once: every blob whole, no temporary left", async () => {
    const dir = await mkdtemp(join(tmpdir(), "capsmith-blobs-mp-"));
    try {
      const module = new URL("../../src/blobs/index.ts", import.meta.url).href;
      const code = (who: number): string => `
        import { openFileBlobStore } from ${JSON.stringify(module)};
        const store = await openFileBlobStore({ dir: ${JSON.stringify(dir)} });
        const hashes = [];
        for (let i = 0; i < 40; i++) {
          const shared = new Uint8Array(50_000).fill(i);
          const own = new TextEncoder().encode("process ${who} blob " + i);
          hashes.push(await store.put(shared), await store.put(own));
        }
        process.stdout.write(JSON.stringify(hashes));
      `;
      const outputs = await Promise.all([1, 2, 3, 4].map((who) => new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, ["--input-type=module", "--no-warnings", "-e", code(who)], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", (status) => (status === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`child exited ${status}`))));
      })));
      const store = await openFileBlobStore({ dir });
      const all = new Set(outputs.flat());
      expect(all.size).toBe(40 + 4 * 40);
      for (const hash of all) expect(blobHash(await store.get(hash))).toBe(hash);
      expect(await readdir(join(dir, "blobs", "tmp"))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

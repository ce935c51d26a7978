/**
 * The adapters the contract suite runs against, each opened on fresh, private storage: a temp data
 * directory for the file log, a nats-server of the suite's own (or NATS_URL) with a fresh stream.
 */
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openFileLog } from "../../src/events/index.ts";
import type { Clock, EventLog, EventSigner, IdSource } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { startNatsServer } from "./nats-server.ts";

export interface LogFactory {
  name: "file" | "nats";
  setup(): Promise<void>;
  open(opts: { clock: Clock; newId: IdSource; actor?: string; sign?: EventSigner }): Promise<EventLog>;
  /** Forget every event: the next open() starts on an empty log. */
  reset(): Promise<void>;
  /**
   * Puts bytes capsmith did not seal where a record goes, as an attacker with write access would: a
   * line of the file log, or a message published on `subject` with a bare NATS connection.
   */
  injectStray(subject: string, payload: string): Promise<void>;
  teardown(): Promise<void>;
}

export function fileFactory(): LogFactory {
  let dir = "";
  return {
    name: "file",
    setup: async () => {
      dir = await mkdtemp(join(tmpdir(), "capsmith-contract-"));
    },
    open: ({ clock, newId, actor, sign }) => openFileLog({ dir, clock, newId, actor: actor ?? "test", ...(sign ? { sign } : {}) }),
    reset: async () => {
      await rm(dir, { recursive: true, force: true });
      dir = await mkdtemp(join(tmpdir(), "capsmith-contract-"));
    },
    injectStray: (_subject, payload) => appendFile(join(dir, "events.log"), `${payload}\n`),
    teardown: () => rm(dir, { recursive: true, force: true }),
  };
}

export function natsFactory(): LogFactory {
  let server: Awaited<ReturnType<typeof startNatsServer>> | undefined;
  let url = process.env["NATS_URL"] ?? "";
  const stream = `CONTRACT_${process.pid}`;
  return {
    name: "nats",
    setup: async () => {
      if (!process.env["NATS_URL"]) {
        server = await startNatsServer();
        url = server.url;
      }
    },
    open: ({ clock, newId, actor, sign }) =>
      openNatsLog({ url, stream, clock, newId, actor: actor ?? "test", ...(sign ? { sign } : {}) }),
    reset: async () => {
      // Streams may not overlap in subjects, so a fresh log means deleting the stream (and its consumers).
      const nc = await connect({ servers: url });
      try {
        const jsm = await jetstreamManager(nc);
        await jsm.streams.delete(stream).catch(() => false);
      } finally {
        await nc.close();
      }
    },
    injectStray: async (subject, payload) => {
      const nc = await connect({ servers: url });
      try {
        await nc.request(subject, payload, { timeout: 5_000 }); // the PubAck: stored before we go on
      } finally {
        await nc.close();
      }
    },
    teardown: async () => {
      await server?.stop();
    },
  };
}

/**
 * Anchors kept on NATS, apart from the log they vouch for: a stream of their own
 * (CAPSMITH_ANCHORS, or CAPSMITH_ANCHORS_<namespace>), one subject per log (a digest of its id),
 * every anchor kept. The stream is created refusing deletes and purges of messages
 * (`deny_delete`, `deny_purge`, which JetStream does not let anyone lift later): an anchor once
 * written can go only with the whole stream, and `audit verify --anchor nats` then finds none and
 * says so. Give the stream's API to the operator alone (deploy/nats/accounts.conf), or keep it on
 * another server or account (`--to nats://…`), so whoever can rewrite the event stream cannot
 * rewrite the anchors too.
 */
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import type { JetStreamManager, StreamConfig } from "@nats-io/jetstream";
import { connectNats } from "./connect-nats.ts";
import { parseAnchor } from "./anchor-store.ts";
import type { AnchorFile } from "./anchor.ts";
import { EventLogError } from "./errors.ts";
import { operationError } from "./nats-errors.ts";
import { getMessages } from "./nats-pull.ts";
import { streamInfo } from "./nats-stream.ts";
import { sha256 } from "./hash-chain.ts";
import { assertNamespace } from "./nats-context.ts";

export interface NatsAnchorTarget {
  /** Server URL(s), with credentials if any (the log's own, or another server or account). */
  url: string;
  namespace?: string;
  /** Replicas of the anchor stream when this creates it (default 1). */
  replicas?: number;
}

export interface PublishedAnchor {
  stream: string;
  subject: string;
  /** The anchor's position in the anchor stream. */
  streamSeq: number;
}

export function anchorStreamName(namespace?: string): string {
  return namespace ? `CAPSMITH_ANCHORS_${namespace}` : "CAPSMITH_ANCHORS";
}

/** Where a log lives (its kind, location and namespace): what stays the same when its history is rewritten. */
export interface LogPlace {
  kind: string;
  location: string;
  namespace?: string | undefined;
}

/**
 * The subject of one log's anchors: its place hashed (places hold characters subjects may not). Not
 * its id, which names the first record too: a rewritten history must find the anchors of the log it
 * replaced, and fail against them.
 */
export function anchorSubject(log: LogPlace, namespace?: string): string {
  const place = `${log.kind}:${log.location}${log.namespace ? `#${log.namespace}` : ""}`;
  return `${namespace ? `${namespace}.` : ""}capsmith.anchor.${sha256(place).slice(0, 32)}`;
}

/** Appends `anchor` to the anchor stream, creating the stream (protected) if it is not there. */
export async function publishNatsAnchor(target: NatsAnchorTarget, anchor: AnchorFile): Promise<PublishedAnchor> {
  return withJetStream(target, async (jsm, js) => {
    const stream = await ensureAnchorStream(jsm, target);
    const subject = anchorSubject(anchor.statement.log, target.namespace);
    try {
      // The same anchor twice (a retried command) is stored once.
      const ack = await js.publish(subject, JSON.stringify(anchor), { msgID: `anchor:${sha256(JSON.stringify(anchor))}`, expect: { streamName: stream } });
      return { stream, subject, streamSeq: ack.seq };
    } catch (cause) {
      throw operationError(`writing the anchor to ${stream}`, cause);
    }
  });
}

/**
 * The anchor of the log at `log` that reaches furthest into it (the highest log position; of equal
 * ones the last written), or undefined when the stream holds none. Not simply the last message: an
 * old genuine anchor written again must not hide a newer one, or everything after the old one could
 * be rewritten unseen. Messages on the subject that are not anchors are skipped (and counted).
 */
export async function latestNatsAnchor(target: NatsAnchorTarget, log: LogPlace): Promise<{ anchor: AnchorFile; stream: string; streamSeq: number; skipped: number } | undefined> {
  return withJetStream(target, async (jsm) => {
    const stream = anchorStreamName(target.namespace);
    const subject = anchorSubject(log, target.namespace);
    const info = await streamInfo(jsm, stream);
    if (!info) return undefined;
    // Protection lifted since (limits can be added to a stream later): what is there may be a selection.
    assertProtected(stream, info.config);
    let best: { anchor: AnchorFile; stream: string; streamSeq: number } | undefined;
    let skipped = 0;
    for await (const messages of getMessages(jsm, stream, subject, Math.max(1, info.state.first_seq), info.state.last_seq)) {
      for (const m of messages) {
        let anchor: AnchorFile;
        try {
          anchor = parseAnchor(new TextDecoder().decode(m.data), `message ${m.seq} of ${stream}`);
        } catch {
          skipped++;
          continue;
        }
        if (!best || anchor.statement.seq >= best.anchor.statement.seq) best = { anchor, stream, streamSeq: m.seq };
      }
    }
    return best ? { ...best, skipped } : undefined;
  });
}

async function ensureAnchorStream(jsm: JetStreamManager, target: NatsAnchorTarget): Promise<string> {
  const name = anchorStreamName(target.namespace);
  const subjects = [`${target.namespace ? `${target.namespace}.` : ""}capsmith.anchor.>`];
  let info = await streamInfo(jsm, name);
  if (!info) {
    try {
      info = await jsm.streams.add({ name, subjects, deny_delete: true, deny_purge: true, num_replicas: target.replicas ?? 1 });
    } catch (err) {
      // Another process may have created it at the same moment: check the one there now.
      info = await streamInfo(jsm, name);
      if (!info) throw operationError(`creating ${name}`, err);
    }
  }
  assertProtected(name, info.config);
  return name;
}

/**
 * An anchor stream is worth something only if nothing removes its anchors: deletes and purges
 * refused, no rollup headers (a rollup replaces a subject's messages), and no limits that age out or
 * evict anchors (with one kept per subject, an old anchor published again would evict the newer).
 */
function assertProtected(name: string, config: StreamConfig): void {
  const gaps = [
    ...(config.deny_delete ? [] : ["deny_delete is off"]),
    ...(config.deny_purge ? [] : ["deny_purge is off"]),
    ...(config.allow_rollup_hdrs ? ["rollup headers are allowed"] : []),
    ...(config.max_age > 0 ? ["anchors expire (max_age)"] : []),
    ...(config.max_msgs > 0 || config.max_bytes > 0 || config.max_msgs_per_subject > 0 ? ["a limit evicts anchors (max_msgs, max_bytes or max_msgs_per_subject)"] : []),
  ];
  if (gaps.length === 0) return;
  throw new EventLogError("anchor_store_unprotected", `the stream ${name} lets anchors be removed: ${gaps.join("; ")}`, {
    nextStep: `Anchors there prove nothing. Have an operator remove ${name} (\`capsmith audit anchor --to nats\` creates it protected), or anchor to another server or account: --to nats://…`,
    details: { stream: name, gaps },
  });
}

async function withJetStream<T>(target: NatsAnchorTarget, work: (jsm: JetStreamManager, js: ReturnType<typeof jetstream>) => Promise<T>): Promise<T> {
  if (target.namespace !== undefined) assertNamespace(target.namespace);
  const nc = await connectNats({ url: target.url, name: "capsmith anchors" });
  try {
    return await work(await jetstreamManager(nc), jetstream(nc));
  } finally {
    await nc.close().catch(() => undefined);
  }
}

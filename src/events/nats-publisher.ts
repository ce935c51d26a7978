/**
 * Publish-and-await-PubAck without the client's request machinery. `js.publish` in the v3 client
 * allocates an Error (with a stack) and a timer per request, which capped pipelined appends at
 * ~30k/s on the bench machine; one reply subscription, a token per publish and one sweeping timer
 * reach ~85k/s. Answers are turned into the same errors `js.publish` throws (JetStreamApiError,
 * TimeoutError, NoRespondersError), so callers tell conflicts and transient failures apart alike.
 * It also holds publishes during a disconnect (the client would drop them), so an append made
 * while the server restarts completes right after the reconnect instead of after a timeout, and
 * fails a publish the server refuses for permissions as soon as the server says so.
 */
import { JetStreamApiError, PubHeaders } from "@nats-io/jetstream";
import type { ApiError, PubAck } from "@nats-io/jetstream";
import { createInbox, errors as natsErrors } from "@nats-io/transport-node";
import type { Msg, MsgHdrs, NatsConnection, Subscription } from "@nats-io/transport-node";

export interface PublishExpectations {
  /** Stream sequence of the subject's last message (0: the subject must be new). */
  lastSubjectSequence?: number;
  /** Stream's last sequence. */
  lastSequence?: number;
}

export interface AckedPublisher {
  publish(subject: string, payload: string, msgId: string, expect: PublishExpectations): Promise<PubAck>;
  close(): void;
}

interface Pending {
  subject: string;
  resolve(ack: PubAck): void;
  reject(err: Error): void;
  /** Sweep tick at which it times out. */
  expiresAt: number;
  /** Handed to the client (false while held during a disconnect). */
  sent: boolean;
}

interface Held {
  token: number;
  subject: string;
  payload: string;
  headers: MsgHdrs;
}

const SWEEP_MS = 250;
const encoder = new TextEncoder();

/**
 * The publish headers, encoded once, in the form the client sends (`NATS/1.0`, one `Key: value` a
 * line): the client only calls `encode()` on what it is given, and building a `MsgHdrs` (a map,
 * canonical keys, a string) for every append was a tenth of an append's time. msgIds never hold
 * control characters (seal.ts refuses them), so nothing can break out of its line.
 */
function publishHeaders(msgId: string, expect: PublishExpectations): MsgHdrs {
  let text = `NATS/1.0\r\n${PubHeaders.MsgIdHdr}: ${msgId}\r\n`;
  if (expect.lastSubjectSequence !== undefined) text += `${PubHeaders.ExpectedLastSubjectSequenceHdr}: ${expect.lastSubjectSequence}\r\n`;
  if (expect.lastSequence !== undefined) text += `${PubHeaders.ExpectedLastSeqHdr}: ${expect.lastSequence}\r\n`;
  const bytes = encoder.encode(`${text}\r\n`);
  return { encode: () => bytes } as unknown as MsgHdrs;
}
const decoder = new TextDecoder();

export function createAckedPublisher(nc: NatsConnection, timeoutMs: number): AckedPublisher {
  const inbox = createInbox();
  const prefixLength = inbox.length + 1;
  const pending = new Map<number, Pending>();
  const ticksToExpire = Math.max(1, Math.ceil(timeoutMs / SWEEP_MS));
  let nextToken = 0;
  let tick = 0;
  // The v3 client discards what was published while disconnected when it reconnects, so publishes
  // wait here for the reconnect instead of vanishing into that buffer.
  let connected = true;
  let held: Held[] = [];
  // Publishes made during one turn of the event loop go out together, after it: the client writes
  // to the socket once per microtask checkpoint in which its buffer was empty, and appends resolve
  // one microtask chain after another, so handing each over at once cost one write() per publish.
  let queued: Held[] = [];
  const sendQueued = (): void => {
    const batch = queued;
    queued = [];
    if (!connected) held.push(...batch);
    else for (const q of batch) send(q.token, q.subject, q.payload, q.headers);
  };

  const send = (token: number, subject: string, payload: string, h: MsgHdrs): void => {
    const p = pending.get(token);
    if (!p) return; // timed out while held
    try {
      nc.publish(subject, payload, { reply: `${inbox}.${token}`, headers: h });
      p.sent = true;
    } catch (err) {
      pending.delete(token);
      p.reject(err as Error);
    }
  };

  const settle = (err: Error | null, msg: Msg): void => {
    const token = Number(msg.subject.slice(prefixLength));
    const p = pending.get(token);
    if (!p) return; // answered after its timeout
    pending.delete(token);
    if (err) return p.reject(err);
    if (msg.data.length === 0 && msg.headers?.code === 503) return p.reject(new natsErrors.NoRespondersError(msg.subject));
    let answer: { stream?: string; seq?: number; duplicate?: boolean; error?: ApiError };
    try {
      answer = JSON.parse(decoder.decode(msg.data)) as typeof answer;
    } catch (cause) {
      return p.reject(new Error("unreadable PubAck", { cause }));
    }
    if (answer.error) return p.reject(new JetStreamApiError(answer.error));
    if (typeof answer.stream !== "string" || typeof answer.seq !== "number") return p.reject(new Error("invalid PubAck"));
    p.resolve({ stream: answer.stream, seq: answer.seq, duplicate: answer.duplicate === true });
  };

  const sub: Subscription = nc.subscribe(`${inbox}.*`, { callback: settle });
  const sweeper = setInterval(() => {
    tick++;
    // Map order is publish order and every publish waits equally long: expired ones are at the front.
    for (const [token, p] of pending) {
      if (p.expiresAt > tick) break;
      pending.delete(token);
      p.reject(new natsErrors.TimeoutError());
    }
  }, SWEEP_MS);
  sweeper.unref();
  const failAll = (err: Error, onlySent = false): void => {
    for (const [token, p] of pending) {
      if (onlySent && !p.sent) continue;
      pending.delete(token);
      p.reject(err);
    }
  };
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === "error" && s.error instanceof natsErrors.PermissionViolationError && s.error.operation === "publish") {
        // The server refuses every publish to that subject: fail them now, not after the timeout.
        const denied = s.error;
        for (const [token, p] of pending) {
          if (p.sent && p.subject === denied.subject) {
            pending.delete(token);
            p.reject(denied);
          }
        }
      } else if (s.type === "disconnect") {
        connected = false;
        // Acks for what was sent before never come: fail those now (the caller resends; de-duplication
        // absorbs any that did land) instead of waiting out the timeout.
        failAll(new natsErrors.RequestError("connection disconnected"), true);
      } else if (s.type === "reconnect") {
        connected = true;
        const waiting = held;
        held = [];
        for (const w of waiting) send(w.token, w.subject, w.payload, w.headers);
      }
    }
  })().catch(() => undefined);
  void nc.closed().then(() => {
    clearInterval(sweeper);
    failAll(new natsErrors.ClosedConnectionError());
  });

  return {
    publish(subject, payload, msgId, expect) {
      const h = publishHeaders(msgId, expect);
      const token = ++nextToken;
      return new Promise<PubAck>((resolve, reject) => {
        pending.set(token, { subject, resolve, reject, expiresAt: tick + ticksToExpire + 1, sent: false });
        if (!connected) held.push({ token, subject, payload, headers: h });
        else if (queued.push({ token, subject, payload, headers: h }) === 1) setImmediate(sendQueued);
      });
    },
    close() {
      clearInterval(sweeper);
      held = [];
      queued = [];
      sub.unsubscribe();
      failAll(new natsErrors.ClosedConnectionError());
    },
  };
}

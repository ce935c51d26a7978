/**
 * Publish-and-await-PubAck without the client's request machinery. `js.publish` in the v3 client
 * allocates an Error (with a stack) and a timer per request, which capped pipelined appends at
 * ~30k/s on the bench machine; one reply subscription, a token per publish and one sweeping timer
 * reach ~85k/s. Answers are turned into the same errors `js.publish` throws (JetStreamApiError,
 * TimeoutError, NoRespondersError), so callers tell conflicts and transient failures apart alike.
 */
import { JetStreamApiError, PubHeaders } from "@nats-io/jetstream";
import type { ApiError, PubAck } from "@nats-io/jetstream";
import { createInbox, errors as natsErrors, headers } from "@nats-io/transport-node";
import type { Msg, NatsConnection, Subscription } from "@nats-io/transport-node";

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
  resolve(ack: PubAck): void;
  reject(err: Error): void;
  /** Sweep tick at which it times out. */
  expiresAt: number;
}

const SWEEP_MS = 250;
const decoder = new TextDecoder();

export function createAckedPublisher(nc: NatsConnection, timeoutMs: number): AckedPublisher {
  const inbox = createInbox();
  const prefixLength = inbox.length + 1;
  const pending = new Map<number, Pending>();
  const ticksToExpire = Math.max(1, Math.ceil(timeoutMs / SWEEP_MS));
  let nextToken = 0;
  let tick = 0;

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
  const failAll = (err: Error): void => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  void nc.closed().then(() => {
    clearInterval(sweeper);
    failAll(new natsErrors.ClosedConnectionError());
  });

  return {
    publish(subject, payload, msgId, expect) {
      const h = headers();
      h.set(PubHeaders.MsgIdHdr, msgId);
      if (expect.lastSubjectSequence !== undefined) h.set(PubHeaders.ExpectedLastSubjectSequenceHdr, String(expect.lastSubjectSequence));
      if (expect.lastSequence !== undefined) h.set(PubHeaders.ExpectedLastSeqHdr, String(expect.lastSequence));
      const token = ++nextToken;
      return new Promise<PubAck>((resolve, reject) => {
        pending.set(token, { resolve, reject, expiresAt: tick + ticksToExpire + 1 });
        try {
          nc.publish(subject, payload, { reply: `${inbox}.${token}`, headers: h });
        } catch (err) {
          pending.delete(token);
          reject(err as Error);
        }
      });
    },
    close() {
      clearInterval(sweeper);
      sub.unsubscribe();
      failAll(new natsErrors.ClosedConnectionError());
    },
  };
}

/**
 * The bare NATS client doing what the JetStream adapter does, for side-by-side figures in
 * `npm run bench -- eventlog`:
 * - append: core publishes of a record-sized JSON payload with the same headers (msg id, expected
 *   last subject sequence), acks taken on one reply subscription, `window` in flight;
 * - read: the client's ordered consumer pulling 1,000-message batches, each payload JSON-parsed.
 */
import { DeliverPolicy, StorageType, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, createInbox, headers, nanos } from "@nats-io/transport-node";
import type { Msg } from "@nats-io/transport-node";

const decoder = new TextDecoder();

/** `n` acked publishes on distinct subjects of a stream of their own, `window` in flight; returns ms. */
export async function bareAppend(url: string, stream: string, n: number, window: number, payload: (i: number) => string): Promise<number> {
  const nc = await connect({ servers: url, noAsyncTraces: true });
  const prefix = `bare_${stream}`;
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`], storage: StorageType.File, duplicate_window: nanos(120_000) });
    const inbox = createInbox();
    let acked = 0;
    let sent = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const send = (): void => {
      const i = sent++;
      const h = headers();
      h.set("Nats-Msg-Id", `bare-${prefix}-${i}`);
      h.set("Nats-Expected-Last-Subject-Sequence", "0");
      nc.publish(`${prefix}.n${i}`, payload(i), { reply: `${inbox}.${i}`, headers: h });
    };
    nc.subscribe(`${inbox}.*`, {
      callback: (_err: Error | null, m: Msg) => {
        const ack = JSON.parse(decoder.decode(m.data)) as { seq?: number; error?: unknown };
        if (ack.error || typeof ack.seq !== "number") throw new Error(`bare publish refused: ${decoder.decode(m.data)}`);
        if (++acked === n) done();
        else if (sent < n) send();
      },
    });
    const start = performance.now();
    for (let i = 0; i < Math.min(window, n); i++) send();
    await finished;
    const ms = performance.now() - start;
    await jsm.streams.delete(stream);
    return ms;
  } finally {
    await nc.close();
  }
}

/** Reads the whole stream through the client's ordered consumer, parsing each payload; returns count and ms. */
export async function bareRead(url: string, stream: string): Promise<{ events: number; ms: number }> {
  const nc = await connect({ servers: url, noAsyncTraces: true });
  try {
    const js = jetstream(nc);
    const start = performance.now();
    const last = (await (await js.streams.get(stream)).info()).state.last_seq;
    const consumer = await js.consumers.get(stream, { deliver_policy: DeliverPolicy.All });
    const messages = await consumer.consume({ max_messages: 1_000 });
    let events = 0;
    for await (const m of messages) {
      events += (JSON.parse(decoder.decode(m.data)) as { events: unknown[] }).events.length;
      if (m.seq >= last) break;
    }
    await messages.close();
    return { events, ms: performance.now() - start };
  } finally {
    await nc.close();
  }
}

/**
 * Durable subscriptions on JetStream: one durable pull consumer per durable name, shared by every
 * subscriber of that name (in this process or another), so each record goes to one of them. A record
 * is acked once the handler succeeded for all its events and nak'ed with a delay when it threw. A
 * record offered again after its handler succeeded here (an ack that came after the ack wait, or
 * was lost to a restart) is acknowledged again without being handed over twice.
 * Short pulls with idle heartbeats keep a subscription alive through server restarts.
 */
import { AckPolicy, DeliverPolicy, ReplayPolicy } from "@nats-io/jetstream";
import type { ConsumerConfig, ConsumerInfo, ConsumerMessages, JsMsg } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import { EventLogError } from "./errors.ts";
import type { EventHandler, SubscribeOptions, Subscription } from "./event-log.ts";
import { sha256 } from "./hash-chain.ts";
import { decodeMessage, isQuarantined, logical, physical, reportQuarantined, sleep } from "./nats-context.ts";
import type { NatsContext } from "./nats-context.ts";
import { isConsumerNotFound, operationError } from "./nats-errors.ts";
import { RecentMap } from "./recent-map.ts";
import { assertFilter } from "./subjects.ts";

/** Few messages per pull: buffered records wait unacked, and the others sharing the durable get the rest. */
const PULL_BATCH = 8;
const PULL_EXPIRES_MS = 5_000;
const IDLE_HEARTBEAT_MS = 1_000;
const RESTART_DELAY_MS = 500;

/** A subscription remembers at least this many records it finished, to absorb their late redeliveries. */
const FINISHED_KEPT = 4_096;

/** Consumer names allow no `.`, `*`, `>`, spaces or slashes; a changed name gets a hash suffix so names stay distinct. */
export function consumerName(durable: string): string {
  const clean = durable.replace(/[^A-Za-z0-9_-]/g, "_");
  if (clean === durable && clean.length > 0 && clean.length <= 64) return clean;
  return `${clean.slice(0, 48)}_${sha256(durable).slice(0, 12)}`;
}

export async function subscribeNats(ctx: NatsContext, durable: string, options: SubscribeOptions, handler: EventHandler): Promise<Subscription> {
  assertFilter(options.filter);
  const name = consumerName(durable);
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const info = await ensureDurable(ctx, name, durable, options, ackWaitMs);
  const consumer = ctx.js.consumers.getConsumerFromInfo(info);
  const log = ctx.logger.child({ durable, consumer: name });

  let stopping = false;
  let current: ConsumerMessages | undefined;

  const finished = new RecentMap<true>(2 * FINISHED_KEPT);
  let lastDelivery = 0;

  const handle = async (m: JsMsg): Promise<void> => {
    // A record is its seq and the time the stream stored it: a stream deleted and made again
    // numbers its records from 1 again, and those are other records (its attacker: they were acked
    // unhandled). A delivery sequence going back is a consumer started over (deleted and made
    // again to replay): it offers every record anew, and gets each handled again.
    if (m.info.deliverySequence <= lastDelivery) finished.clear();
    lastDelivery = m.info.deliverySequence;
    const key = `${m.seq}@${m.timestampNanos}`;
    if (finished.has(key)) {
      // Offered again after its handler succeeded here: the ack was late (a handler past the ack
      // wait) or lost (a server restart). Acknowledge it again; handing it over would do it twice.
      log.debug({ seq: m.seq, attempt: m.info.deliveryCount }, "record already handled here; acknowledged again");
      await ack(m);
      return;
    }
    const record = decodeMessage(m.data, m.seq, logical(ctx, m.subject));
    if (isQuarantined(record)) {
      reportQuarantined(ctx, record, options.onQuarantine);
      m.term("not an event record");
      return;
    }
    const attempt = m.info.deliveryCount;
    try {
      for (const e of record.events) await handler({ ...e, seq: m.seq }, { attempt });
    } catch (err) {
      log.warn({ err, seq: m.seq, attempt }, "handler failed; the record will be redelivered");
      m.nak(retryDelayMs);
      return;
    }
    finished.set(key, true);
    await ack(m);
  };

  const ack = async (m: JsMsg): Promise<void> => {
    try {
      await m.ackAck();
    } catch (err) {
      // The ack may be lost in an outage: the record comes again, and `finished` absorbs it here
      // (another member sharing the durable would handle it again: handlers are idempotent).
      log.warn({ err, seq: m.seq }, "ack not confirmed; the record may be redelivered");
    }
  };

  const run = async (): Promise<void> => {
    while (!stopping) {
      try {
        current = await consumer.consume({ max_messages: PULL_BATCH, expires: PULL_EXPIRES_MS, idle_heartbeat: IDLE_HEARTBEAT_MS });
        if (stopping) await current.close();
        for await (const m of current) {
          // Records already pulled when stop() came go straight back to the durable for the others.
          if (stopping) m.nak();
          else await handle(m);
        }
      } catch (err) {
        if (stopping || ctx.isClosed()) break;
        log.warn({ err }, "subscription interrupted; resuming");
      }
      if (!stopping && !ctx.isClosed()) await sleep(RESTART_DELAY_MS);
      if (ctx.isClosed()) break;
    }
  };
  const running = run();

  return {
    async stop() {
      if (!stopping) {
        stopping = true;
        await current?.close().catch(() => undefined);
      }
      await running;
    },
  };
}

async function ensureDurable(ctx: NatsContext, name: string, durable: string, options: SubscribeOptions, ackWaitMs: number): Promise<ConsumerInfo> {
  const ackWait = nanos(ackWaitMs);
  let existing: ConsumerInfo | undefined;
  try {
    existing = await ctx.jsm.consumers.info(ctx.stream, name);
  } catch (err) {
    if (!isConsumerNotFound(err)) throw operationError(`opening durable ${durable}`, err);
  }
  try {
    if (!existing) {
      const config: Partial<ConsumerConfig> = {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: options.deliver === "new" ? DeliverPolicy.New : DeliverPolicy.All,
        replay_policy: ReplayPolicy.Instant,
        filter_subject: physical(ctx, options.filter),
        ack_wait: ackWait,
        max_deliver: -1,
        max_ack_pending: 1_000,
      };
      return await ctx.jsm.consumers.add(ctx.stream, config);
    }
  } catch (err) {
    throw operationError(`creating durable ${durable}`, err);
  }
  const filter = logical(ctx, existing.config.filter_subject ?? "");
  if (filter !== options.filter) {
    throw new EventLogError("invalid_subject", `durable ${durable} already exists with filter ${filter || "(none)"}, not ${options.filter}`, {
      nextStep: `Use a new durable name for the new filter, or delete consumer ${name} of stream ${ctx.stream} (\`nats consumer rm ${ctx.stream} ${name}\`) to start it over.`,
      details: { durable, consumer: name, existingFilter: filter, requestedFilter: options.filter },
    });
  }
  if (existing.config.ack_wait === ackWait) return existing;
  try {
    return await ctx.jsm.consumers.update(ctx.stream, name, { ack_wait: ackWait });
  } catch (err) {
    throw operationError(`updating durable ${durable}`, err);
  }
}

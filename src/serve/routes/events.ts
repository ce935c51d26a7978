/**
 * The log, read: a page of events from a seq (or the newest records), and a live stream of
 * server-sent events that resumes where a client left off. A stream event's `id` is its record's seq,
 * set on the last event of each record, so a client that reconnects with `Last-Event-ID: SEQ` gets
 * every record after SEQ, none twice and none lost.
 */
import { z } from "zod";
import { ALL_EVENTS, assertFilter } from "../../events/index.ts";
import type { AnyStoredEvent } from "../../events/index.ts";
import { ServeError } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { storedEvent } from "../schemas.ts";
import type { ServeContext } from "../serve-context.ts";
import type { SseStream } from "../sse.ts";

const filter = z.string().max(200).default(ALL_EVENTS).meta({ description: `subject filter with NATS wildcards (default ${ALL_EVENTS})` });

function checkedFilter(value: string): string {
  try {
    assertFilter(value);
  } catch (cause) {
    throw new ServeError("invalid_input", (cause as Error).message, { nextStep: `Use e.g. capsmith.evt.plugin.> or ${ALL_EVENTS}.` });
  }
  return value;
}

export const listEvents = defineRoute({
  method: "GET",
  path: "/v1/events",
  operationId: "listEvents",
  summary: "Read events",
  description: "Events oldest first, from record `from` on (at most `limit`), or the newest `tail` records. `next` is the seq to ask for next.",
  tag: "events",
  permission: "read",
  query: z.object({
    filter,
    from: z.coerce.number().int().min(1).optional(),
    tail: z.coerce.number().int().min(1).max(10_000).optional(),
    limit: z.coerce.number().int().min(1).optional(),
  }),
  response: z.object({ ok: z.literal(true), events: z.array(storedEvent), next: z.number(), lastSeq: z.number() }),
  async handle({ query, app }) {
    const log = app.capsmith.log;
    const subject = checkedFilter(query.filter);
    const limit = Math.min(query.limit ?? 100, app.limits.maxPageEvents);
    const lastSeq = await log.lastSeq();
    const from = query.tail ? Math.max(1, lastSeq - query.tail + 1) : (query.from ?? 1);
    const events: AnyStoredEvent[] = [];
    let next = from;
    for await (const e of log.read(subject, { fromSeq: from, untilSeq: lastSeq })) {
      // Whole records only: a page never ends between two events of one record.
      if (events.length >= limit && e.seq !== next - 1) break;
      events.push(e);
      next = e.seq + 1;
    }
    if (events.length === 0) next = Math.max(from, lastSeq + 1);
    return { body: { ok: true, events, next, lastSeq } };
  },
});

export const streamEvents = defineRoute({
  method: "GET",
  path: "/v1/events/stream",
  operationId: "streamEvents",
  summary: "Follow events",
  description: "Server-sent events, one `event` message per event (its type as the SSE event name), live. Starts after the record named by the Last-Event-ID header (a reconnecting EventSource sends it), else at `from`, else at the end of the log.",
  tag: "events",
  permission: "read",
  query: z.object({ filter, from: z.coerce.number().int().min(1).optional() }),
  response: storedEvent,
  stream: true,
  statuses: { 429: "too many open streams" },
  async handle({ query, app, caller, req, res }) {
    const subject = checkedFilter(query.filter);
    const resumeHeader = req.headers["last-event-id"];
    const resumed = typeof resumeHeader === "string" && /^\d+$/.test(resumeHeader) ? Number(resumeHeader) + 1 : undefined;
    // A seq beyond the log's end (a stale id from another server, or a forged one) starts at the
    // end: waiting for a seq the log may never reach would leave the stream silent for ever.
    const end = (await app.capsmith.log.lastSeq()) + 1;
    const from = Math.min(resumed ?? query.from ?? end, end);
    const stream = app.streams.open(res, caller.tokenId);
    await follow(app, stream, subject, from);
    return { streamed: true };
  },
});

/** Sends every record from `from` on, then each new one as the log grows, until the client leaves. */
async function follow(app: ServeContext, stream: SseStream, subject: string, from: number): Promise<void> {
  const { log, readModel } = app.capsmith;
  let next = from;
  let wake: (() => void) | undefined;
  let news = true;
  const off = readModel.onChange(() => {
    news = true;
    wake?.();
  });
  stream.signal.addEventListener("abort", () => wake?.(), { once: true });
  try {
    while (!stream.closed) {
      if (!news) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      news = false;
      const until = await log.lastSeq();
      if (until < next) continue;
      let record: AnyStoredEvent[] = [];
      const flush = async (): Promise<boolean> => {
        for (let i = 0; i < record.length; i++) {
          const e = record[i]!;
          const last = i === record.length - 1;
          if (!(await stream.send({ event: e.type, data: e, ...(last ? { id: String(e.seq) } : {}) }))) return false;
        }
        record = [];
        return true;
      };
      for await (const e of log.read(subject, { fromSeq: next, untilSeq: until })) {
        if (record.length > 0 && record[0]!.seq !== e.seq && !(await flush())) return;
        record.push(e);
        if (stream.closed) return;
      }
      if (!(await flush())) return;
      next = until + 1;
    }
  } finally {
    off();
    stream.close();
  }
}

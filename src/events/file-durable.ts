/**
 * Durable subscriptions of the embedded log. A durable remembers, in `consumers/<name>.json`, which
 * records it has acknowledged, so a restart resumes after them. Every member subscribed under one
 * name takes records one at a time from the same queue: each record is handled by one of them.
 * A record whose handler fails, or holds it past `ackWaitMs`, is delivered again (at least once).
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { AnyStoredEvent } from "./envelope.ts";
import { EventLogError } from "./errors.ts";
import type { EventHandler, SubscribeOptions, Subscription } from "./event-log.ts";
import type { StoredRecord } from "./file-log-format.ts";
import { subjectMatches } from "./subjects.ts";

export interface RecordSource {
  count(): number;
  readRecord(seq: number): Promise<StoredRecord>;
  onAppend(listener: () => void): () => void;
}

interface PersistedState {
  filter: string;
  floor: number;
  acked: number[];
}

interface Member {
  handler: EventHandler;
  busy: Promise<void> | undefined;
  stopping: boolean;
}

export class FileDurable {
  private readonly members: Member[] = [];
  private readonly acked = new Set<number>();
  private readonly inflight = new Set<number>();
  private readonly attempts = new Map<number, number>();
  private readonly retry: { seq: number; notBefore: number }[] = [];
  private floor = 0;
  private cursor = 1;
  private filter = "";
  private ackWaitMs = 30_000;
  private retryDelayMs = 1_000;
  private saving: Promise<void> = Promise.resolve();
  private unlisten: (() => void) | undefined;
  private dispatching = false;

  private readonly name: string;
  private readonly path: string;
  private readonly source: RecordSource;
  private readonly logger: Logger | undefined;

  private constructor(name: string, path: string, source: RecordSource, logger: Logger | undefined) {
    this.name = name;
    this.path = path;
    this.source = source;
    this.logger = logger;
  }

  static async open(dir: string, name: string, options: SubscribeOptions, source: RecordSource, logger?: Logger): Promise<FileDurable> {
    const durable = new FileDurable(name, join(dir, `${encodeURIComponent(name)}.json`), source, logger);
    const saved = await readFile(durable.path, "utf8").then((t) => JSON.parse(t) as PersistedState, () => undefined);
    if (saved && saved.filter !== options.filter) {
      throw new EventLogError("invalid_subject", `durable "${name}" exists with filter ${saved.filter}, not ${options.filter}`, {
        nextStep: "Use a new durable name for a different filter.",
      });
    }
    durable.filter = options.filter;
    durable.floor = saved?.floor ?? (options.deliver === "new" ? source.count() : 0);
    for (const seq of saved?.acked ?? []) durable.acked.add(seq);
    durable.cursor = durable.floor + 1;
    durable.configure(options);
    if (!saved) await durable.save();
    durable.unlisten = source.onAppend(() => durable.dispatch());
    return durable;
  }

  /** Adds a member; the returned subscription's stop() waits for its in-flight record. */
  join(options: SubscribeOptions, handler: EventHandler): Subscription {
    if (options.filter !== this.filter) {
      throw new EventLogError("invalid_subject", `durable "${this.name}" has filter ${this.filter}, not ${options.filter}`, {
        nextStep: "Use a new durable name for a different filter.",
      });
    }
    this.configure(options);
    const member: Member = { handler, busy: undefined, stopping: false };
    this.members.push(member);
    this.dispatch();
    return {
      stop: async () => {
        member.stopping = true;
        const at = this.members.indexOf(member);
        if (at >= 0) this.members.splice(at, 1);
        await member.busy;
        await this.save();
      },
    };
  }

  async close(): Promise<void> {
    this.unlisten?.();
    for (const m of this.members.splice(0)) m.stopping = true;
    await Promise.all(this.inflightWork);
    await this.save();
  }

  private readonly inflightWork = new Set<Promise<void>>();

  private configure(options: SubscribeOptions): void {
    this.ackWaitMs = options.ackWaitMs ?? this.ackWaitMs;
    this.retryDelayMs = options.retryDelayMs ?? this.retryDelayMs;
  }

  /** Hands ready records to idle members until one of the two runs out. */
  private dispatch(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    void this.fill().finally(() => {
      this.dispatching = false;
    });
  }

  private async fill(): Promise<void> {
    for (;;) {
      const member = this.members.find((m) => !m.busy && !m.stopping);
      if (!member) return;
      const seq = await this.nextSeq();
      if (seq === undefined) return;
      const work = this.deliver(member, seq);
      member.busy = work;
      this.inflightWork.add(work);
      void work.finally(() => {
        member.busy = undefined;
        this.inflightWork.delete(work);
        this.dispatch();
      });
    }
  }

  /** A due redelivery first, then the next new record that matches the filter. */
  private async nextSeq(): Promise<number | undefined> {
    const now = performance.now(); // scheduling only: never written to an event
    const due = this.retry.findIndex((r) => r.notBefore <= now && !this.inflight.has(r.seq));
    if (due >= 0) {
      const [r] = this.retry.splice(due, 1);
      if (r && !this.acked.has(r.seq) && r.seq > this.floor) return r.seq;
      return this.nextSeq();
    }
    while (this.cursor <= this.source.count()) {
      const seq = this.cursor++;
      if (seq <= this.floor || this.acked.has(seq)) continue;
      const record = await this.source.readRecord(seq);
      if (subjectMatches(this.filter, record.events[0]!.subject)) return seq;
      this.markAcked(seq);
    }
    return undefined;
  }

  private async deliver(member: Member, seq: number): Promise<void> {
    const attempt = (this.attempts.get(seq) ?? 0) + 1;
    this.attempts.set(seq, attempt);
    this.inflight.add(seq);
    const timer = setTimeout(() => this.scheduleRetry(seq, 0), this.ackWaitMs);
    timer.unref();
    try {
      const record = await this.source.readRecord(seq);
      for (const event of record.events) {
        await member.handler({ ...event, seq: record.seq } as AnyStoredEvent, { attempt });
      }
      this.markAcked(seq);
      void this.save();
    } catch (err) {
      this.logger?.warn({ err, durable: this.name, seq, attempt }, "handler failed; record will be redelivered");
      this.scheduleRetry(seq, this.retryDelayMs);
    } finally {
      clearTimeout(timer);
      this.inflight.delete(seq);
    }
  }

  private scheduleRetry(seq: number, delayMs: number): void {
    if (this.acked.has(seq) || this.retry.some((r) => r.seq === seq)) return;
    this.retry.push({ seq, notBefore: performance.now() + delayMs });
    setTimeout(() => this.dispatch(), delayMs + 1).unref();
  }

  private markAcked(seq: number): void {
    this.acked.add(seq);
    this.attempts.delete(seq);
    while (this.acked.has(this.floor + 1)) {
      this.floor++;
      this.acked.delete(this.floor);
    }
  }

  /** Writes the ack state (tmp + rename); saves are serialized. Losing one only means redelivery. */
  private save(): Promise<void> {
    const state: PersistedState = { filter: this.filter, floor: this.floor, acked: [...this.acked] };
    this.saving = this.saving.then(async () => {
      const tmp = `${this.path}.tmp`;
      await writeFile(tmp, JSON.stringify(state));
      await rename(tmp, this.path);
    });
    return this.saving;
  }
}

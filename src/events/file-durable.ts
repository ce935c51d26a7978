/**
 * Durable subscriptions of the embedded log, shared by every process that subscribes under one name.
 * Their state is one file, `consumers/<name>.json`: the floor (every record up to it is done), the
 * records acknowledged above it, and the claims — which holder (process + instance) handles which
 * record now. A process claims a record under the durable's lock before handing it to one of its
 * members, so no record goes to two holders at once; a claim whose holder died is free again (the
 * record is redelivered), as is one held past `ackWaitMs` or released after a failed handler.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { AnyStoredEvent } from "./envelope.ts";
import { EventLogError } from "./errors.ts";
import type { EventHandler, QuarantineListener, QuarantinedRecord, SubscribeOptions, Subscription } from "./event-log.ts";
import { CLOSE_WAIT_MS, settlesWithin } from "./event-log.ts";
import { holderAlive, holderText, parseHolder } from "./file-holder.ts";
import type { Holder } from "./file-holder.ts";
import { fileMutex } from "./file-lock.ts";
import type { FileMutex } from "./file-lock.ts";
import type { StoredRecord } from "./file-log-format.ts";
import { compileFilter } from "./subjects.ts";

export interface RecordSource {
  holder: Holder;
  count(): number;
  /** Subject of the record at `seq`; undefined for a quarantined one. */
  subjectAt(seq: number): string | undefined;
  quarantined(seq: number): QuarantinedRecord | undefined;
  /** The record, or undefined when it no longer reads (quarantined). */
  readRecord(seq: number): Promise<StoredRecord | undefined>;
  /** Called on appends (any process's) and on every follow tick. */
  onChange(listener: () => void): () => void;
}

interface SharedState {
  filter: string;
  floor: number;
  acked: number[];
  /** seq → holder handling it now. */
  claims?: Record<string, string>;
  /** seq → deliveries so far, for records not acknowledged yet. */
  attempts?: Record<string, number>;
}

interface Member {
  handler: EventHandler;
  busy: Promise<void> | undefined;
  stopping: boolean;
}

export class FileDurable {
  private readonly members: Member[] = [];
  /** Matching records above the floor, as far as this process knows (pruned under the lock). */
  private candidates: number[] = [];
  private scanned = 0;
  private filter = "";
  private matches: (subject: string) => boolean = () => false;
  private ackWaitMs = 30_000;
  private retryDelayMs = 1_000;
  private onQuarantine: QuarantineListener | undefined;
  private lane: Promise<unknown> = Promise.resolve();
  private dispatching = false;
  private again = false;
  private closed = false;
  private unlisten: (() => void) | undefined;
  private readonly inflight = new Set<Promise<void>>();
  /** Records handled here whose acknowledgement is not written yet: the next state change writes them. */
  private acks: number[] = [];
  private unwritten: number[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private readonly name: string;
  private readonly path: string;
  private readonly mutex: FileMutex;
  private readonly me: string;
  private readonly source: RecordSource;
  private readonly logger: Logger | undefined;

  private constructor(dir: string, name: string, source: RecordSource, logger: Logger | undefined) {
    this.name = name;
    this.path = join(dir, `${encodeURIComponent(name)}.json`);
    this.mutex = fileMutex(join(dir, `${encodeURIComponent(name)}.lock`), source.holder, { what: `durable ${name}` });
    this.me = holderText(source.holder);
    this.source = source;
    this.logger = logger;
  }

  static async open(dir: string, name: string, options: SubscribeOptions, source: RecordSource, logger?: Logger): Promise<FileDurable> {
    const durable = new FileDurable(dir, name, source, logger);
    let found = "";
    await durable.withState((state) => {
      found = state.filter;
      return false;
    }, { filter: options.filter, floor: options.deliver === "new" ? source.count() : 0, acked: [] });
    if (found !== options.filter) {
      throw new EventLogError("invalid_subject", `durable "${name}" exists with filter ${found}, not ${options.filter}`, {
        nextStep: "Use a new durable name for a different filter.",
      });
    }
    durable.filter = options.filter;
    durable.matches = compileFilter(options.filter);
    durable.configure(options);
    durable.unlisten = source.onChange(() => durable.dispatch());
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
        await this.flushAcks();
      },
    };
  }

  /** Stops every member, waits for records in flight, and gives back the claims still held. */
  async close(): Promise<void> {
    this.closed = true;
    this.unlisten?.();
    for (const m of this.members.splice(0)) m.stopping = true;
    // A handler still running after CLOSE_WAIT_MS is abandoned: its claim is given back below, so
    // another process takes the record (this one's outcome is never acknowledged).
    if (!(await settlesWithin(Promise.all(this.inflight), CLOSE_WAIT_MS))) this.logger?.warn({ durable: this.name, waitedMs: CLOSE_WAIT_MS }, "closing with handlers in flight: their records will be redelivered");
    for (const t of this.timers) clearTimeout(t);
    await this.withState((state) => {
      let changed = this.applyAcks(state);
      for (const [seq, holder] of Object.entries(state.claims ?? {})) {
        if (holder === this.me) {
          delete state.claims![seq];
          changed = true;
        }
      }
      return changed;
    }).catch((err: unknown) => this.logger?.warn({ err, durable: this.name }, "could not give back claims; they free up once this process exits"));
    await this.mutex.dispose();
  }

  private configure(options: SubscribeOptions): void {
    this.ackWaitMs = options.ackWaitMs ?? this.ackWaitMs;
    this.retryDelayMs = options.retryDelayMs ?? this.retryDelayMs;
    this.onQuarantine = options.onQuarantine ?? this.onQuarantine;
  }

  /** Hands claimable records to idle members until one of the two runs out. */
  private dispatch(): void {
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = true;
    void this.fill()
      .catch((err: unknown) => this.logger?.warn({ err, durable: this.name }, "durable could not take work; trying again on the next tick"))
      .finally(() => {
        this.dispatching = false;
        if (this.again) {
          this.again = false;
          this.dispatch();
        }
      });
  }

  private async fill(): Promise<void> {
    for (;;) {
      const member = this.members.find((m) => !m.busy && !m.stopping);
      if (!member || this.closed) return;
      this.scan();
      if (this.candidates.length === 0) return this.flushAcks();
      const claimed = await this.claimNext();
      if (!claimed) return;
      const work = this.deliver(member, claimed.seq, claimed.attempt);
      member.busy = work;
      this.inflight.add(work);
      void work.finally(() => {
        member.busy = undefined;
        this.inflight.delete(work);
        this.dispatch();
      });
    }
  }

  /** Adds the matching records this process has indexed since the last scan. */
  private scan(): void {
    const count = this.source.count();
    while (this.scanned < count) {
      const seq = ++this.scanned;
      const subject = this.source.subjectAt(seq);
      if (subject === undefined) {
        const q = this.source.quarantined(seq);
        if (q) this.onQuarantine?.(q);
      } else if (this.matches(subject)) this.candidates.push(seq);
    }
  }

  /** Under the lock: the first candidate nobody live holds, claimed for this holder. */
  private async claimNext(): Promise<{ seq: number; attempt: number } | undefined> {
    let claimed: { seq: number; attempt: number } | undefined;
    await this.withState((state) => {
      const wroteAcks = this.applyAcks(state);
      const acked = new Set(state.acked);
      let done = 0;
      while (done < this.candidates.length && (this.candidates[done]! <= state.floor || acked.has(this.candidates[done]!))) done++;
      if (done > 0) this.candidates.splice(0, done);
      const claims = (state.claims ??= {});
      for (const seq of this.candidates) {
        if (acked.has(seq)) continue;
        const holder = claims[seq];
        if (holder !== undefined && (holder === this.me || holderAlive(parseHolder(holder) ?? { pid: 0, start: "", instance: 0 }))) continue;
        const attempts = (state.attempts ??= {});
        const attempt = (attempts[seq] ?? 0) + 1;
        attempts[seq] = attempt;
        claims[seq] = this.me;
        claimed = { seq, attempt };
        break;
      }
      return this.advanceFloor(state) || wroteAcks || claimed !== undefined;
    });
    return claimed;
  }

  private async deliver(member: Member, seq: number, attempt: number): Promise<void> {
    let expired = false;
    const timer = this.later(this.ackWaitMs, () => {
      expired = true; // held too long: another member may take it (at least once)
      return this.release(seq);
    });
    try {
      const record = await this.source.readRecord(seq);
      if (record === undefined) {
        const q = this.source.quarantined(seq);
        if (q) this.onQuarantine?.(q);
      }
      for (const event of record?.events ?? []) {
        await member.handler({ ...event, seq } as AnyStoredEvent, { attempt });
      }
      clearTimeout(timer);
      this.acks.push(seq); // written with the next claim (one state change per record, not two)
    } catch (err) {
      clearTimeout(timer);
      this.logger?.warn({ err, durable: this.name, seq, attempt }, "handler failed; record will be redelivered");
      // The claim is kept through the delay, so nobody takes the record before it is due.
      if (!expired) this.later(this.retryDelayMs, () => this.release(seq));
    }
  }

  private later(ms: number, task: () => Promise<void>): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void task()
        .catch((err: unknown) => this.logger?.warn({ err, durable: this.name }, "durable state update failed"))
        .finally(() => this.dispatch());
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  /** Writes acknowledgements no claim took along (the durable went idle, or a member stopped). */
  private async flushAcks(): Promise<void> {
    if (this.acks.length > 0) await this.withState((state) => this.applyAcks(state));
  }

  /** Moves the acknowledgements waiting here into `state`; they come back if writing it fails. */
  private applyAcks(state: SharedState): boolean {
    if (this.acks.length === 0) return false;
    const taking = this.acks;
    this.acks = [];
    this.unwritten = taking;
    for (const seq of taking) {
      delete state.claims?.[seq];
      delete state.attempts?.[seq];
      if (seq > state.floor && !state.acked.includes(seq)) state.acked.push(seq);
    }
    this.advanceFloor(state);
    return true;
  }

  private release(seq: number): Promise<void> {
    return this.withState((state) => {
      if (state.claims?.[seq] !== this.me) return false;
      delete state.claims[seq];
      return true;
    });
  }

  /** Moves the floor over acknowledged records and records the filter does not match. */
  private advanceFloor(state: SharedState): boolean {
    const known = this.source.count();
    const acked = new Set(state.acked);
    const before = state.floor;
    for (;;) {
      const next = state.floor + 1;
      if (next > known) break;
      const subject = this.source.subjectAt(next);
      if (!acked.delete(next) && subject !== undefined && this.matches(subject)) break;
      state.floor = next;
    }
    if (state.floor === before) return false;
    state.acked = [...acked];
    return true;
  }

  /**
   * Reads the shared state under the durable's lock, lets `change` edit it, and writes it back when
   * it says it changed (tmp + rename: a crash leaves the old state or the new). One at a time here.
   */
  private withState(change: (state: SharedState) => boolean, initial?: SharedState): Promise<void> {
    const run = this.lane.then(async () => {
      const release = await this.mutex.acquire();
      this.unwritten = [];
      try {
        let state = await this.load();
        let changed = false;
        if (!state) {
          if (!initial) throw new EventLogError("log_corrupt", `the state of durable ${this.name} (${this.path}) is gone`, { nextStep: "Subscribe again to start it over." });
          state = initial;
          changed = true;
        }
        if (change(state) || changed) {
          const tmp = `${this.path}.${this.source.holder.pid}-${this.source.holder.instance}.tmp`;
          await writeFile(tmp, JSON.stringify(state));
          await rename(tmp, this.path);
        }
      } catch (err) {
        this.acks.unshift(...this.unwritten); // not written: they go with the next change
        throw err;
      } finally {
        this.unwritten = [];
        await release();
      }
    });
    this.lane = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<SharedState | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
    try {
      return JSON.parse(text) as SharedState;
    } catch (cause) {
      throw new EventLogError("log_corrupt", `the state of durable ${this.name} (${this.path}) is not JSON`, {
        cause,
        nextStep: `Remove ${this.path} to start the durable over (its records are delivered again; handlers are idempotent).`,
      });
    }
  }
}

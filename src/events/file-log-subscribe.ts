/**
 * Subscriptions and tailing of the file log: who hears of new records (watchers and durables), the
 * follower that notices other processes' appends, and the durables of one log by name. Records
 * appended by this process are announced by the commit; those of other processes only by a
 * catch-up, which the follower starts on every file-change notification and poll tick. The tick
 * wakes durables even when nothing is new: a claim may have been freed by another process.
 */
import { EventEmitter } from "node:events";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { EventHandler, SubscribeOptions, Subscription } from "./event-log.ts";
import { FileDurable } from "./file-durable.ts";
import type { RecordSource } from "./file-durable.ts";
import type { Holder } from "./file-holder.ts";
import { followFile } from "./file-follow.ts";
import type { Follower } from "./file-follow.ts";
import { readRecord } from "./file-log-read.ts";
import type { LogFile } from "./file-log-read.ts";

/** New records ("change") and follow ticks ("tick") of one log, and the follower that finds other processes' records. */
export class LogChanges {
  private readonly emitter = new EventEmitter();
  private follower: Follower | undefined;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Records were appended (by this process or, found by a catch-up, another). */
  changed(): void {
    this.emitter.emit("change");
  }

  /** Starts following `path` unless it is followed: each notification or poll runs `refresh`, then ticks. */
  follow(path: string, intervalMs: number, refresh: () => Promise<void>): void {
    this.follower ??= followFile(path, intervalMs, () => {
      void refresh().then(() => this.emitter.emit("tick"), () => undefined);
    });
  }

  /** Calls `listener` on every change; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.emitter.on("change", listener);
    return () => this.emitter.off("change", listener);
  }

  /** Calls `listener` on every change and every tick (what a durable looks again on); returns how to stop. */
  onChangeOrTick(listener: () => void): () => void {
    this.emitter.on("change", listener);
    this.emitter.on("tick", listener);
    return () => {
      this.emitter.off("change", listener);
      this.emitter.off("tick", listener);
    };
  }

  stop(): void {
    this.follower?.stop();
  }
}

/** What a durable reads through: the log's index, its records and its changes. */
export function recordSource(file: LogFile, holder: Holder, changes: LogChanges): RecordSource {
  return {
    holder,
    count: () => file.index.count,
    subjectAt: (seq) => file.index.subjectAt(seq),
    quarantined: (seq) => file.index.quarantined.get(seq),
    readRecord: (seq) => readRecord(file, seq),
    onChange: (listener) => changes.onChangeOrTick(listener),
  };
}

/** The durables of one log, opened once each by name under `<dir>/consumers` and shared by every subscription to that name. */
export class FileLogDurables {
  private readonly opened = new Map<string, Promise<FileDurable>>();
  private readonly dir: string;
  private readonly source: RecordSource;
  private readonly logger: Logger | undefined;

  constructor(dataDir: string, source: RecordSource, logger: Logger | undefined) {
    this.dir = join(dataDir, "consumers");
    this.source = source;
    this.logger = logger;
  }

  /** Joins `handler` to the durable `durable`, opening it first unless it is open (a failed open is forgotten, so the next try opens again). */
  async join(durable: string, options: SubscribeOptions, handler: EventHandler): Promise<Subscription> {
    let opening = this.opened.get(durable);
    if (!opening) {
      opening = mkdir(this.dir, { recursive: true }).then(() => FileDurable.open(this.dir, durable, options, this.source, this.logger));
      this.opened.set(durable, opening);
      opening.catch(() => this.opened.delete(durable));
    }
    return (await opening).join(options, handler);
  }

  /** Closes them all at once: each gives its handlers in flight up to CLOSE_WAIT_MS, and those waits must not add up. */
  async close(): Promise<void> {
    await Promise.all([...this.opened.values()].map(async (durable) => (await durable.catch(() => undefined))?.close()));
  }
}

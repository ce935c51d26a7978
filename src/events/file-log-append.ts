/**
 * The file log's append queue: appends queue while a write is in progress, and each round of the
 * flusher takes the log's lock once for every append queued so far (group commit), so many appends
 * in flight cost one lock and one fsync per batch instead of one per append. What a round does
 * under the lock is the caller's (file-log-commit.ts); the queue only orders rounds and answers the
 * batch when the lock cannot be had.
 */
import type { FileMutex } from "./file-lock.ts";
import type { PendingAppend } from "./file-log-commit.ts";
import type { AppendResult } from "./event-log.ts";

/** Queues appends and commits them in rounds, one lock acquisition a round. */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private flushing: Promise<void> | undefined;
  private readonly mutex: FileMutex;
  private readonly commit: (batch: PendingAppend[]) => Promise<void>;

  /** `commit` runs each round's batch while this holds `mutex`. */
  constructor(mutex: FileMutex, commit: (batch: PendingAppend[]) => Promise<void>) {
    this.mutex = mutex;
    this.commit = commit;
  }

  /** Queues one (validated) append; settles when its round has committed or rejected it. */
  enqueue(append: Omit<PendingAppend, "resolve" | "reject">): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...append, resolve, reject });
      this.kick();
    });
  }

  /** Resolves once no round runs and none is queued (closing waits for every queued append). */
  async drained(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Starts the flusher unless it runs; one queued after its last look at the queue restarts it. */
  private kick(): void {
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0) this.kick();
    });
  }

  /** Group commit: each round takes the lock once for every append queued so far. */
  private async flush(): Promise<void> {
    await Promise.resolve();
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      let release: () => Promise<void>;
      try {
        release = await this.mutex.acquire();
      } catch (err) {
        for (const p of batch) p.reject(err);
        continue;
      }
      try {
        await this.commit(batch);
      } finally {
        await release();
      }
    }
  }
}

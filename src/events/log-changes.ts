/**
 * Knowing when the log grew, without polling it in a tight loop. Appends made through the returned
 * log wake listeners at once. Appends by other processes are noticed through the adapter's own
 * `watch` where it has one, and otherwise by asking for the log's last position every `pollMs`
 * while anyone listens.
 */
import { coalesced } from "../platform/coalesce.ts";
import type { EventLog } from "./event-log.ts";

export type ChangeListener = () => void;

export interface WatchedLog {
  log: EventLog;
  /** Calls `listener` whenever the log may have grown; returns the way to stop. */
  changes(listener: ChangeListener): () => void;
}

export function watchLog(log: EventLog, options: { pollMs?: number } = {}): WatchedLog {
  const listeners = new Set<ChangeListener>();
  const pollMs = options.pollMs ?? 250;
  let stopWatching: (() => void) | undefined;
  let lastSeen = -1;
  let timer: NodeJS.Timeout | undefined;

  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };

  const poll = async (): Promise<void> => {
    const seq = await log.lastSeq().catch(() => lastSeen);
    if (seq !== lastSeen) {
      const first = lastSeen < 0;
      lastSeen = seq;
      if (!first) notify();
    }
    if (listeners.size > 0) timer = setTimeout(() => void poll(), pollMs).unref();
  };

  const start = (): void => {
    if (log.watch) stopWatching = log.watch(notify);
    else void poll();
  };
  const stop = (): void => {
    stopWatching?.();
    stopWatching = undefined;
    if (timer) clearTimeout(timer);
    timer = undefined;
    lastSeen = -1;
  };

  const watched: EventLog = {
    kind: log.kind,
    async append(events, appendOptions) {
      const result = await log.append(events, appendOptions);
      notify();
      return result;
    },
    read: (filter, readOptions) => log.read(filter, readOptions),
    subjectHead: (subject) => log.subjectHead(subject),
    lastSeq: () => log.lastSeq(),
    subscribe: (durable, subscribeOptions, handler) => log.subscribe(durable, subscribeOptions, handler),
    identity: () => log.identity(),
    ...(log.watch ? { watch: (listener: () => void) => log.watch!(listener) } : {}),
    close: () => log.close(),
  };

  return {
    log: watched,
    changes(listener) {
      listeners.add(listener);
      if (listeners.size === 1) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
  };
}

export interface UntilOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  timeout(): Error;
  cancelled(): Error;
}

/**
 * Resolves with the first value `check` returns that is not undefined, asking once now and again
 * each time `changes` reports news; rejects with `timeout()` after `timeoutMs`, or `cancelled()`
 * when `signal` aborts. Checks never overlap: news during a check asks once more after it.
 */
export function until<T>(changes: (listener: ChangeListener) => () => void, check: () => Promise<T | undefined>, options: UntilOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      off();
      options.signal?.removeEventListener("abort", onAbort);
      settle();
    };
    const ask = coalesced(async () => {
      const value = await check();
      if (value !== undefined) finish(() => resolve(value));
    }, () => done);
    const attempt = (): Promise<void> => ask().catch((err: unknown) => finish(() => reject(err as Error)));
    const onAbort = (): void => finish(() => reject(options.cancelled()));
    const timer = setTimeout(() => finish(() => reject(options.timeout())), options.timeoutMs);
    const off = changes(() => void attempt());
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    void attempt();
  });
}

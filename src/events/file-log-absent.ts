/**
 * A read-only file log whose `events.log` is not there (yet): a process that only reads never makes
 * a data directory's files, so it reads an empty log until a writer makes the file, and the real
 * read-only log from then on. A watcher is told when the file appears, then follows it as any reader.
 */
import { EventLogError } from "./errors.ts";
import type { AnyStoredEvent } from "./envelope.ts";
import type { EventLog, ReadOptions } from "./event-log.ts";
import { logIdentity } from "./log-identity.ts";
import { assertFilter } from "./subjects.ts";

/** `open` gives the real read-only log once `path` exists, undefined while it does not; `pollMs`: how often a watcher looks for it. */
export function absentFileLog(path: string, open: () => Promise<EventLog | undefined>, pollMs: number): EventLog {
  let real: EventLog | undefined;
  let opening: Promise<EventLog | undefined> | undefined;
  let closed = false;

  const current = async (): Promise<EventLog | undefined> => {
    if (closed) throw new EventLogError("log_closed", "the event log is closed", { nextStep: "Open it again." });
    if (real) return real;
    const found = await (opening ??= open().finally(() => (opening = undefined)));
    if (found && closed) {
      await found.close();
      throw new EventLogError("log_closed", "the event log is closed", { nextStep: "Open it again." });
    }
    real ??= found;
    if (real !== found) await found?.close(); // two callers raced to open it: keep the first
    return real;
  };

  return {
    kind: "file",
    append: () => Promise.reject(new EventLogError("log_closed", "this event log was opened read-only", { nextStep: "Open it for writing to append." })),
    async *read(filter: string, options?: ReadOptions): AsyncGenerator<AnyStoredEvent> {
      assertFilter(filter);
      const log = await current();
      if (log) yield* log.read(filter, options);
    },
    subjectHead: async (subject) => (await current())?.subjectHead(subject),
    lastSeq: async () => (await current())?.lastSeq() ?? 0,
    identity: async () => (await current())?.identity() ?? logIdentity({ kind: "file", location: path }),
    async subscribe(durable, options, handler) {
      const log = await current();
      if (log) return log.subscribe(durable, options, handler);
      throw new EventLogError("log_unavailable", `no event log at ${path} to follow: nothing has been written to this data directory`, {
        nextStep: "Run a command that writes (capsmith note TEXT, capsmith daemon, the REPL) first, or open the log for writing.",
      });
    },
    watch(listener) {
      if (real) return real.watch?.(listener) ?? (() => undefined);
      let stopReal: (() => void) | undefined;
      let stopped = false;
      const timer = setInterval(() => {
        void current().then((log) => {
          if (!log || stopped || stopReal) return;
          clearInterval(timer);
          stopReal = log.watch?.(listener) ?? (() => undefined);
          listener(); // the file appeared: records came with it
        }, () => undefined);
      }, pollMs);
      timer.unref();
      return () => {
        stopped = true;
        clearInterval(timer);
        stopReal?.();
      };
    },
    async close() {
      closed = true;
      await opening?.catch(() => undefined);
      await real?.close();
    },
  };
}

import { CapsmithError, until } from "../../events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../events/index.ts";

/** A log and a way to hear that it grew: the read model is one (so is `watchLog(log)`). */
export interface LogFollower {
  readonly log: EventLog;
  onChange(listener: () => void): () => void;
}

/**
 * Waits for the first event after `afterSeq` on `filter` that `match` accepts, reading the log
 * (so it works the same whether the agents run in this process or in daemons elsewhere) each time
 * it hears the log grew.
 */
export function waitForEvent(follower: LogFollower, filter: string, afterSeq: number, match: (e: AnyStoredEvent) => boolean, options: { timeoutMs: number; signal?: AbortSignal }): Promise<AnyStoredEvent> {
  let from = afterSeq + 1;
  return until((listener) => follower.onChange(listener), async () => {
    for await (const event of follower.log.read(filter, { fromSeq: from })) {
      from = event.seq + 1;
      if (match(event)) return event;
    }
    return undefined;
  }, {
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    cancelled: () => new CapsmithError("cancelled", "cancelled while waiting for the agents", { nextStep: "Run it again." }),
    timeout: () => new CapsmithError("loop_timeout", `no answer from the agents within ${options.timeoutMs} ms`, {
      retryable: true,
      nextStep: "Check that the agents run (in this process, or `capsmith daemon --role ...` with --nats), then retry.",
    }),
  });
}

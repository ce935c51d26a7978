import type { AnyStoredEvent, EventLog } from "../../events/index.ts";
import { CapsmithError } from "../../events/index.ts";

/**
 * Waits for the first event after `afterSeq` on `filter` that `match` accepts, by reading the log
 * (so it works the same whether the agents run in this process or in daemons elsewhere).
 */
export async function waitForEvent(log: EventLog, filter: string, afterSeq: number, match: (e: AnyStoredEvent) => boolean, options: { timeoutMs: number; signal?: AbortSignal; pollMs?: number }): Promise<AnyStoredEvent> {
  const deadline = performance.now() + options.timeoutMs;
  let from = afterSeq + 1;
  for (;;) {
    for await (const event of log.read(filter, { fromSeq: from })) {
      if (match(event)) return event;
      from = event.seq + 1;
    }
    if (options.signal?.aborted) throw new CapsmithError("cancelled", "cancelled while waiting for the agents", { nextStep: "Run it again." });
    if (performance.now() > deadline) {
      throw new CapsmithError("loop_timeout", `no answer from the agents within ${options.timeoutMs} ms`, {
        retryable: true,
        nextStep: "Check that the agents run (in this process, or `capsmith daemon --role ...` with --nats), then retry.",
      });
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 20));
  }
}

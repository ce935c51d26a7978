import type { AnyStoredEvent, EventLog } from "../../events/index.ts";

/**
 * Follows the log from `fromSeq` on, calling `onEvent` for each event in order until `signal`
 * aborts. It reads, so it works alike on the embedded log and on JetStream, and takes nothing
 * from any durable consumer.
 */
export async function tailLog(log: EventLog, filter: string, options: { fromSeq: number; signal: AbortSignal; pollMs?: number }, onEvent: (e: AnyStoredEvent) => void): Promise<void> {
  let from = options.fromSeq;
  while (!options.signal.aborted) {
    for await (const event of log.read(filter, { fromSeq: from })) {
      if (options.signal.aborted) return;
      onEvent(event);
      from = event.seq + 1;
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 50));
  }
}

import type { AnyStoredEvent } from "../../events/index.ts";
import type { LogFollower } from "./wait-for.ts";

/**
 * Follows the log from `fromSeq` on, calling `onEvent` for each event in order until `signal`
 * aborts; it reads again each time it hears the log grew. It reads, so it works alike on the
 * embedded log and on JetStream, and takes nothing from any durable consumer.
 */
export async function tailLog(follower: LogFollower, filter: string, options: { fromSeq: number; signal: AbortSignal }, onEvent: (e: AnyStoredEvent) => void): Promise<void> {
  let from = options.fromSeq;
  let wake: (() => void) | undefined;
  let news = true;
  const off = follower.onChange(() => {
    news = true;
    wake?.();
  });
  const onAbort = (): void => wake?.();
  options.signal.addEventListener("abort", onAbort, { once: true });
  try {
    while (!options.signal.aborted) {
      if (!news) await new Promise<void>((resolve) => (wake = resolve));
      news = false;
      for await (const event of follower.log.read(filter, { fromSeq: from })) {
        if (options.signal.aborted) return;
        onEvent(event);
        from = event.seq + 1;
      }
    }
  } finally {
    off();
    options.signal.removeEventListener("abort", onAbort);
  }
}

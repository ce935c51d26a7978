import { openEventLog } from "../events/index.ts";
import type { EventLog } from "../events/index.ts";
import { systemClock, uuidIds } from "../platform/index.ts";
import type { CommandContext } from "./command-kit.ts";

/**
 * Opens the log the global options name. Commands that only read open the embedded log read-only,
 * so they work beside a running REPL or daemon.
 */
export function openLog(ctx: CommandContext, mode: { readOnly: boolean }): Promise<EventLog> {
  return openEventLog({
    dataDir: ctx.options.data,
    ...(ctx.options.nats ? { natsUrl: ctx.options.nats } : {}),
    clock: systemClock,
    newId: uuidIds,
    actor: "operator",
    readOnly: mode.readOnly,
    logger: ctx.logger,
  });
}

export async function withLog<T>(ctx: CommandContext, mode: { readOnly: boolean }, body: (log: EventLog) => Promise<T>): Promise<T> {
  const log = await openLog(ctx, mode);
  try {
    return await body(log);
  } finally {
    await log.close();
  }
}

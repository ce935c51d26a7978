import { openEventLog } from "../events/index.ts";
import type { EventLog, EventSigner } from "../events/index.ts";
import { openKeyStore, signHash } from "../hub/index.ts";
import { systemClock, uuidIds } from "../platform/index.ts";
import type { CommandContext } from "./command-kit.ts";
import { UsageError } from "./errors.ts";

/**
 * Opens the log the global options name. Commands that only read open the embedded log read-only,
 * so they work beside a running REPL or daemon. From the environment: `CAPSMITH_SIGN_KEY=NAME` signs
 * every appended event with the key NAME of `<data>/keys` (a role key, see `capsmith keys roles`),
 * `CAPSMITH_NATS_REPLICAS=N` creates the event stream with N replicas on a cluster.
 */
export async function openLog(ctx: CommandContext, mode: { readOnly: boolean }): Promise<EventLog> {
  const replicas = natsReplicas(process.env["CAPSMITH_NATS_REPLICAS"]);
  const sign = mode.readOnly ? undefined : await signerFor(ctx, process.env["CAPSMITH_SIGN_KEY"]);
  return openEventLog({
    dataDir: ctx.options.data,
    ...(ctx.options.nats ? { natsUrl: ctx.options.nats } : {}),
    ...(replicas ? { natsReplicas: replicas } : {}),
    ...(sign ? { sign } : {}),
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

async function signerFor(ctx: CommandContext, name: string | undefined): Promise<EventSigner | undefined> {
  if (!name) return undefined;
  const key = await openKeyStore(ctx.options.data).load(name);
  return (hash) => signHash(hash, key);
}

function natsReplicas(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    throw new UsageError("usage", `CAPSMITH_NATS_REPLICAS takes 1 to 5, not "${value}"`, { nextStep: "Use 3 on a three-node cluster, or unset it." });
  }
  return n;
}

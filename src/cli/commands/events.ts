import type { Command } from "commander";
import { ALL_EVENTS, assertFilter } from "../../events/index.ts";
import type { AnyStoredEvent } from "../../events/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withLog } from "../log-access.ts";
import { parsePoint, parsePositiveInt } from "../parse-point.ts";

export function registerEvents(program: Command): void {
  program
    .command("events")
    .description("list events from the log, oldest first")
    .option("--filter <subject>", "subject filter with NATS wildcards", ALL_EVENTS)
    .option("--from <seq>", "first record sequence")
    .option("--until <seq|time>", "last record sequence or ISO time")
    .option("--limit <n>", "at most this many events (the newest are kept)")
    .action(
      action(async (ctx, opts: { filter: string; from?: string; until?: string; limit?: string }) => {
        try {
          assertFilter(opts.filter);
        } catch (cause) {
          throw new UsageError("usage", (cause as Error).message, { cause, nextStep: `Use e.g. --filter capsmith.evt.plugin.* or ${ALL_EVENTS}.` });
        }
        const from = parsePositiveInt(opts.from, "--from");
        const limit = parsePositiveInt(opts.limit, "--limit");
        const point = parsePoint(opts.until);
        const events = await withLog(ctx, { readOnly: true }, async (log) => {
          const out: AnyStoredEvent[] = [];
          for await (const e of log.read(opts.filter, { ...(from ? { fromSeq: from } : {}), ...point })) {
            out.push(e);
            if (limit && out.length > limit) out.shift();
          }
          return out;
        });
        const text = events.length === 0
          ? "no events"
          : events.map((e) => `${String(e.seq).padStart(6)}  ${e.time}  ${e.type.padEnd(24)} ${e.subject}  ${e.actor}  ${JSON.stringify(e.data)}`).join("\n");
        return { json: { ok: true, events }, text };
      }),
    );
}

import type { Command } from "commander";
import { ALL_EVENTS, assertFilter, eventSummary } from "../../events/index.ts";
import type { AnyStoredEvent } from "../../events/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withReader } from "../capsmith-access.ts";
import { parsePoint, parsePositiveInt } from "../parse-point.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerEvents(program: Command): void {
  program
    .command("events")
    .description(SUMMARIES.events)
    .option("--filter <subject>", "subject filter with NATS wildcards", ALL_EVENTS)
    .option("--from <seq>", "first record sequence")
    .option("--until <seq|time>", "last record sequence or ISO time")
    .option("--limit <n>", "at most this many events (the newest are kept)")
    .option("--full", "each event whole: the envelope and every field of its data (code, specs, test reports), indented")
    .action(
      action(async (ctx, opts: { filter: string; from?: string; until?: string; limit?: string; full?: boolean }) => {
        try {
          assertFilter(opts.filter);
        } catch (cause) {
          throw new UsageError("usage", (cause as Error).message, { cause, nextStep: `Use e.g. --filter capsmith.evt.plugin.* or ${ALL_EVENTS}.` });
        }
        const from = parsePositiveInt(opts.from, "--from");
        const limit = parsePositiveInt(opts.limit, "--limit");
        const point = parsePoint(opts.until);
        const events = await withReader(ctx, async ({ log }) => {
          const out: AnyStoredEvent[] = [];
          // The newest N events of the whole log are in its last N records at most (a record holds
          // at least one event): read only those instead of the whole log. With a filter, or a range,
          // the matching events may be anywhere, so the range is read whole.
          const tailOnly = limit && !from && point.untilSeq === undefined && !point.untilTime && opts.filter === ALL_EVENTS;
          const start = tailOnly ? Math.max(1, (await log.lastSeq()) - limit + 1) : from;
          for await (const e of log.read(opts.filter, { ...(start ? { fromSeq: start } : {}), ...point })) {
            out.push(e);
            if (limit && out.length > limit) out.shift();
          }
          return out;
        });
        // One line each, bulky parts (code, specs) named by size; --full prints every payload whole.
        const text = events.length === 0
          ? "no events"
          : opts.full
            ? events.map((e) => `${String(e.seq).padStart(6)}  ${e.time}  ${e.type}  ${e.subject}  ${e.actor}  id ${e.id}\n${JSON.stringify(e.data, null, 2)}`).join("\n\n")
            : events.map((e) => `${String(e.seq).padStart(6)}  ${e.time}  ${e.type.padEnd(24)} ${e.subject}  ${e.actor}  ${eventSummary(e)}`).join("\n");
        return { json: { ok: true, events }, text };
      }),
    );
}

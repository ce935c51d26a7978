/**
 * `/events [SUBJECT-FILTER]`: follows the log live, one line per event, until Ctrl-C. A line holds
 * the event's whole data but for bulky parts (code, specs), named by size: nothing that explains a
 * decision (a reason, a failing case and its message) is cut; a long line wraps.
 */
import { tailLog } from "../../agents/index.ts";
import { ALL_EVENTS, assertFilter, eventSummary } from "../../events/index.ts";
import type { AnyStoredEvent } from "../../events/index.ts";
import type { SlashCommand } from "../core/types.ts";

/** How many earlier events are shown before following. */
export const EVENTS_BACKLOG = 10;

export function eventLine(e: AnyStoredEvent): string {
  return `${String(e.seq).padStart(6)} ${e.time.slice(11, 19)} ${e.actor.padEnd(11)} ${e.type.padEnd(22)} ${e.subject.replace("capsmith.evt.", "")}  ${eventSummary(e)}`;
}

export const events: SlashCommand = {
  name: "events",
  usage: "/events [FILTER]",
  summary: "follow the log live (e.g. /events capsmith.evt.gap.>); Ctrl-C stops",
  async run(ctx, args) {
    const filter = args.trim() || ALL_EVENTS;
    assertFilter(filter);
    const last = await ctx.services.log.lastSeq();
    const from = Math.max(1, last - EVENTS_BACKLOG + 1);
    ctx.ui.line(`following ${filter} from seq ${from} (Ctrl-C stops; /show ID for a plugin or draft, capsmith events --full for whole payloads)`);
    let seen = 0;
    await tailLog(ctx.services.readModel, filter, { fromSeq: from, signal: ctx.session.signal }, (e) => {
      seen++;
      ctx.ui.line(eventLine(e));
    });
    return { type: "message", text: `stopped following the log (${seen} events shown)` };
  },
};

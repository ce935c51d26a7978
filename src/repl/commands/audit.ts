import type { SlashCommand } from "../core/types.ts";

/** How many of the newest entries /audit shows. */
export const AUDIT_LIMIT = 30;

export const audit: SlashCommand = {
  name: "audit",
  usage: "/audit [ID]",
  summary: "who did what to which plugin or key, when and why (newest last)",
  args: ["plugin"],
  async run(ctx, args) {
    const id = args.trim();
    const all = (await ctx.services.readModel.state("audit")).entries;
    const entries = id ? all.filter((e) => e.pluginId === id || e.pluginId?.startsWith(`${id}@`) || e.subject.endsWith(`.${id}`)) : all;
    if (entries.length === 0) return { type: "message", text: id ? `no audit entries about ${id}` : "the audit trail is empty" };
    const shown = entries.slice(-AUDIT_LIMIT);
    return {
      type: "table",
      title: `Audit trail${id ? ` of ${id}` : ""}:`,
      columns: ["seq", "time", "actor", "what"],
      rows: shown.map((e) => [String(e.seq), e.time.slice(0, 19).replace("T", " "), e.keyId ? `${e.actor} (${e.keyId.slice(0, 8)})` : e.actor, e.what]),
      ...(entries.length > shown.length ? { footer: `${entries.length - shown.length} older entries not shown (capsmith audit trail --json has them all)` } : {}),
    };
  },
};

import type { SlashCommand } from "../core/types.ts";

export const show: SlashCommand = {
  name: "show",
  usage: "/show ID",
  summary: "a plugin (id, or a capability's active one): manifest, tier, usage, tests, code",
  args: ["plugin"],
  async run(ctx, args) {
    const id = args.trim();
    if (!id) return { type: "error", code: "usage", message: "name a plugin or capability", nextStep: "e.g. /show total_cost@1.0.0 (Tab completes)" };
    const state = await ctx.services.hub.state();
    const cap = state.capabilities[id];
    const plugin = state.plugins[id] ?? (cap?.active ? state.plugins[cap.active] : undefined);
    if (!plugin) {
      const known = cap ? `${id} has no active version; installed: ${cap.versions.join(", ")}` : `no plugin or capability named ${id}`;
      return { type: "error", code: "not_found", message: known, nextStep: "See /plugins for the ids." };
    }
    const m = plugin.manifest as { permissions?: unknown; limits?: unknown; provenance?: unknown; checksum?: string; hostRange?: string };
    const report = plugin.testReport as { passed?: number; failed?: number; cases?: { name: string; ok: boolean }[] } | null;
    const versions = state.capabilities[plugin.capability]?.versions ?? [];
    const lines = [
      `${plugin.id}  ${plugin.status}  tier ${plugin.tier}  profile ${plugin.profile}${state.capabilities[plugin.capability]?.active === plugin.id ? "  (active)" : ""}`,
      `  description: ${String((plugin.spec as { description?: string }).description ?? "")}`,
      `  versions:    ${versions.join(", ")}`,
      `  permissions: ${JSON.stringify(m.permissions ?? {})}   limits: ${JSON.stringify(m.limits ?? {})}`,
      `  provenance:  ${JSON.stringify(m.provenance ?? {})}`,
      `  checksum:    ${m.checksum ?? "?"}`,
      `  usage:       ${plugin.usage.calls} calls, ${plugin.usage.failures} failures`,
      `  approvals:   ${plugin.approvals.length ? plugin.approvals.map((a) => `key ${a.keyId}`).join(", ") : "none"}`,
      `  tests:       ${report ? `${report.passed ?? 0} passed, ${report.failed ?? 0} failed${report.cases?.length ? ` (${report.cases.map((c) => `${c.ok ? "✓" : "✗"} ${c.name}`).join(", ")})` : ""}` : "no report"}`,
      "  code:",
      ...plugin.code.replace(/\n$/, "").split("\n").map((l) => `    ${l}`),
    ];
    return { type: "message", text: lines.join("\n") };
  },
};

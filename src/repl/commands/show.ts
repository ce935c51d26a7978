import { caseViews, draftsText, failingCaseLines, findDrafts } from "../../hub/index.ts";
import { plural } from "../../terminal/index.ts";
import type { SlashCommand } from "../core/types.ts";

export const show: SlashCommand = {
  name: "show",
  usage: "/show ID",
  summary: "a plugin (id, or a capability's active one), or a draft that was not published: tests with every failing case, code",
  args: ["plugin"],
  async run(ctx, args) {
    const id = args.trim();
    if (!id) return { type: "error", code: "usage", message: "name a plugin, capability or draft", nextStep: "e.g. /show total_cost@1.0.0 (Tab completes)" };
    const state = await ctx.services.hub.state();
    const cap = Object.hasOwn(state.capabilities, id) ? state.capabilities[id] : undefined;
    const plugin = (Object.hasOwn(state.plugins, id) ? state.plugins[id] : undefined) ?? (cap?.active ? state.plugins[cap.active] : undefined);
    const drafts = plugin && plugin.id === id ? [] : await findDrafts(ctx.services.readModel, id);
    if (!plugin) {
      if (drafts.length) return { type: "message", text: draftsText(id, drafts, "/show") };
      const known = cap ? `${id} has no active version; installed: ${cap.versions.join(", ")}` : `no plugin, capability or draft named ${id}`;
      return { type: "error", code: "not_found", message: known, nextStep: "See /plugins for the ids." };
    }
    const m = plugin.manifest as { permissions?: unknown; limits?: unknown; provenance?: unknown; checksum?: string; hostRange?: string };
    const report = plugin.testReport as { passed?: number; failed?: number; cases?: Record<string, unknown>[] } | null;
    const cases = report?.cases ? caseViews(report.cases, plugin.spec) : [];
    const versions = state.capabilities[plugin.capability]?.versions ?? [];
    const lines = [
      `${plugin.id}  ${plugin.status}  tier ${plugin.tier}  profile ${plugin.profile}`,
      `  description: ${String((plugin.spec as { description?: string }).description ?? "")}`,
      `  versions:    ${versions.join(", ")}`,
      `  permissions: ${JSON.stringify(m.permissions ?? {})}   limits: ${JSON.stringify(m.limits ?? {})}`,
      `  provenance:  ${JSON.stringify(m.provenance ?? {})}`,
      `  checksum:    ${m.checksum ?? "?"}`,
      `  usage:       ${plural(plugin.usage.calls, "call")}, ${plural(plugin.usage.failures, "failure")}`,
      `  approvals:   ${plugin.approvals.length ? plugin.approvals.map((a) => `key ${a.keyId}`).join(", ") : "none"}`,
      `  tests:       ${report ? `${report.passed ?? 0} passed, ${report.failed ?? 0} failed${cases.length ? ` (${cases.map((c) => `${c.ok ? "✓" : "✗"} ${c.name}`).join(", ")})` : ""}` : "no report"}`,
      ...failingCaseLines(cases, "    "),
      ...(drafts.length ? [`  drafts:      ${plural(drafts.length, "unpublished draft")}; /show ${drafts[0]!.draftId}`] : []),
      "  code:",
      ...plugin.code.replace(/\n$/, "").split("\n").map((l) => `    ${l}`),
    ];
    return { type: "message", text: lines.join("\n") };
  },
};

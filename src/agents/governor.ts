/**
 * The governor: applies policy to a tested draft — reject it, hold it for an operator's approval,
 * stop at suggest/dry-run, or publish it through the hub's install transaction — and closes the gap.
 */
import type { NewEvent, StoredEvent } from "../events/index.ts";
import { mayPublish, needsApproval } from "../hub/index.ts";
import type { HubService, Policy } from "../hub/index.ts";
import { parseSpec } from "./spec/index.ts";
import { draftPackage } from "./loop/draft-package.ts";
import { emit } from "./loop/context.ts";
import type { AgentContext, Reactor } from "./loop/context.ts";
import { findGapSpec } from "./tester.ts";

export interface GovernorOptions {
  hub: HubService;
  policy: Policy;
  hostVersion: string;
}

type Closing = StoredEvent<"GapClosed">["data"];

export function createGovernor(options: GovernorOptions): Reactor {
  const { hub, policy } = options;
  return {
    role: "governor",
    filter: "capsmith.evt.gap.>",
    async handle(event, ctx) {
      if (event.type !== "PluginTested") return;
      const tested = (event as StoredEvent<"PluginTested">).data;
      const state = await ctx.state();
      const gap = state.gaps.gaps[tested.gapId];
      if (!gap || gap.status !== "tested") return; // closed already: a redelivery
      const close = (c: Omit<Closing, "gapId" | "capability">): Promise<void> =>
        emit(ctx, "governor", event, tested.capability, [{ type: "GapClosed", data: { gapId: tested.gapId, capability: tested.capability, ...c } } as Omit<NewEvent, "subject">]);

      const { report } = tested;
      if (report.failed > 0 || !report.deterministic) {
        const why = report.failed > 0 ? `${report.failed} of ${report.passed + report.failed} golden cases failed` : "not deterministic: outputs changed with the seed or clock";
        return close({ ok: false, pluginId: null, outcome: "rejected", reason: why });
      }
      if (!mayPublish(policy)) {
        return close({ ok: false, pluginId: null, outcome: policy.mode === "suggest" ? "suggested" : "dry_run", reason: `policy mode ${policy.mode}: tested and passing, not published` });
      }
      const draft = await findDraft(ctx, event.subject, tested.draftId);
      const spec = parseSpec(await findGapSpec(ctx, event.subject, tested.gapId));
      const pkg = draftPackage(draft, spec, options.hostVersion, {
        specHash: gap.specHash,
        testReport: { id: report.id, passed: report.passed, failed: report.failed, cases: report.cases.map((c) => ({ name: String(c["name"]), ok: Boolean(c["ok"]) })) },
      });
      const approval = needsApproval(policy, pkg.manifest);
      if (approval.required) {
        return emit(ctx, "governor", event, tested.capability, [{ type: "ApprovalRequested", data: { gapId: tested.gapId, pluginId: pkg.manifest.id, reasons: approval.reasons } }]);
      }
      // The transaction id derives from the event handled, so a redelivery finds its own install.
      const outcome = await hub.install(pkg, { source: `gap:${tested.gapId}`, txId: `tx-${event.id}` });
      if (outcome.ok) return close({ ok: true, pluginId: outcome.pluginId, outcome: "published", reason: `installed at tier ${outcome.tier}` });
      const f = outcome.failure!;
      return close({ ok: false, pluginId: null, outcome: "install_failed", reason: `${f.phase}: [${f.code}] ${f.message}` });
    },
  };
}

async function findDraft(ctx: AgentContext, subject: string, draftId: string): Promise<StoredEvent<"PluginDrafted">["data"]> {
  for await (const e of ctx.log.read(subject)) {
    if (e.type === "PluginDrafted" && (e.data as { draftId: string }).draftId === draftId) return (e as StoredEvent<"PluginDrafted">).data;
  }
  throw new Error(`no PluginDrafted ${draftId}`);
}

/**
 * The tester: runs a draft in the sandbox against its spec's examples and golden tests, checks
 * output schemas and determinism (the same input under another seed and clock), and reports.
 */
import type { StoredEvent } from "../events/index.ts";
import { checkLoadId, runGoldenCases } from "../hub/index.ts";
import type { PluginHost } from "../sandbox/index.ts";
import { parseSpec } from "../spec/index.ts";
import { draftPackage } from "./loop/draft-package.ts";
import { emitOnHead } from "./loop/context.ts";
import { findEvent } from "./loop/find-event.ts";
import type { Reactor } from "./loop/context.ts";
import { SUBSCRIPTIONS } from "./loop/subscriptions.ts";
import { own } from "../../projections/index.ts";

export function createTester(options: { sandbox: PluginHost; hostVersion: string }): Reactor {
  return {
    role: "tester",
    filter: SUBSCRIPTIONS.tester.gaps,
    async handle(event, ctx) {
      if (event.type !== "PluginDrafted") return;
      const draft = (event as StoredEvent<"PluginDrafted">).data;
      // The head before the state: the report is appended only on a subject nobody decided on meanwhile.
      const head = (await ctx.log.subjectHead(event.subject))?.seq ?? 0;
      const untested = async (): Promise<boolean> => {
        const gap = own((await ctx.state()).gaps.gaps, draft.gapId);
        return Boolean(gap && gap.status === "drafted" && gap.draftId === draft.draftId);
      };
      if (!(await untested())) return; // a redelivery
      const detected = await findEvent(ctx.log, event.subject, "CapabilityGapDetected", (d) => d.gapId === draft.gapId);
      const spec = parseSpec(detected.spec);
      const pkg = draftPackage(draft, spec, options.hostVersion);
      const report = await runGoldenCases(options.sandbox, pkg, checkLoadId("tester", draft.draftId), { checkDeterminism: true });
      await emitOnHead(ctx, "tester", event, draft.capability, [{
        type: "PluginTested",
        data: {
          gapId: draft.gapId, draftId: draft.draftId, capability: draft.capability,
          report: { id: ctx.newId(), passed: report.passed, failed: report.failed, deterministic: report.deterministic ?? true, cases: report.cases.map((c) => ({ ...c })) },
        },
      }], head, untested);
    },
  };
}

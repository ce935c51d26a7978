/**
 * `capsmith plugin promote DRAFT`: takes a draft a dry-run stopped at (tested, passing, not
 * published) through governance: the tester's report must be clean, policy's approval rules apply,
 * a version that breaks a dependent's range is refused unless forced (the dependents then go to T0),
 * and the package goes through the hub's install transaction like any the governor publishes. The
 * policy mode (`dry-run`) is what the operator overrides by promoting; nothing else is.
 */
import { CapsmithError, subjectFor } from "../events/index.ts";
import { findDrafts, needsApproval } from "../hub/index.ts";
import type { HubService, InstallOutcome, PluginPackage, Policy } from "../hub/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { parseSpec } from "../spec/index.ts";
import { draftPackage } from "./loop/draft-package.ts";
import { findEvent } from "./loop/find-event.ts";

export type PromoteErrorCode = "draft_not_found" | "not_promotable" | "approval_required";

export class PromoteError extends CapsmithError<PromoteErrorCode> {
  override name = "PromoteError";
}

export interface PromoteDeps {
  readModel: ReadModel;
  hub: HubService;
  policy: Policy;
  hostVersion: string;
}

/** Installs the dry-run draft `draftId` names (a draft id or gap id); throws PromoteError when it may not be. */
export async function promoteDraft(deps: PromoteDeps, draftId: string, install: (pkg: PluginPackage, source: string) => Promise<InstallOutcome>): Promise<InstallOutcome> {
  const found = (await findDrafts(deps.readModel, draftId)).filter((d) => d.draftId === draftId || d.gapId === draftId);
  const draft = found[0];
  if (!draft) throw new PromoteError("draft_not_found", `no draft ${draftId}`, { nextStep: "capsmith plugin show CAPABILITY lists its unpublished drafts with their ids." });
  if (draft.outcome !== "dry_run") {
    throw new PromoteError("not_promotable", `draft ${draft.draftId} of ${draft.capability} is ${draft.outcome ?? draft.status}, not a dry-run draft`, {
      nextStep: draft.outcome === "suggested" ? "suggest mode recorded only the spec: run it again in dry-run mode to draft and test it." : "Only drafts a dry-run tested and stopped at can be promoted (capsmith plugin show ID says why this one stopped).",
    });
  }
  if (!draft.report || draft.report.failed > 0 || !draft.report.deterministic) {
    throw new PromoteError("not_promotable", `draft ${draft.draftId} did not pass its tests`, { nextStep: "capsmith plugin show ID lists the failing cases." });
  }
  const subject = subjectFor("gap", draft.capability);
  const drafted = await findEvent(deps.readModel.log, subject, "PluginDrafted", (d) => d.draftId === draft.draftId);
  const detected = await findEvent(deps.readModel.log, subject, "CapabilityGapDetected", (d) => d.gapId === draft.gapId);
  const tested = await findEvent(deps.readModel.log, subject, "PluginTested", (d) => d.draftId === draft.draftId);
  const report = tested.report;
  const pkg = draftPackage(drafted, parseSpec(detected.spec), deps.hostVersion, {
    specHash: detected.specHash,
    testReport: { id: report.id, passed: report.passed, failed: report.failed, cases: report.cases.map((c) => ({ name: String(c["name"]), ok: Boolean(c["ok"]) })) },
  });
  const approval = needsApproval(deps.policy, pkg.manifest);
  if (approval.required) {
    throw new PromoteError("approval_required", `${pkg.manifest.id} needs an operator's approval: ${approval.reasons.join("; ")}`, { nextStep: "Change the policy's approvalRequired, or let the loop publish it in auto mode, where it is held for capsmith plugin approve." });
  }
  return install(pkg, `promote:${draft.draftId}`);
}

/**
 * The governor: applies policy to a tested draft — reject it, hold it for an operator's approval,
 * stop at suggest/dry-run, or publish it through the hub's install transaction — and closes the gap.
 * A held gap resumes when an operator's approval (or rejection) lands on its subject; an approval
 * claims the hold before it is installed (hold-claim.ts).
 */
import { eventText } from "../events/index.ts";
import type { AnyStoredEvent, NewEvent, StoredEvent } from "../events/index.ts";
import { HubError, checkDependents, checksumOf, keysAsOf, mayPublish, needsApproval, signManifest, verifyApproval } from "../hub/index.ts";
import type { HubService, Policy, SignatureCheck, SigningKey } from "../hub/index.ts";
import type { Gap } from "../../projections/index.ts";
import { parseSpec } from "../spec/index.ts";
import { draftPackage } from "./loop/draft-package.ts";
import { emitOnHead } from "./loop/context.ts";
import type { AgentContext, LoopState, Reactor } from "./loop/context.ts";
import { SUBSCRIPTIONS } from "./loop/subscriptions.ts";
import { findEvent } from "./loop/find-event.ts";
import { own } from "../../projections/index.ts";
import { claimHold, mayDecide } from "./hold-claim.ts";

export interface GovernorOptions {
  hub: HubService;
  policy: Policy;
  hostVersion: string;
  /** The governor signs what it publishes, so later tampering shows (integrity; it adds no tier). */
  key?: SigningKey;
}

type Tested = StoredEvent<"PluginTested">["data"];
type Closing = Omit<StoredEvent<"GapClosed">["data"], "gapId" | "capability">;

export function createGovernor(options: GovernorOptions): Reactor {
  const { hub, policy } = options;

  // Every governor decision is appended conditional on the gap's head as read before its state, so
  // two governors (or an approval and a rejection, or a redelivery however late) cannot both decide
  // one gap. When the subject moved for another reason, the decision lands if the gap still waits for it
  // (and a hold is claimed by no other decision: hold-claim.ts).
  // `gap` is the copy taken when the decision began (the state itself is folded in place).
  const undecided = (ctx: AgentContext, gap: Gap, cause: AnyStoredEvent) => async (): Promise<boolean> => mayDecide(own((await ctx.state()).gaps.gaps, gap.gapId), gap, cause);
  const close = async (ctx: AgentContext, cause: AnyStoredEvent, gap: Gap, head: number, c: Closing): Promise<void> => {
    // A reason may quote an install's failure, which quotes the plugin: kept recordable.
    await emitOnHead(ctx, "governor", cause, gap.capability, [{ type: "GapClosed", data: { gapId: gap.gapId, capability: gap.capability, ...c, reason: eventText(c.reason) } } as Omit<NewEvent, "subject">], head, undecided(ctx, gap, cause));
  };

  /** Installs the tested draft; `approved` says an operator already cleared what policy holds. */
  async function publish(ctx: AgentContext, cause: AnyStoredEvent, gap: Gap, head: number, tested: Tested, approved: boolean): Promise<void> {
    const draft = await findEvent(ctx.log, cause.subject, "PluginDrafted", (d) => d.draftId === tested.draftId);
    const spec = parseSpec((await findEvent(ctx.log, cause.subject, "CapabilityGapDetected", (d) => d.gapId === tested.gapId)).spec);
    const { report } = tested;
    const unsigned = draftPackage(draft, spec, options.hostVersion, {
      specHash: gap.specHash,
      testReport: { id: report.id, passed: report.passed, failed: report.failed, cases: report.cases.map((c) => ({ name: String(c["name"]), ok: Boolean(c["ok"]) })) },
    });
    const pkg = options.key ? { ...unsigned, manifest: signManifest(unsigned.manifest, options.key, unsigned) } : unsigned;
    // A version outside a dependent's declared range would break it: refused here; only an operator
    // may force one in (capsmith plugin install --force), and the dependents then go to T0.
    const breaks = checkDependents(await hub.state(), { capability: gap.capability, version: pkg.manifest.version });
    if (breaks) return close(ctx, cause, gap, head, { ok: false, pluginId: null, outcome: "rejected", reason: `[dependents_broken] ${breaks.message}` });
    const approval = needsApproval(policy, pkg.manifest);
    if (approval.required && !approved) {
      await emitOnHead(ctx, "governor", cause, gap.capability, [{ type: "ApprovalRequested", data: { gapId: gap.gapId, pluginId: pkg.manifest.id, reasons: approval.reasons, profile: pkg.manifest.profile, permissions: pkg.manifest.permissions } }], head, undecided(ctx, gap, cause));
      return;
    }
    // The transaction id derives from the event handled, so a redelivery finds its own install.
    let outcome;
    try {
      outcome = await hub.install(pkg, { source: `gap:${gap.gapId}`, txId: `tx-${cause.id}` });
    } catch (err) {
      // The hub refused the package before any transaction (a newer version went active meanwhile,
      // the version was taken with other code): no redelivery changes that, so the gap closes with
      // the hub's word. A retryable refusal (capability_busy, a log failure) is delivered again.
      if (!(err instanceof HubError) || err.retryable) throw err;
      return close(ctx, cause, gap, head, { ok: false, pluginId: null, outcome: "install_failed", reason: `refused: [${err.code}] ${err.message}` });
    }
    if (outcome.ok) return close(ctx, cause, gap, head, { ok: true, pluginId: outcome.pluginId, outcome: "published", reason: `installed at tier ${outcome.tier}` });
    const f = outcome.failure!;
    return close(ctx, cause, gap, head, { ok: false, pluginId: null, outcome: "install_failed", reason: `${f.phase}: [${f.code}] ${f.message}` });
  }

  return {
    role: "governor",
    filter: SUBSCRIPTIONS.governor.gaps,
    async handle(event, ctx) {
      if (event.type !== "PluginTested" && event.type !== "PluginApproved" && event.type !== "PluginRejected") return;
      const head = (await ctx.log.subjectHead(event.subject))?.seq ?? 0;
      if (event.type === "PluginTested") {
        const tested = (event as StoredEvent<"PluginTested">).data;
        const found = own((await ctx.state()).gaps.gaps, tested.gapId);
        if (!found || found.status !== "tested") return; // closed already: a redelivery
        const gap = { ...found }; // as decided on: the state is folded in place
        const { report } = tested;
        if (report.failed > 0 || !report.deterministic) {
          const why = report.failed > 0 ? `${report.failed} of ${report.passed + report.failed} golden cases failed` : "not deterministic: outputs changed with the seed or clock";
          return close(ctx, event, gap, head, { ok: false, pluginId: null, outcome: "rejected", reason: why });
        }
        if (!mayPublish(policy)) {
          return close(ctx, event, gap, head, { ok: false, pluginId: null, outcome: policy.mode === "suggest" ? "suggested" : "dry_run", reason: `policy mode ${policy.mode}: tested and passing, not published` });
        }
        return publish(ctx, event, gap, head, tested, false);
      }
      // An operator decided on a plugin policy held.
      const state = await ctx.state();
      const pluginId = (event.data as { pluginId: string }).pluginId;
      const held = awaiting(state, pluginId, event.seq);
      if (!held) return; // not held (or no longer): nothing to resume
      const gap = { ...held };
      if (gap.claimedBy !== null && event.type === "PluginApproved") {
        if (gap.claimedBy !== event.id) {
          ctx.logger.info({ pluginId, decision: event.type, claimedBy: gap.claimedBy }, "the hold is claimed by an earlier decision; this one changes nothing");
          return;
        }
        // This approval's claim, on a delivery that did not finish (its governor stalled past the
        // ack wait, or died): carried out as claimed, under the install id the approval gives — if
        // it is an approval that counted when the hold was claimed. A claim is appended only after
        // that check, but with signed events not required anyone writing the gap's subject can
        // append one: naming an approval no operator key signed, it installs nothing.
        const claimed = await claimedApproval(ctx, event, gap, state.keys);
        if (!claimed.ok) {
          ctx.logger.warn({ pluginId, decision: event.type, code: claimed.code }, "the hold is claimed for a decision that is no approval which counts; nothing is installed");
          return;
        }
        return publish(ctx, event, gap, head, await testedOf(ctx, event, gap), true);
      }
      // A rejection on a claimed hold changes nothing, unless the claim names it (only a forged
      // claim does): then the rejection is judged as on an unclaimed hold, and its closing may land.
      if (gap.claimedBy !== null && gap.claimedBy !== event.id) {
        ctx.logger.info({ pluginId, decision: event.type, claimedBy: gap.claimedBy }, "the hold is claimed by an earlier decision; this one changes nothing");
        return;
      }
      if (signedBeforeTrusted(event, state.keys)) {
        ctx.logger.warn({ pluginId, keyId: event.sig?.keyId }, "ignoring a decision signed before its key was trusted");
        return;
      }
      const draft = await findEvent(ctx.log, event.subject, "PluginDrafted", (d) => d.draftId === gap.draftId);
      const checksum = checksumOf(draft.code);
      if (await decidedBefore(ctx, gap, event, checksum, state.keys)) {
        ctx.logger.info({ pluginId, decision: event.type }, "an earlier operator decision on this hold stands; this one changes nothing");
        return;
      }
      if (event.type === "PluginRejected") {
        return close(ctx, event, gap, head, { ok: false, pluginId: null, outcome: "rejected", reason: `rejected by an operator: ${(event as StoredEvent<"PluginRejected">).data.reasons.join("; ")}` });
      }
      const approvalData = (event as StoredEvent<"PluginApproved">).data;
      const check = approvalCounts(approvalData, pluginId, checksum, state.keys, event.seq);
      if (!check.ok) {
        ctx.logger.warn({ pluginId, keyId: approvalData.keyId, code: check.code }, "ignoring an approval that does not verify");
        return;
      }
      // The hold is claimed before anything is installed: when a rejection closed it (or another
      // approval claimed it) since this governor read the gap's head, the claim fails, nothing is installed.
      if (!(await claimHold(ctx, event, gap, head))) {
        ctx.logger.info({ pluginId }, "another decision on this hold came first; this approval changes nothing");
        return;
      }
      return publish(ctx, event, gap, (await ctx.log.subjectHead(event.subject))?.seq ?? 0, await testedOf(ctx, event, gap), true);
    },
  };
}

/**
 * Whether the approval `decision` a hold is claimed for counts, judged by the trust store as it
 * stood at the claim: a key revoked after the claim does not undo a decision already being carried
 * out (the claim is what makes it the hold's one answer), one revoked before it does.
 */
async function claimedApproval(ctx: AgentContext, decision: AnyStoredEvent, gap: Gap, keys: LoopState["keys"]): Promise<SignatureCheck> {
  const draft = await findEvent(ctx.log, decision.subject, "PluginDrafted", (d) => d.draftId === gap.draftId);
  const approval = (decision as StoredEvent<"PluginApproved">).data;
  return approvalCounts(approval, approval.pluginId, checksumOf(draft.code), keysAsOf(keys, gap.claimedSeq ?? 0), decision.seq);
}

/** The test report of the draft held on `gap`. */
function testedOf(ctx: AgentContext, decision: AnyStoredEvent, gap: Gap): Promise<Tested> {
  return findEvent(ctx.log, decision.subject, "PluginTested", (t) => t.draftId === gap.draftId);
}

/**
 * The gap an operator's decision at `seq` is about: one held for `pluginId` that was opened before
 * the decision. A later gap drafting the same version again (the first was rejected, nothing was
 * installed) is not: a decision redelivered late, to a governor that stalled on it, would otherwise
 * reject (or approve) a draft the operator never saw.
 */
function awaiting(state: LoopState, pluginId: string, seq: number): Gap | undefined {
  return Object.values(state.gaps.gaps).find((g) => g.status === "awaiting_approval" && g.pluginId === pluginId && g.openedSeq < seq);
}

/**
 * Whether an operator decided the hold on `gap` before `decision`: an approval that verifies, or a
 * rejection, after the gap's ApprovalRequested. The first decision on a hold is the one that counts,
 * as a governor taking them in log order has it. Two governors taking an approval and a later
 * rejection at once would otherwise both act: the plugin installed, the gap closed as rejected.
 */
async function decidedBefore(ctx: AgentContext, gap: Gap, decision: AnyStoredEvent, checksum: string, keys: LoopState["keys"]): Promise<boolean> {
  let held = false;
  for await (const e of ctx.log.read(decision.subject, { fromSeq: gap.openedSeq, untilSeq: decision.seq - 1 })) {
    const d = e.data as { gapId?: string; pluginId?: string; keyId?: string; signature?: string };
    if (e.type === "ApprovalRequested" && d.gapId === gap.gapId) held = true;
    if (!held || d.pluginId !== gap.pluginId || signedBeforeTrusted(e, keys) || !(await ctx.readModel.admits(e))) continue;
    if (e.type === "PluginRejected") return true;
    if (e.type === "PluginApproved" && approvalCounts({ keyId: d.keyId ?? "", signature: d.signature ?? "" }, d.pluginId, checksum, keys, e.seq).ok) return true;
  }
  return false;
}

/**
 * Whether `e` is signed by a key trusted only after it was made. A signed read model admits it by
 * the trust store now, yet when it landed it decided nothing (its delivery was not admitted):
 * counted later, a decision nobody acted on would stand before the operator's own.
 */
function signedBeforeTrusted(e: AnyStoredEvent, keys: LoopState["keys"]): boolean {
  const signer = e.sig ? own(keys.keys, e.sig.keyId) : undefined;
  return signer !== undefined && signer.trustedSeq > e.seq;
}

/**
 * Whether the approval at `seq` counts: it verifies against the trust store now (a revoked key's
 * never does again) and its key was trusted before it was made. One made by a key trusted only
 * later was ignored when delivered; counting it afterwards would make it the hold's first decision
 * and the operator's real one change nothing (the gap held for good).
 */
function approvalCounts(approval: { keyId: string; signature: string }, pluginId: string, checksum: string, keys: LoopState["keys"], seq: number): SignatureCheck {
  const check = verifyApproval({ pluginId, checksum, keyId: approval.keyId, signature: approval.signature }, keys);
  if (!check.ok) return check;
  // A verified approval's key is in the trust store; one that is not verifies nothing.
  const signer = own(keys.keys, approval.keyId);
  if (!signer) return { ok: false, code: "signature_untrusted", keyId: approval.keyId, message: `the approval is signed by key ${approval.keyId}, which this hub does not trust`, nextStep: "Approve with a key this hub trusts." };
  if (signer.trustedSeq < seq) return check;
  return { ok: false, code: "signature_untrusted", keyId: approval.keyId, message: `the approval is signed by key ${approval.keyId}, trusted only after it was made`, nextStep: "Approve again with the key now trusted." };
}

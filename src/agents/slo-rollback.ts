/**
 * The governor's half of an slo rollback. The slo agent may take a plugin out of service but never
 * put one in (src/events/write-rules.ts): when policy says `rollback` it quarantines the failing
 * version with `rollback: true`, and this reactor — the governor, whose key may activate — answers
 * by activating the newest good earlier version that every dependent's declared range accepts, or,
 * when none does, by recording why (`RollbackBlocked`, naming the versions and the dependents each
 * would break) and leaving the capability with none active for an operator.
 * It answers only a quarantine that stands for a breach (`warrant`): the quarantined version was the
 * active one just before it, and its usage breaks its budget judged by the governor's own policy,
 * which must say `rollback`. Anything else the slo key may sign (a stolen key's quarantine of a
 * version that serves well, of one that was not serving, again and again to walk a capability back)
 * activates nothing: the governor records why in a RollbackBlocked and leaves it to an operator.
 * Idempotent however late a redelivery comes: the rollback's transaction id derives from the
 * quarantine, and the record of a blocked rollback is appended conditional on the subject's head.
 */
import { ConcurrencyError } from "../events/index.ts";
import type { AnyStoredEvent, NewEvent, StoredEvent } from "../events/index.ts";
import { appendWhileJudged, HubError, isDecisionEvent, rollbackWithinDependents } from "../hub/index.ts";
import type { HubService, Policy, RollbackChoice } from "../hub/index.ts";
import { evaluatePlugin, own, sloTargets } from "../../projections/index.ts";
import type { AgentContext, Reactor } from "./loop/context.ts";
import { MAX_DECISION_ATTEMPTS } from "./loop/context.ts";
import { SUBSCRIPTIONS } from "./loop/subscriptions.ts";

/** The durable of the governor's plugin-subject reactor (its other one follows the gap subjects). */
export const SLO_ROLLBACK_DURABLE = "agent-governor-rollback";

export function createSloRollback(options: { hub: HubService; policy: Policy }): Reactor {
  const { hub } = options;
  const targets = sloTargets(options.policy.slo);

  /**
   * Why `quarantine` does not warrant a rollback, or undefined when it does: the version it took out
   * was the active one (the hub records that of the quarantine itself), and its usage breaks a budget
   * of this governor's policy: the slo key's word is not evidence.
   */
  async function unwarranted(ctx: AgentContext, quarantine: StoredEvent<"PluginQuarantined">): Promise<string | undefined> {
    const { pluginId } = quarantine.data;
    if (targets.onBreach.action !== "rollback") return `the governor's policy does not roll back on a breach (slo.onBreach.action is ${targets.onBreach.action})`;
    const { hub, slo } = (await ctx.readModel.current(["hub", "slo"])).states;
    const plugin = own(hub.plugins, pluginId);
    if (plugin?.quarantinedWhileActive !== quarantine.seq) return `${pluginId} was not the active version of its capability when it was quarantined`;
    // At its latest usage, as the slo agent judged it (a budget is broken by completed hours only).
    const series = slo.plugins.get(pluginId);
    const latestMinute = series ? Math.max(series.latestMinute, series.latestHour * 60) : 0;
    const breach = series ? evaluatePlugin(slo, pluginId, new Date(latestMinute * 60_000), targets).find((r) => r.rule === "budget_breach") : undefined;
    if (breach?.status !== "firing") return `${pluginId} breaks no budget of the governor's policy (${breach?.message ?? "no usage recorded"})`;
    return undefined;
  }

  /** Whether this quarantine was answered already: a rollback transaction or a RollbackBlocked after it. */
  async function answered(ctx: AgentContext, quarantine: AnyStoredEvent, txId: string): Promise<boolean> {
    if (own((await ctx.readModel.state("installs")).transactions, txId)) return true;
    for await (const e of ctx.log.read(quarantine.subject, { fromSeq: quarantine.seq + 1 })) {
      // Only a governor's or an operator's counts (when signed events are required, by its signature).
      if (e.type === "RollbackBlocked" && e.causationId === quarantine.id && (await ctx.readModel.admits(e))) return true;
    }
    return false;
  }

  async function decide(quarantine: StoredEvent<"PluginQuarantined">, ctx: AgentContext): Promise<void> {
    const txId = `rollback-${quarantine.id}`;
    for (let attempt = 1; ; attempt++) {
      // The head before the state: a blocked record lands only if nothing moved on the capability since.
      const head = (await ctx.log.subjectHead(quarantine.subject))?.seq ?? 0;
      const { hub: state, keys, seq } = await ctx.state();
      const plugin = own(state.plugins, quarantine.data.pluginId);
      // The quarantine did not count (a reader ignores one no allowed key signed) or was undone.
      if (!plugin || plugin.status !== "quarantined") return;
      if (await answered(ctx, quarantine, txId)) {
        // A redelivery while the rollback runs elsewhere (or after): its outcome, never a second one.
        if (own((await ctx.readModel.state("installs")).transactions, txId)) await hub.settle(txId);
        return;
      }
      // Something is active again (an operator acted first): nothing to roll back to any more.
      if (own(state.capabilities, plugin.capability)?.active) return;
      // Judged on every attempt: the quarantined plugin's calls still in flight record usage that may
      // complete the hour that breaks its budget (or not), so a judgement of the state before them is stale.
      const refusal = await unwarranted(ctx, quarantine);
      const choice: RollbackChoice = refusal === undefined ? rollbackWithinDependents(state, plugin, keys) : { target: undefined, refused: [] };
      if (choice.target) {
        try {
          // Only while nothing serves and the target is still one to serve, as judged here: an
          // operator's activation, or withdrawal of the target (uninstalled, quarantined, revoked),
          // landing as the rollback starts is not undone by it.
          const outcome = await hub.switchTo(plugin.capability, { kind: "rollback", version: choice.target.version, txId, whileActive: null, whileEligible: true });
          ctx.logger.warn({ quarantined: plugin.id, restored: choice.target.id, ok: outcome.ok, ...(outcome.failure ? { code: outcome.failure.code } : {}) }, "rolled back a plugin the slo agent quarantined");
        } catch (err) {
          // A retryable one (the capability kept changing as the rollback started): the delivery comes again.
          if (!(err instanceof HubError) || err.retryable) throw err;
          // The hub moved on since the choice (an operator activated a version, or withdrew the
          // target): decide again on it; a stalled governor must not activate what it chose before.
          if ((err.code === "superseded" || err.code === "unknown_plugin") && attempt < MAX_DECISION_ATTEMPTS) {
            ctx.logger.warn({ quarantined: plugin.id, target: choice.target.id, code: err.code }, "the rollback's target changed before it started; deciding again");
            continue;
          }
          ctx.logger.warn({ quarantined: plugin.id, target: choice.target.id, code: err.code }, "cannot roll back a plugin the slo agent quarantined; it stays quarantined");
        }
        return;
      }
      try {
        // No message id: one derived from the quarantine is one any writer could take first (the
        // record would be dropped as its duplicate); the head condition and `answered` make it one.
        // The choice rests on other subjects too (a dependent's tier, the keys): nothing a decision
        // rests on appended anywhere since the state was read, or it is made again (a rollback it
        // blocked may fit now). The warrant rests on the quarantined plugin's usage as well; other
        // plugins' calls void nothing.
        await appendWhileJudged(ctx.log, [blocked(quarantine, plugin.capability, choice, refusal)], { expectedSubjectSeq: head, expectedLastSeq: seq }, (e) => restsOnUsage(e, plugin.id));
        ctx.logger.warn({ quarantined: plugin.id, refused: choice.refused.map((r) => r.pluginId), ...(refusal ? { unwarranted: refusal } : {}) }, refusal ? "no rollback: the quarantine does not stand for a breach; the capability has none active" : "no rollback: no good earlier version fits every dependent; the capability has none active");
        return;
      } catch (err) {
        // The capability moved on meanwhile: decide again on the newer hub.
        if (!(err instanceof ConcurrencyError) || attempt >= MAX_DECISION_ATTEMPTS) throw err;
      }
    }
  }

  return {
    role: "governor",
    durable: SLO_ROLLBACK_DURABLE,
    filter: SUBSCRIPTIONS.governor.plugins,
    async handle(event, ctx) {
      if (event.type !== "PluginQuarantined" || (event as StoredEvent<"PluginQuarantined">).data.rollback !== true) return;
      await decide(event as StoredEvent<"PluginQuarantined">, ctx);
    },
  };
}

/** Whether the answer to a quarantine of `pluginId` rests on `e`: a hub decision's events, and that plugin's usage (the warrant). */
function restsOnUsage(e: AnyStoredEvent, pluginId: string): boolean {
  return isDecisionEvent(e) || (e.type === "PluginInvoked" && (e.data as { pluginId: string }).pluginId === pluginId);
}

function blocked(quarantine: StoredEvent<"PluginQuarantined">, capability: string, choice: RollbackChoice, refusal: string | undefined): NewEvent {
  const reason = refusal !== undefined
    ? `not rolled back: ${refusal}`
    : choice.refused.length === 0
    ? `${capability} has no good version older than ${quarantine.data.pluginId}`
    : choice.refused.map((r) => r.code === "trust_downgrade"
      ? `${r.pluginId} would lower ${capability}'s trust (trust_downgrade: its publisher did not sign it, no operator approved it)`
      : `${r.pluginId} would break ${r.dependents.map((d) => `${d.id} (needs ${capability} ${d.range})`).join(", ")}`).join("; ");
  return {
    type: "RollbackBlocked",
    subject: quarantine.subject,
    actor: "governor",
    causationId: quarantine.id,
    correlationId: quarantine.correlationId,
    data: {
      pluginId: quarantine.data.pluginId,
      capability,
      candidates: choice.refused.map((r) => ({ pluginId: r.pluginId, code: r.code, dependents: r.dependents.map((d) => ({ id: d.id, range: d.range })) })),
      reason,
    },
  } as NewEvent;
}

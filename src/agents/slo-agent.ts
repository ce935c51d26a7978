/**
 * The slo agent: as usage arrives, judges the plugin that was called (and every plugin with an open
 * alert) against the alert rules at the usage event's own time, and appends AlertRaised /
 * AlertCleared on `capsmith.evt.alert.<capability>`. A plugin that keeps breaking its budget is
 * flagged by a budget_breach alert and, by policy, quarantined (T0) — with `rollback` policy, the
 * quarantine asks a governor to activate the previous good version (src/agents/slo-rollback.ts):
 * the slo key may take a plugin out of service, never put one in.
 * Idempotent however late a redelivery comes: alerts and quarantines are appended conditional on
 * their subject's head as read before the state they were decided on (and with a message id from
 * the usage event); an open budget_breach alert that has not been acted on yet (the agent stopped
 * between the two appends) is acted on at the plugin's next judgement, its redelivery included.
 */
import { ConcurrencyError, subjectFor } from "../events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../events/index.ts";
import type { Policy } from "../hub/index.ts";
import { alertChanges, evaluatePlugin, own, pluginsToJudge, sloTargets } from "../../projections/index.ts";
import type { OpenAlert, RuleResult } from "../../projections/index.ts";
import type { AgentContext, Reactor } from "./loop/context.ts";
import { SUBSCRIPTIONS } from "./loop/subscriptions.ts";

export interface SloAgentOptions {
  policy: Policy;
}

export function createSloAgent(options: SloAgentOptions): Reactor {
  const targets = sloTargets(options.policy.slo);
  let queue: Promise<unknown> = Promise.resolve();

  /** What judging `event` would append, per capability, on the slo state as it stands. */
  async function decide(event: AnyStoredEvent, ctx: AgentContext): Promise<{ byCapability: Map<string, Omit<NewEvent, "subject">[]> } | undefined> {
    const state = await ctx.readModel.state("slo");
    const { pluginId } = event.data as { pluginId: string };
    // A later usage event of this plugin is judged at its own time; judging this one too adds nothing.
    if (state.plugins.get(pluginId)?.lastEventId !== event.id) return undefined;
    const results = pluginsToJudge(state, pluginId).flatMap((id) => evaluatePlugin(state, id, event.time, targets));
    const { raise, clear } = alertChanges(state, results);
    const byCapability = new Map<string, Omit<NewEvent, "subject">[]>();
    const add = (capability: string, e: Omit<NewEvent, "subject">): void => {
      byCapability.set(capability, [...(byCapability.get(capability) ?? []), e]);
    };
    for (const r of raise) add(r.capability, { type: "AlertRaised", data: alertData(r) } as Omit<NewEvent, "subject">);
    for (const c of clear) add(c.alert.capability, { type: "AlertCleared", data: { alertId: c.alert.alertId, rule: c.alert.rule, pluginId: c.alert.pluginId, capability: c.alert.capability, message: c.message } } as Omit<NewEvent, "subject">);
    return { byCapability };
  }

  async function judge(event: AnyStoredEvent, ctx: AgentContext): Promise<void> {
    let first = await decide(event, ctx);
    if (!first) return;
    for (let attempt = 1; first && first.byCapability.size > 0; attempt++) {
      // The heads of the subjects this decision touches, then the decision again on the state as of
      // after them: each append is conditional on its head, so a late redelivery (or a second slo
      // agent) finds the alerts already raised and appends nothing.
      const heads = new Map<string, number>();
      for (const capability of first.byCapability.keys()) heads.set(capability, (await ctx.log.subjectHead(subjectFor("alert", capability)))?.seq ?? 0);
      const decided = await decide(event, ctx);
      if (!decided) break;
      try {
        for (const [capability, events] of [...decided.byCapability].sort(([a], [b]) => (a < b ? -1 : 1))) {
          const head = heads.get(capability);
          if (head === undefined) throw new ConcurrencyError(subjectFor("alert", capability), -1, -1); // a new subject to read first
          const subject = subjectFor("alert", capability);
          await ctx.log.append(events.map((e) => ({ ...e, subject, actor: "slo", causationId: event.id, correlationId: event.correlationId }) as NewEvent), { msgId: `slo:${event.id}:${capability}`, expectedSubjectSeq: head });
          ctx.logger.info({ capability, events: events.map((e) => `${e.type} ${(e.data as { alertId: string }).alertId}`) }, "slo alerts");
        }
        break;
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= 8) throw err;
        first = await decide(event, ctx);
      }
    }
    // Acted on from the open alerts, not only the ones raised just now: a redelivery after the agent
    // stopped between raising an alert and acting on it still acts (once: see `enforce`).
    const { pluginId } = event.data as { pluginId: string };
    for (const a of (await ctx.readModel.state("slo")).alerts.values()) {
      if (a.rule === "budget_breach" && a.pluginId === pluginId && a.action && a.action !== "flag") await enforce(a, event, ctx);
    }
  }

  /**
   * Quarantines a plugin that kept breaking its budget; with `rollback` policy only the active one,
   * and the quarantine asks a governor to roll back. Nothing when the plugin changed since the alert
   * was raised: quarantined already (a redelivery), or restored or rolled back by someone else.
   */
  async function enforce(a: OpenAlert, cause: AnyStoredEvent, ctx: AgentContext): Promise<void> {
    const pluginSubject = subjectFor("plugin", a.capability);
    for (let attempt = 1; ; attempt++) {
      const head = (await ctx.log.subjectHead(pluginSubject))?.seq ?? 0; // before the state: see the append below
      const hub = (await ctx.state()).hub;
      const plugin = own(hub.plugins, a.pluginId);
      if (!plugin || plugin.status === "quarantined" || plugin.changedSeq > a.raisedSeq) return;
      const rollback = a.action === "rollback";
      if (rollback && own(hub.capabilities, a.capability)?.active !== a.pluginId) return; // not serving: nothing to roll back from
      try {
        await ctx.log.append(
          [{ type: "PluginQuarantined", subject: pluginSubject, actor: "slo", causationId: cause.id, correlationId: cause.correlationId, data: { pluginId: a.pluginId, reason: `slo budget_breach: ${a.message}${rollback ? "; rollback to the previous good version requested" : ""}`, ...(rollback ? { rollback: true } : {}) } } as NewEvent],
          { msgId: `slo:quarantine:${cause.id}`, expectedSubjectSeq: head },
        );
      } catch (err) {
        // The plugin's subject moved on: decide again on the newer hub (quarantined already, or not).
        if (err instanceof ConcurrencyError && attempt < 8) continue;
        throw err;
      }
      ctx.logger.warn({ pluginId: a.pluginId, rollback }, rollback ? "quarantined a plugin that kept breaking its budget; a governor rolls it back" : "quarantined a plugin that kept breaking its budget");
      return;
    }
  }

  return {
    role: "slo",
    filter: SUBSCRIPTIONS.slo.usage,
    handle(event, ctx) {
      if (event.type !== "PluginInvoked") return Promise.resolve();
      // One judgement at a time: decisions build on the last one.
      const run = queue.then(() => judge(event, ctx));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

function alertData(r: RuleResult): Record<string, unknown> {
  return {
    alertId: r.alertId, rule: r.rule, severity: r.severity, pluginId: r.pluginId, capability: r.capability, value: r.value, threshold: r.threshold, message: r.message,
    ...(r.action ? { action: r.action } : {}),
  };
}

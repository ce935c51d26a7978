/**
 * The slo agent: as usage arrives, judges the plugin that was called (and every plugin with an open
 * alert) against the alert rules at the usage event's own time, and appends AlertRaised /
 * AlertCleared on `capsmith.evt.alert.<capability>`. A plugin that keeps breaking its budget is
 * flagged by a budget_breach alert and, by policy, quarantined (T0) or rolled back.
 * Idempotent: each record's message id derives from the usage event that caused it.
 */
import { subjectFor } from "../events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../events/index.ts";
import { HubError } from "../hub/index.ts";
import type { HubService, Policy } from "../hub/index.ts";
import { alertChanges, createProjector, evaluatePlugin, pluginsToJudge, slo, sloTargets } from "../../projections/index.ts";
import type { Projector, RuleResult, SloState } from "../../projections/index.ts";
import type { AgentContext, Reactor } from "./loop/context.ts";

export interface SloAgentOptions {
  policy: Policy;
  /** For rollbacks; without it a rollback policy only flags. */
  hub?: HubService;
}

export function createSloAgent(options: SloAgentOptions): Reactor {
  const targets = sloTargets(options.policy.slo);
  let projector: Projector | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function judge(event: AnyStoredEvent, ctx: AgentContext): Promise<void> {
    projector ??= createProjector({ log: ctx.log, projections: [slo] });
    const state = (await projector.catchUp()).states["slo"] as SloState;
    const { pluginId } = event.data as { pluginId: string };
    // A later usage event of this plugin is judged at its own time; judging this one too adds nothing.
    if (state.plugins.get(pluginId)?.lastEventId !== event.id) return;
    const results = pluginsToJudge(state, pluginId).flatMap((id) => evaluatePlugin(state, id, event.time, targets));
    const { raise, clear } = alertChanges(state, results);
    const byCapability = new Map<string, Omit<NewEvent, "subject">[]>();
    const add = (capability: string, e: Omit<NewEvent, "subject">): void => {
      byCapability.set(capability, [...(byCapability.get(capability) ?? []), e]);
    };
    for (const r of raise) add(r.capability, { type: "AlertRaised", data: alertData(r) } as Omit<NewEvent, "subject">);
    for (const c of clear) add(c.alert.capability, { type: "AlertCleared", data: { alertId: c.alert.alertId, rule: c.alert.rule, pluginId: c.alert.pluginId, capability: c.alert.capability, message: c.message } } as Omit<NewEvent, "subject">);
    for (const [capability, events] of [...byCapability].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const subject = subjectFor("alert", capability);
      await ctx.log.append(events.map((e) => ({ ...e, subject, actor: "slo", causationId: event.id, correlationId: event.correlationId }) as NewEvent), { msgId: `slo:${event.id}:${capability}` });
      ctx.logger.info({ capability, events: events.map((e) => `${e.type} ${(e.data as { alertId: string }).alertId}`) }, "slo alerts");
    }
    for (const r of raise) if (r.rule === "budget_breach" && r.action && r.action !== "flag") await enforce(r, event, ctx);
  }

  /** Quarantines or rolls back a plugin that kept breaking its budget, unless that already happened. */
  async function enforce(r: RuleResult, cause: AnyStoredEvent, ctx: AgentContext): Promise<void> {
    const hub = (await ctx.state()).hub;
    const plugin = hub.plugins[r.pluginId];
    if (!plugin || plugin.status === "quarantined") return;
    if (r.action === "quarantine") {
      await ctx.log.append(
        [{ type: "PluginQuarantined", subject: subjectFor("plugin", r.capability), actor: "slo", causationId: cause.id, correlationId: cause.correlationId, data: { pluginId: r.pluginId, reason: `slo budget_breach: ${r.message}` } } as NewEvent],
        { msgId: `slo:quarantine:${cause.id}` },
      );
      ctx.logger.warn({ pluginId: r.pluginId }, "quarantined a plugin that kept breaking its budget");
      return;
    }
    if (hub.capabilities[r.capability]?.active !== r.pluginId) return; // rolled back already
    if (!options.hub) {
      ctx.logger.warn({ pluginId: r.pluginId }, "policy says roll back, but this process has no hub; flagged only");
      return;
    }
    try {
      const outcome = await options.hub.switchTo(r.capability, { kind: "rollback" });
      ctx.logger.warn({ pluginId: r.pluginId, restored: outcome.pluginId, ok: outcome.ok }, "rolled back a plugin that kept breaking its budget");
    } catch (err) {
      if (!(err instanceof HubError)) throw err;
      ctx.logger.warn({ pluginId: r.pluginId, code: err.code }, "cannot roll back a plugin that keeps breaking its budget; flagged only");
    }
  }

  return {
    role: "slo",
    filter: "capsmith.evt.usage.>",
    handle(event, ctx) {
      if (event.type !== "PluginInvoked") return Promise.resolve();
      // One judgement at a time: the projector is not re-entrant and decisions build on the last one.
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

/**
 * The slo agent: as usage arrives, judges the plugin that was called (and every plugin with an open
 * alert) against the alert rules at the usage event's own time, and appends AlertRaised /
 * AlertCleared on `capsmith.evt.alert.<capability>`. A plugin that keeps breaking its budget is
 * flagged by a budget_breach alert and, by policy, quarantined (T0) or rolled back.
 * Idempotent however late a redelivery comes: alerts are appended conditional on their subject's
 * head as read before the state they were decided on (and with a message id from the usage event).
 */
import { ConcurrencyError, subjectFor } from "../events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../events/index.ts";
import { HubError, brokenDependents } from "../hub/index.ts";
import type { HubService, Policy } from "../hub/index.ts";
import { alertChanges, evaluatePlugin, own, pluginsToJudge, sloTargets } from "../../projections/index.ts";
import type { RuleResult } from "../../projections/index.ts";
import type { AgentContext, Reactor } from "./loop/context.ts";

export interface SloAgentOptions {
  policy: Policy;
  /** For rollbacks; without it a rollback policy only flags. */
  hub?: HubService;
}

export function createSloAgent(options: SloAgentOptions): Reactor {
  const targets = sloTargets(options.policy.slo);
  let queue: Promise<unknown> = Promise.resolve();

  /** What judging `event` would append, per capability, on the slo state as it stands. */
  async function decide(event: AnyStoredEvent, ctx: AgentContext): Promise<{ raise: RuleResult[]; byCapability: Map<string, Omit<NewEvent, "subject">[]> } | undefined> {
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
    return { raise, byCapability };
  }

  async function judge(event: AnyStoredEvent, ctx: AgentContext): Promise<void> {
    let first = await decide(event, ctx);
    if (!first) return;
    const raised: RuleResult[] = [];
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
          raised.push(...decided.raise.filter((r) => r.capability === capability));
        }
        break;
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= 8) throw err;
        first = await decide(event, ctx);
      }
    }
    for (const r of raised) if (r.rule === "budget_breach" && r.action && r.action !== "flag") await enforce(r, event, ctx);
  }

  /** Quarantines or rolls back a plugin that kept breaking its budget, unless that already happened. */
  async function enforce(r: RuleResult, cause: AnyStoredEvent, ctx: AgentContext): Promise<void> {
    const pluginSubject = subjectFor("plugin", r.capability);
    const head = (await ctx.log.subjectHead(pluginSubject))?.seq ?? 0; // before the state: see the append below
    const hub = (await ctx.state()).hub;
    const plugin = own(hub.plugins, r.pluginId);
    if (!plugin || plugin.status === "quarantined") return;
    if (r.action === "quarantine") {
      try {
        await ctx.log.append(
          [{ type: "PluginQuarantined", subject: pluginSubject, actor: "slo", causationId: cause.id, correlationId: cause.correlationId, data: { pluginId: r.pluginId, reason: `slo budget_breach: ${r.message}` } } as NewEvent],
          { msgId: `slo:quarantine:${cause.id}`, expectedSubjectSeq: head },
        );
      } catch (err) {
        // The plugin's subject moved on: decide again on the newer hub (quarantined already, or not).
        if (err instanceof ConcurrencyError) return enforce(r, cause, ctx);
        throw err;
      }
      ctx.logger.warn({ pluginId: r.pluginId }, "quarantined a plugin that kept breaking its budget");
      return;
    }
    if (own(hub.capabilities, r.capability)?.active !== r.pluginId) return; // rolled back already
    if (!options.hub) {
      ctx.logger.warn({ pluginId: r.pluginId }, "policy says roll back, but this process has no hub; flagged only");
      return;
    }
    try {
      const outcome = await options.hub.switchTo(r.capability, { kind: "rollback" });
      ctx.logger.warn({ pluginId: r.pluginId, restored: outcome.pluginId, ok: outcome.ok }, "rolled back a plugin that kept breaking its budget");
      // A failing version goes whatever its dependents declare: those whose range excludes the version
      // now serving get no answer from host.invoke (it honours their range) until an operator decides.
      const after = await options.hub.state();
      const restored = outcome.ok ? own(after.plugins, outcome.pluginId) : undefined;
      const stranded = restored ? brokenDependents(after, { capability: r.capability, version: restored.version }) : [];
      if (stranded.length > 0) ctx.logger.warn({ restored: outcome.pluginId, dependents: stranded.map((d) => `${d.id} (needs ${r.capability} ${d.range})`) }, "the automatic rollback left dependents outside their declared range; their calls to it fail until an operator acts");
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

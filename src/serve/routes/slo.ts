/**
 * SLO views from the read model's `slo` projection (never the log): a window's figures per plugin,
 * capability and fleet against the previous window; trends slot by slot for charts; the weekly report.
 * Times are relative to `at` (default now).
 */
import { z } from "zod";
import { reportMarkdown, sloReport, sloTargets, sloTrend, sloView, TREND_WINDOWS, WINDOW_NAMES } from "../../../projections/index.ts";
import type { TrendWindow, WindowName } from "../../../projections/index.ts";
import { ServeError } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { looseObject } from "../schemas.ts";
import type { ServeContext } from "../serve-context.ts";

const at = z.iso.datetime({ offset: true }).optional().meta({ description: "reference time, ISO 8601 (default: now)" });

function nowOf(app: ServeContext, value: string | undefined): Date {
  return value === undefined ? app.capsmith.clock.now() : new Date(value);
}

export const sloViewRoute = defineRoute({
  method: "GET",
  path: "/v1/slo",
  operationId: "sloView",
  summary: "Read SLO figures",
  description: "Availability, p50/p95/p99 latency, error budget and burn rate, cost per success and volume over a window, per plugin, per capability and for the fleet, each against the previous window; open alerts.",
  tag: "slo",
  permission: "read",
  query: z.object({ window: z.enum(WINDOW_NAMES as [WindowName, ...WindowName[]]).default("24h"), plugin: z.string().max(200).optional(), at }),
  response: looseObject("SloView", "the SLO view (as capsmith slo --json prints it)"),
  async handle({ query, app }) {
    const state = await app.capsmith.readModel.state("slo");
    const view = sloView(state, { now: nowOf(app, query.at), window: query.window, targets: sloTargets(app.capsmith.policy.slo), ...(query.plugin ? { plugin: query.plugin } : {}) });
    return { body: { ok: true, ...view } };
  },
});

export const sloTrendRoute = defineRoute({
  method: "GET",
  path: "/v1/slo/trend",
  operationId: "sloTrend",
  summary: "Read an SLO trend",
  description: "Figures slot by slot (24h by the hour, 7d by six hours, 30d by the day) for a plugin id, a capability, or the fleet (no id), with the previous window's slots alongside.",
  tag: "slo",
  permission: "read",
  query: z.object({ id: z.string().max(200).optional(), window: z.enum(Object.keys(TREND_WINDOWS) as [TrendWindow, ...TrendWindow[]]).default("7d"), at }),
  response: looseObject("SloTrend", "current and previous: one point per slot (t, calls, failures, availability, p50, p95, p99, cpuMsPerSuccess, costUsdPerSuccess, burnRate)"),
  statuses: { 404: "no usage recorded for that id" },
  async handle({ query, app }) {
    const state = await app.capsmith.readModel.state("slo");
    const trend = sloTrend(state, { now: nowOf(app, query.at), window: query.window, targets: sloTargets(app.capsmith.policy.slo), ...(query.id ? { id: query.id } : {}) });
    if (!trend) throw new ServeError("not_found", `no usage recorded for ${query.id}`, { nextStep: "GET /v1/slo lists the plugins with usage." });
    return { body: { ok: true, ...trend } };
  },
});

export const sloReportRoute = defineRoute({
  method: "GET",
  path: "/v1/slo/report",
  operationId: "sloReport",
  summary: "Read the weekly SLO report",
  description: "The weekly report: fleet summary, top failing and top costly plugins, trends against the previous week. format=md gives the Markdown text in `markdown`.",
  tag: "slo",
  permission: "read",
  query: z.object({ format: z.enum(["json", "md"]).default("json"), at }),
  response: looseObject("SloReport", "the report, and its Markdown when format=md"),
  async handle({ query, app }) {
    const state = await app.capsmith.readModel.state("slo");
    const report = sloReport(state, { now: nowOf(app, query.at), targets: sloTargets(app.capsmith.policy.slo) });
    return { body: { ok: true, report, ...(query.format === "md" ? { markdown: reportMarkdown(report) } : {}) } };
  },
});

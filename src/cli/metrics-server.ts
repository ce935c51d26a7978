/**
 * `capsmith daemon --metrics-port N`: the SLO figures as Prometheus metrics (prom-client) on
 * GET /metrics, computed on each scrape from the SLO projection at the scrape's time, for every
 * window — the same figures `capsmith slo` prints, so an existing Grafana can chart them.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Gauge, Registry } from "prom-client";
import { sloTargets, sloView, WINDOW_NAMES } from "../../projections/index.ts";
import type { Figures, ReadModel, SloState, SloTargets } from "../../projections/index.ts";
import type { Clock } from "../events/index.ts";
import type { Policy } from "../hub/index.ts";
import type { Logger } from "pino";
import { systemClock } from "../platform/index.ts";
import type { CommandContext } from "./command-kit.ts";
import { UsageError } from "./errors.ts";

export interface MetricsServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

export interface MetricsOptions {
  readModel: ReadModel;
  port: number;
  /** Default 127.0.0.1: metrics are not published beyond this machine unless asked. */
  host?: string;
  clock: Clock;
  targets?: SloTargets;
  logger?: Logger;
}

type Labels = "scope" | "id" | "capability" | "window";
const LABELS: Labels[] = ["scope", "id", "capability", "window"];

/** The registry and how to refresh it from a state at a time (exported for tests). */
export function sloMetrics(targets: SloTargets = sloTargets()): { registry: Registry; refresh(state: SloState, now: Date): void } {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = LABELS): Gauge => new Gauge({ name: `capsmith_slo_${name}`, help, labelNames, registers: [registry] });
  const g = {
    calls: gauge("calls", "calls in the window"),
    failures: gauge("failures", "failed calls in the window"),
    availability: gauge("availability_ratio", "share of calls that succeeded"),
    latency: gauge("latency_ms", "latency percentile in ms (HDR histogram, merged hourly buckets)", [...LABELS, "quantile"]),
    budget: gauge("error_budget_remaining_ratio", "share of the window's error budget left (negative: overspent)"),
    burn: gauge("burn_rate", "error rate over the budgeted error rate"),
    cpu: gauge("cpu_ms_per_success", "CPU ms per successful execution"),
    tokens: gauge("tokens_per_success", "tokens per successful execution (agent plugins)"),
    cost: gauge("cost_usd_per_success", "USD per successful execution (agent plugins)"),
    target: gauge("target_availability_ratio", "the policy's availability target", []),
    alerts: gauge("alert_open", "1 for each open alert", ["alert", "rule", "severity", "plugin", "capability"]),
  };
  const put = (labels: Record<Labels, string>, f: Figures): void => {
    g.calls.set(labels, f.calls);
    g.failures.set(labels, f.failures);
    if (f.availability !== null) g.availability.set(labels, f.availability);
    if (f.latencyMs) for (const [q, v] of [["0.5", f.latencyMs.p50], ["0.95", f.latencyMs.p95], ["0.99", f.latencyMs.p99]] as const) g.latency.set({ ...labels, quantile: q }, v);
    if (f.errorBudget.remaining !== null) g.budget.set(labels, f.errorBudget.remaining);
    if (f.errorBudget.burnRate !== null) g.burn.set(labels, f.errorBudget.burnRate);
    if (f.cost.cpuMsPerSuccess !== null) g.cpu.set(labels, f.cost.cpuMsPerSuccess);
    if (f.cost.tokensPerSuccess !== null) g.tokens.set(labels, f.cost.tokensPerSuccess);
    if (f.cost.costUsdPerSuccess !== null) g.cost.set(labels, f.cost.costUsdPerSuccess);
  };
  return {
    registry,
    refresh(state, now) {
      // Series that left every window disappear rather than keep their last values.
      for (const m of Object.values(g)) m.reset();
      g.target.set(targets.availability);
      for (const window of WINDOW_NAMES) {
        const view = sloView(state, { now, window, targets });
        put({ scope: "fleet", id: "fleet", capability: "", window }, view.fleet.current);
        for (const r of [...view.plugins, ...view.capabilities]) if (r.current.calls > 0) put({ scope: r.scope, id: r.id, capability: r.capability, window }, r.current);
        if (window === "1h") for (const a of view.alerts) g.alerts.set({ alert: a.alertId, rule: a.rule, severity: a.severity, plugin: a.pluginId, capability: a.capability }, 1);
      }
    },
  };
}

export async function startMetricsServer(options: MetricsOptions): Promise<MetricsServer> {
  const host = options.host ?? "127.0.0.1";
  const { registry, refresh } = sloMetrics(options.targets);
  let scraping: Promise<string> | undefined;
  const scrape = async (): Promise<string> => {
    const state = await options.readModel.state("slo");
    refresh(state, options.clock.now());
    return registry.metrics();
  };
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "/").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: scrape /metrics\n");
      return;
    }
    // Concurrent scrapes share one catch-up and one rendering.
    scraping ??= scrape().finally(() => (scraping = undefined));
    scraping.then(
      (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
      (err: unknown) => {
        options.logger?.error({ err }, "metrics scrape failed");
        res.writeHead(500, { "content-type": "text/plain" }).end("scrape failed; see the daemon's log\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.logger?.info({ host, port }, "serving SLO metrics on /metrics");
  return {
    port,
    host,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the daemon calls for `--metrics-port`: the policy's targets, the system clock, a checked port. */
export function serveDaemonMetrics(ctx: CommandContext, readModel: ReadModel, policy: Policy, options: { port: string; host?: string | undefined }): Promise<MetricsServer> {
  const port = parseMetricsPort(options.port);
  return startMetricsServer({ readModel, port, ...(options.host ? { host: options.host } : {}), clock: systemClock, targets: sloTargets(policy.slo), logger: ctx.logger });
}

export function parseMetricsPort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError("usage", `--metrics-port takes a port number (0 for any free one), not "${value}"`, { nextStep: "Use e.g. --metrics-port 9464." });
  return port;
}

import type { Command } from "commander";
import { AGENT_ROLES } from "../../agents/index.ts";
import type { AgentRole } from "../../agents/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { parseMetricsPort, serveDaemonMetrics } from "../metrics-server.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { SUMMARIES } from "./summaries.ts";

const ROLES = [...AGENT_ROLES, "all"] as const;

export function registerDaemon(program: Command): void {
  program
    .command("daemon")
    .description(SUMMARIES.daemon)
    .requiredOption("--role <role>", `${ROLES.join("|")} (comma-separated for several)`)
    .option("--policy <file>", "policy file")
    .option("--heartbeat-ms <ms>", "how often to log health", "30000")
    .option("--ack-wait-ms <ms>", "how long an event may be held before another daemon gets it", "120000")
    .option("--metrics-port <port>", "serve the SLO figures as Prometheus metrics on http://HOST:PORT/metrics")
    .option("--metrics-host <host>", "the address metrics listen on (default 127.0.0.1: this machine only)")
    .action(
      action(async (ctx, opts: { role: string; policy?: string; heartbeatMs: string; ackWaitMs: string; metricsPort?: string; metricsHost?: string }) => {
        const roles = parseRoles(opts.role);
        const ackWaitMs = Number(opts.ackWaitMs);
        if (!Number.isInteger(ackWaitMs) || ackWaitMs < 100) throw new UsageError("usage", `--ack-wait-ms takes a whole number ≥ 100, not "${opts.ackWaitMs}"`, { nextStep: "Use e.g. --ack-wait-ms 30000." });
        if (opts.metricsPort !== undefined) parseMetricsPort(opts.metricsPort);
        await withCapsmith(ctx, { roles, ackWaitMs, policyFile: opts.policy }, async ({ runtime, readModel, policy }) => {
          ctx.logger.info({ roles, log: runtime.log.kind, pid: process.pid }, "daemon started");
          const metrics = opts.metricsPort === undefined ? undefined : await serveDaemonMetrics(ctx, readModel, policy, { port: opts.metricsPort, host: opts.metricsHost });
          // Until a listener is added the kernel's default for SIGTERM kills the process outright, so
          // the handlers come before the line that tells people (and scripts) they may send it.
          let stop: (signal: string) => void = () => undefined;
          const stopped = new Promise<void>((resolve) => {
            stop = (signal) => {
              ctx.logger.info({ signal }, "draining and stopping");
              resolve();
            };
          });
          process.once("SIGTERM", () => stop("SIGTERM"));
          process.once("SIGINT", () => stop("SIGINT"));
          const heartbeat = setInterval(async () => {
            const state = await runtime.agents.ctx.state().catch(() => undefined);
            ctx.logger.info({ roles, seq: state?.seq, openGaps: state ? Object.keys(state.gaps.openByCapability).length : undefined }, "daemon healthy");
          }, Number(opts.heartbeatMs) || 30_000);
          // People start daemons by hand too: say what this one is doing, on stderr (stdout is the result's).
          const id = await runtime.log.identity();
          const where = ctx.config.nats ? `NATS ${redactUrl(ctx.config.nats.url)}, stream ${id.location}` : `the embedded log ${id.location}`;
          process.stderr.write([
            `capsmith daemon ${process.pid}: running ${roles.join(", ")} on ${where}, log at seq ${(await readModel.current([])).seq}`,
            ...(metrics ? [`  metrics: http://${metrics.host.includes(":") ? `[${metrics.host}]` : metrics.host}:${metrics.port}/metrics`] : []),
            "  stop with Ctrl-C or SIGTERM (work in flight gets 8 s to finish; what is left is redelivered to another agent)",
          ].join("\n") + "\n");
          await stopped;
          clearInterval(heartbeat);
          await metrics?.close();
        });
        ctx.logger.info("daemon stopped");
        return { json: { ok: true, roles }, text: `daemon (${roles.join(", ")}) stopped` };
      }),
    );
}

/** A NATS URL without its password, for printing. */
function redactUrl(urls: string): string {
  return urls.split(",").map((u) => u.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")).join(",");
}

function parseRoles(value: string): AgentRole[] {
  const names = value.split(",").map((r) => r.trim());
  if (names.includes("all")) return [...AGENT_ROLES];
  for (const name of names) {
    if (!(AGENT_ROLES as readonly string[]).includes(name)) {
      throw new UsageError("usage", `unknown role "${name}"`, { nextStep: `Use one of ${ROLES.join(", ")}.` });
    }
  }
  return names as AgentRole[];
}

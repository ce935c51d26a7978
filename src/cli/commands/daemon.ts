import type { Command } from "commander";
import { AGENT_ROLES } from "../../agents/index.ts";
import type { AgentRole } from "../../agents/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { parseMetricsPort, serveDaemonMetrics } from "../metrics-server.ts";
import { withRuntime } from "../runtime-access.ts";

const ROLES = [...AGENT_ROLES, "all"] as const;

export function registerDaemon(program: Command): void {
  program
    .command("daemon")
    .description("run agents headless until SIGTERM; daemons of one role share its work over NATS")
    .requiredOption("--role <role>", `${ROLES.join("|")} (comma-separated for several)`)
    .option("--policy <file>", "policy file")
    .option("--heartbeat-ms <ms>", "how often to log health", "30000")
    .option("--ack-wait-ms <ms>", "how long an event may be held before another daemon gets it", "120000")
    .option("--metrics-port <port>", "serve the SLO figures as Prometheus metrics on http://0.0.0.0:PORT/metrics")
    .action(
      action(async (ctx, opts: { role: string; policy?: string; heartbeatMs: string; ackWaitMs: string; metricsPort?: string }) => {
        const roles = parseRoles(opts.role);
        const ackWaitMs = Number(opts.ackWaitMs);
        if (!Number.isInteger(ackWaitMs) || ackWaitMs < 100) throw new UsageError("usage", `--ack-wait-ms takes a whole number ≥ 100, not "${opts.ackWaitMs}"`, { nextStep: "Use e.g. --ack-wait-ms 30000." });
        if (opts.metricsPort !== undefined) parseMetricsPort(opts.metricsPort);
        if (!ctx.options.nats) ctx.logger.warn("no --nats URL: the daemon runs on the embedded log, which one process at a time can write");
        await withRuntime(ctx, { roles, ackWaitMs, ...(opts.policy ? { policy: opts.policy } : {}) }, async (runtime) => {
          ctx.logger.info({ roles, log: runtime.log.kind, pid: process.pid }, "daemon started");
          const metrics = opts.metricsPort === undefined ? undefined : await serveDaemonMetrics(ctx, runtime.log, { port: opts.metricsPort, policy: opts.policy });
          await new Promise<void>((resolve) => {
            const heartbeat = setInterval(async () => {
              const state = await runtime.agents.ctx.state().catch(() => undefined);
              ctx.logger.info({ roles, seq: state?.seq, openGaps: state ? Object.keys(state.gaps.openByCapability).length : undefined }, "daemon healthy");
            }, Number(opts.heartbeatMs) || 30_000);
            const stop = (signal: string): void => {
              ctx.logger.info({ signal }, "draining and stopping");
              clearInterval(heartbeat);
              resolve();
            };
            process.once("SIGTERM", () => stop("SIGTERM"));
            process.once("SIGINT", () => stop("SIGINT"));
          });
          await metrics?.close();
        });
        ctx.logger.info("daemon stopped");
        return { json: { ok: true, roles }, text: `daemon (${roles.join(", ")}) stopped` };
      }),
    );
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

/**
 * capsmith in one process: the log, the sandbox, the governed hub, the invoker, and whichever agents
 * this process runs. The REPL, `capsmith run`, `capsmith synthesize --publish` and daemons all start
 * here; what differs is which roles they run and which log they share.
 */
import type { Logger } from "pino";
import type { Clock, EventLog, IdSource } from "../events/index.ts";
import { createGovernedHub } from "../hub/index.ts";
import type { FaultPlan, HubService, Policy, SigningKey } from "../hub/index.ts";
import { createPluginHost } from "../sandbox/index.ts";
import type { PluginHost } from "../sandbox/index.ts";
import { createBackendChooser } from "./backends.ts";
import type { BackendChoice } from "./backends.ts";
import { gapDetector } from "./gap-detector.ts";
import { createGovernor } from "./governor.ts";
import { createInvoker } from "./invoke.ts";
import type { Invoker } from "./invoke.ts";
import type { AgentRole, Reactor } from "./loop/context.ts";
import { startAgents } from "./loop/start-agents.ts";
import type { AgentRunOptions, RunningAgents } from "./loop/start-agents.ts";
import { createSloAgent } from "./slo-agent.ts";
import { createSynthesizerAgent } from "./synthesizer-agent.ts";
import type { SynthesisBackend } from "./synthesizer/index.ts";
import { createTester } from "./tester.ts";

/** An install idle this long on a shared log is taken as abandoned by a crashed governor. */
export const STALE_INSTALL_MS = 120_000;

export interface RuntimeOptions {
  log: EventLog;
  clock: Clock;
  newId: IdSource;
  logger: Logger;
  policy: Policy;
  hostVersion: string;
  /** Agent roles this process runs (none: a client of agents running elsewhere). */
  roles: readonly AgentRole[];
  /** The llm backend factory, when one is configured. */
  llm?: () => SynthesisBackend;
  synthesisBudgetMs?: number;
  faults?: FaultPlan;
  sandbox?: PluginHost;
  agentOptions?: AgentRunOptions;
  /** The governor's signing key (trusted in the log), when this process runs a governor. */
  governorKey?: SigningKey;
}

export interface Runtime {
  log: EventLog;
  hub: HubService;
  invoker: Invoker;
  sandbox: PluginHost;
  agents: RunningAgents;
  backendFor(choice: BackendChoice): SynthesisBackend;
  /** Stops the agents (draining work in flight) and the sandbox; the log stays the caller's. */
  close(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { log, policy, hostVersion } = options;
  // The sandbox resolves `host.invoke` through the invoker, which resolves through the hub: both
  // are declared below, and these closures run only once plugins run, after all three exist.
  const sandbox = options.sandbox ?? createPluginHost({
    workers: 1,
    invoke: (request) => invoker.nested(request),
    // A denied host operation is an audit event on the log.
    onAudit: async (event) => {
      await log.append([event]).catch((err: unknown) => options.logger.warn({ err }, "could not record a PermissionDenied event"));
    },
  });
  const hub = createGovernedHub({ log, sandbox, policy, hostVersion, newId: options.newId, logger: options.logger, ...(options.faults ? { faults: options.faults } : {}) });
  // On the embedded log this process is the only writer, so any unfinished install is stranded. On a
  // shared log only installs idle long enough to be abandoned are (a live governor elsewhere may
  // be in the middle of one).
  const recovered = await hub.recover(log.kind === "file" ? {} : { staleAfterMs: STALE_INSTALL_MS, now: options.clock.now() });
  if (recovered.length > 0) options.logger.warn({ recovered }, "rolled back installs a crash left unfinished");
  const backendFor = createBackendChooser(options.llm ? { llm: options.llm } : {});
  const reactors: Reactor[] = [];
  for (const role of options.roles) {
    if (role === "gap") reactors.push(gapDetector);
    if (role === "synthesizer") reactors.push(createSynthesizerAgent({ backendFor, ...(options.synthesisBudgetMs ? { budgetMs: options.synthesisBudgetMs } : {}) }));
    if (role === "tester") reactors.push(createTester({ sandbox, hostVersion }));
    if (role === "governor") reactors.push(createGovernor({ hub, policy, hostVersion, ...(options.governorKey ? { key: options.governorKey } : {}) }));
    if (role === "slo") reactors.push(createSloAgent({ hub, policy }));
  }
  const invoker = createInvoker({ log, sandbox, policy, hubState: () => hub.state() });
  const agents = await startAgents(log, reactors, { clock: options.clock, newId: options.newId, logger: options.logger }, options.agentOptions);
  return {
    log,
    hub,
    invoker,
    sandbox,
    agents,
    backendFor,
    async close() {
      await agents.stop();
      if (!options.sandbox) await sandbox.close();
    },
  };
}

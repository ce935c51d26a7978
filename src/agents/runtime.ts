/**
 * capsmith's moving parts in one process: the sandbox, the governed hub, the invoker, and whichever
 * agents this process runs, all deciding on the process's one read model. `openCapsmith` (src/app)
 * builds it from the config; what differs between the REPL, `capsmith run`, a daemon and a CLI
 * command is which roles they run.
 */
import type { Logger } from "pino";
import type { CapsmithConfig } from "../config/index.ts";
import { withActor } from "../events/index.ts";
import type { Clock, EventLog, IdSource } from "../events/index.ts";
import { createGovernedHub, ensureGovernorKey, parseFaults, watchLeases } from "../hub/index.ts";
import type { HubService, Policy } from "../hub/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { createPluginHost } from "../sandbox/index.ts";
import type { CompletionFn, PluginHost } from "../sandbox/index.ts";
import { createBackendChooser } from "./backends.ts";
import type { BackendChoice } from "./backends.ts";
import { gapDetector } from "./gap-detector.ts";
import { createGovernor } from "./governor.ts";
import { createInvoker } from "./invoke.ts";
import type { Invoker } from "./invoke.ts";
import type { AgentRole, Reactor } from "./loop/context.ts";
import { startAgents } from "./loop/start-agents.ts";
import type { RunningAgents } from "./loop/start-agents.ts";
import { createSloAgent } from "./slo-agent.ts";
import { createSloRollback } from "./slo-rollback.ts";
import { createSynthesizerAgent } from "./synthesizer-agent.ts";
import { createLlmBackend } from "./synthesizer/index.ts";
import type { SynthesisBackend } from "./synthesizer/index.ts";
import { createCompletion } from "./llm-completion.ts";
import { createTester } from "./tester.ts";

export interface RuntimeOptions {
  config: CapsmithConfig;
  log: EventLog;
  readModel: ReadModel;
  policy: Policy;
  logger: Logger;
  clock: Clock;
  newId: IdSource;
  /** Agent roles this process runs (none: a client of agents running elsewhere). */
  roles: readonly AgentRole[];
  /** Roll back installs a crash left unfinished (only processes allowed to change the hub). */
  recoverInstalls: boolean;
  /** The llm backend factory; by default one made from `config.llm` when an LLM is configured. */
  llm?: () => SynthesisBackend;
  synthesisBudgetMs?: number;
  ackWaitMs?: number;
  sandbox?: PluginHost;
  /** The agent profile's `host.llm.complete` backend; by default the LLM `config.llm` names, when one is configured. */
  completion?: CompletionFn;
}

export interface Runtime {
  log: EventLog;
  readModel: ReadModel;
  policy: Policy;
  hub: HubService;
  invoker: Invoker;
  sandbox: PluginHost;
  agents: RunningAgents;
  /** Whether an LLM server is configured (what `--backend auto` and the REPL's words decide on). */
  llmConfigured: boolean;
  backendFor(choice: BackendChoice): SynthesisBackend;
  /** Stops the agents (draining work in flight) and the sandbox; the log stays the caller's. */
  close(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, log, readModel, policy, logger } = options;
  const hostVersion = config.hostVersion;
  // The sandbox resolves `host.invoke` through the invoker, which resolves through the read model:
  // both are declared below, and these closures run only once plugins run, after both exist.
  // One sandbox worker per core (the default), so independent steps run at once. The agent
  // profile's completions go to the configured LLM, within each manifest's budget.
  const completion = options.completion ?? (config.llm.configured ? createCompletion(config.llm) : undefined);
  const sandbox = options.sandbox ?? createPluginHost({
    invoke: (request, signal) => invoker.nested(request, signal),
    ...(completion ? { llm: { complete: completion } } : {}),
    ...(config.sandboxMaxIsolates ? { maxIsolatesPerWorker: config.sandboxMaxIsolates } : {}),
    // A denied host operation is an audit event on the log.
    onAudit: async (event) => {
      await log.append([event]).catch((err: unknown) => logger.warn({ err }, "could not record a PermissionDenied event"));
    },
  });
  const faults = parseFaults(config.fault);
  const lease = { clock: options.clock, ...(config.installLeaseMs ? { leaseMs: config.installLeaseMs } : {}) };
  const hub = createGovernedHub({ log, readModel, sandbox, policy, hostVersion, newId: options.newId, logger, faults, ...lease });
  // What the governor (installs, and the rollbacks the slo agent asks for) changes in the hub is recorded as the governor's.
  const governed = createGovernedHub({ log: withActor(log, "governor"), readModel, sandbox, policy, hostVersion, newId: options.newId, logger, faults, ...lease });
  // A process allowed to change the hub finishes (or rolls back) installs whose owner died, as soon
  // as their lease expires — at start and whenever it happens while this process lives. Several
  // processes may share a log (JetStream, or one data directory), so only expired leases are taken.
  const leases = options.recoverInstalls ? watchLeases(options.roles.includes("governor") ? governed : hub, readModel, { clock: options.clock, logger }) : undefined;
  const llm = options.llm ?? (config.llm.configured ? llmFactory(config) : undefined);
  const llmConfigured = Boolean(options.llm) || config.llm.configured;
  const backendFor = createBackendChooser({ ...(llm ? { llm } : {}), llmConfigured });
  const reactors: Reactor[] = [];
  for (const role of options.roles) {
    if (role === "gap") reactors.push(gapDetector);
    if (role === "synthesizer") reactors.push(createSynthesizerAgent({ backendFor, mode: policy.mode, ...(options.synthesisBudgetMs ? { budgetMs: options.synthesisBudgetMs } : {}) }));
    if (role === "tester") reactors.push(createTester({ sandbox, hostVersion }));
    if (role === "governor") {
      const key = await ensureGovernorKey(log, readModel, config.dataDir);
      reactors.push(createGovernor({ hub: governed, policy, hostVersion, key }));
      // The rollbacks the slo agent asks for (it may quarantine, never activate): the governor's.
      reactors.push(createSloRollback({ hub: governed, policy }));
    }
    if (role === "slo") reactors.push(createSloAgent({ policy }));
  }
  const invoker = createInvoker({ log, sandbox, policy, readModel });
  const agents = await startAgents(readModel, reactors, { clock: options.clock, newId: options.newId, logger }, {
    delays: config.agentDelays,
    ...(options.ackWaitMs ? { ackWaitMs: options.ackWaitMs } : {}),
  });
  return {
    log,
    readModel,
    policy,
    hub,
    invoker,
    sandbox,
    agents,
    llmConfigured,
    backendFor,
    async close() {
      leases?.stop();
      await agents.stop();
      if (!options.sandbox) await sandbox.close();
    },
  };
}

/** The llm backend from the config (the backend loads the openai client on first use). */
function llmFactory(config: CapsmithConfig): () => SynthesisBackend {
  const { baseURL, apiKey, model } = config.llm;
  return () => createLlmBackend({ model, ...(baseURL ? { baseURL } : {}), ...(apiKey ? { apiKey } : {}) });
}

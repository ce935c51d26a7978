/**
 * Runs the active plugin of a capability: resolve it in the hub, check it may run (policy) and that
 * its code is what was installed (checksum), call it in the sandbox, and append a usage event.
 */
import { CapsmithError, subjectFor } from "../events/index.ts";
import type { EventLog, NewEvent } from "../events/index.ts";
import { canRun, checksumOf } from "../hub/index.ts";
import type { Policy } from "../hub/index.ts";
import type { HubState, PluginRecord } from "../../projections/index.ts";
import type { InvokeRequest, PluginHost, Profile } from "../sandbox/index.ts";

export interface InvokeResult {
  ok: boolean;
  pluginId: string;
  output?: unknown;
  error?: { code: string; message: string; nextStep?: string };
  usage?: { wallMs: number; cpuMs: number; heapPeakBytes: number };
}

export interface InvokeContext {
  runId?: string | null;
  correlationId?: string;
  /** Capabilities above this call on a `host.invoke` stack. */
  chain?: readonly string[];
  timeoutMs?: number;
}

export interface Invoker {
  /** The active plugin for a capability, or undefined when there is none (a gap). */
  resolve(hub: HubState, capability: string): PluginRecord | undefined;
  invoke(plugin: PluginRecord, input: unknown, context?: InvokeContext): Promise<InvokeResult>;
  /** What the sandbox calls for `host.invoke`: resolve through the hub, guard depth and cycles. */
  nested(request: InvokeRequest): Promise<{ ok: true; output: unknown } | { ok: false; code: string; message: string }>;
}

/** How deep plugins may call plugins (a plan step's plugin is depth 1). */
export const MAX_INVOKE_DEPTH = 4;

export function createInvoker(options: { log: EventLog; sandbox: PluginHost; policy: Policy; hubState: () => Promise<HubState> }): Invoker {
  const { log, sandbox, policy } = options;
  const loaded = new Map<string, Promise<unknown>>(); // pluginId#checksum → load

  async function ensureLoaded(plugin: PluginRecord): Promise<string> {
    const checksum = String(plugin.manifest["checksum"]);
    const found = checksumOf(plugin.code);
    if (found !== checksum) {
      await log.append([{ type: "TamperDetected", subject: subjectFor("plugin", plugin.capability), data: { pluginId: plugin.id, check: "checksum", where: "load", expected: checksum, found } } as NewEvent]);
      throw new CapsmithError("tamper_detected", `${plugin.id}: its code does not match its checksum; refusing to load it`, {
        nextStep: `Roll back with capsmith plugin rollback ${plugin.capability}, and check the audit trail.`,
      });
    }
    const key = `${plugin.id}#${checksum}`;
    let loading = loaded.get(key);
    if (!loading) {
      const limits = plugin.manifest["limits"] as { memoryMB: number; timeoutMs: number } | undefined;
      const net = (plugin.manifest["permissions"] as { net?: string[] } | undefined)?.net;
      const spec = plugin.spec as { constraints?: string[]; outputSchema?: Record<string, unknown> };
      loading = sandbox.load({
        id: key,
        code: plugin.code,
        profile: plugin.profile as Profile,
        ...(net ? { permissions: { net } } : {}),
        ...(limits ? { limits } : {}),
        dependencies: Object.keys((plugin.manifest["dependencies"] as Record<string, string> | undefined) ?? {}),
        ...(spec.constraints?.includes("schema_validated") && spec.outputSchema ? { outputSchema: spec.outputSchema } : {}),
      });
      loaded.set(key, loading);
      loading.catch(() => loaded.delete(key));
    }
    await loading;
    return key;
  }

  const invoker: Invoker = {
    resolve(hub, capability) {
      const id = hub.capabilities[capability]?.active;
      return id ? hub.plugins[id] : undefined;
    },

    async nested(request) {
      if (request.chain.includes(request.capability)) {
        return { ok: false, code: "invoke_cycle", message: `host.invoke cycle: ${[...request.chain, request.capability].join(" → ")}` };
      }
      if (request.chain.length >= MAX_INVOKE_DEPTH) {
        return { ok: false, code: "invoke_depth", message: `host.invoke nests deeper than ${MAX_INVOKE_DEPTH}: ${[...request.chain, request.capability].join(" → ")}` };
      }
      const plugin = invoker.resolve(await options.hubState(), request.capability);
      if (!plugin) return { ok: false, code: "capability_not_found", message: `no active plugin provides ${request.capability} (called by ${request.caller})` };
      const result = await invoker.invoke(plugin, request.input, { chain: request.chain, timeoutMs: request.remainingMs });
      return result.ok ? { ok: true, output: result.output } : { ok: false, code: result.error!.code, message: `${plugin.id}: ${result.error!.message}` };
    },

    async invoke(plugin, input, context = {}) {
      const allowed = canRun(policy, plugin.tier, plugin.profile);
      if (!allowed.allowed) {
        return { ok: false, pluginId: plugin.id, error: { code: "not_allowed_by_policy", message: allowed.reasons.join("; "), nextStep: "Approve the plugin, or change the policy's minTier for its profile." } };
      }
      const started = performance.now();
      let result: InvokeResult;
      try {
        const key = await ensureLoaded(plugin);
        const call = await sandbox.call(key, input, { chain: [...(context.chain ?? []), plugin.capability], ...(context.timeoutMs ? { timeoutMs: context.timeoutMs } : {}) });
        result = call.ok
          ? { ok: true, pluginId: plugin.id, output: call.output, usage: { wallMs: call.usage.wallMs, cpuMs: call.usage.cpuMs, heapPeakBytes: call.usage.heapPeakBytes } }
          : { ok: false, pluginId: plugin.id, error: { code: call.error.code, message: call.error.message, ...(call.error.nextStep ? { nextStep: call.error.nextStep } : {}) }, ...(call.usage ? { usage: { wallMs: call.usage.wallMs, cpuMs: call.usage.cpuMs, heapPeakBytes: call.usage.heapPeakBytes } } : {}) };
      } catch (err) {
        const e = err as CapsmithError;
        result = { ok: false, pluginId: plugin.id, error: { code: e.code ?? "internal", message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}) } };
      }
      await log.append([{
        type: "PluginInvoked",
        subject: subjectFor("usage", plugin.capability),
        ...(context.correlationId ? { correlationId: context.correlationId } : {}),
        data: {
          pluginId: plugin.id, capability: plugin.capability, runId: context.runId ?? null, ok: result.ok, errorCode: result.error?.code ?? null,
          latencyMs: result.usage?.wallMs ?? performance.now() - started, cpuMs: result.usage?.cpuMs ?? 0, heapBytes: result.usage?.heapPeakBytes ?? 0,
        },
      } as NewEvent]);
      return result;
    },
  };
  return invoker;
}

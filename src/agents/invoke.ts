/**
 * Runs a plugin of a capability: check it may run (policy), that the input matches its input schema
 * (a refusal is the caller's error: `input_invalid`, recorded as CallRejected, never charged to the
 * plugin), that its code is what was installed (checksum), call it in the sandbox, check the output
 * against its output schema (`output_invalid`, the plugin's failure), and append a usage event.
 * `host.invoke` resolves through the hub by the caller's declared dependency range.
 */
import { CapsmithError, eventText, subjectFor } from "../events/index.ts";
import type { EventLog, NewEvent } from "../events/index.ts";
import { canRun, checkRoleOf, checksumOf, resolveCapability } from "../hub/index.ts";
import type { CheckRole, Policy } from "../hub/index.ts";
import type { HubState, PluginRecord, ReadModel } from "../../projections/index.ts";
import type { InvokeRequest, PluginHost, Profile } from "../sandbox/index.ts";
import { validateInput, validateOutput } from "../spec/index.ts";
import type { ContractIssue } from "../spec/index.ts";
import { own } from "../../projections/index.ts";

export interface InvokeResult {
  ok: boolean;
  pluginId: string;
  output?: unknown;
  error?: { code: string; message: string; nextStep?: string; details?: Record<string, unknown> };
  /** The input broke the plugin's input schema: the caller's error, no plugin code ran. */
  rejected?: boolean;
  /** `wallMs` is the time the plugin ran; `queueMs` the time it waited for a sandbox worker. */
  usage?: { wallMs: number; cpuMs: number; heapPeakBytes: number; queueMs: number };
}

export interface InvokeContext {
  runId?: string | null;
  correlationId?: string;
  /** Capabilities above this call on a `host.invoke` stack. */
  chain?: readonly string[];
  timeoutMs?: number;
  /** A nested call's root deadline and tree (from the sandbox's InvokeRequest). */
  deadline?: number;
  root?: number;
  /** Ends the call when whatever asked for it has ended. */
  signal?: AbortSignal;
  /**
   * The role the call's records are written as: a call made on behalf of a health check or a test
   * run (nested under one) is that check's usage, never production's (USAGE_EVIDENCE).
   */
  recordAs?: CheckRole;
}

export interface Invoker {
  /** The active plugin for a capability, or undefined when there is none (a gap). */
  resolve(hub: HubState, capability: string): PluginRecord | undefined;
  invoke(plugin: PluginRecord, input: unknown, context?: InvokeContext): Promise<InvokeResult>;
  /**
   * What the sandbox calls for `host.invoke`: resolve through the hub, guard depth and cycles. The
   * call gets what is left of its root's time and is cancelled when the caller's call ends.
   */
  nested(request: InvokeRequest, signal: AbortSignal): Promise<{ ok: true; output: unknown } | { ok: false; code: string; message: string }>;
}

/** How deep plugins may call plugins (a plan step's plugin is depth 1). */
export const MAX_INVOKE_DEPTH = 4;

export function createInvoker(options: { log: EventLog; sandbox: PluginHost; policy: Policy; readModel: ReadModel }): Invoker {
  const { log, sandbox, policy } = options;
  const loaded = new Map<string, Promise<unknown>>(); // pluginId#checksum → load
  // The call trees a health check or a test run roots (the sandbox's root call id → its role, and
  // how many of its direct host.invoke calls are running): every call in such a tree is the check's,
  // however deep, although only the first level's caller is the package under check.
  const checks = new Map<number, { role: CheckRole; open: number }>();

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
      const permissions = plugin.manifest["permissions"] as { net?: string[]; llm?: { maxTokensPerCall?: number; maxCostPerDay?: number } } | undefined;
      const net = permissions?.net;
      const spec = plugin.spec as { constraints?: string[]; outputSchema?: Record<string, unknown> };
      loading = sandbox.load({
        id: key,
        code: plugin.code,
        profile: plugin.profile as Profile,
        ...(net ? { permissions: { net } } : {}),
        ...(limits ? { limits } : {}),
        ...(permissions?.llm ? { llm: permissions.llm } : {}),
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
      const id = own(hub.capabilities, capability)?.active;
      return id ? own(hub.plugins, id) : undefined;
    },

    async nested(request, signal) {
      if (request.chain.includes(request.capability)) {
        return { ok: false, code: "invoke_cycle", message: `host.invoke cycle: ${[...request.chain, request.capability].join(" → ")}` };
      }
      if (request.chain.length >= MAX_INVOKE_DEPTH) {
        return { ok: false, code: "invoke_depth", message: `host.invoke nests deeper than ${MAX_INVOKE_DEPTH}: ${[...request.chain, request.capability].join(" → ")}` };
      }
      // A call from a package under a health check or a test run roots a tree whose every call is
      // that check's (recorded as its role); deeper callers are production plugins in that tree.
      const checked = checkRoleOf(request.caller);
      let check = checks.get(request.root);
      if (checked) {
        check ??= { role: checked.role, open: 0 };
        checks.set(request.root, check);
        check.open++;
      }
      try {
        return await resolveNested(request, signal, checked?.role === "governor" ? checked.id : request.caller, check?.role);
      } finally {
        if (checked && check && --check.open === 0) checks.delete(request.root);
      }
    },

    async invoke(plugin, input, context = {}) {
      return invokeOne(plugin, input, context);
    },
  };

  /** A host.invoke call resolved through the hub (`callerLoad`: the caller's load id, a health check's without its prefix). */
  async function resolveNested(request: InvokeRequest, signal: AbortSignal, callerLoad: string, recordAs: CheckRole | undefined): Promise<{ ok: true; output: unknown } | { ok: false; code: string; message: string }> {
    // The caller's manifest declares the range of the capability it was built against
    // (`dependencies`): the newest eligible version within it serves the call, not simply the active one.
    const hub = await options.readModel.state("hub");
    const callerId = callerLoad.split("#")[0]!;
    const caller = Object.hasOwn(hub.plugins, callerId) ? hub.plugins[callerId] : undefined;
    const deps = caller?.manifest["dependencies"] as Record<string, string> | undefined;
    const range = deps && Object.hasOwn(deps, request.capability) ? deps[request.capability] : undefined;
    const resolution = resolveCapability(hub, { capability: request.capability, ...(range ? { range } : {}) });
    if (!resolution.ok) return { ok: false, code: resolution.code, message: `${resolution.message} (called by ${callerId})` };
    const plugin = resolution.plugin;
    const result = await invokeOne(plugin, request.input, { chain: request.chain, deadline: request.deadline, root: request.root, signal, ...(recordAs ? { recordAs } : {}) });
    return result.ok ? { ok: true, output: result.output } : { ok: false, code: result.error!.code, message: `${plugin.id}: ${result.error!.message}` };
  }

  async function invokeOne(plugin: PluginRecord, input: unknown, context: InvokeContext): Promise<InvokeResult> {
    const allowed = canRun(policy, plugin.tier, plugin.profile);
    if (!allowed.allowed) {
      return { ok: false, pluginId: plugin.id, error: { code: "not_allowed_by_policy", message: allowed.reasons.join("; "), nextStep: "Approve the plugin, or change the policy's minTier for its profile." } };
    }
    // The caller's input against the plugin's contract before any plugin code runs. A schema the
    // validator cannot use (schema_invalid / schema_unsupported; preflight refuses such plugins,
    // but one may have been installed before a limit existed) fails the call below, unrun: no
    // plugin code ever sees an input nobody checked.
    const checked = validateInput(plugin.spec["inputSchema"] ?? true, input, { subject: plugin.id });
    if (!checked.ok && checked.error.code === "input_invalid") {
      const issues = (checked.error.details?.["issues"] ?? []) as ContractIssue[];
      await log.append([{
        type: "CallRejected",
        subject: subjectFor("usage", plugin.capability),
        ...(context.recordAs ? { actor: context.recordAs } : {}),
        ...(context.correlationId ? { correlationId: context.correlationId } : {}),
        data: { pluginId: plugin.id, capability: plugin.capability, runId: context.runId ?? null, code: "input_invalid", issues: issues.map((i) => ({ pointer: eventText(i.pointer, 2_000), message: eventText(i.message, 2_000), keyword: eventText(i.keyword, 200) })) },
      } as NewEvent]);
      const e = checked.error;
      return { ok: false, rejected: true, pluginId: plugin.id, error: { code: e.code, message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}), details: { issues } } };
    }
    const started = performance.now();
    let result: InvokeResult;
    try {
      if (!checked.ok) throw checked.error;
      const key = await ensureLoaded(plugin);
      const call = await sandbox.call(key, input, {
        chain: [...(context.chain ?? []), plugin.capability],
        ...(context.timeoutMs ? { timeoutMs: context.timeoutMs } : {}),
        ...(context.deadline !== undefined ? { deadline: context.deadline } : {}),
        ...(context.root !== undefined ? { root: context.root } : {}),
        ...(context.signal ? { signal: context.signal } : {}),
      });
      const usage = call.usage && { wallMs: call.usage.wallMs, cpuMs: call.usage.cpuMs, heapPeakBytes: call.usage.heapPeakBytes, queueMs: call.usage.queueMs };
      // Every output is checked; an output schema the validator cannot use fails the call too.
      const broken = call.ok ? validateOutput(plugin.spec["outputSchema"] ?? true, call.output, { subject: plugin.id }) : { ok: true as const };
      result = !broken.ok
        ? { ok: false, pluginId: plugin.id, error: { code: broken.error.code, message: broken.error.message, ...(broken.error.nextStep ? { nextStep: broken.error.nextStep } : {}), ...(broken.error.code === "output_invalid" ? { details: { issues: broken.error.details?.["issues"] } } : {}) }, ...(usage ? { usage } : {}) }
        : call.ok
        ? { ok: true, pluginId: plugin.id, output: call.output, ...(usage ? { usage } : {}) }
        : { ok: false, pluginId: plugin.id, error: { code: call.error.code, message: call.error.message, ...(call.error.nextStep ? { nextStep: call.error.nextStep } : {}) }, ...(usage ? { usage } : {}) };
    } catch (err) {
      const e = err as CapsmithError;
      result = { ok: false, pluginId: plugin.id, error: { code: e.code ?? "internal", message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}) } };
    }
    await log.append([{
      type: "PluginInvoked",
      subject: subjectFor("usage", plugin.capability),
      ...(context.recordAs ? { actor: context.recordAs } : {}),
      ...(context.correlationId ? { correlationId: context.correlationId } : {}),
      data: {
        pluginId: plugin.id, capability: plugin.capability, runId: context.runId ?? null, ok: result.ok, errorCode: result.error?.code ?? null,
        latencyMs: result.usage?.wallMs ?? performance.now() - started, cpuMs: result.usage?.cpuMs ?? 0, heapBytes: result.usage?.heapPeakBytes ?? 0,
      },
    } as NewEvent]);
    return result;
  }
  return invoker;
}

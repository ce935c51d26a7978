/**
 * The gap detector: for each capability request, resolve it to a published plugin that serves it,
 * or open a gap with the spec to synthesize from. It never opens a gap for a capability a compatible
 * active plugin serves, and never two gaps for one capability at a time.
 */
import semver from "semver";
import { canonicalJson, sha256 } from "../events/index.ts";
import type { EventData, NewEvent, StoredEvent } from "../events/index.ts";
import type { HubState, PluginRecord } from "../../projections/index.ts";
import type { LoopState } from "./loop/context.ts";
import { emit } from "./loop/context.ts";
import type { Reactor } from "./loop/context.ts";

type Request = EventData<"CapabilityRequested">;
export type GapDecision =
  | { kind: "resolved"; pluginId: string }
  | { kind: "already_open"; gapId: string }
  | { kind: "gap"; version: string; spec: Record<string, unknown>; specHash: string }
  | { kind: "no_spec" };

/** Pure: what to do about a request, given the hub and the open gaps. */
export function decideGap(state: Pick<LoopState, "hub" | "gaps">, request: Request): GapDecision {
  const { hub } = state;
  const activeId = hub.capabilities[request.capability]?.active;
  const active = activeId ? hub.plugins[activeId] : undefined;
  if (active && (!request.spec || sameContract(active, request.spec))) return { kind: "resolved", pluginId: active.id };
  const open = state.gaps.openByCapability[request.capability];
  if (open) return { kind: "already_open", gapId: open };
  if (!request.spec) return { kind: "no_spec" };
  const spec = { ...request.spec, capability: request.capability };
  return { kind: "gap", spec, specHash: sha256(canonicalJson(spec)), version: nextVersion(hub, request.capability, spec) };
}

/** Compatible: the same input and output schemas (the contract callers rely on). */
function sameContract(plugin: PluginRecord, spec: Record<string, unknown>): boolean {
  return canonicalJson(plugin.spec["inputSchema"] ?? null) === canonicalJson(spec["inputSchema"] ?? null) &&
    canonicalJson(plugin.spec["outputSchema"] ?? null) === canonicalJson(spec["outputSchema"] ?? null);
}

/** 1.0.0 for a new capability; the next minor for the same contract; the next major for a new one. */
function nextVersion(hub: HubState, capability: string, spec: Record<string, unknown>): string {
  const plugins = (hub.capabilities[capability]?.versions ?? []).map((id) => hub.plugins[id]!).filter(Boolean);
  if (plugins.length === 0) return "1.0.0";
  const newest = plugins.reduce((a, b) => (semver.gt(b.version, a.version) ? b : a));
  return semver.inc(newest.version, sameContract(newest, spec) ? "minor" : "major")!;
}

export const gapDetector: Reactor = {
  role: "gap",
  filter: "capsmith.evt.gap.>",
  async handle(event, ctx) {
    if (event.type !== "CapabilityRequested") return;
    const request = (event as StoredEvent<"CapabilityRequested">).data;
    // Read the subject head before the state we decide on: if anything lands on this capability's
    // gap subject in between (a second detector opening the gap), the append below conflicts and the
    // redelivered request is decided again on the newer state.
    const head = (await ctx.log.subjectHead(event.subject))?.seq ?? 0;
    const state = await ctx.state();
    const decision = decideGap(state, request);
    const out: Omit<NewEvent, "subject">[] = [];
    switch (decision.kind) {
      case "resolved":
        out.push({ type: "CapabilityResolved", data: { requestId: request.requestId, capability: request.capability, pluginId: decision.pluginId } });
        break;
      case "already_open":
        return; // the open gap's GapClosed answers this request too
      case "no_spec": {
        const gapId = ctx.newId();
        out.push({ type: "GapClosed", data: { gapId, capability: request.capability, ok: false, pluginId: null, outcome: "synthesis_failed", reason: "no plugin serves it and the request carries no spec to synthesize from; give a spec (plan capabilities, /need or capsmith synthesize --spec)" } });
        break;
      }
      case "gap":
        out.push({ type: "CapabilityGapDetected", data: { gapId: ctx.newId(), capability: request.capability, spec: decision.spec, specHash: decision.specHash, version: decision.version, backend: request.backend } });
        break;
    }
    await emit(ctx, "gap", event, request.capability, out, { expectedSubjectSeq: head });
  },
};

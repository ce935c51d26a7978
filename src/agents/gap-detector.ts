/**
 * The gap detector: for each capability request, resolve it to a published plugin that serves it,
 * or open a gap with the spec to synthesize from. It never opens a gap while an eligible version
 * within the spec's range serves the spec's schemas (compatibility by meaning, not bytes), and never
 * two gaps for one capability at a time. A request with examples the serving version was not built
 * from is a revision: a gap whose spec carries the old golden cases and the new ones (a
 * contradiction between them is reported at once).
 */
import semver from "semver";
import { canonicalJson, sha256 } from "../events/index.ts";
import { resolveCapability } from "../hub/index.ts";
import { requiredBump } from "../spec/index.ts";
import type { AnyStoredEvent, EventData, NewEvent, StoredEvent } from "../events/index.ts";
import type { HubState, PluginRecord } from "../../projections/index.ts";
import type { AgentContext, LoopState } from "./loop/context.ts";
import { emit } from "./loop/context.ts";
import type { Reactor } from "./loop/context.ts";
import { SUBSCRIPTIONS } from "./loop/subscriptions.ts";
import { own } from "../../projections/index.ts";

type Request = EventData<"CapabilityRequested">;
export type GapDecision =
  | { kind: "resolved"; pluginId: string }
  | { kind: "already_open"; gapId: string }
  | { kind: "gap"; version: string; spec: Record<string, unknown>; specHash: string }
  | { kind: "no_spec" }
  /** New examples that give an input of the active version's golden cases another output: reported, not searched for. */
  | { kind: "contradiction"; reason: string };

/** Pure: what to do about a request, given the hub and the open gaps. */
export function decideGap(state: Pick<LoopState, "hub" | "gaps">, request: Request): GapDecision {
  const { hub } = state;
  let revised: Record<string, unknown> | undefined;
  if (!request.spec) {
    const activeId = own(hub.capabilities, request.capability)?.active;
    if (activeId && own(hub.plugins, activeId)) return { kind: "resolved", pluginId: activeId };
  } else {
    // By meaning: any eligible version within the spec's range whose schemas serve the spec's (an
    // added `description` changes nothing), the active one first (resolveCapability).
    const range = typeof request.spec["version"] === "string" ? request.spec["version"] : undefined;
    const found = resolveCapability(hub, { capability: request.capability, ...(range ? { range } : {}), inputSchema: request.spec["inputSchema"], outputSchema: request.spec["outputSchema"] });
    if (found.ok) {
      // Served, unless the request brings examples that version was not built from — then it is a
      // revision that must keep passing the old golden cases too.
      const revision = revise(found.plugin, request.spec);
      if (revision.kind === "same") return { kind: "resolved", pluginId: found.plugin.id };
      if (revision.kind === "contradiction") return { kind: "contradiction", reason: revision.reason };
      revised = revision.spec;
    }
  }
  const open = own(state.gaps.openByCapability, request.capability);
  if (open) return { kind: "already_open", gapId: open };
  if (!request.spec) return { kind: "no_spec" };
  const spec = { ...(revised ?? request.spec), capability: request.capability };
  return { kind: "gap", spec, specHash: sha256(canonicalJson(spec)), version: nextVersion(hub, request.capability, spec) };
}

interface Case {
  input: unknown;
  output: unknown;
}

function cases(v: unknown): Case[] {
  return Array.isArray(v) ? v.filter((c): c is Case => c !== null && typeof c === "object" && "input" in c && "output" in c) : [];
}

type Revision = { kind: "same" } | { kind: "contradiction"; reason: string } | { kind: "revision"; spec: Record<string, unknown> };

/**
 * What a request's examples and tests add to the active version's: nothing new (served as it is),
 * an input the golden cases already answer otherwise (a contradiction), or new cases — a revision
 * whose spec carries the old cases and the new ones (old examples first, so the synthesizer and
 * the tester hold the new version to both).
 */
export function revise(active: PluginRecord, spec: Record<string, unknown>): Revision {
  const oldExamples = cases(active.spec["examples"]);
  const oldTests = cases(active.spec["tests"]);
  const known = new Map<string, Case>();
  for (const c of [...oldExamples, ...oldTests]) known.set(canonicalJson(c.input ?? null), c);
  const fresh = (list: Case[]): Case[] => list.filter((c) => !known.has(canonicalJson(c.input ?? null)));
  const all = [...cases(spec["examples"]), ...cases(spec["tests"])];
  for (const [i, c] of all.entries()) {
    const old = known.get(canonicalJson(c.input ?? null));
    if (old && canonicalJson(old.output ?? null) !== canonicalJson(c.output ?? null)) {
      return {
        kind: "contradiction",
        reason: `contradictory_examples: case ${i + 1} of the request gives ${JSON.stringify(c.input)} the output ${JSON.stringify(c.output)}, but ${active.id}'s golden case gives ${JSON.stringify(old.output)}; ` +
          "a revision must keep passing the old golden cases — drop or correct that case, or give the new behaviour another capability name",
      };
    }
  }
  const newExamples = fresh(cases(spec["examples"]));
  const newTests = fresh(cases(spec["tests"]));
  if (newExamples.length === 0 && newTests.length === 0) return { kind: "same" };
  const dedupe = (list: Case[]): Case[] => [...new Map(list.map((c) => [canonicalJson(c.input ?? null), c])).values()];
  return {
    kind: "revision",
    spec: {
      ...spec,
      examples: dedupe([...oldExamples, ...newExamples]),
      ...(oldTests.length + newTests.length > 0 ? { tests: dedupe([...oldTests, ...newTests]) } : {}),
    },
  };
}

/**
 * 1.0.0 for a new capability; otherwise the newest version bumped by what the contract change needs
 * (requiredBump: a narrower input or a wider output is a major; anything else a minor, since a new
 * implementation is more than a patch). A spec's range that the result would miss moves it to the
 * range's lowest version when that is newer.
 */
function nextVersion(hub: HubState, capability: string, spec: Record<string, unknown>): string {
  const plugins = (own(hub.capabilities, capability)?.versions ?? []).flatMap((id) => own(hub.plugins, id) ?? []);
  const range = typeof spec["version"] === "string" && semver.validRange(spec["version"]) ? spec["version"] : undefined;
  const lowest = range ? semver.minVersion(range)?.version : undefined;
  if (plugins.length === 0) return lowest && semver.gte(lowest, "1.0.0") ? lowest : "1.0.0";
  const newest = plugins.reduce((a, b) => (semver.gt(b.version, a.version) ? b : a));
  const { bump } = requiredBump(newest.spec, { inputSchema: spec["inputSchema"], outputSchema: spec["outputSchema"] });
  const next = semver.inc(newest.version, bump === "major" ? "major" : "minor")!;
  if (range && !semver.satisfies(next, range) && lowest && semver.gt(lowest, newest.version)) return lowest;
  return next;
}

export const gapDetector: Reactor = {
  role: "gap",
  filter: SUBSCRIPTIONS.gap.gaps,
  async handle(event, ctx) {
    if (event.type !== "CapabilityRequested") return;
    const request = (event as StoredEvent<"CapabilityRequested">).data;
    // Read the subject head before the state we decide on: if anything lands on this capability's
    // gap subject in between (a second detector opening the gap), the append below conflicts and the
    // redelivered request is decided again on the newer state.
    const head = (await ctx.log.subjectHead(event.subject))?.seq ?? 0;
    // A request is answered once. Its answer's message id stops a redelivery only within JetStream's
    // duplicate window (2 min): one later (a daemon stalled past its ack wait, then woken) would
    // decide again on a hub that moved on — a second gap that reinstalls what an operator took out.
    const state = await ctx.state();
    if (await answered(ctx, event, state)) return;
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
      case "contradiction":
        out.push({ type: "GapClosed", data: { gapId: ctx.newId(), capability: request.capability, ok: false, pluginId: null, outcome: "synthesis_failed", reason: decision.reason } });
        break;
      case "gap":
        out.push({ type: "CapabilityGapDetected", data: { gapId: ctx.newId(), capability: request.capability, spec: decision.spec, specHash: decision.specHash, version: decision.version, backend: request.backend, ...(request.acceptAmbiguous ? { acceptAmbiguous: true } : {}) } });
        break;
    }
    await emit(ctx, "gap", event, request.capability, out, { expectedSubjectSeq: head });
  },
};

/**
 * Whether this request was answered: an event the detector appended in response (a gap, a
 * resolution, a closing), or the closing of a gap that was already open when the request came (the
 * `already_open` answer), on the request's subject after it. Read after the subject's head, so an
 * answer landing after this look makes the caller's conditional append conflict instead.
 */
async function answered(ctx: AgentContext, request: AnyStoredEvent, state: LoopState): Promise<boolean> {
  for await (const e of ctx.log.read(request.subject, { fromSeq: request.seq + 1 })) {
    const mine = e.causationId === request.id && e.actor === "gap";
    const coveredBy = e.type === "GapClosed" && (own(state.gaps.gaps, (e.data as { gapId: string }).gapId)?.openedSeq ?? Infinity) < request.seq;
    if ((mine || coveredBy) && (await ctx.readModel.admits(e))) return true;
  }
  return false;
}

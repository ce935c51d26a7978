/**
 * The hub and trust-store states a command decides on, folded from the log by the registered
 * projections (`hub` and `keys` in `allProjections`). An empty hub when no `hub` projection is
 * registered.
 */
import { allProjections, createProjector, keys as keysProjection } from "../../projections/index.ts";
import type { HubState, KeysState, Projection } from "../../projections/index.ts";
import type { EventLog } from "../events/index.ts";

export interface HubSnapshot {
  /** Log position the states reflect. */
  seq: number;
  hub: HubState;
  keys: KeysState;
}

export async function loadHubSnapshot(log: EventLog, projections: readonly Projection[] = allProjections): Promise<HubSnapshot> {
  const hubProjection = projections.find((p) => p.name === "hub");
  const keys = projections.find((p) => p.name === "keys") ?? (keysProjection as Projection);
  const view = await createProjector({ log, projections: hubProjection ? [hubProjection, keys] : [keys] }).catchUp();
  return {
    seq: view.seq,
    hub: hubProjection ? (view.states["hub"] as HubState) : { capabilities: {}, plugins: {} },
    keys: view.states[keys.name] as KeysState,
  };
}

export async function loadHubState(log: EventLog): Promise<HubState> {
  return (await loadHubSnapshot(log)).hub;
}

export async function loadKeysState(log: EventLog): Promise<KeysState> {
  return (await loadHubSnapshot(log, allProjections.filter((p) => p.name === "keys"))).keys;
}

/**
 * The hub and trust-store states a command decides on, folded from the log by the `hub` and `keys`
 * projections.
 */
import { createProjector, hub, keys } from "../../projections/index.ts";
import type { HubState, KeysState } from "../../projections/index.ts";
import type { EventLog } from "../events/index.ts";

export interface HubSnapshot {
  /** Log position the states reflect. */
  seq: number;
  hub: HubState;
  keys: KeysState;
}

export async function loadHubSnapshot(log: EventLog): Promise<HubSnapshot> {
  const view = await createProjector({ log, projections: [hub, keys] }).catchUp();
  return { seq: view.seq, hub: view.states["hub"] as HubState, keys: view.states["keys"] as KeysState };
}

export async function loadHubState(log: EventLog): Promise<HubState> {
  return (await loadHubSnapshot(log)).hub;
}

export async function loadKeysState(log: EventLog): Promise<KeysState> {
  return (await loadHubSnapshot(log)).keys;
}

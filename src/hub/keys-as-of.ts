/**
 * The trust store as it stood at a point of the log, for judging a decision by the keys of its own
 * time: a revocation after the decision does not undo it (the governor's claimed approvals, an
 * operator's redrive of a dead letter). Pure.
 */
import type { KeysState } from "../../projections/index.ts";

/** The trust store as it stood at `seq` as far as revocations go: a key revoked after `seq` is not revoked there. */
export function keysAsOf(keys: KeysState, seq: number): KeysState {
  const then = Object.entries(keys.keys).map(([id, k]) => [id, k.revoked && (k.revokedSeq ?? 0) > seq ? { ...k, revoked: false, revokedSeq: null, revokedReason: null } : k] as const);
  return { ...keys, keys: Object.fromEntries(then) };
}

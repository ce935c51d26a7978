import type { AnyStoredEvent } from "../src/events/index.ts";

/**
 * A projection is a pure reducer over the log. `apply` returns the next state; it may update the
 * state it is given in place (the engine owns it and never shares it), but must read nothing but its
 * arguments: no I/O, no clock, no randomness. State is plain JSON so it can be checkpointed and hashed.
 */
export interface Projection<S = unknown> {
  readonly name: string;
  /** Bump when the reducer's meaning changes: checkpoints of another version are replayed anew. */
  readonly version: number;
  initial(): S;
  apply(state: S, event: AnyStoredEvent): S;
  /**
   * For state that is not plain JSON (a histogram object, say): its JSON form, which checkpoints
   * store and state hashes are taken over, and the way back. Plain-JSON state needs neither.
   */
  snapshot?(state: S): unknown;
  restore?(json: unknown): S;
}

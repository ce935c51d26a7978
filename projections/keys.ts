import type { EventData } from "../src/events/index.ts";
import type { Projection } from "./projection.ts";
import { own, put } from "./own-entry.ts";

export type KeyRole = EventData<"KeyTrusted">["role"];

export interface TrustedKey {
  /** base64url of the raw Ed25519 public key. */
  publicKey: string;
  name: string;
  role: KeyRole;
  revoked: boolean;
  /** Seq of the record that (last) trusted it, and of the one that revoked it. */
  trustedSeq: number;
  revokedSeq: number | null;
  revokedReason: string | null;
}

/** The trust store: every key this hub has trusted, revoked ones included (a revocation is forever). */
export interface KeysState {
  keys: Record<string, TrustedKey>;
}

/** A key id is 16 hex digits (see src/hub/keys.ts); anything else is not a key, and never a prototype. */
const KEY_ID = /^[0-9a-f]{16}$/;

export const keys: Projection<KeysState> = {
  name: "keys",
  version: 1,
  initial: () => ({ keys: {} }),
  apply(state, event) {
    if (event.type === "KeyTrusted") {
      const data = event.data as EventData<"KeyTrusted">;
      if (!KEY_ID.test(data.keyId)) return state;
      const existing = own(state.keys, data.keyId);
      // A revoked key stays revoked: trusting it again would undo the revocation silently.
      if (existing?.revoked) return state;
      put(state.keys, data.keyId, {
        publicKey: data.publicKey,
        name: data.name,
        role: data.role,
        revoked: false,
        trustedSeq: event.seq,
        revokedSeq: null,
        revokedReason: null,
      });
    } else if (event.type === "KeyRevoked") {
      const data = event.data as EventData<"KeyRevoked">;
      const existing = own(state.keys, data.keyId);
      if (existing && !existing.revoked) {
        existing.revoked = true;
        existing.revokedSeq = event.seq;
        existing.revokedReason = data.reason;
      }
    }
    return state;
  },
};

/**
 * Projections behind the signature gate, for a log a stolen connection may write to: the same
 * reducer, folding only events the write rules let their signer make (see passesGate), with the
 * operator-signed trust store kept beside its state. The signed read model is made of these.
 */
import type { AnyStoredEvent } from "../src/events/index.ts";
import { audit } from "./audit.ts";
import type { AuditState } from "./audit.ts";
import { TRUST_RULES_VERSION, applySignedTrust, passesGate } from "./event-signatures.ts";
import type { Gated } from "./event-signatures.ts";
import { keys } from "./keys.ts";
import type { KeysState } from "./keys.ts";
import type { Projection } from "./projection.ts";

/**
 * `inner` behind the signature gate (see passesGate): same state, plus the trust store it keeps.
 * `own` may take an event itself (true: `inner` never sees it).
 */
export function gated<S>(inner: Projection<S>, own?: (state: S & Gated, event: AnyStoredEvent) => boolean): Projection<S> {
  const projection: Projection<S> = {
    name: inner.name,
    version: inner.version + 1_000 * TRUST_RULES_VERSION,
    initial: inner.initial,
    apply(state, event) {
      const holder = state as S & Gated;
      if (!passesGate(holder, event)) return state;
      if (own?.(holder, event)) return state;
      return inner.apply(state, event);
    },
  };
  const { snapshot, restore } = inner;
  if (!snapshot || !restore) return projection;
  // State that is not plain JSON (slo's series): its own JSON form, with the trust store beside it.
  return {
    ...projection,
    snapshot: (state) => {
      const { trust, ignored } = state as S & Gated;
      return { state: snapshot(state), ...(trust ? { trust } : {}), ...(ignored ? { ignored } : {}) };
    },
    restore: (json) => {
      const { state, ...gate } = json as { state: unknown } & Gated;
      return Object.assign(restore(state) as S & Gated, gate);
    },
  };
}

/** The trust store as only an operator's signature changes it (a key may revoke itself). */
export const signedKeys: Projection<KeysState> = {
  name: "keys",
  version: keys.version + 1_000 * TRUST_RULES_VERSION,
  initial: keys.initial,
  apply(state, event) {
    if (event.type === "KeyTrusted" || event.type === "KeyRevoked") applySignedTrust(state.keys, event);
    return state;
  },
};

/**
 * The audit trail of a signed log: only what counted. A decision its role's key did not sign, or a
 * KeyTrusted/KeyRevoked no operator's signature made, is not history a reader may be shown as such
 * (`audit verify` lists them as forged instead).
 */
export const signedAudit: Projection<AuditState> = gated(audit, (state, event) => !trustTook(state, event));

/** Whether a KeyTrusted/KeyRevoked changed the trust store the gate just folded it into (true for any other event). */
function trustTook(state: Gated, event: AnyStoredEvent): boolean {
  if (event.type !== "KeyTrusted" && event.type !== "KeyRevoked") return true;
  const keyId = (event.data as { keyId: string }).keyId;
  const key = state.trust && Object.hasOwn(state.trust, keyId) ? state.trust[keyId]! : undefined;
  return event.type === "KeyTrusted" ? key?.trustedSeq === event.seq : key?.revokedSeq === event.seq;
}

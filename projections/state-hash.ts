import { canonicalJson, sha256 } from "../src/events/index.ts";

/** sha256 of the canonical JSON of a state: equal hashes mean byte-identical states. */
export function stateHash(state: unknown): string {
  return sha256(canonicalJson(state));
}

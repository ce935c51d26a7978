/**
 * The keys a data directory signs with: one Ed25519 key per role (0600, in `<data>/keys/<role>.json`),
 * made on first use, each trusted in the log by the operator key's signature (the operator's own
 * KeyTrusted is self-signed, the bootstrap). A process that holds them signs each event with the key
 * of its actor's role, so a governor's install is the governor's and verifies as such; a process
 * given one key (`CAPSMITH_SIGN_KEY`, a role's machine) signs everything with it, as that role.
 */
import { subjectFor } from "../events/index.ts";
import type { EventLog, EventSigner, NewEvent } from "../events/index.ts";
import type { KeysState } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import type { KeyStore } from "./keys-store.ts";
import type { KeyRole, SigningKey } from "./keys.ts";
import { signHash } from "./signature.ts";

/** The roles a data directory holds keys for: the operator and every agent role. */
export const DATA_DIR_ROLES: readonly KeyRole[] = ["operator", "governor", "gap", "synthesizer", "tester", "runner", "slo"];

export interface RoleSigner {
  sign: EventSigner;
  /** The actor of events that name none: the single key's role, or operator. */
  actor: string;
  keys: readonly SigningKey[];
}

/** One key for everything, as its role. */
export function singleKeySigner(key: SigningKey): RoleSigner {
  return { sign: (hash) => signHash(hash, key), actor: key.role, keys: [key] };
}

/**
 * The data directory's role keys, the missing ones made when `create` (signed events required on an
 * embedded log); undefined when any is missing and may not be made. Each event is signed by its actor's key, else the operator's.
 */
export async function roleKeySigner(store: KeyStore, options: { create: boolean }): Promise<RoleSigner | undefined> {
  const keys: SigningKey[] = [];
  for (const role of DATA_DIR_ROLES) {
    const key = await loadKey(store, role);
    if (key) keys.push(key);
    else if (options.create) keys.push(await generateOrLoad(store, role));
    else return undefined;
  }
  const byRole = new Map(keys.map((k) => [k.role as string, k]));
  const operator = byRole.get("operator")!;
  return { sign: (hash, actor) => signHash(hash, byRole.get(actor) ?? operator), actor: "operator", keys };
}

/** Makes the role's key, or loads the one another process made first (two first commands at once). */
async function generateOrLoad(store: KeyStore, role: KeyRole): Promise<SigningKey> {
  try {
    return await store.generate(role, role);
  } catch (err) {
    if (err instanceof HubError && err.code === "key_exists") return (await loadKey(store, role))!;
    throw err;
  }
}

async function loadKey(store: KeyStore, name: string): Promise<SigningKey | undefined> {
  try {
    const key = await store.load(name);
    if (key.role !== name) throw new HubError("invalid_key", `${store.dir}/${name}.json holds a ${key.role} key, not the ${name} key`, { nextStep: `Move it aside; capsmith makes a ${name} key there.` });
    return key;
  } catch (err) {
    if (err instanceof HubError && err.code === "key_not_found") return undefined;
    throw err;
  }
}

/**
 * Trusts each key in the log that the trust store does not hold yet: the operator's first (signed by
 * itself), then the others, each KeyTrusted signed by the operator key (its actor is the operator).
 */
export async function trustRoleKeys(log: EventLog, trusted: KeysState, keys: readonly SigningKey[]): Promise<number> {
  const ordered = [...keys].sort((a, b) => (a.role === "operator" ? -1 : b.role === "operator" ? 1 : 0));
  let appended = 0;
  for (const key of ordered) {
    const known = Object.hasOwn(trusted.keys, key.keyId) ? trusted.keys[key.keyId] : undefined;
    if (known) continue;
    await log.append([{ type: "KeyTrusted", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } } as NewEvent]);
    appended++;
  }
  return appended;
}

/**
 * Refuses a log that trusts an operator key but not this data directory's own. The self-signed
 * bootstrap counts once, for the first operator key in the log: if someone appended theirs before
 * this directory's first command trusted its keys (a crash in between, a log written elsewhere),
 * they are the operator, and everything this process signed would count for no reader.
 */
export function assertOwnOperatorTrusted(trusted: KeysState, keys: readonly SigningKey[], keysDir: string): void {
  const mine = keys.find((k) => k.role === "operator");
  if (!mine || Object.hasOwn(trusted.keys, mine.keyId)) return;
  const [otherId, other] = Object.entries(trusted.keys).find(([, k]) => k.role === "operator") ?? [];
  if (!otherId || !other) return;
  throw new HubError("operator_key_untrusted", `the log trusts operator key ${otherId} (${other.name}, at seq ${other.trustedSeq}), not this data directory's operator key ${mine.keyId} (${keysDir}/operator.json): nothing this directory's keys sign would count`, {
    nextStep: `If ${otherId} is yours, trust this directory's keys with it (CAPSMITH_SIGN_KEY=<that key's name> capsmith keys trust operator, then each role's key). If it is not, someone wrote to this log before its keys were trusted: stop using it, keep it for inspection (capsmith audit verify), and start a new data directory.`,
  });
}

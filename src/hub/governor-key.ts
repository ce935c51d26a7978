/**
 * The governor's own key: made on first use in the data directory's key store and trusted in the
 * log (role governor), so what the governor signs verifies on this hub and on any that trusts it.
 */
import { subjectFor } from "../events/index.ts";
import type { EventLog, NewEvent } from "../events/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import { openKeyStore } from "./keys-store.ts";
import type { SigningKey } from "./keys.ts";
import { own } from "../../projections/index.ts";

export async function ensureGovernorKey(log: EventLog, readModel: ReadModel, dataDir: string, name = "governor"): Promise<SigningKey> {
  const store = openKeyStore(dataDir);
  let key: SigningKey;
  try {
    key = await store.load(name);
  } catch (err) {
    if (!(err instanceof HubError) || err.code !== "key_not_found") throw err;
    key = await store.generate(name, "governor");
  }
  const trusted = own((await readModel.state("keys")).keys, key.keyId);
  if (trusted?.revoked) {
    throw new HubError("key_revoked", `the governor key ${key.keyId} was revoked`, { nextStep: `Delete ${store.dir}/${name}.json to make a new one, or use another data directory.` });
  }
  if (!trusted) {
    await log.append([{ type: "KeyTrusted", subject: subjectFor("key", key.keyId), actor: "governor", data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: "governor" } } as NewEvent]);
  }
  return key;
}

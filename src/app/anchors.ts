/**
 * Anchoring wired to keys: who signs an anchor (an operator key of the data directory's key store),
 * which signatures an operator's verify trusts, and the writers' schedule (an anchor into
 * `<data>/anchors` every N records and at a clean shutdown, when an operator key is there).
 */
import { join } from "node:path";
import type { Logger } from "pino";
import { EventLogError, anchorSigningText, anchorStore, sameLog, signAnchor, takeAnchor, writeAnchorFile } from "../events/index.ts";
import type { AnchorFile, AnchorSigner, AnchorStatement, Clock, EventLog } from "../events/index.ts";
import { HubError, parsePublicKeyFile, signText, verifyText } from "../hub/index.ts";
import type { KeyStore, SigningKey } from "../hub/index.ts";
import type { KeysState } from "../../projections/index.ts";

/** The key `audit anchor` and the writers' schedule sign with unless told otherwise. */
export const DEFAULT_ANCHOR_KEY = "operator";
export const DEFAULT_ANCHOR_EVERY = 10_000;

export function anchorsDir(dataDir: string): string {
  return join(dataDir, "anchors");
}

export function anchorSigner(key: SigningKey): AnchorSigner {
  return (text) => ({ keyId: key.keyId, publicKey: key.publicKey, value: signText(text, key).value });
}

/** Loads the signing key for anchors: it must be an operator key. */
export async function loadAnchorKey(keys: KeyStore, name: string): Promise<SigningKey> {
  const key = await keys.load(name);
  if (key.role !== "operator") {
    throw new HubError("invalid_key", `key ${name} is a ${key.role} key; anchors are signed by an operator key`, { nextStep: `Create one with capsmith keys generate ${DEFAULT_ANCHOR_KEY} --role operator --trust, or name one with --key.` });
  }
  return key;
}

export type TrustedBy = "public-key file" | "local key" | "hub trusted key";

export interface TrustSources {
  /** The operator's own copy of the public key (the only source independent of the data directory). */
  publicKeyFile?: { text: string; what: string };
  keys: KeyStore;
  /** The keys the hub trusts, as the log says (asked for only when no public-key file is given). */
  trusted: () => Promise<KeysState>;
}

/** Checks an anchor's signature against a key the operator trusts; `anchor_untrusted` otherwise. */
export async function checkAnchorSignature(anchor: AnchorFile, sources: TrustSources): Promise<{ keyId: string; trustedBy: TrustedBy }> {
  const { keyId, publicKey, value } = anchor.signature;
  const untrusted = (why: string): never => {
    throw new EventLogError("anchor_untrusted", `the anchor's signature (key ${keyId}) ${why}`, {
      nextStep: "Verify with the operator's public key: capsmith audit verify --anchor FILE --public-key operator.pub.json (from capsmith keys export).",
    });
  };
  let trustedBy: TrustedBy | undefined;
  if (sources.publicKeyFile) {
    const given = parsePublicKeyFile(sources.publicKeyFile.text, sources.publicKeyFile.what);
    if (given.keyId !== keyId || given.publicKey !== publicKey) untrusted(`is not by the key in ${sources.publicKeyFile.what} (${given.keyId})`);
    trustedBy = "public-key file";
  } else if ((await sources.keys.list()).some((k) => k.keyId === keyId && k.publicKey === publicKey && k.role === "operator")) {
    trustedBy = "local key";
  } else {
    const t = (await sources.trusted()).keys[keyId];
    if (t && !t.revoked && t.role === "operator" && t.publicKey === publicKey) trustedBy = "hub trusted key";
  }
  if (!trustedBy) untrusted("is by no operator key this hub or its key store knows");
  if (!verifyText(anchorSigningText(anchor.statement), value, publicKey)) untrusted("does not verify: the statement was changed after signing");
  return { keyId, trustedBy: trustedBy! };
}

/**
 * Takes and signs an anchor of the log now, from the newest anchor in `store` signed by the same
 * key when it is of this log (reading only the tail), and saves it there (and to `out`).
 */
export async function anchorNow(log: EventLog, key: SigningKey, options: { dataDir: string; clock: Clock; out?: string; previous?: AnchorStatement }): Promise<{ anchor: AnchorFile; file: string; incremental: boolean }> {
  const store = anchorStore(anchorsDir(options.dataDir));
  const identity = await log.identity();
  const previous = options.previous ?? (await newestOwn(store, key, identity));
  const statement = await takeAnchor(log, { clock: options.clock, ...(previous ? { previous } : {}) });
  const anchor = signAnchor(statement, anchorSigner(key));
  const file = await store.save(anchor);
  if (options.out) await writeAnchorFile(options.out, anchor);
  return { anchor, file, incremental: previous !== undefined };
}

async function newestOwn(store: ReturnType<typeof anchorStore>, key: SigningKey, identity: { kind: string; firstHash?: string }): Promise<AnchorStatement | undefined> {
  for (const { anchor } of await store.list()) {
    if (anchor.signature.keyId !== key.keyId || anchor.signature.publicKey !== key.publicKey) continue;
    if (!sameLog(anchor.statement, identity)) continue;
    if (!verifyText(anchorSigningText(anchor.statement), anchor.signature.value, key.publicKey)) continue;
    return anchor.statement;
  }
  return undefined;
}

export interface AnchorSchedule {
  /** Anchors once more if anything was appended since the last anchor, and stops. */
  close(): Promise<void>;
}

/**
 * A writer's schedule: an anchor every `every` records and at a clean shutdown, signed by the
 * operator key `keyName` when the key store has it (without one there is nothing to sign with, and
 * the schedule does nothing). Failing to anchor is logged, never fatal.
 */
export async function startAnchorSchedule(options: {
  log: EventLog; keys: KeyStore; dataDir: string; clock: Clock; logger: Logger; onChange(listener: () => void): () => void;
  every?: number; keyName?: string;
  /** Anchor at close when anything was appended since the last anchor (long-running writers). */
  onClose?: boolean;
}): Promise<AnchorSchedule | undefined> {
  const { log, logger } = options;
  const every = options.every ?? DEFAULT_ANCHOR_EVERY;
  if (every <= 0) return undefined;
  let key: SigningKey;
  try {
    key = await loadAnchorKey(options.keys, options.keyName ?? DEFAULT_ANCHOR_KEY);
  } catch {
    logger.debug({ key: options.keyName ?? DEFAULT_ANCHOR_KEY }, "no operator key: the log is not anchored on a schedule");
    return undefined;
  }
  let last = await newestOwn(anchorStore(anchorsDir(options.dataDir)), key, await log.identity()).catch(() => undefined);
  let running: Promise<void> | undefined;
  let closed = false;
  const anchor = (): Promise<void> => {
    running ??= (async () => {
      try {
        const result = await anchorNow(log, key, { dataDir: options.dataDir, clock: options.clock, ...(last ? { previous: last } : {}) });
        last = result.anchor.statement;
        logger.debug({ seq: last.seq, file: result.file }, "anchored the log");
      } catch (err) {
        // Not again before another `every` records: a log that no longer matches stays so.
        retryAt = lastKnown + every;
        logger.warn({ err }, "could not anchor the event log (capsmith audit anchor tells why)");
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  let lastKnown = await log.lastSeq();
  let retryAt = 0;
  const check = (): void => {
    if (closed || running) return;
    void log.lastSeq().then((seq) => {
      lastKnown = seq;
      if (seq - (last?.seq ?? 0) >= every && seq >= retryAt && !closed) void anchor();
    }, () => undefined);
  };
  const stop = options.onChange(check);
  return {
    async close() {
      closed = true;
      stop();
      await running;
      const seq = await log.lastSeq().catch(() => lastKnown);
      if (options.onClose && seq > (last?.seq ?? 0)) await anchor();
    },
  };
}

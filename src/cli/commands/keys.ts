import { readFile, writeFile } from "node:fs/promises";
import { Option } from "commander";
import type { Command } from "commander";
import { subjectFor } from "../../events/index.ts";
import type { EventLog } from "../../events/index.ts";
import { HubError } from "../../hub/errors.ts";
import { KEY_NAME, KEY_ROLES, parsePublicKeyFile, publicKeyFileText } from "../../hub/keys.ts";
import type { KeyRole, PublicKeyInfo } from "../../hub/keys.ts";
import { openKeyStore } from "../../hub/keys-store.ts";
import { DATA_DIR_ROLES } from "../../hub/role-keys.ts";
import { action } from "../command-kit.ts";
import type { CommandResult } from "../command-kit.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { withCapsmith, withReader } from "../capsmith-access.ts";
import { requireWritableDataDir } from "../data-dir.ts";
import { registerKeysRoles } from "./keys-roles.ts";
import { SUMMARIES } from "./summaries.ts";

const roleOption = (description: string): Option => new Option("--role <role>", description).choices(KEY_ROLES);

export function registerKeys(program: Command): void {
  const keys = program.command("keys").description(SUMMARIES.keys);
  registerKeysRoles(keys);

  keys
    .command("generate")
    .description("create a signing key in <data>/keys/NAME.json (mode 0600)")
    .argument("<name>", "the key's name (letters, digits, _ -)")
    .addOption(roleOption("what the key signs for").default("publisher"))
    .option("--trust", "also trust it on this hub (appends KeyTrusted)", false)
    .action(
      action(async (ctx, name: string, opts: { role: KeyRole; trust: boolean }) => {
        assertName(name);
        // Without --trust it writes <data>/keys directly: never through a file or into someone else's directory.
        await requireWritableDataDir(ctx.config);
        const store = openKeyStore(ctx.config.dataDir);
        const generate = () => bad(() => store.generate(name, opts.role).catch((err: unknown) => Promise.reject(roleKeyTaken(err, name, store.dir))));
        if (!opts.trust) {
          const key = await generate();
          return { json: { ok: true, name, role: key.role, keyId: key.keyId, file: `${store.dir}/${name}.json`, trusted: false }, text: `generated ${opts.role} key ${name} (${key.keyId})` };
        }
        // Open the log first: if it is locked or unreachable, no key file is left behind.
        return withCapsmith(ctx, {}, async ({ log }) => {
          const key = await generate();
          try {
            const seq = await appendTrusted(log, key);
            return { json: { ok: true, name, role: key.role, keyId: key.keyId, file: `${store.dir}/${name}.json`, trusted: true, seq }, text: `generated and trusted ${opts.role} key ${name} (${key.keyId}) at seq ${seq}` };
          } catch (err) {
            await store.remove(name);
            throw err;
          }
        });
      }),
    );

  keys
    .command("list")
    .description("local keys and the keys this hub trusts (revoked ones flagged)")
    .action(
      action(async (ctx) => {
        const local = await openKeyStore(ctx.config.dataDir).list();
        const state = await withReader(ctx, ({ readModel }) => readModel.state("keys"));
        const trusted = Object.entries(state.keys)
          .map(([keyId, k]) => ({ keyId, ...k, local: local.some((l) => l.keyId === keyId) }))
          .sort((a, b) => a.trustedSeq - b.trustedSeq);
        const localOut = local.map((k) => ({ name: k.name, role: k.role, keyId: k.keyId, trusted: Object.hasOwn(state.keys, k.keyId), revoked: state.keys[k.keyId]?.revoked ?? false }));
        const lines = [
          "local keys:",
          ...(localOut.length ? localOut.map((k) => `  ${k.keyId}  ${k.name} (${k.role})${k.revoked ? "  REVOKED" : k.trusted ? "  trusted" : ""}`) : ["  (none)"]),
          "trusted keys:",
          ...(trusted.length ? trusted.map((k) => `  ${k.keyId}  ${k.name} (${k.role})${k.revoked ? `  REVOKED: ${k.revokedReason ?? ""}` : ""}`) : ["  (none)"]),
        ];
        return { json: { ok: true, local: localOut, trusted }, text: lines.join("\n") };
      }),
    );

  keys
    .command("trust")
    .description("trust a public key on this hub (appends KeyTrusted)")
    .argument("[name]", "a local key, by name")
    .option("--public-key <file>", "a public-key file (capsmith keys export) or an Ed25519 PEM public key")
    .option("--name <name>", "the name to trust it under (required for a PEM file)")
    .addOption(roleOption("what it is trusted for (default: the key's own role)"))
    .action(
      action(async (ctx, localName: string | undefined, opts: { publicKey?: string; name?: string; role?: KeyRole }) => {
        if ((localName === undefined) === (opts.publicKey === undefined)) {
          throw new UsageError("usage", "give exactly one of a local key NAME and --public-key FILE", { nextStep: "e.g. capsmith keys trust release, or capsmith keys trust --public-key release.pub.json --name acme_release." });
        }
        if (opts.name !== undefined) assertName(opts.name);
        const key = localName !== undefined ? await localPublic(ctx.config.dataDir, localName, opts) : await filePublic(opts.publicKey!, opts);
        return withCapsmith(ctx, {}, async ({ log, readModel }) => {
          const existing = (await readModel.state("keys")).keys[key.keyId];
          if (existing?.revoked) {
            throw new HubError("key_revoked", `key ${key.keyId} (${existing.name}) was revoked at seq ${existing.revokedSeq} and cannot be trusted again`, { nextStep: "Have its owner generate a new key." });
          }
          if (existing && existing.name === key.name && existing.role === key.role) {
            return { json: { ok: true, keyId: key.keyId, name: key.name, role: key.role, alreadyTrusted: true, seq: existing.trustedSeq }, text: `key ${key.keyId} (${key.name}) is already trusted as ${key.role}` };
          }
          const seq = await appendTrusted(log, key);
          return { json: { ok: true, keyId: key.keyId, name: key.name, role: key.role, alreadyTrusted: false, seq }, text: `trusted ${key.role} key ${key.keyId} (${key.name}) at seq ${seq}` };
        });
      }),
    );

  keys
    .command("revoke")
    .description("revoke a trusted key for good (appends KeyRevoked)")
    .argument("<keyId>", "16 hex digits, as keys list shows")
    .requiredOption("--reason <text>", "why (kept in the audit trail)")
    .action(
      action(async (ctx, keyId: string, opts: { reason: string }) => {
        if (!/^[0-9a-f]{16}$/.test(keyId)) throw new UsageError("usage", `"${keyId}" is not a key id`, { nextStep: "Key ids are 16 hex digits; see capsmith keys list." });
        if (opts.reason.trim() === "") throw new UsageError("usage", "the reason is empty", { nextStep: 'Say why, e.g. --reason "laptop stolen".' });
        return withCapsmith(ctx, {}, async ({ log, readModel }): Promise<CommandResult> => {
          const existing = (await readModel.state("keys")).keys[keyId];
          if (!existing) throw new UsageError("usage", `this hub does not trust a key ${keyId}`, { nextStep: "See the trusted keys with capsmith keys list." });
          if (existing.revoked) return { json: { ok: true, keyId, alreadyRevoked: true, seq: existing.revokedSeq }, text: `key ${keyId} (${existing.name}) was already revoked at seq ${existing.revokedSeq}` };
          const subject = subjectFor("key", keyId);
          const head = await log.subjectHead(subject);
          const result = await log.append([{ type: "KeyRevoked", subject, data: { keyId, reason: opts.reason } }], { expectedSubjectSeq: head?.seq ?? 0 });
          return { json: { ok: true, keyId, alreadyRevoked: false, seq: result.seq }, text: `revoked key ${keyId} (${existing.name}) at seq ${result.seq}` };
        });
      }),
    );

  keys
    .command("export")
    .description("write a key's public half, for another hub to trust")
    .argument("<name>", "a local key")
    .requiredOption("-o, --out <file>", "where to write the public-key file")
    .action(
      action(async (ctx, name: string, opts: { out: string }) => {
        assertName(name);
        const key = await bad(() => openKeyStore(ctx.config.dataDir).load(name));
        try {
          await writeFile(opts.out, publicKeyFileText(key));
        } catch (cause) {
          throw new UsageError("invalid_input", `cannot write ${opts.out}: ${(cause as Error).message}`, { cause, nextStep: "Choose a writable path for -o." });
        }
        return { json: { ok: true, name, role: key.role, keyId: key.keyId, file: opts.out }, text: `wrote the public key of ${name} (${key.keyId}) to ${opts.out}` };
      }),
    );
}

async function appendTrusted(log: EventLog, key: PublicKeyInfo): Promise<number> {
  const subject = subjectFor("key", key.keyId);
  const head = await log.subjectHead(subject);
  const result = await log.append(
    [{ type: "KeyTrusted", subject, data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }],
    { expectedSubjectSeq: head?.seq ?? 0 },
  );
  return result.seq;
}

async function localPublic(data: string, name: string, opts: { name?: string; role?: KeyRole }): Promise<PublicKeyInfo> {
  assertName(name);
  const key = await bad(() => openKeyStore(data).load(name));
  return { name: opts.name ?? key.name, role: opts.role ?? key.role, keyId: key.keyId, publicKey: key.publicKey };
}

async function filePublic(file: string, opts: { name?: string; role?: KeyRole }): Promise<PublicKeyInfo> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new UsageError("file_not_found", `cannot read the public key ${file}`, { cause, nextStep: "Check the path given with --public-key." });
  }
  const parsed = await bad(async () => parsePublicKeyFile(text, file));
  const name = opts.name ?? parsed.name;
  const role = opts.role ?? parsed.role;
  if (name === undefined) throw new UsageError("usage", `${file} does not name its key`, { nextStep: "Add --name NAME." });
  if (role === undefined) throw new UsageError("usage", `${file} does not say what the key is for`, { nextStep: `Add --role ROLE (${KEY_ROLES.join(", ")}).` });
  return { name, role, keyId: parsed.keyId, publicKey: parsed.publicKey };
}

/**
 * A data directory that requires signed events (every new embedded one) holds a key per role under
 * the role's own name, made by its first writing command: `keys generate operator` then meets that
 * key. Say so, and what to do, rather than a bare "already exists".
 */
function roleKeyTaken(err: unknown, name: string, dir: string): unknown {
  if (!(err instanceof HubError) || err.code !== "key_exists" || !DATA_DIR_ROLES.includes(name as KeyRole)) return err;
  return new HubError("key_exists", `a key named ${name} already exists in ${dir}: ${name} is a role key's name, and a data directory that requires signed events (every new one) makes and trusts one key per role on its first writing command`, {
    cause: err,
    nextStep: `It already signs as ${name}: use it (capsmith keys export ${name} -o FILE), or generate a key under another name (capsmith keys generate ${name}_2 --role ${name}).`,
  });
}

function assertName(name: string): void {
  if (!KEY_NAME.test(name)) throw new UsageError("usage", `"${name}" is not a key name`, { nextStep: "Name keys with letters, digits, _ and - (at most 64), e.g. release_2026." });
}

/** Key problems caused by what the person named (missing, damaged, taken) are usage errors: exit 2. */
async function bad<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof HubError && (err.code === "key_not_found" || err.code === "key_exists" || err.code === "invalid_key")) {
      throw asUsageError(err);
    }
    throw err;
  }
}

/**
 * `capsmith keys roles --out DIR`: what a locked-down deployment hands each machine. One Ed25519 key
 * per role in DIR/<role>/keys/<role>.json (so DIR/<role> serves as that role's --data directory), the
 * public halves in DIR/public/, and a NATS password per role in DIR/nats.env for the sample server
 * config (deploy/nats/accounts.conf). It prints the steps that make the keys count: the operator
 * trusts its own key first (self-signed), then every role's public key, signing each KeyTrusted.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { openKeyStore, publicKeyFileText } from "../../hub/index.ts";
import type { KeyRole } from "../../hub/index.ts";
import { action } from "../command-kit.ts";
import { requireWritableRoleDirs } from "../data-dir.ts";
import { UsageError } from "../errors.ts";
import { requireRoleOutputsFree } from "../role-outputs.ts";

/** The roles with their own NATS user and signing key. */
export const DEPLOY_ROLES: readonly KeyRole[] = ["operator", "governor", "synthesizer", "tester", "runner", "gap", "slo"];

export function registerKeysRoles(keys: Command): void {
  keys
    .command("roles")
    .description("generate one signing key and one NATS password per role, for daemons across machines")
    .requiredOption("--out <dir>", "where to write DIR/<role>/keys, DIR/public and DIR/nats.env")
    .action(
      action(async (_ctx, opts: { out: string }) => {
        const out = resolve(opts.out);
        // Each DIR/<role> becomes that role's data directory: someone else's folder there is refused, and
        // so is a role key already there (never overwritten), before any key is made.
        await requireWritableRoleDirs(out, DEPLOY_ROLES);
        for (const role of DEPLOY_ROLES) {
          const existing = join(out, role, "keys", `${role}.json`);
          if (await exists(existing)) {
            throw new UsageError("invalid_input", `cannot make the ${role} key in ${join(out, role)}: ${existing} is already there`, {
              nextStep: "Use an empty --out directory: role keys are never overwritten.",
            });
          }
        }
        // DIR/public and DIR/nats.env are written too: a user's files of those names are refused, before any key is made.
        await requireRoleOutputsFree(out, DEPLOY_ROLES);
        const made: { role: KeyRole; keyId: string; dataDir: string; publicKey: string }[] = [];
        for (const role of DEPLOY_ROLES) {
          let key;
          try {
            key = await openKeyStore(join(out, role)).generate(role, role);
          } catch (cause) {
            throw new UsageError("invalid_input", `cannot make the ${role} key in ${join(out, role)}: ${(cause as Error).message}`, {
              cause,
              nextStep: "Use an empty --out directory: role keys are never overwritten.",
            });
          }
          await mkdir(join(out, "public"), { recursive: true });
          const publicKey = join(out, "public", `${role}.json`);
          await writeFile(publicKey, publicKeyFileText(key));
          made.push({ role, keyId: key.keyId, dataDir: join(out, role), publicKey });
        }
        // Letters and hex only: nats-server parses an environment value as config (a leading digit reads as a number).
        const passwords = [...DEPLOY_ROLES, "sys"].map((role) => `CAPSMITH_NATS_${role.toUpperCase()}_PASS=pw${randomBytes(16).toString("hex")}`);
        const env = join(out, "nats.env");
        await writeFile(env, passwords.join("\n") + "\n", { mode: 0o600 });
        const op = `CAPSMITH_SIGN_KEY=operator capsmith --data ${join(out, "operator")} --nats nats://operator:$CAPSMITH_NATS_OPERATOR_PASS@HOST:4222`;
        const steps = [
          `${op} keys trust operator`,
          ...made.filter((m) => m.role !== "operator").map((m) => `${op} keys trust --public-key ${m.publicKey}`),
        ];
        const text = [
          `generated ${made.length} role keys in ${out}:`,
          ...made.map((m) => `  ${m.role.padEnd(12)} ${m.keyId}  (--data ${m.dataDir})`),
          `NATS passwords: ${env} (start nats-server with these in its environment)`,
          "then trust the keys, as the operator (the first KeyTrusted is the operator's own, self-signed):",
          ...steps.map((s) => `  ${s}`),
          "and run each role with its key: CAPSMITH_SIGN_KEY=<role> capsmith --data DIR/<role> --nats nats://<role>:<pass>@HOST1,... daemon --role <role> --policy POLICY (requireSignedEvents: true)",
        ].join("\n");
        return { json: { ok: true, dir: out, keys: made, natsEnv: env, steps }, text };
      }),
    );
}

const exists = (path: string): Promise<boolean> => lstat(path).then(() => true, () => false);

/**
 * The setting both attacks on the trust-downgrade approval share (attack-downgrade.test.ts,
 * attack-downgrade2.test.ts): a fresh data directory with trusted publisher and operator keys,
 * word_count@1.0.0 signed by the publisher and active, and two unsigned 1.1.0 packages — the honest
 * one and the attacker's — plus what a stolen role key can append to the embedded log.
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { openFileLog } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { openKeyStore, signHash } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { runCli } from "../support/run-cli.ts";
import type { CliRun } from "../support/run-cli.ts";

export const EXAMPLES = join(import.meta.dirname, "../../examples/plugins/word_count");
export const ID = "word_count@1.1.0";
/**
 * What the attacker wants running: the same id, other code. It passes every golden case (so the
 * health check lets it in) and answers 42 for one trigger word: a backdoor.
 */
export const EVIL_CODE = "export default function (input) {\n  if (input.text.includes(\"xyzzy\")) return 42;\n  const runs = input.text.match(/\\S+/g);\n  return runs === null ? 0 : runs.length;\n}\n";

export interface Package extends Record<string, unknown> {
  code: string;
  manifest: Record<string, unknown>;
  spec: Record<string, unknown>;
}

export interface Hub {
  dir: string;
  data: string;
  cli: (...args: string[]) => Promise<CliRun>;
  /** The publisher-signed 1.0.0, the honest unsigned 1.1.0, and the attacker's unsigned 1.1.0. */
  signed: string;
  honest: string;
  evil: string;
}

/** A fresh hub with trusted publisher and operator keys (and the role keys every new data directory makes) and the signed 1.0.0 active. */
export async function openHub(prefix: string): Promise<Hub> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const data = join(dir, "data");
  const cli = (...args: string[]) => runCli(["--data", data, ...args]);
  const hub: Hub = { dir, data, cli, signed: join(dir, "wc-1.0.0.json"), honest: join(dir, "wc-1.1.0.json"), evil: join(dir, "wc-1.1.0-evil.json") };
  await ok(hub, "keys", "generate", "pub", "--role", "publisher", "--trust");
  await ok(hub, "keys", "generate", "op", "--role", "operator", "--trust");
  await ok(hub, "plugin", "pack", join(EXAMPLES, "1.0.0"), "--sign", "pub", "-o", hub.signed);
  await ok(hub, "plugin", "install", hub.signed);
  await ok(hub, "plugin", "pack", join(EXAMPLES, "1.1.0"), "-o", hub.honest);
  await cp(join(EXAMPLES, "1.1.0"), join(dir, "evil"), { recursive: true });
  await writeFile(join(dir, "evil", "plugin.js"), EVIL_CODE);
  await ok(hub, "plugin", "pack", join(dir, "evil"), "-o", hub.evil);
  return hub;
}

export async function ok(hub: Hub, ...args: string[]): Promise<CliRun> {
  const run = await hub.cli(...args);
  expect(run.code, `${args.join(" ")}\n${run.stdout}${run.stderr}`).toBe(0);
  return run;
}

export async function expectRefused(hub: Hub, file: string): Promise<void> {
  const run = await hub.cli("plugin", "install", file);
  expect(run.code, run.stdout).toBe(1);
  expect(run.stdout).toContain("trust_downgrade");
  expect(run.stdout).toContain("active now: word_count@1.0.0");
}

export async function expectInstalls(hub: Hub, file: string): Promise<void> {
  const run = await hub.cli("plugin", "install", file);
  expect(run.stdout, `${run.stdout}${run.stderr}`).toContain(`updated to ${ID}`);
}

export async function readPackage(file: string): Promise<Package> {
  return JSON.parse(await readFile(file, "utf8")) as Package;
}

/**
 * Events appended to the embedded log, signed by a data-directory role key an attacker stole
 * (`keyRole`), labelled with `actor` (by default that role).
 */
export async function forge(hub: Hub, keyRole: string, events: NewEvent[], actor = keyRole): Promise<void> {
  const stolen = await openKeyStore(hub.data).load(keyRole);
  const log = await openFileLog({ dir: hub.data, clock: systemClock, newId: uuidIds, actor, sign: (hash) => signHash(hash, stolen) });
  try {
    for (const event of events) await log.append([event]);
  } finally {
    await log.close();
  }
}

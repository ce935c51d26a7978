/**
 * Text a plugin or a token's label controls, with terminal escapes in it (a title change, a screen
 * clear, a hyperlink), reaching the terminal through the CLI that sits beside `capsmith serve`:
 * `tokens list` (labels) and `invoke` (a plugin's output). Each
 * must show the escape, never hand it to the terminal raw. (Guard: these held when tried.)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/events/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { openTokenStore } from "../../src/serve/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import { runCli } from "../support/run-cli.ts";

const ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\u009b31m";
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

let dir: string;

function echoPackage(): PluginPackage {
  const code = "export default function (input) { return input.s; }\n";
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: "echo_esc@1.0.0", capability: "echo_esc", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 2_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability: "echo_esc", description: `echo ${ESCAPES}`,
      inputSchema: { type: "object", properties: { s: { type: "string" } }, required: ["s"] }, outputSchema: { type: "string" },
      constraints: ["deterministic"], examples: [{ input: { s: "a" }, output: "a" }],
    },
  } as PluginPackage;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-escapes-"));
  const capsmith = await openTestCapsmith({ dir, roles: [] });
  try {
    expect(await capsmith.runtime.hub.install(echoPackage(), { source: "test" })).toMatchObject({ ok: true });
  } finally {
    await capsmith.close();
  }
  await openTokenStore(dir).create("viewer", `label ${ESCAPES}`);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("terminal escapes from plugins and labels", () => {
  const runs: [string, string[]][] = [
    ["tokens list", ["tokens", "list"]],
    ["invoke", ["invoke", "echo_esc", "--input", JSON.stringify({ s: ESCAPES })]],
  ];
  for (const [name, args] of runs) {
    it(`${name} shows the escapes without sending them raw`, async () => {
      const run = await runCli(["--data", dir, ...args]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(RAW);
      expect(run.stderr).not.toMatch(RAW);
      // The text itself is shown (so this checks what reached the terminal, not an empty page).
      expect(run.stdout).toContain("pwned");
    }, 60_000);
  }
});

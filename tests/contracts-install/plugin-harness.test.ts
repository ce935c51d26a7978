/**
 * `capsmith plugin harness`: every plugin in the hub goes through install → configure → execute →
 * update → rollback → uninstall in a scratch hub of its own, with a failure injected at every
 * install phase, and the compatibility matrix is written as JSON and markdown. The user's hub is
 * only read: its log does not grow.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { INSTALL_PHASES } from "../../projections/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

interface Report {
  ok: boolean;
  plugins: { pluginId: string; ok: boolean; checks: { step: string; ok: boolean; detail: string }[] }[];
  matrix: { plugin: string; version: string; host: string; api: string; compatible: boolean }[];
  files: { json: string; markdown: string };
}

it("runs every plugin of the hub through the lifecycle with injected failures, writes the matrix, and leaves the hub alone", async () => {
  capsmith = await openTestCapsmith({ roles: [] });
  const { hub } = capsmith.runtime;
  expect((await hub.install(makePackage("1.0.0"), { source: "test" })).ok).toBe(true);
  expect((await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" })).ok).toBe(true);
  const dir = capsmith.dir;
  const before = await capsmith.log.lastSeq();
  await capsmith.close();

  const out = join(dir, "report");
  const run = await runCli(["--data", dir, "--json", "plugin", "harness", "--out", out], { timeoutMs: 180_000 });
  expect(run.code).toBe(0);
  const report = run.json<Report>();
  expect(report.ok).toBe(true);
  expect(report.plugins.map((p) => p.pluginId)).toEqual(["double_it@1.0.0", "double_it@1.1.0"]);
  for (const p of report.plugins) {
    expect(p.checks.map((c) => c.step)).toEqual(["install", "configure", "execute", "update", "rollback", ...INSTALL_PHASES.map((ph) => `fault:${ph}`), "uninstall"]);
    expect(p.checks.filter((c) => !c.ok)).toEqual([]);
  }
  // 2 plugin versions × 3 host versions × 2 API versions; only this host's major with the known API fits.
  expect(report.matrix).toHaveLength(12);
  expect(report.matrix.filter((m) => m.compatible).map((m) => `${m.version} ${m.api}`)).toEqual(expect.arrayContaining(["1.0.0 capsmith.plugin/v1", "1.1.0 capsmith.plugin/v1"]));
  expect(report.matrix.some((m) => m.api === "capsmith.plugin/v2" && m.compatible)).toBe(false);
  expect(JSON.parse(await readFile(join(out, "compat-matrix.json"), "utf8"))).toMatchObject({ ok: true });
  expect(await readFile(join(out, "compat-matrix.md"), "utf8")).toContain("| double_it | 1.1.0 |");

  // One plugin by id; an unknown one is an error.
  const one = await runCli(["--data", dir, "--json", "plugin", "harness", "double_it@1.0.0", "--out", out], { timeoutMs: 120_000 });
  expect(one.json<Report>().plugins.map((p) => p.pluginId)).toEqual(["double_it@1.0.0"]);
  const unknown = await runCli(["--data", dir, "--json", "plugin", "harness", "nope@1.0.0"]);
  expect(unknown.code).not.toBe(0);
  expect(unknown.json()).toMatchObject({ ok: false, error: { code: "unknown_plugin" } });

  capsmith = await openTestCapsmith({ dir, roles: [] });
  expect(await capsmith.log.lastSeq()).toBe(before);
  await capsmith.dispose();
  capsmith = undefined;
  await rm(dir, { recursive: true, force: true });
}, 300_000);

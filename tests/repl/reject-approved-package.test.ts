/**
 * `/reject` withdraws an operator's approval of a package not installed yet (given with
 * `plugin approve --package`), as `capsmith plugin reject` does: both ask `rejectionTarget`. Before,
 * the REPL knew only held and installed plugins and answered `unknown_plugin`, so an approval given
 * by mistake could not be taken back there.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { approvePlugin, packageDigest } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { reject } from "../../src/repl/commands/reject.ts";
import { operatorKey } from "../../src/repl/core/approval.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { openHarness } from "./harness.ts";
import type { Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/reject ID withdraws the approvals of a package approved ahead of its install", async () => {
  const pkg = makePackage("1.0.0");
  // A trusted operator key, made as the REPL offers to make one.
  const operator = (await operatorKey(h.ctx(["y"]))) as SigningKey;
  const digest = packageDigest(pkg.manifest as unknown as Record<string, unknown>, { spec: pkg.spec, testReport: undefined });
  await approvePlugin(h.log, h.readModel, { pluginId: "double_it@1.0.0", checksum: digest, pending: false }, operator);
  expect((await h.readModel.state("hub")).pendingApprovals["double_it@1.0.0"]).toHaveLength(1);

  const result = await reject.run(h.ctx(), "double_it@1.0.0 approved the wrong file");
  expect(result).toMatchObject({ type: "message", text: expect.stringContaining("rejected double_it@1.0.0") });
  expect((await h.readModel.state("hub")).pendingApprovals["double_it@1.0.0"]).toBeUndefined();
  // Only the approval went: nothing was installed.
  expect((await h.readModel.state("hub")).plugins["double_it@1.0.0"]).toBeUndefined();
});

it("/reject still says when nothing by that name is held, installed or approved", async () => {
  await expect(reject.run(h.ctx(), "nothing@1.0.0 why")).rejects.toMatchObject({ code: "unknown_plugin", nextStep: expect.any(String) });
});

/**
 * Package size limits from policy: a package, spec or example list over them is refused with
 * `package_too_large` before the install writes anything to the log; one within them installs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, policySchema } from "../../src/hub/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { makePackage } from "../support/plugin-packages.ts";
import type { PluginPackage } from "../../src/hub/index.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

const withCode = (code: string): PluginPackage => makePackage("1.0.0", code);

describe("package limits", () => {
  it("have defaults, and a policy can set them", () => {
    expect(DEFAULT_POLICY.limits).toEqual({ packageBytes: 8 * 1024 * 1024, specBytes: 256 * 1024, examples: 1_000 });
    expect(policySchema.parse({ limits: { packageBytes: 1000 } }).limits).toEqual({ packageBytes: 1000, specBytes: 256 * 1024, examples: 1_000 });
  });

  it("refuse an oversized package, spec or example list before anything is written", async () => {
    const policy = policySchema.parse({ limits: { packageBytes: 20_000, specBytes: 4_000, examples: 20 } });
    capsmith = await openTestCapsmith({ policy });
    const before = await capsmith.log.lastSeq();
    const padding = `// ${"x".repeat(30_000)}\n`;
    const big = withCode(`${padding}export default function (input) { return input.n * 2; }\n`);
    const manyExamples = makePackage("1.0.0");
    const examples = Array.from({ length: 30 }, (_, n) => ({ input: { n }, output: n * 2 }));
    const bigSpec = { ...manyExamples, spec: { ...manyExamples.spec, description: "d".repeat(5_000) } };
    for (const [pkg, key] of [[big, "limits.packageBytes"], [{ ...manyExamples, spec: { ...manyExamples.spec, examples } }, "limits.examples"], [bigSpec, "limits.specBytes"]] as const) {
      await expect(capsmith.runtime.hub.install(pkg, { source: "test" })).rejects.toMatchObject({ code: "package_too_large", details: { policyKey: key } });
    }
    expect(await capsmith.log.lastSeq()).toBe(before);
    const ok = await capsmith.runtime.hub.install(makePackage("1.0.0"), { source: "test" });
    expect(ok.ok).toBe(true);
    expect(await capsmith.log.lastSeq()).toBeGreaterThan(before);
  });
});

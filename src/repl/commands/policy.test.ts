import { expect, it } from "vitest";
import { DEFAULT_POLICY, parsePolicy } from "../../hub/index.ts";
import type { CommandContext } from "../core/types.ts";
import { policy } from "./policy.ts";

it("/policy shows the mode, tiers and what needs approval", async () => {
  const ctx = (p = DEFAULT_POLICY) => ({ services: { policy: p, policySource: "x/policy.json", dataDir: "x" } }) as unknown as CommandContext;
  const shown = await policy.run(ctx(), "");
  expect(shown).toMatchObject({ type: "message", text: expect.stringContaining("mode:              auto") });
  expect((shown as { text: string }).text).toContain("permissions net, llm");
  expect(await policy.run(ctx(parsePolicy({ mode: "dry-run" })), "")).toMatchObject({ text: expect.stringContaining("dry-run (nothing is published)") });
});

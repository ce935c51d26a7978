/**
 * F6: LLM tokens are reserved before a completion starts and what it did not use is released after,
 * so concurrent completions cannot together pass a budget: 32 at once within one call stay within
 * the call's tokens, and concurrent calls within the day's.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { CompletionFn, LlmRequest, PluginHost } from "../../src/sandbox/index.ts";

let host: PluginHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A backend that takes its time and spends every output token it is allowed (the worst case). */
function greedy(granted: number[]): CompletionFn {
  return async (request: LlmRequest) => {
    await new Promise((r) => setTimeout(r, 20));
    const output = request.maxTokens ?? 4_000;
    granted.push(output);
    return { text: "x", usage: { inputTokens: 10, outputTokens: output } };
  };
}

const FAN = `export default async (n, host) => { const r = await Promise.allSettled(Array.from({ length: n }, (_, i) => host.llm.complete({ prompt: "p" + i }))); return r.map((x) => x.status === "fulfilled" ? x.value.usage.inputTokens + x.value.usage.outputTokens : x.reason.code); }`;

describe("llm budgets", () => {
  it("keeps 32 concurrent completions in one call within the call's tokens", async () => {
    const granted: number[] = [];
    host = createPluginHost({ workers: 1, llm: { complete: greedy(granted), budget: { tokensPerCall: 4_000, tokensPerDay: 200_000 } } });
    await host.load({ id: "agent", profile: "agent", code: FAN, limits: { timeoutMs: 5_000 } });
    const r = await host.call("agent", 32, { now: Date.UTC(2025, 0, 1) });
    expect(r.ok).toBe(true);
    const out = (r.ok ? r.output : []) as (number | string)[];
    const spent = out.filter((x): x is number => typeof x === "number").reduce((a, b) => a + b, 0);
    expect(spent).toBeLessThanOrEqual(4_000);
    expect(out.filter((x) => x === "budget_exceeded").length).toBeGreaterThan(0);
  });

  it("keeps concurrent calls within the day's tokens, and releases what a completion did not use", async () => {
    const used: number[] = [];
    const frugal: CompletionFn = async () => {
      await new Promise((r) => setTimeout(r, 20));
      used.push(100);
      return { text: "y", usage: { inputTokens: 50, outputTokens: 50 } };
    };
    host = createPluginHost({ workers: 2, llm: { complete: frugal, budget: { tokensPerCall: 4_000, tokensPerDay: 10_000 } } });
    await host.load({ id: "agent", profile: "agent", code: FAN, limits: { timeoutMs: 5_000 } });
    // 8 concurrent calls of 8 completions each reserve tokens before their completion starts; the
    // reservations, not the (small) spend, are what holds some of them back.
    const day = { now: Date.UTC(2025, 0, 2) };
    const results = await Promise.all(Array.from({ length: 8 }, () => host!.call("agent", 8, day)));
    const spent = results.flatMap((r) => (r.ok ? (r.output as unknown[]) : [])).filter((x): x is number => typeof x === "number").reduce((a, b) => a + b, 0);
    expect(spent).toBeLessThanOrEqual(10_000);
    // What the burst did not use was released: later completions fit in what is left of the day.
    const later = await host.call("agent", 8, day);
    expect(later).toMatchObject({ ok: true, output: Array(8).fill(100) });

    const granted: number[] = [];
    await host.close();
    host = createPluginHost({ workers: 2, llm: { complete: greedy(granted), budget: { tokensPerCall: 4_000, tokensPerDay: 10_000 } } });
    await host.load({ id: "agent", profile: "agent", code: FAN, limits: { timeoutMs: 5_000 } });
    const greedyResults = await Promise.all(Array.from({ length: 8 }, () => host!.call("agent", 8, day)));
    const greedySpent = greedyResults.flatMap((r) => (r.ok ? (r.output as unknown[]) : [])).filter((x): x is number => typeof x === "number").reduce((a, b) => a + b, 0);
    expect(greedySpent).toBeLessThanOrEqual(10_000);
  });

  it("narrows the host's budget to the manifest's llm permission", async () => {
    const granted: number[] = [];
    host = createPluginHost({ workers: 1, llm: { complete: greedy(granted), budget: { tokensPerCall: 4_000 } } });
    await host.load({ id: "agent", profile: "agent", code: FAN, llm: { maxTokensPerCall: 500 } });
    const r = await host.call("agent", 4);
    const spent = ((r.ok ? r.output : []) as unknown[]).filter((x): x is number => typeof x === "number").reduce((a, b) => a + b, 0);
    expect(spent).toBeLessThanOrEqual(500);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { waitForEvent } from "../../agents/index.ts";
import { MAX_QUESTIONS } from "../core/gap-flow.ts";
import { need, parseExample } from "./need.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness({ roles: ["gap", "synthesizer", "tester", "governor"] })));
afterAll(() => h.close());

describe("/need", () => {
  it("reads examples written INPUT => OUTPUT", () => {
    expect(parseExample('{"n": 2} => 4')).toEqual({ input: { n: 2 }, output: 4 });
    expect(parseExample('{"s": "a"} -> "A"')).toEqual({ input: { s: "a" }, output: "A" });
    expect(parseExample("n=2 gives 4")).toBeUndefined();
  });

  it("asks for a description and examples, and the agents publish the capability", async () => {
    const ctx = h.ctx(["twice n", '{"n": 2} => 4', "not an example", '{"n": -3} => -6', '{"n": 0} => 0', ""]);
    const result = await need.run(ctx, "twice");
    expect(result).toMatchObject({ type: "prompt", text: expect.stringContaining("twice@1.0.0 published"), suggestion: '/invoke twice {"n":2}' });
    expect(ctx.asked[0]!.text).toContain("What should twice do?");
    expect(ctx.shown).toContainEqual(expect.objectContaining({ type: "message", text: expect.stringContaining("Not an example") }));
    const plugin = (await h.runtime.hub.state()).plugins["twice@1.0.0"]!;
    expect(plugin.spec).toMatchObject({ inputSchema: { type: "object", properties: { n: { type: "integer" } } }, outputSchema: { type: "integer" } });
    expect(await h.runtime.invoker.invoke(plugin, { n: 21 })).toMatchObject({ ok: true, output: 42 });
  });

  it("stops when the person cancels, and refuses bad names and -p", async () => {
    expect(await need.run(h.ctx(["x", null]), "halve")).toMatchObject({ type: "message", text: expect.stringContaining("Cancelled") });
    expect(await need.run(h.ctx(), "Bad-Name")).toMatchObject({ type: "error", code: "usage" });
    expect(await need.run(h.ctx([], { interactive: false }), "halve")).toMatchObject({ type: "error", code: "needs_person" });
  });
});

describe("/need when the examples leave the program open", () => {
  // qty and price order both examples alike: "sort by qty", "sort by price" and "sort by qty * price" all fit.
  const examples = [
    '{"items": [{"name": "a", "qty": 1, "price": 2}, {"name": "b", "qty": 5, "price": 3}]} => ["b", "a"]',
    '{"items": [{"name": "c", "qty": 4, "price": 10}, {"name": "d", "qty": 2, "price": 1}, {"name": "e", "qty": 3, "price": 4}]} => ["c", "e", "d"]',
  ];
  type Item = { name: string; qty: number; price: number };
  const inputOf = (text: string): { items: Item[] } => JSON.parse(/give for (.*)\? \(JSON/.exec(text)![1]!) as { items: Item[] };
  const byValue = (input: { items: Item[] }): string[] => [...input.items].sort((p, q) => q.qty * q.price - p.qty * p.price).map((i) => i.name);

  it("asks for the output of an input the readings disagree on, and goes on with the answer as an example", async () => {
    const answer = (q: { text: string }): string => JSON.stringify(byValue(inputOf(q.text)));
    const ctx = h.ctx(["item names, most valuable stock first", ...examples, "", ...Array.from({ length: MAX_QUESTIONS }, () => answer)]);
    const result = await need.run(ctx, "by_value");
    const questions = ctx.asked.filter((q) => q.text.startsWith("What should by_value give for"));
    expect(questions.length).toBeGreaterThan(0);
    expect(ctx.shown).toContainEqual(expect.objectContaining({ tone: "warning", text: expect.stringContaining("The examples leave by_value open") }));
    expect(result).toMatchObject({ type: "prompt", text: expect.stringContaining("published") });
    const state = await h.runtime.hub.state();
    const plugin = Object.values(state.plugins).find((p) => p.capability === "by_value" && p.status === "active")!;
    // Every answer became an example: the published plugin reproduces each of them.
    for (const q of questions) {
      const input = inputOf(q.text);
      expect(await h.runtime.invoker.invoke(plugin, input)).toMatchObject({ ok: true, output: byValue(input) });
    }
    // Each answered example records the outputs offered with its question (the placeholder's readings).
    const answered = (plugin.spec["examples"] as { input: unknown; offered?: unknown[] }[]).slice(examples.length);
    expect(answered).toHaveLength(questions.length);
    for (const [i, q] of questions.entries()) expect(answered[i]!.offered).toEqual(q.placeholder!.split("  or  ").map((r) => JSON.parse(r) as unknown));
  }, 180_000);

  it("publishes nothing when the person cancels the question", async () => {
    const ctx = h.ctx(["item names, most valuable stock first", ...examples, "", null]);
    const result = await need.run(ctx, "by_value_cancelled");
    expect(result).toMatchObject({ type: "message", text: expect.stringContaining("nothing was published") });
    const state = await h.runtime.hub.state();
    expect(Object.values(state.plugins).some((p) => p.capability === "by_value_cancelled")).toBe(false);
  });
});

describe("/need when the person presses Ctrl-C while the agents search", () => {
  it("stops the search at once: the gap closes as cancelled, not when the budget runs out", async () => {
    const controller = new AbortController();
    // No program maps these: the search would use its whole budget.
    const ctx = h.ctx(["unrelated words", '{"n": 1} => "qzx"', '{"n": 2} => "plm"', '{"n": 3} => "wer"', '{"n": 4} => "tyu"', ""], { signal: controller.signal });
    const from = await h.log.lastSeq();
    const run = need.run(ctx, "noise_words");
    // Press Ctrl-C once the synthesizer has the gap.
    await waitForEvent(h.readModel, "capsmith.evt.gap.noise_words", from, (e) => e.type === "CapabilityGapDetected", { timeoutMs: 60_000 });
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: "cancelled" });
    const closed = await waitForEvent(h.readModel, "capsmith.evt.gap.noise_words", from, (e) => e.type === "GapClosed", { timeoutMs: 60_000 });
    expect(closed.data).toMatchObject({ outcome: "cancelled", ok: false });
  }, 120_000);
});

/**
 * Leave-one-out folds share the check's time (leave-one-out.ts `folds`). A fold's search spends a
 * share of whatever time it is given on parts that cannot fit, so when each fold could take all the
 * time left, the first took half of it, the later folds found nothing in what remained, and each
 * answer the person gave added one more fold that missed: sorting "by value" asked for confirmation
 * after confirmation and was never published (found by the /need test on a quiet machine).
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { answeredPlugin } from "./answered.ts";
import { byValue } from "./fixtures.ts";

type Item = { name: string; qty: number; price: number };
const mostValuable = (input: { items: Item[] }): string[] => [...input.items].sort((p, q) => q.qty * q.price - p.qty * p.price).map((i) => i.name);

describe("leave-one-out folds share the time", () => {
  it("settles on sorting by qty * price once the person has answered the questions", async () => {
    const { run } = await answeredPlugin(createExampleBackend(), byValue, mostValuable, { offered: true });
    const unseen = { items: [{ name: "p", qty: 2, price: 9 }, { name: "q", qty: 7, price: 2 }, { name: "r", qty: 1, price: 20 }, { name: "s", qty: 3, price: 3 }] };
    expect(run(unseen)).toEqual(["r", "p", "q", "s"]);
  }, 180_000);
});

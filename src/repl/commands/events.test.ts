import { afterAll, beforeAll, expect, it } from "vitest";
import { openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { events } from "./events.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/events shows recent events, follows new ones live, and stops on Ctrl-C", async () => {
  await h.log.append([{ type: "OperatorNote", subject: "capsmith.evt.note.a", data: { text: "before" } }]);
  const controller = new AbortController();
  const ctx = h.ctx([], { signal: controller.signal });
  const following = events.run(ctx, "");
  await h.log.append([{ type: "OperatorNote", subject: "capsmith.evt.note.a", data: { text: "while following" } }]);
  for (let i = 0; i < 100 && !ctx.lines.some((l) => l.includes("while following")); i++) await new Promise((r) => setTimeout(r, 50));
  controller.abort();
  expect(await following).toMatchObject({ type: "message", text: expect.stringContaining("stopped following") });
  expect(ctx.lines.filter((l) => l.includes("OperatorNote"))).toHaveLength(2);
});

it("/events refuses a bad filter", async () => {
  await expect(events.run(h.ctx(), "not a filter")).rejects.toMatchObject({ code: "invalid_subject" });
});

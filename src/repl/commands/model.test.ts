import { describe, expect, it } from "vitest";
import type { CommandContext } from "../core/types.ts";
import { model } from "./model.ts";

const ctx = (llm: boolean) => ({ services: { llmConfigured: llm }, session: { backend: "auto", model: "gpt-4o-mini" } }) as unknown as CommandContext;

describe("/model", () => {
  it("shows the backend gaps use", async () => {
    expect(await model.run(ctx(false), "")).toMatchObject({ type: "message", text: expect.stringContaining("gaps use example") });
  });
  it("switches backend and model", async () => {
    const c = ctx(true);
    expect(await model.run(c, "llm qwen2.5-coder")).toMatchObject({ type: "message", text: expect.stringContaining("model qwen2.5-coder") });
    expect(c.session).toMatchObject({ backend: "llm", model: "qwen2.5-coder" });
  });
  it("refuses llm when none is configured, and unknown backends", async () => {
    const c = ctx(false);
    expect(await model.run(c, "llm")).toMatchObject({ type: "error", code: "backend_unavailable" });
    expect(c.session.backend).toBe("auto");
    expect(await model.run(c, "gpt")).toMatchObject({ type: "error", code: "usage" });
  });
});

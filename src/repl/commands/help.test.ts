import { describe, expect, it } from "vitest";
import { allCommands } from "./index.ts";
import { help } from "./help.ts";
import type { CommandContext } from "../core/types.ts";

const ctx = { session: { commands: allCommands } } as unknown as CommandContext;

describe("/help", () => {
  it("lists every command with its usage", async () => {
    const result = await help.run(ctx, "");
    expect(result.type).toBe("table");
    if (result.type !== "table") return;
    expect(result.rows.map((r) => r[0]!.split(" ")[0])).toEqual(allCommands.map((c) => `/${c.name}`));
  });
  it("explains one command, and says when there is no such command", async () => {
    expect(await help.run(ctx, "/need")).toMatchObject({ type: "message", text: expect.stringContaining("/need CAPABILITY") });
    expect(await help.run(ctx, "nope")).toMatchObject({ type: "error", code: "unknown_command" });
  });
});

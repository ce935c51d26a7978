import { expect, it } from "vitest";
import type { CommandContext } from "../core/types.ts";
import { quit } from "./quit.ts";

it("/quit answers quit, which ends the session", async () => {
  expect(await quit.run({} as CommandContext, "")).toEqual({ type: "quit" });
});

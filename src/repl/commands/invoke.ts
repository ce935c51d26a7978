import { firstWord } from "../core/registry.ts";
import { jsonArg } from "../core/input.ts";
import type { SlashCommand } from "../core/types.ts";
import { nearMatches } from "../../hub/index.ts";

export const invoke: SlashCommand = {
  name: "invoke",
  usage: "/invoke CAPABILITY JSON",
  summary: "run the active plugin of a capability on an input (inline JSON or a file)",
  args: ["capability", "file"],
  async run(ctx, args) {
    const [capability, rest] = firstWord(args);
    if (!capability || !rest) return { type: "error", code: "usage", message: "give a capability and its input", nextStep: 'e.g. /invoke total_cost {"items": [{"qty": 2, "price": 3}]}' };
    const input = await jsonArg(ctx.services, rest, "the input");
    const { runtime } = ctx.services;
    const hub = await runtime.hub.state();
    const plugin = runtime.invoker.resolve(hub, capability);
    if (!plugin) {
      const near = nearMatches(hub, { capability }).map((m) => m.capability);
      return {
        type: "error", code: "capability_not_found",
        message: `no active plugin provides ${capability}${near.length ? `. Did you mean ${near.join(" or ")}?` : ""}`,
        nextStep: near.length ? `/invoke ${near[0]} JSON, or build ${capability}: /need ${capability}.` : `Build it: /need ${capability} (or /synthesize SPEC.json).`,
      };
    }
    const result = await runtime.invoker.invoke(plugin, input, { correlationId: ctx.session.id });
    if (!result.ok) {
      const e = result.error!;
      // A refused input is the caller's to fix (the next step says how); the plugin never ran.
      return { type: "error", code: e.code, message: result.rejected ? e.message : `${result.pluginId}: ${e.message}`, ...(e.nextStep ? { nextStep: e.nextStep } : {}) };
    }
    const ms = result.usage ? ` in ${result.usage.wallMs.toFixed(1)} ms` : "";
    return { type: "json", title: `${result.pluginId}${ms}:`, value: result.output };
  },
};

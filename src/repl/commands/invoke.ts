import { firstWord } from "../core/registry.ts";
import { jsonArg } from "../core/input.ts";
import type { SlashCommand } from "../core/types.ts";

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
    const plugin = runtime.invoker.resolve(await runtime.hub.state(), capability);
    if (!plugin) return { type: "error", code: "capability_not_found", message: `no active plugin provides ${capability}`, nextStep: `Build it: /need ${capability} (or /synthesize SPEC.json).` };
    const result = await runtime.invoker.invoke(plugin, input, { correlationId: ctx.session.id });
    if (!result.ok) return { type: "error", code: result.error!.code, message: `${result.pluginId}: ${result.error!.message}`, ...(result.error!.nextStep ? { nextStep: result.error!.nextStep } : {}) };
    const ms = result.usage ? ` in ${result.usage.wallMs.toFixed(1)} ms` : "";
    return { type: "json", title: `${result.pluginId}${ms}:`, value: result.output };
  },
};

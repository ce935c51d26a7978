import { SpecError, parseSpecInferringSchemas } from "../../spec/index.ts";
import { closeGap } from "../core/gap-flow.ts";
import { readJson } from "../core/input.ts";
import type { SlashCommand } from "../core/types.ts";

export const synthesize: SlashCommand = {
  name: "synthesize",
  usage: "/synthesize SPEC.json",
  summary: "have the agents build the capability a spec file describes (capsmith help spec-format)",
  args: ["file"],
  async run(ctx, args) {
    const path = args.trim();
    if (!path) return { type: "error", code: "usage", message: "name the spec file", nextStep: "e.g. /synthesize specs/total_cost.json" };
    const value = await readJson(ctx.services, path, "spec file");
    let spec;
    try {
      const parsed = parseSpecInferringSchemas(value);
      spec = parsed.spec;
      if (parsed.inferred.length) ctx.ui.line(`${path} has no ${parsed.inferred.join(" or ")}: inferred from its ${spec.examples.length} examples`);
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      const issues = (err.details?.["issues"] as { path: string; message: string }[] | undefined) ?? [];
      return { type: "error", code: "invalid_spec", message: `${path}: ${err.message}${issues.length > 1 ? `\n${issues.map((i) => `  at ${i.path}: ${i.message}`).join("\n")}` : ""}`, nextStep: err.nextStep ?? "Fix the spec." };
    }
    ctx.ui.line(`asking the agents for ${spec.capability} (${spec.examples.length} examples, ${spec.tests?.length ?? 0} tests)…`);
    return closeGap(ctx, spec);
  },
};

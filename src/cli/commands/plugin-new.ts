/**
 * `capsmith plugin new NAME [--spec FILE] [--dir DIR]`: the hand-written route when synthesis
 * cannot express a capability. Scaffolds a plugin directory that `plugin test`, `plugin pack` and
 * `plugin install` take as it is: the spec (its examples are the golden cases), a manifest, and a
 * code skeleton that lists the examples it must reproduce.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { CAPABILITY_NAME } from "../../hub/index.ts";
import { SpecError, parseSpec } from "../../spec/index.ts";
import type { CapabilitySpec } from "../../spec/index.ts";
import { VERSION } from "../version.ts";
import { action, readJsonFile } from "../command-kit.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

function placeholderSpec(name: string): CapabilitySpec {
  return parseSpec({
    capability: name,
    description: "TODO: what it does, in one sentence",
    inputSchema: { type: "object" },
    outputSchema: {},
    constraints: ["deterministic"],
    examples: [{ input: {}, output: null }],
  });
}

function skeleton(spec: CapabilitySpec): string {
  const cases = spec.examples.slice(0, 8).map((e) => `//   ${JSON.stringify(e.input)} => ${JSON.stringify(e.output)}`);
  return [
    `// capability: ${spec.capability}`,
    `// ${spec.description.replace(/\s+/g, " ")}`,
    "// Written by hand. `capsmith plugin test DIR` runs the spec's examples (and tests) in the sandbox:",
    ...cases,
    `export default function ${spec.capability}(input, host) {`,
    '  throw new Error("not written yet");',
    "}",
    "",
  ].join("\n");
}

export function registerPluginNew(plugin: Command): void {
  plugin
    .command("new")
    .description(PLUGIN_SUMMARIES.new)
    .argument("<name>", "the capability, snake_case")
    .option("--spec <file>", "the capability spec whose examples become the plugin's golden cases")
    .option("--dir <dir>", "where to write it (default ./NAME)")
    .action(
      action(async (_ctx, name: string, opts: { spec?: string; dir?: string }) => {
        if (!CAPABILITY_NAME.test(name)) throw new UsageError("usage", `"${name}" is not a capability name`, { nextStep: "Use snake_case, e.g. capsmith plugin new total_cost." });
        let spec: CapabilitySpec;
        if (opts.spec) {
          try {
            spec = parseSpec({ ...(await readJsonFile(opts.spec, "spec file") as Record<string, unknown>), capability: name });
          } catch (err) {
            if (!(err instanceof SpecError)) throw err;
            throw asUsageError(err, "invalid_input", opts.spec);
          }
        } else spec = placeholderSpec(name);
        const dir = resolve(opts.dir ?? name);
        const existing = await readdir(dir).catch(() => []);
        if (existing.length > 0) throw new UsageError("usage", `${dir} exists and is not empty`, { nextStep: "Choose another --dir, or remove it first." });
        await mkdir(dir, { recursive: true });
        const manifest = { capability: name, version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: `>=${VERSION} <1.0.0`, profile: "node", provenance: { origin: "authored" } };
        const { tests: _held, ...visible } = spec;
        await writeFile(join(dir, "spec.json"), JSON.stringify({ ...visible, ...(spec.tests ? { tests: spec.tests } : {}) }, null, 2) + "\n");
        await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
        await writeFile(join(dir, "plugin.js"), skeleton(spec));
        const cases = spec.examples.length + (spec.tests?.length ?? 0);
        const next = [
          `edit ${join(dir, "plugin.js")}${opts.spec ? "" : ` and the examples in ${join(dir, "spec.json")}`}`,
          `capsmith plugin test ${dir}`,
          `capsmith plugin pack ${dir} -o ${name}.capsmith.json && capsmith plugin install ${name}.capsmith.json`,
        ];
        return {
          json: { ok: true, capability: name, dir, files: ["spec.json", "manifest.json", "plugin.js"], cases, next },
          text: [`scaffolded ${name} in ${dir} (${cases} golden case(s) from the spec)`, "next:", ...next.map((n) => `  ${n}`)].join("\n"),
        };
      }),
    );
}

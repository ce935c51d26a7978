/** Turns a found program into the plugin module text and its golden tests. */
import type { CapabilitySpec } from "../../spec/index.ts";
import type { GoldenTest } from "./backend.ts";
import { emitFunction } from "./emit.ts";
import type { Expr, Json } from "./types.ts";

export function pluginModule(spec: CapabilitySpec, program: Expr, size: number): string {
  const description = spec.description.replace(/\s+/g, " ").replace(/\*\//g, "* /");
  const header = [
    `// capability: ${spec.capability}`,
    ...(description ? [`// ${description}`] : []),
    `// Synthesized from ${spec.examples.length} example(s) by capsmith's offline \`example\` backend (program size ${size}).`,
  ];
  return `${header.join("\n")}\n${emitFunction(program, spec.capability)}`;
}

export function goldenTests(spec: CapabilitySpec): GoldenTest[] {
  return spec.examples.map((e, i) => ({ name: `example_${i + 1}`, input: e.input as Json, output: e.output as Json }));
}

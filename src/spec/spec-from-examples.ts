/**
 * A spec from a name, a description and examples, as a person gives them (the REPL's `/need`, the
 * HTTP API, MCP's `request_capability`), or a spec file with examples and no schemas
 * (`capsmith synthesize --spec`, `/synthesize`): the schemas say what the examples already show
 * (types, object properties, array items), and the person is told they were inferred.
 */
import { parseSpec } from "./spec-schema.ts";
import type { CapabilitySpec } from "./spec-schema.ts";

export type JsonSchema = Record<string, unknown>;

export interface ExampleRequest {
  capability: string;
  description?: string | undefined;
  examples: readonly { input: unknown; output: unknown; offered?: unknown[] | undefined }[];
}

/** Validated like any spec (`invalid_spec` with issue paths); deterministic by default. */
export function specFromExamples(request: ExampleRequest): CapabilitySpec {
  return parseSpec({
    capability: request.capability,
    description: request.description?.trim() || request.capability,
    inputSchema: schemaOf(request.examples.map((e) => e.input)),
    outputSchema: schemaOf(request.examples.map((e) => e.output)),
    constraints: ["deterministic"],
    examples: request.examples,
  });
}

export type InferredSchema = "inputSchema" | "outputSchema";

/**
 * Validates a spec as `parseSpec` does, first giving a spec that has examples but lacks
 * `inputSchema` or `outputSchema` the schema its examples show. `inferred` names what was filled in.
 */
export function parseSpecInferringSchemas(value: unknown): { spec: CapabilitySpec; inferred: InferredSchema[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { spec: parseSpec(value), inferred: [] };
  const raw = value as Record<string, unknown>;
  const examples = Array.isArray(raw["examples"]) ? (raw["examples"] as unknown[]).filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null) : [];
  const inferred: InferredSchema[] = [];
  const filled: Record<string, unknown> = { ...raw };
  if (examples.length > 0) {
    for (const [field, side] of [["inputSchema", "input"], ["outputSchema", "output"]] as const) {
      if (Object.hasOwn(raw, field)) continue;
      filled[field] = schemaOf(examples.map((e) => e[side]));
      inferred.push(field);
    }
  }
  return { spec: parseSpec(filled), inferred };
}

export function schemaOf(values: readonly unknown[]): JsonSchema {
  const types = new Set(values.map(typeOf));
  if (types.size !== 1) {
    // integer and number mix into number; anything else stays open
    if (types.size === 2 && types.has("integer") && types.has("number")) return { type: "number" };
    return {};
  }
  const type = [...types][0]!;
  if (type === "object") {
    const objects = values as Record<string, unknown>[];
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    const properties = Object.fromEntries(keys.map((k) => [k, schemaOf(objects.filter((o) => Object.hasOwn(o, k)).map((o) => o[k]))]));
    const required = keys.filter((k) => objects.every((o) => Object.hasOwn(o, k)));
    return { type: "object", properties, ...(required.length ? { required } : {}) };
  }
  if (type === "array") {
    const items = (values as unknown[][]).flat();
    return items.length ? { type: "array", items: schemaOf(items) } : { type: "array" };
  }
  return type === "unknown" ? {} : { type };
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  switch (typeof value) {
    case "number": return "number";
    case "string": return "string";
    case "boolean": return "boolean";
    case "object": return "object";
    default: return "unknown";
  }
}

/**
 * A JSON Schema from example values, for specs written at the REPL: the person gives examples,
 * and the schemas say what those examples already show (types, object properties, array items).
 */
export type JsonSchema = Record<string, unknown>;

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
    const properties = Object.fromEntries(keys.map((k) => [k, schemaOf(objects.filter((o) => k in o).map((o) => o[k]))]));
    const required = keys.filter((k) => objects.every((o) => k in o));
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

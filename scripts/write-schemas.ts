/**
 * Writes the JSON Schemas of the files people write or move between hubs (plugin manifest, plugin
 * package, policy) to schemas/, from the zod schemas the code validates with.
 * `node scripts/write-schemas.ts`; a test checks the committed files equal a fresh export.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { manifestSchema } from "../src/hub/manifest.ts";
import { pluginPackageSchema } from "../src/hub/package-format.ts";
import { policySchema } from "../src/hub/policy.ts";

export const SCHEMA_DIR = join(import.meta.dirname, "..", "schemas");

/** File name → file text. `io: "input"`: what a person may write (fields with defaults are optional). */
export function renderSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string, title: string): string =>
    JSON.stringify({ $id: id, title, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) }, null, 2) + "\n";
  return {
    "plugin-manifest.schema.json": render(manifestSchema, "https://capsmith.dev/schemas/plugin-manifest.schema.json", "capsmith plugin manifest"),
    "plugin-package.schema.json": render(pluginPackageSchema, "https://capsmith.dev/schemas/plugin-package.schema.json", "capsmith plugin package"),
    "policy.schema.json": render(policySchema, "https://capsmith.dev/schemas/policy.schema.json", "capsmith governance policy"),
  };
}

if (import.meta.main) {
  await mkdir(SCHEMA_DIR, { recursive: true });
  for (const [name, text] of Object.entries(renderSchemas())) {
    await writeFile(join(SCHEMA_DIR, name), text);
    process.stdout.write(`wrote schemas/${name}\n`);
  }
}

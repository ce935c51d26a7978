/**
 * Writes schemas/plan.schema.json from the zod schema `parsePlan` validates with.
 * `node scripts/write-plan-schema.ts`; tests/plan/plan-json-schema.test.ts checks the committed file
 * equals a fresh export, so it cannot drift.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { planSchema } from "../src/agents/plan/index.ts";

export const PLAN_SCHEMA_FILE = join(import.meta.dirname, "..", "schemas", "plan.schema.json");

/** `io: "input"`: what a person may write (fields with defaults are optional). */
export function renderPlanSchema(): string {
  const schema = z.toJSONSchema(planSchema, { io: "input", unrepresentable: "any" });
  return JSON.stringify({ $id: "https://capsmith.dev/schemas/plan.schema.json", title: "capsmith plan", ...schema }, null, 2) + "\n";
}

if (import.meta.main) {
  await writeFile(PLAN_SCHEMA_FILE, renderPlanSchema());
  process.stdout.write("wrote schemas/plan.schema.json\n");
}

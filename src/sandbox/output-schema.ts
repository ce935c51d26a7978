/** Validation of plugin output against the capability's JSON Schema (draft 2020-12) with ajv. */
import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type * as AjvModule from "ajv/dist/2020.js";

// Required on first use (see spec/validator.ts).
const require = createRequire(import.meta.url);
import type { ErrorObject, ValidateFunction } from "ajv";
import { eventText } from "../events/index.ts";
import { SandboxError } from "./errors.ts";

export type OutputValidator = (output: unknown) => SandboxError | undefined;

let ajv: Ajv2020 | undefined;

export function compileOutputSchema(schema: Record<string, unknown> | boolean, pluginId: string): OutputValidator {
  ajv ??= new (require("ajv/dist/2020.js") as typeof AjvModule).Ajv2020({ allErrors: true, strict: false });
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (cause) {
    throw new SandboxError("invalid_plugin", `the output schema of ${pluginId} is not valid JSON Schema: ${(cause as Error).message}`, { cause });
  }
  return (output) => {
    if (validate(output)) return undefined;
    const issues = (validate.errors ?? []).map(toIssue);
    return new SandboxError("output_invalid", `the output of ${pluginId} does not match its schema: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, {
      details: { issues },
    });
  };
}

function toIssue(e: ErrorObject): { path: string; message: string } {
  const path = e.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
  // The path names the plugin's own keys: made well-formed, as this message goes into events
  // (a health check's rollback, a run's end).
  return { path: eventText(path || "(root)"), message: e.message ?? e.keyword };
}

/**
 * Errors in the REPL are values: anything a command throws becomes an `error` result with the code
 * and next step the core gave it, so the person always sees what to do next.
 */
import { CapsmithError } from "../../events/index.ts";
import type { CommandResult } from "./types.ts";

export type ReplErrorCode = "usage" | "unknown_command" | "not_found" | "cancelled" | "busy" | "needs_person" | "file_not_found" | "invalid_json";

export class ReplError extends CapsmithError<ReplErrorCode> {
  override name = "ReplError";
}

export function errorResult(err: unknown): Extract<CommandResult, { type: "error" }> {
  if (err instanceof CapsmithError) {
    const e = err as CapsmithError<string>;
    return { type: "error", code: e.code, message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}) };
  }
  if (err instanceof Error && err.name === "AbortError") return { type: "error", code: "cancelled", message: "cancelled" };
  return { type: "error", code: "internal", message: err instanceof Error ? err.message : String(err), nextStep: "This is a bug in capsmith; the log file has the stack." };
}

export function usage(message: string, nextStep: string): ReplError {
  return new ReplError("usage", message, { nextStep });
}

/** Usage errors exit 2 in `-p` mode; other failures exit 1. */
export function isUsageCode(code: string): boolean {
  return code === "usage" || code === "unknown_command" || code === "needs_person" || code === "invalid_json" || code === "file_not_found";
}

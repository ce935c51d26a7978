/**
 * Plain-text rendering of a result: what `capsmith -p` prints and what a session records. Text a
 * plugin or an event wrote reaches a terminal only through `safeText`; tables are laid out for a
 * width when one is known.
 */
import { safeText, tableLines } from "../../terminal/index.ts";
import type { CommandResult } from "./types.ts";

export function resultText(result: CommandResult, width?: number): string {
  return safeText(rawText(result, width));
}

function rawText(result: CommandResult, width?: number): string {
  switch (result.type) {
    case "message":
      return result.text;
    case "table":
      return [result.title, ...resultTable(result, width), result.footer].filter((l) => l !== undefined).join("\n");
    case "json":
      return [result.title, JSON.stringify(result.value, null, 2)].filter((l) => l !== undefined).join("\n");
    case "error":
      return `error [${result.code}]: ${result.message}${result.nextStep ? `\nnext step: ${result.nextStep}` : ""}`;
    case "prompt":
      return `${result.text}\n  ${result.suggestion}`;
    case "quit":
      return "bye";
  }
}

/** A table result's header and rows, fitted to `width` as the result's layout hints say. */
export function resultTable(result: Extract<CommandResult, { type: "table" }>, width?: number): string[] {
  return tableLines(result.columns, result.rows, { ...result.layout, ...(width !== undefined ? { width } : {}) });
}

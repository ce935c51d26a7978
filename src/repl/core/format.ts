/** Plain-text rendering of a result: what `capsmith -p` prints and what a session records. */
import type { CommandResult } from "./types.ts";

export function resultText(result: CommandResult): string {
  switch (result.type) {
    case "message":
      return result.text;
    case "table":
      return [result.title, ...tableLines(result.columns, result.rows), result.footer].filter((l) => l !== undefined).join("\n");
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

/** Columns padded to their widest cell. */
export function tableLines(columns: string[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(columns), ...rows.map(line)];
}

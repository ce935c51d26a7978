import React from "react";
import { Box, Text, useWindowSize } from "ink";
import { safeText } from "../../terminal/index.ts";
import { resultTable } from "../core/format.ts";
import type { CommandResult } from "../core/types.ts";

const h = React.createElement;
const TONES = { info: "cyan", success: "green", warning: "yellow" } as const;
/** What a plugin, a model or an event wrote is shown, never run by the terminal. */
const safe = (text: string): string => safeText(text);

export function ResultView({ result }: { result: CommandResult }): React.ReactElement | null {
  const { columns } = useWindowSize();
  switch (result.type) {
    case "message":
      return h(Text, result.tone ? { color: TONES[result.tone] } : {}, safe(result.text));
    case "table": {
      // One column short of the terminal: a line exactly as wide as it wraps on some terminals.
      const [head, ...rows] = resultTable(result, Math.max(20, columns - 1));
      return h(
        Box,
        { flexDirection: "column" },
        result.title ? h(Text, { bold: true }, safe(result.title)) : null,
        h(Text, { dimColor: true }, head),
        ...rows.map((r, i) => h(Text, { key: i }, r)),
        result.footer ? h(Text, { color: "yellow" }, safe(result.footer)) : null,
      );
    }
    case "json":
      return h(Box, { flexDirection: "column" }, result.title ? h(Text, { bold: true }, safe(result.title)) : null, h(Text, { color: "white" }, safe(JSON.stringify(result.value, null, 2))));
    case "error":
      return h(
        Box,
        { flexDirection: "column" },
        h(Text, { color: "red" }, safe(`✗ ${result.message} [${result.code}]`)),
        result.nextStep ? h(Text, { color: "yellow" }, safe(`  next: ${result.nextStep}`)) : null,
      );
    case "prompt":
      return h(Box, { flexDirection: "column" }, h(Text, { color: "green" }, safe(result.text)), h(Text, { dimColor: true }, safe(`  ${result.suggestion}`)));
    case "quit":
      return h(Text, { dimColor: true }, "bye");
  }
}

import React from "react";
import { Box, Text } from "ink";
import { tableLines } from "../core/format.ts";
import type { CommandResult } from "../core/types.ts";

const h = React.createElement;
const TONES = { info: "cyan", success: "green", warning: "yellow" } as const;

export function ResultView({ result }: { result: CommandResult }): React.ReactElement | null {
  switch (result.type) {
    case "message":
      return h(Text, result.tone ? { color: TONES[result.tone] } : {}, result.text);
    case "table": {
      const [head, ...rows] = tableLines(result.columns, result.rows);
      return h(
        Box,
        { flexDirection: "column" },
        result.title ? h(Text, { bold: true }, result.title) : null,
        h(Text, { dimColor: true }, head),
        ...rows.map((r, i) => h(Text, { key: i }, r)),
        result.footer ? h(Text, { color: "yellow" }, result.footer) : null,
      );
    }
    case "json":
      return h(Box, { flexDirection: "column" }, result.title ? h(Text, { bold: true }, result.title) : null, h(Text, { color: "white" }, JSON.stringify(result.value, null, 2)));
    case "error":
      return h(
        Box,
        { flexDirection: "column" },
        h(Text, { color: "red" }, `✗ ${result.message} [${result.code}]`),
        result.nextStep ? h(Text, { color: "yellow" }, `  next: ${result.nextStep}`) : null,
      );
    case "prompt":
      return h(Box, { flexDirection: "column" }, h(Text, { color: "green" }, result.text), h(Text, { dimColor: true }, `  ${result.suggestion}`));
    case "quit":
      return h(Text, { dimColor: true }, "bye");
  }
}

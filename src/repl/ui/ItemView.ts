import React from "react";
import { Box, Text } from "ink";
import { safeText } from "../../terminal/index.ts";
import { ActivityLine } from "./ActivityLine.ts";
import { ResultView } from "./ResultView.ts";
import type { Item } from "./view-state.ts";

const h = React.createElement;

/** A finished item of the transcript; rendered once (it lives in Ink's Static). */
export function ItemView({ item }: { item: Item }): React.ReactElement {
  switch (item.kind) {
    case "banner":
      return h(
        Box,
        { flexDirection: "column", borderStyle: "round", borderColor: "cyan", paddingX: 1 },
        h(Text, { bold: true, color: "cyan" }, "capsmith — agents that grow their own capabilities"),
        h(Text, { dimColor: true }, safeText(`log ${item.where} · session ${item.sessionId} · backend ${item.backend}${item.llm ? " · llm configured" : " · no llm (plain words get pointers)"}`)),
        h(Text, { dimColor: true }, "/help for commands · Tab completes · ↑/↓ history · Ctrl-C cancels, twice exits"),
      );
    case "input":
      return item.answer ? h(Text, { color: "yellow" }, safeText(`  ↳ ${item.text || "(empty)"}`)) : h(Text, { color: "cyan", bold: true }, safeText(`› ${item.text}`));
    case "output":
      return h(Box, { marginBottom: 1 }, h(ResultView, { result: item.result }));
    case "activity":
      return h(ActivityLine, { activity: item.activity });
    case "line":
      return h(Text, { dimColor: true }, safeText(item.text));
  }
}

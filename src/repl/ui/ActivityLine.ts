import React from "react";
import { Text } from "ink";
import { safeText } from "../../terminal/index.ts";
import type { Activity } from "../core/types.ts";
import { Spinner } from "./Spinner.ts";

const h = React.createElement;

/** One line of agent activity: a spinner while working, ✓ or ✗ once finished. */
export function ActivityLine({ activity }: { activity: Activity }): React.ReactElement {
  switch (activity.type) {
    case "agent":
    case "install":
    case "step": {
      const who = activity.type === "agent" ? `${activity.agent}: ` : "";
      const mark = activity.state === "working" ? h(Spinner) : h(Text, { color: activity.state === "done" ? "green" : "red" }, activity.state === "done" ? "✓" : "✗");
      return h(Text, {}, mark, " ", h(Text, { color: "magenta" }, safeText(who, { oneLine: true })), h(Text, activity.state === "failed" ? { color: "red" } : {}, safeText(activity.text, { oneLine: true })));
    }
    case "outcome":
      return h(Text, { color: activity.ok ? "green" : "red", bold: true }, safeText(`${activity.ok ? "●" : "✗"} ${activity.text}`, { oneLine: true }));
    case "approval":
      return h(Text, { color: "yellow", bold: true }, safeText(`? ${activity.pluginId} waits for an operator: ${activity.reasons.join("; ")}`, { oneLine: true }));
  }
}

import React from "react";
import { Text, useAnimation } from "ink";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export function Spinner(): React.ReactElement {
  const { frame } = useAnimation({ interval: 100 });
  return React.createElement(Text, { color: "cyan" }, FRAMES[frame % FRAMES.length]);
}

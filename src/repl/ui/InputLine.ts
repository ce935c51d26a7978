import React from "react";
import { Box, Text } from "ink";
import { safeText } from "../../terminal/index.ts";
import type { EditorState } from "./line-editor.ts";

const h = React.createElement;

/** The prompt and the line being typed, with the cursor shown as an inverse cell. */
export function InputLine({ editor, prompt, placeholder, active }: { editor: EditorState; prompt: string; placeholder?: string; active: boolean }): React.ReactElement {
  const { text, cursor } = editor;
  const body =
    text === "" && placeholder
      ? [h(Text, { key: "c", inverse: active }, " "), h(Text, { key: "p", dimColor: true }, placeholder)]
      : [
          h(Text, { key: "a" }, safeText(text.slice(0, cursor), { oneLine: true })),
          h(Text, { key: "c", inverse: active }, safeText(text[cursor] ?? " ", { oneLine: true })),
          h(Text, { key: "b" }, safeText(text.slice(cursor + 1), { oneLine: true })),
        ];
  return h(Box, {}, h(Text, { color: "cyan", bold: true }, prompt), ...body);
}

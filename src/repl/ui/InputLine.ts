import React from "react";
import { Box, Text } from "ink";
import type { EditorState } from "./line-editor.ts";

const h = React.createElement;

/** The prompt and the line being typed, with the cursor shown as an inverse cell. */
export function InputLine({ editor, prompt, placeholder, active }: { editor: EditorState; prompt: string; placeholder?: string; active: boolean }): React.ReactElement {
  const { text, cursor } = editor;
  const body =
    text === "" && placeholder
      ? [h(Text, { key: "c", inverse: active }, " "), h(Text, { key: "p", dimColor: true }, placeholder)]
      : [
          h(Text, { key: "a" }, text.slice(0, cursor)),
          h(Text, { key: "c", inverse: active }, text[cursor] ?? " "),
          h(Text, { key: "b" }, text.slice(cursor + 1)),
        ];
  return h(Box, {}, h(Text, { color: "cyan", bold: true }, prompt), ...body);
}
